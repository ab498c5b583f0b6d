"""Text cells: shared strings when the workbook keeps them (Excel and LibreOffice do), else inline
strings (jobbook's template does). A text already in the shared string table is reused; a new one is
appended and the table's counts are kept right. The table is streamed, never loaded whole."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._values import t_element, untext

_SI = re.compile(r"<(\w+:)?si\b[^>]*?(?:/>|>(.*?)</(\w+:)?si>)", re.S)
_PLAIN = re.compile(r"^<(\w+:)?t(?:\s[^>]*)?>([^<]*)</(\w+:)?t>$|^<(\w+:)?t\s*/>$")
_SST_TAG = re.compile(r"<(\w+:)?sst\b([^>]*)>")


def _decoded(chunks: Iterable[bytes]) -> Iterator[str]:
    import codecs

    dec = codecs.getincrementaldecoder("utf-8")()
    for c in chunks:
        yield dec.decode(c)
    yield dec.decode(b"", final=True)


def _items(chunks: Iterable[bytes]) -> Iterator[tuple[int, str | None]]:
    """(index, plain text or None for rich text) of each shared string, streamed."""
    buf, n = "", 0
    for piece in _decoded(chunks):
        buf += piece
        last = 0
        for m in _SI.finditer(buf):
            inner = m.group(2) or ""
            plain = _PLAIN.match(inner)
            yield n, (untext(plain.group(2) or "") if plain else None)
            n += 1
            last = m.end()
        buf = buf[last:]


class SharedStrings:
    """Shared strings of one workbook: indices of texts already there, texts to add."""

    def __init__(self, chunks: Iterable[bytes] | None, wanted: set[str]):
        self.present = chunks is not None
        self.index: dict[str, int] = {}
        self.count = 0
        self.added: list[str] = []
        self.references = 0  # change in the number of cells referring to the table
        if chunks is None:
            return
        for i, value in _items(chunks):
            if value is not None and value in wanted and value not in self.index:
                self.index[value] = i
            self.count = i + 1

    def ref(self, value: str) -> int:
        """The index of `value`, added to the table if new."""
        if value not in self.index:
            self.index[value] = self.count + len(self.added)
            self.added.append(value)
        return self.index[value]

    def lookup(self, chunks: Iterable[bytes], wanted: set[int]) -> dict[int, str]:
        """The texts at indices `wanted` (for showing old values)."""
        out: dict[int, str] = {}
        if not wanted:
            return out
        top = max(wanted)
        for i, value in _items(chunks):
            if i in wanted:
                out[i] = value if value is not None else "(rich text)"
            if i >= top:
                break
        return out

    def transform(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """The shared string table with the new texts appended and its counts updated."""
        head_done = False
        buf = ""
        for piece in _decoded(chunks):
            buf += piece
            if not head_done:
                m = _SST_TAG.search(buf)
                if not m:
                    continue
                attrs = m.group(2)
                self.prefix = m.group(1) or ""
                attrs = _bump(attrs, "uniqueCount", self.count + len(self.added))
                attrs = _bump(attrs, "count", None, self.references)
                selfclosing = attrs.endswith("/")
                if selfclosing:
                    attrs = attrs[:-1]
                yield (buf[: m.start()] + f"<{self.prefix}sst{attrs}>").encode()
                buf = buf[m.end() :]
                if selfclosing:
                    buf = f"</{self.prefix}sst>" + buf
                head_done = True
            end = buf.find(f"</{self.prefix}sst>")
            if end >= 0:
                new = "".join(
                    f"<{self.prefix}si>{t_element(s, self.prefix)}</{self.prefix}si>"
                    for s in self.added
                )
                buf = buf[:end] + new + buf[end:]
                yield buf.encode()
                buf = ""
                self.added = []  # written; a later chunk holds nothing more to add
                continue
            keep = len(f"</{self.prefix}sst>")
            if len(buf) > keep:
                yield buf[:-keep].encode()
                buf = buf[-keep:]
        if buf:
            yield buf.encode()


def _bump(attrs: str, name: str, value: int | None, delta: int = 0) -> str:
    m = re.search(rf'\s{name}="(\d+)"', attrs)
    if not m:
        return attrs
    new = value if value is not None else max(0, int(m.group(1)) + delta)
    return attrs[: m.start()] + f' {name}="{new}"' + attrs[m.end() :]


def inline(value: str, prefix: str = "") -> str:
    """The inner XML of an inline string cell."""
    return f"<{prefix}is>{t_element(value, prefix)}</{prefix}is>"

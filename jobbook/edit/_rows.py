"""Sheet XML as a stream of rows: the head (up to ``<sheetData>``), regions of whole rows, and the
tail (from ``</sheetData>``). A sheet of a million rows passes through in chunks; only the rows
the editor writes are taken apart into cells."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import NotAWorkbook
from ..reader._layout import col_index as col_number  # one spelling of A1 columns
from ..reader._layout import col_letters  # noqa: F401 (re-exported to the editor)

_SHEET_DATA = re.compile(r"<(\w+:)?sheetData\b[^>]*?(/?)>")
ROW = re.compile(r"<(\w+:)?row\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?row>)", re.S)
CELL = re.compile(r"<(\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
ROW_NO = re.compile(r'\sr="(\d+)"')
CELL_REF = re.compile(r'\sr="([A-Z]{1,3})(\d+)"')
_CHUNK_TEXT = 1 << 20


def attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\s{name}="([^"]*)"', attrs)
    return m.group(1) if m else None


@dataclass
class Cell:
    col: int
    attrs: str  # the start tag's attributes, as written
    inner: str | None  # None for <c .../>
    raw: str

    @property
    def style(self) -> int | None:
        s = attr(self.attrs, "s")
        return int(s) if s and s.isdigit() else None

    @property
    def has_formula(self) -> bool:
        return self.inner is not None and re.match(r"\s*<(\w+:)?f\b", self.inner) is not None


def cells(row_inner: str | None, where: str) -> list[Cell]:
    out = []
    for m in CELL.finditer(row_inner or ""):
        ref = CELL_REF.search(m.group(2))
        if not ref:
            raise NotAWorkbook(
                f"{where}: a cell without a reference; open and save the workbook in Excel or LibreOffice first"
            )
        out.append(Cell(col_number(ref.group(1)), m.group(2), m.group(3), m.group(0)))
    return out


def row_number(row_attrs: str, where: str) -> int:
    m = ROW_NO.search(row_attrs)
    if not m:
        raise NotAWorkbook(
            f"{where}: a row without a number; open and save the workbook in Excel or LibreOffice first"
        )
    return int(m.group(1))


def decoded(chunks: Iterable[bytes]) -> Iterator[str]:
    dec = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    for c in chunks:
        pending += dec.decode(c)
        if len(pending) >= _CHUNK_TEXT:
            yield pending
            pending = ""
    pending += dec.decode(b"", final=True)
    if pending:
        yield pending


def split(chunks: Iterable[bytes], where: str) -> Iterator[tuple[str, str, str]]:
    """("head", text, prefix), then ("rows", text of whole rows, prefix)..., then ("tail", text,
    prefix). The prefix is the namespace prefix of the sheet's elements (``""`` or ``"x:"``)."""
    buf = ""
    state = "head"
    prefix = ""
    end_rows = "</sheetData>"
    for piece in decoded(chunks):
        buf += piece
        if state == "head":
            m = _SHEET_DATA.search(buf)
            if not m:
                continue
            prefix = m.group(1) or ""
            end_rows = f"</{prefix}sheetData>"
            if m.group(2):  # <sheetData/>: no rows
                yield "head", buf[: m.start()] + f"<{prefix}sheetData>", prefix
                buf = end_rows + buf[m.end() :]
                state = "tail"
                continue
            yield "head", buf[: m.end()], prefix
            buf = buf[m.end() :]
            state = "rows"
        if state == "rows":
            stop = buf.find(end_rows)
            if stop >= 0:
                if stop:
                    yield "rows", buf[:stop], prefix
                buf = buf[stop:]
                state = "tail"
                continue
            cut = _last_row_end(buf, prefix)
            if cut:
                yield "rows", buf[:cut], prefix
                buf = buf[cut:]
    if state == "head":
        raise NotAWorkbook(f"{where}: the sheet has no cell data (no <sheetData>)")
    if state == "rows":
        raise NotAWorkbook(f"{where}: the sheet is cut short")
    yield "tail", buf, prefix


def _last_row_end(buf: str, prefix: str) -> int:
    """The end of the last complete row in `buf` (0 if none): after the last ``</row>``, or after
    a self-closing ``<row .../>`` that follows it."""
    close = f"</{prefix}row>"
    end = buf.rfind(close)
    end = end + len(close) if end >= 0 else 0
    last = 0
    for m in re.finditer(rf"<{re.escape(prefix)}row\b[^>]*/>", buf[end:]):
        last = m.end()
    return end + last


def last_row_in(region: str, prefix: str, where: str) -> tuple[int, str] | None:
    """The number and text of the last row in `region`."""
    at = max(region.rfind(f"<{prefix}row "), region.rfind(f"<{prefix}row>"))
    m = ROW.match(region, at) if at >= 0 else None
    return (row_number(m.group(2), where), m.group(0)) if m else None


def first_row_in(region: str, where: str) -> int | None:
    m = ROW.search(region)
    return row_number(m.group(2), where) if m else None

"""Damaged workbooks, made from a small good one by rewriting its zip parts (test helper).

Each maker takes a good book (made by handmade.py, its strings moved to a shared-strings table as
Excel writes them) and the path to write; it returns that path. ``CASES`` maps a case name to its
maker and a piece of the one-line error that jobbook must give.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

Parts = dict[str, bytes]

SHEET1 = "xl/worksheets/sheet1.xml"  # the Pipeline sheet of conftest.build_search
_INLINE = re.compile(
    rb'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"([^>]*)><is><t>([^<]*)</t></is></c>'
)
_SST_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def read_parts(path: Path) -> Parts:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_parts(path: Path, parts: Parts) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def shared_strings(src: Path, dst: Path) -> Path:
    """`src` with every inline string moved to xl/sharedStrings.xml, as Excel writes a book."""
    parts = read_parts(src)
    table: dict[bytes, int] = {}

    def ref(m: re.Match) -> bytes:
        i = table.setdefault(m.group(4), len(table))
        return b'<c r="%s"%s t="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), m.group(3), i)

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name] = _INLINE.sub(ref, parts[name])
    items = b"".join(b"<si><t>%s</t></si>" % s for s in table)
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="%d" uniqueCount="%d">%s</sst>' % (len(table), len(table), items)
    )
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        f'<Relationship Type="{_SST_TYPE}" Target="sharedStrings.xml" Id="rIdSst"/>'
        "</Relationships>".encode(),
    )
    ct = "[Content_Types].xml"
    parts[ct] = parts[ct].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    return write_parts(dst, parts)


def changed(src: Path, dst: Path, **edits: Callable[[bytes], bytes | None]) -> Path:
    """`src` with parts changed: edits map a part (``xl__workbook_xml`` for xl/workbook.xml) to a
    function of its bytes; None drops the part."""
    parts = read_parts(src)
    for key, fn in edits.items():
        name = _part(key, parts)
        new = fn(parts[name])
        if new is None:
            del parts[name]
        else:
            parts[name] = new
    return write_parts(dst, parts)


def _part(key: str, parts: Parts) -> str:
    for name in parts:
        if re.sub(r"[^A-Za-z0-9]", "_", name) == key:
            return name
    raise KeyError(key)


def far_cell(ref: str, value: bool = True) -> Callable[[bytes], bytes]:
    """Add one cell at `ref` (a value, or formatting only) at the end of a sheet's data."""
    row = int(re.sub(r"\D", "", ref))
    cell = f'<c r="{ref}"><v>1</v></c>' if value else f'<c r="{ref}" s="0"/>'
    return lambda x: x.replace(b"</sheetData>", f'<row r="{row}">{cell}</row></sheetData>'.encode())


ENTITY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY e "'
    + b"ha" * 10
    + b'"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
)


def with_entities(x: bytes) -> bytes:
    """The part with a DOCTYPE declaring entities (a billion-laughs seed and an XXE)."""
    return ENTITY + re.sub(rb"^<\?xml[^>]*\?>\s*", b"", x)


def encrypted_member(src: Path, dst: Path, member: str = SHEET1) -> Path:
    """`src` with the general-purpose flag bit 0 (encrypted) set on one member, in both headers."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo(member)
    data[info.header_offset + 6] |= 1  # local file header: flag at offset 6
    name = member.encode()
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        assert at >= 0
        n = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if bytes(data[at + 46 : at + 46 + n]) == name:
            data[at + 8] |= 1  # central directory: flag at offset 8
            break
        at += 4
    dst.write_bytes(bytes(data))
    return dst


def zip_bomb(src: Path, dst: Path, size: int = 1100 << 20) -> Path:
    """`src` with its Pipeline sheet padded to `size` bytes of XML (blank rows), compressed ~1000:1;
    the file stays a few MB."""
    parts = read_parts(src)
    head, _, tail = parts[SHEET1].partition(b"</sheetData>")
    filler = b"<!--" + b" " * (size - len(head) - len(tail) - 20) + b"-->"
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name != SHEET1:
                z.writestr(name, data)
                continue
            with z.open(name, "w", force_zip64=True) as fh:
                fh.write(head)
                chunk = b" " * (8 << 20)
                left = len(filler) - 8
                fh.write(filler[:4])
                while left > 0:
                    fh.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
                fh.write(b"-->")
                fh.write(b"</sheetData>" + tail)
    return dst


def sheet_with_cells(cells: list[tuple[str, object]], date_style: bool = False) -> bytes:
    """A tiny worksheet part holding `cells` [(ref, value)] (numbers, or text inline)."""
    rows: dict[int, list[str]] = {}
    for ref, v in cells:
        r = int(re.sub(r"\D", "", ref))
        if isinstance(v, str):
            c = f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
        else:
            style = ' s="1"' if date_style else ""
            c = f'<c r="{ref}"{style}><v>{v}</v></c>'
        rows.setdefault(r, []).append(c)
    body = "".join(f'<row r="{r}">{"".join(cs)}</row>' for r, cs in sorted(rows.items()))
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode()


def deflate_size(data: bytes) -> int:
    return len(zlib.compress(data))

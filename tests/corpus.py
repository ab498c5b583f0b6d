"""Damaged workbooks, made from a small good one by rewriting its zip parts (test helper).

Each maker takes a good book (made by handmade.py, its strings moved to a shared-strings table as
Excel writes them) and the path to write; it returns that path. ``CASES`` maps a case name to its
maker and a piece of the one-line error that jobbook must give.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

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
    """`src` with its Pipeline sheet grown to `size` bytes of XML by one value cell repeated
    (deflated fast, ~150:1: a 7 MB file, a 1.1 GB sheet), written in pieces: the test stays small."""
    parts = read_parts(src)
    head, _, tail = parts[SHEET1].partition(b"</sheetData>")
    block = b'<row r="20"><c r="B20"><v>1</v></c></row>' * 100_000
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in parts.items():
            if name != SHEET1:
                z.writestr(name, data)
                continue
            with z.open(name, "w", force_zip64=True) as fh:
                fh.write(head)
                for _ in range(size // len(block)):
                    fh.write(block)
                fh.write(b"</sheetData>" + tail)
    return dst


def lying_size(src: Path, dst: Path, member: str = SHEET1) -> Path:
    """`src` whose zip directory declares one member 100 bytes long (it inflates to more)."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, 100)  # local header: uncompressed size
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        n = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + n]) == member.encode():
            struct.pack_into("<I", data, at + 24, 100)  # central directory: uncompressed size
            break
        at = data.find(b"PK\x01\x02", at + 4)
    dst.write_bytes(bytes(data))
    return dst


def replace_first(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def edit(x: bytes) -> bytes:
        assert old in x, old
        return x.replace(old, new, 1)

    return edit


def drop(_: bytes) -> None:
    return None


def cases(base: Path, d: Path, encrypted: Callable[[Path, Path], Path]) -> dict[str, tuple]:
    """Every class of damaged file: name -> (path, a piece of the one-line error). `base` is the
    good book with shared strings; `encrypted(src, dst)` writes a password-protected copy."""
    cut = d / "cut.xlsx"
    cut.write_bytes(base.read_bytes()[:4000])
    empty = d / "empty.xlsx"
    empty.write_bytes(b"")
    csv = d / "export.xlsx"
    csv.write_text("ID,Company\nA1,Acme\n")
    xls = d / "old.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    ods = write_parts(
        d / "sheet.ods",
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"},
    )
    xlsb = write_parts(
        d / "binary.xlsx", {"xl/workbook.bin": b"\0" * 16, "[Content_Types].xml": b"<x/>"}
    )
    other_zip = write_parts(d / "photos.xlsx", {"a.jpg": b"\xff\xd8"})
    folder = d / "folder.xlsx"
    folder.mkdir(exist_ok=True)
    sheet = "xl_worksheets_sheet1_xml"
    table = "xl_tables_table1_xml"  # the Interviews table
    sst = "xl_sharedStrings_xml"

    def edit(name: str, **edits) -> Path:
        return changed(base, d / f"{name}.xlsx", **edits)

    first_string = b'<c r="A1" t="s"><v>0</v></c>'
    return {
        "missing": (d / "nowhere.xlsx", "no such file"),
        "folder": (folder, "is a folder"),
        "empty": (empty, "the file is empty"),
        "truncated": (cut, "damaged or incomplete"),
        "csv renamed": (csv, "not an Excel workbook"),  # the read commands name import too
        "old .xls": (xls, "old binary .xls"),
        "encrypted": (encrypted(base, d / "locked.xlsx"), "password-protected"),
        "ods": (ods, "OpenDocument"),
        "xlsb": (xlsb, ".xlsb"),
        "other zip": (other_zip, "no xl/workbook.xml"),
        "sheet XML cut": (
            edit("halfsheet", **{sheet: lambda x: x[: len(x) // 2]}),
            "'Pipeline' is damaged",
        ),
        "entities in a sheet": (edit("ent_sheet", **{sheet: with_entities}), "entities"),
        "entities in workbook.xml": (edit("ent_wb", xl_workbook_xml=with_entities), "entities"),
        "entities in relationships": (
            edit("ent_rels", xl__rels_workbook_xml_rels=with_entities),
            "entities",
        ),
        "entities in shared strings": (edit("ent_sst", **{sst: with_entities}), "entities"),
        "entities in styles": (edit("ent_styles", xl_styles_xml=with_entities), "entities"),
        "entities in a table": (edit("ent_table", **{table: with_entities}), "entities"),
        "member encrypted in the zip": (
            encrypted_member(base, d / "enc_member.xlsx"),
            "encrypted inside the zip",
        ),
        "size that lies": (lying_size(base, d / "lying.xlsx"), "damaged"),
        "sheet part missing": (edit("no_sheet", **{sheet: drop}), "sheet1.xml is missing"),
        "shared strings missing": (edit("no_sst", **{sst: drop}), "sharedStrings.xml is missing"),
        "styles missing": (edit("no_styles", xl_styles_xml=drop), "styles.xml is missing"),
        "table part missing": (edit("no_table", **{table: drop}), "table1.xml, which is missing"),
        "shared string index in the header rows": (
            edit(
                "sst_head",
                **{sheet: replace_first(first_string, first_string.replace(b">0<", b">9999<"))},
            ),
            "shared string 9999",
        ),
        "shared strings too short": (
            edit(
                "sst_short", **{sst: lambda x: re.sub(rb"(<si>.*?</si>){40}</sst>", b"</sst>", x)}
            ),
            "shared string",
        ),
        "table range not a range": (
            edit("table_ref", **{table: replace_first(b'ref="A1:D8"', b'ref="oops"')}),
            "table part xl/tables/table1.xml",
        ),
        "table header count not a number": (
            edit(
                "table_hrc", **{table: replace_first(b'headerRowCount="1"', b'headerRowCount="x"')}
            ),
            "table part xl/tables/table1.xml",
        ),
        "value at XFD1048576": (
            edit("far1", **{sheet: far_cell("XFD1048576")}),
            "Pipeline!XFD1048576 holds a value far outside",
        ),
        "value at XFD5000": (
            edit("far2", **{sheet: far_cell("XFD5000")}),
            "Pipeline!XFD5000 holds",
        ),
        "value at Z1048576": (
            edit("far3", **{sheet: far_cell("Z1048576")}),
            "Pipeline!Z1048576 holds",
        ),
        "row 2,000,000": (
            edit("far4", **{sheet: far_cell("A2000000")}),
            "Pipeline!A2000000 lies past Excel's last row",
        ),
        "column past XFD": (
            edit("far5", **{sheet: far_cell("XFE5")}),
            "Pipeline!XFE5 lies past Excel's last column",
        ),
        "zip bomb": (zip_bomb(base, d / "bomb.xlsx"), "would inflate"),
    }

"""A History sheet for a book made before History (docs/definitions.md § History: a book without the sheet gets
it on its first change): a new worksheet part holding an Excel Table ``History``, its table part
and relationships, entered in ``workbook.xml``, the workbook's relationships and the content
types. Every other part of the book stays as it was."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..errors import BadValue
from ..letters import col_letters
from ..schema import HISTORY
from . import _package as pk
from ._sheet import SheetEdit
from ._styles import Styles
from ._values import attr

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"


@dataclass
class NewSheet:
    """Where the new History sheet goes and what it holds."""

    part: str  # xl/worksheets/sheetN.xml
    table_part: str  # xl/tables/tableM.xml
    table_id: int
    sheet_id: int
    rid: str  # its relationship from the workbook
    edit: SheetEdit

    @property
    def rels_part(self) -> str:
        return pk.rels_name(self.part)


def _free(names: set[str], pattern: str) -> str:
    n = 1
    while pattern.format(n) in names:
        n += 1
    return pattern.format(n)


def plan(path, zf: zipfile.ZipFile, pkg: pk.Package, workbook_xml: str) -> NewSheet:
    """Names and numbers for a new History sheet that clash with nothing in the book."""
    taken = {s.casefold() for s in pkg.sheets}
    if HISTORY.name.casefold() in taken:
        raise BadValue(
            f"{path}: the sheet {HISTORY.name} is not jobbook's History table (a header row with "
            f"{', '.join(HISTORY.required)}); rename it so that jobbook can keep the book's History"
        )
    names = re.findall(r'<(?:\w+:)?definedName\b[^>]*\bname="([^"]*)"', workbook_xml)
    tables = [zf.read(t).decode("utf-8") for parts in pkg.tables.values() for t in parts]
    table_names = [m for t in tables for m in re.findall(r'\b(?:name|displayName)="([^"]*)"', t)]
    if HISTORY.name.casefold() in {n.casefold() for n in [*names, *table_names]}:
        raise BadValue(
            f"{path}: the name {HISTORY.name} is taken by a defined name or another table; "
            "rename it so that jobbook can keep the book's History"
        )
    folder = posixpath.dirname(next(iter(pkg.sheets.values()), "xl/worksheets/sheet1.xml"))
    part = _free(pkg.names, folder + "/sheet{}.xml")
    table_part = _free(pkg.names, "xl/tables/table{}.xml")
    ids = [int(i) for t in tables for i in re.findall(r'<(?:\w+:)?table\b[^>]*?\sid="(\d+)"', t)]
    sheet_ids = [
        int(i) for i in re.findall(r'<(?:\w+:)?sheet\b[^>]*?\ssheetId="(\d+)"', workbook_xml)
    ]
    rels = zf.read(pk.rels_name(pkg.workbook)).decode("utf-8")
    rids = set(re.findall(r'\sId="([^"]*)"', rels))
    rid = _free(rids, "rId{}")
    return NewSheet(
        part,
        table_part,
        max(ids, default=0) + 1,
        max(sheet_ids, default=0) + 1,
        rid,
        SheetEdit(HISTORY.name, part),
    )


def skeleton(new: NewSheet, styles: Styles) -> bytes:
    """The sheet before its rows are written: columns as wide as the template's, the header
    frozen, printed landscape one page wide, a table part; the editor's patch writes the header
    and the rows (``fill``)."""
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{c.col_width}" customWidth="1"/>'
        for i, c in enumerate(HISTORY.columns, 1)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_R}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols}</cols><sheetData/>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'
    )
    return xml.encode()


def fill(new: NewSheet, rows: list[dict[str, object]], styles: Styles) -> int:
    """Put the header and `rows` (History rows by header) into the new sheet's edit; the dates
    in their formats. Returns the last row."""
    edit = new.edit
    for c, header in enumerate(HISTORY.headers, 1):
        edit.put(1, c, header)
    for r, values in enumerate(rows, 2):
        for c, header in enumerate(HISTORY.headers, 1):
            if values.get(header) is not None:
                edit.put(r, c, values[header])
    for c, col in enumerate(HISTORY.columns, 1):
        if col.fmt and col.kind in ("date", "done"):
            style = styles.format_style(col.fmt)
            if style is not None:
                edit.date_counts[c] = Counter({style: 1})
    edit.header_row = 1
    return len(rows) + 1 if rows else 2


def table_xml(new: NewSheet, last_row: int) -> bytes:
    ref = f"A1:{col_letters(len(HISTORY.columns))}{last_row}"
    columns = "".join(
        f'<tableColumn id="{i}" name="{attr(h)}"/>' for i, h in enumerate(HISTORY.headers, 1)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<table xmlns="{_MAIN}" id="{new.table_id}" name="{HISTORY.name}" '
        f'displayName="{HISTORY.name}" ref="{ref}" totalsRowShown="0">'
        f'<autoFilter ref="{ref}"/><tableColumns count="{len(HISTORY.columns)}">{columns}'
        '</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" '
        'showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
    )
    return xml.encode()


def sheet_rels(new: NewSheet) -> bytes:
    target = posixpath.relpath(new.table_part, posixpath.dirname(new.part))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_TYPES}/table" Target="{escape(target)}"/>'
        "</Relationships>"
    ).encode()


def in_workbook(xml: str, new: NewSheet) -> str:
    """``workbook.xml`` listing the new sheet last."""
    m = re.search(r"</(\w+:)?sheets>", xml)
    if not m:
        raise BadValue("the workbook lists no sheets")
    p = m.group(1) or ""
    r = re.search(rf'xmlns:(\w+)="{re.escape(_R)}"', xml)
    rp = r.group(1) if r else "r"
    declare = "" if r else f' xmlns:r="{_R}"'
    tag = f'<{p}sheet name="{HISTORY.name}" sheetId="{new.sheet_id}" {rp}:id="{new.rid}"{declare}/>'
    return xml[: m.start()] + tag + xml[m.start() :]


def in_relationships(xml: str, new: NewSheet, workbook: str) -> str:
    target = posixpath.relpath(new.part, posixpath.dirname(workbook))
    m = re.search(r"</(\w+:)?Relationships>", xml)
    p = m.group(1) or ""
    tag = f'<{p}Relationship Id="{new.rid}" Type="{_TYPES}/worksheet" Target="{escape(target)}"/>'
    return xml[: m.start()] + tag + xml[m.start() :]


def in_content_types(xml: str, new: NewSheet) -> str:
    m = re.search(r"</(\w+:)?Types>", xml)
    p = m.group(1) or ""
    tags = (
        f'<{p}Override PartName="/{new.part}" ContentType="{_CT_SHEET}"/>'
        f'<{p}Override PartName="/{new.table_part}" ContentType="{_CT_TABLE}"/>'
    )
    return xml[: m.start()] + tags + xml[m.start() :]

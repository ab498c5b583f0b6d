"""Build workbooks by hand, the way people make them, with openpyxl (test helper)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table, TableStyleInfo


def write_sheet(
    wb: Workbook,
    name: str,
    rows: list[dict],
    *,
    headers: list[str] | None = None,
    title: str | None = None,
    start_col: int = 1,
    table: bool = False,
    blank_rows_after: tuple[int, ...] = (),
    formats: dict[str, str] | None = None,
):
    """One sheet: an optional title two rows above the header, then the header and the rows."""
    ws = wb.create_sheet(name)
    headers = headers or list(dict.fromkeys(k for r in rows for k in r))
    r = 1
    if title:
        ws.cell(1, start_col, title)
        r = 3
    header_row = r
    for j, h in enumerate(headers):
        ws.cell(r, start_col + j, h)
    for i, row in enumerate(rows):
        r += 1
        for j, h in enumerate(headers):
            v = row.get(h)
            c = ws.cell(r, start_col + j, v)
            if isinstance(v, dt.date):
                c.number_format = "yyyy-mm-dd"
            if formats and h in formats:
                c.number_format = formats[h]
        if i in blank_rows_after:
            r += 1
    if table:
        ref = f"{get_column_letter(start_col)}{header_row}:{get_column_letter(start_col + len(headers) - 1)}{max(r, header_row + 1)}"
        t = Table(displayName=name, ref=ref)
        t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(t)
    return ws


def write_settings(
    wb: Workbook, values: dict[str, object], holidays: list[tuple[dt.date, str]] | None = None
):
    """A Settings sheet with named cells and, if given, a Holidays table at D1."""
    ws = wb.create_sheet("Settings")
    for i, (k, v) in enumerate(values.items(), start=1):
        ws.cell(i, 1, k)
        c = ws.cell(i, 2, v)
        if isinstance(v, dt.date):
            c.number_format = "yyyy-mm-dd"
        wb.defined_names[k] = DefinedName(k, attr_text=f"Settings!$B${i}")
    if holidays is not None:
        ws.cell(1, 4, "Date")
        ws.cell(1, 5, "Name")
        for i, (d, n) in enumerate(holidays, start=2):
            ws.cell(i, 4, d).number_format = "yyyy-mm-dd"
            ws.cell(i, 5, n)
        ws.add_table(Table(displayName="Holidays", ref=f"D1:E{max(2, len(holidays) + 1)}"))
    return ws


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


# -- shared formulas, as Excel writes a filled-down column and a filled-right row ----------------

SHARED_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<dimension ref="A1:O8"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/><sheetData>\
<row r="1" spans="1:15"><c r="A1" t="inlineStr"><is><t>ID</t></is></c>\
<c r="E1" t="inlineStr"><is><t>Base</t></is></c><c r="J1" t="inlineStr"><is><t>Next</t></is></c>\
<c r="L1"><v>1</v></c><c r="M1"><v>2</v></c><c r="O1" t="inlineStr"><is><t>Triple</t></is></c></row>\
{rows}\
<row r="7" spans="2:5"><c r="B7"><v>1</v></c><c r="C7"><v>2</v></c><c r="D7"><v>3</v></c>\
<c r="E7"><v>4</v></c></row>\
<row r="8" spans="2:5"><c r="B8"><f t="shared" ref="B8:E8" si="1">B7*2</f><v>2</v></c>\
<c r="C8"><f t="shared" si="1"/><v>4</v></c><c r="D8"><f t="shared" si="1"/><v>6</v></c>\
<c r="E8"><f t="shared" si="1"/><v>8</v></c></row>\
</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" \
footer="0.3"/></worksheet>"""


def _shared_row(r: int) -> str:
    """Row r of 2..5: J = E+7 filled down (si 0), L:M = $E*10+L$1 filled down and right (si 2),
    O = E*3 filled down (si 3); the masters on row 2."""

    def f(si: int, ref: str, text: str) -> str:
        return (
            f'<f t="shared" ref="{ref}" si="{si}">{text}</f>'
            if r == 2
            else f'<f t="shared" si="{si}"/>'
        )

    base = 100 * (r - 1)
    return (
        f'<row r="{r}" spans="1:15"><c r="A{r}" t="inlineStr"><is><t>A00{r - 1}</t></is></c>'
        f'<c r="E{r}"><v>{base}</v></c><c r="J{r}">{f(0, "J2:J5", "E2+7")}<v>{base + 7}</v></c>'
        f'<c r="L{r}">{f(2, "L2:M5", "$E2*10+L$1")}<v>{base * 10 + 1}</v></c>'
        f'<c r="M{r}"><f t="shared" si="2"/><v>{base * 10 + 2}</v></c>'
        f'<c r="O{r}">{f(3, "O2:O5", "E2*3")}<v>{base * 3}</v></c></row>'
    )


def shared_formula_book(path: Path) -> Path:
    """A workbook whose sheet "Plan" holds shared formulas exactly as Excel writes them: a column
    filled down (J2:J5 = E+7), a block filled down and right (L2:M5 = $E*10+L$1), another column
    (O2:O5 = E*3) and a row filled right (B8:E8 = B7*2)."""
    import zipfile

    wb = new_workbook()
    wb.create_sheet("Plan")
    save(wb, path)
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    xml = SHARED_SHEET.format(rows="".join(_shared_row(r) for r in range(2, 6)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            is_sheet = info.filename == "xl/worksheets/sheet1.xml"
            z.writestr(info, xml.encode() if is_sheet else data)
    return path

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

"""The Settings sheet: named cells, the as-of date every formula uses, and the Holidays table."""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Alignment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as XlTable
from openpyxl.worksheet.table import TableStyleInfo

from ..looks import style as st
from ..looks.safe import set_text_cell
from ..schema import (
    AS_OF_DATE_NAME,
    COMPANY_ALIASES_TABLE,
    COMPANY_ALIASES_TITLE,
    DATE_FORMAT,
    HOLIDAYS_TABLE,
    SETTINGS,
)

SHEET = "Settings"
# Named helper cells below the settings: formulas every other sheet shares.
HELPERS = (
    (
        AS_OF_DATE_NAME,
        '=IF(AsOf="",TODAY(),INT(AsOf))',
        "The date every flag and figure uses (computed).",
    ),
    (
        "MonthStart",
        f"=DATE(YEAR({AS_OF_DATE_NAME}),MONTH({AS_OF_DATE_NAME}),1)",
        "First day of the as-of month.",
    ),
    (
        "MonthNext",
        f"=DATE(YEAR({AS_OF_DATE_NAME}),MONTH({AS_OF_DATE_NAME})+1,1)",
        "First day of the next month.",
    ),
)
HOLIDAY_COL = 5  # column E
ALIAS_COL = 14  # column N, right of the Vesting table (H:L)
ALIAS_ROWS = 20  # empty rows for the user's aliases
NOTE_WIDTH = 64  # column C, "What it does"
LINE_POINTS = 15  # the height of one line of 11-point text


def _note(ws, row: int, text: str | None) -> None:
    """A note in column C, wrapped, its row as tall as its lines: neither Excel nor LibreOffice
    grows a row for wrapped text on opening, so a long note would run over the next row's."""
    ws.cell(row, 3, text).alignment = st.WRAP
    chars = int(NOTE_WIDTH * 1.1)  # characters of 11-point Calibri on one line, with a margin
    lines = -(-len(text or "") // chars)
    if lines > 1:
        ws.row_dimensions[row].height = LINE_POINTS * lines
        for col in (1, 2):  # the setting and its value beside the note's first line
            cell = ws.cell(row, col)
            cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top")


def _name(wb, name: str, cell: str) -> None:
    wb.defined_names[name] = DefinedName(name, attr_text=f"{SHEET}!{cell}")


def write_settings(wb, values: dict[str, object], holidays: list[tuple[dt.date, str]]) -> None:
    ws = wb.create_sheet(SHEET)
    ws.page_setup.orientation = "landscape"  # the notes print beside their settings
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for i, text in enumerate(("Setting", "Value", "What it does"), 1):
        c = ws.cell(1, i, text)
        c.font, c.fill = st.HEAD, st.HEAD_FILL
    for r, s in enumerate(SETTINGS, 2):
        ws.cell(r, 1, s.title).font = st.BOLD
        value = values.get(s.name, s.default)
        c = set_text_cell(ws.cell(r, 2), value)
        if s.kind == "date":
            c.number_format = DATE_FORMAT
            dv = DataValidation(
                type="date", operator="greaterThan", formula1="32874", allow_blank=True
            )
            dv.error, dv.errorTitle = "Enter a date, or leave blank for today.", s.name
        elif s.kind in ("int", "number"):
            kind = "whole" if s.kind == "int" else "decimal"
            dv = DataValidation(
                type=kind, operator="between", formula1=f"{s.lo or 0:g}", formula2=f"{s.hi:g}"
            )
            dv.error, dv.errorTitle = f"Enter a number from {s.lo or 0:g} to {s.hi:g}.", s.name
        else:
            dv = None
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(c.coordinate)
        _note(ws, r, s.note)
        _name(wb, s.name, f"$B${r}")
    top = len(SETTINGS) + 3
    for k, (name, formula, note) in enumerate(HELPERS):
        r = top + k
        ws.cell(r, 1, name).font = st.BOLD
        ws.cell(r, 2, formula).number_format = DATE_FORMAT
        _note(ws, r, note)
        _name(wb, name, f"$B${r}")
    ws.cell(
        top + len(HELPERS) + 1,
        1,
        "Holidays: business-day formulas skip the dates in the Holidays table (column E).",
    ).font = st.SUBTITLE
    ws.cell(
        top + len(HELPERS) + 2,
        1,
        "Add or remove rows there; the command jobbook new --country CC fills it for your country.",
    ).font = st.SUBTITLE

    ws.cell(1, HOLIDAY_COL, "Date")
    ws.cell(1, HOLIDAY_COL + 1, "Name")
    for r, (day, name) in enumerate(holidays, 2):
        ws.cell(r, HOLIDAY_COL, day).number_format = DATE_FORMAT
        ws.cell(r, HOLIDAY_COL + 1, name)
    last = max(2, len(holidays) + 1)
    xl = XlTable(displayName=HOLIDAYS_TABLE.name, name=HOLIDAYS_TABLE.name, ref=f"E1:F{last}")
    xl.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(xl)
    for col, width in (("A", 18), ("B", 30), ("C", NOTE_WIDTH), ("D", 3), ("E", 12), ("F", 34)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"


def write_aliases(wb, rows: list[tuple[str, str]] = ()) -> None:
    """The Company aliases table on Settings (N:O): `rows` and room for the user's own, with a
    title and a line saying what it is for below it."""
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    ws = wb[SHEET]
    c0 = ALIAS_COL
    for j, col in enumerate(COMPANY_ALIASES_TABLE.columns):
        ws.cell(1, c0 + j, col.header).comment = Comment(
            f"{col.header}: {col.note}", "jobbook", width=260, height=90
        )
        ws.column_dimensions[get_column_letter(c0 + j)].width = col.col_width
    for r, (alias, company) in enumerate(rows, 2):
        set_text_cell(ws.cell(r, c0), alias)
        set_text_cell(ws.cell(r, c0 + 1), company)
    last = max(ALIAS_ROWS, len(rows)) + 1
    first, end = get_column_letter(c0), get_column_letter(c0 + 1)
    xl = XlTable(
        displayName=COMPANY_ALIASES_TABLE.name,
        name=COMPANY_ALIASES_TABLE.name,
        ref=f"{first}1:{end}{last}",
    )
    xl.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(xl)
    ws.column_dimensions[get_column_letter(c0 - 1)].width = 3
    for r, text in enumerate(
        (
            f"{COMPANY_ALIASES_TITLE}: other names a company goes by in mail.",
            "jobbook mail reads them: a brand, a former name, a Workday tenant, a mail domain.",
        ),
        last + 2,
    ):
        ws.cell(r, c0, text).font = st.SUBTITLE

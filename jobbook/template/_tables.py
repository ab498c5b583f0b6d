"""One sheet per table of the schema: an Excel Table with notes, validation, formats and formulas."""

from __future__ import annotations

import datetime as dt

from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table as XlTable
from openpyxl.worksheet.table import TableColumn, TableFormula, TableStyleInfo

from ..looks import style as st
from ..looks.safe import set_text_cell
from ..schema import DATE_KINDS, LINKS, NUMERIC_KINDS, Column, Table, excel_formula, print_area

VALIDATION_ROWS = 2000  # validation reaches below the table so that rows typed there get it too
# formulas that need array evaluation (CSE)
ARRAY_COLUMNS = {"Applications to withdraw", *LINKS}
FREEZE = {"Pipeline": "C2", "Interviews": "C2", "Offers": "C2", "Contacts": "B2", "Questions": "C2"}
PRINT_WIDTH = 190  # characters of column width that fit across a landscape page
FLAG_COLUMNS = {"Flag", "Thank-you flag", "Decision flag", "Start flag"}
HEAD_INDENT = Alignment(wrap_text=True, vertical="top", horizontal="left", indent=1)


def capacity(table: Table, n: int) -> int:
    """Rows the table is laid out with: the data plus room to grow (formulas pre-filled, so that a
    row typed in LibreOffice, which does not extend Table formulas, is computed too)."""
    small = table.name in ("Offers", "Negotiation", "Lessons")
    if table.name == "History":  # written by jobbook only, no formulas: it grows as it is written
        return max(n, 1)
    if table.name == "Transition":
        return max(n + 4, 5)
    return max(n + (30 if small else 300), 50 if small else 500)


def id_range_name(table: str) -> str:
    """Defined name of a table's ID column (for ID dropdowns): ``PipelineIDs``."""
    return f"{table}IDs"


def write_table(wb, table: Table, records: list[dict]) -> None:
    ws = wb.create_sheet(table.name)
    rows = capacity(table, len(records))
    last_row = rows + 1
    letters = {c.header: get_column_letter(i) for i, c in enumerate(table.columns, 1)}
    indented = _beside_figures(table)

    for i, col in enumerate(table.columns, 1):
        cell = ws.cell(1, i, col.header)
        cell.font = st.TABLE_HEAD
        cell.fill = st.COMPUTED_HEAD_FILL if col.computed else st.TABLE_HEAD_FILL
        cell.alignment = HEAD_INDENT if col.header in indented else st.WRAP
        note = Comment(f"{col.header}: {col.note}", "jobbook", width=260, height=90)
        cell.comment = note
        ws.column_dimensions[get_column_letter(i)].width = col.col_width + (
            2 if col.header in indented else 0  # room for the indent: the header stays on a line
        )

    for r in range(2, last_row + 1):
        rec = records[r - 2] if r - 2 < len(records) else {}
        for i, col in enumerate(table.columns, 1):
            cell = ws.cell(r, i)
            if col.computed:
                text = "=" + excel_formula(table.name, col.formula)
                cell.value = (
                    ArrayFormula(f"{letters[col.header]}{r}", text)
                    if col.header in ARRAY_COLUMNS
                    else text
                )
            else:
                value = rec.get(col.header)
                if isinstance(value, dt.datetime):
                    value = value.date() if value.time() == dt.time() else value
                set_text_cell(cell, value)
            if col.fmt:
                cell.number_format = col.fmt
            if col.header in indented:
                cell.alignment = st.INDENT
            if col.header in LINKS:
                cell.font = st.LINK

    ref = f"A1:{get_column_letter(len(table.columns))}{last_row}"
    xl = XlTable(displayName=table.name, name=table.name, ref=ref)
    xl.tableStyleInfo = TableStyleInfo(name=st.TABLE_STYLE, showRowStripes=True)
    xl.tableColumns = [
        TableColumn(
            id=i,
            name=c.header,
            calculatedColumnFormula=TableFormula(
                array=True if c.header in ARRAY_COLUMNS else None,
                attr_text=excel_formula(table.name, c.formula),
            )
            if c.computed
            else None,
        )
        for i, c in enumerate(table.columns, 1)
    ]
    ws.add_table(xl)
    ws.freeze_panes = FREEZE.get(table.name, "A2")
    ws.sheet_view.zoomScale = 100
    _validations(ws, table, letters)
    _conditional_formats(ws, table, letters, last_row)
    if table.id_column == "ID":
        col = letters["ID"]
        wb.defined_names[id_range_name(table.name)] = DefinedName(
            id_range_name(table.name), attr_text=f"{table.name}!${col}$2:${col}${last_row}"
        )
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = max(1, round(sum(c.col_width for c in table.columns) / PRINT_WIDTH))
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    # the rows in use, not the pre-filled empty ones (LibreOffice ignores a formula print area)
    ws.defined_names["_xlnm.Print_Area"] = DefinedName(
        "_xlnm.Print_Area",
        localSheetId=wb.sheetnames.index(table.name),
        attr_text=print_area(table.name, ref, 1 + len(records)),
    )
    frozen = FREEZE.get(table.name, "A2")[0]
    if frozen != "A":  # repeat the frozen columns (ID, Company) on every printed page
        ws.print_title_cols = f"A:{chr(ord(frozen) - 1)}"


def _figures(col: Column) -> bool:
    """Right-aligned in a cell: dates and numbers."""
    return col.kind in DATE_KINDS or col.kind in NUMERIC_KINDS


def _beside_figures(table: Table) -> set[str]:
    """Text columns right of a date or number column: indented, so that a right-aligned
    2026-07-28 does not run into the "Applied" beside it."""
    cols = table.columns
    return {b.header for a, b in zip(cols, cols[1:]) if _figures(a) and not _figures(b)}


def _validation_for(col: Column) -> DataValidation | None:
    title = col.header[:32]
    if col.dropdown:  # the values of a defined name (a column of another table)
        dv = DataValidation(type="list", formula1=f"={col.dropdown}", allow_blank=True)
        dv.error = f"Pick one of the list ({col.note})"[:255]
    elif col.kind == "choice" and col.choices:
        dv = DataValidation(
            type="list", formula1='"' + ",".join(col.choices) + '"', allow_blank=True
        )
        dv.error = f"Pick one of: {', '.join(col.choices)}."
        dv.errorStyle = "stop" if col.strict else "warning"
    elif col.kind == "id" and col.ref:
        dv = DataValidation(type="list", formula1=f"={id_range_name(col.ref)}", allow_blank=True)
        dv.error = f"This is not an ID in {col.ref} yet."
        dv.errorStyle = "warning"
    elif col.kind in DATE_KINDS:
        dv = DataValidation(
            type="date", operator="greaterThan", formula1="32874", allow_blank=True
        )  # 1990-01-01
        dv.error = "Enter a date such as 2026-10-31."
        dv.errorStyle = "warning" if col.kind == "done" else "stop"
    elif col.kind in NUMERIC_KINDS:
        whole = col.kind in ("int", "rating")
        lo = 0 if col.lo is None else col.lo
        if col.hi is not None:
            dv = DataValidation(
                type="whole" if whole else "decimal",
                operator="between",
                formula1=f"{lo:g}",
                formula2=f"{col.hi:g}",
                allow_blank=True,
            )
            dv.error = f"Enter a {'whole ' if whole else ''}number from {lo:g} to {col.hi:g}."
        else:
            dv = DataValidation(
                type="whole" if whole else "decimal",
                operator="greaterThanOrEqual",
                formula1=f"{lo:g}",
                allow_blank=True,
            )
            dv.error = f"Enter a {'whole ' if whole else ''}number of at least {lo:g}" + (
                " (10% is 0.10)." if col.kind == "percent" else "."
            )
    else:
        return None
    dv.errorTitle = title
    dv.showErrorMessage = True
    dv.prompt = col.note[:255]
    dv.promptTitle = title
    dv.showInputMessage = False
    return dv


def _validations(ws, table: Table, letters: dict[str, str]) -> None:
    for col in table.inputs:
        dv = _validation_for(col)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letters[col.header]}2:{letters[col.header]}{VALIDATION_ROWS}")


def _conditional_formats(ws, table: Table, letters: dict[str, str], last_row: int) -> None:
    def apply(header: str, rules) -> None:
        if header in letters:
            rng = f"{letters[header]}2:{letters[header]}{max(last_row, VALIDATION_ROWS)}"
            for rule in rules:
                ws.conditional_formatting.add(rng, rule)

    for header in FLAG_COLUMNS & set(letters):
        apply(header, st.equals_rules(st.FLAG_COLOURS))
    for col in table.inputs:
        if col.keeps_time and col.header in letters:
            apply(col.header, [st.time_of_day_rule(f"{letters[col.header]}2")])
    if table.name == "Pipeline":
        apply("Status", st.equals_rules(st.STATUS_COLOURS))
        apply("Stage", st.equals_rules(st.STAGE_COLOURS))
    if table.name == "Offers":
        apply("Status", st.equals_rules(st.OFFER_STATUS_COLOURS))

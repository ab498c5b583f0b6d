"""The buttons' Python side, called from VBA through the xlwings add-in:

    RunPython "import jobbook.excel.buttons as m; m.refresh()"

Each reads the calling workbook with ``xw.Book.caller()``, runs a pure action from ``actions.py``
and writes plain values back. Needs Excel (Windows or Mac) and the xlwings add-in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlwings as xw

from ..looks.safe import excel_literal
from ..reader.frames import book_from_sheets
from . import actions


def _read(wb):
    """The calling workbook as a Book: each sheet's used range, values as Excel has them now
    (unsaved edits included); the totals row of a Table (Table Design > Total Row) is not data."""
    blocks, totals = {}, {}
    for sheet in wb.sheets:
        used = sheet.used_range
        values = used.options(ndim=2).value
        blocks[sheet.name] = (used.row, used.column, values)
        totals[sheet.name] = [
            (r.row, r.column, r.last_cell.column)
            for t in sheet.tables
            if t.show_totals and (r := t.totals_row_range) is not None
        ]
    return book_from_sheets(blocks, path=Path(wb.fullname), totals=totals)


def _value(v: object) -> object:
    if isinstance(v, actions.Formula):
        return str(v)
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return dt.datetime(v.year, v.month, v.day)
    return excel_literal(v)


def _apply(wb, result: actions.ActionResult) -> None:
    names = {s.name for s in wb.sheets}
    for sheet, _ in result.new_tables:  # a workbook made before History: its sheet, last
        if sheet not in names:
            wb.sheets.add(sheet, after=wb.sheets[len(wb.sheets) - 1])
    for w in result.writes:
        sheet = wb.sheets[w.sheet]
        if w.clear:
            sheet.range(w.clear).clear_contents()
        sheet.range(w.cell).value = [[_value(v) for v in row] for row in w.values]
    for sheet, where in result.new_tables:
        wb.sheets[sheet].tables.add(source=wb.sheets[sheet].range(where), name=sheet)
    wb.app.status_bar = result.message


def _run(action, *args) -> None:
    wb = xw.Book.caller()
    book = _read(wb)
    result = action(book, *args)
    _apply(wb, result)


def refresh() -> None:
    _run(actions.refresh)


def deadlines() -> None:
    _run(actions.deadlines)


def check() -> None:
    _run(actions.check)


def monthly_report() -> None:
    _run(actions.monthly_report)


def export_calendar() -> None:
    _run(actions.export_calendar)


def _selected_row(wb, sheet_name: str | None) -> int | None:
    """The row selected on sheet `sheet_name`, also when the button is on another sheet: Excel keeps
    each sheet's selection, readable while that sheet is active (the caller's sheet comes back)."""
    if sheet_name is None:
        return None
    here = wb.sheets.active
    away = here.name != sheet_name
    if away:
        wb.app.screen_updating = False
        wb.sheets[sheet_name].activate()
    try:
        selection = wb.app.selection
        return selection.row if selection is not None else None
    finally:
        if away:
            here.activate()
            wb.app.screen_updating = True


def accept_offer() -> None:
    """The offer named in the Dashboard's OfferToAccept cell, else the selected Offers row."""
    wb = xw.Book.caller()
    book = _read(wb)
    names = [n.name for n in wb.names]
    chosen = (
        wb.names[actions.OFFER_TO_ACCEPT].refers_to_range.value
        if actions.OFFER_TO_ACCEPT in names
        else None
    )
    row = None if chosen else _selected_row(wb, book.sheets.get("Offers"))
    _apply(wb, actions.accept_offer(book, offer_id=chosen or None, selected_row=row))


def _chosen(wb, name: str) -> object:
    """The value of the named cell `name` (None if the workbook has no such name)."""
    names = [n.name for n in wb.names]
    return wb.names[name].refers_to_range.value if name in names else None


def draft() -> None:
    """The message chosen in the Dashboard's DraftKind and DraftID cells, on the Lists sheet."""
    wb = xw.Book.caller()
    book = _read(wb)
    _apply(wb, actions.draft(book, _chosen(wb, actions.DRAFT_KIND), _chosen(wb, actions.DRAFT_ID)))

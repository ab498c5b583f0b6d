"""Text from outside (CSV cells, names, sample text) must never become a live formula."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@")
CSV_RISKY_STARTS = (*FORMULA_STARTS, "\t", "\r")  # OWASP's CSV-injection list


def looks_like_formula(value: object) -> bool:
    """True for text that Excel or LibreOffice would take as a formula if typed or written as one."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and len(value) > 1


def set_text_cell(cell, value: object) -> object:
    """Write `value` into an openpyxl cell (returned); text that looks like a formula stays plain text."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True  # Excel shows and edits it as text ('=...)
    return cell


def excel_literal(value: object) -> object:
    """A value for a live Excel range (xlwings): formula-like text gets Excel's text prefix ', and
    so does text that itself starts with ' (Excel takes a leading ' as the prefix and drops it:
    History's ``'=...``, a text that is not a formula, would come back as one)."""
    if looks_like_formula(value) or (isinstance(value, str) and value.startswith("'")):
        return "'" + value
    return value


def csv_cell(value: object) -> object:
    """A value for a CSV cell that a spreadsheet opening the file can never run: text starting with
    ``= + - @``, a tab or a carriage return gets a leading ``'`` (OWASP's advice). Numbers, dates and
    booleans are written as they are; a negative number stays a number."""
    if isinstance(value, str) and value.startswith(CSV_RISKY_STARTS):
        return "'" + value
    return value

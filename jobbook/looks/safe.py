"""Text from outside (CSV cells, names, sample text) must never become a live formula; values
written as JSON are JSON-safe (``plain``)."""

from __future__ import annotations

import datetime as dt
import math

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


def plain(value: object) -> object:
    """A JSON-safe value: ISO dates, None for blanks and NaN, ints for whole-number numpy ints."""
    import numpy as np  # loaded already: there is data to print
    import pandas as pd

    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, pd.Timestamp | dt.datetime):
        return None if pd.isna(value) else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).date().isoformat()
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        return float(value) if math.isfinite(value) else None  # JSON has no NaN or Infinity
    if isinstance(value, np.bool_):
        return bool(value)
    if value is pd.NA:
        return None
    return value

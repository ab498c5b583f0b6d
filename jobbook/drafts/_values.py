"""Plain values from a Book's rows for the message drafts, and ``Missing``: a blank the letter may
test but never print (the renderer turns printing it into an error naming the cell to fill)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..core.computed import id_key
from ..errors import UnknownId
from ..reader import Book
from ..schema import SETTINGS_BY_NAME, TABLES
from ._people import single_line


@dataclass(frozen=True)
class Missing:
    """A value the book lacks; `message` says where to fill it (``Settings!B12: fill ...``)."""

    message: str

    def __bool__(self) -> bool:
        return False


def plain(value: object) -> object:
    """A cell value as Python: None for blanks, dates as dates, whole numbers kept as floats."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float | int) and not isinstance(value, bool):
        return None if pd.isna(value) else float(value)
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip() or None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def find_row(book: Book, table: str, ident: str, column: str = "ID") -> int:
    """The Excel row of `ident` in `table`'s `column` (IDs match case-insensitively)."""
    df = book.tables[table]
    key = id_key(pd.Series([ident], dtype=object)).iloc[0]
    hits = df.index[(id_key(df[column]) == key).fillna(False).to_numpy(dtype=bool)]
    if key is None or len(hits) == 0:
        sheet = book.sheets.get(table) or table
        raise UnknownId(f"{book.path}: {sheet} has no row with {column} {ident!r}")
    return int(hits[0])


def rows_of(book: Book, table: str, column: str, ident: object) -> list[int]:
    """Every Excel row of `table` whose `column` holds `ident`, in sheet order."""
    df = book.tables[table]
    key = id_key(pd.Series([ident], dtype=object)).iloc[0]
    if key is None:
        return []
    return [
        int(r) for r in df.index[(id_key(df[column]) == key).fillna(False).to_numpy(dtype=bool)]
    ]


def cell_name(book: Book, table: str, header: str, row: int) -> str:
    """``Pipeline!C7``, or ``Pipeline (no Role column)`` when the sheet lacks the column."""
    if header not in book.letters.get(table, {}):
        return f"{book.sheets.get(table) or table} (no {header} column)"
    return book.where(table, header, row)


def record(book: Book, table: str, row: int, ident: str, values: dict | None = None) -> dict:
    """The row's inputs and computed values keyed in snake_case (``date_applied``); a blank is a
    Missing naming its cell. `values` (snake_case keys) replace the table's own, e.g. the figures
    of ``views.offers``."""
    df = book.tables[table]
    out: dict[str, object] = {}
    for col in TABLES[table].columns:
        if values is not None and col.key in values:
            value = values[col.key]
        else:
            value = plain(df.at[row, col.header]) if col.header in df.columns else None
        if isinstance(value, str) and col.kind in ("date", "done"):
            value = dt.date.fromisoformat(value)
        elif isinstance(value, str):  # a letter quotes it inside a sentence: one line
            value = single_line(value)
        out[col.key] = (
            value
            if value is not None
            else Missing(
                f"{cell_name(book, table, col.header, row)}: no {col.header} for {ident}; "
                "fill it in to write this draft"
            )
        )
    return out


# Why each profile setting is needed, for the error that asks to fill it
_PURPOSE = {
    "YourName": "to sign the letter",
    "YourEmail": "as the sender",
    "CurrentEmployer": "to name the job you are leaving",
    "CurrentManager": "to address your resignation",
    "Degree": "to name it",
    "Certifications": "to name them",
}


def setting(book: Book, name: str) -> object:
    """A Settings value, or a Missing naming its cell (or the row to add)."""
    value = getattr(book.settings, name)
    if isinstance(value, str):
        value = single_line(value)
    if value not in (None, ""):
        return value
    s = SETTINGS_BY_NAME[name]
    sheet = book.settings_sheet or "Settings"
    why = _PURPOSE.get(name, "to write this draft")
    cell = book.setting_cells.get(name)
    if cell is None:
        return Missing(
            f'{sheet}: no "{s.title}" row; add one (the label in column A, the value to its right) '
            f"and fill it {why}"
        )
    return Missing(f'{sheet}!{cell}: fill "{s.title}" {why}')

"""What jobbook's changing commands and buttons mean, as pure functions: a Book and a request in,
the changes to write (``jobbook.changes``) and what to tell the user out.

* ``accept`` - accept an offer (the Accept offer button and ``jobbook accept``);
* ``done`` - mark a deadline done (``jobbook done``);
* ``importing.import_rows`` - add applications found in other trackers' files (``jobbook import``).

The Excel face applies the changes through xlwings, the command line through ``jobbook.edit``.
"""

from __future__ import annotations

import pandas as pd

from ..core.computed import id_key
from ..errors import RowMissing
from ..reader import Book


def rows_with_id(book: Book, table: str, column: str, wanted: str) -> list[int]:
    """Excel rows of `table` whose `column` equals `wanted` (IDs match whatever their case)."""
    frame = book.tables[table]
    key = id_key(pd.Series([wanted], dtype=object)).iloc[0]
    if frame.empty or pd.isna(key):
        return []
    return [int(r) for r in frame.index[(id_key(frame[column]) == key).fillna(False)]]


def row_with_id(book: Book, table: str, column: str, wanted: str, what: str) -> int:
    """The first such row; RowMissing naming the sheet and column when there is none."""
    rows = rows_with_id(book, table, column, wanted)
    if not rows:
        sheet = book.sheets.get(table) or table
        raise RowMissing(
            f"{book.path}: no {what} {wanted!r} on the {sheet} sheet (column {column})"
        )
    return rows[0]


def text(value: object, default: object = "") -> str:
    """A cell's text, or `default` when it is blank."""
    return value if isinstance(value, str) and value else str(default)

"""Changes to a workbook, as data: what a button, ``jobbook done``, ``accept`` or ``import`` wants
written, before anyone writes it.

An intent (``jobbook.intents``) turns a Book and a request into a list of changes. Two faces apply
them: the Excel buttons through xlwings (``cell_writes`` resolves them against the Book as read
from the live workbook) and the command line through the file editor (``jobbook.edit``, which
resolves them against the file itself). ``applied`` shows what the core computes once they are in.

Three kinds of change:

* ``CellWrite(sheet, cell, values, clear)``: a block of values at a cell (the Lists bands).
* ``TableWrite(table, header, row, value)``: one cell of a table, by header and Excel row.
* ``RowAppend(table, values)``: a new row of a table, by header; it goes after the last row in use.

``None`` as a value clears the cell. Text is always written as text, never as a formula; only a
``Formula`` (made by jobbook's own code, never from outside text) is written as one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reader import Book

__all__ = [
    "CellWrite",
    "Change",
    "Formula",
    "Outcome",
    "RowAppend",
    "RowRemove",
    "Step",
    "TableWrite",
    "applied",
    "cell_writes",
]


class Formula(str):
    """A formula written on purpose (a HYPERLINK to a problem's cell); other text is kept text."""


@dataclass(frozen=True)
class CellWrite:
    """Write a 2-D block of values at `cell` of `sheet` (first clearing `clear`, if given)."""

    sheet: str
    cell: str
    values: list[list[object]]
    clear: str | None = None


@dataclass(frozen=True)
class TableWrite:
    """Write `value` into column `header` of table `table` on Excel row `row`. History (docs/definitions.md
    § History) dates it `when`, notes `note` and names `source` (None: the change set's)."""

    table: str
    header: str
    row: int
    value: object
    when: dt.date | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Step:
    """A step of a new row's course that its file records, for History: on `when` (None: a day
    the file does not say) its column `column` took `value`."""

    column: str
    value: object
    when: dt.date | None
    note: str | None = None


@dataclass(frozen=True)
class RowAppend:
    """Add a row to table `table` with `values` by header (the other columns stay blank, the
    computed ones computed). History dates its arrival `when` (None: the change set's day), notes
    `note`, and tells how its tracked columns came to their values by the `story` of its file
    (dated ``Step``s, oldest first)."""

    table: str
    values: Mapping[str, object]
    when: dt.date | None = None
    note: str | None = None
    story: tuple[Step, ...] = ()


@dataclass(frozen=True)
class RowRemove:
    """Clear every typed cell of Excel row `row` of table `table` (undo taking back a row that a
    change added): the row stays in the table, empty, its computed columns computing nothing;
    History records the cells it held, so that the row can come back."""

    table: str
    row: int


Change = CellWrite | TableWrite | RowAppend | RowRemove


@dataclass
class Outcome:
    """What an intent wants: the changes, a one-line message, the lines to print after it, the
    facts for ``--json``, and warnings (something the user should look at before trusting it)."""

    changes: list[Change]
    message: str
    lines: list[str] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _letter(book: Book, table: str, header: str) -> str:
    from .errors import ColumnMissing

    letter = book.letters.get(table, {}).get(header)
    if letter is None:
        raise ColumnMissing(f"{book.path}: {book.sheets.get(table) or table}: no {header!r} column")
    return letter


def cell_writes(book: Book, changes: Iterable[Change]) -> list[CellWrite]:
    """The changes as plain cell writes on the sheets of `book` (for the Excel face): table cells
    by the column letters read from the book; appended rows after each table's last row in use."""
    from .errors import SheetMissing

    out: list[CellWrite] = []
    next_row: dict[str, int] = {}
    for ch in changes:
        if isinstance(ch, CellWrite):
            out.append(ch)
            continue
        sheet = book.sheets.get(ch.table)
        if sheet is None:
            raise SheetMissing(f"{book.path}: no {ch.table} sheet to write to")
        if isinstance(ch, TableWrite):
            cell = f"{_letter(book, ch.table, ch.header)}{ch.row}"
            out.append(CellWrite(sheet, cell, [[ch.value]]))
            continue
        if isinstance(ch, RowRemove):
            from .schema import TABLES

            computed = {c.header for c in TABLES[ch.table].computed}
            for header, letter in book.letters.get(ch.table, {}).items():
                if header not in computed:
                    out.append(CellWrite(sheet, f"{letter}{ch.row}", [[None]]))
            continue
        if ch.table not in next_row:
            header = book.header_rows.get(ch.table)
            if header is None:
                raise SheetMissing(f"{book.path}: {sheet}: no {ch.table} table to add a row to")
            next_row[ch.table] = max([header, *map(int, book.inputs[ch.table].index)]) + 1
        row = next_row[ch.table]
        next_row[ch.table] = row + 1
        for header, value in ch.values.items():
            cell = f"{_letter(book, ch.table, header)}{row}"
            out.append(CellWrite(sheet, cell, [[value]]))
    return out


def _typed(frame, header: str, value: object) -> object:
    import pandas as pd

    if value is None:
        return pd.NaT if str(frame[header].dtype).startswith("datetime64") else None
    if isinstance(value, dt.date) and str(frame[header].dtype).startswith("datetime64"):
        return pd.Timestamp(value).floor("D")
    return value


def applied(book: Book, changes: Sequence[Change]) -> Book:
    """`book` as it reads once the table changes are in (cell writes outside tables are ignored):
    what the core computes after the change, before anything is written."""
    import pandas as pd

    inputs = dict(book.inputs)
    copied: set[str] = set()

    def frame(table: str) -> pd.DataFrame:
        if table not in copied:
            inputs[table] = inputs[table].copy()
            copied.add(table)
        return inputs[table]

    for ch in changes:
        if isinstance(ch, TableWrite) and ch.header in book.inputs[ch.table].columns:
            df = frame(ch.table)
            value = _typed(df, ch.header, ch.value)
            if (
                isinstance(value, str)
                and df[ch.header].dtype != object
                and not str(df[ch.header].dtype).startswith(("str", "string"))
            ):
                df[ch.header] = df[ch.header].astype(object)
            df.at[ch.row, ch.header] = value
        elif isinstance(ch, RowRemove):
            if ch.row in book.inputs[ch.table].index:
                inputs[ch.table] = frame(ch.table).drop(index=ch.row)
        elif isinstance(ch, RowAppend):
            df = frame(ch.table)
            row = int(df.index.max()) + 1 if len(df) else (book.header_rows.get(ch.table) or 1) + 1
            new = pd.DataFrame(
                {h: [_typed(df, h, ch.values.get(h))] for h in df.columns},
                index=pd.Index([row], name=df.index.name),
            )
            inputs[ch.table] = pd.concat([df, new.astype(df.dtypes.to_dict(), errors="ignore")])
    return replace(book, inputs=inputs)

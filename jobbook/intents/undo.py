"""``jobbook undo`` (docs/definitions.md § History): the newest change set of History taken back. Its cells go
back to their Old values, the rows it added are emptied, the rows it removed come back; written
through the editor (which records the undo as a change set of its own, so that undo twice is a
redo). A cell that has changed since the change set (the user typed over it, another change wrote
it) stops the undo with one error naming the cell: taking the change back would lose that."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..changes import Change, Outcome, RowAppend, RowRemove, TableWrite
from ..errors import ChangedSince, NothingToUndo
from ..history import Entry, book_entries, from_text, key_of, to_text
from ..reader import Book
from ..schema import ADDED, HISTORY, HISTORY_KEYS, REMOVED, TABLES
from .record import is_baseline

__all__ = ["undo"]


@dataclass
class _Cell:
    table: str
    key: str
    column: str
    old: str  # the first Old of the change set
    new: str  # the last New


def _cells(rows: list[Entry]) -> list[_Cell]:
    """The change set's cells: a cell named twice (an imported row's dated steps) by its first Old
    and its last New."""
    out: dict[tuple[str, str, str], _Cell] = {}
    for e in rows:
        if e.is_row:
            continue
        k = (e.sheet.casefold(), key_of(e.id) or "", e.column.casefold())
        if k in out:
            out[k].new = e.new
        else:
            out[k] = _Cell(_table(e.sheet), e.id, e.column, e.old, e.new)
    return list(out.values())


def _table(sheet: str) -> str:
    return next((t for t in HISTORY_KEYS if t.casefold() == sheet.strip().casefold()), sheet)


def _header(book: Book, table: str, column: str) -> str | None:
    from ..schema import norm_header

    want = norm_header(column)
    return next((h for h in book.inputs[table].columns if norm_header(h) == want), None)


def _text(book: Book, table: str, header: str, row: int) -> str:
    times = book.times.get((table, header))
    value = times.get(row) if times is not None and row in times.index else None
    if value is None or pd.isna(value):
        value = book.inputs[table].at[row, header]
    return to_text(value)


def _same(table: str, header: str, a: str, b: str) -> bool:
    col = TABLES[table].fields.get(header)
    if col is not None and col.choices:
        return a.strip().casefold() == b.strip().casefold()
    return a == b or (b.startswith("=") and not b.startswith("'"))  # a formula: its value unknown


def _rows_of(book: Book, table: str, key: str) -> list[int]:
    frame = book.inputs[table]
    key_header = _header(book, table, HISTORY_KEYS[table])
    if key_header is None:
        return []
    k = key_of(key)
    return [int(r) for r, v in zip(frame.index, frame[key_header].tolist()) if key_of(v) == k]


def _find(book: Book, table: str, key: str, cells: list[_Cell]) -> int | None:
    """The row of `table` with `key` that holds what the change set left in it (of several with
    that key, the last that does)."""
    rows = _rows_of(book, table, key)
    fitting = [
        r
        for r in rows
        if all(
            (h := _header(book, table, c.column)) is None
            or _same(table, h, _text(book, table, h, r), c.new)
            for c in cells
        )
    ]
    return (fitting or rows or [None])[-1]


def _where(book: Book, table: str, header: str | None, row: int) -> str:
    return book.where(table, header, row) if header else f"{book.sheets.get(table) or table}!{row}"


def _changed(book, table, header, row, c: _Cell, number: int) -> ChangedSince:
    now = _text(book, table, header, row)
    return ChangedSince(
        f"{book.path}: {_where(book, table, header, row)}: {header} of {c.key} is now "
        f"{now or '(blank)'}, not {c.new or '(blank)'} as change {number} left it; undo would "
        "lose that (change it back by hand, or record it first: jobbook record, then undo)"
    )


def undo(book: Book) -> Outcome:
    """The changes that take back the newest change set of `book`'s History (see the module's
    note)."""
    found = book_entries(book)
    if not found:
        raise NothingToUndo(f"{book.path}: History is empty: nothing to undo")
    number = max(e.change for e in found)
    rows = [e for e in found if e.change == number]
    if is_baseline(rows):
        raise NothingToUndo(
            f"{book.path}: {HISTORY.name}: change {number} is where History begins (the book as "
            "it stood); there is nothing before it to go back to"
        )
    cells = _cells(rows)
    marks = {
        (_table(e.sheet), key_of(e.id)): e for e in rows if e.is_row and e.new in (ADDED, REMOVED)
    }
    changes: list[Change] = []
    for (table, k), mark in marks.items():
        if table not in TABLES:
            continue
        mine = [c for c in cells if c.table == table and key_of(c.key) == k]
        if mark.new == ADDED:
            row = _find(book, table, mark.id, mine)
            if row is None:
                continue  # emptied or deleted since: nothing to take back
            for c in mine:
                header = _header(book, table, c.column)
                if header and not _same(table, header, _text(book, table, header, row), c.new):
                    raise _changed(book, table, header, row, c, number)
            changes.append(RowRemove(table, row))
        else:
            values = {HISTORY_KEYS[table]: from_text(mark.id, "text")}
            for c in mine:
                header = _header(book, table, c.column) or c.column
                kind = TABLES[table].fields[header].kind if header in TABLES[table].fields else None
                values[header] = from_text(c.old, kind, formulas=True)
            changes.append(RowAppend(table, values))
    for c in cells:
        if c.table not in TABLES or (c.table, key_of(c.key)) in marks:
            continue
        header = _header(book, c.table, c.column)
        row = _find(book, c.table, c.key, [c]) if header else None
        if header is None or row is None:
            raise ChangedSince(
                f"{book.path}: {book.sheets.get(c.table) or c.table}: no row {c.key} with a "
                f"{c.column} column any more; change {number} wrote it, so undo cannot take it back"
            )
        if not _same(c.table, header, _text(book, c.table, header, row), c.new):
            raise _changed(book, c.table, header, row, c, number)
        kind = TABLES[c.table].fields[header].kind if header in TABLES[c.table].fields else None
        changes.append(TableWrite(c.table, header, row, from_text(c.old, kind, formulas=True)))
    source = rows[0].source or "a change"
    message = f"Undid change {number} ({source}, {len(rows)} History row(s))"
    return Outcome(changes, message, data={"undone": number, "undone_source": source})

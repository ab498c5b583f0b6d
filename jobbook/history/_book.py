"""History and a Book: its entries, the Log of a change about to be written (its Change number,
and the baseline when History is empty), what the user typed since History last looked, and the
book as History says it stood on a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..changes import RowAppend, RowRemove, TableWrite
from ..errors import HistoryTooBig
from ..schema import (
    ADDED,
    BASELINE_NOTE,
    HISTORY,
    HISTORY_KEYS,
    MAX_SHEET_ROWS,
    REMOVED,
    ROW_COLUMN,
    SOURCE_RECORD,
    TABLES,
    TRACKED,
)
from ._entries import CellEdit, Entry, Log, RowAdded, RowRemoved, entries_from_rows, now
from ._replay import baseline_cells, differences, last_seen, rewind, table_texts
from ._text import to_text

if TYPE_CHECKING:
    import pandas as pd

    from ..reader import Book

__all__ = ["AsOf", "book_entries", "book_on", "book_rows", "log_for", "pending", "typed_since"]


def book_entries(book: Book) -> list[Entry]:
    """The book's History, in the order it was written (Change, then row)."""
    frame = book.inputs.get(HISTORY.name)
    if frame is None or frame.empty:
        return []
    times = book.times.get((HISTORY.name, "Recorded"))
    if times is not None:
        frame = frame.assign(Recorded=times)
    records = frame.to_dict("records")
    return entries_from_rows(records, [int(i) for i in frame.index])


def _texts(book: Book) -> dict[str, dict]:
    out = {}
    for table in TRACKED:
        frame = book.inputs.get(table)
        if frame is None:
            continue
        times = {h: s for (t, h), s in book.times.items() if t == table}
        out[table] = table_texts(frame, table, times)
    return out


def _entries_of(items, log: Log, when: dt.date | None) -> list[Entry]:
    """Differences (``_replay.differences``) as History rows of `log`, dated `when`."""
    out = []
    for item in items:
        if isinstance(item, CellEdit):
            out.append(log.entry(item.table, item.key, item.column, item.old, item.new, when))
            continue
        table, key, mark, cells = item
        filled = [(c, v) for c, v in cells.items() if v]
        if mark == ADDED:
            out.append(log.entry(table, key, ROW_COLUMN, "", ADDED, when))
            out += [log.entry(table, key, c, "", v, when) for c, v in filled]
        else:
            out += [log.entry(table, key, c, v, "", when) for c, v in filled]
            out.append(log.entry(table, key, ROW_COLUMN, "", REMOVED, when))
    return out


def _baseline(book: Book, when: dt.date | None, recorded: dt.datetime) -> list[Entry]:
    base = Log(SOURCE_RECORD, when, BASELINE_NOTE, 1, recorded)
    return [
        base.entry(table, key, column, value, value, when)
        for table, key, column, value in baseline_cells(_texts(book))
    ]


def log_for(
    book: Book, source: str, when: dt.date | None = None, note: str = "", entries=None
) -> Log:
    """The Log of a change to `book` about to be written: numbered after the book's History;
    when History is empty, with a baseline of the book as it stands written first (change 1).
    `when` defaults to the book's as-of date."""
    when = book.as_of if when is None else when
    found = entries if entries is not None else book_entries(book)
    stamp = now()
    if found:
        return Log(source, when, note, max(e.change for e in found) + 1, stamp)
    base = _baseline(book, when, stamp)
    if len(base) >= MAX_SHEET_ROWS - 1:
        raise HistoryTooBig(
            f"{book.path}: History would begin with {len(base):,} rows (one per tracked cell of "
            f"the book), more than a sheet holds; jobbook keeps no History for it"
        )
    return Log(source, when, note, 2 if base else 1, stamp, baseline=base)


def typed_since(book: Book, log: Log, entries: list[Entry] | None = None) -> list[Entry]:
    """What the book's tracked cells say now that History did not see (rows typed, changed or
    deleted by hand), as History rows of `log` dated its When. Nothing for an empty History:
    it starts from the book as it stands (``log_for``'s baseline)."""
    found = entries if entries is not None else book_entries(book)
    if not found:
        return []
    items = differences(_texts(book), last_seen(found))
    return _entries_of(items, log, log.when)


def pending(book: Book, today: dt.date, entries: list[Entry] | None = None) -> list[Entry]:
    """The changes typed but not yet recorded, dated `today` (docs/definitions.md § History: they count as
    today's)."""
    found = entries if entries is not None else book_entries(book)
    if not found:
        return []
    log = Log(SOURCE_RECORD, today, "", max(e.change for e in found) + 1)
    return typed_since(book, log, found)


@dataclass(frozen=True)
class AsOf:
    """The book's tables as History says they stood on `day`; `covered` False when History does
    not reach back to it (then the tables are the book's as they stand); `begins`: History's
    first day (None: no History)."""

    inputs: dict[str, pd.DataFrame]
    day: dt.date
    covered: bool
    begins: dt.date | None


def book_on(
    book: Book, day: dt.date, today: dt.date | None = None, every_table: bool = False
) -> AsOf:
    """The book on `day` (docs/definitions.md § History): the current book with every History row whose When
    is after `day` reversed, newest first, and the changes typed but not yet recorded counted as
    `today`'s (default: the system date). History covers `day` from its first day on.

    The tables the statistics count (``TRACKED``) are rewound; with `every_table`, every table
    History names (Next action, Thank-you sent, Offers' Status, rows of Transition...) and the
    History table itself as it stood then (its rows of that day and before): the book the
    deadlines, the calendar, the drafts and a report read on a past day."""
    today = today or dt.date.today()
    found = book_entries(book)
    if not found:
        return AsOf(dict(book.inputs), day, False, None)
    begins = min(e.day for e in found)
    if day < begins:
        return AsOf(dict(book.inputs), day, False, begins)
    later = [e for e in found if e.day > day]
    if day < today:
        later += pending(book, today, found)
    later.sort(key=lambda e: (e.day, e.change, e.row))
    inputs = rewind(book.inputs, later, None if every_table else TRACKED)
    if every_table:
        gone = {e.row for e in found if e.day > day}
        history = inputs[HISTORY.name]
        inputs[HISTORY.name] = history[~history.index.isin(gone)]
    return AsOf(inputs, day, True, begins)


def _cell_text(book: Book, table: str, header: str, row: int) -> str:
    times = book.times.get((table, header))
    if times is not None and row in times.index and times.get(row) is not None:
        value = times.get(row)
        if value == value:  # not NaT
            return to_text(value)
    frame = book.inputs.get(table)
    if frame is None or header not in frame.columns or row not in frame.index:
        return ""
    return to_text(frame.at[row, header])


def book_rows(book: Book, changes, log: Log) -> list[Entry]:
    """The History rows of `changes` about to be written into `book` as read (the Excel face,
    which writes through xlwings: the Old of each cell is its value in the live workbook), from
    the same ``Log.rows`` as the file editor's. Plain cell writes (the Lists bands) are none of
    History's."""
    items: list = []
    for ch in changes:
        table = getattr(ch, "table", None)
        if table not in HISTORY_KEYS:
            continue
        key_header = HISTORY_KEYS[table]
        if isinstance(ch, TableWrite):
            old = _cell_text(book, table, ch.header, ch.row)
            key = _cell_text(book, table, key_header, ch.row).removeprefix("'")
            items.append(
                CellEdit(table, key, ch.header, old, to_text(ch.value), ch.when, ch.note, ch.source)
            )
        elif isinstance(ch, RowAppend):
            key = to_text(ch.values.get(key_header)).removeprefix("'")
            items.append(RowAdded(table, key, ch.values, ch.when, ch.note, ch.story))
        elif isinstance(ch, RowRemove):
            key = _cell_text(book, table, key_header, ch.row).removeprefix("'")
            cells = tuple(
                (c.header, _cell_text(book, table, c.header, ch.row)) for c in TABLES[table].inputs
            )
            items.append(RowRemoved(table, key, cells))
    return log.rows(items)

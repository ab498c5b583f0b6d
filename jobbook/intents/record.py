"""``jobbook record`` (docs/definitions.md § History): what the user typed since History last looked, as a change
set of its own. History is a log of differences: the state it last saw is its rows replayed
forwards (``history.last_seen``); what the book's tracked cells say now and History did not see
is recorded, dated `on`. An empty History starts from the book as it stands: the first record is
the baseline, one row per tracked cell that holds something, Old and New the same (reversing it
changes nothing, so figures of past days stand)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..history import Entry, Log, book_entries, log_for, now, typed_since
from ..reader import Book
from ..schema import BASELINE_NOTE, ROW_COLUMN, SOURCE_RECORD

__all__ = ["Recording", "record"]


@dataclass
class Recording:
    """What ``record`` writes: the Log (its rows in ``given``), whether it is History's
    beginning, and a summary."""

    log: Log
    beginning: bool
    message: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def rows(self) -> list[Entry]:
        return self.log.given


def _counts(rows: list[Entry]) -> dict[str, int]:
    added = sum(1 for e in rows if e.is_row and e.new == "added")
    removed = sum(1 for e in rows if e.is_row and e.new == "removed")
    rows_touched = {(e.sheet, e.id) for e in rows if e.is_row}
    cells = sum(1 for e in rows if not e.is_row and (e.sheet, e.id) not in rows_touched)
    return {"rows_added": added, "rows_removed": removed, "cells_changed": cells}


def record(book: Book, on: dt.date | None = None, source: str = SOURCE_RECORD) -> Recording:
    """The change set ``jobbook record`` writes into `book` (dated `on`, default the as-of date);
    `source` names what recorded it (the Refresh button names itself)."""
    when = on or book.as_of
    found = book_entries(book)
    if not found:
        base = log_for(book, source, when, BASELINE_NOTE, found)
        log = Log(source, when, BASELINE_NOTE, 1, base.recorded, given=base.baseline)
        n = len({(e.sheet, e.id) for e in base.baseline})
        return Recording(
            log,
            True,
            f"History begins: the book as it stands on {when.isoformat()} "
            f"({n} row(s) of Pipeline, Interviews and Offers, {len(base.baseline)} History rows)",
            {"rows_seen": n},
        )
    log = Log(source, when, "", max(e.change for e in found) + 1, now())
    log.given = typed_since(book, log, found)
    counts = _counts(log.given)
    if not log.given:
        return Recording(log, False, "Nothing typed since History last looked; nothing to record")
    parts = [
        f"{counts['cells_changed']} cell(s) changed",
        f"{counts['rows_added']} row(s) added",
        f"{counts['rows_removed']} row(s) removed",
    ]
    return Recording(
        log,
        False,
        f"Recorded what changed since History last looked, as of {when.isoformat()}: "
        + ", ".join(parts),
        counts,
    )


def is_baseline(rows: list[Entry]) -> bool:
    """Whether a change set only says what was there (Old and New the same everywhere)."""
    return bool(rows) and all(
        e.old == e.new or (e.column == ROW_COLUMN and e.new == "seen") for e in rows
    )

"""History's rows as values (``Entry``), what a change set tells History (``Log``), and the rows a
change set's cells make: a cell written (its Old and New), a row added (``(row) added`` and its
tracked cells, dated by the steps its file records)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..changes import Step
from ..schema import ADDED, HISTORY, REMOVED, ROW_COLUMN, TRACKED, UNDATED_NOTE
from ._text import to_text

__all__ = ["CellEdit", "Entry", "Log", "RowAdded", "RowRemoved", "entries_from_rows", "now"]


def now() -> dt.datetime:
    """The clock time History records (``Recorded``), to the second."""
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class Entry:
    """One row of History (docs/definitions.md § History). Old and New are History's text (``_text``)."""

    change: int
    when: dt.date | None
    recorded: dt.datetime | None
    sheet: str
    id: str
    column: str
    old: str
    new: str
    source: str
    note: str = ""
    row: int = 0  # where it stands in the History table (its Excel row; 0: not written yet)

    @property
    def day(self) -> dt.date:
        """The day it counts from: When, else (a When cleared by hand) the day it was recorded."""
        if self.when is not None:
            return self.when
        return self.recorded.date() if self.recorded is not None else dt.date.min

    @property
    def is_row(self) -> bool:
        return self.column == ROW_COLUMN

    def values(self) -> dict[str, object]:
        """The History table's cells, by header (blank text as a blank cell)."""
        cells = (
            self.change,
            self.when,
            self.recorded,
            self.sheet,
            self.id,
            self.column,
            self.old,
            self.new,
            self.source,
            self.note,
        )
        return {h: (None if v == "" else v) for h, v in zip(HISTORY.headers, cells)}


@dataclass(frozen=True)
class CellEdit:
    """One cell a change set writes: its table, its row's key, its column, Old and New as
    History's text; dated `when` and noted `note` (None: the change set's)."""

    table: str
    key: str
    column: str
    old: str
    new: str
    when: dt.date | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class RowAdded:
    """A row a change set adds: its table, its key, its values by header, the day it arrives and
    the story of its tracked columns (``changes.Step``)."""

    table: str
    key: str
    values: Mapping[str, object]
    when: dt.date | None = None
    note: str | None = None
    story: tuple[Step, ...] = ()


@dataclass(frozen=True)
class RowRemoved:
    """A row a change set empties (undo taking back a row added): its table, its key, and the
    cells it held (column, History's text), so that undoing the undo brings them back."""

    table: str
    key: str
    cells: tuple[tuple[str, str], ...]


@dataclass
class Log:
    """What History records of one change jobbook writes: its Source, the day it takes effect,
    a note, its Change number. `baseline`: the rows written first, when History was empty (the
    book as it stood, change ``change - 1``); `given`: rows written as they are (``record``'s
    differences), numbered `change`."""

    source: str
    when: dt.date | None
    note: str = ""
    change: int = 1
    recorded: dt.datetime = field(default_factory=now)
    baseline: list[Entry] = field(default_factory=list)
    given: list[Entry] = field(default_factory=list)

    def entry(self, sheet, key, column, old, new, when, note=None, source=None) -> Entry:
        """A row of this change set, dated `when` (None: a day not known)."""
        return Entry(
            self.change,
            when,
            self.recorded,
            sheet,
            key,
            column,
            old,
            new,
            self.source if source is None else source,
            self.note if note is None else note,
        )

    def rows(self, items: Iterable[CellEdit | RowAdded | RowRemoved]) -> list[Entry]:
        """Every History row of the change: the baseline, the rows given, then one per cell that
        changes (a cell whose text stays the same changes nothing) and per row added."""
        out = [*self.baseline, *(replace(e, change=self.change) for e in self.given)]
        for item in items:
            if isinstance(item, RowAdded):
                out += self._added(item)
            elif isinstance(item, RowRemoved):
                out += [
                    self.entry(item.table, item.key, c, v, "", self.when)
                    for c, v in item.cells
                    if v
                ]
                out.append(self.entry(item.table, item.key, ROW_COLUMN, "", REMOVED, self.when))
            elif item.old != item.new:
                when = self.when if item.when is None else item.when
                out.append(
                    self.entry(
                        item.table, item.key, item.column, item.old, item.new, when, item.note,
                        item.source,
                    )
                )  # fmt: skip
        return out

    def _added(self, row: RowAdded) -> list[Entry]:
        """``(row) added`` on the day the row arrives, then each tracked column's value: set on
        arrival, or along the dated steps of its story (Old the step before); a value the story
        does not reach is a step of the change's own day, noted ``UNDATED_NOTE`` (its file does
        not say when: the time in each stage leaves it out)."""
        arrival = row.when if row.when is not None else self.when
        note = row.note

        def at(column, old, new, when, step_note=None) -> Entry:
            return self.entry(row.table, row.key, column, old, new, when, step_note or note)

        out = [at(ROW_COLUMN, "", ADDED, arrival)]
        for column in TRACKED.get(row.table, ()):
            final = to_text(row.values.get(column))
            steps = [s for s in row.story if s.column == column]
            before = ""
            for s in steps:
                value = to_text(s.value)
                if value and value != before:
                    out.append(at(column, before, value, s.when, s.note))
                    before = value
            if final != before and final:
                if before:  # a step the story does not date: known on the change's day
                    out.append(at(column, before, final, self.when, UNDATED_NOTE))
                else:
                    out.append(at(column, "", final, arrival))
        return out


def entries_from_rows(rows: Sequence[Mapping[str, object]], index: Sequence[int]) -> list[Entry]:
    """History's table (its rows by header, and their Excel rows) as entries, in the order of
    their Change, then of their rows. Rows without a Change number are left out."""
    out = []
    for r, v in zip(index, rows):
        change = v.get("Change")
        try:
            number = int(float(change))
        except (TypeError, ValueError):
            continue
        when, recorded = v.get("When"), v.get("Recorded")
        out.append(
            Entry(
                number,
                _date(when),
                _datetime(recorded),
                _plain(v.get("Sheet")),
                _plain(v.get("ID")),
                _plain(v.get("Column")),
                _plain(v.get("Old")),
                _plain(v.get("New")),
                _plain(v.get("Source")),
                _plain(v.get("Note")),
                int(r),
            )
        )
    out.sort(key=lambda e: (e.change, e.row))
    return out


def _plain(value: object) -> str:
    """A History text cell as written (its text kept, a leading ' included)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if type(value).__name__ in ("NaTType", "NAType"):
        return ""
    if isinstance(value, str):
        return value
    return to_text(value)


def _date(value: object) -> dt.date | None:
    if value is None or type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _datetime(value: object) -> dt.datetime | None:
    if value is None or type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dt.datetime):
        return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return None

"""The search as the mail run sees it: the book's rows that mail can change, and what the messages
read so far have proposed. Messages are read oldest first, each against the search as the earlier
ones left it, so that a later mail wins and nothing is proposed twice (an interview invited by a
mail and by its calendar invitation is one row).

Every write is recorded twice: for the user (``Proposed``: sheet, id, column, old, new, per
message) and for the editor (``ledger``: the last value of each cell of a row in the book; the
values of each new row), from which ``changes`` makes the editor's changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ..core.flags import is_set
from ..intents.importing import next_ids
from ..reader import Book
from .match import App

ROW = "(row)"  # History's column of a row added
FIRST_IDS = {
    "Pipeline": "A000",
    "Interviews": "I000",
    "Offers": "O00",
}  # an empty table's IDs follow


@dataclass(frozen=True)
class Proposed:
    """One change a message proposes: as ``--json`` shows it."""

    sheet: str
    id: str
    column: str
    old: object
    new: object


@dataclass
class Row:
    """A row of a table mail writes: in the book (``row``) or new (``row`` None)."""

    table: str
    id: str
    values: dict[str, object]
    row: int | None = None
    origin: object = None  # the message that added it (new rows)
    uid: str = ""  # an interview's calendar UID
    sequence: int = -1
    # a new row's later values, each from a later message: (column, value, message)
    story: list[tuple[str, object, object]] = field(default_factory=list)


def _value(v: object) -> object:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime() if v.time() != dt.time() else v.date()
    return v


_COLUMNS = {
    "Pipeline": (
        "ID", "Company", "Role", "Source", "Date applied", "Stage", "Status", "First response",
        "Last contact", "Next action", "Next action due",
    ),
    "Interviews": ("ID", "Application ID", "Round", "Date", "Outcome", "Outcome date", "Thank-you sent"),
    "Offers": ("ID", "Application ID", "Offer date"),
    "Lessons": ("Application ID", "Decision date"),
    "Contacts": ("Name", "Email", "Application ID", "Company"),
}  # fmt: skip


@dataclass
class Search:
    book: Book
    rows: dict[str, list[Row]] = field(default_factory=dict)
    ledger: dict[tuple[str, int, str], tuple[object, object]] = field(default_factory=dict)
    new_rows: list[tuple[Row, object]] = field(default_factory=list)  # (row, message)

    def __post_init__(self) -> None:
        for table, cols in _COLUMNS.items():
            frame = self.book.tables.get(table)
            out: list[Row] = []
            if frame is not None and not frame.empty:
                times = self.book.times.get((table, "Date")) if table == "Interviews" else None
                for r, rec in frame.iterrows():
                    values = {c: _value(rec[c]) for c in cols if c in frame.columns}
                    if times is not None and r in times.index and pd.notna(times.loc[r]):
                        values["Date"] = pd.Timestamp(times.loc[r]).to_pydatetime()
                    key = values.get("ID") or values.get("Application ID") or values.get("Name")
                    out.append(Row(table, str(key or ""), values, int(r)))
            self.rows[table] = out

    # -- reading ----------------------------------------------------------------------------------
    def apps(self) -> list[App]:
        out = []
        for r in self.rows["Pipeline"]:
            v = r.values
            if not v.get("ID") or not v.get("Company"):
                continue
            applied = v.get("Date applied")
            out.append(
                App(
                    str(v["ID"]),
                    str(v["Company"]),
                    str(v.get("Role") or ""),
                    str(v.get("Status") or ""),
                    str(v.get("Stage") or ""),
                    applied.date() if isinstance(applied, dt.datetime) else applied,
                    r.row,
                )
            )
        return out

    def app(self, app_id: str) -> Row | None:
        key = app_id.casefold()
        return next((r for r in self.rows["Pipeline"] if r.id.casefold() == key), None)

    def of_app(self, table: str, app_id: str) -> list[Row]:
        key = app_id.casefold()
        return [
            r
            for r in self.rows[table]
            if str(r.values.get("Application ID") or "").casefold() == key
        ]

    def contact_emails(self) -> set[str]:
        return {str(r.values.get("Email") or "").strip().lower() for r in self.rows["Contacts"]}

    def interview_by_uid(self, uid: str) -> Row | None:
        return next((r for r in self.rows["Interviews"] if uid and r.uid == uid), None)

    # -- writing ----------------------------------------------------------------------------------
    def set(self, row: Row, column: str, value: object, out: list[Proposed], msg) -> None:
        """Write `value` into `column` of `row` (nothing when it holds it already)."""
        old = row.values.get(column)
        if _same(old, value):
            return
        row.values[column] = value
        sheet = self.book.sheets.get(row.table) or row.table
        if row.row is None and row.origin is msg:  # a row this message adds: its value, once
            at = next((k for k, c in enumerate(out) if c.id == row.id and c.column == column), None)
            if at is None:
                out.append(Proposed(sheet, row.id, column, None, value))
            else:
                out[at] = Proposed(sheet, row.id, column, None, value)
            return
        out.append(Proposed(sheet, row.id, column, old, value))
        if row.row is None:  # a row an earlier message of this run adds: a step of its story
            row.story.append((column, value, msg))
        if row.row is not None:
            first = self.ledger.get((row.table, row.row, column), (old, None))[0]
            self.ledger[(row.table, row.row, column)] = (first, value, msg)

    def add(self, table: str, values: dict[str, object], out: list[Proposed], msg) -> Row:
        """A new row of `table` (its ID the next of the table's own pattern, when it has one)."""
        values = {k: v for k, v in values.items() if v is not None}
        if table in ("Pipeline", "Interviews", "Offers"):
            taken = [r.id for r in self.rows[table]] or [FIRST_IDS[table]]
            values = {"ID": next_ids(taken, 1)[0], **values}
        key = values.get("ID") or values.get("Application ID") or values.get("Name")
        row = Row(table, str(key), dict(values), None, msg)
        self.rows[table].append(row)
        self.new_rows.append((row, msg))
        sheet = self.book.sheets.get(table) or table
        out.append(Proposed(sheet, row.id, ROW, None, "added"))
        out += [Proposed(sheet, row.id, k, None, v) for k, v in values.items() if k != "ID"]
        return row


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a == b
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return (a.date() if isinstance(a, dt.datetime) else a) == (
            b.date() if isinstance(b, dt.datetime) else b
        ) and not (isinstance(a, dt.datetime) or isinstance(b, dt.datetime))
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().casefold() == b.strip().casefold()
    return a == b


def done_mark(value: object) -> bool:
    return bool(is_set(pd.Series([value], dtype=object))[0])

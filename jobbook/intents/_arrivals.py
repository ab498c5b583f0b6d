"""The values of imported applications (``importing``): rows that are one application merged, the
30-day rule for rows whose file gives no status, and what a file says more about a row already in
the book (``--update``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..changes import Step
from ..importers import Found
from ..importers.match import posting_key, says_most
from ..reader import Book
from ..schema import STAGES

STALE_DAYS = 30  # an application unmoved this long, with no status from its file: No response
NOT_STALE = ("Wishlist", "Offer")  # a wish is not waiting for an answer; an offer waits for you

__all__ = [
    "STALE_DAYS",
    "BookRow",
    "book_rows",
    "changes_for",
    "course",
    "dated",
    "merge",
    "new_values",
    "now",
]


@dataclass(frozen=True)
class BookRow:
    """An application of the book as the import sees it; `row` is its Excel row."""

    id: str
    row: int
    company: str
    role: str
    posting: str | None
    applied: dt.date | None
    stage: str | None
    status: str | None
    last_contact: dt.date | None
    notes: str | None

    @property
    def wishlist(self) -> bool:
        """Still on the wishlist: Stage Wishlist, no Date applied, Status Active or blank."""
        return (
            (self.stage or "").casefold() == "wishlist"
            and self.applied is None
            and (self.status or "Active").casefold() == "active"
        )


def _value(x: object):
    if x is None or (not isinstance(x, str) and pd.isna(x)):
        return None
    if isinstance(x, pd.Timestamp):
        return x.date()
    return x


def book_rows(book: Book) -> dict[str, BookRow]:
    p = book.tables["Pipeline"]
    heads = ("ID", "Company", "Role", "Posting URL", "Date applied", "Stage", "Status")
    heads += ("Last contact", "Notes")
    columns = [[_value(x) for x in p[h].tolist()] for h in heads]
    out: dict[str, BookRow] = {}
    for row, i, company, role, url, applied, stage, status, last, notes in zip(p.index, *columns):
        if i is None or company is None:
            continue
        out.setdefault(
            str(i),
            BookRow(
                str(i), int(row), str(company), "" if role is None else str(role),
                posting_key(url), applied, stage, status, last, notes,
            ),
        )  # fmt: skip
    return out


def _rank(stage: object) -> int:
    return STAGES.index(stage) if stage in STAGES else -1


def merge(rows: list[Found]) -> Found:
    """One application from rows that are one: the first row's values, the others filling its
    blanks; Status (and whether the file said it) from the row that says most about the outcome
    (``says_most``); the furthest Stage; the earliest Date applied and First response, the latest
    Last contact; every note and dated step."""
    if len(rows) == 1:
        return rows[0]
    best = max(rows, key=lambda f: says_most(f.values.get("Stage"), f.values.get("Status")))
    values = dict(rows[0].values)
    values.pop("Status", None)
    if best.values.get("Status") is not None:
        values["Status"] = best.values["Status"]
    for f in rows:
        for k, x in f.values.items():
            if k != "Status":
                values.setdefault(k, x)

    def pick(header: str, fn):
        got = [f.values[header] for f in rows if f.values.get(header) is not None]
        if got:
            values[header] = fn(got)

    pick("Date applied", min)
    pick("First response", min)
    pick("Last contact", max)
    pick("Stage", lambda s: max(s, key=_rank))
    notes = list(dict.fromkeys(f.values["Notes"] for f in rows if f.values.get("Notes")))
    values["Notes"] = "; ".join(notes) if notes else None
    events = sorted({e for f in rows for e in f.events}, key=lambda e: (e.day, _rank(e.stage)))
    moved = [f.moved for f in rows if f.moved]
    days = [f.day for f in rows if f.day]
    return Found(
        {k: x for k, x in values.items() if x is not None},
        rows[0].origin,
        next((f.contact for f in rows if f.contact), None),
        events,
        best.said_status,
        max(moved) if moved else None,
        rows[0].source,
        min(days) if days else None,
    )


def _stale(f: Found, values: dict, as_of: dt.date) -> bool:
    """Unmoved for more than STALE_DAYS: the last move of its stage list (Huntr's lastMovedAt),
    else its latest date (applied, last contact, a dated step)."""
    if values.get("Stage") in NOT_STALE:
        return False
    days = [values.get("Date applied"), values.get("Last contact")]
    days += [e.day for e in f.events if e.stage != "Wishlist"]
    last = f.moved or max((d for d in days if d), default=None)
    return last is not None and (as_of - last).days > STALE_DAYS


def new_values(f: Found, as_of: dt.date) -> tuple[dict, bool]:
    """The Pipeline values of a new application, and whether the 30-day rule made it No
    response (only for a row whose file gives no status)."""
    values = dict(f.values)
    values.setdefault("Stage", "Applied" if values.get("Date applied") else "Wishlist")
    if "Status" in values:
        return values, False
    stale = _stale(f, values, as_of)
    values["Status"] = "No response" if stale else "Active"
    return values, stale


def now(fields: dict) -> str:
    """``Applied on 2026-10-20, Active``: what a wishlist row becomes."""
    day = fields.get("Date applied")
    return f"{fields['Stage']}{f' on {day.isoformat()}' if day else ''}, {fields['Status']}"


def _said(old: BookRow, writes: dict) -> str:
    before = {"Stage": old.stage, "Status": old.status, "Last contact": old.last_contact}
    return ", ".join(f"{h} {before[h] or '(blank)'} -> {writes[h]}" for h in writes)


def changes_for(row: BookRow, f: Found, as_of: dt.date, update: bool) -> tuple[dict, str]:
    """What the file (`f`, merged) brings to `row` of the book, by header, and those changes in
    words. A wishlist row the file shows applied to: Stage, Date applied, Status (the file's,
    else by the 30-day rule), the file's Notes appended. Any other row, when the file says more
    (``says_most``: a status it states, or a further stage; a stage list unmoved for 30 days
    counts as saying No response): the furthest Stage, the file's Status (a further stage ends
    a No response), a later Last contact. Nothing when the file says no more."""
    v = f.values
    if row.wishlist:
        if v.get("Stage") in (None, "Wishlist") and v.get("Date applied") is None:
            return {}, ""
        fields: dict = {"Stage": v.get("Stage") if v.get("Stage") != "Wishlist" else "Applied"}
        if v.get("Date applied") is not None:
            fields["Date applied"] = v["Date applied"]
        fields["Status"] = v.get("Status") or new_values(f, as_of)[0]["Status"]
        if v.get("Last contact") is not None and update:
            fields["Last contact"] = v["Last contact"]
        if v.get("Notes"):
            fields["Notes"] = "; ".join(n for n in (row.notes, v["Notes"]) if n)
        return fields, now(fields)
    status = v.get("Status")
    if status is None and f.moved is not None and _stale(f, v, as_of):
        status = "No response"
    stage = v.get("Stage")
    writes: dict = {}
    if says_most(stage, status) > says_most(row.stage, row.status):
        furthest = max((s for s in (row.stage, stage) if s), key=_rank, default=None)
        if furthest and furthest != row.stage:
            writes["Stage"] = furthest
        new = status or ("Active" if row.status == "No response" else row.status)
        if new and new != row.status:
            writes["Status"] = new
    last = v.get("Last contact")
    if last is not None and (row.last_contact is None or last > row.last_contact):
        writes["Last contact"] = last
    return writes, _said(row, writes)


def course(f: Found, values: dict) -> tuple[dt.date | None, tuple[Step, ...]]:
    """For History (docs/definitions.md § History), the day a new application arrives (its first dated step, or
    Date applied) and the steps its file dates: its stages and statuses (Active from its first
    step), Date applied and First response on their own days. A value its file does not date
    (a status without a day) becomes an undated step (``history.Log``)."""
    events = sorted(f.events, key=lambda e: (e.day, _rank(e.stage)))
    days = [e.day for e in events]
    days += [values[h] for h in ("Date applied",) if isinstance(values.get(h), dt.date)]
    arrival = min(days) if days else None
    story: list[Step] = []
    if events:
        story.append(Step("Status", "Active", events[0].day, None))
    for e in events:
        note = f"from {f.origin}: {e.what}" if e.what else None
        if e.stage is not None:
            story.append(Step("Stage", e.stage, e.day, note))
        if e.status is not None:
            story.append(Step("Status", e.status, e.day, note))
    for h in ("Date applied", "First response"):
        if isinstance(values.get(h), dt.date):
            story.append(Step(h, values[h], values[h], None))
    return arrival, tuple(story)


def dated(f: Found, header: str, value: object) -> dt.date | None:
    """The day a file dates a value it brings to a row already in the book (``--update``): the
    last step that reached that Stage or Status, a Last contact its own day; None: the import's
    day."""
    if header in ("Last contact", "Date applied") and isinstance(value, dt.date):
        return value
    field = {"Stage": "stage", "Status": "status"}.get(header)
    if field is None:
        return None
    days = [e.day for e in f.events if getattr(e, field) == value]
    return max(days) if days else None

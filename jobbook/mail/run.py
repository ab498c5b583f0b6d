"""A mail run: read the sources (streamed), decode and classify each message as it comes, keep
the few that matter, then propose their changes oldest first against the book.

A message that cannot be read is reported and skipped: it costs that message only. Messages
already applied (their Message-ID in History) change nothing again; an ambiguous one waits for
``--pick MESSAGE_ID=APP_ID``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..changes import Change, RowAppend, Step, TableWrite
from ..core.zones import book_zone
from ..errors import UnknownId, UsageError
from ..reader import Book
from ..schema import SOURCE_MAIL
from .classify import Reading, classify
from .decode import BadMessage, Mail, decode
from .match import App, Applications, Match
from .propose import Context, Proposal, mail_day, propose
from .sources import read_sources
from .state import Search

CELL_CHARS = 32_767
_MESSAGE_ID = re.compile(r"Message-ID (<[^>\s]*>)")
_UID = re.compile(r"calendar UID (\S+) SEQUENCE (\d+)")


@dataclass(frozen=True)
class Other:
    """A message of kind other: listed in --json, counted in the table."""

    message_id: str
    date: dt.datetime
    subject: str
    why: str
    evidence: tuple[str, ...] = ()


@dataclass
class MailRun:
    proposals: list[Proposal] = field(default_factory=list)
    others: list[Other] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    read: int = 0
    before_since: int = 0
    duplicates: int = 0
    search: Search | None = None
    zone: object = None  # the book's zone: a message's day is its date there

    def day(self, when: dt.datetime) -> dt.date:
        return (when.astimezone(self.zone) if self.zone is not None else when).date()

    def changes(self) -> list[Change]:
        """The editor's changes: each cell of a row in the book once, with its last value; each
        new row whole."""
        return editor_changes(self.search) if self.search is not None else []


def message_note(mail: Mail, uid: str = "") -> str:
    """History's Note of a change a message made (README § Your mail: its Subject and Date; the
    Message-ID so that it is never applied again; a calendar invitation's UID)."""
    note = (
        f'mail: Subject "{mail.subject[:200]}"; Date {mail.date.isoformat(sep=" ", timespec="minutes")}; '
        f"Message-ID {mail.message_id[:300]}"
    )
    return note + (f"; calendar UID {uid[:300]}" if uid else "")


def applied_ids(notes: Iterable[str]) -> set[str]:
    """Message-IDs that History's notes (Source mail) say were applied."""
    return {m.group(1) for n in notes for m in [_MESSAGE_ID.search(str(n or ""))] if m}


def invitation_of(note: str) -> tuple[str, int] | None:
    """(calendar UID, SEQUENCE) a History note names, or None."""
    m = _UID.search(str(note or ""))
    return (m.group(1), int(m.group(2))) if m else None


def pick_map(picks: Iterable[str]) -> dict[str, str]:
    """``--pick MESSAGE_ID=APP_ID`` (a Message-ID may hold ``=``: the last one splits)."""
    out = {}
    for p in picks:
        if "=" not in p:
            raise UsageError(f"--pick {p!r}: give MESSAGE_ID=APP_ID, e.g. --pick '<abc@mail>=A012'")
        mid, app = p.rsplit("=", 1)
        mid, app = mid.strip(), app.strip()
        if not mid or not app:
            raise UsageError(f"--pick {p!r}: give MESSAGE_ID=APP_ID")
        out[mid if mid.startswith("<") else f"<{mid}>"] = app
    return out


def _fit(value: object) -> object:
    if isinstance(value, str) and len(value) > CELL_CHARS:
        return value[: CELL_CHARS - 1] + "\u2026"
    return value


@dataclass(frozen=True)
class Origin:
    """The message behind a change, as History records it: its day (When) and its Note."""

    day: dt.date
    note: str


def editor_changes(search: Search) -> list[Change]:
    """The editor's changes, each dated and noted by the message behind it (History's When and
    Note, Source ``mail``): a cell of a row in the book once, with the last message's value; a new
    row whole, its arrival the first message's and its later values the steps of its story."""
    out: list[Change] = []
    for (table, row, column), (first, value, msg) in search.ledger.items():
        if first != value:
            out.append(TableWrite(table, column, row, _fit(value), msg.day, msg.note, SOURCE_MAIL))
    for row, msg in search.new_rows:
        first = dict(row.values)
        story = []
        for column, value, later in row.story:  # the value each message gave, in turn
            story.append(Step(column, _fit(value), later.day, later.note))
        for column, _value, _later in row.story:
            first.pop(column, None)
        for column, value, _ in reversed(row.story):
            first.setdefault(column, None)
            row.values.setdefault(column, value)
        out.append(
            RowAppend(
                row.table,
                {k: _fit(v) for k, v in row.values.items()},
                msg.day,
                msg.note,
                tuple(story),
            )
        )
    return out


def _sent(mail_labels: str) -> bool:
    return "sent" in {x.strip().lower() for x in mail_labels.split(",")}


def read_mail(
    book: Book,
    sources: list[Path],
    *,
    since: dt.date | None = None,
    picks: dict[str, str] | None = None,
    applied: set[str] | None = None,
    uids: dict[str, tuple[str, int]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> MailRun:
    """Read `sources` and propose the changes their messages imply to `book`. `applied`: the
    Message-IDs History says were applied; `uids`: interview ID -> (calendar UID, SEQUENCE) of the
    invitations History says they came from."""
    picks = dict(picks or {})
    applied = set(applied or ())
    zone = book_zone(book.settings.TimeZone)
    own = frozenset(
        a.strip().lower() for a in [getattr(book.settings, "YourEmail", None) or ""] if a.strip()
    )
    ctx = Context(zone, lambda d, n: _workday(book, d, n), own)
    run = MailRun(zone=zone)
    kept: list[tuple[Mail, Reading]] = []
    seen: set[str] = set()
    for raw in read_sources(sources, progress):
        run.read += 1
        try:
            mail = decode(raw)
        except BadMessage as exc:
            run.problems.append(f"{raw.origin}: {exc}; skipped")
            continue
        except Exception as exc:  # noqa: BLE001 - hostile input: one message costs itself only
            run.problems.append(f"{raw.origin}: cannot be read ({exc.__class__.__name__}); skipped")
            continue
        if mail.message_id in seen:
            run.duplicates += 1
            continue
        seen.add(mail.message_id)
        if since is not None and mail_day(mail, ctx) < since:
            run.before_since += 1
            continue
        for problem in mail.problems:
            run.problems.append(f"{raw.origin} ({mail.message_id}): {problem}")
        reading = classify(mail, own, sent=_sent(mail.labels))
        if reading.kind == "other":
            run.others.append(
                Other(
                    mail.message_id,
                    mail.date,
                    mail.subject,
                    "; ".join(reading.why[:3]),
                    reading.why,
                )
            )
        else:
            kept.append((mail, reading))
    unknown = [m for m in picks if m not in seen]
    if unknown:
        raise UsageError(f"--pick {unknown[0]}: no message with that Message-ID in the sources")
    run.search = search = Search(book)
    for interview_id, (uid, sequence) in (uids or {}).items():
        row = next(
            (r for r in search.rows["Interviews"] if r.id.casefold() == interview_id.casefold()),
            None,
        )
        if row is not None:
            row.uid, row.sequence = uid, sequence
    apps = Applications(search.apps(), book.aliases)
    kept.sort(key=lambda x: x[0].date)
    for mail, reading in kept:
        run.proposals.append(_one(search, apps, ctx, mail, reading, picks, applied))
    return run


def _one(search, apps, ctx, mail, reading, picks, applied) -> Proposal:
    if mail.message_id in applied:
        p = Proposal(mail, reading, None, status="applied before")
        p.notes.append("applied before (its Message-ID is in History): not again")
        return p
    picked = picks.get(mail.message_id)
    if picked is not None:
        app = next((a for a in apps.apps if a.id.casefold() == picked.casefold()), None)
        if app is None:
            raise UnknownId(
                f"--pick {mail.message_id}={picked}: no application {picked} in the book"
            )
        match = Match("matched", app, app.company, why=f"--pick {picked}")
    else:
        match = apps.match(mail, reading)
    p = Proposal(mail, reading, match)
    if match.match == "ambiguous":
        p.status = "needs --pick"
        p.company = match.company
        return p
    inv = reading.invite
    note = message_note(mail, f"{inv.uid} SEQUENCE {inv.sequence}" if inv is not None else "")
    propose(search, p, ctx, match.app, Origin(mail_day(mail, ctx), note))
    if match.match == "new":
        row = search.app(p.app_id)
        apps.add(
            App(
                row.id,
                str(row.values.get("Company")),
                str(row.values.get("Role") or ""),
                "Active",
                str(row.values.get("Stage") or ""),
                row.values.get("Date applied"),
                None,
            )
        )
    if not p.changes:
        p.status = "nothing to change"
    return p


def _workday(book: Book, day: dt.date, n: int) -> dt.date:
    import pandas as pd

    got = book.calendar.workday([day], n)
    return pd.Timestamp(got[0]).date()

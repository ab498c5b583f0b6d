"""The calendar's events as plain values, from the same facts the command line prints: every open
deadline of ``views.deadlines`` as an all-day event, and every interview (timed when its Date has a
time of day). No iCalendar here: ``_ics`` writes these."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd

from .. import views
from ..core import deadline_records
from ..core.calendar import in_words
from ..core.computed import cancelled_interviews, id_key, known, lookup
from ..core.deadlines import KINDS
from ..core.stages import closed_on
from ..reader import Book

INTERVIEW = "interview"
ORDER = {k: n for n, k in enumerate((INTERVIEW, *KINDS))}  # same-day events: interviews first
INTERVIEW_HOURS = 1  # a timed interview lasts an hour unless the book says otherwise (it cannot)
ALARM_HOUR = 9  # a deadline's reminder rings at 09:00 on the business day before it is due

# What each deadline is called in a calendar: {company}, {what} (the row's own words, if any).
TITLES = {
    "thank-you": "Thank-you note to {company}",
    "follow-up": "Follow up with {company}",
    "next-action": "Next step with {company}{what}",
    "decision": "Decide on the offer from {company}",
    "lesson": "Lesson from {company}{what}",
    "start": "Start at {company}",
}
EARLIEST_START = "Earliest start at {company}"


@dataclass(frozen=True)
class CalEvent:
    """One calendar event. `start`/`end` are dates (all day; `end` is the day after) or naive
    datetimes (wall-clock time in the book's zone). `alarm` is the day of a deadline's reminder."""

    uid: str
    kind: str  # "interview" or a deadline kind of README § The command line
    sheet: str
    id: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    alarm: dt.date | None = None
    cancelled: bool = False  # an interview that will not take place: STATUS:CANCELLED

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start


def book_key(book: Book) -> str:
    """The book's part of every UID: a hash of its file name (not of its contents, so that edits
    update events; not of its folder, so that moving the file keeps them)."""
    name = book.path.stem.casefold() or "book"
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def uid(key: str, kind: str, row_id: str) -> str:
    """``kind-ID-bookkey@jobbook``: IDs match whatever their case, so the UID uses one case."""
    return f"{kind}-{quote(str(row_id).strip().casefold(), safe='')}-{key}@jobbook"


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _lesson_numbers(lessons: pd.DataFrame) -> dict[int, int]:
    """Row -> 1, 2, ... among the Lessons rows of the same application (sheet order): an
    application may have several lesson actions, and each needs its own UID."""
    keys = id_key(lessons["Application ID"])
    numbers = keys.groupby(keys, sort=False, dropna=False).cumcount() + 1
    return {int(r): int(n) for r, n in numbers.items()}


def _thank_you_context(interviews: pd.DataFrame, row: int) -> str:
    """`` For the Final interview on Thursday 5 March 2026 with Ana Ruiz, Ben Li.``"""
    r = interviews.loc[row]
    round_ = _text(r["Round"])
    people = _text(r["Interviewers"])
    return (
        f" For the {round_ + ' ' if round_ else ''}interview on {in_words(r['Date'].date(), weekday=True)}"
        f"{' with ' + people if people else ''}."
    )


def _alarm(book: Book, due: dt.date) -> dt.date | None:
    """The business day before `due` (the book's holidays), unless that day has passed."""
    day = book.calendar.workday(due, -1).item()
    return day if day >= book.as_of else None


def deadline_events(book: Book, key: str) -> list[CalEvent]:
    """One all-day event per open deadline, in the order of ``views.deadlines``."""
    frame = views.deadline_frame(book, rows=True)
    t = book.tables
    lesson_no = _lesson_numbers(t["Lessons"])
    out = []
    for rec, row in zip(deadline_records(frame), frame["row"]):
        kind, sheet, row_id, company = rec["kind"], rec["sheet"], rec["id"], rec["company"]
        due = dt.date.fromisoformat(rec["due"])
        what, title, uid_id = "", TITLES[kind], row_id
        if kind == "next-action":
            what = _text(t["Pipeline"].at[row, "Next action"])
        elif kind == "lesson":
            what = _text(t["Lessons"].at[row, "Action"])
            uid_id = f"{row_id}-{lesson_no.get(int(row), 1)}"
        elif kind == "start" and pd.isna(t["Transition"].at[row, "Agreed start"]):
            title = EARLIEST_START
        summary = title.format(company=company or row_id, what=f": {what}" if what else "")
        about = _thank_you_context(t["Interviews"], row) if kind == "thank-you" else ""
        description = (
            f"Due {in_words(due, weekday=True)}.{about}\n{sheet} {row_id} in {book.path.name}."
        )
        out.append(
            CalEvent(
                uid=uid(key, kind, uid_id),
                kind=kind,
                sheet=sheet,
                id=row_id,
                start=due,
                end=due + dt.timedelta(days=1),
                summary=summary,
                description=description,
                alarm=_alarm(book, due),
            )
        )
    return out


def _people(contacts: pd.DataFrame) -> dict[str, list[str]]:
    """The contacts of each application (by its ID in one case): ``Name (Role in process,
    Email)``, in sheet order."""
    out: dict[str, list[str]] = {}
    keys = id_key(contacts["Application ID"])
    for key, name, role, email in zip(
        keys, contacts["Name"], contacts["Role in process"], contacts["Email"]
    ):
        if isinstance(key, str):
            extra = ", ".join(x for x in (_text(role), _text(email)) if x)
            out.setdefault(key, []).append(f"{_text(name)} ({extra})" if extra else _text(name))
    return out


def interview_events(book: Book, key: str) -> list[CalEvent]:
    """One event per interview with a Date: timed when the Date has a time of day, else all day.
    An interview that will not take place (Outcome Cancelled, or its application closed and the
    interview after the as-of date) is written cancelled; the interviews of an application not
    known on the as-of date (Date applied after it) are left out (docs/definitions.md § Deadlines)."""
    t = book.tables
    iv, pipeline, contacts = t["Interviews"], t["Pipeline"], t["Contacts"]
    iv = iv[iv["Date"].notna()]
    applied = lookup(iv["Application ID"], pipeline, "ID", "Date applied")
    iv = iv[known(applied, book.as_of)]
    closed = closed_on(t.get("History"))
    cancelled = dict(zip(iv.index, cancelled_interviews(iv, pipeline, book.as_of, closed)))
    times = book.times.get(("Interviews", "Date"), pd.Series(pd.NaT, index=iv.index))
    app_ids = iv["Application ID"]
    roles = lookup(app_ids, pipeline, "ID", "Role")
    places = lookup(app_ids, pipeline, "ID", "Location")
    people = _people(contacts)
    app_keys = id_key(app_ids)
    out = []
    for row, r in iv.iterrows():
        day = r["Date"].date()
        company = _text(r["Company"]) or _text(r["Application ID"])
        round_ = _text(r["Round"])
        when = times.get(row, pd.NaT)
        start: dt.date | dt.datetime = day
        end: dt.date | dt.datetime = day + dt.timedelta(days=1)
        if pd.notna(when) and (pd.Timestamp(when) - pd.Timestamp(day)).total_seconds() >= 30:
            start = pd.Timestamp(when).round("min").to_pydatetime()
            end = start + dt.timedelta(hours=INTERVIEW_HOURS)
        fmt = _text(r["Format"])
        location = _text(r["Location"])
        if not location and fmt == "Onsite":
            location = _text(places.get(row))
        link = location if location.lower().startswith(("https://", "http://")) else ""
        lines = [
            ("Role", _text(roles.get(row))),
            ("Round", round_),
            ("Format", fmt),
            ("Interviewers", _text(r["Interviewers"])),
            ("Contacts", "; ".join(people.get(app_keys[row], []))),
            ("Join", link),
            ("Interviews", f"{r['ID']} in {book.path.name}"),
        ]
        description = "\n".join(f"{k}: {v}" for k, v in lines if v)
        out.append(
            CalEvent(
                uid=uid(key, INTERVIEW, r["ID"]),
                kind=INTERVIEW,
                sheet="Interviews",
                id=_text(r["ID"]),
                start=start,
                end=end,
                summary=f"Interview: {company} — {round_}" if round_ else f"Interview: {company}",
                description=description,
                location=location,
                url=link,
                cancelled=bool(cancelled[row]),
            )
        )
    return out


def in_window(event: CalEvent, as_of: dt.date, within: int | None) -> bool:
    """Whether `event` belongs to the next `within` calendar days after `as_of` (None: all): a
    deadline as ``deadlines --within`` counts it (overdue ones always), an interview from the
    as-of date on."""
    if within is None:
        return True
    days = (event.day - as_of).days
    return days <= within and (event.kind != INTERVIEW or days >= 0)


def calendar_events(book: Book, within: int | None = None) -> list[CalEvent]:
    """Every interview and every open deadline of `book` (with `within`: those of
    :func:`in_window`), by day, interviews first, then deadlines in the order of
    ``jobbook deadlines``."""
    key = book_key(book)
    events = interview_events(book, key) + deadline_events(book, key)
    events = [e for e in events if in_window(e, book.as_of, within)]
    return sorted(events, key=lambda e: (e.day, ORDER[e.kind]))

"""The events as an RFC 5545 calendar (with the ``icalendar`` package), updating the previous export.

A calendar file is made to be exported again over itself: the events keep their UIDs, an event
whose content changed gets a higher ``SEQUENCE``, and an event of the previous export that is done
or gone is written once more as ``STATUS:CANCELLED`` with a higher ``SEQUENCE``, so that a calendar
program importing the new file updates or cancels what it holds instead of adding duplicates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import NotACalendar, one_line
from ._events import CalEvent, in_window

PRODID = "-//jobbook//jobbook calendar//EN"
FROM = "Interviews and deadlines from "  # X-WR-CALDESC: FROM + the book's file name
BOOK_PROP = "X-JOBBOOK-BOOK"  # the book's key (``_events.book_key``) on the calendar
HASH_PROP = "X-JOBBOOK-HASH"  # on each event: a digest of its content, to tell what changed
CANCELLED_PROP = "X-JOBBOOK-CANCELLED"  # on a cancelled event: the as-of date it was cancelled
KEEP_CANCELLED_DAYS = 30  # a cancelled event stays in later exports for 30 days
MAX_PREVIOUS_BYTES = 32 << 20  # a previous export larger than this is not one of ours
CATEGORY = "Job search"


@dataclass(frozen=True)
class Known:
    """An event of the previous export."""

    sequence: int
    cancelled: dt.date | None  # the as-of date of the export that cancelled it
    digest: str
    stamp: dt.datetime | None
    component: object  # icalendar.Event


@dataclass
class Counts:
    """What an export did, for the message the command prints."""

    interviews: int = 0
    deadlines: int = 0
    new: int = 0
    updated: int = 0
    cancelled: list[str] = field(default_factory=list)  # summaries of the events cancelled now


def digest(event: CalEvent, zone: str | None) -> str:
    """A digest of everything an event shows, so an unchanged event keeps its SEQUENCE."""
    parts = (
        event.summary,
        event.description,
        event.location,
        event.url,
        event.start.isoformat(),
        event.end.isoformat(),
        zone if not event.all_day else "",
        event.alarm.isoformat() if event.alarm else "",
        *(("cancelled",) if event.cancelled else ()),  # unchanged digests for the others
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def read_previous(path: Path, key: str, book_name: str = "") -> dict[str, Known]:
    """The events of the calendar jobbook wrote at `path` for the book `key` (file `book_name`)
    ({} if there is no file). A file that is not such a calendar raises NotACalendar naming the
    file, and for another book's calendar that book's file: it is not ours to replace."""
    from icalendar import Calendar

    path = Path(path)
    if not path.is_file():
        return {}
    what = "is not a calendar that jobbook wrote"
    try:
        if path.stat().st_size > MAX_PREVIOUS_BYTES:
            raise NotACalendar(f"{path}: {what}; use --force to replace it")
        cal = Calendar.from_ical(path.read_bytes())
    except (ValueError, IndexError, KeyError, UnicodeDecodeError) as exc:
        raise NotACalendar(
            f"{path}: {what} ({one_line(exc, 80)}); use --force to replace it"
        ) from exc
    if "jobbook" not in str(cal.get("PRODID", "")):
        raise NotACalendar(f"{path}: {what}; use --force to replace it")
    if str(cal.get(BOOK_PROP, "")) != key:
        desc = str(cal.get("X-WR-CALDESC", ""))
        other = desc.split(FROM, 1)[1] if FROM in desc else str(cal.get("X-WR-CALNAME", "?"))
        this = f", not of {book_name}" if book_name and book_name != other else ""
        raise NotACalendar(
            f"{path}: holds the calendar of another workbook ({other}){this}; "
            "use --force to replace it, or write to another file with -o"
        )
    known = {}
    for ev in cal.walk("VEVENT"):
        stamp = ev.get("DTSTAMP")
        cancelled = None
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            try:
                cancelled = dt.date.fromisoformat(str(ev.get(CANCELLED_PROP, "")))
            except ValueError:
                cancelled = dt.date.min  # cancelled by someone else: not kept
        known[str(ev.get("UID"))] = Known(
            sequence=int(ev.get("SEQUENCE", 0)),
            cancelled=cancelled,
            digest=str(ev.get(HASH_PROP, "")),
            stamp=stamp.dt if stamp is not None else None,
            component=ev,
        )
    return known


def _alarm(event: CalEvent):
    """A reminder at 09:00 on the event's alarm day, relative to its (all-day) start."""
    from icalendar import Alarm

    from ._events import ALARM_HOUR

    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", f"Due {event.start:%A}: {event.summary}")
    alarm.add("TRIGGER", dt.timedelta(days=(event.alarm - event.day).days, hours=ALARM_HOUR))
    return alarm


def _component(event: CalEvent, zone: ZoneInfo | None, sequence: int, stamp: dt.datetime):
    from icalendar import Event

    start, end = event.start, event.end
    if not event.all_day and zone is not None:
        start, end = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
    ev = Event()
    ev.add("UID", event.uid)
    ev.add("DTSTAMP", stamp)
    ev.add("SEQUENCE", sequence)
    ev.add("DTSTART", start)  # a date is written DTSTART;VALUE=DATE
    ev.add("DTEND", end)
    ev.add("SUMMARY", event.summary)
    if event.description:
        ev.add("DESCRIPTION", event.description)
    if event.location:
        ev.add("LOCATION", event.location)
    if event.url:
        ev.add("URL", event.url)
    ev.add("CATEGORIES", [CATEGORY])
    ev.add("STATUS", "CANCELLED" if event.cancelled else "CONFIRMED")
    ev.add("TRANSP", "TRANSPARENT" if event.all_day else "OPAQUE")  # deadlines leave you free
    ev.add(HASH_PROP, digest(event, zone.key if zone else None))
    if event.alarm is not None:
        ev.add_component(_alarm(event))
    return ev


def _cancelled(old: Known, stamp: dt.datetime, as_of: dt.date):
    """The previous export's event again, cancelled, one SEQUENCE higher, without its reminder."""
    ev = old.component.copy()  # properties only: the VALARM is left behind
    for name in ("SEQUENCE", "STATUS", "DTSTAMP", CANCELLED_PROP):
        ev.pop(name, None)
    ev.add("DTSTAMP", stamp)
    ev.add("SEQUENCE", old.sequence + 1)
    ev.add("STATUS", "CANCELLED")
    ev.add(CANCELLED_PROP, as_of.isoformat())
    return ev


def build_calendar(
    events: list[CalEvent],
    previous: dict[str, Known],
    *,
    key: str,
    name: str,
    description: str,
    zone: ZoneInfo | None,
    as_of: dt.date,
    within: int | None = None,
    now: dt.datetime | None = None,
):
    """The calendar of `events` (every live event of the book) after `previous`: the events in
    the window of `within` days, plus every live event the previous export held (so that it keeps
    being updated), plus the cancellations. Returns (icalendar.Calendar, Counts)."""
    from icalendar import Calendar

    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    cal.add("X-WR-CALNAME", name)
    cal.add("X-WR-CALDESC", description)
    if zone is not None:
        cal.add("X-WR-TIMEZONE", zone.key)
    cal.add(BOOK_PROP, key)
    counts = Counts()
    live = {e.uid for e in events}
    body = []
    for e in events:
        old = previous.get(e.uid)
        if old is None and not in_window(e, as_of, within):
            continue
        mark = digest(e, zone.key if zone else None)
        changed = old is None or (old.cancelled and not e.cancelled) or old.digest != mark
        if old is None:
            sequence, stamp = 0, now
        elif changed:
            sequence, stamp = old.sequence + 1, now
        else:
            sequence, stamp = old.sequence, old.stamp or now
        body.append(_component(e, zone, sequence, stamp))
        if e.cancelled:  # an interview that will not take place (docs/definitions.md § Deadlines)
            if changed:
                counts.cancelled.append(e.summary)
            continue
        if old is None:
            counts.new += 1
        elif changed:
            counts.updated += 1
        if e.kind == "interview":
            counts.interviews += 1
        else:
            counts.deadlines += 1
    horizon = as_of - dt.timedelta(days=KEEP_CANCELLED_DAYS)
    for uid, old in previous.items():
        if uid in live:
            continue
        if old.cancelled:
            if old.cancelled >= horizon:
                body.append(old.component)  # keep telling calendars that missed it, a while
        else:
            body.append(_cancelled(old, now, as_of))
            counts.cancelled.append(str(old.component.get("SUMMARY", uid)))
    for c in body:
        cal.add_component(c)
    days = [_day(c.get("DTSTART").dt) for c in body] or [as_of]
    # a VTIMEZONE for each zone the timed events use (a cancelled one may use a former zone)
    cal.add_missing_timezones(dt.date(min(days).year - 1, 1, 1), dt.date(max(days).year + 2, 1, 1))
    return cal, counts

"""Calendar invitations inside a message (``text/calendar`` parts, ``.ics`` attachments), parsed
in memory with ``icalendar``: never written to disk, never opened by another program.

RFC 5546: ``METHOD:REQUEST`` invites (or, with the same ``UID`` and a higher ``SEQUENCE``,
reschedules), ``METHOD:CANCEL`` (or an event with ``STATUS:CANCELLED``) cancels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MAX_CALENDAR = 1024 * 1024  # a calendar part over 1 MB is not an invitation


@dataclass(frozen=True)
class Invite:
    """One event of a calendar part."""

    method: str  # REQUEST, CANCEL, PUBLISH, REPLY... (upper case; "" when the part has none)
    uid: str
    sequence: int
    start: dt.datetime | dt.date | None  # aware when the part says its zone, a date all day
    summary: str
    location: str
    description: str
    organizer: tuple[str, str]  # (name, email); ("", "") when there is none
    attendees: tuple[tuple[str, str], ...]
    cancelled: bool  # METHOD:CANCEL or STATUS:CANCELLED

    @property
    def timed(self) -> bool:
        return isinstance(self.start, dt.datetime)


def _address(prop) -> tuple[str, str]:
    if prop is None:
        return "", ""
    email = str(prop)
    if email.lower().startswith("mailto:"):
        email = email[7:]
    params = getattr(prop, "params", {}) or {}
    name = str(params.get("CN", "") or "").strip().strip('"')
    return name, email.strip().lower()


def _text(component, name: str, limit: int = 4000) -> str:
    value = component.get(name)
    if value is None:
        return ""
    return " ".join(str(value).split())[:limit] if name != "DESCRIPTION" else str(value)[:limit]


def parse_invites(data: bytes) -> list[Invite]:
    """The events of one calendar part; ValueError when it is not a calendar icalendar can read."""
    import icalendar  # a core dependency; loaded when a message has a calendar part

    if len(data) > MAX_CALENDAR:
        raise ValueError(f"a calendar part of {len(data):,} bytes is too big to be an invitation")
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError... on bad input
        raise ValueError(f"the calendar part cannot be read ({exc.__class__.__name__})") from exc
    method = str(cal.get("METHOD", "") or "").strip().upper()
    out = []
    for ev in cal.walk("VEVENT"):
        try:
            start = ev.get("DTSTART")
            start = start.dt if start is not None else None
            sequence = int(str(ev.get("SEQUENCE", 0) or 0).strip() or 0)
        except (ValueError, TypeError, AttributeError):
            start, sequence = None, 0
        attendees = ev.get("ATTENDEE") or []
        if not isinstance(attendees, list):
            attendees = [attendees]
        status = str(ev.get("STATUS", "") or "").strip().upper()
        out.append(
            Invite(
                method=method,
                uid=str(ev.get("UID", "") or "").strip(),
                sequence=sequence,
                start=start if isinstance(start, dt.date) else None,
                summary=_text(ev, "SUMMARY", 300),
                location=_text(ev, "LOCATION", 500),
                description=_text(ev, "DESCRIPTION"),
                organizer=_address(ev.get("ORGANIZER")),
                attendees=tuple(_address(a) for a in attendees[:50]),
                cancelled=method == "CANCEL" or status == "CANCELLED",
            )
        )
    return out

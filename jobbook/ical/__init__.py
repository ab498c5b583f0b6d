"""The job search in the user's calendar (README § Your calendar and your data): an RFC 5545 ``.ics`` file of every
interview and every open deadline, written with the ``icalendar`` package.

``_events`` turns a Book into plain events (the same facts ``jobbook deadlines`` prints);
``_ics`` writes them as a calendar that updates the previous export at the same path. Not to be
confused with ``jobbook.core.calendar``, the business-day arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import views
from .._files import check_output, write_atomically
from ..core.zones import book_zone
from ..reader import Book
from ._events import CalEvent, book_key, calendar_events, in_window
from ._ics import FROM, Counts, build_calendar, read_previous

__all__ = [
    "CalEvent",
    "CalendarExport",
    "calendar_bytes",
    "calendar_events",
    "default_path",
    "export_calendar",
    "in_window",
]


@dataclass(frozen=True)
class CalendarExport:
    path: Path | None  # None: written to stdout
    data: bytes
    counts: Counts

    @property
    def message(self) -> str:
        c = self.counts
        where = self.path.name if self.path else "the calendar"
        changes = [f"{c.new} new", f"{c.updated} updated", f"{len(c.cancelled)} cancelled"]
        return (
            f"Wrote {where}: {c.interviews} interview(s) and {c.deadlines} deadline(s) "
            f"({', '.join(changes)})"
        )


# What the calendar reads: an error elsewhere in the book is only a warning.
NEEDS = {
    **views.NEEDS_DEADLINES,
    "Interviews": None,
    "Pipeline": [*views.NEEDS_DEADLINES["Pipeline"], "Role", "Location", "Next action"],
    "Contacts": ["Name", "Application ID", "Role in process", "Email"],
    "Lessons": [*views.NEEDS_DEADLINES["Lessons"], "Action"],
}


def default_path(book: Book) -> Path:
    """``search.ics`` beside ``search.xlsx``."""
    return book.path.with_suffix(".ics")


def calendar_bytes(
    book: Book,
    previous: dict | None = None,
    within: int | None = None,
    now: dt.datetime | None = None,
) -> tuple[bytes, Counts]:
    """The book's calendar as bytes, updating `previous` (``_ics.read_previous``)."""
    name = "Job search" + (f" of {book.settings.YourName}" if book.settings.YourName else "")
    cal, counts = build_calendar(
        calendar_events(book),
        previous or {},
        key=book_key(book),
        name=name,
        description=f"{FROM}{book.path.name}",
        zone=book_zone(book.settings.TimeZone),
        as_of=book.as_of,
        within=within,
        now=now,
    )
    return cal.to_ical(), counts


def export_calendar(
    book: Book,
    out: str | Path | None = None,
    within: int | None = None,
    force: bool = False,
    now: dt.datetime | None = None,
) -> CalendarExport:
    """Write the book's calendar to `out` (default: beside the book), updating the calendar
    jobbook wrote there before; `force` replaces any other file of that name."""
    path = check_output(out or default_path(book), (".ics",), force=True, inputs=[book.path])
    previous = {} if force else read_previous(path, book_key(book), book.path.name)
    data, counts = calendar_bytes(book, previous, within, now)
    write_atomically(path, lambda tmp: Path(tmp).write_bytes(data))
    return CalendarExport(path, data, counts)

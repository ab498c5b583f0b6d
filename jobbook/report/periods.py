"""The days a monthly report covers, and the days it compares them with.

A month that is not over yet on the as-of date is compared with the same days of the month before
("1–7 Dec 2026 against 1–7 Nov 2026"), never with the whole of it: seven days against thirty
would show every figure falling. Its weeks end on the as-of date, and the weeks still to come are
not drawn (a future week is not a week of zero applications).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

DASH = "\u2013"  # an en dash between days: 1–7 Dec


@dataclass(frozen=True)
class Window:
    """A month, or its first days: days 1 to `last_day` (None: the whole month)."""

    month: pd.Period
    last_day: int | None = None

    @property
    def partial(self) -> bool:
        return self.last_day is not None

    @property
    def label(self) -> str:
        """``December 2026``, or ``1–7 Dec 2026`` (``1 Dec 2026`` for one day)."""
        if self.last_day is None:
            return self.month.start_time.strftime("%B %Y")
        days = "1" if self.last_day == 1 else f"1{DASH}{self.last_day}"
        return f"{days} {self.month.start_time:%b %Y}"

    @property
    def short(self) -> str:
        """``Dec 2026``, or ``1–7 Dec 2026``: a month on a chart's axis."""
        return self.label if self.partial else self.month.start_time.strftime("%b %Y")


def windows(month: pd.Period, as_of: dt.date) -> tuple[Window, Window]:
    """The days of `month` a report counts, and those of the month before it compares them with:
    whole months, unless `month` is not over on `as_of` (as-of on or after its first day, before
    its last): then its days 1 to as-of's day, and the same days of the month before (all of it
    when it is shorter: 1–30 Mar against February)."""
    first, last = month.start_time.date(), month.end_time.date()
    before = month - 1
    if not first <= as_of < last:
        return Window(month), Window(before)
    day = as_of.day
    return Window(month, day), Window(before, day if day < before.days_in_month else None)


def weeks_of(month: pd.Period, until: dt.date | None = None) -> list[tuple[dt.date, dt.date]]:
    """Monday-to-Sunday weeks of `month`, clipped to the month: [(first day, last day), ...];
    with `until`, the weeks that have begun by then, the last one ending on it."""
    first, last = month.start_time.date(), month.end_time.date()
    if until is not None:
        last = min(last, until)
    out, start = [], first
    while start <= last:
        end = min(start + dt.timedelta(days=6 - start.weekday()), last)
        out.append((start, end))
        start = end + dt.timedelta(days=1)
    return out

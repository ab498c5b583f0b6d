"""Business days with Excel's WORKDAY and NETWORKDAYS semantics, vectorised with numpy.

Business days are Monday to Friday minus the holidays. Like Excel:

* dates with a time of day are truncated to the date;
* ``workday(d, 0)`` is ``d`` itself, even on a weekend or holiday;
* ``workday(d, n)`` for n > 0 counts n business days after d (d itself never counts, so a start on a
  weekend or holiday behaves as the business day before it); n < 0 counts backwards the same way;
  fractional n is truncated toward zero;
* ``networkdays(a, b)`` counts business days from a to b inclusive, and is negative when a > b.

Every function takes scalars (date, datetime, numpy/pandas dates, None) or array-likes, and returns
``numpy.datetime64[D]`` (NaT for a missing input) or int64 (with a mask), in the input's shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ..errors import BadValue

DAY = np.timedelta64(1, "D")
NAT = np.datetime64("NaT", "D")


def to_days(values: Any) -> np.ndarray:
    """Array of ``datetime64[D]`` from dates, datetimes, strings, pandas objects or None (-> NaT)."""
    if isinstance(values, pd.Series | pd.Index):
        if isinstance(values.dtype, np.dtype) and values.dtype.kind == "M":
            values = values.to_numpy()  # already datetime64 (the reader's dates): no parsing
        else:
            values = pd.to_datetime(values, errors="coerce").to_numpy()
    elif isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
        pass
    else:
        arr = np.asarray(values, dtype=object)
        flat = [_one_day(v) for v in arr.ravel()]
        values = np.array(flat, dtype="datetime64[D]").reshape(arr.shape)
    return np.asarray(values).astype("datetime64[D]")


def _one_day(v: Any) -> np.datetime64:
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT:
        return NAT
    if isinstance(v, pd.Timestamp | dt.datetime):
        return np.datetime64(v.date() if not pd.isna(v) else "NaT", "D")
    if isinstance(v, dt.date):
        return np.datetime64(v, "D")
    if isinstance(v, np.datetime64):
        return v.astype("datetime64[D]")
    if isinstance(v, str):
        try:
            return np.datetime64(pd.Timestamp(v.strip()).date(), "D")
        except ValueError as exc:
            raise BadValue(f"not a date: {v!r} (use YYYY-MM-DD)") from exc
    raise BadValue(f"not a date: {v!r}")


def in_words(day: dt.date, weekday: bool = False) -> str:
    """``6 November 2026`` (``Friday 6 November 2026`` with `weekday`): a date for people to read,
    in letters and messages, that no reader can take the wrong way round."""
    return f"{f'{day:%A} ' if weekday else ''}{day.day} {day:%B %Y}"


def as_date(value: Any) -> dt.date | None:
    """One value as a ``datetime.date`` (None for blank)."""
    d = to_days(value).reshape(-1)[0]
    return None if np.isnat(d) else d.astype(dt.date)


class BusinessCalendar:
    """Monday-Friday business days minus a list of holidays."""

    def __init__(self, holidays: Iterable[Any] = ()):
        days = (
            to_days(list(holidays)) if not isinstance(holidays, np.ndarray) else to_days(holidays)
        )
        days = np.unique(days[~np.isnat(days)])
        self.holidays: np.ndarray = days
        self._cal = np.busdaycalendar(weekmask="1111100", holidays=days)

    def __repr__(self) -> str:
        return f"BusinessCalendar({len(self.holidays)} holidays)"

    def is_business_day(self, dates: Any) -> np.ndarray:
        d = to_days(dates)
        ok = ~np.isnat(d)
        out = np.zeros(d.shape, dtype=bool)
        out[ok] = np.is_busday(d[ok], busdaycal=self._cal)
        return out

    def workday(self, start: Any, days: Any) -> np.ndarray:
        """Excel ``WORKDAY(start, days, holidays)``; NaT where start or days is missing."""
        s = to_days(start)
        n = np.asarray(days, dtype=float)
        s, n = np.broadcast_arrays(s, n)
        out = np.full(s.shape, NAT, dtype="datetime64[D]")
        ok = ~np.isnat(s) & ~np.isnan(n)
        steps = np.trunc(np.where(ok, n, 0)).astype(np.int64)
        zero = ok & (steps == 0)
        out[zero] = s[zero]
        fwd = ok & (steps > 0)
        back = ok & (steps < 0)
        if fwd.any():
            out[fwd] = np.busday_offset(s[fwd], steps[fwd], roll="backward", busdaycal=self._cal)
        if back.any():
            out[back] = np.busday_offset(s[back], steps[back], roll="forward", busdaycal=self._cal)
        return out

    def networkdays(self, start: Any, end: Any) -> np.ndarray:
        """Excel ``NETWORKDAYS(start, end, holidays)`` as float (NaN where a date is missing)."""
        a, b = np.broadcast_arrays(to_days(start), to_days(end))
        out = np.full(a.shape, np.nan)
        ok = ~np.isnat(a) & ~np.isnat(b)
        up = ok & (a <= b)
        down = ok & (a > b)
        if up.any():
            out[up] = np.busday_count(a[up], b[up] + DAY, busdaycal=self._cal)
        if down.any():
            out[down] = -np.busday_count(b[down], a[down] + DAY, busdaycal=self._cal)
        return out


def public_holidays(country: str, years: Iterable[int]) -> list[tuple[dt.date, str]]:
    """(date, name) of the public holidays of `country` (ISO code) in `years`, sorted.

    Raises BadValue for a country the ``holidays`` package does not know.
    """
    import holidays as _holidays  # imported here: it is slow to import and only needed here

    code = (country or "US").strip().upper()
    try:
        cal = _holidays.country_holidays(code, years=sorted(set(years)))
    except NotImplementedError as exc:
        raise BadValue(
            f"unknown holiday country {country!r} (use an ISO code such as US, GB, DE)"
        ) from exc
    return sorted(cal.items())

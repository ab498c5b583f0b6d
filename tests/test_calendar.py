"""Business days: Excel WORKDAY/NETWORKDAYS semantics, checked by hand and against numpy."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobbook.core.calendar import BusinessCalendar, as_date, public_holidays

D = dt.date
MLK = D(2026, 1, 19)  # a Monday holiday
NEW_YEAR = D(2026, 1, 1)  # a Thursday

# (start, days, holidays, Excel's WORKDAY) - worked out on a calendar, as Excel defines it.
WORKDAY_CASES = [
    (D(2026, 1, 2), 1, [], D(2026, 1, 5)),  # Friday + 1 -> Monday
    (D(2026, 1, 3), 1, [], D(2026, 1, 5)),  # starting on Saturday
    (D(2026, 1, 4), 1, [], D(2026, 1, 5)),  # starting on Sunday
    (D(2026, 1, 4), 0, [], D(2026, 1, 4)),  # zero days: the start itself, even on a Sunday
    (D(2026, 1, 3), -1, [], D(2026, 1, 2)),  # Saturday - 1 -> Friday
    (D(2026, 1, 5), -1, [], D(2026, 1, 2)),  # Monday - 1 -> Friday
    (D(2026, 1, 16), 1, [MLK], D(2026, 1, 20)),  # skips the Monday holiday
    (D(2026, 1, 19), 1, [MLK], D(2026, 1, 20)),  # starting on a holiday
    (D(2026, 1, 19), -1, [MLK], D(2026, 1, 16)),
    (D(2026, 1, 20), -1, [MLK], D(2026, 1, 16)),
    (D(2026, 1, 5), 10, [], D(2026, 1, 19)),
    (D(2026, 1, 5), 10, [MLK], D(2026, 1, 20)),
    (D(2026, 1, 5), 2.9, [], D(2026, 1, 7)),  # fractions truncate toward zero
    (D(2026, 1, 5), -2.9, [], D(2026, 1, 1)),
    (D(2026, 1, 5), -2.9, [NEW_YEAR], D(2025, 12, 31)),
    (dt.datetime(2026, 1, 2, 23, 59), 1, [], D(2026, 1, 5)),  # time of day dropped
    (D(2026, 12, 24), 1, [D(2026, 12, 25)], D(2026, 12, 28)),
]

# (start, end, holidays, Excel's NETWORKDAYS)
NETWORKDAYS_CASES = [
    (D(2026, 1, 5), D(2026, 1, 9), [], 5),
    (D(2026, 1, 9), D(2026, 1, 5), [], -5),  # reversed: negative
    (D(2026, 1, 3), D(2026, 1, 4), [], 0),  # a weekend
    (D(2026, 1, 16), D(2026, 1, 20), [MLK], 2),
    (D(2026, 1, 19), D(2026, 1, 19), [MLK], 0),  # a holiday alone
    (D(2026, 1, 20), D(2026, 1, 20), [MLK], 1),
    (D(2026, 12, 24), D(2027, 1, 4), [D(2026, 12, 25), D(2027, 1, 1)], 6),
    (dt.datetime(2026, 1, 5, 18), dt.datetime(2026, 1, 6, 1), [], 2),
]


@pytest.mark.parametrize(("start", "days", "hol", "expected"), WORKDAY_CASES)
def test_workday_hand_checked(start, days, hol, expected):
    got = BusinessCalendar(hol).workday(start, days)
    assert as_date(got) == expected


@pytest.mark.parametrize(("start", "end", "hol", "expected"), NETWORKDAYS_CASES)
def test_networkdays_hand_checked(start, end, hol, expected):
    assert BusinessCalendar(hol).networkdays(start, end) == expected


def test_vectorised_with_blanks():
    cal = BusinessCalendar([MLK])
    got = cal.workday([D(2026, 1, 16), None, D(2026, 1, 3)], [1, 1, -1])
    assert [as_date(x) for x in got] == [D(2026, 1, 20), None, D(2026, 1, 2)]
    nd = cal.networkdays([D(2026, 1, 16), None], D(2026, 1, 20))
    assert nd[0] == 2 and np.isnan(nd[1])


# -- property tests against an independent day-by-day reference and numpy ----------------------------

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
holiday_sets = st.lists(dates, max_size=15)


def reference_workday(start: dt.date, n: int, hol: set[dt.date]) -> dt.date:
    """Excel's definition, one day at a time."""
    if n == 0:
        return start
    step = 1 if n > 0 else -1
    d, left = start, abs(n)
    while left:
        d += dt.timedelta(days=step)
        if d.weekday() < 5 and d not in hol:
            left -= 1
    return d


def reference_networkdays(a: dt.date, b: dt.date, hol: set[dt.date]) -> int:
    lo, hi = min(a, b), max(a, b)
    n = sum(
        1
        for k in range((hi - lo).days + 1)
        if (x := lo + dt.timedelta(k)).weekday() < 5 and x not in hol
    )
    return n if a <= b else -n


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(-400, 400), holiday_sets)
def test_workday_matches_reference(start, n, hol):
    assert as_date(BusinessCalendar(hol).workday(start, n)) == reference_workday(start, n, set(hol))


@settings(max_examples=300, deadline=None)
@given(dates, dates, holiday_sets)
def test_networkdays_matches_reference_and_numpy(a, b, hol):
    cal = BusinessCalendar(hol)
    got = cal.networkdays(a, b)
    assert got == reference_networkdays(a, b, set(hol))
    if a <= b:  # numpy counts the half-open [a, b+1)
        assert got == np.busday_count(a, b + dt.timedelta(days=1), holidays=hol)


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(1, 400), holiday_sets)
def test_workday_on_business_days_matches_numpy(start, n, hol):
    """From a business day numpy's busday_offset and Excel agree; off one, Excel rolls back first."""
    cal = BusinessCalendar(hol)
    got = as_date(cal.workday(start, n))
    if start.weekday() < 5 and start not in set(hol):
        assert got == np.busday_offset(start, n, holidays=hol).astype(dt.date)
    else:
        assert got == np.busday_offset(start, n, roll="backward", holidays=hol).astype(dt.date)


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(-60, 60), holiday_sets)
def test_workday_then_networkdays_round_trip(start, n, hol):
    """From a business day, n business days later NETWORKDAYS counts n+1 (inclusive)."""
    cal = BusinessCalendar(hol)
    if not cal.is_business_day(start):
        return
    end = as_date(cal.workday(start, n))
    assert cal.networkdays(start, end) == (n + 1 if n >= 0 else n - 1)


def test_public_holidays_us_2026():
    hol = dict(public_holidays("US", [2026]))
    assert hol[D(2026, 1, 19)].startswith("Martin Luther King")
    assert D(2026, 7, 3) in hol  # Independence Day observed on Friday
    assert D(2026, 11, 26) in hol


def test_public_holidays_unknown_country():
    from jobbook.errors import BadValue

    with pytest.raises(BadValue, match="unknown holiday country"):
        public_holidays("XX", [2026])

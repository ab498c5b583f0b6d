"""Worksheet functions for Excel (xlwings UDFs). Each is a thin wrapper over one core function.

Excel sends ranges as 2-D lists (floats, None for blanks, datetimes); tables are passed with their
header row (``Offers[#All]``). Results are 2-D lists that spill. Nothing is volatile: today comes in
as an argument (pass ``AsOfDate`` from the Settings sheet). Name this module in the workbook's
``xlwings.conf`` sheet under ``UDF Modules``: ``jobbook.excel.functions``.

On a machine without Excel the xlwings decorators do nothing and these are plain functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import xlwings as xw

from .. import views
from ..core import BusinessCalendar, as_date, flags, offer_values
from ..core.computed import notice_dates
from ..core.offers import YEAR_COLUMNS, offer_years
from ..core.settings import Settings
from ..core.stats import outcome_stats
from ..errors import BadValue
from ..reader._frames import book_from_frames, typed_frame
from ..reader._table import empty_frame
from ..schema import FUNNEL_STAGES, OFFERS, SETTINGS_BY_NAME, TABLES, VESTING_TABLE, norm_header

CATEGORY = "jobbook"
Grid = list[list[Any]]


# -- converting what Excel sends ------------------------------------------------------------------


def _grid(value: Any) -> Grid:
    """Any Excel argument as a 2-D list (a single cell, a row, a column or a block)."""
    if value is None:
        return [[None]]
    if isinstance(value, list | tuple):
        if not value:
            return [[None]]
        if all(isinstance(r, list | tuple) for r in value):
            return [list(r) for r in value]
        return [list(value)]
    return [[value]]


def _flat(value: Any) -> list[Any]:
    return [v for row in _grid(value) for v in row]


def _table(value: Any) -> pd.DataFrame:
    """A table passed with its header row (``Table[#All]``) as a DataFrame of raw values."""
    rows = _grid(value)
    heads = [str(h).strip() if h is not None else f"_col{j}" for j, h in enumerate(rows[0])]
    return pd.DataFrame(rows[1:], columns=heads)


def _holidays(value: Any) -> list[dt.date]:
    return [d for d in (as_date(v) if v not in (None, "") else None for v in _flat(value)) if d]


def _settings(value: Any) -> Settings:
    """Settings from a two-column range of names and values (Settings!A2:B12); blanks: defaults."""
    if value is None:
        return Settings()
    found = {}
    for row in _grid(value):
        if len(row) >= 2 and isinstance(row[0], str):
            name = next(
                (n for n in SETTINGS_BY_NAME if norm_header(n) == norm_header(row[0])), None
            )
            if name and row[1] not in (None, ""):
                kind = SETTINGS_BY_NAME[name].kind
                v = row[1]
                try:
                    found[name] = (
                        as_date(v)
                        if kind == "date"
                        else (
                            int(float(v))
                            if kind == "int"
                            else (str(v) if kind in ("text", "email") else float(v))
                        )
                    )
                except ValueError as exc:
                    raise BadValue(
                        f"settings: {name} is {v!r}, not a {'date' if kind == 'date' else 'number'}"
                    ) from exc
    return Settings().with_values(**found)


def _day(value: Any, default: dt.date | None = None) -> dt.date:
    d = as_date(value) if value not in (None, "") else None
    return d or default or dt.date.today()


def _out(value: Any) -> Any:
    """One result cell: dates as datetimes, NaN/NaT/None as empty."""
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, np.datetime64):
        return "" if np.isnat(value) else pd.Timestamp(value).to_pydatetime()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, np.generic):
        return value.item()
    return value


def _shape(values: Sequence[Any], like: Any) -> Any:
    """Results in the shape of the argument they came from (a scalar for a single cell)."""
    grid = _grid(like)
    if len(grid) == 1 and len(grid[0]) == 1:
        return _out(values[0])
    it = iter(values)
    return [[_out(next(it)) for _ in row] for row in grid]


# -- the functions ---------------------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("start", doc="A date, or a range of dates.")
@xw.arg("days", doc="Business days to add (negative: back).")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_WORKDAY(start, days, holidays=None):
    """The business day a number of business days from a date, as Excel's WORKDAY."""
    cal = BusinessCalendar(_holidays(holidays))
    result = cal.workday(
        [as_date(v) if v not in (None, "") else None for v in _flat(start)], float(days)
    )
    return _shape(list(result), start)


@xw.func(category=CATEGORY)
@xw.arg("start", doc="The first date (or a range).")
@xw.arg("end", doc="The last date.")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_NETWORKDAYS(start, end, holidays=None):
    """Business days from one date to another, both counted, as Excel's NETWORKDAYS."""
    cal = BusinessCalendar(_holidays(holidays))
    starts = [as_date(v) if v not in (None, "") else None for v in _flat(start)]
    result = cal.networkdays(starts, as_date(end))
    return _shape([None if np.isnan(x) else int(x) for x in result], start)


@xw.func(category=CATEGORY)
@xw.arg("due", doc="The due date (or a range of them).")
@xw.arg("done", doc="Optional: the done date or mark (same shape as due); anything counts.")
@xw.arg("as_of", doc="Optional: today (pass AsOfDate); blank: today's date.")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_FLAG(due, done=None, as_of=None, holidays=None):
    """The deadline flag of a due date: Done, Overdue, Due today, Due soon or blank."""
    dues = [as_date(v) if v not in (None, "") else None for v in _flat(due)]
    dones = _flat(done) if done is not None else [None] * len(dues)
    if len(dones) != len(dues):
        raise BadValue("JB_FLAG: 'done' must have the same shape as 'due'")
    marks = [d not in (None, "") for d in dones]
    result = flags(dues, marks, _day(as_of), BusinessCalendar(_holidays(holidays)))
    return _shape(list(result), due)


VALUE_LABELS = (
    "Annual bonus",
    "Equity per year",
    "Retirement match",
    "Commute cost/year",
    "Recurring total",
    "First-year total",
    "Average annual total",
    "Effective hourly",
)
VALUE_LABELS += YEAR_COLUMNS  # SPEC 5.1: the years, after tax, cost of living, clawback


@xw.func(category=CATEGORY)
@xw.arg("headers", doc="The Offers headers, e.g. Offers[#Headers].")
@xw.arg("row", doc="One offer's row, e.g. Offers[@].")
@xw.arg("settings", doc="Optional: Settings names and values, e.g. Settings!A2:B12.")
@xw.arg("vesting", doc="Optional: the Vesting table with its headers, Vesting[#All].")
@xw.arg("start", doc="Optional: the offer's start date (for the clawback; blank: not started).")
@xw.arg("as_of", doc="Optional: today (pass AsOfDate); blank: today's date.")
def JB_OFFER_VALUE(headers, row, settings=None, vesting=None, start=None, as_of=None):
    """One offer's value: bonus, equity, match, commute, totals, years 1-4, after tax, clawback."""
    frame, _ = typed_frame(
        OFFERS, pd.DataFrame([_flat(row)], columns=[str(h) for h in _flat(headers)])
    )
    values = offer_values(frame, _settings(settings))
    if values.empty:
        return [[label, ""] for label in VALUE_LABELS]
    table = typed_frame(VESTING_TABLE, _table(vesting))[0] if vesting is not None else None
    begins = [as_date(start) if start not in (None, "") else None]
    years = offer_years(frame, values, table, np.array(begins, dtype="datetime64[D]"), _day(as_of))
    values = pd.concat([values, years], axis=1)
    return [[label, _out(values.iloc[0][label])] for label in VALUE_LABELS]


def _holiday_frame(holidays: Any) -> pd.DataFrame:
    return pd.DataFrame(
        {"Date": pd.to_datetime(pd.Series(_holidays(holidays), dtype=object)), "Name": ""}
    )


@xw.func(category=CATEGORY)
@xw.arg("offers", doc="The Offers table with its header row: Offers[#All].")
@xw.arg("pipeline", doc="Optional: Pipeline[#All], for company names.")
@xw.arg("settings", doc="Optional: Settings names and values, e.g. Settings!A2:B12.")
@xw.arg("as_of", doc="Optional: today (pass AsOfDate); blank: today's date.")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_OFFERS(offers, pipeline=None, settings=None, as_of=None, holidays=None):
    """Every offer ranked by average annual total, with its value and decision deadline."""
    frames = {"Offers": _table(offers)}
    if pipeline is not None:
        frames["Pipeline"] = _table(pipeline)
    book = book_from_frames(
        frames, settings=_settings(settings), holidays=_holiday_frame(holidays), as_of=_day(as_of)
    )
    keys = (
        "rank",
        "id",
        "company",
        "first_year_total",
        "average_annual_total",
        "effective_hourly",
        "status",
        "decision_due",
        "decision_flag",
    )
    head = [
        "Rank",
        "ID",
        "Company",
        "First-year total",
        "Average annual total",
        "Effective hourly",
        "Status",
        "Decision due",
        "Decision flag",
    ]
    rows = []
    for r in views.offers(book):
        row = [_out(r[k]) for k in keys]
        row[7] = _out(as_date(r["decision_due"])) if r["decision_due"] else ""
        rows.append(row)
    return [head, *rows]


def _month(value) -> str | None:
    """A month as Excel sends it: text `2026-10`, a date (Excel turns a typed 2026-10 into one, and
    MonthStart is one) or a date serial number."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    if isinstance(value, dt.date):
        return f"{value:%Y-%m}"
    return str(value).strip()


@xw.func(category=CATEGORY)
@xw.arg("pipeline", doc="The Pipeline table with its header row: Pipeline[#All].")
@xw.arg(
    "month", doc="Optional: only applications of this month: 2026-10, or a date in it (MonthStart)."
)
def JB_FUNNEL(pipeline, month=None):
    """How many applications reached each stage, Applied to Offer (a 2-column table)."""
    frame, _ = typed_frame(TABLES["Pipeline"], _table(pipeline))
    s = outcome_stats(
        frame, empty_frame(TABLES["Interviews"]), empty_frame(TABLES["Offers"]), month=_month(month)
    )
    return [["Stage", "Applications"], *[[stage, s["funnel"][stage]] for stage in FUNNEL_STAGES]]


STATS_LABELS = (
    ("Applications", "applications"),
    ("Active", "active"),
    ("Accepted", "accepted"),
    ("Responses", "responses"),
    ("Response rate", "response_rate"),
    ("Interview rate", "interview_rate"),
    ("Offer rate", "offer_rate"),
    ("Median days to first response", "median_days_to_response"),
)


@xw.func(category=CATEGORY)
@xw.arg("pipeline", doc="The Pipeline table with its header row: Pipeline[#All].")
@xw.arg("interviews", doc="Optional: Interviews[#All].")
@xw.arg("offers", doc="Optional: Offers[#All].")
@xw.arg(
    "month", doc="Optional: only applications of this month: 2026-10, or a date in it (MonthStart)."
)
def JB_STATS(pipeline, interviews=None, offers=None, month=None):
    """The outcome statistics: applications, responses and rates (a 2-column table)."""
    frames = {"Pipeline": _table(pipeline)}
    if interviews is not None:
        frames["Interviews"] = _table(interviews)
    if offers is not None:
        frames["Offers"] = _table(offers)
    book = book_from_frames(frames, holidays=_holiday_frame(None))
    s = views.stats(book, _month(month))
    return [["Figure", "Value"], *[[label, _out(s[key])] for label, key in STATS_LABELS]]


@xw.func(category=CATEGORY)
@xw.arg("pipeline", doc="Pipeline[#All].")
@xw.arg("interviews", doc="Interviews[#All].")
@xw.arg("offers", doc="Offers[#All].")
@xw.arg("lessons", doc="Lessons[#All].")
@xw.arg("transition", doc="Transition[#All].")
@xw.arg("as_of", doc="Optional: today (pass AsOfDate); blank: today's date.")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
@xw.arg("settings", doc="Optional: Settings names and values, e.g. Settings!A2:B12.")
def JB_DEADLINES(
    pipeline, interviews, offers, lessons, transition, as_of=None, holidays=None, settings=None
):
    """Every open deadline, soonest first: due date, flag, kind, sheet, ID and company."""
    frames = {
        "Pipeline": _table(pipeline),
        "Interviews": _table(interviews),
        "Offers": _table(offers),
        "Lessons": _table(lessons),
        "Transition": _table(transition),
    }
    book = book_from_frames(
        frames, settings=_settings(settings), holidays=_holiday_frame(holidays), as_of=_day(as_of)
    )
    rows = [
        [
            _out(as_date(d["due"])),
            d["flag"],
            d["kind"],
            d["sheet"],
            d["id"] or "",
            d["company"] or "",
        ]
        for d in views.deadlines(book)
    ]
    return [list(views.DEADLINE_HEADERS), *rows]


@xw.func(category=CATEGORY)
@xw.arg("notice_given", doc="The day you give notice.")
@xw.arg("weeks", doc="Optional: weeks of notice (default 2).")
@xw.arg("rest_days", doc="Optional: days off between jobs (default 3).")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_NOTICE(notice_given, weeks=None, rest_days=None, holidays=None):
    """Your last day and earliest start after giving notice (two cells side by side)."""
    defaults = Settings()
    w = defaults.NoticeWeeks if weeks in (None, "") else float(weeks)
    r = defaults.RestDays if rest_days in (None, "") else float(rest_days)
    last, start = notice_dates(as_date(notice_given), w, r, BusinessCalendar(_holidays(holidays)))
    return [[_out(np.asarray(last).reshape(-1)[0]), _out(np.asarray(start).reshape(-1)[0])]]


__all__ = [
    "JB_DEADLINES",
    "JB_FLAG",
    "JB_FUNNEL",
    "JB_NETWORKDAYS",
    "JB_NOTICE",
    "JB_OFFERS",
    "JB_OFFER_VALUE",
    "JB_STATS",
    "JB_WORKDAY",
]

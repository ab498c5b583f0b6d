"""Worksheet functions for Excel (xlwings UDFs). Each is a thin wrapper over one core function.

Excel sends ranges as 2-D lists (floats, None for blanks, datetimes); tables are passed with their
header row (``Offers[#All]``). Results are 2-D lists that spill. Nothing is volatile: today comes in
as an argument (pass ``AsOfDate`` from the Settings sheet). Name this module in the workbook's
``xlwings.conf`` sheet under ``UDF Modules``: ``jobbook.excel.functions``.

On a machine without Excel the xlwings decorators do nothing and these are plain functions.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import numpy as np
import pandas as pd
import xlwings as xw

from .. import views
from ..core import BusinessCalendar, as_date, flags, offer_values
from ..core.computed import notice_dates
from ..core.offers import VALUE_COLUMNS, YEAR_COLUMNS, offer_years
from ..core.settings import Settings
from ..core.stats import outcome_stats
from ..errors import BadValue
from ..reader.frames import Rows, book_from_frames, done_mask, empty_frame, to_dates, typed_frame
from ..schema import (
    EPOCH_1900,
    FUNNEL_STAGES,
    OFFERS,
    SETTINGS_BY_NAME,
    TABLES,
    VESTING_TABLE,
    norm_header,
)

CATEGORY = "jobbook"
Grid = list[list[Any]]
FUNNEL_NEEDS = ("Date applied", "Stage")


# -- converting what Excel sends ------------------------------------------------------------------
# Each argument is turned into arrays once, and read by the reader's own rules (reader/_normalise):
# a done mark is anything but blank or FALSE, choices match whatever their case.


def _grid(value: Any) -> Grid:
    """Any Excel argument as a 2-D list (a single cell, a row, a column or a block)."""
    if value is None:
        return [[None]]
    if isinstance(value, list | tuple):
        if not value:
            return [[None]]
        if isinstance(value[0], list | tuple):  # Excel sends a block as a list of rows
            return value
        return [list(value)]
    return [[value]]


def _cells(value: Any) -> np.ndarray:
    """Any Excel argument as a 1-D object array, row by row."""
    flat = [v for row in _grid(value) for v in row]
    out = np.empty(len(flat), dtype=object)
    out[:] = flat
    return out


def _dates(value: Any, what: str) -> np.ndarray:
    """Dates (datetime64[D]) of an argument; blanks are NaT; anything else is an error."""
    cells = _cells(value)
    days, bad, _ = to_dates(cells)
    if bad.any():
        raise BadValue(f"{what}: {cells[bad][0]!r} is not a date (use a date, or YYYY-MM-DD)")
    return days.astype("datetime64[D]")


def _table(value: Any) -> Rows:
    """A table passed with its header row (``Table[#All]``); columns are taken as needed."""
    return Rows(_grid(value))


def _holidays(value: Any) -> np.ndarray:
    days = _dates(value, "holidays")
    return days[~np.isnat(days)]


@functools.lru_cache(maxsize=8)
def _cached_calendar(days: bytes) -> BusinessCalendar:
    return BusinessCalendar(np.frombuffer(days, dtype="datetime64[D]"))


def _calendar(holidays: Any) -> BusinessCalendar:
    """The business calendar of a holiday range (kept between calls: the list rarely changes)."""
    return _cached_calendar(np.unique(_holidays(holidays)).tobytes())


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


def _outs(values: np.ndarray) -> list[Any]:
    """A whole result array as cells, converted at once: dates as datetimes, blanks as ""."""
    return _out_array(values).tolist()


def _out_array(values: np.ndarray) -> np.ndarray:
    """``_outs`` as an object array."""
    values = np.asarray(values)
    if values.dtype == object and len(values) and isinstance(values[0], pd.Timestamp):
        values = values.astype("datetime64[us]")
    if np.issubdtype(values.dtype, np.datetime64):
        out = values.astype("datetime64[us]").astype(object)  # datetime.datetime; NaT -> None
    elif np.issubdtype(values.dtype, np.floating):
        out = values.astype(object)
        out[np.isnan(values)] = None
    else:
        out = values.astype(object)
    out[pd.isna(out)] = ""
    return out


def _shape(values: np.ndarray, like: Any) -> Any:
    """Results in the shape of the argument they came from (a scalar for a single cell)."""
    grid = _grid(like)
    cells = _outs(values)
    if len(grid) == 1 and len(grid[0]) == 1:
        return cells[0]
    width = len(grid[0])
    if all(len(row) == width for row in grid):  # a column, a row or a block: cut it evenly
        return [cells[at : at + width] for at in range(0, len(cells), width)]
    out, at = [], 0
    for row in grid:
        out.append(cells[at : at + len(row)])
        at += len(row)
    return out


# -- the functions ---------------------------------------------------------------------------------


@xw.func(category=CATEGORY)
@xw.arg("start", doc="A date, or a range of dates.")
@xw.arg("days", doc="Business days to add (negative: back).")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_WORKDAY(start, days, holidays=None):
    """The business day a number of business days from a date, as Excel's WORKDAY."""
    result = _calendar(holidays).workday(_dates(start, "JB_WORKDAY"), float(days))
    return _shape(result, start)


@xw.func(category=CATEGORY)
@xw.arg("start", doc="The first date (or a range).")
@xw.arg("end", doc="The last date.")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_NETWORKDAYS(start, end, holidays=None):
    """Business days from one date to another, both counted, as Excel's NETWORKDAYS."""
    end_day = _dates(end, "JB_NETWORKDAYS")[:1]
    result = _calendar(holidays).networkdays(_dates(start, "JB_NETWORKDAYS"), end_day)
    return _shape(pd.array(result, dtype="Int64").to_numpy(dtype=object, na_value=None), start)


@xw.func(category=CATEGORY)
@xw.arg("due", doc="The due date (or a range of them).")
@xw.arg("done", doc="Optional: the done date or mark (same shape as due); anything counts.")
@xw.arg("as_of", doc="Optional: today (pass AsOfDate); blank: today's date.")
@xw.arg("holidays", doc="Optional: holiday dates, e.g. Holidays[Date].")
def JB_FLAG(due, done=None, as_of=None, holidays=None):
    """The deadline flag of a due date: Done, Overdue, Due today, Due soon or blank."""
    dues = _dates(due, "JB_FLAG")
    marks = done_mask(_cells(done)) if done is not None else np.zeros(len(dues), dtype=bool)
    if len(marks) != len(dues):
        raise BadValue("JB_FLAG: 'done' must have the same shape as 'due'")
    return _shape(flags(dues, marks, _day(as_of), _calendar(holidays)), due)


VALUE_LABELS = (
    *VALUE_COLUMNS,
    *YEAR_COLUMNS,
)  # docs/definitions.md § Year by year: the years after the first-year parts


@xw.func(category=CATEGORY)
@xw.arg("headers", doc="The Offers headers, e.g. Offers[#Headers].")
@xw.arg("row", doc="One offer's row, e.g. Offers[@].")
@xw.arg("settings", doc="Optional: Settings names and values, e.g. Settings!A2:B12.")
@xw.arg("vesting", doc="Optional: the Vesting table with its headers, Vesting[#All].")
@xw.arg("start", doc="Optional: the offer's start date (for the clawback; blank: not started).")
@xw.arg("as_of", doc="Optional: today (pass AsOfDate); blank: today's date.")
def JB_OFFER_VALUE(headers, row, settings=None, vesting=None, start=None, as_of=None):
    """One offer's value: bonus, equity, match, commute, totals, years 1-4, after tax, clawback."""
    frame, _ = typed_frame(OFFERS, Rows([list(_cells(headers)), list(_cells(row))]))
    values = offer_values(frame, _settings(settings))
    if values.empty:
        return [[label, ""] for label in VALUE_LABELS]
    table = typed_frame(VESTING_TABLE, _table(vesting))[0] if vesting is not None else None
    begins = [as_date(start) if start not in (None, "") else None]
    years = offer_years(frame, values, table, np.array(begins, dtype="datetime64[D]"), _day(as_of))
    values = pd.concat([values, years], axis=1)
    return [[label, _out(values.iloc[0][label])] for label in VALUE_LABELS]


def _holiday_frame(holidays: Any) -> pd.DataFrame:
    days = _holidays(holidays)
    return pd.DataFrame({"Date": days.astype("datetime64[s]"), "Name": [""] * len(days)})


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
        frames,
        settings=_settings(settings),
        holidays=_holiday_frame(holidays),
        as_of=_day(as_of),
        needs=views.NEEDS_OFFERS,
    )
    head = list(views.OFFERS_RANKED_HEADER)
    ranked = views.offer_frame(book, columns=head[1:])
    return [head, *_rows(ranked[["rank", *head[1:]]])]


def _column_values(column: pd.Series) -> np.ndarray:
    """A result column as an array for ``_outs``: numpy's own dates and floats as they are (no
    Timestamp per cell), any other column as objects."""
    if column.dtype.kind in "Mf" and isinstance(column.dtype, np.dtype):
        return column.to_numpy()
    return column.to_numpy(dtype=object)


def _rows(frame: pd.DataFrame) -> list[list[Any]]:
    """A result table's rows, each column converted at once (dates as datetimes, blanks "")."""
    columns = [_out_array(_column_values(frame[c])) for c in frame.columns]
    return np.stack(columns, axis=1).tolist() if columns else [[] for _ in range(len(frame))]


def _month(value) -> str | None:
    """A month as Excel sends it: text `2026-10`, a date (Excel turns a typed 2026-10 into one, and
    MonthStart is one) or a date serial number."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = EPOCH_1900.date() + dt.timedelta(days=int(value))
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
    frame, _ = typed_frame(TABLES["Pipeline"], _table(pipeline), columns=FUNNEL_NEEDS)
    s = outcome_stats(
        frame, empty_frame(TABLES["Interviews"]), empty_frame(TABLES["Offers"]), month=_month(month)
    )
    return [["Stage", "Applications"], *[[stage, s["funnel"][stage]] for stage in FUNNEL_STAGES]]


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
    book = book_from_frames(frames, holidays=_holiday_frame(None), needs=views.NEEDS_STATS)
    s = outcome_stats(
        *(book.inputs[n] for n in ("Pipeline", "Interviews", "Offers")), _month(month)
    )
    return [["Figure", "Value"], *[[label, _out(s[key])] for label, key in views.STATS_LABELS]]


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
        frames,
        settings=_settings(settings),
        holidays=_holiday_frame(holidays),
        as_of=_day(as_of),
        needs=views.NEEDS_DEADLINES,
    )
    found = views.deadline_frame(book)
    found = found.assign(due=found["due"].to_numpy(dtype="datetime64[D]"))
    return [list(views.DEADLINE_HEADERS), *_rows(found[["due", "flag", *views.DEADLINE_KEYS[:4]]])]


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
    last, start = notice_dates(as_date(notice_given), w, r, _calendar(holidays))
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

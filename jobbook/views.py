"""The figures of each command in the shapes of README § The command line, from a Book.

The command line prints these; the Excel functions, buttons and reports use them too, so every face
shows the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from .core import deadline_records, outcome_stats, rank_offers
from .core import deadlines as _deadlines
from .core.known import known_inputs, past_of
from .core.stages import time_in_stage
from .core.stats import applications, parse_month
from .history import AsOf, book_on
from .reader import Book
from .schema import HISTORY, NUMERIC_KINDS, OFFERS, YEAR_TOTALS

# Columns each command needs (None: the whole table). A problem elsewhere is only a warning.
NEEDS_STATS = {
    "Pipeline": ["ID", "Date applied", "Stage", "Status", "Source", "First response"],
    "Interviews": ["ID", "Date"],
    "Offers": ["ID", "Offer date"],
}
NEEDS_OFFERS = {"Offers": None, "Pipeline": ["ID", "Company"], "Settings": None}
NEEDS_DEADLINES = {
    "Pipeline": [
        "ID",
        "Company",
        "Status",
        "Date applied",
        "Last contact",
        "Next action",
        "Next action due",
    ],
    "Interviews": ["ID", "Application ID", "Date", "Thank-you sent", "Outcome"],
    "Offers": ["ID", "Application ID", "Offer date", "Deadline given", "Status"],
    "Lessons": ["Application ID", "Decision date", "Due", "Done"],
    "Transition": None,
    "Settings": None,
}
NEEDS_REPORT = {
    "Pipeline": [
        *NEEDS_STATS["Pipeline"],
        "Company",
        "Last contact",
        "Next action",
        "Next action due",
    ],
    "Interviews": None,
    "Offers": None,
    "Lessons": None,
    "Questions": ["Self-rating", "Answer differently?", "Times practiced", "Last practiced"],
    "Transition": None,
    "Settings": None,
}


def stats_inputs(book: Book, today: dt.date | None = None) -> tuple[dict, AsOf | None]:
    """The tables the statistics count (docs/definitions.md § Deadlines and § History): on a past as-of day, the book as
    History says it stood then, where History covers that day; else the book as it stands. The
    second value says what History could do (None: the as-of date is today or later)."""
    today = today or dt.date.today()
    if book.as_of >= today:
        return book.inputs, None
    past = book_on(book, book.as_of, today)
    return (past.inputs if past.covered else book.inputs), past


def stats(book: Book, month: str | None = None, today: dt.date | None = None) -> dict[str, object]:
    """docs/definitions.md § Statistics plus ``as_of``, and section 13's ``time_in_stage`` (of the applications
    counted: the month's with `month`); as of a past day, the book as History says it stood
    then (``stats_inputs``)."""
    t, _ = stats_inputs(book, today)  # statistics need no computed column
    out = outcome_stats(t["Pipeline"], t["Interviews"], t["Offers"], month, as_of=book.as_of)
    apps = applications(t["Pipeline"], parse_month(month)) if month else t["Pipeline"]
    out["time_in_stage"] = time_in_stage(apps, book.inputs.get(HISTORY.name), book.as_of)
    out["as_of"] = book.as_of.isoformat()
    return out


def history_note(book: Book, today: dt.date | None = None) -> str | None:
    """The one line saying how the statistics of a past as-of day were counted (None on today)."""
    _, past = stats_inputs(book, today)
    return None if past is None else _note(past, "statistics count", book.as_of)


def _note(past: AsOf, what: str, day: dt.date, guessed: str = "") -> str:
    on = day.isoformat()
    if past.covered:
        return f"{what} the book as History says it stood on {on}"
    if past.begins is None:
        return (
            f"{what} every row as it stands now, not as it stood on {on}: the book has no "
            f"History yet (jobbook record starts it){guessed}"
        )
    return (
        f"{what} every row as it stands now: History begins on {past.begins.isoformat()}, "
        f"after {on}{guessed}"
    )


# what the rows themselves tell of a past day when History cannot (core.known)
GUESSED = "; a Last contact or a done mark dated after that day is left out"


def as_known(book: Book, today: dt.date | None = None, what: str = "deadlines read"):
    """The book as its as-of date knew it (docs/definitions.md § Deadlines and § History), for the deadlines, the
    calendar, the drafts and a report of a past day: every table as History says it stood then
    where History covers that day (``history.book_on(..., every_table=True)``), else the book
    as it stands; and the one line that says so when History does not cover that day (None on
    today or later, or where History covers it).
    Either way the rules of ``core.known`` leave out what the rows show came later."""
    today = today or dt.date.today()
    if book.as_of >= today:
        return book, None
    past = book_on(book, book.as_of, today, every_table=True)
    note = None if past.covered else _note(past, what, book.as_of, GUESSED)
    inputs = past.inputs if past.covered else dict(book.inputs)
    inputs = known_inputs(inputs, book.as_of, past_of(inputs.get(HISTORY.name), book.as_of, today))
    return replace(book, inputs=inputs, times=_times(book, inputs)), note


def _times(book: Book, inputs: dict) -> dict:
    """The dates with their time of day (``Book.times``) of the rows as rewound: a date History
    moved to another day keeps no time (its time then is not known)."""
    out = {}
    for (table, header), series in book.times.items():
        frame = inputs.get(table)
        if frame is None or header not in frame:
            continue
        days = pd.to_datetime(frame[header], errors="coerce").dt.normalize()
        kept = series.reindex(frame.index)
        same = pd.to_datetime(kept, errors="coerce").dt.normalize() == days
        out[(table, header)] = kept.where(same)
    return out


def _cell_value(col, value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if col.kind in ("int", "rating") and float(value).is_integer():
        return int(value)
    if col.kind in NUMERIC_KINDS:
        return float(value)
    return value if isinstance(value, str) else str(value)


# -- the labels people read: one list per view, used by every face that shows it ------------------

STATS_LABELS = (  # the outcome figures (label, key of outcome_stats): JB_STATS and the Dashboard
    ("Applications", "applications"),
    ("Active", "active"),
    ("Accepted", "accepted"),
    ("Responses", "responses"),
    ("Response rate", "response_rate"),
    ("Interview rate", "interview_rate"),
    ("Offer rate", "offer_rate"),
    ("Median days to first response", "median_days_to_response"),
)
OFFERS_RANKED_HEADER = (  # the ranked offers in the workbook's words (the Offers sheet's headers)
    "Rank",
    "ID",
    "Company",
    "First-year total",
    "Average annual total",
    "Effective hourly",
    "Status",
    "Decision due",
    "Decision flag",
)
TERMINAL_WORDS = {  # the narrower words a terminal's table uses for some of them
    "First-year total": "First year",
    "Average annual total": "Avg/year",
    "Effective hourly": "Per hour",
    "Decision due": "Decide by",
    "Decision flag": "Flag",
}

OFFER_KEYS = (*(c.key for c in OFFERS.columns), "rank", "year_totals")  # each offers() record
DEADLINE_KEYS = ("kind", "sheet", "id", "company", "due", "flag")
DEADLINE_HEADERS = (
    "Due",
    "Flag",
    "Kind",
    "Sheet",
    "ID",
    "Company",
)  # the deadline list as people read it
PROBLEM_KEYS = ("sheet", "cell", "severity", "column", "message", "text")


def offers(book: Book) -> list[dict[str, object]]:
    """Every offer with the figures of sections 5 and 5.1, ranked (1 = best Average annual total),
    with its ``year_totals`` (years 1 to 4) as a list."""
    df = offer_frame(book)
    columns = [_column_values(c, df[c.header]) for c in OFFERS.columns]
    ranks = [None if r is pd.NA else int(r) for r in df["rank"].tolist()]
    out = []
    for *values, r in zip(*columns, ranks):
        rec = dict(zip(OFFER_KEYS, (*values, r)))
        rec["year_totals"] = [
            rec[OFFERS[h].key] for h in YEAR_TOTALS
        ]  # docs/definitions.md § Year by year: years 1-4
        out.append(rec)
    return out


def offer_frame(book: Book, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The Offers table in rank order (offers without a value last, in sheet order), with a
    ``rank`` column (<NA> for an offer without a value); only `columns` of it when given."""
    df = book.tables["Offers"]
    rank = rank_offers(df)
    order = np.argsort(rank.to_numpy(dtype=float, na_value=np.inf), kind="stable")
    if columns is not None:
        df = df[list(columns)]
    return df.iloc[order].assign(rank=rank.iloc[order])


def _column_values(col, s: pd.Series) -> list[object]:
    """A column's cells as ``_cell_value`` gives them, converted a column at a time."""
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        text = np.datetime_as_string(s.to_numpy(dtype="datetime64[D]"), unit="D")
        return [None if t == "NaT" else t for t in text.tolist()]
    if col.kind in NUMERIC_KINDS and pd.api.types.is_numeric_dtype(s.dtype):
        f = s.to_numpy(dtype=float, na_value=np.nan)
        whole = col.kind in ("int", "rating")
        return [None if v != v else (int(v) if whole and v.is_integer() else v) for v in f.tolist()]
    return [_cell_value(col, v) for v in s.tolist()]


def deadline_frame(book: Book, within: int | None = None, rows: bool = False):
    """Every open deadline as a DataFrame (kind, sheet, id, company, due, flag), soonest first;
    `rows` adds each one's row in its sheet (``row``)."""
    return _deadlines(book.tables, book.context, within, rows)


def deadlines(book: Book, within: int | None = None) -> list[dict[str, object]]:
    """Every open deadline, soonest first (``{kind, sheet, id, company, due, flag}``)."""
    return deadline_records(deadline_frame(book, within))


def check(book: Book) -> dict[str, object]:
    """Every problem, errors first, with counts."""
    problems = sorted(book.problems, key=lambda p: not p.is_error)
    return {
        "file": str(book.path),
        "errors": len(book.errors),
        "warnings": len(book.warnings),
        "problems": [p.to_dict() | {"text": str(p)} for p in problems],
    }

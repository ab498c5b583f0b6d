"""Outcome statistics (docs/definitions.md § Statistics), vectorised over the Pipeline, Interviews and Offers tables."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from ..errors import UsageError
from ..schema import FUNNEL_STAGES, SOURCES, STAGES, STATUSES
from .known import held_by

_STAGE_RANK = {s: n for n, s in enumerate(STAGES)}
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(text: str) -> pd.Period:
    """``YYYY-MM`` -> a monthly Period (UsageError otherwise)."""
    if not isinstance(text, str) or not _MONTH.match(text.strip()):
        raise UsageError(f"month must look like 2026-10, not {text!r}")
    return pd.Period(text.strip(), freq="M")


def stage_rank(stage: pd.Series) -> pd.Series:
    """Wishlist=0 ... Offer=5; blank or unknown stages rank -1 (each distinct value looked up
    once)."""
    codes, uniques = pd.factorize(stage)
    ranks = np.array([_STAGE_RANK.get(u, -1) for u in uniques] + [-1], dtype=int)
    return pd.Series(ranks[codes], index=stage.index)


def _counts(values, known: tuple[str, ...], weights=None) -> dict[str, int]:
    """How many rows hold each value (or the sum of `weights` over them): every `known` value,
    zeros included, then any other value seen, alphabetically whatever its case. Blanks are not a
    key. `values`:
    a Series, or its ``pd.factorize`` (to count it several ways)."""
    codes, uniques = values if isinstance(values, tuple) else pd.factorize(values)
    ok = codes >= 0
    w = None if weights is None else np.asarray(weights, dtype=float)[ok]
    sums = np.bincount(codes[ok], weights=w, minlength=len(uniques))
    found = dict(zip(uniques, sums.tolist()))
    others = (str(u) for u in uniques if u not in known)  # as a spreadsheet sorts: any case
    keys = [*known, *sorted(others, key=lambda u: (u.casefold(), u))]
    return {k: int(found.get(k, 0)) for k in keys}


def _months(dates: pd.Series) -> np.ndarray:
    """Calendar month of each date as numpy ``datetime64[M]`` (NaT for blanks): fast to compare."""
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(dates, errors="coerce")
    return dates.to_numpy(dtype="datetime64[s]").astype(
        "datetime64[M]"
    )  # [s]: no overflow past 2262


def _month(period: pd.Period) -> np.datetime64:
    return np.datetime64(str(period), "M")


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _in_days(dates: pd.Series, last_day: int | None) -> np.ndarray:
    """True where the date's day of the month is `last_day` or sooner (every date when None)."""
    if last_day is None:
        return np.ones(len(dates), dtype=bool)
    days = pd.to_datetime(dates, errors="coerce").dt.day.to_numpy(dtype=float)
    return days <= last_day  # NaN (a blank) is False


def applications(
    pipeline: pd.DataFrame, month: pd.Period | None = None, last_day: int | None = None
) -> pd.DataFrame:
    """Pipeline rows with a Date applied (in `month` if given; with `last_day`, in its days 1 to
    `last_day` only)."""
    months = _months(pipeline["Date applied"])
    mask = ~np.isnat(months)
    if month is not None:
        mask &= months == _month(month)
        mask &= _in_days(pipeline["Date applied"], last_day)
    return pipeline[mask]


def _responded(apps: pd.DataFrame, rank: pd.Series) -> pd.Series:
    return (rank >= _STAGE_RANK["Screen"]) | (apps["Status"] == "Rejected").fillna(False)


def outcome_stats(
    pipeline: pd.DataFrame,
    interviews: pd.DataFrame,
    offers: pd.DataFrame,
    month: str | pd.Period | None = None,
    last_day: int | None = None,
    *,
    as_of: dt.date | None = None,
) -> dict[str, object]:
    """The figures of docs/definitions.md § Statistics, all-time or for the applications of one month (YYYY-MM).

    With a month, applications are those applied in it, and ``by_month`` holds that month only;
    `last_day` keeps its days 1 to `last_day` (a month not over yet, and the same days of the month
    before it, compared in the report). The interviews of ``by_month`` are those held by `as_of`
    (``by_month``).
    """
    period = parse_month(month) if isinstance(month, str) else month
    apps = applications(pipeline, period, last_day if period is not None else None)
    rank = stage_rank(apps["Stage"])
    n = len(apps)
    responded = _responded(apps, rank)
    responses = int(responded.sum())
    interviewed = rank >= _STAGE_RANK["Interview"]
    offered = rank >= _STAGE_RANK["Offer"]

    first = pd.to_datetime(apps["First response"], errors="coerce")
    applied = pd.to_datetime(apps["Date applied"], errors="coerce")
    waits = (first - applied).dt.days.dropna()
    median = float(np.median(waits)) if len(waits) else None

    by_status = _counts(apps["Status"], STATUSES)
    src = pd.factorize(apps["Source"])
    per_source = {
        "applications": _counts(src, SOURCES),
        "responses": _counts(src, SOURCES, responded),
        "interviews": _counts(src, SOURCES, interviewed),
        "offers": _counts(src, SOURCES, offered),
    }
    by_source = {}
    for s, k in per_source["applications"].items():
        r = per_source["responses"][s]
        by_source[s] = {
            "applications": k,
            "responses": r,
            "response_rate": _rate(r, k),
            "interviews": per_source["interviews"][s],
            "offers": per_source["offers"][s],
        }

    return {
        "applications": n,
        "active": by_status["Active"],
        "accepted": by_status["Accepted"],
        "responses": responses,
        "response_rate": _rate(responses, n),
        "interview_rate": _rate(int(interviewed.sum()), n),
        "offer_rate": _rate(int(offered.sum()), n),
        "funnel": {s: int((rank >= _STAGE_RANK[s]).sum()) for s in FUNNEL_STAGES},
        "median_days_to_response": median,
        "by_status": by_status,
        "by_source": by_source,
        "by_month": by_month(pipeline, interviews, offers, period, last_day, as_of=as_of),
    }


def by_month(
    pipeline: pd.DataFrame,
    interviews: pd.DataFrame,
    offers: pd.DataFrame,
    month: pd.Period | None = None,
    last_day: int | None = None,
    *,
    as_of: dt.date | None = None,
) -> dict[str, dict[str, int]]:
    """Applications, interviews and offers per calendar month, every month from the first to the
    last with any activity (zeros included); only `month` when given (its days 1 to `last_day`
    with `last_day`). Interviews are those held (``core.known.held_by``): not Cancelled and, with
    `as_of`, dated on or before it (an interview ahead has not taken place)."""
    dates = {
        "applications": pipeline["Date applied"],
        "interviews": interviews["Date"][held_by(interviews, as_of)],
        "offers": offers["Offer date"],
    }
    series = {k: _months(d) for k, d in dates.items()}
    if month is not None:  # one month: a count, no need to sort every date
        m = _month(month)
        return {
            str(m): {
                k: int(((months == m) & _in_days(dates[k], last_day)).sum())
                for k, months in series.items()
            }
        }
    counts = {}
    for k, months in series.items():
        months = months[~np.isnat(months)]
        values, n = np.unique(months, return_counts=True)
        counts[k] = dict(zip(values.tolist(), n.tolist()))
    present = [np.datetime64(m, "M") for c in counts.values() for m in c]
    if not present:
        return {}
    span = np.arange(min(present), max(present) + 1, dtype="datetime64[M]")
    return {str(m): {k: int(c.get(m.astype(object), 0)) for k, c in counts.items()} for m in span}

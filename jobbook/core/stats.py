"""Outcome statistics (SPEC section 4), vectorised over the Pipeline, Interviews and Offers tables."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import UsageError
from ..schema import FUNNEL_STAGES, SOURCES, STAGES, STATUSES

_STAGE_RANK = {s: n for n, s in enumerate(STAGES)}
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(text: str) -> pd.Period:
    """``YYYY-MM`` -> a monthly Period (UsageError otherwise)."""
    if not isinstance(text, str) or not _MONTH.match(text.strip()):
        raise UsageError(f"month must look like 2026-10, not {text!r}")
    return pd.Period(text.strip(), freq="M")


def stage_rank(stage: pd.Series) -> pd.Series:
    """Wishlist=0 ... Offer=5; blank or unknown stages rank -1."""
    return stage.map(_STAGE_RANK).fillna(-1).astype(int)


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


def applications(pipeline: pd.DataFrame, month: pd.Period | None = None) -> pd.DataFrame:
    """Pipeline rows with a Date applied (in `month` if given)."""
    months = _months(pipeline["Date applied"])
    mask = ~np.isnat(months)
    if month is not None:
        mask &= months == _month(month)
    return pipeline[mask]


def _responded(apps: pd.DataFrame, rank: pd.Series) -> pd.Series:
    return (rank >= _STAGE_RANK["Screen"]) | (apps["Status"] == "Rejected").fillna(False)


def _per_key(values: pd.Series, known: tuple[str, ...]) -> list[str]:
    seen = [v for v in pd.unique(values.dropna()) if v not in known]
    return [*known, *sorted(map(str, seen))]


def outcome_stats(
    pipeline: pd.DataFrame,
    interviews: pd.DataFrame,
    offers: pd.DataFrame,
    month: str | pd.Period | None = None,
) -> dict[str, object]:
    """The figures of SPEC section 4, all-time or for the applications of one month (YYYY-MM).

    With a month, applications are those applied in it, and ``by_month`` holds that month only.
    """
    period = parse_month(month) if isinstance(month, str) else month
    apps = applications(pipeline, period)
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

    by_status = {
        s: int(c)
        for s, c in ((s, (apps["Status"] == s).sum()) for s in _per_key(apps["Status"], STATUSES))
    }
    by_source = {}
    src = apps["Source"]
    for s in _per_key(src, SOURCES):
        m = (src == s).fillna(False)
        k = int(m.sum())
        r = int((responded & m).sum())
        by_source[s] = {
            "applications": k,
            "responses": r,
            "response_rate": _rate(r, k),
            "interviews": int((interviewed & m).sum()),
            "offers": int((offered & m).sum()),
        }

    return {
        "applications": n,
        "active": int((apps["Status"] == "Active").sum()),
        "accepted": int((apps["Status"] == "Accepted").sum()),
        "responses": responses,
        "response_rate": _rate(responses, n),
        "interview_rate": _rate(int(interviewed.sum()), n),
        "offer_rate": _rate(int(offered.sum()), n),
        "funnel": {s: int((rank >= _STAGE_RANK[s]).sum()) for s in FUNNEL_STAGES},
        "median_days_to_response": median,
        "by_status": by_status,
        "by_source": by_source,
        "by_month": by_month(pipeline, interviews, offers, period),
    }


def by_month(
    pipeline: pd.DataFrame,
    interviews: pd.DataFrame,
    offers: pd.DataFrame,
    month: pd.Period | None = None,
) -> dict[str, dict[str, int]]:
    """Applications, interviews and offers per calendar month, every month from the first to the
    last with any activity (zeros included); only `month` when given."""
    series = {
        "applications": _months(pipeline["Date applied"]),
        "interviews": _months(interviews["Date"]),
        "offers": _months(offers["Offer date"]),
    }
    counts = {}
    for k, months in series.items():
        months = months[~np.isnat(months)]
        values, n = np.unique(months, return_counts=True)
        counts[k] = dict(zip(values.tolist(), n.tolist()))
    if month is not None:
        span = [_month(month)]
    else:
        present = [np.datetime64(m, "M") for c in counts.values() for m in c]
        if not present:
            return {}
        span = np.arange(min(present), max(present) + 1, dtype="datetime64[M]")
    return {str(m): {k: int(c.get(m.astype(object), 0)) for k, c in counts.items()} for m in span}

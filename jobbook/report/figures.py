"""The month's figures against the days before them, and the charts over time: the summary (with
each rate beside its count), applications per week, month by month, and the response rate per
source (named with its count; sources of too few applications apart). ``data.assemble`` puts them
in the report."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .._rates import FEW, FEW_RATE, RATE, source_label
from ..core.stats import applications
from ..schema import SOURCES
from .periods import Window, weeks_of

TREND_MONTHS = 12  # at most; the trend starts at the first month with any activity


SUMMARY_FIGURES = (
    ("Applications", "applications", "count"),
    ("Responses", "responses", "count"),
    ("Response rate", "response_rate", "rate"),
    ("Interview rate", "interview_rate", "rate"),
    ("Offer rate", "offer_rate", "rate"),
    ("Still active", "active", "count"),
    ("Accepted", "accepted", "count"),
    ("Median days to first response", "median_days_to_response", "days"),
)
SUMMARY_NOTE = (
    "Responses, rates, still active and accepted are about the applications sent in the month, whenever "
    "the answers came; interviews held and offers received are what happened in the month."
)
PARTIAL_NOTE = (  # added when the month is not over on the as-of date
    "The month is not over: {this} is compared with the same days of the month before, {before}."
)
RATE_COUNTS = {  # each rate of the summary and what it counts, shown beside it: "20.0% (1 of 5)"
    "response_rate": lambda s: s["responses"],
    "interview_rate": lambda s: s["funnel"]["Interview"],
    "offer_rate": lambda s: s["funnel"]["Offer"],
}
ACTIVITY_FIGURES = (("Interviews held", "interviews"), ("Offers received", "offers"))


def change(now: float | None, before: float | None, kind: str) -> str:
    """'▲ 3', '▼ 5.0 pts', '= 0' or '' when either side is blank."""
    if now is None or before is None:
        return ""
    delta = (now - before) * (100 if kind == "rate" else 1)
    if abs(delta) < 1e-12:
        return "= 0"
    arrow = "▲" if delta > 0 else "▼"
    text = (
        f"{abs(delta):.1f} pts"
        if kind == "rate"
        else (f"{abs(delta):g}" if kind == "count" else f"{abs(delta):.1f}")
    )
    return f"{arrow} {text}"


def summary(month: dict, prev: dict, every: dict, m: str, p: str, t: dict) -> pd.DataFrame:
    rows = []
    for label, key, kind in SUMMARY_FIGURES:
        rows.append(
            (label, month[key], prev[key], change(month[key], prev[key], kind), every[key], kind)
        )
    for label, key in ACTIVITY_FIGURES:
        now = month["by_month"][m][key]
        before = prev["by_month"][p][key]
        total = int(t[key])
        rows.append((label, now, before, change(now, before, "count"), total, "count"))
    return pd.DataFrame(
        rows, columns=["Figure", "This month", "Previous month", "Change", "All time", "Kind"]
    )


def per_week(pipeline: pd.DataFrame, month: pd.Period, as_of: dt.date) -> pd.DataFrame:
    """Applications per week of `month`, for the weeks begun by `as_of` (the last one to it)."""
    applied = pd.to_datetime(applications(pipeline, month)["Date applied"]).dt.date
    rows = []
    for a, b in weeks_of(month, until=as_of):
        label = f"{a:%b} {a.day}" + (f"-{b.day}" if b != a else "")
        rows.append((label, int(((applied >= a) & (applied <= b)).sum())))
    return pd.DataFrame(rows, columns=["Week", "Applications"])


def trend(by_month: dict[str, dict], window: Window, this: dict) -> list[tuple]:
    """(Month, applications, interviews, offers) from the first month with any activity (at most
    TREND_MONTHS back) to `window`'s month, each written "Nov 2026"; that last month counts its
    `window` (`this`: its counts), written "1–7 Dec 2026" while it is not over."""
    m = window.month
    none = {"applications": 0, "interviews": 0, "offers": 0}
    counted = by_month | {str(m): this}
    months = [m - k for k in range(TREND_MONTHS - 1, -1, -1)]
    busy = [p for p in months if any(counted.get(str(p), none).values())]
    rows = []
    for p in months[months.index(busy[0]) :] if busy else [m]:
        counts = counted.get(str(p), none)
        label = window.short if p == m else p.start_time.strftime("%b %Y")
        rows.append((label, counts["applications"], counts["interviews"], counts["offers"]))
    return rows


def rate_counts(stats: dict[str, dict]) -> pd.DataFrame:
    """For each rate of the summary and each column: "(3 of 19)" (what the rate counts, of the
    applications), or "" for a rate over no applications."""
    rows = {}
    for label, key, kind in SUMMARY_FIGURES:
        if kind == "rate":
            rows[label] = {
                col: f"({RATE_COUNTS[key](s)} of {s['applications']})" if s["applications"] else ""
                for col, s in stats.items()
            }
    return pd.DataFrame.from_dict(rows, orient="index")


def sources(by_source: dict[str, dict]) -> pd.DataFrame:
    """The response rate per source (all time), every source of the Source list and any other with applications:
    each named with its count ("Recruiter (1 of 1)"), its rate in Response rate when it has FEW
    or more applications, else in the FEW_RATE column (drawn apart: too few to judge)."""
    rows = []
    for s, v in by_source.items():
        if not (v["applications"] or s in SOURCES):
            continue
        few = v["applications"] < FEW
        rate = v["response_rate"]
        rows.append(
            (
                source_label(s, v["responses"], v["applications"]),
                v["applications"],
                v["responses"],
                None if few else rate,
                rate if few else None,
            )
        )
    return pd.DataFrame(rows, columns=["Source", "Applications", "Responses", RATE, FEW_RATE])

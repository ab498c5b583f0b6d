"""Everything a monthly progress report shows, computed from a Book with the core (no drawing).

Both faces of the report - the workbook with native charts and the matplotlib PDF - draw from one
``ReportData``, so they cannot disagree, and the summary's month column is ``jobbook stats --month``
(while the month is not over, its days to the as-of date, against the same days of the month
before: ``periods``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import views
from ..core import to_days
from ..core.computed import cancelled_interviews
from ..core.flags import mark_dates
from ..core.stages import closed_on
from ..core.stats import applications, by_month, outcome_stats, parse_month
from ..reader import Book
from ..schema import FLAG_OVERDUE, FUNNEL_STAGES, STATUSES, YEAR_TOTALS
from .figures import (  # noqa: F401  (re-exported: the faces read them here)
    PARTIAL_NOTE,
    SUMMARY_FIGURES,
    SUMMARY_NOTE,
    TREND_MONTHS,
    change,
    per_week,
    rate_counts,
    sources,
    summary,
    trend,
)
from .periods import Window, weeks_of, windows  # noqa: F401

NEXT_DAYS = 14  # "due in the next 14 days": calendar days after the as-of date (docs/definitions.md § Deadlines)
UPCOMING = f"Due in the next {NEXT_DAYS} days"
LOW_RATING = 2  # questions rated this or lower are to practise
OFFERS_SHOWN = 12  # the best offers (docs/definitions.md § What an offer is worth ranking), in the offers chart
OFFERS_RANKED = "ranked by average annual total, ties by first-year total"

OFFER_PARTS = (
    "Base",
    "Annual bonus",
    "Equity per year",
    "Retirement match",
    "Benefits value",
    "One-time",
    "Commute",
)
THANK_YOU_STATES = ("On time", "Late", "Sent, no date", "Missing", "Not yet due")
OUTCOMES = ("Rejected", "No response", "Withdrawn", "Offer declined", "Accepted", "In progress")


@dataclass
class ReportData:
    """The report of one month of one book (or of a cohort's books together)."""

    title: str
    month: pd.Period
    as_of: dt.date
    stats: dict  # docs/definitions.md § Statistics for the month (== jobbook stats --month), to as-of if not over
    previous: dict  # ... for the month before (its same days, when the month is not over)
    all_time: dict
    summary: pd.DataFrame  # Figure, This month, Previous month, Change, All time
    overdue: pd.DataFrame  # kind, sheet, id, company, due, flag
    upcoming: pd.DataFrame  # open deadlines of the next NEXT_DAYS calendar days
    lessons: pd.DataFrame  # open lesson actions
    practise: pd.DataFrame  # questions to practise
    per_week: pd.DataFrame  # Week, Applications: the weeks begun by the as-of date
    funnel: pd.DataFrame  # Stage, All time, This month
    status: pd.DataFrame  # Status, All time, This month
    sources: pd.DataFrame  # Source "(r of n)", Applications, Responses, and the rate: in
    # Response rate with FEW or more applications, else in the FEW_RATE column (all time)
    trend: pd.DataFrame  # Month, Applications, Interviews, Offers (up to 12 months to this one)
    offers: pd.DataFrame  # Offer, the parts of its first-year total, ranked (docs/definitions.md § What an offer is worth)
    offer_years: (
        pd.DataFrame
    )  # Offer, Year 1-4 totals and the figures of docs/definitions.md § Year by year, in rank order
    ratings: pd.DataFrame  # Round, Interviews, Average self-rating
    thank_you: pd.DataFrame  # Scope, and a count per THANK_YOU_STATES
    flows: pd.DataFrame  # Stage, Outcome, Applications  (for the Sankey diagram)
    window: Window | None = None  # the days counted as "this month"
    before: Window | None = None  # the days of the month before they are compared with
    rate_counts: pd.DataFrame | None = None  # "(1 of 5)" beside each rate of the summary
    notes: list[str] = field(default_factory=list)
    history_note: str | None = None  # how a past as-of day's statistics were counted (History)
    time_in_stage: pd.DataFrame | None = None  # Step, Applications, Median days, Q1, Q3 (one book)
    timeline: pd.DataFrame | None = None  # the applications drawn, the days they moved

    @property
    def summary_note(self) -> str:
        """What the summary counts; and, for a month not over, what it is compared with."""
        if self.window is None or not self.window.partial:
            return SUMMARY_NOTE
        return f"{SUMMARY_NOTE} {PARTIAL_NOTE.format(this=self.window.label, before=self.before.label)}"


def deadline_frames(book: Book) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(overdue, due in the next NEXT_DAYS calendar days) of one book, with ISO dates: the second
    is `jobbook deadlines --within 14` without the overdue ones."""
    frame = views.deadline_frame(book, within=NEXT_DAYS)
    due = frame["due"].to_numpy(dtype="datetime64[D]")
    today = np.datetime64(book.as_of, "D")

    def part(mask: np.ndarray) -> pd.DataFrame:
        sub = frame[mask].reset_index(drop=True)
        return sub.assign(
            due=np.datetime_as_string(sub["due"].to_numpy(dtype="datetime64[D]"), unit="D")
        )

    overdue = (frame["flag"] == FLAG_OVERDUE).to_numpy()
    return part(overdue), part(~overdue & (due >= today))


def _person_key(df: pd.DataFrame, col: str) -> pd.Series:
    """`col` as a key; in a cohort's tables put together, with the person (IDs repeat between
    people: everyone has an A001)."""
    if "Person" not in df:
        return df[col]
    return (df["Person"].astype(str) + "\x1f" + df[col].astype(str)).where(df[col].notna())


def lessons_open(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Lesson actions not done yet, soonest first."""
    from ..core.computed import lookup

    les = tables["Lessons"]
    p = tables["Pipeline"]
    open_ = les[les["Action"].notna() & (les["Flag"] != "Done")]
    out = pd.DataFrame(
        {
            "Application ID": open_["Application ID"],
            "Company": lookup(
                _person_key(open_, "Application ID"),
                p.assign(_k=_person_key(p, "ID")),
                "_k",
                "Company",
            ),
            "Action": open_["Action"],
            "Action type": open_["Action type"],
            "Due": pd.to_datetime(open_["Due"]).dt.date,
            "Flag": open_["Flag"],
        }
    )
    if "Person" in les:  # a cohort's books put together: whose action it is
        out.insert(0, "Person", open_["Person"])
    return out.sort_values("Due", na_position="last", kind="stable").reset_index(drop=True)


def to_practise(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Questions rated low or to be answered differently."""
    q = tables["Questions"]
    low = (q["Self-rating"] <= LOW_RATING) | (q["Answer differently?"] == "Yes")
    cols = ["ID", "Question", "Category", "Self-rating", "Times practiced", "Last practiced"]
    out = q.loc[low.fillna(False), (["Person"] if "Person" in q else []) + cols].copy()
    out["Last practiced"] = pd.to_datetime(out["Last practiced"]).dt.date
    return out.sort_values(
        ["Self-rating", "Times practiced"], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _offers(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The offers in rank order (docs/definitions.md § What an offer is worth), each with the parts of its first-year total."""
    from ..core.offers import effective_base, rank_offers

    o = tables["Offers"]
    rank = rank_offers(o)
    o = o.assign(_rank=rank)[rank.notna()].sort_values("_rank", kind="stable")
    n = lambda c: pd.to_numeric(o[c], errors="coerce").fillna(0.0)  # noqa: E731
    out = pd.DataFrame(
        {
            "Offer": _offer_names(o),
            "Base": effective_base(o).to_numpy(),
            "Annual bonus": o["Annual bonus"].to_numpy(),
            "Equity per year": o["Equity per year"].to_numpy(),
            "Retirement match": o["Retirement match"].to_numpy(),
            "Benefits value": n("Benefits value").to_numpy(),
            "One-time": (
                n("Signing bonus") + n("Relocation allowance") - n("Relocation cost")
            ).to_numpy(),
            "Commute": (-o["Commute cost/year"]).to_numpy(),
            "First-year total": o["First-year total"].to_numpy(),
            "Average annual total": o["Average annual total"].to_numpy(),
        }
    )
    return out.head(OFFERS_SHOWN).reset_index(drop=True)


OFFER_YEAR_FIGURES = (
    "Average annual total",
    "After-tax year 1",
    "Cost-of-living adjusted average",
    "Clawback at risk",
)


def _offer_years(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The ranked offers year by year (docs/definitions.md § Year by year), best first, as `jobbook offers` lists them."""
    from ..core import rank_offers

    o = tables["Offers"]
    o = o.assign(_rank=rank_offers(o)).dropna(subset="_rank").sort_values("_rank", kind="stable")
    out = pd.DataFrame({"Offer": _offer_names(o)})
    for col in (*YEAR_TOTALS, *OFFER_YEAR_FIGURES):
        out[col] = o[col].to_numpy(dtype=float)
    return out.head(OFFERS_SHOWN)


def _offer_names(o: pd.DataFrame) -> list[str]:
    """'1. Lumen Health (O02)': rank, company and ID (and whose offer, in a cohort)."""
    who = o["Person"] if "Person" in o else pd.Series("", index=o.index)
    out = []
    for k, (c, i, p) in enumerate(zip(o["Company"], o["ID"], who), 1):
        name = f"{c} ({i})" if isinstance(c, str) and c else str(i)
        out.append(f"{k}. {p}: {name}" if p else f"{k}. {name}")
    return out


def _place_in_group(keys: pd.Series, dates: pd.Series) -> pd.Series:
    """Each row's place (1, 2, ...) by date among the rows of its key (a blank key is a group
    too); ties in sheet order; NaN without a date. A sort, not a Python loop per group."""
    n = len(keys)
    codes, _ = pd.factorize(keys, use_na_sentinel=False)
    days = to_days(dates)
    nat = np.isnat(days)
    order = np.lexsort((np.arange(n), days.astype(np.int64), nat, codes))
    firsts = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1]]) if n else []
    starts = np.repeat(firsts, np.diff(np.r_[firsts, n]).astype(int)) if n else []
    place = np.empty(n)
    place[order] = np.arange(n) - starts + 1
    place[nat] = np.nan
    return pd.Series(place, index=keys.index)


def _ratings(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    i = tables["Interviews"]
    rated = i[i["Self-rating"].notna()]
    rounds = rated["Round"].fillna("(no round)")
    g = rated.groupby(rounds, sort=False)["Self-rating"]
    out = pd.DataFrame(
        {
            "Round": g.mean().index,
            "Interviews": g.size().to_numpy(),
            "Average self-rating": g.mean().to_numpy(),
        }
    )
    # rounds in the order they happen: the average place of each round among its application's
    # interviews by date (a recruiter screen comes 1st, a final last), then by name
    place = _place_in_group(_person_key(i, "Application ID"), i["Date"])
    order = place[rated.index].groupby(rounds).mean()
    out["_place"] = out["Round"].map(order)
    return (
        out.sort_values(["_place", "Round"], kind="stable")
        .drop(columns="_place")
        .reset_index(drop=True)
    )


def thank_you_states(interviews: pd.DataFrame, today: dt.date) -> pd.Series:
    """For each interview: On time, Late, Sent (no date), Missing or Not yet due."""
    due = to_days(interviews["Thank-you due"])
    raw = interviews["Thank-you sent"]
    sent = mark_dates(raw)
    marked = raw.notna().to_numpy()
    t = np.datetime64(today, "D")
    state = np.select(
        [
            ~np.isnat(sent) & (sent <= due),
            ~np.isnat(sent),
            marked,
            ~np.isnat(due) & (due < t),
        ],
        ["On time", "Late", "Sent, no date", "Missing"],
        default="Not yet due",
    )
    return pd.Series(state, index=interviews.index)


def _thank_you(tables: dict[str, pd.DataFrame], as_of: dt.date, month: pd.Period) -> pd.DataFrame:
    i = tables["Interviews"]
    i = i[i["Date"].notna()]
    closed = closed_on(tables.get("History"))  # the day each application closed, from History
    i = i[
        ~cancelled_interviews(i, tables["Pipeline"], as_of, closed)
    ]  # no note owed (docs/definitions.md § Deadlines)
    states = thank_you_states(i, as_of)
    in_month = pd.to_datetime(i["Date"]).dt.to_period("M") == month
    rows = []
    for scope, mask in (("This month", in_month), ("All time", pd.Series(True, index=i.index))):
        counts = states[mask].value_counts()
        rows.append([scope, *(int(counts.get(s, 0)) for s in THANK_YOU_STATES)])
    return pd.DataFrame(rows, columns=["Scope", *THANK_YOU_STATES])


def search_flows(pipeline: pd.DataFrame) -> pd.DataFrame:
    """Every application's path: the furthest stage it reached and how it ended there."""
    apps = applications(pipeline)
    stage = apps["Stage"].where(apps["Stage"].isin(FUNNEL_STAGES), "Applied")
    outcome = (
        apps["Status"]
        .map({s: s for s in OUTCOMES})
        .fillna("In progress")
        .where(apps["Status"] != "Active", "In progress")
    )
    flows = (
        pd.DataFrame({"Stage": stage, "Outcome": outcome})
        .value_counts()
        .rename("Applications")
        .reset_index()
    )
    order = {s: k for k, s in enumerate(FUNNEL_STAGES)}
    flows["_s"] = flows["Stage"].map(order)
    flows["_o"] = flows["Outcome"].map({o: k for k, o in enumerate(OUTCOMES)})
    return flows.sort_values(["_s", "_o"]).drop(columns=["_s", "_o"]).reset_index(drop=True)


# The columns of each computed table that ``assemble`` reads (None: all): a cohort keeps only these
# of each person's book (``report.cohort``). Reading another column in ``assemble``? Add it here.
REPORT_READS: dict[str, list[str] | None] = {
    "Pipeline": ["ID", "Company", "Source", "Date applied", "Stage", "Status", "First response"],
    "Interviews": [
        "ID",
        "Application ID",
        "Round",
        "Date",
        "Outcome",
        "Thank-you sent",
        "Thank-you due",
        "Self-rating",
    ],
    "Offers": None,  # every column: a person has a few offers, and the report shows most of them
    "Lessons": ["Application ID", "Action", "Action type", "Due", "Flag"],
    "Questions": [
        "ID",
        "Question",
        "Category",
        "Self-rating",
        "Answer differently?",
        "Times practiced",
        "Last practiced",
    ],
}


def build(book: Book, month: str | pd.Period, title: str | None = None) -> ReportData:
    """The report of `month` for `book`, as of the book's as-of date; as of a past day, its
    statistics count the book as History says it stood then (``views.stats_inputs``) and its
    lists (deadlines, lessons, thank-you notes, offers) read that book too (``views.as_known``)."""
    shown, _ = views.as_known(book)
    overdue, upcoming = deadline_frames(shown)
    counted, _ = views.stats_inputs(book)
    data = assemble(
        shown.tables,
        overdue,
        upcoming,
        book.as_of,
        month,
        title or book.settings.YourName or book.path.stem,
        counted=counted,
    )
    data.history_note = views.history_note(book)
    from .moved import moved

    moved(data, counted["Pipeline"], book.inputs.get("History"))
    return data


def assemble(
    tables: dict[str, pd.DataFrame],
    overdue: pd.DataFrame,
    upcoming: pd.DataFrame,
    as_of: dt.date,
    month: str | pd.Period,
    title: str,
    counted: dict[str, pd.DataFrame] | None = None,
) -> ReportData:
    """The report from computed tables (one book's, or a cohort's put together); `counted`: the
    Pipeline, Interviews and Offers the statistics count (default: those of `tables`)."""
    m = parse_month(month) if isinstance(month, str) else month
    p = m - 1
    window, before = windows(m, as_of)
    counted = counted or tables
    pipe, inter, offs = counted["Pipeline"], counted["Interviews"], counted["Offers"]
    every = outcome_stats(pipe, inter, offs, as_of=as_of)
    this = outcome_stats(pipe, inter, offs, m, window.last_day, as_of=as_of)
    prev = outcome_stats(pipe, inter, offs, p, before.last_day, as_of=as_of)
    for s in (every, this, prev):
        s["as_of"] = as_of.isoformat()
    totals = {k: sum(v[k] for v in every["by_month"].values()) for k in ("interviews", "offers")}
    # month by month: to the report's month, or to the as-of month when it is later (no month
    # still to come is drawn as a month of zeros), the last one counted to the as-of date
    last, _ = windows(min(m, pd.Period(as_of, freq="M")), as_of)
    counts = by_month(pipe, inter, offs, last.month, last.last_day, as_of=as_of)[str(last.month)]
    trend_rows = trend(every["by_month"], last, counts)
    return ReportData(
        title=title,
        month=m,
        as_of=as_of,
        stats=this,
        previous=prev,
        all_time=every,
        summary=summary(this, prev, every, str(m), str(p), totals),
        overdue=overdue,
        upcoming=upcoming,
        lessons=lessons_open(tables),
        practise=to_practise(tables),
        per_week=per_week(pipe, m, as_of),
        funnel=pd.DataFrame(
            [(s, every["funnel"][s], this["funnel"][s]) for s in FUNNEL_STAGES],
            columns=["Stage", "All time", "This month"],
        ),
        status=pd.DataFrame(
            [(s, every["by_status"].get(s, 0), this["by_status"].get(s, 0)) for s in STATUSES],
            columns=["Status", "All time", "This month"],
        ),
        sources=sources(every["by_source"]),
        trend=pd.DataFrame(trend_rows, columns=["Month", "Applications", "Interviews", "Offers"]),
        offers=_offers(tables),
        offer_years=_offer_years(tables),
        ratings=_ratings(tables),
        thank_you=_thank_you(tables, as_of, m),
        flows=search_flows(pipe),
        window=window,
        before=before,
        rate_counts=rate_counts({"This month": this, "Previous month": prev, "All time": every}),
    )

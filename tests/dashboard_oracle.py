"""What the Python core says each Dashboard cell should show (a test oracle): for every figure
cell of the template's Dashboard, the value computed by jobbook's core from the same book, so that
the LibreOffice parity test can compare them cell by cell. None means blank."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from jobbook import views
from jobbook._rates import FEW, source_label
from jobbook.core import by_month, outcome_stats
from jobbook.core.deadlines import KIND_LABELS
from jobbook.core.stats import applications
from jobbook.schema import FLAG_OVERDUE, FUNNEL_STAGES, SOURCES, STATUSES, STEPS
from jobbook.template._dashboard import (
    DAYS,
    DEADLINE_KINDS,
    DEADLINE_TOP,
    FUNNEL_TOP,
    KPI_TOP,
    KPIS,
    MONTH_TOP,
    MONTHS,
    NEXT_TOP,
    OFFER_TOP,
    SOURCE_TOP,
    SOURCE_TOTAL,
    STATUS_TOP,
    TIME_TOP,
    TOP_OFFERS,
    UP_NEXT,
)
from jobbook.template._dashboard_charts import OFFER_LABEL, SOURCE_FEW, SOURCE_LABEL, SOURCE_RATE
from jobbook.template._dashboard_sources import MORE, NO_SOURCE, OTHER_SOURCES, TOTAL


def _figures(s: dict) -> tuple:
    return (s["applications"], s["responses"], s["interviews"], s["offers"])


def _sources(book, by_source: dict) -> dict[str, object]:
    """The By source table: the SPEC sources, the other ones by name (alphabetically, at most
    OTHER_SOURCES), the rest together, the applications without a Source, the total; and the
    chart's hidden data (each source with its count, its rate in one of two series)."""
    others = [s for s in by_source if s not in SOURCES and by_source[s]["applications"]]
    rows: list[tuple] = [(s, *_figures(by_source[s])) for s in SOURCES]
    rows += [(s, *_figures(by_source[s])) for s in others[:OTHER_SOURCES]]
    rows += [(None, None, None, None, None)] * (OTHER_SOURCES - len(others[:OTHER_SOURCES]))
    rest = [_figures(by_source[s]) for s in others[OTHER_SOURCES:]]
    rows.append((MORE, *(sum(f[i] for f in rest) for i in range(4))))
    p = applications(book.tables["Pipeline"])
    blank = p[p["Source"].isna() | (p["Source"].astype("string").str.strip() == "")]
    none = outcome_stats(blank, book.tables["Interviews"].iloc[:0], book.tables["Offers"].iloc[:0])
    rows.append((NO_SOURCE, none["applications"], none["responses"],
                 none["funnel"]["Interview"], none["funnel"]["Offer"]))  # fmt: skip
    out: dict[str, object] = {}
    drawn = []  # the chart's bars: every SPEC source, then each other place with applications
    for k, (name, n, responded, interviews, offers) in enumerate(rows):
        r = SOURCE_TOP + 1 + k
        rate = None if not n else responded / n
        out.update({f"A{r}": name, f"B{r}": n, f"C{r}": responded, f"D{r}": rate,
                    f"E{r}": interviews, f"F{r}": offers})  # fmt: skip
        if k < len(SOURCES) or n:
            drawn.append((source_label(name, responded, n), n, rate))
    for k in range(len(rows)):
        r = SOURCE_TOP + 1 + k
        label, n, rate = drawn[k] if k < len(drawn) else (None, 0, None)
        out.update(
            {
                f"{SOURCE_LABEL}{r}": label,
                f"{SOURCE_RATE}{r}": rate if n >= FEW else 0,
                f"{SOURCE_FEW}{r}": rate if 0 < n < FEW else 0,
            }
        )
    total = [sum(row[i] or 0 for row in rows) for i in range(1, 5)]
    r = SOURCE_TOTAL
    out.update({f"A{r}": TOTAL, f"B{r}": total[0], f"C{r}": total[1],
                f"D{r}": total[1] / total[0] if total[0] else None,
                f"E{r}": total[2], f"F{r}": total[3]})  # fmt: skip
    return out


def expected_values(book) -> dict[str, object]:
    """{cell: value} for every figure cell of the Dashboard, from the Python core (None = blank)."""

    as_of: dt.date = book.as_of
    month = f"{as_of:%Y-%m}"
    # the Dashboard counts the rows as they stand (its formulas cannot replay History): the
    # statistics of the book as it stands, as if its as-of date were today
    every, this = views.stats(book, today=as_of), views.stats(book, month, today=as_of)
    out: dict[str, object] = {"B2": as_of}
    for k, (key, label, _, _) in enumerate(STEPS):  # time in each stage, from History
        r, step = TIME_TOP + 1 + k, every["time_in_stage"][key]
        out.update({f"A{r}": label, f"B{r}": step["n"], f"C{r}": step["median_days"],
                    f"D{r}": step["q1_days"], f"E{r}": step["q3_days"]})  # fmt: skip
    for k, (_, key) in enumerate(KPIS):
        out[f"B{KPI_TOP + 1 + k}"] = every[key]
        out[f"C{KPI_TOP + 1 + k}"] = this[key]
    for k, stage in enumerate(FUNNEL_STAGES):
        out[f"B{FUNNEL_TOP + 1 + k}"] = every["funnel"][stage]
        out[f"C{FUNNEL_TOP + 1 + k}"] = this["funnel"][stage]
    for k, status in enumerate(STATUSES):
        out[f"B{STATUS_TOP + 1 + k}"] = every["by_status"][status]
        out[f"C{STATUS_TOP + 1 + k}"] = this["by_status"][status]
    out.update(_sources(book, every["by_source"]))
    t = book.tables
    # from the first month with any activity among the last MONTHS (this one when none has any);
    # interviews once held (not Cancelled, on or before the as-of date)
    this = pd.Period(as_of, freq="M")
    months = by_month(t["Pipeline"], t["Interviews"], t["Offers"], as_of=as_of)
    busy = [
        pd.Period(m, freq="M")
        for m, c in months.items()
        if any(c.values()) and this - (MONTHS - 1) <= pd.Period(m, freq="M")
    ]
    start = min(this, busy[0]) if busy else this
    for k in range(MONTHS):
        period = start + k
        r = MONTH_TOP + 1 + k
        if period > this:
            out.update({f"{c}{r}": None for c in "ABCD"})
            continue
        counts = by_month(t["Pipeline"], t["Interviews"], t["Offers"], period, as_of=as_of)
        counts = counts[str(period)]
        out.update(
            {
                f"A{r}": period.start_time.date(),
                f"B{r}": counts["applications"],
                f"C{r}": counts["interviews"],
                f"D{r}": counts["offers"],
            }
        )
    offers = [o for o in views.offers(book) if o["rank"] is not None]  # in rank order
    for k in range(TOP_OFFERS):
        r = OFFER_TOP + 1 + k
        if k < len(offers):
            o = offers[k]
            out.update(
                {
                    f"A{r}": o["rank"],
                    f"B{r}": o["company"],
                    f"C{r}": o["average_annual_total"],
                    f"D{r}": o["first_year_total"],
                    f"{OFFER_LABEL}{r}": f"{o['company']} ({o['id']})" if o["company"] else o["id"],
                }
            )
        else:
            out.update(dict.fromkeys((f"{c}{r}" for c in ("A", "B", "C", "D", OFFER_LABEL)), None))
    open_ = views.deadlines(book)
    soon = views.deadlines(book, within=DAYS)
    for k in range(UP_NEXT):
        r = NEXT_TOP + 1 + k
        d = soon[k] if k < len(soon) else None
        out.update(
            {
                f"A{r}": dt.date.fromisoformat(d["due"]),
                f"B{r}": KIND_LABELS[d["kind"]],
                f"C{r}": d["id"],
                f"D{r}": d["company"],
                f"G{r}": d["flag"] or None,
            }
            if d
            else dict.fromkeys((f"{c}{r}" for c in "ABCDG"), None)
        )
    more = len(soon) - UP_NEXT
    out[f"A{NEXT_TOP + UP_NEXT + 1}"] = (
        f"... and {more} more: see the counts per day below, "
        + (  # the .xlsx has no buttons
            "or the Deadlines button, or jobbook deadlines"
            if str(book.path).lower().endswith(".xlsm")
            else "or run jobbook deadlines"
        )
        if more > 0
        else None
    )
    r = DEADLINE_TOP + 1
    for c, kind in enumerate(DEADLINE_KINDS):
        out[f"{'BCDEFG'[c]}{r}"] = sum(
            1 for d in open_ if d["kind"] == kind and d["flag"] == FLAG_OVERDUE
        )
    out[f"H{r}"] = sum(out[f"{x}{r}"] for x in "BCDEFG")
    for k in range(DAYS + 1):
        r = DEADLINE_TOP + 2 + k
        day = (as_of + dt.timedelta(days=k)).isoformat()
        out[f"A{r}"] = as_of + dt.timedelta(days=k)
        for c, kind in enumerate(DEADLINE_KINDS):
            out[f"{'BCDEFG'[c]}{r}"] = sum(
                1 for d in open_ if d["kind"] == kind and d["due"] == day
            )
        out[f"H{r}"] = sum(out[f"{x}{r}"] for x in "BCDEFG")
    return out

"""What the Python core says each Dashboard cell should show (a test oracle): for every figure
cell of the template's Dashboard, the value computed by jobbook's core from the same book, so that
the LibreOffice parity test can compare them cell by cell. None means blank."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from jobbook import views
from jobbook._rates import FEW, source_label
from jobbook.core import by_month
from jobbook.core.deadlines import KIND_LABELS
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
    STATUS_TOP,
    TIME_TOP,
    TOP_OFFERS,
    UP_NEXT,
)
from jobbook.template._dashboard_charts import OFFER_LABEL, SOURCE_FEW, SOURCE_LABEL, SOURCE_RATE


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
    for k, source in enumerate(SOURCES):
        s = every["by_source"][source]
        r = SOURCE_TOP + 1 + k
        out.update(
            {
                f"B{r}": s["applications"],
                f"C{r}": s["responses"],
                f"D{r}": s["response_rate"],
                f"E{r}": s["interviews"],
                f"F{r}": s["offers"],
                # the chart's hidden data: the source with its count, its rate in one series
                f"{SOURCE_LABEL}{r}": source_label(source, s["responses"], s["applications"]),
                f"{SOURCE_RATE}{r}": s["response_rate"] if s["applications"] >= FEW else 0,
                f"{SOURCE_FEW}{r}": s["response_rate"] if 0 < s["applications"] < FEW else 0,
            }
        )
    t = book.tables
    # from the first month with any activity (at most MONTHS back, never after this month)
    this = pd.Period(as_of, freq="M")
    busy = [pd.Period(m, freq="M") for m in by_month(t["Pipeline"], t["Interviews"], t["Offers"])]
    start = min(this, max(this - (MONTHS - 1), busy[0])) if busy else this
    for k in range(MONTHS):
        period = start + k
        r = MONTH_TOP + 1 + k
        if period > this:
            out.update({f"{c}{r}": None for c in "ABCD"})
            continue
        counts = by_month(t["Pipeline"], t["Interviews"], t["Offers"], period)[str(period)]
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

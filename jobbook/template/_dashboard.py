"""The Dashboard sheet: SPEC section 4 figures (all time and this month), the next 14 days of
deadlines, offers compared, and native charts - all native formulas over the tables.

``LAYOUT`` places every block; ``expected_values`` gives, for the same cells, what the Python core
computes, so tests can hold LibreOffice's results against it cell by cell.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from openpyxl.worksheet.formula import ArrayFormula

from .._charts import bar_chart, line_chart, ref, straight_lines
from ..schema import (
    AS_OF_DATE_NAME,
    DATE_FORMAT,
    FUNNEL_STAGES,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    SOURCES,
    STAGES,
    STATUSES,
)
from . import _style as st

SHEET = "Dashboard"
TODAY = AS_OF_DATE_NAME
MONTHS = 6  # months shown in "applications per month"
DAYS = 14  # days of deadlines shown
TOP_OFFERS = 5
HIDE_ZERO = "0;-0;;@"  # a quiet grid: zero shows as blank

KPI_TOP, DEADLINE_TOP, FUNNEL_TOP, STATUS_TOP, SOURCE_TOP, MONTH_TOP, OFFER_TOP = 4, 15, 33, 41, 50, 61, 70
KPIS = (
    ("Applications", "applications"),
    ("Active", "active"),
    ("Accepted", "accepted"),
    ("Responses", "responses"),
    ("Response rate", "response_rate"),
    ("Interview rate", "interview_rate"),
    ("Offer rate", "offer_rate"),
    ("Median days to first response", "median_days_to_response"),
)
DEADLINE_KINDS = ("thank-you", "follow-up", "next-action", "decision", "lesson", "start")
DEADLINE_HEADS = ("Thank-you", "Follow-up", "Next action", "Decision", "Lesson", "Start")

_DATE = "ISNUMBER(Pipeline[Date applied])"
SCOPES = {
    "all": _DATE,
    "month": f"{_DATE}*(Pipeline[Date applied]>=MonthStart)*(Pipeline[Date applied]<MonthNext)",
}


def _stage_at_least(stage: str) -> str:
    names = ",".join(f'"{s}"' for s in STAGES[STAGES.index(stage) :])
    return f"ISNUMBER(MATCH(Pipeline[Stage],{{{names}}},0))"


_RESPONDED = f'(({_stage_at_least("Screen")})+(Pipeline[Status]="Rejected")>0)'


def _count(scope: str, *conds: str) -> str:
    return "=SUMPRODUCT(" + "*".join([scope, *conds]) + ")"


def _kpi_formulas(scope: str, col: str) -> list[object]:
    r = KPI_TOP + 1  # first KPI row
    n = f"{col}{r}"
    median = (
        f'=IF(SUMPRODUCT({scope}*ISNUMBER(Pipeline[First response]))=0,"",'
        f"MEDIAN(IF({scope}*ISNUMBER(Pipeline[First response]),"
        "INT(Pipeline[First response])-INT(Pipeline[Date applied]))))"
    )
    return [
        _count(scope),
        _count(scope, '(Pipeline[Status]="Active")'),
        _count(scope, '(Pipeline[Status]="Accepted")'),
        _count(scope, _RESPONDED),
        f'=IF({n}=0,"",{col}{r + 3}/{n})',
        f'=IF({n}=0,"",SUMPRODUCT({scope}*{_stage_at_least("Interview")})/{n})',
        f'=IF({n}=0,"",SUMPRODUCT({scope}*{_stage_at_least("Offer")})/{n})',
        ArrayFormula(f"{col}{r + 7}", median),
    ]


def _section(ws, row: int, title: str, heads: tuple[str, ...]) -> None:
    ws.cell(row - 1, 1, title).font = st.SECTION
    for c in range(1, len(heads) + 1):
        ws.cell(row - 1, c).fill = st.SECTION_FILL
    for i, h in enumerate(heads, 1):
        cell = ws.cell(row, i, h)
        cell.font, cell.fill = st.HEAD, st.HEAD_FILL


def write_dashboard(wb) -> None:
    ws = wb.create_sheet(SHEET)
    ws["A1"] = "Job search dashboard"
    ws["A1"].font = st.TITLE
    ws["A2"] = "As of"
    ws["B2"] = f"={TODAY}"
    ws["B2"].number_format = DATE_FORMAT
    ws["C2"] = "This month"
    ws["D2"] = "=MonthStart"
    ws["D2"].number_format = "mmmm yyyy"
    for c in ("A2", "C2"):
        ws[c].font = st.SUBTITLE

    _section(ws, KPI_TOP, "Key figures", ("Figure", "All time", "This month"))
    for k, (label, key) in enumerate(KPIS):
        r = KPI_TOP + 1 + k
        ws.cell(r, 1, label)
        for col, scope in (("B", SCOPES["all"]), ("C", SCOPES["month"])):
            ws[f"{col}{r}"] = _kpi_formulas(scope, col)[k]
            ws[f"{col}{r}"].number_format = PERCENT_FORMAT if key.endswith("_rate") else ("0.0" if key.startswith("median") else "0")

    _section(ws, FUNNEL_TOP, "Funnel: applications that reached each stage", ("Stage", "All time", "This month"))
    for k, stage in enumerate(FUNNEL_STAGES):
        r = FUNNEL_TOP + 1 + k
        ws.cell(r, 1, stage)
        ws[f"B{r}"] = _count(SCOPES["all"], _stage_at_least(stage))
        ws[f"C{r}"] = _count(SCOPES["month"], _stage_at_least(stage))

    _section(ws, STATUS_TOP, "Outcomes by status", ("Status", "All time", "This month"))
    for k, status in enumerate(STATUSES):
        r = STATUS_TOP + 1 + k
        ws.cell(r, 1, status)
        ws[f"B{r}"] = _count(SCOPES["all"], f"(Pipeline[Status]=$A{r})")
        ws[f"C{r}"] = _count(SCOPES["month"], f"(Pipeline[Status]=$A{r})")

    _section(ws, SOURCE_TOP, "By source (all time)", ("Source", "Applications", "Responses", "Response rate", "Interviews", "Offers"))
    for k, source in enumerate(SOURCES):
        r = SOURCE_TOP + 1 + k
        ws.cell(r, 1, source)
        is_src = f"(Pipeline[Source]=$A{r})"
        ws[f"B{r}"] = _count(SCOPES["all"], is_src)
        ws[f"C{r}"] = _count(SCOPES["all"], is_src, _RESPONDED)
        ws[f"D{r}"] = f'=IF(B{r}=0,"",C{r}/B{r})'
        ws[f"D{r}"].number_format = PERCENT_FORMAT
        ws[f"E{r}"] = _count(SCOPES["all"], is_src, _stage_at_least("Interview"))
        ws[f"F{r}"] = _count(SCOPES["all"], is_src, _stage_at_least("Offer"))

    _section(ws, MONTH_TOP, f"Activity per month (last {MONTHS})", ("Month", "Applications", "Interviews", "Offers"))
    for k in range(MONTHS):
        r = MONTH_TOP + 1 + k
        ws[f"A{r}"] = f"=DATE(YEAR({TODAY}),MONTH({TODAY})-{MONTHS - 1 - k},1)"
        ws[f"A{r}"].number_format = "yyyy-mm"
        nxt = f"DATE(YEAR($A{r}),MONTH($A{r})+1,1)"
        for col, rng in (("B", "Pipeline[Date applied]"), ("C", "Interviews[Date]"), ("D", "Offers[Offer date]")):
            ws[f"{col}{r}"] = f'=COUNTIFS({rng},">="&$A{r},{rng},"<"&{nxt})'

    _section(ws, OFFER_TOP, "Offers compared (by first-year total)", ("Rank", "Company", "First-year total", "Average annual total"))
    for k in range(TOP_OFFERS):
        r = OFFER_TOP + 1 + k
        ws[f"A{r}"] = k + 1
        ws[f"C{r}"] = f'=IFERROR(LARGE(Offers[First-year total],A{r}),"")'
        match = f"MATCH(C{r},Offers[First-year total],0)"
        ws[f"B{r}"] = f'=IF(C{r}="","",INDEX(Offers[Company],{match}))'
        ws[f"D{r}"] = f'=IF(C{r}="","",INDEX(Offers[Average annual total],{match}))'
        for c in ("C", "D"):
            ws[f"{c}{r}"].number_format = MONEY_FORMAT

    _section(ws, DEADLINE_TOP, f"Open deadlines: overdue and the next {DAYS} days", ("Due", *DEADLINE_HEADS, "Total"))
    _deadline_grid(ws)
    _charts(ws)
    ws.column_dimensions["A"].width = 30
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 13
    ws.freeze_panes = "A4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _deadline_grid(ws) -> None:
    r = DEADLINE_TOP + 1
    ws.cell(r, 1, "Overdue").font = st.BOLD
    overdue = [
        '=COUNTIFS(Interviews[Thank-you flag],"Overdue")',
        f'=COUNTIFS(Pipeline[Follow-up due],"<"&{TODAY})',
        f'=COUNTIFS(Pipeline[Next action due],"<"&{TODAY},Pipeline[Status],"Active")',
        '=COUNTIFS(Offers[Decision flag],"Overdue")',
        '=COUNTIFS(Lessons[Flag],"Overdue")',
        0,
    ]
    for c, f in enumerate(overdue, 2):
        ws.cell(r, c, f)
    ws.cell(r, 8, f"=SUM(B{r}:G{r})")
    for k in range(DAYS):
        r = DEADLINE_TOP + 2 + k
        ws.cell(r, 1, f"={TODAY}+{k}").number_format = "ddd yyyy-mm-dd"
        a = f"$A{r}"
        day = f'">="&{a},%s,"<"&({a}+1)'
        cells = [
            f'=COUNTIFS(Interviews[Thank-you due],{a},Interviews[Thank-you flag],"<>Done")',
            f"=COUNTIFS(Pipeline[Follow-up due],{a})",
            f'=COUNTIFS(Pipeline[Next action due],{day % "Pipeline[Next action due]"},Pipeline[Status],"Active")',
            f'=COUNTIFS(Offers[Decision due],{a},Offers[Decision flag],"<>Done")',
            f'=COUNTIFS(Lessons[Due],{day % "Lessons[Due]"},Lessons[Flag],"<>Done")',
            f'=SUMPRODUCT((Transition[Agreed start]<>"")*(Transition[Agreed start]>={a})*(Transition[Agreed start]<{a}+1))'
            f'+SUMPRODUCT((Transition[Agreed start]="")*(Transition[Earliest start]={a}))',
        ]
        for c, f in enumerate(cells, 2):
            ws.cell(r, c, f).number_format = HIDE_ZERO
        ws.cell(r, 8, f"=SUM(B{r}:G{r})").number_format = HIDE_ZERO
    last = DEADLINE_TOP + 1 + DAYS
    ws.conditional_formatting.add(f"B{DEADLINE_TOP + 1}:H{DEADLINE_TOP + 1}", st.positive_rule(st.POSITIVE_RED))
    ws.conditional_formatting.add(f"B{DEADLINE_TOP + 2}:H{last}", st.positive_rule(st.POSITIVE_AMBER))


# -- charts --------------------------------------------------------------------------------------


def _charts(ws) -> None:
    funnel = bar_chart("Funnel", horizontal=True)
    funnel.add_data(ref(ws, 2, FUNNEL_TOP, 3, FUNNEL_TOP + len(FUNNEL_STAGES)), titles_from_data=True)
    funnel.set_categories(ref(ws, 1, FUNNEL_TOP + 1, 1, FUNNEL_TOP + len(FUNNEL_STAGES)))
    ws.add_chart(funnel, "J3")

    months = line_chart("Applications, interviews and offers per month", category_format="yyyy-mm")
    months.add_data(ref(ws, 2, MONTH_TOP, 4, MONTH_TOP + MONTHS), titles_from_data=True)
    months.set_categories(ref(ws, 1, MONTH_TOP + 1, 1, MONTH_TOP + MONTHS))
    straight_lines(months)
    ws.add_chart(months, "J18")

    status = bar_chart("Outcomes by status (all time)")
    status.add_data(ref(ws, 2, STATUS_TOP, 2, STATUS_TOP + len(STATUSES)), titles_from_data=True)
    status.set_categories(ref(ws, 1, STATUS_TOP + 1, 1, STATUS_TOP + len(STATUSES)))
    status.legend = None
    ws.add_chart(status, "J33")

    source = bar_chart("Response rate by source", horizontal=True, num_format="0%")
    source.add_data(ref(ws, 4, SOURCE_TOP, 4, SOURCE_TOP + len(SOURCES)), titles_from_data=True)
    source.set_categories(ref(ws, 1, SOURCE_TOP + 1, 1, SOURCE_TOP + len(SOURCES)))
    source.legend = None
    ws.add_chart(source, "J48")

    offers = bar_chart("Offers: first-year total", num_format="#,##0")
    offers.add_data(ref(ws, 3, OFFER_TOP, 3, OFFER_TOP + TOP_OFFERS), titles_from_data=True)
    offers.set_categories(ref(ws, 2, OFFER_TOP + 1, 2, OFFER_TOP + TOP_OFFERS))
    offers.legend = None
    ws.add_chart(offers, "J63")


# -- what the Python core says each cell should show ------------------------------------------------


def expected_values(book) -> dict[str, object]:
    """{cell: value} for every figure cell of the Dashboard, from the Python core (None = blank)."""
    from .. import views
    from ..core import by_month

    as_of: dt.date = book.as_of
    month = f"{as_of:%Y-%m}"
    every, this = views.stats(book), views.stats(book, month)
    out: dict[str, object] = {"B2": as_of}
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
        out.update({f"B{r}": s["applications"], f"C{r}": s["responses"], f"D{r}": s["response_rate"], f"E{r}": s["interviews"], f"F{r}": s["offers"]})
    t = book.tables
    for k in range(MONTHS):
        period = pd.Period(as_of, freq="M") - (MONTHS - 1 - k)
        counts = by_month(t["Pipeline"], t["Interviews"], t["Offers"], period)[str(period)]
        r = MONTH_TOP + 1 + k
        out.update({f"A{r}": period.start_time.date(), f"B{r}": counts["applications"], f"C{r}": counts["interviews"], f"D{r}": counts["offers"]})
    offers = t["Offers"].dropna(subset=["First-year total"]).sort_values("First-year total", ascending=False, kind="stable")
    for k in range(TOP_OFFERS):
        r = OFFER_TOP + 1 + k
        if k < len(offers):
            o = offers.iloc[k]
            out.update({f"B{r}": o["Company"], f"C{r}": o["First-year total"], f"D{r}": o["Average annual total"]})
        else:
            out.update({f"B{r}": None, f"C{r}": None, f"D{r}": None})
    open_ = views.deadlines(book)
    r = DEADLINE_TOP + 1
    for c, kind in enumerate(DEADLINE_KINDS):
        out[f"{'BCDEFG'[c]}{r}"] = sum(1 for d in open_ if d["kind"] == kind and d["flag"] == "Overdue")
    out[f"H{r}"] = sum(out[f"{x}{r}"] for x in "BCDEFG")
    for k in range(DAYS):
        r = DEADLINE_TOP + 2 + k
        day = (as_of + dt.timedelta(days=k)).isoformat()
        out[f"A{r}"] = as_of + dt.timedelta(days=k)
        for c, kind in enumerate(DEADLINE_KINDS):
            out[f"{'BCDEFG'[c]}{r}"] = sum(1 for d in open_ if d["kind"] == kind and d["due"] == day)
        out[f"H{r}"] = sum(out[f"{x}{r}"] for x in "BCDEFG")
    return out

"""The Dashboard sheet: docs/definitions.md § Statistics figures (all time and this month), the open deadlines of
the next 14 calendar days (listed, soonest first, and counted per day), offers ranked as `jobbook
offers` ranks them, and native charts - all native formulas over the tables.

The constants below place every block; ``tests/dashboard_oracle.py`` gives, for the same cells,
what the Python core computes, so tests can hold LibreOffice's results against it cell by cell.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter as openpyxl_col
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.pagebreak import Break

from ..core.deadlines import KIND_LABELS, KINDS
from ..looks import style as st
from ..schema import (
    AS_OF_DATE_NAME,
    DATE_FORMAT,
    FLAG_OVERDUE,
    FLAG_TOO_SOON,
    FUNNEL_STAGES,
    MONEY_FORMAT,
    OFFER_YEARS_SHEET,
    PERCENT_FORMAT,
    STAGES,
    STATUSES,
    action_unknown,
    excel_formula,
    flag_formula,
    known_rows,
    lookup_formula,
)
from ..views import STATS_LABELS
from ._dashboard_charts import write_chart_data, write_charts
from ._dashboard_sources import HEADS as SOURCE_HEADS
from ._dashboard_sources import ROWS as SOURCE_ROWS
from ._dashboard_sources import write_sources
from ._dashboard_stages import HEADS as TIME_HEADS
from ._dashboard_stages import TITLE as TIME_TITLE
from ._dashboard_stages import pipeline_rows, write_time_in_stage
from ._years import HEAD_ROW as YEARS_HEAD_ROW
from ._years import POS_COL as YEARS_POS_COL

SHEET = "Dashboard"
TODAY = AS_OF_DATE_NAME
MONTHS = 6  # months shown in "applications per month"
DAYS = 14  # deadlines due up to this many calendar days after today (as `deadlines --within`)
TOP_OFFERS = 5
UP_NEXT = 10  # deadlines listed one by one
HIDE_ZERO = "0;-0;;@"  # a quiet grid: zero shows as blank

KPI_TOP, NEXT_TOP, DEADLINE_TOP, FUNNEL_TOP, STATUS_TOP, SOURCE_TOP = (4, 15, 29, 47, 55, 64)
SOURCE_TOTAL = SOURCE_TOP + SOURCE_ROWS + 1  # "All sources"
MONTH_TOP = SOURCE_TOTAL + 3
OFFER_TOP = MONTH_TOP + MONTHS + 3
TIME_TOP = OFFER_TOP + TOP_OFFERS + 3  # time in each stage: the heads' row
PAGE_BREAK = 45  # printed page 1: figures and deadlines; page 2: the breakdowns
# three charts beside page 1, three beside page 2 (none cut in two): the source chart is taller,
# one bar per place of the table; then the offers, then Offer years' chart (``_years``)
CHART_ROWS = (3, 17, 31, 47, 70)
KPIS = STATS_LABELS  # the figures in the words of JB_STATS
DEADLINE_KINDS = KINDS  # the order of the kinds everywhere
DEADLINE_HEADS = ("Thank-you", "Follow-up", "Next action", "Decision", "Lesson", "Start")
OFFERS_HEADING = "Offers compared (ranked by average annual total, ties by first-year total)"

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


def _section(ws, row: int, title: str, heads: tuple[str, ...], text_cols: int = 1) -> None:
    """A section's title bar and header row; the heads after the first `text_cols` columns stand
    right, above their right-aligned figures."""
    ws.cell(row - 1, 1, title).font = st.SECTION
    for c in range(1, len(heads) + 1):
        ws.cell(row - 1, c).fill = st.SECTION_FILL
    for i, h in enumerate(heads, 1):
        cell = ws.cell(row, i, h)
        cell.font, cell.fill = st.HEAD, st.HEAD_FILL
        if i > text_cols:
            cell.alignment = st.RIGHT


def write_dashboard(wb, macros: bool = False) -> None:
    ws = wb.create_sheet(SHEET)
    ws["A1"] = "Job search dashboard"
    ws["A1"].font = st.TITLE
    ws["A2"] = "As of"
    ws["B2"] = f"={TODAY}"
    ws["B2"].number_format = DATE_FORMAT
    ws["B2"].alignment = st.LEFT  # apart from the "This month" label beside it
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
            ws[f"{col}{r}"].number_format = (
                PERCENT_FORMAT
                if key.endswith("_rate")
                else ("0.0" if key.startswith("median") else "0")
            )

    _section(
        ws,
        FUNNEL_TOP,
        "Funnel: applications that reached each stage",
        ("Stage", "All time", "This month"),
    )
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

    _section(ws, SOURCE_TOP, "By source (all time)", SOURCE_HEADS)
    write_sources(ws, SOURCE_TOP, SCOPES["all"], _count, _RESPONDED, _stage_at_least)

    _section(
        ws,
        MONTH_TOP,
        f"Activity per month (from the first with any, at most {MONTHS})",
        ("Month", "Applications", "Interviews", "Offers"),
    )
    _months(ws)

    _section(
        ws,
        OFFER_TOP,
        OFFERS_HEADING,
        ("Rank", "Company", "Average annual total", "First-year total"),
        text_cols=2,
    )
    _offers_ranked(ws)

    _section(ws, TIME_TOP, TIME_TITLE, TIME_HEADS)
    write_time_in_stage(ws, TIME_TOP, pipeline_rows(wb))

    _section(
        ws,
        NEXT_TOP,
        f"Up next: open deadlines, overdue and the next {DAYS} days",
        ("Due", "What", "ID", "Company", "", "", "Flag"),
        text_cols=7,
    )
    _up_next(ws, macros)
    _section(
        ws,
        DEADLINE_TOP,
        f"Open deadlines per day: overdue and the next {DAYS} days",
        ("Due", *DEADLINE_HEADS, "Total"),
    )
    _deadline_grid(ws)
    layout = (FUNNEL_TOP, STATUS_TOP, MONTH_TOP, MONTHS, SOURCE_TOP, OFFER_TOP, TOP_OFFERS)
    write_chart_data(ws, *layout)
    write_charts(ws, CHART_ROWS, *layout)
    ws.column_dimensions["A"].width = 30
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 20 if col in "CD" else 16  # "Average annual total"
    ws.freeze_panes = "A4"
    ws.row_breaks.append(Break(id=PAGE_BREAK))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


# -- "Activity per month": from the first month with any activity --------------------------------
#
# The first row is the first month with any activity (a Date applied, an interview held, an Offer
# date) among the last MONTHS months, this one included (this month when none has any); each next
# row the month after, up to this month, then blank. So the list (and its chart) starts where the
# search started, or where it was busy in the window, never on an empty month, as the report's
# months do. An interview counts once held (``core.known.held_by``): not Cancelled, dated on or
# before the as-of date.

_THIS_MONTH = f"DATE(YEAR({TODAY}),MONTH({TODAY}),1)"
_HELD = f'Interviews[Outcome],"<>Cancelled",Interviews[Date],"<"&({TODAY}+1)'
_ACTIVITY = (  # each column's dates, and the criteria of those that count
    ("Pipeline[Date applied]", ""),
    ("Interviews[Date]", _HELD),
    ("Offers[Offer date]", ""),
)


def _ifs(rng: str, extra: str, *criteria: tuple[str, str]) -> str:
    """COUNTIFS/MINIFS criteria: `rng` against each (operator, value), then `extra`."""
    return ",".join([*(f'{rng},"{op}"&{v}' for op, v in criteria), *([extra] if extra else [])])


def _months(ws) -> None:
    since = (">=", f"DATE(YEAR({TODAY}),MONTH({TODAY})-{MONTHS - 1},1)")
    firsts = [
        f"IF(COUNTIFS({_ifs(rng, extra, since)})=0,{_THIS_MONTH},"
        f"_xlfn.MINIFS({rng},{_ifs(rng, extra, since)}))"
        for rng, extra in _ACTIVITY
    ]
    first = f"MIN({_THIS_MONTH},{','.join(firsts)})"
    for k in range(MONTHS):
        r = MONTH_TOP + 1 + k
        if k == 0:
            ws[f"A{r}"] = f"=DATE(YEAR({first}),MONTH({first}),1)"
        else:
            nxt = f"DATE(YEAR($A{r - 1}),MONTH($A{r - 1})+1,1)"
            ws[f"A{r}"] = f'=IF($A{r - 1}="","",IF({nxt}>{_THIS_MONTH},"",{nxt}))'
        ws[f"A{r}"].number_format = "yyyy-mm"
        ws[f"A{r}"].alignment = st.LEFT
        span = ((">=", f"$A{r}"), ("<", f"DATE(YEAR($A{r}),MONTH($A{r})+1,1)"))
        for col, (rng, extra) in zip("BCD", _ACTIVITY):
            ws[f"{col}{r}"] = f'=IF($A{r}="","",COUNTIFS({_ifs(rng, extra, *span)}))'


# -- "Up next": the open deadlines one by one ------------------------------------------------------
#
# LibreOffice 7.4 has no FILTER/SORT, so the list is built in two steps. A hidden block (one column
# per kind) holds, for k = 1..UP_NEXT, the k-th smallest key of that kind's open deadlines, where
# key = due date + kind/10 + row position/1E8 (single-cell array formulas with SMALL(IF(...))).
# The list then takes the k-th smallest key of the whole block and decodes the date, the kind and
# the row from it. Ties are in kind order, then sheet order, as `jobbook deadlines` sorts them.

HELPER_COL = 27  # AA: first hidden column
KEY, KIND, POS = "AG", "AH", "AI"
_LAST = f"({TODAY}+{DAYS})"  # the last day listed: DAYS calendar days after today


def _company_of(table: str, id_col: str, pos: str, target: str) -> str:
    """The company of the `target` row that row `pos` of `table` points to by `id_col`."""
    return lookup_formula(target, "Company", f"INDEX({table}[{id_col}],{pos})")


# Rows dated after the as-of date were not known that day (docs/definitions.md § Deadlines): left out of Up next
# and the counts. The computed columns (Follow-up due, Thank-you due, Decision due) are blank for
# them already; next actions, lessons and starts are conditioned here.
_KNOWN_APPS = excel_formula(SHEET, known_rows("Pipeline", "Date applied"))
_KNOWN_LESSONS = excel_formula(SHEET, known_rows("Lessons", "Decision date"))
_KNOWN_STARTS = excel_formula(SHEET, known_rows("Transition", "Accepted on"))
# ... and a Next action History wrote after a past as-of date (``core.known.actions_known``).
# An IF over arrays: the cells that use it are array formulas.
_KNOWN_ACTIONS = excel_formula(SHEET, f"(1-({action_unknown('Pipeline[ID]')}))")


# label, a column for the row positions, the due date as a number, the open condition, ID, company
def _kinds(pos: str) -> list[tuple[str, str, str, str, str, str]]:
    start_due = "IF(ISNUMBER(Transition[Agreed start]),INT(Transition[Agreed start]),Transition[Earliest start])"
    return [
        (
            KIND_LABELS["thank-you"],
            "Interviews[Thank-you due]",
            "Interviews[Thank-you due]",
            '(Interviews[Thank-you flag]<>"Done")',
            f"INDEX(Interviews[ID],{pos})",
            f"INDEX(Interviews[Company],{pos})",
        ),
        (
            KIND_LABELS["follow-up"],
            "Pipeline[Follow-up due]",
            "Pipeline[Follow-up due]",
            '(Pipeline[Status]="Active")',
            f"INDEX(Pipeline[ID],{pos})",
            f"INDEX(Pipeline[Company],{pos})",
        ),
        (
            KIND_LABELS["next-action"],
            "Pipeline[Next action due]",
            "INT(Pipeline[Next action due])",
            f'(Pipeline[Status]="Active")*{_KNOWN_APPS}*{_KNOWN_ACTIONS}',
            f"INDEX(Pipeline[ID],{pos})",
            f"INDEX(Pipeline[Company],{pos})",
        ),
        (
            KIND_LABELS["decision"],
            "Offers[Decision due]",
            "Offers[Decision due]",
            '(Offers[Decision flag]<>"Done")',
            f"INDEX(Offers[ID],{pos})",
            f"INDEX(Offers[Company],{pos})",
        ),
        (
            KIND_LABELS["lesson"],
            "Lessons[Due]",
            "INT(Lessons[Due])",
            f'(Lessons[Flag]<>"Done")*{_KNOWN_LESSONS}',
            f"INDEX(Lessons[Application ID],{pos})",
            _company_of("Lessons", "Application ID", pos, "Pipeline"),
        ),
        (
            KIND_LABELS["start"],
            "Transition[Offer ID]",
            start_due,
            f"({start_due}>={TODAY})*{_KNOWN_STARTS}",
            f"INDEX(Transition[Offer ID],{pos})",
            _company_of("Transition", "Offer ID", pos, "Offers"),
        ),
    ]


def more_of(macros: bool) -> str:
    """Where the deadlines past the Up next list are: the .xlsx has no buttons, so it names the
    command to run; the .xlsm its Deadlines button too."""
    if macros:
        return "see the counts per day below, or the Deadlines button, or jobbook deadlines"
    return "see the counts per day below, or run jobbook deadlines"


def _up_next(ws, macros: bool = False) -> None:
    first, last = NEXT_TOP + 1, NEXT_TOP + UP_NEXT
    kinds = _kinds("")
    for j, (label, rows, due, is_open, _, _) in enumerate(kinds, 1):
        col = openpyxl_col(HELPER_COL + j - 1)
        ws[f"{col}{NEXT_TOP}"] = label
        position = f"(ROW({rows})-MIN(ROW({rows}))+1)/1E8"
        number = rows if rows != "Transition[Offer ID]" else due
        for k in range(1, UP_NEXT + 1):
            cell = f"{col}{NEXT_TOP + k}"
            keys = f"IF(ISNUMBER({number}),IF({is_open}*({due}<={_LAST}),{due}+{j}/10+{position}))"
            ws[cell] = ArrayFormula(cell, f'=IFERROR(SMALL({keys},{k}),"")')
    block = (
        f"${openpyxl_col(HELPER_COL)}${first}:${openpyxl_col(HELPER_COL + len(kinds) - 1)}${last}"
    )
    for head, col in (("Key", KEY), ("Kind", KIND), ("Row", POS)):
        ws[f"{col}{NEXT_TOP}"] = head
    for k in range(1, UP_NEXT + 1):
        r = NEXT_TOP + k
        key, frac = f"${KEY}{r}", f"MOD(${KEY}{r},1)*10"
        ws[f"{KEY}{r}"] = f'=IFERROR(SMALL({block},{k}),"")'
        ws[f"{KIND}{r}"] = f'=IF({key}="","",INT({frac}))'
        ws[f"{POS}{r}"] = f'=IF({key}="","",ROUND(({frac}-INT({frac}))*1E7,0))'
        row_kinds = _kinds(f"${POS}{r}")
        blank = f'IF({key}="","",'
        choose = f"CHOOSE(${KIND}{r},"
        ws[f"A{r}"] = f"={blank}INT({key}))"
        ws[f"A{r}"].number_format = "ddd yyyy-mm-dd"
        ws[f"A{r}"].alignment = st.LEFT
        ws[f"B{r}"] = f"={blank}{choose}" + ",".join(f'"{k[0]}"' for k in row_kinds) + "))"
        ws[f"C{r}"] = f'={blank}""&{choose}' + ",".join(k[4] for k in row_kinds) + "))"
        ws[f"D{r}"] = f'={blank}""&{choose}' + ",".join(k[5] for k in row_kinds) + "))"
        # IF, not AND: AND would evaluate INDEX past the end of Transition for other kinds
        too_soon = f'IF(${KIND}{r}={len(kinds)},INDEX(Transition[Start flag],${POS}{r})="{FLAG_TOO_SOON}",FALSE)'
        flag = excel_formula(SHEET, flag_formula(f"$A{r}"))
        ws[f"G{r}"] = f'={blank}IF({too_soon},"{FLAG_TOO_SOON}",{flag}))'
    more = DEADLINE_TOP + 1, DEADLINE_TOP + 2 + DAYS
    total = f"SUM(H{more[0]}:H{more[1]})"
    ws[f"A{last + 1}"] = (
        f'=IF({total}>{UP_NEXT},"... and "&({total}-{UP_NEXT})&" more: {more_of(macros)}","")'
    )
    ws[f"A{last + 1}"].font = st.SUBTITLE
    for rule in st.equals_rules(st.FLAG_COLOURS):
        ws.conditional_formatting.add(f"G{first}:G{last}", rule)
    for j in range(HELPER_COL, HELPER_COL + len(kinds) + 3):
        ws.column_dimensions[openpyxl_col(j)].hidden = True


def _on_day(dates: str, day: str) -> str:
    """The start of a SUMPRODUCT counting the numbers of `dates` on `day` (a date with a time of
    day counts on its day; a text none); the caller multiplies its conditions in and closes it."""
    return f"SUMPRODUCT(ISNUMBER({dates})*({dates}>={day})*({dates}<{day}+1)"


def _put(ws, r: int, c: int, formula) -> None:
    """A count of the grid; one that reads History (the next actions) is an array formula, so
    that every Excel evaluates its IF over the rows."""
    if isinstance(formula, str) and "History[" in formula:
        formula = ArrayFormula(f"{openpyxl_col(c)}{r}", formula)
    ws.cell(r, c, formula).number_format = HIDE_ZERO


def _deadline_grid(ws) -> None:
    r = DEADLINE_TOP + 1
    ws.cell(r, 1, FLAG_OVERDUE).font = st.BOLD
    overdue = [
        f'=COUNTIFS(Interviews[Thank-you flag],"{FLAG_OVERDUE}")',
        f'=COUNTIFS(Pipeline[Follow-up due],"<"&{TODAY})',
        "=SUMPRODUCT(ISNUMBER(Pipeline[Next action due])*(Pipeline[Next action due]<"
        f'{TODAY})*(Pipeline[Status]="Active")*{_KNOWN_APPS}*{_KNOWN_ACTIONS})',
        f'=COUNTIFS(Offers[Decision flag],"{FLAG_OVERDUE}")',
        f'=COUNTIFS(Lessons[Flag],"{FLAG_OVERDUE}")',
        0,
    ]
    for c, f in enumerate(overdue, 2):
        _put(ws, r, c, f)
    ws.cell(r, 8, f"=SUM(B{r}:G{r})")
    for k in range(DAYS + 1):  # today and the DAYS days after it
        r = DEADLINE_TOP + 2 + k
        day = ws.cell(r, 1, f"={TODAY}+{k}")
        day.number_format, day.alignment = "ddd yyyy-mm-dd", st.LEFT
        a = f"$A{r}"
        cells = [
            f'=COUNTIFS(Interviews[Thank-you due],{a},Interviews[Thank-you flag],"<>Done")',
            f"=COUNTIFS(Pipeline[Follow-up due],{a})",
            f"={_on_day('Pipeline[Next action due]', a)}"
            f'*(Pipeline[Status]="Active")*{_KNOWN_APPS}*{_KNOWN_ACTIONS})',
            f'=COUNTIFS(Offers[Decision due],{a},Offers[Decision flag],"<>Done")',
            f'={_on_day("Lessons[Due]", a)}*(Lessons[Flag]<>"Done")*{_KNOWN_LESSONS})',
            f"={_on_day('Transition[Agreed start]', a)}*{_KNOWN_STARTS})"
            f'+SUMPRODUCT((Transition[Agreed start]="")*(Transition[Earliest start]={a})'
            f"*{_KNOWN_STARTS})",
        ]
        for c, f in enumerate(cells, 2):
            _put(ws, r, c, f)
        ws.cell(r, 8, f"=SUM(B{r}:G{r})").number_format = HIDE_ZERO
    last = DEADLINE_TOP + 2 + DAYS
    ws.conditional_formatting.add(
        f"B{DEADLINE_TOP + 1}:H{DEADLINE_TOP + 1}", st.positive_rule(st.POSITIVE_RED)
    )
    ws.conditional_formatting.add(
        f"B{DEADLINE_TOP + 2}:H{last}", st.positive_rule(st.POSITIVE_AMBER)
    )


# -- "Offers compared": in the order of `jobbook offers` ------------------------------------------
#
# The Offer years sheet ranks every offer (a hidden column there: the Offers row of rank k, found
# with exact number comparisons, ties by first-year total, then sheet order); rank k here reads
# that row, so the workbook ranks offers in one place.


def _offers_ranked(ws) -> None:
    for k in range(1, TOP_OFFERS + 1):
        r = OFFER_TOP + k
        row = f"'{OFFER_YEARS_SHEET}'!${YEARS_POS_COL}${YEARS_HEAD_ROW + k}"
        ws[f"A{r}"] = f'=IF({row}="","",{k})'  # a rank only where there is an offer
        ws[f"A{r}"].alignment = st.LEFT
        for col, head in (
            ("B", "Company"),
            ("C", "Average annual total"),
            ("D", "First-year total"),
        ):
            ws[f"{col}{r}"] = f'=IF({row}="","",INDEX(Offers[{head}],{row}))'
        for c in ("C", "D"):
            ws[f"{c}{r}"].number_format = MONEY_FORMAT

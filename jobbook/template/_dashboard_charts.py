"""The Dashboard's charts and the hidden columns they draw from (AK onwards).

The count charts draw from hidden copies of their tables whose cells hide zeros (ZERO_HIDDEN):
LibreOffice labels a point with its cell's format and ignores the labels' own `0;-0;;`, so an
empty bar would say "0" (and a "1" beside it would read "10"). The tables people read keep 0.

Honest charts (issue 20): the months chart starts at the first month with any activity; its rows
after this month are blank, so it draws columns (an empty place), not lines (LibreOffice draws a
line down to zero at a month whose label is blank, #N/A or not); the response rate by source names each source with its count
("Recruiter (1 of 1)") and draws sources of fewer than FEW applications apart, in grey, as a
second series; the offers charts name each offer ``Company (O02)``, since two offers can share a
company. The source chart draws the By source table's rows in order, every SPEC source and each
other place that holds applications, the empty places after them (no gap in the bars); its axis
labels every bar (``looks.charts.every_label``).
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter as openpyxl_col
from openpyxl.worksheet.formula import ArrayFormula

from .._rates import FEW, FEW_RATE, RATE
from ..looks.charts import (
    PALETTE,
    ZERO_HIDDEN,
    bar_chart,
    no_value_axis,
    paint,
    percent_axis,
    ref,
)
from ..schema import FUNNEL_STAGES, OFFER_YEARS_SHEET, SOURCES, STATUSES
from ._dashboard_sources import ROWS as SOURCE_ROWS
from ._years import HEAD_ROW as YEARS_HEAD_ROW
from ._years import POS_COL as YEARS_POS_COL

CHART_DATA_COL = 37  # AK: first hidden column of the charts' data
SOURCE_LABEL, SOURCE_RATE, SOURCE_FEW, OFFER_LABEL = "AN", "AO", "AP", "AQ"
# each row of the By source table as the chart names it, and the table row of each bar: the
# sources with applications (and every SPEC source) first, the empty places after them
ROW_LABEL, SOURCE_POS = "AR", "AS"
RATE_HIDDEN = "0.0%;-0.0%;;@"  # a rate's label, none on the series that leaves a source blank
BLUE, GREY = PALETTE[0], PALETTE[4]


def offer_label(company: str, ident: str) -> str:
    """``Company (O02)``, or the ID alone when the company is blank (as the report names offers)."""
    return f'IF({company}="",{ident},{company}&" ("&{ident}&")")'


def write_chart_data(ws, funnel_top: int, status_top: int, month_top: int, months: int,
                     source_top: int, offer_top: int, top_offers: int) -> None:  # fmt: skip
    """The hidden columns the charts draw: copies of the count tables (zeros hidden; months after
    this one #N/A), each source's label and its rate in one of two series, each offer's label."""
    copies = (  # (first row, last row, first column, last column) of each table the charts draw
        (funnel_top, funnel_top + len(FUNNEL_STAGES), 2, 3),
        (status_top, status_top + len(STATUSES), 2, 2),
        (month_top, month_top + months, 2, 4),
    )
    for top, bottom, c1, c2 in copies:
        for r in range(top, bottom + 1):
            for c in range(c1, c2 + 1):
                cell = ws.cell(r, CHART_DATA_COL + c - c1, f"={openpyxl_col(c)}{r}")
                cell.number_format = ZERO_HIDDEN
    ws[f"{SOURCE_RATE}{source_top}"] = RATE
    ws[f"{SOURCE_FEW}{source_top}"] = FEW_RATE
    first, last = source_top + 1, source_top + SOURCE_ROWS
    rows = f"$A${first}:$A${last}"
    drawn = f"(ROW({rows})<{first + len(SOURCES)})+ISNUMBER($B${first}:$B${last})*($B${first}:$B${last}>0)"
    for k in range(SOURCE_ROWS):
        r = first + k
        ws[f"{ROW_LABEL}{r}"] = f'=$A{r}&" ("&$C{r}&" of "&$B{r}&")"'
        pos = f"${SOURCE_POS}{r}"
        ws[pos[1:]] = ArrayFormula(
            pos[1:], f'=IFERROR(SMALL(IF(({drawn})>0,ROW({rows})),{k + 1}),"")'
        )
        at = f"{pos}-{first - 1}"
        ws[f"{SOURCE_LABEL}{r}"] = (
            f'=IF({pos}="","",INDEX(${ROW_LABEL}${first}:${ROW_LABEL}${last},{at}))'
        )
        n = f"N(INDEX($B${first}:$B${last},{at}))"
        rate = f"INDEX($D${first}:$D${last},{at})"
        ws[f"{SOURCE_RATE}{r}"] = f'=IF({pos}="",0,IF({n}>={FEW},{rate},0))'
        ws[f"{SOURCE_FEW}{r}"] = f'=IF({pos}="",0,IF(AND({n}>0,{n}<{FEW}),{rate},0))'
        for col in (SOURCE_RATE, SOURCE_FEW):
            ws[f"{col}{r}"].number_format = RATE_HIDDEN
    for k in range(1, top_offers + 1):
        r = offer_top + k
        ident = f"INDEX(Offers[ID],'{OFFER_YEARS_SHEET}'!${YEARS_POS_COL}${YEARS_HEAD_ROW + k})"
        ws[f"{OFFER_LABEL}{r}"] = f'=IF($B{r}="","",{offer_label(f"$B{r}", ident)})'
    last = CHART_DATA_COL + 2
    for c in range(CHART_DATA_COL, max(last, _index(SOURCE_POS)) + 1):
        ws.column_dimensions[openpyxl_col(c)].hidden = True


def _index(col: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(col)


def write_charts(ws, rows: tuple[int, ...], funnel_top: int, status_top: int, month_top: int,
                 months: int, source_top: int, offer_top: int, top_offers: int) -> None:  # fmt: skip
    copy = CHART_DATA_COL  # the copies' first column

    funnel = bar_chart("Funnel", horizontal=True)
    funnel.add_data(
        ref(ws, copy, funnel_top, copy + 1, funnel_top + len(FUNNEL_STAGES)),
        titles_from_data=True,
    )
    funnel.set_categories(ref(ws, 1, funnel_top + 1, 1, funnel_top + len(FUNNEL_STAGES)))
    no_value_axis(funnel)
    paint(funnel)
    funnel.visible_cells_only = False  # its data is in hidden columns
    ws.add_chart(funnel, f"J{rows[0]}")

    monthly = bar_chart("Applications, interviews and offers per month")
    monthly.add_data(ref(ws, copy, month_top, copy + 2, month_top + months), titles_from_data=True)
    monthly.set_categories(ref(ws, 1, month_top + 1, 1, month_top + months))
    monthly.x_axis.number_format = "yyyy-mm"
    no_value_axis(monthly)
    paint(monthly)
    monthly.legend.position = "b"
    monthly.visible_cells_only = False
    ws.add_chart(monthly, f"J{rows[1]}")

    status = bar_chart("Outcomes by status (all time)")
    status.add_data(
        ref(ws, copy, status_top, copy, status_top + len(STATUSES)), titles_from_data=True
    )
    status.set_categories(ref(ws, 1, status_top + 1, 1, status_top + len(STATUSES)))
    status.legend = None
    no_value_axis(status)
    paint(status)
    status.visible_cells_only = False
    ws.add_chart(status, f"J{rows[2]}")

    source = bar_chart(
        "Response rate by source", horizontal=True, num_format="0%;-0%;;", size=(11, 16)
    )
    source.overlap = 100  # the two series share each source's place: one bar each
    source.y_axis.number_format = "0%"  # the labels hide a 0 that is no bar; the axis shows 0%
    percent_axis(source)
    rate, few = _index(SOURCE_RATE), _index(SOURCE_FEW)
    source.add_data(ref(ws, rate, source_top, few, source_top + SOURCE_ROWS), titles_from_data=True)
    label = _index(SOURCE_LABEL)
    source.set_categories(ref(ws, label, source_top + 1, label, source_top + SOURCE_ROWS))
    paint(source, [BLUE, GREY])
    source.legend.position = "b"
    source.visible_cells_only = False
    ws.add_chart(source, f"J{rows[3]}")

    offers = bar_chart("Offers: average per year", num_format="#,##0")
    offers.add_data(ref(ws, 3, offer_top, 3, offer_top + top_offers), titles_from_data=True)
    label = _index(OFFER_LABEL)
    offers.set_categories(ref(ws, label, offer_top + 1, label, offer_top + top_offers))
    offers.legend = None
    paint(offers)
    offers.visible_cells_only = False
    ws.add_chart(offers, f"J{rows[4]}")

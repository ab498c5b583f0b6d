"""Offers over the years (docs/definitions.md § Year by year) in the template: the Vesting table on Settings, the
`Offer years` sheet (offers down in rank order, years across) and its chart on the Dashboard.

The rank order is built with formulas LibreOffice 7.4 computes (it has no SORT): a hidden column
gives each Offers row its rank (best Average annual total, ties: First-year total, then sheet
order, as ``rank_offers``), and each row of the sheet finds the offer of its rank with MATCH.
"""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table as XlTable
from openpyxl.worksheet.table import TableStyleInfo

from ..looks import style as st
from ..looks.charts import bar_chart, ref
from ..schema import (
    MONEY_FORMAT,
    OFFER_YEARS_SHEET,
    OFFERS,
    SHEET_ORDER,
    VESTING_SCHEDULES,
    VESTING_SCHEDULES_NAME,
    VESTING_TABLE,
    YEAR_TOTALS,
)

SETTINGS = "Settings"
VESTING_COL = 8  # column H, beside the Holidays table (E:F)
VESTING_ROWS = 10  # the pre-filled schedules and room for the user's own
HEAD_ROW = 4  # the header row of the Offer years sheet
YEAR_SHEET_COLUMNS = (
    "ID",
    "Company",
    *YEAR_TOTALS,
    "Average annual total",
    "After-tax year 1",
    "Cost-of-living adjusted average",
    "Clawback at risk",
)
RANK_COL, POS_COL = "Z", "AA"  # hidden helpers: rank of Offers row k; Offers row of rank k
LABEL_COL = "AB"  # hidden: each ranked offer as its chart names it, "Lumen Health (O02)"
CHART_OFFERS = 5  # offers drawn in the Dashboard chart
PRINTED_OFFERS = 20  # the best offers printed (the print area stays on one page)
CHART_ANCHOR = "J85"  # on the Dashboard, below the offers chart, beside "Offers compared"


def write_vesting(wb) -> None:
    """The Vesting table on Settings (H:L), pre-filled, with room for the user's own rows, and
    the defined name the Offers dropdown lists."""
    ws = wb[SETTINGS]
    c0 = VESTING_COL
    for j, col in enumerate(VESTING_TABLE.columns):
        cell = ws.cell(1, c0 + j, col.header)
        cell.comment = Comment(f"{col.header}: {col.note}", "jobbook", width=240, height=70)
        ws.column_dimensions[get_column_letter(c0 + j)].width = col.col_width
        for r in range(2, VESTING_ROWS + 2):
            if col.fmt:
                ws.cell(r, c0 + j).number_format = col.fmt
    for r, (name, shares) in enumerate(VESTING_SCHEDULES, 2):
        ws.cell(r, c0, name)
        for j, share in enumerate(shares, 1):
            ws.cell(r, c0 + j, share)
    last_col = get_column_letter(c0 + len(VESTING_TABLE.columns) - 1)
    area = f"{get_column_letter(c0)}1:{last_col}{VESTING_ROWS + 1}"
    xl = XlTable(displayName=VESTING_TABLE.name, name=VESTING_TABLE.name, ref=area)
    xl.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(xl)
    ws.column_dimensions[get_column_letter(c0 - 1)].width = 3
    for r, text in enumerate(
        (VESTING_TABLE.note, "Pick one in Offers' Vesting schedule; add yours in the empty rows."),
        VESTING_ROWS + 3,
    ):
        ws.cell(r, c0, text).font = st.SUBTITLE
    wb.defined_names[VESTING_SCHEDULES_NAME] = DefinedName(
        VESTING_SCHEDULES_NAME, attr_text=f"{VESTING_TABLE.name}[Schedule]"
    )


def _rank_formula(k: int) -> str:
    """The rank of the k-th Offers row among the offers with an Average annual total."""
    a = f"INDEX(Offers[Average annual total],{k})"
    f = f"INDEX(Offers[First-year total],{k})"
    has = "ISNUMBER(Offers[Average annual total])"
    same = f"{has}*(Offers[Average annual total]={a})"
    before = f"(ROW(Offers[ID])-MIN(ROW(Offers[ID]))+1<{k})"
    return (
        f"=IFERROR(IF(ISNUMBER({a}),1+SUMPRODUCT({has}*(Offers[Average annual total]>{a}))"
        f"+SUMPRODUCT({same}*(Offers[First-year total]>{f}))"
        f'+SUMPRODUCT({same}*(Offers[First-year total]={f})*{before}),""),"")'
    )


def write_offer_years(wb, rows: int) -> None:
    """The Offer years sheet for an Offers table of `rows` rows, placed after Offers."""
    ws = wb.create_sheet(OFFER_YEARS_SHEET, SHEET_ORDER.index(OFFER_YEARS_SHEET))
    ws["A1"] = "Offers year by year"
    ws["A1"].font = st.TITLE
    notes = (
        "Ranked as everywhere: best Average annual total first. Computed from the Offers sheet.",
        "Each year counts the equity vesting in it (Vesting schedule, else evenly over Vesting "
        "years) and refresh grants; year 1 adds the signing bonus and relocation.",
    )
    for r, text in enumerate(notes, 2):
        ws.cell(r, 1, text).font = st.SUBTITLE
    heads = ("Rank", *YEAR_SHEET_COLUMNS)
    for j, head in enumerate(heads, 1):
        cell = ws.cell(HEAD_ROW, j, head)
        cell.font, cell.fill = st.TABLE_HEAD, st.COMPUTED_HEAD_FILL
        cell.alignment = st.WRAP if j <= 3 else st.WRAP_RIGHT  # over left text, right numbers
        note = "The rank of the offer." if head == "Rank" else OFFERS[head].note
        cell.comment = Comment(f"{head}: {note}", "jobbook", width=260, height=90)
    first, last = HEAD_ROW + 1, HEAD_ROW + rows
    for k in range(1, rows + 1):
        r = HEAD_ROW + k
        ws[f"{RANK_COL}{r}"] = _rank_formula(k)
        ws[f"{POS_COL}{r}"] = f'=IFERROR(MATCH({k},${RANK_COL}${first}:${RANK_COL}${last},0),"")'
        pos = f"${POS_COL}{r}"
        ws[f"A{r}"] = f'=IF({pos}="","",{k})'
        # two offers can share a company (a second offer, another role): the chart names the ID
        ws[f"{LABEL_COL}{r}"] = f'=IF($B{r}="","",IF($C{r}="",$B{r},$C{r}&" ("&$B{r}&")"))'
        ws[f"A{r}"].alignment = st.LEFT
        for j, head in enumerate(YEAR_SHEET_COLUMNS, 2):
            money = OFFERS[head].kind == "money"
            value = f"INDEX(Offers[{head}],{pos})" if money else f'""&INDEX(Offers[{head}],{pos})'
            cell = ws.cell(r, j, f'=IF({pos}="","",{value})')
            if money:
                cell.number_format = MONEY_FORMAT
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = 9
    ws.column_dimensions["C"].width = 22
    for j in range(4, len(heads) + 1):
        ws.column_dimensions[get_column_letter(j)].width = 17
    for col in (RANK_COL, POS_COL, LABEL_COL):
        ws.column_dimensions[col].hidden = True
    ws.row_dimensions[HEAD_ROW].height = 30
    ws.freeze_panes = f"D{first}"
    printed = HEAD_ROW + min(rows, PRINTED_OFFERS)  # one page; blank rows would print blank pages
    ws.print_area = f"A1:{get_column_letter(len(heads))}{printed}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _dashboard_chart(wb, ws)


def _dashboard_chart(wb, ws) -> None:
    """The best offers' years as clustered columns on the Dashboard (one colour per year)."""
    chart = bar_chart("Offers year by year", num_format="#,##0", data_labels=False)
    top, bottom = HEAD_ROW, HEAD_ROW + CHART_OFFERS
    chart.add_data(ref(ws, 4, top, 3 + len(YEAR_TOTALS), bottom), titles_from_data=True)
    label = column_index_from_string(LABEL_COL)
    chart.set_categories(ref(ws, label, top + 1, label, bottom))  # "Lumen Health (O02)"
    chart.legend.position = "b"  # the plot keeps the chart's width
    chart.visible_cells_only = False  # its categories are in a hidden column
    wb["Dashboard"].add_chart(chart, CHART_ANCHOR)

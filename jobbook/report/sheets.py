"""The sheets of the report workbook: a writer of titled tables one under another (``Sheet``),
the Summary, the Charts (each chart of ``charts`` beside its table), How it moved and the Search
flow, and ``report_workbook`` that puts them together. The cohort report reuses the sheets.

Values, not formulas: a report is a snapshot. Text from the user's book is written as text.
"""

from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.drawing.spreadsheet_drawing import OneCellAnchor
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.utils.units import cm_to_EMU
from openpyxl.worksheet.pagebreak import Break

from .._rates import FEW_RATE, RATE
from ..looks import style as st
from ..looks.safe import set_text_cell
from ..schema import DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT
from . import charts
from .data import OFFERS_RANKED, UPCOMING, ReportData
from .moved import MOVED_NOTE, NO_HISTORY, caption, last_day
from .xlsx import (
    BESIDE,
    BLOCKS_PER_PAGE,
    LIST_LIMIT,
    ROW_CM,
    ROWS_PER_CHART,
    deadline_view,
    lessons_view,
    month_name,
    placeholder,
    practise_view,
    rate_format,
    weeks_heading,
)


def _value(v: object) -> object:
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if hasattr(v, "item") and not isinstance(v, str):
        return v.item()
    return v


class Sheet:
    """Writes blocks one under another."""

    def __init__(self, ws, row: int = 1):
        self.ws = ws
        self.row = row
        self.widths: dict[int, int] = {}  # column -> characters its headers and values need

    def _need(self, col: int, text: object, cap: int = 48) -> None:
        self.widths[col] = max(self.widths.get(col, 0), min(len(str(text)) + 2, cap))

    def fit_columns(self, minimum: int = 12, first: int | None = None) -> None:
        """Each column as wide as its longest header or value (within bounds), so nothing is cut."""
        for col, need in self.widths.items():
            width = first if (col == 1 and first) else max(minimum, need)
            self.ws.column_dimensions[get_column_letter(col)].width = width

    def title(self, text: str, sub: str | None = None) -> None:
        set_text_cell(self.ws.cell(self.row, 1), text).font = st.TITLE
        self.row += 1
        if sub:
            set_text_cell(self.ws.cell(self.row, 1), sub).font = st.SUBTITLE
            self.row += 1
        self.row += 1

    def table(
        self,
        heading: str,
        df: pd.DataFrame,
        formats: dict[str, str] | None = None,
        empty: str = "Nothing here.",
        limit: int | None = None,
    ) -> tuple[int, int]:
        """A section heading, a header row and the rows (the first `limit` of them, with a note of
        how many more); returns (header row, last row)."""
        ws, formats = self.ws, formats or {}
        more = len(df) - limit if limit is not None and len(df) > limit else 0
        if more:
            df = df.head(limit)
        width = max(len(df.columns), 1)
        set_text_cell(ws.cell(self.row, 1), heading).font = st.SECTION
        for c in range(1, width + 1):
            ws.cell(self.row, c).fill = st.SECTION_FILL
        self.row += 1
        head = self.row
        right = [_figures(df[name]) for name in df.columns]  # columns of numbers or dates
        for c, name in enumerate(df.columns, 1):
            cell = set_text_cell(ws.cell(head, c), str(name))
            cell.font, cell.fill = st.HEAD, st.HEAD_FILL
            cell.alignment = _alignment(right, c)
            self._need(c, name)
        self.row += 1
        if df.empty:
            set_text_cell(ws.cell(self.row, 1), empty).font = st.SUBTITLE
            self.row += 2
            return head, head
        for values in df.itertuples(index=False):
            for c, (name, v) in enumerate(zip(df.columns, values), 1):
                cell = ws.cell(self.row, c)
                set_text_cell(cell, _value(v))
                if isinstance(cell.value, str):
                    self._need(c, cell.value)
                elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    self._need(c, f"{cell.value:,.0f}")
                fmt = formats.get(name) or (
                    DATE_FORMAT if isinstance(cell.value, dt.date) else None
                )
                if fmt:
                    cell.number_format = fmt
                if not right[c - 1] and c > 1 and right[c - 2]:
                    cell.alignment = st.INDENT
            self.row += 1
        last = self.row - 1
        if more:
            ws.cell(
                self.row, 1, f"... and {more:,} more (see the workbook itself)"
            ).font = st.SUBTITLE
            self.row += 1
        self.row += 1
        return head, last


def beside(columns: int, row: int, chart) -> OneCellAnchor:
    """An anchor just right of a table of `columns` columns whose first row is `row`: a small gap
    after the table, whatever the width of the next column."""
    anchor = OneCellAnchor()
    anchor._from.col, anchor._from.row = columns, row - 1
    anchor._from.colOff = cm_to_EMU(0.4)
    anchor.ext.width, anchor.ext.height = cm_to_EMU(chart.width), cm_to_EMU(chart.height)
    return anchor


def _figures(values: pd.Series) -> bool:
    """A column of numbers or dates (right-aligned), not text."""
    seen = [v for v in values if _value(v) is not None]
    return bool(seen) and all(
        isinstance(v, int | float | dt.date) and not isinstance(v, bool) for v in map(_value, seen)
    )


def _alignment(right: list[bool], c: int) -> Alignment | None:
    """A header over figures stands right; text beside figures on its left is indented."""
    if right[c - 1]:
        return st.RIGHT
    return st.INDENT if c > 1 and right[c - 2] else None


def summary_sheet(wb: Workbook, r: ReportData, source: str) -> None:
    ws = wb.create_sheet("Summary")
    s = Sheet(ws)
    s.title(
        f"Job search report: {month_name(r.month)}",
        f"{r.title}  ·  as of {r.as_of.isoformat()}  ·  from {source}",
    )
    m, p = r.window.label, r.before.label  # "1–7 Dec 2026" against "1–7 Nov 2026" mid-month
    summary = r.summary.rename(columns={"This month": m, "Previous month": p})
    head, last = s.table("The month at a glance", summary.drop(columns=["Kind"]))
    note = ws.cell(last + 1, 1, r.summary_note)
    note.font, note.alignment = st.SUBTITLE, st.WRAP
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=5)
    s.row = last + 3
    for k, (figure, kind) in enumerate(zip(r.summary["Figure"], r.summary["Kind"]), head + 1):
        for col, scope in ((2, "This month"), (3, "Previous month"), (5, "All time")):
            ws.cell(k, col).number_format = (
                rate_format(r.rate_counts.at[figure, scope])
                if kind == "rate"
                else ("0.0" if kind == "days" else "0")
            )
        change = ws.cell(k, 4)
        change.alignment = ws.cell(head, 4).alignment = st.RIGHT
        better, worse = (
            (st.DOWN, st.UP) if kind == "days" else (st.UP, st.DOWN)
        )  # slower replies are worse
        if str(change.value).startswith("▲"):
            change.font = better
        elif str(change.value).startswith("▼"):
            change.font = worse
    lists = (
        (f"Overdue ({len(r.overdue)})", deadline_view(r.overdue), "Nothing overdue."),
        (f"{UPCOMING} ({len(r.upcoming)})", deadline_view(r.upcoming), "Nothing due."),
        (f"Open lesson actions ({len(r.lessons)})", lessons_view(r.lessons), "No open actions."),
        (
            f"Questions to practise ({len(r.practise)})",
            practise_view(r.practise),
            "No questions to practise.",
        ),
    )
    for heading, df, empty in lists:
        s.table(heading, df, empty=empty, limit=LIST_LIMIT)
    s.fit_columns(minimum=13, first=46)
    # the note wraps within the table's five columns (a long line would be cut in print)
    width = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, 6))
    ws.row_dimensions[last + 1].height = 14 * math.ceil(len(r.summary_note) * 1.1 / width)
    ws.freeze_panes = "A4"
    print_setup(ws)


def charts_sheet(wb: Workbook, r: ReportData) -> None:
    """Each chart beside the table it is drawn from (or under a wide table), three to a page."""
    ws = wb.create_sheet("Charts")
    s = Sheet(ws)
    s.title(f"Charts: {month_name(r.month)}", "Each chart is drawn from the table beside it.")
    money = {c: MONEY_FORMAT for c in r.offers.columns if c != "Offer"}
    blocks = [
        (weeks_heading(r), placeholder(r.per_week, "No week yet"), charts.weeks, None),
        ("Funnel: applications that reached each stage", r.funnel, charts.funnel, None),
        ("Outcomes by status", r.status, charts.status, None),
        (
            "Response rate by source (all time): responses of applications",
            r.sources,
            charts.sources,
            {RATE: PERCENT_FORMAT, FEW_RATE: PERCENT_FORMAT},
        ),
        ("Applications, interviews and offers per month", r.trend, charts.trend, None),
        (
            f"Offers compared ({OFFERS_RANKED}): parts of the first-year total",
            placeholder(r.offers, "No offers yet"),
            charts.offers,
            money,
        ),
        (
            "Offers year by year: equity as it vests, after tax, cost of living, clawback",
            placeholder(r.offer_years, "No offers yet"),
            charts.years,
            {c: MONEY_FORMAT for c in r.offer_years.columns if c != "Offer"},
        ),
        (
            "Interview self-ratings by round",
            placeholder(r.ratings, "No rated interviews yet"),
            charts.ratings,
            {"Average self-rating": "0.0"},
        ),
        (
            "Thank-you notes (sent within the ThankYouDays business days)",
            r.thank_you,
            charts.thanks,
            None,
        ),
    ]
    for n, (heading, df, build, formats) in enumerate(blocks, 1):
        top = s.row
        head, last = s.table(heading, df, formats)
        chart = build(ws, head, last, df)
        rows = max(ROWS_PER_CHART, math.ceil(chart.height / ROW_CM) + 2)  # a tall one: its rows
        if len(df.columns) <= BESIDE:
            ws.add_chart(chart, beside(len(df.columns), top, chart))
            s.row = max(s.row, top + rows)
        else:
            ws.add_chart(chart, f"A{s.row}")
            s.row += rows
        if n % BLOCKS_PER_PAGE == 0:  # never let a printed page cut a chart in two
            ws.row_breaks.append(Break(id=s.row - 1))
    s.fit_columns(minimum=12, first=26)
    print_setup(ws)


def flow_sheet(wb: Workbook, r: ReportData, sankey: bytes | None = None) -> None:
    """The Sankey picture (`sankey`, a PNG of ``r.flows``; drawn here when not given) and its
    table."""
    ws = wb.create_sheet("Search flow")
    s = Sheet(ws)
    s.title("The whole search", "Every application, from the stage it reached to how it ended.")
    if sankey is None:
        from .sankey import sankey_png  # matplotlib: loaded only to draw

        png = io.BytesIO()
        sankey_png(r.flows, png)
        sankey = png.getvalue()
    img = Image(io.BytesIO(sankey))
    img.width, img.height = 900, 468
    ws.add_image(img, f"A{s.row}")
    s.row += 25
    s.table("Applications by furthest stage and outcome", r.flows)
    s.fit_columns(minimum=14)
    print_setup(ws)


def moved_sheet(wb: Workbook, r: ReportData, timeline: bytes | None = None) -> None:
    """How applications moved (History): the time in each stage, the timeline (`timeline`, its
    PNG; drawn here when not given), its days."""
    if r.timeline is None:
        return  # a cohort's books each keep their own History
    ws = wb.create_sheet("How it moved")
    s = Sheet(ws)
    s.title("How applications moved", MOVED_NOTE)
    s.table("Time in each stage (days)", r.time_in_stage, empty=NO_HISTORY)
    if timeline is None:
        from .timeline import timeline_png  # matplotlib: loaded only to draw

        png = io.BytesIO()
        timeline_png(r.timeline, last_day(r), png)
        timeline = png.getvalue()
    img = Image(io.BytesIO(timeline))
    img.width, img.height = 880, int(880 * (2.2 + 0.22 * max(len(r.timeline), 4)) / 11)
    set_text_cell(ws.cell(s.row, 1), caption(r.timeline)).font = st.SUBTITLE
    ws.add_image(img, f"A{s.row + 1}")
    s.row += int(img.height / 20) + 3
    s.table("Each application: the day it entered each stage", r.timeline, empty=NO_HISTORY)
    s.fit_columns(minimum=12)
    print_setup(ws)


def print_setup(ws) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def report_workbook(
    r: ReportData, source: str, sankey: bytes | None = None, timeline: bytes | None = None
) -> Workbook:
    """The report workbook; `sankey`, `timeline`: its pictures if already drawn (``_drawing``)."""
    wb = Workbook()
    wb.remove(wb.active)
    summary_sheet(wb, r, source)
    charts_sheet(wb, r)
    moved_sheet(wb, r, timeline)
    flow_sheet(wb, r, sankey)
    wb.properties.creator = "jobbook"
    wb.properties.title = f"Job search report {r.month}"
    return wb

"""The monthly report as a workbook: a Summary, native charts fed by small tables, and the Sankey.

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

from .._charts import (
    PALETTE,
    bar_chart,
    category_height,
    count_axis,
    labels,
    line_chart,
    paint,
    percent_axis,
    ref,
    straight_lines,
    unlabel_blanks,
    unlabel_zeros,
)
from .._rates import FEW_RATE, RATE
from .._safe import set_text_cell
from ..core.deadlines import KIND_LABELS
from ..schema import DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, YEAR_TOTALS
from ..template import _style as st
from .data import OFFERS_RANKED, THANK_YOU_STATES, UPCOMING, ReportData
from .moved import MOVED_NOTE, NO_HISTORY, caption, last_day

ROWS_PER_CHART = 17
ROW_CM = 0.53  # a row of the default height (15 points), in cm
BLOCKS_PER_PAGE = 3
BESIDE = 6  # a chart stands beside a table of up to this many columns, else below it
LIST_LIMIT = 100  # rows of a list in the report; the rest is counted
BLUE, AMBER, GREEN, RED, GREY, _, LIGHT_BLUE = PALETTE
THANK_YOU_COLOURS = dict(zip(THANK_YOU_STATES, (GREEN, AMBER, LIGHT_BLUE, RED, GREY)))


def month_name(p: pd.Period) -> str:
    return p.start_time.strftime("%B %Y")


def rate_format(counts: str) -> str:
    """A rate's number format with its count as literal text: 0.2 shows ``20.0% (1 of 5)`` and
    the cell stays a number."""
    return f'{PERCENT_FORMAT}" {counts}"' if counts else PERCENT_FORMAT


def weeks_heading(r: ReportData) -> str:
    """``Applications per week of December 2026 (to 7 December)`` while the month runs."""
    to = f" (to {r.as_of.day} {r.as_of:%B})" if r.window.partial else ""
    return f"Applications per week of {month_name(r.month)}{to}"


def _value(v: object) -> object:
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if hasattr(v, "item") and not isinstance(v, str):
        return v.item()
    return v


def placeholder(df: pd.DataFrame, label: str) -> pd.DataFrame:
    """An empty chart table gets one labelled row, so that its chart still shows (empty)."""
    if not df.empty:
        return df
    return pd.DataFrame([[label, *([None] * (len(df.columns) - 1))]], columns=df.columns)


def deadline_view(df: pd.DataFrame) -> pd.DataFrame:
    """Deadlines with the company first (the widest column), readable headers and each kind in
    words (`Next action`, as on the Dashboard; --json keeps the tokens)."""
    cols = ["person", "company", "due", "flag", "kind", "id", "sheet"]
    out = df[[c for c in cols if c in df.columns]]
    out = out.assign(kind=out["kind"].map(KIND_LABELS).fillna(out["kind"]))
    return out.rename(columns={c: c.capitalize() for c in cols} | {"id": "ID"})


def lessons_view(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["Person", "Action", "Due", "Flag", "Company", "Action type", "Application ID"]
    return df[[c for c in cols if c in df.columns]]


def practise_view(df: pd.DataFrame) -> pd.DataFrame:
    cols = [
        "Person",
        "Question",
        "Self-rating",
        "Times practiced",
        "Last practiced",
        "Category",
        "ID",
    ]
    return df[[c for c in cols if c in df.columns]]


class _Sheet:
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


def _summary_sheet(wb: Workbook, r: ReportData, source: str) -> None:
    ws = wb.create_sheet("Summary")
    s = _Sheet(ws)
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
    s.table(
        f"Overdue ({len(r.overdue)})",
        deadline_view(r.overdue),
        empty="Nothing overdue.",
        limit=LIST_LIMIT,
    )
    s.table(
        f"{UPCOMING} ({len(r.upcoming)})",
        deadline_view(r.upcoming),
        empty="Nothing due.",
        limit=LIST_LIMIT,
    )
    s.table(
        f"Open lesson actions ({len(r.lessons)})",
        lessons_view(r.lessons),
        empty="No open actions.",
        limit=LIST_LIMIT,
    )
    s.table(
        f"Questions to practise ({len(r.practise)})",
        practise_view(r.practise),
        empty="No questions to practise.",
        limit=LIST_LIMIT,
    )
    s.fit_columns(minimum=13, first=46)
    # the note wraps within the table's five columns (a long line would be cut in print)
    width = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, 6))
    ws.row_dimensions[last + 1].height = 14 * math.ceil(len(r.summary_note) * 1.1 / width)
    ws.freeze_panes = "A4"
    _print_setup(ws)


def _charts_sheet(wb: Workbook, r: ReportData) -> None:
    ws = wb.create_sheet("Charts")
    s = _Sheet(ws)
    s.title(f"Charts: {month_name(r.month)}", "Each chart is drawn from the table beside it.")
    blocks = []

    def block(heading, df, build, formats=None) -> None:
        """The table, and its chart right beside it (or under a wide table)."""
        top = s.row
        head, last = s.table(heading, df, formats)
        chart = build(head, last, df)
        rows = max(ROWS_PER_CHART, math.ceil(chart.height / ROW_CM) + 2)  # a tall one: its rows
        if len(df.columns) <= BESIDE:
            ws.add_chart(chart, beside(len(df.columns), top, chart))
            s.row = max(s.row, top + rows)
        else:
            ws.add_chart(chart, f"A{s.row}")
            s.row += rows
        blocks.append(top)
        if len(blocks) % BLOCKS_PER_PAGE == 0:  # never let a printed page cut a chart in two
            ws.row_breaks.append(Break(id=s.row - 1))

    def counts(ch, df, columns, stacked=False):
        """Whole-number steps on the count axis; no label on a zero point."""
        values = df[columns].apply(pd.to_numeric, errors="coerce").fillna(0)
        top = values.sum(axis=1).max() if stacked else values.max().max()
        count_axis(ch, 0 if pd.isna(top) else top)
        unlabel_zeros(ch, [list(values[c]) for c in columns])

    def weeks(head, last, df):
        ch = bar_chart("Applications per week")
        ch.add_data(ref(ws, 2, head, 2, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        ch.legend = None
        counts(ch, df, ["Applications"])
        paint(ch)
        return ch

    def funnel(head, last, df):
        ch = bar_chart("Funnel", horizontal=True)
        ch.add_data(ref(ws, 2, head, 3, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        counts(ch, df, ["All time", "This month"])
        paint(ch)
        return ch

    def status(head, last, df):
        ch = bar_chart("Outcomes by status")
        ch.add_data(ref(ws, 2, head, 3, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        counts(ch, df, ["All time", "This month"])
        paint(ch)
        return ch

    def sources(head, last, df):
        """Each source named with its count; a source of fewer than FEW applications in grey,
        its own series (one bar per source: the other series is blank there)."""
        ch = bar_chart(
            "Response rate by source (all time)",
            horizontal=True,
            num_format="0%",
            # room for "Company site (3 of 11)" beside the bars, and for every source's label
            # one under the other (LibreOffice hides every other one when they crowd, whatever
            # tickLblSkip says)
            size=(category_height(len(df)), 19),
        )
        ch.overlap = 100  # the two series share each category's place: one bar each
        percent_axis(ch)
        ch.add_data(ref(ws, 4, head, 5, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        unlabel_blanks(ch, [list(df[RATE]), list(df[FEW_RATE])])
        paint(ch, [BLUE, GREY])
        ch.legend.position = "b"
        return ch

    def trend(head, last, df):
        ch = line_chart("Month by month")
        ch.add_data(ref(ws, 2, head, 4, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        straight_lines(ch)
        counts(ch, df, ["Applications", "Interviews", "Offers"])
        ch.legend.position = "b"
        return ch

    def offers(head, last, df):
        ch = bar_chart(
            "Offers, ranked: first-year parts",
            stacked=True,
            num_format="#,##0",
            data_labels=False,
        )
        ch.add_data(ref(ws, 2, head, 8, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        paint(ch)
        return ch

    def years(head, last, df):
        ch = bar_chart("Offers year by year", num_format="#,##0", data_labels=False)
        ch.add_data(ref(ws, 2, head, 1 + len(YEAR_TOTALS), last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        paint(ch)
        return ch

    def ratings(head, last, df):
        ch = bar_chart("Self-rating by round", num_format="0.0")
        ch.add_data(ref(ws, 3, head, 3, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        ch.y_axis.scaling.min = 0
        ch.y_axis.scaling.max = 5
        ch.y_axis.majorUnit = 1
        ch.legend = None
        paint(ch)
        return ch

    def thanks(head, last, df):
        ch = bar_chart("Thank-you notes", horizontal=True, stacked=True)
        ch.dataLabels = labels("0;-0;;")
        ch.add_data(ref(ws, 2, head, 6, last), titles_from_data=True)
        ch.set_categories(ref(ws, 1, head + 1, 1, last))
        counts(ch, df, list(THANK_YOU_STATES), stacked=True)  # no label on an empty part
        paint(ch, [THANK_YOU_COLOURS[state] for state in THANK_YOU_STATES])
        ch.legend.position = "b"
        return ch

    block(weeks_heading(r), placeholder(r.per_week, "No week yet"), weeks)
    block("Funnel: applications that reached each stage", r.funnel, funnel)
    block("Outcomes by status", r.status, status)
    block(
        "Response rate by source (all time): responses of applications",
        r.sources,
        sources,
        {RATE: PERCENT_FORMAT, FEW_RATE: PERCENT_FORMAT},
    )
    block("Applications, interviews and offers per month", r.trend, trend)
    money = {c: MONEY_FORMAT for c in r.offers.columns if c != "Offer"}
    block(
        f"Offers compared ({OFFERS_RANKED}): parts of the first-year total",
        placeholder(r.offers, "No offers yet"),
        offers,
        money,
    )
    block(
        "Offers year by year: equity as it vests, after tax, cost of living, clawback",
        placeholder(r.offer_years, "No offers yet"),
        years,
        {c: MONEY_FORMAT for c in r.offer_years.columns if c != "Offer"},
    )
    block(
        "Interview self-ratings by round",
        placeholder(r.ratings, "No rated interviews yet"),
        ratings,
        {"Average self-rating": "0.0"},
    )
    block("Thank-you notes (sent within the ThankYouDays business days)", r.thank_you, thanks)
    s.fit_columns(minimum=12, first=26)
    _print_setup(ws)


def _flow_sheet(wb: Workbook, r: ReportData, sankey: bytes | None = None) -> None:
    """The Sankey picture (`sankey`, a PNG of ``r.flows``; drawn here when not given) and its
    table."""
    ws = wb.create_sheet("Search flow")
    s = _Sheet(ws)
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
    _print_setup(ws)


def _moved_sheet(wb: Workbook, r: ReportData, timeline: bytes | None = None) -> None:
    """How applications moved (History): the time in each stage, the timeline (`timeline`, its
    PNG; drawn here when not given), its days."""
    if r.timeline is None:
        return  # a cohort's books each keep their own History
    ws = wb.create_sheet("How it moved")
    s = _Sheet(ws)
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
    _print_setup(ws)


def _print_setup(ws) -> None:
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
    _summary_sheet(wb, r, source)
    _charts_sheet(wb, r)
    _moved_sheet(wb, r, timeline)
    _flow_sheet(wb, r, sankey)
    wb.properties.creator = "jobbook"
    wb.properties.title = f"Job search report {r.month}"
    return wb

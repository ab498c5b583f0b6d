"""The report's native charts, one function per chart. Each takes the sheet, the header row and
the last row of the table it is drawn from (the table stands in columns A onwards) and that table,
and returns the chart; ``sheets.charts_sheet`` places each beside its table."""

from __future__ import annotations

import pandas as pd

from .._rates import FEW_RATE, RATE
from ..looks.charts import (
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
from ..schema import YEAR_TOTALS
from .data import THANK_YOU_STATES
from .xlsx import BLUE, GREY, THANK_YOU_COLOURS


def counts(ch, df, columns, stacked=False):
    """Whole-number steps on the count axis; no label on a zero point."""
    values = df[columns].apply(pd.to_numeric, errors="coerce").fillna(0)
    top = values.sum(axis=1).max() if stacked else values.max().max()
    count_axis(ch, 0 if pd.isna(top) else top)
    unlabel_zeros(ch, [list(values[c]) for c in columns])


def weeks(ws, head, last, df):
    ch = bar_chart("Applications per week")
    ch.add_data(ref(ws, 2, head, 2, last), titles_from_data=True)
    ch.set_categories(ref(ws, 1, head + 1, 1, last))
    ch.legend = None
    counts(ch, df, ["Applications"])
    paint(ch)
    return ch


def _this_month_and_all_time(ws, head, last, df, title: str, horizontal: bool = False):
    ch = bar_chart(title, horizontal=horizontal)
    ch.add_data(ref(ws, 2, head, 3, last), titles_from_data=True)
    ch.set_categories(ref(ws, 1, head + 1, 1, last))
    counts(ch, df, ["All time", "This month"])
    paint(ch)
    return ch


def funnel(ws, head, last, df):
    return _this_month_and_all_time(ws, head, last, df, "Funnel", horizontal=True)


def status(ws, head, last, df):
    return _this_month_and_all_time(ws, head, last, df, "Outcomes by status")


def sources(ws, head, last, df):
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


def trend(ws, head, last, df):
    ch = line_chart("Month by month")
    ch.add_data(ref(ws, 2, head, 4, last), titles_from_data=True)
    ch.set_categories(ref(ws, 1, head + 1, 1, last))
    straight_lines(ch)
    counts(ch, df, ["Applications", "Interviews", "Offers"])
    ch.legend.position = "b"
    return ch


def offers(ws, head, last, df):
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


def years(ws, head, last, df):
    ch = bar_chart("Offers year by year", num_format="#,##0", data_labels=False)
    ch.add_data(ref(ws, 2, head, 1 + len(YEAR_TOTALS), last), titles_from_data=True)
    ch.set_categories(ref(ws, 1, head + 1, 1, last))
    paint(ch)
    return ch


def ratings(ws, head, last, df):
    ch = bar_chart("Self-rating by round", num_format="0.0")
    ch.add_data(ref(ws, 3, head, 3, last), titles_from_data=True)
    ch.set_categories(ref(ws, 1, head + 1, 1, last))
    ch.y_axis.scaling.min = 0
    ch.y_axis.scaling.max = 5
    ch.y_axis.majorUnit = 1
    ch.legend = None
    paint(ch)
    return ch


def thanks(ws, head, last, df):
    ch = bar_chart("Thank-you notes", horizontal=True, stacked=True)
    ch.dataLabels = labels("0;-0;;")
    ch.add_data(ref(ws, 2, head, 6, last), titles_from_data=True)
    ch.set_categories(ref(ws, 1, head + 1, 1, last))
    counts(ch, df, list(THANK_YOU_STATES), stacked=True)  # no label on an empty part
    paint(ch, [THANK_YOU_COLOURS[state] for state in THANK_YOU_STATES])
    ch.legend.position = "b"
    return ch

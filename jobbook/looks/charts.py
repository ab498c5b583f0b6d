"""Native Excel charts with openpyxl, set up so that Excel and LibreOffice draw them the same.

LibreOffice draws openpyxl's defaults wrongly in several ways: line charts come out smoothed; data
labels show everything (value, series and category names) unless every flag is set explicitly; and
it ignores a label's own number format (``0;-0;;``), so a zero point shows "0" unless its label is
deleted point by point (``unlabel_zeros``) or its cell's own format hides zeros (LibreOffice labels
with the source cell's format). Count axes get whole-number steps (``count_axis``), else
LibreOffice ticks 0, 0.5, 1, 1.5.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.label import DataLabel, DataLabelList
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.descriptors.nested import NestedBool

# series colours, in order: the workbook's charts and the PDF's draw with the same ones
PALETTE = ("2F5597", "E9A23B", "4E9A4E", "C0504D", "A6A6A6", "8064A2", "5B9BD5")
ZERO_HIDDEN = "0;-0;;@"  # a cell format that LibreOffice's labels follow: no "0" label


class _DeletedLabel(DataLabel):
    """``<c:dLbl><c:idx val="i"/><c:delete val="1"/></c:dLbl>``: no label on point i (openpyxl's
    DataLabel has no ``delete``)."""

    tagname = "dLbl"
    delete = NestedBool(allow_none=True)
    __elements__ = ("idx", "delete")
    __nested__ = (*DataLabel.__nested__, "delete")

    def __init__(self, idx: int = 0, delete: bool | None = True, **kw):
        super().__init__(idx=idx, **kw)
        self.delete = delete


def labels(num_format: str | None = None) -> DataLabelList:
    """Values only, every other flag set off explicitly."""
    dl = DataLabelList(
        showVal=True,
        showSerName=False,
        showCatName=False,
        showLegendKey=False,
        showPercent=False,
        showLeaderLines=False,
    )
    if num_format:
        dl.numFmt = num_format
    return dl


def _visible_axes(chart) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    every_label(chart)


def every_label(chart) -> None:
    """Every category labelled (``tickLblSkip`` 1): left to itself, LibreOffice hides every other
    label of a category axis once the labels crowd (ten sources in a bar chart)."""
    chart.x_axis.tickLblSkip = 1
    chart.x_axis.tickMarkSkip = 1


def category_height(categories: int, least: float = 7.2) -> float:
    """The height (cm) of a horizontal bar chart that labels each of `categories` one under the
    other: title, axis and legend, then half a centimetre a label (LibreOffice drops every other
    label that does not fit)."""
    return max(least, 3.5 + 0.5 * categories)


def bar_chart(
    title: str,
    *,
    horizontal: bool = False,
    stacked: bool = False,
    num_format: str | None = None,
    size: tuple[float, float] = (7.2, 16),
    data_labels: bool = True,
) -> BarChart:
    ch = BarChart()
    ch.type = "bar" if horizontal else "col"
    ch.title = title
    ch.style = 10
    ch.height, ch.width = size
    if stacked:
        ch.grouping = "stacked"
        ch.overlap = 100
    if data_labels:
        ch.dataLabels = labels(num_format or "0;-0;;")  # Excel: no "0" label on an empty bar
    if horizontal:
        ch.x_axis.scaling.orientation = "maxMin"  # first category at the top
    if num_format:
        ch.y_axis.number_format = num_format
    ch.y_axis.majorGridlines = None
    _visible_axes(ch)
    return ch


def percent_axis(chart) -> None:
    """A rate axis from 0% to 100% (not 120%, nor 0-1200% on an empty sheet)."""
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1


def whole_step(top: float, ticks: int = 8) -> int:
    """The smallest of 1, 2, 5, 10, 20, 25, 50, 100, ... that gives at most `ticks` steps to `top`."""
    top = max(float(top or 0), 1.0)
    scale = 1
    while True:
        for m in (1, 2, 5) if scale < 10 else (1, 2, 2.5, 5):
            step = int(m * scale)
            if top / step <= ticks:
                return step
        scale *= 10


def count_axis(chart, top: float) -> None:
    """A count axis from 0 in whole-number steps (never 0.5), for values up to `top`."""
    step = whole_step(top)
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = step * max(1, math.ceil(max(float(top or 0), 1.0) / step))
    chart.y_axis.majorUnit = step
    chart.y_axis.number_format = "0"


def no_value_axis(chart) -> None:
    """No value axis (the data labels give the values): for counts whose size is unknown when
    the chart is made, where an axis would tick 0.5 on a small count."""
    chart.y_axis.delete = True
    chart.y_axis.majorGridlines = None


def _is_zero(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v == 0


def unlabel_zeros(chart, values: Sequence[Sequence[object]]) -> None:
    """Delete the data label of every zero or blank point (one list of values per series), so
    that an empty bar carries no "0" - LibreOffice ignores the labels' ``0;-0;;`` format."""
    base = chart.dataLabels
    if base is None:
        return
    for series, vals in zip(chart.series, values):
        zeros = [i for i, v in enumerate(vals) if _is_zero(v)]
        if zeros:
            dl = labels(base.numFmt)
            dl.dLbl = [_DeletedLabel(idx=i) for i in zeros]
            series.dLbls = dl


def unlabel_blanks(chart, values: Sequence[Sequence[object]]) -> None:
    """Delete the data label of every blank point (one list of values per series): a series
    that leaves a category to another one says nothing there; a true 0 keeps its label."""
    base = chart.dataLabels
    if base is None:
        return
    for series, vals in zip(chart.series, values):
        blanks = [
            i for i, v in enumerate(vals) if v is None or (isinstance(v, float) and math.isnan(v))
        ]
        if blanks:
            dl = labels(base.numFmt)
            dl.dLbl = [_DeletedLabel(idx=i) for i in blanks]
            series.dLbls = dl


def paint(chart, colours: Sequence[str] = PALETTE) -> None:
    """After adding data: each series in its colour (bars filled, lines and markers drawn)."""
    for k, s in enumerate(chart.series):
        colour = colours[k % len(colours)]
        if isinstance(chart, LineChart):
            s.graphicalProperties.line.solidFill = colour
            s.graphicalProperties.line.width = 28575  # 2.25 pt
            s.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
            s.marker.graphicalProperties.line.solidFill = colour
        else:
            s.graphicalProperties = GraphicalProperties(solidFill=colour)
            s.graphicalProperties.line.solidFill = colour


def line_chart(
    title: str, *, size: tuple[float, float] = (7.2, 16), category_format: str | None = None
) -> LineChart:
    ch = LineChart()
    ch.title = title
    ch.style = 12
    ch.height, ch.width = size
    ch.dataLabels = labels("0;-0;;")  # Excel: no "0" on every empty month
    if category_format:
        ch.x_axis.number_format = category_format
    _visible_axes(ch)
    return ch


def straight_lines(chart: LineChart) -> None:
    """After adding data: no smoothing, round markers, each line in its own colour."""
    for s in chart.series:
        s.smooth = False
        s.marker.symbol = "circle"
    paint(chart)


def ref(ws, c1: int, r1: int, c2: int, r2: int) -> Reference:
    return Reference(ws, min_col=c1, min_row=r1, max_col=c2, max_row=r2)

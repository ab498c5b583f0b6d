"""Native Excel charts with openpyxl, set up so that Excel and LibreOffice draw them the same.

LibreOffice draws openpyxl's defaults wrongly in two ways: line charts come out smoothed, and data
labels show everything (value, series and category names) unless every flag is set explicitly.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.label import DataLabelList


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
        ch.dataLabels = labels(num_format or "0;-0;;")  # counts: no "0" label on an empty bar
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


def line_chart(
    title: str, *, size: tuple[float, float] = (7.2, 16), category_format: str | None = None
) -> LineChart:
    ch = LineChart()
    ch.title = title
    ch.style = 12
    ch.height, ch.width = size
    ch.dataLabels = labels("0;-0;;")  # counts: no "0" on every empty month
    if category_format:
        ch.x_axis.number_format = category_format
    _visible_axes(ch)
    return ch


def straight_lines(chart: LineChart) -> None:
    """After adding data: no smoothing, round markers."""
    for s in chart.series:
        s.smooth = False
        s.marker.symbol = "circle"


def ref(ws, c1: int, r1: int, c2: int, r2: int) -> Reference:
    return Reference(ws, min_col=c1, min_row=r1, max_col=c2, max_row=r2)

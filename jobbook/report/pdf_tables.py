"""The PDF report's pages of tables: tables one under another, each given the height its rows take,
flowing on to the next page (its heading marked "continued") rather than stopping half-way down a
page with an "... and N more".

A table row is 15 points high whatever the text size (matplotlib sizes table rows by its default
10-point font, times 1.2, scaled 1.25 here), so what fits on a page is known before drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .data import ReportData  # noqa: E402
from .xlsx import LIST_LIMIT, month_name  # noqa: E402

A4 = (11.69, 8.27)
PAGE_POINTS = A4[1] * 72
ROW_POINTS = 15.0  # a table row: matplotlib's 10-point cell height (x 1.2), scaled 1.25
HEADING_POINTS = 26.0  # a table's heading, above its first row
GAP_POINTS = 14.0  # after a table
NOTE_POINTS = 14.0  # "... and N more in the report workbook"
TOP, BOTTOM = 0.875, 0.04  # where tables go on a page (fractions of its height)
MIN_ROWS = 3  # a table starts on the next page rather than with fewer rows at the foot of one
TEXT_LIMIT = 70  # characters of a table cell; longer text ends in an ellipsis


def page(title: str, r: ReportData) -> Figure:
    """An A4 landscape page with its title and the report's subtitle."""
    fig = Figure(figsize=A4)
    fig.text(0.04, 0.95, title, fontsize=18, fontweight="bold", color="#1F3864")
    fig.text(
        0.04,
        0.915,
        f"{r.title}  ·  {month_name(r.month)}  ·  as of {r.as_of.isoformat()}",
        fontsize=10,
        color="#808080",
    )
    return fig


def cell_text(v: object, kind: str | None = None) -> str:
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return ""
    if kind == "rate":
        return f"{v * 100:.1f}%"
    if kind == "days":
        return f"{v:.1f}"
    if isinstance(v, float):
        return f"{v:,.0f}" if abs(v) >= 100 else f"{v:g}"
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    return str(v)


def _fit(text: str, limit: int = TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def table_height(rows: int, more: bool = False) -> float:
    """Points a table of `rows` rows takes below its heading (header row, rows, note)."""
    return ROW_POINTS * (max(rows, 0) + 1) + (NOTE_POINTS if more else 0)


def draw_table(
    fig: Figure,
    left: float,
    top: float,
    width: float,
    heading: str,
    df: pd.DataFrame,
    kinds=None,
    empty="Nothing here.",
    more: int = 0,
) -> float:
    """Draw `heading` and every row of `df` with its top at `top` (a fraction of the page's height);
    `more`: rows left out, said in a note. Returns where the table ends."""
    height = (table_height(len(df) or 1, bool(more)) - (NOTE_POINTS if more else 0)) / PAGE_POINTS
    ax = fig.add_axes((left, top - HEADING_POINTS / PAGE_POINTS - height, width, height))
    ax.set_axis_off()
    ax.set_title(heading, loc="left", fontsize=12, fontweight="bold")
    bottom = top - HEADING_POINTS / PAGE_POINTS - height
    if df.empty:
        ax.text(0, 1, empty, fontsize=10, color="#808080", va="top")
        return bottom
    text = []
    for i, row in enumerate(df.itertuples(index=False)):
        kind = kinds[i] if kinds is not None else None
        text.append([_fit(cell_text(v, kind if isinstance(v, float) else None)) for v in row])
    heads = [str(c) for c in df.columns]
    need = [max([len(h), *(len(row[c]) for row in text)]) + 2 for c, h in enumerate(heads)]
    t = ax.table(
        cellText=text,
        colLabels=heads,
        colWidths=[n / sum(need) for n in need],  # columns share the width as their text needs
        loc="upper left",
        cellLoc="left",
        colLoc="left",
    )
    t.auto_set_font_size(False)
    fits = width * A4[0] * 72 / (0.7 * 9)  # characters of 9-point text across the table's width
    t.set_fontsize(max(5.5, 9 * min(1.0, fits / sum(need))))  # a wide table: smaller text, not cut
    t.scale(1, 1.25)
    for (row, _), cell in t.get_celld().items():
        cell.set_edgecolor("#D9E2F3")
        if row == 0:
            cell.set_facecolor("#D9E2F3")
            cell.set_text_props(fontweight="bold", color="#1F3864")
    if more:
        ax.annotate(
            f"... and {more:,} more in the report workbook",
            xy=(0, 0),
            xycoords="axes fraction",
            xytext=(0, -4),
            textcoords="offset points",
            va="top",
            fontsize=9,
            color="#808080",
        )
        bottom -= NOTE_POINTS / PAGE_POINTS
    return bottom


@dataclass
class _Piece:
    heading: str
    frame: pd.DataFrame
    empty: str
    more: int = 0  # rows of the table left out after this piece (the list limit)


def flow(tables: list[tuple[str, pd.DataFrame, str]]) -> list[list[_Piece]]:
    """Pages of table pieces: each table under the one before, split across pages where it does
    not fit, at most LIST_LIMIT rows of each (the rest counted)."""
    room = (TOP - BOTTOM) * PAGE_POINTS
    pages: list[list[_Piece]] = [[]]
    left = room
    for heading, df, empty in tables:
        shown = df.head(LIST_LIMIT)
        more = len(df) - len(shown)
        start = 0
        while True:
            rest = len(shown) - start
            fixed = HEADING_POINTS + GAP_POINTS + table_height(0, bool(more))
            fit = int((left - fixed) // ROW_POINTS)
            if fit < min(max(rest, 1), MIN_ROWS) and pages[-1]:
                pages.append([])
                left = room
                continue
            take = min(max(fit, 1), rest)
            name = heading if start == 0 else f"{heading} (continued)"
            last = start + take >= len(shown)
            pages[-1].append(_Piece(name, shown.iloc[start : start + take], empty, more * last))
            left -= fixed + ROW_POINTS * max(take, 1)
            start += take
            if last:
                break
            pages.append([])
            left = room
    return pages


def table_page(pdf: PdfPages, r: ReportData, title: str, tables: list[tuple]) -> None:
    """Tables one under another, on as many pages as they need: ``(heading, frame, text when
    empty[, formats])`` each, `formats` mapping a column to "rate" for percentages."""
    shown = []
    for heading, df, empty, *rest in tables:
        df = df.copy()
        for col, kind in (rest[0] if rest else {}).items():
            if col in df:
                df[col] = [cell_text(v, kind) if isinstance(v, float) else v for v in df[col]]
        shown.append((heading, df, empty))
    for k, pieces in enumerate(flow(shown)):
        fig = page(title if k == 0 else f"{title} (continued)", r)
        top = TOP
        for p in pieces:
            top = draw_table(fig, 0.04, top, 0.92, p.heading, p.frame, empty=p.empty, more=p.more)
            top -= GAP_POINTS / PAGE_POINTS
        pdf.savefig(fig)

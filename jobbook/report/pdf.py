"""The monthly report as a multi-page PDF drawn with matplotlib (no LibreOffice needed).

One page per section: summary, deadlines, lessons and questions, activity, funnel and outcomes,
sources and interviews, offers, and the flow of the whole search.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from ..schema import YEAR_TOTALS  # noqa: E402
from ._glyphs import Pages  # noqa: E402
from .data import OFFER_PARTS, SUMMARY_NOTE, THANK_YOU_STATES, ReportData  # noqa: E402
from .sankey import OUTCOME_COLOURS, draw_sankey  # noqa: E402
from .xlsx import deadline_view, lessons_view, month_name, practise_view  # noqa: E402

A4 = (11.69, 8.27)
BLUE, RED, GREEN, GREY, AMBER = "#2F5597", "#C0504D", "#4E9A4E", "#A6A6A6", "#E9A23B"
MAX_ROWS = 18
ROW_POINTS = 13.5  # height of a table row (9-point text, scaled 1.25)
TEXT_LIMIT = 70  # characters of a table cell; longer text ends in an ellipsis


def _page(title: str, r: ReportData) -> Figure:
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


def _cell(v: object, kind: str | None = None) -> str:
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


def _table(
    fig: Figure,
    rect: tuple[float, float, float, float],
    heading: str,
    df: pd.DataFrame,
    kinds=None,
    empty="Nothing here.",
) -> None:
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    ax.set_title(heading, loc="left", fontsize=12, fontweight="bold")
    if df.empty:
        ax.text(0, 0.9, empty, fontsize=10, color="#808080", va="top")
        return
    fit = max(
        3, int(rect[3] * A4[1] * 72 / ROW_POINTS) - 3
    )  # rows that fit, with the header and a note
    limit = min(MAX_ROWS, fit)
    rows = df.head(limit)
    text = []
    for i, row in enumerate(rows.itertuples(index=False)):
        kind = kinds[i] if kinds is not None else None
        text.append([_fit(_cell(v, kind if isinstance(v, float) else None)) for v in row])
    heads = [str(c) for c in df.columns]
    need = [max([len(h), *(len(row[c]) for row in text)]) + 2 for c, h in enumerate(heads)]
    widths = [n / sum(need) for n in need]  # columns share the width as their text needs it
    t = ax.table(
        cellText=text,
        colLabels=heads,
        colWidths=widths,
        loc="upper left",
        cellLoc="left",
        colLoc="left",
    )
    t.auto_set_font_size(False)
    fits = rect[2] * A4[0] * 72 / (0.7 * 9)  # characters of 9-point text across the table's width
    t.set_fontsize(
        max(5.5, 9 * min(1.0, fits / sum(need)))
    )  # a wide table gets smaller text, not cut
    t.scale(1, 1.25)
    for (row, _), cell in t.get_celld().items():
        cell.set_edgecolor("#D9E2F3")
        if row == 0:
            cell.set_facecolor("#D9E2F3")
            cell.set_text_props(fontweight="bold", color="#1F3864")
    if len(df) > limit:
        ax.text(
            0,
            -0.04,
            f"... and {len(df) - limit} more in the report workbook",
            fontsize=9,
            color="#808080",
            transform=ax.transAxes,
        )


def _bars(
    ax,
    labels,
    series: dict[str, list[float]],
    title: str,
    horizontal=False,
    fmt="{:g}",
    colours=None,
    stacked=False,
) -> None:
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    n = len(series)
    pos = np.arange(len(labels))
    width = 0.8 if stacked else 0.8 / max(n, 1)
    base = np.zeros(len(labels))
    neg = np.zeros(len(labels))
    for k, (name, values) in enumerate(series.items()):
        v = np.array(
            [0 if x is None or (isinstance(x, float) and math.isnan(x)) else x for x in values],
            dtype=float,
        )
        colour = (colours or {}).get(name) or [BLUE, AMBER, GREEN, RED, GREY, "#8064A2", "#5B9BD5"][
            k % 7
        ]
        if stacked:
            bottom = np.where(v >= 0, base, neg)
            offs = pos
        else:
            bottom = 0
            offs = pos - 0.4 + width * (k + 0.5)
        if horizontal:
            bars = ax.barh(offs, v, height=width, left=bottom, color=colour, label=name)
        else:
            bars = ax.bar(offs, v, width=width, bottom=bottom, color=colour, label=name)
        if not stacked:
            ax.bar_label(
                bars, labels=[fmt.format(x) if x else "" for x in v], fontsize=8, padding=2
            )
        if stacked:
            base = base + np.where(v >= 0, v, 0)
            neg = neg + np.where(v < 0, v, 0)
    (ax.set_yticks if horizontal else ax.set_xticks)(pos, labels, fontsize=9)
    _value_axis(
        ax,
        horizontal,
        counts=fmt == "{:g}",
        has_negative=bool((neg < 0).any()) if stacked else False,
    )
    if horizontal:
        ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    if n > 1:
        ax.legend(fontsize=8, frameon=False)
    if not any(x for values in series.values() for x in values if x == x):  # all zero or blank
        ax.text(
            0.5,
            0.5,
            "Nothing yet.",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color="#808080",
            fontsize=11,
        )


def _value_axis(ax, horizontal: bool, counts: bool, has_negative: bool = False) -> None:
    """Counts on whole numbers; the axis starts at 0 and is never empty (an empty month shows 0 to 1)."""
    axis = ax.xaxis if horizontal else ax.yaxis
    if counts:
        axis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    if not has_negative:
        lo, hi = ax.get_xlim() if horizontal else ax.get_ylim()
        (ax.set_xlim if horizontal else ax.set_ylim)(0, max(hi, 1))


def _summary_page(pdf: PdfPages, r: ReportData) -> None:
    fig = _page(f"Job search report: {month_name(r.month)}", r)
    df = r.summary.drop(columns=["Kind"]).rename(
        columns={"This month": month_name(r.month), "Previous month": month_name(r.month - 1)}
    )
    _table(fig, (0.04, 0.3, 0.9, 0.55), "The month at a glance", df, kinds=list(r.summary["Kind"]))
    fig.text(0.04, 0.28, textwrap.fill(SUMMARY_NOTE, 140), fontsize=9, color="#808080", va="top")
    fig.text(
        0.04,
        0.17,
        f"Overdue: {len(r.overdue)}    Due in the next 14 business days: {len(r.upcoming)}    "
        f"Open lesson actions: {len(r.lessons)}    Questions to practise: {len(r.practise)}",
        fontsize=11,
    )
    pdf.savefig(fig)


def table_page(pdf: PdfPages, r: ReportData, title: str, tables: list[tuple]) -> None:
    """A page of tables, one under another: ``(heading, frame, text when empty[, formats])`` each,
    `formats` mapping a column to "rate" for percentages."""
    fig = _page(title, r)
    height = 0.8 / max(len(tables), 1)
    for k, (heading, df, empty, *rest) in enumerate(tables):
        shown = df.copy()
        for col, kind in (rest[0] if rest else {}).items():
            if col in shown:
                shown[col] = [_cell(v, kind) if isinstance(v, float) else v for v in shown[col]]
        top = 0.86 - k * height
        _table(fig, (0.04, top - height + 0.04, 0.92, height - 0.06), heading, shown, empty=empty)
    pdf.savefig(fig)


def _deadlines_page(pdf: PdfPages, r: ReportData) -> None:
    table_page(
        pdf,
        r,
        "Deadlines",
        [
            (f"Overdue ({len(r.overdue)})", deadline_view(r.overdue), "Nothing overdue."),
            (
                f"Due in the next 14 business days ({len(r.upcoming)})",
                deadline_view(r.upcoming),
                "Nothing due.",
            ),
        ],
    )


def _practice_page(pdf: PdfPages, r: ReportData) -> None:
    table_page(
        pdf,
        r,
        "Lessons and practice",
        [
            (
                f"Open lesson actions ({len(r.lessons)})",
                lessons_view(r.lessons),
                "No open actions.",
            ),
            (
                f"Questions to practise ({len(r.practise)})",
                practise_view(r.practise),
                "No questions to practise.",
            ),
        ],
    )


def _activity_page(pdf: PdfPages, r: ReportData) -> None:
    fig = _page("Activity", r)
    ax = fig.add_axes((0.06, 0.1, 0.38, 0.72))
    _bars(
        ax,
        list(r.per_week["Week"]),
        {"Applications": list(r.per_week["Applications"])},
        f"Applications per week of {month_name(r.month)}",
    )
    ax2 = fig.add_axes((0.55, 0.1, 0.42, 0.72))
    ax2.set_title("The last 12 months", loc="left", fontsize=11, fontweight="bold")
    for name, colour in (("Applications", BLUE), ("Interviews", AMBER), ("Offers", GREEN)):
        ax2.plot(r.trend["Month"], r.trend[name], marker="o", color=colour, label=name)
    ax2.tick_params(axis="x", labelrotation=45, labelsize=8)
    _value_axis(ax2, horizontal=False, counts=True)
    ax2.legend(fontsize=8, frameon=False)
    ax2.spines[["top", "right"]].set_visible(False)
    pdf.savefig(fig)


def _outcomes_page(pdf: PdfPages, r: ReportData) -> None:
    fig = _page("Funnel and outcomes", r)
    ax = fig.add_axes((0.08, 0.1, 0.38, 0.72))
    _bars(
        ax,
        list(r.funnel["Stage"]),
        {"All time": list(r.funnel["All time"]), "This month": list(r.funnel["This month"])},
        "Funnel",
        horizontal=True,
    )
    ax2 = fig.add_axes((0.55, 0.18, 0.42, 0.64))
    _bars(
        ax2,
        list(r.status["Status"]),
        {"All time": list(r.status["All time"]), "This month": list(r.status["This month"])},
        "Outcomes by status",
    )
    ax2.tick_params(axis="x", labelrotation=30)
    pdf.savefig(fig)


def _sources_page(pdf: PdfPages, r: ReportData) -> None:
    fig = _page("Sources and interviews", r)
    ax = fig.add_axes((0.1, 0.1, 0.3, 0.72))
    rates = [
        x * 100 if x is not None and not (isinstance(x, float) and math.isnan(x)) else 0
        for x in r.sources["Response rate"]
    ]
    _bars(
        ax,
        list(r.sources["Source"]),
        {"Response rate %": rates},
        "Response rate by source (all time)",
        horizontal=True,
        fmt="{:.0f}%",
    )
    ax.set_xlim(0, 100)
    ax2 = fig.add_axes((0.5, 0.5, 0.45, 0.32))
    if r.ratings.empty:
        ax2.set_axis_off()
        ax2.set_title("Interview self-ratings by round", loc="left", fontsize=11, fontweight="bold")
        ax2.text(0, 0.5, "No rated interviews yet.", color="#808080")
    else:
        _bars(
            ax2,
            list(r.ratings["Round"]),
            {"Average self-rating": list(r.ratings["Average self-rating"])},
            "Interview self-ratings by round (1-5)",
            fmt="{:.1f}",
        )
        ax2.set_ylim(0, 5)
    ax3 = fig.add_axes((0.5, 0.1, 0.45, 0.28))
    colours = {
        "On time": GREEN,
        "Late": AMBER,
        "Sent, no date": "#5B9BD5",
        "Missing": RED,
        "Not yet due": GREY,
    }
    _bars(
        ax3,
        list(r.thank_you["Scope"]),
        {s: list(r.thank_you[s]) for s in THANK_YOU_STATES},
        "Thank-you notes",
        horizontal=True,
        stacked=True,
        colours=colours,
    )
    pdf.savefig(fig)


def _offers_page(pdf: PdfPages, r: ReportData) -> None:
    fig = _page("Offers compared", r)
    ax = fig.add_axes((0.08, 0.12, 0.6, 0.7))
    if r.offers.empty:
        ax.set_axis_off()
        ax.text(0, 0.5, "No offers yet.", color="#808080", fontsize=12)
    else:
        _bars(
            ax,
            list(r.offers["Offer"]),
            {p: list(r.offers[p]) for p in OFFER_PARTS},
            "What the first year is made of",
            stacked=True,
        )
        tops = r.offers[list(OFFER_PARTS)].clip(lower=0).sum(axis=1)
        for k, (top, total) in enumerate(zip(tops, r.offers["First-year total"])):
            ax.text(
                k, top, f"{total:,.0f}", ha="center", va="bottom", fontsize=9, fontweight="bold"
            )
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.02, 1))
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    pdf.savefig(fig)


def _offer_years_page(pdf: PdfPages, r: ReportData) -> None:
    """SPEC 5.1: what each offer pays year by year (equity as it vests), and below, year 1 after
    tax, the average adjusted for the cost of living and the signing bonus at risk."""
    fig = _page("Offers year by year", r)
    ax = fig.add_axes((0.08, 0.5, 0.72, 0.34))
    ax.set_title("What each offer pays in years 1 to 4", loc="left", fontsize=11, fontweight="bold")
    years = r.offer_years
    pos = np.arange(len(years))
    width = 0.8 / len(YEAR_TOTALS)
    for k, col in enumerate(YEAR_TOTALS):
        colour = [BLUE, AMBER, GREEN, "#8064A2"][k]
        ax.bar(pos - 0.4 + width * (k + 0.5), years[col].fillna(0), width, color=colour, label=col)
    ax.set_xticks(pos, list(years["Offer"]), fontsize=9)
    ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    ax.spines[["top", "right"]].set_visible(False)
    if years.empty:
        ax.text(0.5, 0.5, "No offers yet.", transform=ax.transAxes, ha="center", color="#808080")
    else:
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    table = years.copy()
    for col in table.columns[1:]:
        table[col] = [_cell(v) for v in table[col]]
    _table(
        fig,
        (0.04, 0.05, 0.92, 0.36),
        "Ranked by average annual total, best first",
        table,
        empty="No offers yet.",
    )
    pdf.savefig(fig)


def _flow_page(pdf: PdfPages, r: ReportData) -> None:
    fig = _page("The whole search", r)
    ax = fig.add_axes((0.03, 0.05, 0.94, 0.8))
    draw_sankey(r.flows, ax, title="")
    pdf.savefig(fig)


SECTIONS = (
    _summary_page,
    _deadlines_page,
    _practice_page,
    _activity_page,
    _outcomes_page,
    _sources_page,
    _offers_page,
    _offer_years_page,
    _flow_page,
)


def report_pdf(r: ReportData, path: Path, before: tuple = ()) -> Path:
    """The report as a PDF; `before`: functions drawing pages that come first (the cohort's)."""
    with PdfPages(
        path, metadata={"Title": f"Job search report {r.month}", "Creator": "jobbook"}
    ) as pages:
        pdf = Pages(pages)  # user text drawn literally, missing glyphs as one □, no warnings
        for page in before:
            page(pdf)
        for section in SECTIONS:
            section(pdf, r)
    return path


__all__ = ["OUTCOME_COLOURS", "SECTIONS", "report_pdf", "table_page"]

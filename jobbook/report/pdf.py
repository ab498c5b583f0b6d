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
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

from .._rates import FEW_RATE, RATE  # noqa: E402
from ..looks.charts import PALETTE  # noqa: E402
from ..schema import YEAR_TOTALS  # noqa: E402
from ._glyphs import Pages  # noqa: E402
from .data import (  # noqa: E402
    OFFER_PARTS,
    OFFERS_RANKED,
    THANK_YOU_STATES,
    UPCOMING,
    ReportData,
)
from .moved import MOVED_NOTE, NO_HISTORY, caption, last_day  # noqa: E402
from .pdf_tables import cell_text, draw_table, table_page  # noqa: E402
from .pdf_tables import page as _page  # noqa: E402
from .sankey import OUTCOME_COLOURS, draw_sankey  # noqa: E402
from .timeline import draw_timeline  # noqa: E402
from .xlsx import (  # noqa: E402
    THANK_YOU_COLOURS,
    deadline_view,
    lessons_view,
    month_name,
    practise_view,
    weeks_heading,
)

COLOURS = ["#" + c for c in PALETTE]  # the workbook's chart colours
BLUE, AMBER, GREEN, RED, GREY = COLOURS[:5]


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
        colour = (colours or {}).get(name) or COLOURS[k % len(COLOURS)]
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
    if n > 1:  # in a row between the title and the bars: it never hides a bar
        ax.legend(
            fontsize=8,
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=n,
            borderaxespad=0.2,
            handlelength=1.2,
            columnspacing=1.2,
        )
        ax.set_title(title, loc="left", fontsize=11, fontweight="bold", pad=20)
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
    df = r.summary.drop(columns=["Kind"]).astype(object)
    for k, (figure, kind) in enumerate(zip(r.summary["Figure"], r.summary["Kind"])):
        if kind == "rate":  # each rate beside its count: "20.0% (1 of 5)"
            for scope in ("This month", "Previous month", "All time"):
                text = cell_text(df.at[k, scope], "rate")
                df.at[k, scope] = f"{text} {r.rate_counts.at[figure, scope]}".strip()
    df = df.rename(columns={"This month": r.window.label, "Previous month": r.before.label})
    kinds = list(r.summary["Kind"])
    bottom = draw_table(fig, 0.04, 0.875, 0.9, "The month at a glance", df, kinds=kinds)
    note = textwrap.fill(r.summary_note, 140)
    fig.text(0.04, bottom - 0.015, note, fontsize=9, color="#808080", va="top")
    fig.text(
        0.04,
        bottom - 0.12,
        f"Overdue: {len(r.overdue)}    {UPCOMING}: {len(r.upcoming)}    "
        f"Open lesson actions: {len(r.lessons)}    Questions to practise: {len(r.practise)}",
        fontsize=11,
    )
    pdf.savefig(fig)


def _deadlines_page(pdf: PdfPages, r: ReportData) -> None:
    table_page(
        pdf,
        r,
        "Deadlines",
        [
            (f"Overdue ({len(r.overdue)})", deadline_view(r.overdue), "Nothing overdue."),
            (
                f"{UPCOMING} ({len(r.upcoming)})",
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
        weeks_heading(r),  # the weeks begun by the as-of date: none still to come
    )
    ax2 = fig.add_axes((0.55, 0.1, 0.42, 0.72))
    ax2.set_title("Month by month", loc="left", fontsize=11, fontweight="bold", pad=20)
    for name, colour in (("Applications", BLUE), ("Interviews", AMBER), ("Offers", GREEN)):
        ax2.plot(r.trend["Month"], r.trend[name], marker="o", color=colour, label=name)
    ax2.tick_params(axis="x", labelrotation=45 if len(r.trend) > 6 else 0, labelsize=8)
    _value_axis(ax2, horizontal=False, counts=True)
    ax2.legend(fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3)
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
    ax = fig.add_axes((0.17, 0.1, 0.25, 0.72))
    _source_rates(ax, r)
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
    colours = {state: "#" + c for state, c in THANK_YOU_COLOURS.items()}
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


def _source_rates(ax, r: ReportData) -> None:
    """The response rate of each source, named with its count ("Recruiter (1 of 1)"); sources of
    fewer than FEW applications in grey, as the workbook's chart draws them."""
    ax.set_title(
        "Response rate by source (all time)", loc="left", fontsize=11, fontweight="bold", pad=20
    )
    pos = np.arange(len(r.sources))
    for name, colour in ((RATE, BLUE), (FEW_RATE, GREY)):
        values = [_number(x) for x in r.sources[name]]
        shown = [k for k, v in enumerate(values) if v is not None]
        bars = ax.barh(
            pos[shown], [values[k] * 100 for k in shown], height=0.8, color=colour, label=name
        )
        ax.bar_label(bars, labels=[f"{values[k]:.0%}" for k in shown], fontsize=8, padding=2)
    ax.set_yticks(pos, list(r.sources["Source"]), fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2)


def _number(x: object) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


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
            f"What the first year is made of ({OFFERS_RANKED})",
            stacked=True,
        )
        ax.set_title(ax.get_title("left"), loc="left", fontsize=11, fontweight="bold", pad=6)
        tops = r.offers[list(OFFER_PARTS)].clip(lower=0).sum(axis=1)
        totals = zip(tops, r.offers["First-year total"], r.offers["Average annual total"])
        for k, (top, total, average) in enumerate(totals):
            ax.text(
                k, top, f"{total:,.0f}", ha="center", va="bottom", fontsize=9, fontweight="bold"
            )
            ax.annotate(
                f"{average:,.0f} a year on average",
                xy=(k, top),
                xytext=(0, 13),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
                color="#404040",
            )
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.02, 1))
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    pdf.savefig(fig)


def _offer_years_page(pdf: PdfPages, r: ReportData) -> None:
    """docs/definitions.md § Year by year: what each offer pays year by year (equity as it vests), and below, year 1 after
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
        table[col] = [cell_text(v) for v in table[col]]
    draw_table(
        fig,
        0.04,
        0.41,
        0.92,
        "Ranked by average annual total, best first",
        table,
        empty="No offers yet.",
    )
    pdf.savefig(fig)


def _moved_page(pdf: PdfPages, r: ReportData) -> None:
    if r.timeline is None:
        return  # a cohort's books each keep their own History
    fig = _page("How applications moved", r)
    df = r.time_in_stage.astype(object).where(r.time_in_stage.notna(), None)
    bottom = draw_table(fig, 0.04, 0.875, 0.6, "Time in each stage (days)", df, empty=NO_HISTORY)
    note = f"{MOVED_NOTE} {caption(r.timeline)}"
    fig.text(0.04, bottom - 0.01, textwrap.fill(note, 150), fontsize=8, color="#808080", va="top")
    ax = fig.add_axes((0.2, 0.05, 0.76, bottom - 0.16))
    draw_timeline(r.timeline, ax, last_day(r))
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
    _moved_page,
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

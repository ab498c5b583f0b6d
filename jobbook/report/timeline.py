"""How applications moved (SPEC section 13), for the monthly report: the time in each stage, and
a timeline with each application a bar from the day it was applied to until it closed (or the
report's last day), split where it entered each stage (History's days, ``core.stages``) and
coloured by how it ended (as the Sankey colours outcomes). Drawn with matplotlib, once for the
PDF and once as a picture in the workbook."""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from ..core.stages import closed_on, entries, time_in_stage  # noqa: E402
from ..schema import FUNNEL_STAGES, STEPS  # noqa: E402
from ._glyphs import fit_text, quiet_glyphs  # noqa: E402
from .sankey import OUTCOME_COLOURS  # noqa: E402

MAX_BARS = 40  # the newest applications drawn
MONTHS = 6  # applications still open in the last MONTHS months up to the report's last day
TIME_COLUMNS = ["Step", "Applications", "Median days", "Q1 (days)", "Q3 (days)"]
TIMELINE_COLUMNS = ["ID", "Company", "Outcome", *FUNNEL_STAGES, "Ended"]
SHADES = (0.30, 0.48, 0.66, 0.84, 1.0)  # the colour's strength in Applied ... Offer
MOVED_NOTE = (
    "From the book's History: the day each application entered each stage and how long it "
    "stayed. Each bar runs from the day it was applied to until it closed, its colour how it "
    "ended, darker as it went further."
)
NO_HISTORY = "Not known yet: the book's History has no moves (jobbook record keeps it)."


def time_in_stage_frame(steps: dict[str, dict] | None) -> pd.DataFrame:
    """SPEC section 13's figures as a table (``stats``' ``time_in_stage``)."""
    rows = [
        [label, s["n"], s["median_days"], s["q1_days"], s["q3_days"]]
        for key, label, _, _ in STEPS
        if (s := (steps or {}).get(key)) is not None
    ]
    return pd.DataFrame(rows, columns=TIME_COLUMNS)


def outcome(status: object) -> str:
    return "In progress" if status in (None, "", "Active") or status != status else str(status)


def timeline_frame(
    pipeline: pd.DataFrame, history: pd.DataFrame | None, last_day: dt.date
) -> pd.DataFrame:
    """The applications drawn: applied by `last_day` and still open in the MONTHS months before
    it (at most MAX_BARS: those that went furthest, then the newest), in the order they were
    applied; the day each entered each stage (blank: not known) and the day it ended (the day
    History says it closed; blank while it is open)."""
    table = entries(pipeline, history, last_day)
    if table.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    closed = closed_on(history)
    ids = pipeline.loc[table.index, "ID"].astype(str)
    status = pipeline.loc[table.index, "Status"]
    keys = ids.str.strip().str.casefold()
    ended = pd.Series(closed.reindex(keys.to_numpy()).to_numpy(), index=keys.index)
    ended = ended.astype("datetime64[ns]")
    ended = ended.where(status.map(outcome) != "In progress")
    frame = pd.DataFrame(
        {
            "ID": ids,
            "Company": pipeline.loc[table.index, "Company"],
            "Outcome": status.map(outcome),
            **{s: table[s] for s in FUNNEL_STAGES},
            "Ended": ended,
        }
    )
    last = pd.Timestamp(last_day)
    start = last - pd.DateOffset(months=MONTHS)
    keep = (frame["Applied"] <= last) & (frame["Ended"].isna() | (frame["Ended"] >= start))
    frame = frame[keep]
    total = len(frame)
    if len(frame) > MAX_BARS:  # the furthest first (offers, final rounds), then the newest
        reached = frame[list(FUNNEL_STAGES)].notna().sum(axis=1)
        order = pd.DataFrame({"reached": reached, "applied": frame["Applied"]})
        frame = frame.loc[order.sort_values(["reached", "applied"]).index[-MAX_BARS:]]
    frame = frame.sort_values(["Applied", "ID"])
    for c in [*FUNNEL_STAGES, "Ended"]:
        frame[c] = frame[c].dt.date.astype(object).where(frame[c].notna(), None)
    frame = frame.reset_index(drop=True)
    frame.attrs["of"] = total  # the applications open in those months, drawn or not
    return frame


def caption(frame: pd.DataFrame) -> str:
    """What the timeline draws, in words."""
    n, of = len(frame), frame.attrs.get("of", len(frame))
    some = f"{n} of the {of}" if of > n else f"The {n}"
    which = " (those that went furthest, then the newest)" if of > n else ""
    return f"{some} applications open in the {MONTHS} months to the report's last day{which}."


def _short(text: str, most: int = 30) -> str:
    return text if len(text) <= most else text[: most - 1] + "\u2026"


def draw_timeline(frame: pd.DataFrame, ax, last_day: dt.date) -> None:
    """Each application a bar across its stages (see the module's note)."""
    if frame.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No applications to draw yet.", ha="center", va="center")
        return
    end_of_all = pd.Timestamp(last_day)
    for y, row in enumerate(frame.itertuples(index=False)):
        colour = OUTCOME_COLOURS.get(row.Outcome, OUTCOME_COLOURS["In progress"])
        end = pd.Timestamp(row.Ended) if row.Ended else end_of_all
        days = [(s, pd.Timestamp(getattr(row, s))) for s in FUNNEL_STAGES if getattr(row, s)]
        for k, (stage, start) in enumerate(days):
            stop = days[k + 1][1] if k + 1 < len(days) else end
            width = max((stop - start).days, 0.6)
            ax.barh(
                y, width, left=mdates.date2num(start), height=0.72, color=colour,
                alpha=SHADES[FUNNEL_STAGES.index(stage)], edgecolor="white", linewidth=0.6,
            )  # fmt: skip
            if stage != "Applied" and width >= 4:
                ax.text(mdates.date2num(start) + 0.5, y, stage[0], va="center", fontsize=6,
                        color="white")  # fmt: skip
    labels = [_short(f"{r.ID} {r.Company}") for r in frame.itertuples(index=False)]
    ax.set_yticks(range(len(frame)), labels, fontsize=7)
    ax.set_ylim(len(frame) - 0.5, -0.5)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.axvline(mdates.date2num(end_of_all), color="#808080", linewidth=0.8, linestyle="--")
    ax.grid(axis="x", color="#E0E0E0", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    shown = [o for o in OUTCOME_COLOURS if o in set(frame["Outcome"])]
    handles = [Patch(color=OUTCOME_COLOURS[o], label=o) for o in shown]
    handles.append(Patch(color="white", label="S I F O: entered Screen, Interview, Final, Offer"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(handles),
              fontsize=7, frameon=False)  # fmt: skip


def timeline_png(frame: pd.DataFrame, out, last_day: dt.date) -> None:
    """The timeline as a PNG into `out` (a path or a binary file)."""
    height = 2.2 + 0.22 * max(len(frame), 4)
    fig = Figure(figsize=(11, height), dpi=100)
    ax = fig.add_axes((0.2, 0.08, 0.77, 0.8))
    draw_timeline(frame, ax, last_day)
    with quiet_glyphs():
        fit_text(fig).savefig(out, format="png")


def moved(data, pipeline: pd.DataFrame, history: pd.DataFrame | None) -> None:
    """How the book's applications moved (SPEC section 13): the time in each stage as of the
    as-of date, and the timeline to the report's last day (History known by then)."""
    last = last_day(data)
    data.time_in_stage = time_in_stage_frame(time_in_stage(pipeline, history, data.as_of))
    if history is not None and not history.empty:
        when = pd.to_datetime(history["When"], errors="coerce")
        history = history[when.isna() | (when <= pd.Timestamp(last))]
    data.timeline = timeline_frame(pipeline, history, last)


def last_day(data) -> dt.date:
    """The report's last day: the month's, or the as-of date in a month not over."""
    return min(data.month.end_time.date(), data.as_of)

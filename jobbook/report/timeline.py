"""The report's timeline (docs/definitions.md § History): each application a bar from the day it was applied to
until it closed (or the report's last day), split where it entered each stage (History's days,
``moved.timeline_frame``) and coloured by how it ended (as the Sankey colours outcomes). Drawn
with matplotlib, once for the PDF and once as a picture in the workbook."""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from ..schema import FUNNEL_STAGES  # noqa: E402
from ._glyphs import fit_text, quiet_glyphs  # noqa: E402
from .sankey import OUTCOME_COLOURS  # noqa: E402

SHADES = (0.30, 0.48, 0.66, 0.84, 1.0)  # the colour's strength in Applied ... Offer


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


def timeline_png(frame: pd.DataFrame, last_day: dt.date, out) -> None:
    """The timeline as a PNG into `out` (a path or a binary file)."""
    height = 2.2 + 0.22 * max(len(frame), 4)
    fig = Figure(figsize=(11, height), dpi=100)
    ax = fig.add_axes((0.2, 0.08, 0.77, 0.8))
    draw_timeline(frame, ax, last_day)
    with quiet_glyphs():
        fit_text(fig).savefig(out, format="png")

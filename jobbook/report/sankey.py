"""A Sankey diagram of the whole search, drawn with matplotlib.

Applications flow left to right through the stages they reached (Applied -> Screen -> Interview ->
Final -> Offer); at each stage the ones that went no further flow out to how they ended (Rejected,
No response, Withdrawn, Offer declined, Accepted, or still In progress).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import PathPatch, Rectangle  # noqa: E402
from matplotlib.path import Path  # noqa: E402

from ..schema import FUNNEL_STAGES  # noqa: E402
from ._glyphs import fit_text, quiet_glyphs  # noqa: E402
from .data import OUTCOMES  # noqa: E402

STAGE_COLOUR = "#2F5597"
OUTCOME_COLOURS = {
    "Rejected": "#C0504D",
    "No response": "#A6A6A6",
    "Withdrawn": "#E9A23B",
    "Offer declined": "#8064A2",
    "Accepted": "#4E9A4E",
    "In progress": "#5B9BD5",
}
NODE_W = 0.08
GAP = 0.03


def _band(ax, x0, y0a, y0b, x1, y1a, y1b, colour, alpha=0.45) -> None:
    """A band from the span [y0b, y0a] at x0 to [y1b, y1a] at x1, with S-shaped edges."""
    mx = (x0 + x1) / 2
    verts = [
        (x0, y0a),
        (mx, y0a),
        (mx, y1a),
        (x1, y1a),
        (x1, y1b),
        (mx, y1b),
        (mx, y0b),
        (x0, y0b),
        (x0, y0a),
    ]
    codes = [
        Path.MOVETO,
        Path.CURVE4,
        Path.CURVE4,
        Path.CURVE4,
        Path.LINETO,
        Path.CURVE4,
        Path.CURVE4,
        Path.CURVE4,
        Path.CLOSEPOLY,
    ]
    ax.add_patch(PathPatch(Path(verts, codes), facecolor=colour, edgecolor="none", alpha=alpha))


def draw_sankey(flows: pd.DataFrame, ax, title: str = "How the search went") -> None:
    """Draw on `ax` from the flows of ``data.search_flows`` (Stage, Outcome, Applications)."""
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=13, fontweight="bold")
    total = int(flows["Applications"].sum())
    if total == 0:
        ax.text(
            0.5, 0.5, "No applications yet", ha="center", va="center", fontsize=12, color="#808080"
        )
        return
    exits = {(r.Stage, r.Outcome): int(r.Applications) for r in flows.itertuples()}
    reached = [
        sum(n for (s, _), n in exits.items() if FUNNEL_STAGES.index(s) >= k)
        for k in range(len(FUNNEL_STAGES))
    ]
    scale = 0.8 / total
    xs = [k * 0.9 for k in range(len(FUNNEL_STAGES))]
    x_out = xs[-1] + 1.3
    top = 0.95

    # outcome nodes on the right, stacked in OUTCOMES order
    out_totals = {o: sum(n for (_, oo), n in exits.items() if oo == o) for o in OUTCOMES}
    shown = [o for o in OUTCOMES if out_totals[o]]
    y = top
    out_slot = {}
    for o in shown:
        h = out_totals[o] * scale
        ax.add_patch(Rectangle((x_out, y - h), NODE_W, h, color=OUTCOME_COLOURS[o]))
        ax.text(x_out + NODE_W + 0.04, y - h / 2, f"{o}  {out_totals[o]}", va="center", fontsize=10)
        slot = y  # later stages enter at the top of the node: fewer crossing bands
        for stage in reversed(FUNNEL_STAGES):
            out_slot[(stage, o)] = slot
            slot -= exits.get((stage, o), 0) * scale
        y -= h + GAP

    for k, stage in enumerate(FUNNEL_STAGES):
        h = reached[k] * scale
        if reached[k] == 0:
            continue
        ax.add_patch(Rectangle((xs[k], top - h), NODE_W, h, color=STAGE_COLOUR))
        ax.text(
            xs[k] + NODE_W / 2,
            top + 0.015,
            f"{stage}\n{reached[k]}",
            ha="center",
            va="bottom",
            fontsize=10,
            fontweight="bold",
        )
        cursor = top
        nxt = reached[k + 1] if k + 1 < len(FUNNEL_STAGES) else 0
        if nxt:
            hh = nxt * scale
            _band(
                ax,
                xs[k] + NODE_W,
                cursor,
                cursor - hh,
                xs[k + 1],
                cursor,
                cursor - hh,
                STAGE_COLOUR,
                0.25,
            )
            cursor -= hh
        for o in shown:
            n = exits.get((stage, o), 0)
            if not n:
                continue
            hh = n * scale
            y1 = out_slot[(stage, o)]
            _band(ax, xs[k] + NODE_W, cursor, cursor - hh, x_out, y1, y1 - hh, OUTCOME_COLOURS[o])
            cursor -= hh
    ax.set_xlim(-0.1, x_out + 0.9)
    ax.set_ylim(top - 0.8 - GAP * len(shown) - 0.05, top + 0.12)


def sankey_png(flows: pd.DataFrame, path, title: str = "How the search went") -> None:
    """Write the diagram as a PNG (for embedding in the report workbook)."""
    fig = Figure(figsize=(10, 5.2), dpi=120)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.9))
    draw_sankey(flows, ax, title)
    with quiet_glyphs():
        fit_text(fig).savefig(path, dpi=120)

"""How applications moved (docs/definitions.md § History), for the monthly report: the time in each stage and
the applications a timeline draws (``timeline`` draws it), from the Pipeline and the History
table. No matplotlib here: the report workbook is built while another process draws."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..core.stages import closed_on, entries, time_in_stage
from ..schema import FUNNEL_STAGES, STEPS

MAX_BARS = 40  # the newest applications drawn
MONTHS = 6  # applications still open in the last MONTHS months up to the report's last day
TIME_COLUMNS = ["Step", "Applications", "Median days", "Q1 (days)", "Q3 (days)"]
TIMELINE_COLUMNS = ["ID", "Company", "Outcome", *FUNNEL_STAGES, "Ended"]
MOVED_NOTE = (
    "From the book's History: the day each application entered each stage and how long it "
    "stayed. Each bar runs from the day it was applied to until it closed, its colour how it "
    "ended, darker as it went further."
)
NO_HISTORY = "Not known yet: the book's History has no moves (jobbook record keeps it)."


def time_in_stage_frame(steps: dict[str, dict] | None) -> pd.DataFrame:
    """docs/definitions.md § History's figures as a table (``stats``' ``time_in_stage``)."""
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
    ended = ended.astype("datetime64[s]")
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


def moved(data, pipeline: pd.DataFrame, history: pd.DataFrame | None) -> None:
    """How the book's applications moved (docs/definitions.md § History): the time in each stage as of the
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

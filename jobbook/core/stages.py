"""Time in each stage (docs/definitions.md § History), from the Pipeline and the History table.

For each application (a Pipeline row with an ID and a Date applied), the day it entered each stage
is Date applied for Applied, and for Screen to Offer the When of the first History row that moved
its Stage (Old not blank: a row's arrival tells where it stood, not when it got there) to that
stage or a later one. Its first response is the sooner of entering Screen and the first move of
its Status to Rejected; its decision, the first move of its Status away from Active on or after
the day it entered Offer. Steps whose file does not say when (``UNDATED_NOTE``), History rows
without a When and rows after the as-of date are left out. Each step's figures are the median and quartiles of the
days between entering the two (Excel's MEDIAN and QUARTILE.INC), over the applications that have
both. The Dashboard computes the same with MINIFS over the History table."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..schema import FUNNEL_STAGES, STEP_FIGURES, STEPS, UNDATED_NOTE

_LATER = FUNNEL_STAGES[1:]  # Screen, Interview, Final, Offer
_ACTIVE, _REJECTED = "active", "rejected"


def _text(s: pd.Series) -> pd.Series:
    """Text stripped, blanks as "" (vectorised: a Pipeline of a million rows is one pass)."""
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        s = s.dt.strftime("%Y-%m-%d")
    return s.astype("string").fillna("").str.strip().astype(object)


def _moves(history: pd.DataFrame, as_of: dt.date | None) -> pd.DataFrame:
    """History's dated moves of Pipeline rows' Stage and Status (Old not blank), keyed by ID."""
    if history is None or history.empty:
        return pd.DataFrame(columns=["id", "column", "new", "when"])
    when = pd.to_datetime(history["When"], errors="coerce").dt.normalize()
    frame = pd.DataFrame(
        {
            "sheet": _text(history["Sheet"]).str.casefold(),
            "id": _text(history["ID"]).str.casefold(),
            "column": _text(history["Column"]).str.casefold(),
            "old": _text(history["Old"]),
            "new": _text(history["New"]).str.casefold(),
            "when": when,
            "note": _text(history["Note"]) if "Note" in history else "",
        }
    )
    keep = (frame["sheet"] == "pipeline") & frame["column"].isin(["stage", "status"])
    keep &= (frame["old"] != "") & frame["when"].notna() & (frame["id"] != "")
    keep &= frame["note"] != UNDATED_NOTE
    if as_of is not None:
        keep &= frame["when"] <= pd.Timestamp(as_of)
    return frame[keep]


def _first(moves: pd.DataFrame, column: str, new: str, key: pd.Series) -> pd.Series:
    """The first When of the moves of `column` to `new`, for each application of `key` (its IDs,
    folded)."""
    m = moves[(moves["column"] == column) & (moves["new"] == new)]
    first = m.groupby("id")["when"].min().astype("datetime64[s]")
    return pd.Series(first.reindex(key.to_numpy()).to_numpy(), index=key.index)


def entries(
    pipeline: pd.DataFrame, history: pd.DataFrame, as_of: dt.date | None = None
) -> pd.DataFrame:
    """Per application: the days it entered Applied, Screen ... Offer, its first response and its
    decision (NaT where not known), indexed as the Pipeline."""
    applied = pd.to_datetime(pipeline["Date applied"], errors="coerce").dt.normalize()
    ids = _text(pipeline["ID"]).str.casefold()
    apps = applied.notna() & (ids != "")
    moves = _moves(history, as_of)
    out = pd.DataFrame({"Applied": applied[apps]}, index=pipeline.index[apps])
    for c in [*_LATER, "response", "decision"]:
        out[c] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[s]")
    moved = ids[apps].isin(set(moves["id"]))  # only these can have a day besides Applied
    if not moved.any():
        return out
    key = ids[apps][moved]
    part = _moved_entries(key, moves)
    out.loc[part.index, part.columns] = part
    return out


def _moved_entries(key: pd.Series, moves: pd.DataFrame) -> pd.DataFrame:
    """The entries of the applications of `key` (IDs folded, indexed as the Pipeline), which
    History moved."""
    out = pd.DataFrame(index=key.index)
    later = pd.Series(pd.NaT, index=out.index, dtype="datetime64[s]")
    for stage in reversed(_LATER):  # a stage is entered at the latest when a later one is
        first = _first(moves, "stage", stage.casefold(), key)
        later = first.where(later.isna() | (first < later), later)
        out[stage] = later
    rejected = _first(moves, "status", _REJECTED, key)
    screen = out["Screen"]
    out["response"] = rejected.where(screen.isna() | (rejected < screen), screen)
    closing = moves[(moves["column"] == "status") & ~moves["new"].isin([_ACTIVE, ""])]
    rows = pd.DataFrame({"row": out.index, "id": key.values, "offer": out["Offer"].values})
    got = rows.merge(closing[["id", "when"]], on="id")
    got = got[got["offer"].notna() & (got["when"] >= got["offer"])]
    out["decision"] = got.groupby("row")["when"].min().reindex(out.index).astype("datetime64[s]")
    return out


def quartiles(days: np.ndarray) -> dict[str, object]:
    """{n, median_days, q1_days, q3_days} of `days` (Excel's MEDIAN and QUARTILE.INC; None when
    there are none)."""
    days = np.asarray(days, dtype=float)
    days = days[~np.isnan(days)]
    if not len(days):
        return dict(zip(STEP_FIGURES, (0, None, None, None)))
    q1, median, q3 = np.percentile(days, [25, 50, 75])
    return dict(zip(STEP_FIGURES, (int(len(days)), float(median), float(q1), float(q3))))


def step_days(table: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per step (its JSON key): the days each application took, where it has both ends."""
    out = {}
    for key, _label, start, end in STEPS:
        d = (table[end] - table[start]).dt.days.to_numpy(dtype=float, na_value=np.nan)
        out[key] = d[~np.isnan(d)]
    return out


def time_in_stage(
    pipeline: pd.DataFrame, history: pd.DataFrame | None, as_of: dt.date | None = None
) -> dict[str, dict[str, object]]:
    """docs/definitions.md § History's ``time_in_stage``: ``{step: {n, median_days, q1_days, q3_days}}``."""
    if history is None:
        history = pd.DataFrame(columns=["When", "Sheet", "ID", "Column", "Old", "New"])
    table = entries(pipeline, history, as_of)
    return {k: quartiles(v) for k, v in step_days(table).items()}


def closed_on(history: pd.DataFrame | None) -> pd.Series:
    """The day each application closed (docs/definitions.md § Deadlines, "closed means closed"), by ID folded:
    the When of the last History row that moved its Status from Active to another status (a
    step whose file does not say when is no day: the as-of date stands for it)."""
    if history is None or history.empty:
        return pd.Series(dtype="datetime64[s]")
    moves = _moves(history, None)
    closing = moves[
        (moves["column"] == "status")
        & (moves["old"].str.casefold() == _ACTIVE)
        & ~moves["new"].isin([_ACTIVE, ""])
    ]
    return closing.groupby("id")["when"].max().astype("datetime64[s]")

"""What the report's tables show and how they are headed (shared by the workbook and the PDF):
which columns each list shows, month names and headings, limits and colours. The sheets are built
in ``sheets``, the charts in ``charts``."""

from __future__ import annotations

import pandas as pd

from ..core.deadlines import KIND_LABELS
from ..looks.charts import PALETTE
from ..schema import PERCENT_FORMAT
from .data import THANK_YOU_STATES, ReportData

ROWS_PER_CHART = 17
ROW_CM = 0.53  # a row of the default height (15 points), in cm
BLOCKS_PER_PAGE = 3
BESIDE = 6  # a chart stands beside a table of up to this many columns, else below it
LIST_LIMIT = 100  # rows of a list in the report; the rest is counted
BLUE, AMBER, GREEN, RED, GREY, _, LIGHT_BLUE = PALETTE
THANK_YOU_COLOURS = dict(zip(THANK_YOU_STATES, (GREEN, AMBER, LIGHT_BLUE, RED, GREY)))


def month_name(p: pd.Period) -> str:
    return p.start_time.strftime("%B %Y")


def rate_format(counts: str) -> str:
    """A rate's number format with its count as literal text: 0.2 shows ``20.0% (1 of 5)`` and
    the cell stays a number."""
    return f'{PERCENT_FORMAT}" {counts}"' if counts else PERCENT_FORMAT


def weeks_heading(r: ReportData) -> str:
    """``Applications per week of December 2026 (to 7 December)`` while the month runs."""
    to = f" (to {r.as_of.day} {r.as_of:%B})" if r.window.partial else ""
    return f"Applications per week of {month_name(r.month)}{to}"


def placeholder(df: pd.DataFrame, label: str) -> pd.DataFrame:
    """An empty chart table gets one labelled row, so that its chart still shows (empty)."""
    if not df.empty:
        return df
    return pd.DataFrame([[label, *([None] * (len(df.columns) - 1))]], columns=df.columns)


def deadline_view(df: pd.DataFrame) -> pd.DataFrame:
    """Deadlines with the company first (the widest column), readable headers and each kind in
    words (`Next action`, as on the Dashboard; --json keeps the tokens)."""
    cols = ["person", "company", "due", "flag", "kind", "id", "sheet"]
    out = df[[c for c in cols if c in df.columns]]
    out = out.assign(kind=out["kind"].map(KIND_LABELS).fillna(out["kind"]))
    return out.rename(columns={c: c.capitalize() for c in cols} | {"id": "ID"})


def lessons_view(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["Person", "Action", "Due", "Flag", "Company", "Action type", "Application ID"]
    return df[[c for c in cols if c in df.columns]]


def practise_view(df: pd.DataFrame) -> pd.DataFrame:
    cols = [
        "Person",
        "Question",
        "Self-rating",
        "Times practiced",
        "Last practiced",
        "Category",
        "ID",
    ]
    return df[[c for c in cols if c in df.columns]]

"""The mailto: link columns (``jobbook.schema._links``) as the workbook shows them: the link's
text where its short message has the values it needs, else blank. The links themselves (To,
Subject, body) are written by ``jobbook.drafts`` from the same template."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import FEEDBACK_LINK, OUTCOME_CANCELLED, THANK_YOU_LINK
from .context import Context, lookup


def _filled(values: pd.Series) -> np.ndarray:
    """Not blank once trimmed as the formulas do (line breaks count as spaces); column-wise with
    Arrow, as a million rows need."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        arr = pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types: each value as text
        arr = pa.array([None if pd.isna(v) else str(v) for v in values], type=pa.string())
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = pc.cast(arr, pa.string())
    filled = pc.not_equal(pc.utf8_trim_whitespace(arr), "")
    return pc.fill_null(filled, False).to_numpy(zero_copy_only=False).astype(bool)


def _label(ok: np.ndarray, label: str, index: pd.Index) -> pd.Series:
    return pd.Series(np.where(ok, label, ""), index=index, dtype=object)


def _named(ctx: Context) -> bool:
    return bool((ctx.settings.YourName or "").strip(" "))


def _not_after(dates: pd.Series, today) -> np.ndarray:
    """Blank, or on or before `today` (the formula's INT(N(date))<=AsOfDate)."""
    days = pd.to_datetime(dates, errors="coerce").dt.normalize()
    return (days.isna() | (days <= pd.Timestamp(today))).to_numpy(dtype=bool)


def thank_you_links(interviews: pd.DataFrame, company: pd.Series, ctx: Context) -> pd.DataFrame:
    """Thank-you link: needs Interviewers, the Company and Your name, and an interview that has
    taken place (Date on or before the as-of date) and was not cancelled."""
    ok = _filled(interviews["Interviewers"]) & _filled(company) & _named(ctx)
    ok &= _not_after(interviews["Date"], ctx.today)
    ok &= (interviews["Outcome"] != OUTCOME_CANCELLED).fillna(True).to_numpy(dtype=bool)
    return pd.DataFrame({THANK_YOU_LINK.header: _label(ok, THANK_YOU_LINK.label, interviews.index)})


def feedback_links(lessons: pd.DataFrame, pipeline: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Feedback link: needs the application's Company and Your name, and its Status Rejected or
    Offer declined (case-insensitive, as Excel's = compares)."""
    company = lookup(lessons["Application ID"], pipeline, "ID", "Company")
    status = lookup(lessons["Application ID"], pipeline, "ID", "Status")
    decided = status.astype("string").str.strip().str.lower().isin(["rejected", "offer declined"])
    ok = _filled(company) & _named(ctx) & decided.fillna(False).to_numpy(dtype=bool)
    return pd.DataFrame({FEEDBACK_LINK.header: _label(ok, FEEDBACK_LINK.label, lessons.index)})

"""The mailto: link columns (``jobbook.schema._links``) as the workbook shows them: the link's
text where its short message has the values it needs, else blank. The links themselves (To,
Subject, body) are written by ``jobbook.drafts`` from the same template."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema._links import FEEDBACK_LINK, THANK_YOU_LINK
from .computed import Context, lookup


def _filled(values: pd.Series) -> np.ndarray:
    """Not blank once trimmed as the formulas do (line breaks count as spaces)."""
    text = values.astype(object).where(values.notna(), "").astype(str)
    return (text.str.replace("\n", " ").str.strip(" ") != "").to_numpy(dtype=bool)


def _label(ok: np.ndarray, label: str, index: pd.Index) -> pd.Series:
    return pd.Series(np.where(ok, label, ""), index=index, dtype=object)


def _named(ctx: Context) -> bool:
    return bool((ctx.settings.YourName or "").strip(" "))


def thank_you_links(interviews: pd.DataFrame, company: pd.Series, ctx: Context) -> pd.DataFrame:
    """Thank-you link: needs Interviewers, the Company and Your name."""
    ok = _filled(interviews["Interviewers"]) & _filled(company) & _named(ctx)
    return pd.DataFrame({THANK_YOU_LINK.header: _label(ok, THANK_YOU_LINK.label, interviews.index)})


def feedback_links(lessons: pd.DataFrame, pipeline: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Feedback link: needs the application's Company and Your name."""
    company = lookup(lessons["Application ID"], pipeline, "ID", "Company")
    ok = _filled(company) & _named(ctx)
    return pd.DataFrame({FEEDBACK_LINK.header: _label(ok, FEEDBACK_LINK.label, lessons.index)})

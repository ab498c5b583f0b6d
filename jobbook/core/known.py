"""What the as-of date knows (docs/definitions.md § Deadlines): the rules that read a book "as of" a day from its
rows alone, the same in the workbook's formulas (``schema``'s ``after_as_of``, ``action_unknown``,
``done_by``, ``last_contact_known``) and here.

- A row dated after the as-of date (an application by Date applied, an interview by Date...) was
  not known that day (``known``).
- A Last contact after the as-of date had not happened yet: in its place the follow-up clock
  counts from the latest contact the book shows on or before that day (the First response, an
  interview, an offer), else from Date applied (``contacts_known``).
- A done mark dated after the as-of date was not made yet (``marked_done``).
- On a past as-of date (before today), a Next action (or its due date) History wrote after
  that day was not known: it is left out (``actions_known``), as the Withdraw that accepting an offer
  writes on the other applications. The command line reads a past day from History itself
  first (``views.as_known``: the Next action as it stood), the workbook's formulas cannot; a
  Next action typed and never recorded counts as known, as every other typed value.
- An interview counts as held (statistics, "Interviews held") when it is not Cancelled and its
  Date is on or before the as-of date (``held_by``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..schema import OUTCOME_CANCELLED
from .calendar import to_days
from .flags import is_set, mark_dates

__all__ = [
    "Past",
    "actions_known",
    "contacts_known",
    "held_by",
    "known",
    "known_inputs",
    "marked_done",
    "past_of",
]

ACTIONS = ("Next action", "Next action due")  # the History columns whose writes date one


def known(dates: pd.Series, today: dt.date) -> np.ndarray:
    """Rows the as-of date `today` knows (docs/definitions.md § Deadlines): dated on or before it, or undated. A
    row dated later is left out of deadlines, flags, Up next, the calendar and drafts."""
    days = to_days(dates)
    return np.isnat(days) | (days <= np.datetime64(today, "D"))


def contacts_known(
    pipeline: pd.DataFrame,
    today: dt.date,
    interviews: pd.DataFrame | None = None,
    offers: pd.DataFrame | None = None,
) -> np.ndarray:
    """Last contact as the as-of date knows it (``datetime64[D]``). One after that day had not
    happened yet: in its place, the latest contact the book shows on or before that day, the
    First response, an interview of the application (not Cancelled) or an offer of it (NaT:
    none, the follow-up clock counts from Date applied)."""
    day = np.datetime64(today, "D")
    days = to_days(pipeline["Last contact"])
    later = days > day
    if not later.any():
        return days
    first = to_days(pipeline["First response"]) if "First response" in pipeline else days
    best = np.where(first <= day, first, np.datetime64("NaT", "D"))
    keys = _text(pipeline["ID"])
    for table, date_col, keep in (
        (interviews, "Date", None if interviews is None else held_by(interviews, today)),
        (offers, "Offer date", None),
    ):
        if table is None or table.empty or date_col not in table:
            continue
        dates = to_days(table[date_col])
        apps = _text(table["Application ID"]).to_numpy()
        ok = ~np.isnat(dates) & (dates <= day) & (apps != "")
        if keep is not None:
            ok &= keep
        latest = pd.Series(dates[ok], index=apps[ok]).groupby(level=0).max()
        found = latest.reindex(keys.to_numpy(dtype=object)).to_numpy().astype("datetime64[D]")
        best = np.where(np.isnat(best) | (found > best), found, best)
    return np.where(later, best, days)


def marked_done(marks: pd.Series, today: dt.date) -> np.ndarray:
    """Done marks the as-of date knows: set (anything but blank or FALSE), and not a date after
    that day (a thank-you sent on the 25th was not sent yet on the 20th)."""
    later = mark_dates(marks) > np.datetime64(today, "D")  # NaT compares False
    return is_set(marks) & ~later


def held_by(interviews: pd.DataFrame, today: dt.date | None) -> np.ndarray:
    """Interviews that took place, or may have, by `today`: not Cancelled and, with `today`,
    dated on or before it (a time of day counts on its day). None: every one not Cancelled."""
    outcome = interviews["Outcome"] if "Outcome" in interviews else pd.Series(dtype=object)
    folded = outcome.astype("string").str.strip().str.casefold()
    cancelled = (folded == OUTCOME_CANCELLED.casefold()).fillna(False).to_numpy(dtype=bool)
    out = ~cancelled if len(cancelled) == len(interviews) else np.ones(len(interviews), bool)
    if today is not None:
        days = to_days(interviews["Date"])
        out &= ~np.isnat(days) & (days <= np.datetime64(today, "D"))
    return out


@dataclass(frozen=True)
class Past:
    """What History says of a past as-of date (before today) for the Next actions
    (``actions_known``): `written`, the applications (IDs, folded) whose Next action or Next
    action due History wrote after that day."""

    written: frozenset[str]


def _text(s: pd.Series) -> pd.Series:
    return s.astype("string").fillna("").str.strip().str.casefold()


def past_of(history: pd.DataFrame | None, as_of: dt.date, today: dt.date) -> Past | None:
    """The Past of `as_of` from the History table (None when `as_of` is not before `today`:
    the book as it stands is the book of that day). History's When dates each row, as the
    formulas' COUNTIFS read it."""
    if as_of >= today:
        return None
    if history is None or history.empty or "When" not in history:
        return Past(frozenset())
    when = to_days(pd.to_datetime(history["When"], errors="coerce"))
    after = (
        (when > np.datetime64(as_of, "D"))
        & (_text(history["Sheet"]) == "pipeline").to_numpy(dtype=bool)
        & _text(history["Column"]).isin([c.casefold() for c in ACTIONS]).to_numpy(dtype=bool)
    )
    ids = _text(history["ID"])[after]
    return Past(frozenset(i for i in ids if i))


def actions_known(pipeline: pd.DataFrame, past: Past | None) -> np.ndarray:
    """Next actions the as-of date knows: every one, unless the day is past (`past`) and History
    wrote the row's Next action or Next action due after it."""
    if past is None or not past.written:
        return np.ones(len(pipeline), dtype=bool)
    return ~_text(pipeline["ID"]).isin(past.written).to_numpy(dtype=bool)


def known_inputs(inputs: dict[str, pd.DataFrame], today: dt.date, past: Past | None) -> dict:
    """The input tables with what the as-of date `today` did not know taken out, so that every
    face reads the same book (``views.as_known``): a Next action it cannot show was known
    blanked (``actions_known``), a Last contact after it replaced by the latest contact known
    (``contacts_known``), a done mark dated after it (Thank-you sent, a lesson's Done) blanked."""
    out = dict(inputs)
    p = inputs.get("Pipeline")
    if p is not None and not p.empty:
        p = p.copy()
        unknown = ~actions_known(p, past)
        if unknown.any():
            for col in ("Next action", "Next action due"):
                p[col] = p[col].where(~unknown)
        contact = contacts_known(p, today, inputs.get("Interviews"), inputs.get("Offers"))
        p["Last contact"] = pd.Series(contact, index=p.index).astype(p["Last contact"].dtype)
        out["Pipeline"] = p
    for table, col in (("Interviews", "Thank-you sent"), ("Lessons", "Done")):
        frame = inputs.get(table)
        if frame is None or frame.empty:
            continue
        later = is_set(frame[col]) & ~marked_done(frame[col], today)
        if later.any():
            frame = frame.copy()
            frame[col] = frame[col].where(~later)
            out[table] = frame
    return out

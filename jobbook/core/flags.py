"""Deadline flags (docs/definitions.md § Deadlines), vectorised."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..schema import FLAG_DONE, FLAG_OVERDUE, FLAG_SOON, FLAG_TODAY
from .calendar import DAY, NAT, BusinessCalendar, to_days


def flags(
    due: Any,
    done: Any,
    today: dt.date,
    cal: BusinessCalendar,
) -> np.ndarray:
    """Flag of each due date: ``Done`` if done; blank for a blank due; else ``Overdue`` if today is
    past it, ``Due today`` on it, ``Due soon`` if NETWORKDAYS(today+1, due) <= 2, else blank."""
    d = to_days(due)
    done_ = np.broadcast_to(np.asarray(done, dtype=bool), d.shape)
    t = np.datetime64(today, "D")
    out = np.full(d.shape, "", dtype=object)
    has = ~np.isnat(d)
    out[has & (t > d)] = FLAG_OVERDUE
    out[has & (t == d)] = FLAG_TODAY
    ahead = has & (t < d)
    if ahead.any():
        nd = cal.networkdays(np.full(d.shape, t + DAY), d)
        out[ahead & (nd <= 2)] = FLAG_SOON
    out[done_] = FLAG_DONE
    return out


def mark_dates(values: pd.Series) -> np.ndarray:
    """The dates among done marks (``datetime64[D]``; NaT for a blank or a mark such as ``x``)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return to_days(values)
    cells = values.to_numpy(dtype=object)
    is_date = np.fromiter(
        (isinstance(v, dt.date | np.datetime64) for v in cells), dtype=bool, count=len(cells)
    )
    out = np.full(len(cells), NAT)
    if is_date.any():
        out[is_date] = to_days(pd.Series(cells[is_date]))
    return out


def is_set(values: pd.Series) -> np.ndarray:
    """A cell counts as set (done) when it holds anything: a date or a mark such as ``x``."""
    return values.notna().to_numpy()

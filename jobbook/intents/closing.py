"""Closing an application (docs/definitions.md § Deadlines, "closed means closed"): its Status, and Outcome
`Cancelled` on its interviews still ahead. One function for every change that closes one:
``accept --withdraw``, ``done next-action`` on a Withdraw or Decline action, and ``import
--update`` of a file that closes an application.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..changes import Change, TableWrite
from ..core.computed import held
from ..reader import Book
from ..schema import OUTCOME_CANCELLED
from . import rows_with_id, text

__all__ = ["cancel_interviews", "close_application"]


def cancel_interviews(book: Book, app_id: str, on: dt.date) -> tuple[list[Change], list[str]]:
    """The changes that mark Cancelled (Outcome date `on`) the interviews of application `app_id`
    dated after `on`, not Cancelled already and not held (``core.computed.held``: an Outcome such
    as Advanced, or a thank-you sent, says it took place), and each one's ID with its day
    (``I052 on 2026-10-23``)."""
    iv = book.tables["Interviews"]
    columns = book.letters.get("Interviews", {})
    if "Outcome" not in columns:  # a book without the column: nothing to write it in
        return [], []
    rows = rows_with_id(book, "Interviews", "Application ID", app_id)
    taken_place = dict(zip(iv.index, held(iv)))
    changes: list[Change] = []
    lines = []
    for row in rows:
        date = iv.at[row, "Date"]
        if pd.isna(date) or pd.Timestamp(date).date() <= on:
            continue
        if text(iv.at[row, "Outcome"]) == OUTCOME_CANCELLED or taken_place[row]:
            continue
        changes.append(TableWrite("Interviews", "Outcome", row, OUTCOME_CANCELLED))
        if "Outcome date" in columns:
            changes.append(TableWrite("Interviews", "Outcome date", row, on))
        lines.append(f"{iv.at[row, 'ID']} on {pd.Timestamp(date).date().isoformat()}")
    return changes, lines


def close_application(
    book: Book, row: int, status: str, on: dt.date
) -> tuple[list[Change], list[str]]:
    """Close the Pipeline row `row` on day `on`: its Status becomes `status` (Withdrawn, Offer
    declined, Rejected...) and its interviews after `on` are Cancelled (:func:`cancel_interviews`).
    Returns the changes and the interviews cancelled (``I052 on 2026-10-23``)."""
    app_id = str(book.tables["Pipeline"].at[row, "ID"])
    changes: list[Change] = [TableWrite("Pipeline", "Status", row, status)]
    cancelled, lines = cancel_interviews(book, app_id, on)
    return changes + cancelled, lines

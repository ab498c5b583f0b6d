"""Marking a deadline done (``jobbook done``): the cell that says so, by kind of deadline."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..changes import Change, Outcome, RowAppend, TableWrite
from ..core.flags import is_set
from ..errors import RowMissing, UsageError
from ..reader import Book
from . import row_with_id, rows_with_id, text

DONE_KINDS = ("thank-you", "follow-up", "next-action", "lesson", "feedback")
NO_DONE_MARK = {
    "decision": "an offer decision is done when the offer's Status is set: set it on the Offers "
    "sheet (Accepted, Declined...) or run: jobbook accept BOOK OFFER_ID",
    "start": "a start date is not a task to mark done: it leaves the list once the day has passed; "
    "fill Agreed start on the Transition sheet to move it",
}
KINDS = (*DONE_KINDS, *NO_DONE_MARK)

__all__ = ["DONE_KINDS", "KINDS", "NO_DONE_MARK", "done"]


def _blank(value: object) -> bool:
    return not bool(is_set(pd.Series([value], dtype=object))[0])


def _sheet(book: Book, table: str) -> str:
    return book.sheets.get(table) or table


def done(book: Book, kind: str, item_id: str, on: dt.date | None = None) -> Outcome:
    """The changes that mark deadline `kind` of `item_id` done on `on` (default: the as-of date).

    thank-you (Interview ID): Thank-you sent. follow-up (Application ID): Last contact.
    next-action (Application ID): Last contact, and the next action is cleared (its text kept as
    "Done <date>: ..."). lesson (Application ID): Done, on its open lesson due soonest.
    feedback (Application ID): Feedback requested, on its Lessons row (a new one if it has none)."""
    if kind in NO_DONE_MARK:
        raise UsageError(f"{kind}: {NO_DONE_MARK[kind]}")
    if kind not in DONE_KINDS:
        raise UsageError(f"{kind!r} is not a kind of deadline: use one of {', '.join(KINDS)}")
    on = on or book.as_of
    item_id = str(item_id).strip()
    changes: list[Change]
    if kind == "thank-you":
        row = row_with_id(book, "Interviews", "ID", item_id, "interview")
        iv = book.tables["Interviews"].loc[row]
        company = text(iv["Company"], iv["Application ID"])
        if not _blank(iv["Thank-you sent"]):
            return _already(
                book,
                "Interviews",
                "Thank-you sent",
                row,
                f"the thank-you note for {item_id} ({company})",
            )
        changes = [TableWrite("Interviews", "Thank-you sent", row, on)]
        what = f"thank-you note for {item_id} ({company}) sent on {on.isoformat()}"
    elif kind in ("follow-up", "next-action"):
        row = row_with_id(book, "Pipeline", "ID", item_id, "application")
        app = book.tables["Pipeline"].loc[row]
        company = text(app["Company"], item_id)
        changes = [TableWrite("Pipeline", "Last contact", row, on)]
        if kind == "follow-up":
            what = f"followed up on {item_id} ({company}) on {on.isoformat()}"
        else:
            if pd.isna(app["Next action due"]) and _blank(app["Next action"]):
                raise RowMissing(
                    f"{book.path}: {book.where('Pipeline', 'Next action due', row)}: "
                    f"{item_id} has no next action to mark done"
                )
            action = text(app["Next action"])
            changes.append(TableWrite("Pipeline", "Next action due", row, None))
            if action and not action.startswith("Done "):
                changes.append(
                    TableWrite("Pipeline", "Next action", row, f"Done {on.isoformat()}: {action}")
                )
            what = f"next action for {item_id} ({company}) done on {on.isoformat()}"
    elif kind == "lesson":
        rows = rows_with_id(book, "Lessons", "Application ID", item_id)
        if not rows:
            row_with_id(book, "Lessons", "Application ID", item_id, "lesson for application")
        lessons = book.tables["Lessons"].loc[rows]
        still = lessons[[_blank(v) for v in lessons["Done"]]]
        if still.empty:
            return _already(book, "Lessons", "Done", rows[0], f"every lesson action of {item_id}")
        row = int(still.sort_values("Due", kind="stable", na_position="last").index[0])
        changes = [TableWrite("Lessons", "Done", row, on)]
        what = f"lesson action of {item_id} done on {on.isoformat()}"
    else:  # feedback
        rows = rows_with_id(book, "Lessons", "Application ID", item_id)
        lessons = book.tables["Lessons"].loc[rows]
        open_rows = [r for r, v in lessons["Feedback requested"].items() if _blank(v)]
        if rows and not open_rows:
            return _already(
                book, "Lessons", "Feedback requested", rows[0], f"feedback for {item_id}"
            )
        if open_rows:
            changes = [TableWrite("Lessons", "Feedback requested", int(open_rows[0]), on)]
        else:
            app_row = row_with_id(book, "Pipeline", "ID", item_id, "application")
            app_id = book.tables["Pipeline"].at[app_row, "ID"]
            changes = [RowAppend("Lessons", {"Application ID": app_id, "Feedback requested": on})]
        what = f"feedback for {item_id} requested on {on.isoformat()}"
    return _outcome(book, changes, what)


def _already(book: Book, table: str, header: str, row: int, what: str) -> Outcome:
    value = book.tables[table].at[row, header]
    shown = (
        pd.Timestamp(value).date().isoformat()
        if isinstance(value, pd.Timestamp | dt.date)
        else value
    )
    return Outcome(
        [],
        f"{what}: already marked done ({book.where(table, header, row)} = {shown}); nothing to change",
    )


def _outcome(book: Book, changes: list[Change], what: str) -> Outcome:
    return Outcome(changes, f"Marked: {what}.")

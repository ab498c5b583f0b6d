"""Marking a deadline done (``jobbook done``): the cell that says so, by kind of deadline."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..changes import Change, Outcome, RowAppend, TableWrite
from ..core.calendar import in_words
from ..core.computed import closing
from ..core.flags import is_set
from ..errors import BadValue, RowMissing, UsageError
from ..reader import Book
from ..schema import OPEN_OFFER_STATUSES, OUTCOME_CANCELLED
from . import row_with_id, rows_with_id, text
from .closing import close_application

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


def done(
    book: Book, kind: str, item_id: str, on: dt.date | None = None, dry_run: bool = False
) -> Outcome:
    """The changes that mark deadline `kind` of `item_id` done on `on` (default: the as-of date;
    a later day is an error). The message says "Would mark" with `dry_run`.

    thank-you (Interview ID): Thank-you sent (not before the interview). follow-up (Application
    ID): Last contact (a later Last contact is kept). next-action (Application ID): Last contact
    (only on an application: a wishlist row has no follow-up clock to start), and the next action
    is cleared (its text kept as "Done <date>: ..."); a Withdraw or Decline action done closes an
    Active application (``_close``). lesson (Application ID): Done, on its open
    lesson due soonest. feedback (Application ID): Feedback requested, on its Lessons row (a new
    one if it has none)."""
    if kind in NO_DONE_MARK:
        raise UsageError(f"{kind}: {NO_DONE_MARK[kind]}")
    if kind not in DONE_KINDS:
        raise UsageError(f"{kind!r} is not a kind of deadline: use one of {', '.join(KINDS)}")
    if on is not None and on > book.as_of:
        raise BadValue(
            f"{book.path}: --on {on.isoformat()} is after the as-of date "
            f"({book.as_of.isoformat()}): mark a deadline done once it is done"
        )
    on = on or book.as_of
    item_id = str(item_id).strip()
    changes: list[Change]
    lines: list[str] = []
    if kind == "thank-you":
        row = row_with_id(book, "Interviews", "ID", item_id, "interview")
        iv = book.tables["Interviews"].loc[row]
        item_id = str(iv["ID"])
        company = text(iv["Company"], iv["Application ID"])
        if pd.notna(iv["Date"]) and on < pd.Timestamp(iv["Date"]).date():
            raise BadValue(
                f"{book.path}: a thank-you note for {item_id} sent on {on.isoformat()} comes "
                f"before the interview ({book.where('Interviews', 'Date', row)} = "
                f"{pd.Timestamp(iv['Date']).date().isoformat()}); give the day it was sent with --on"
            )
        if text(iv["Outcome"]).casefold() == OUTCOME_CANCELLED.casefold():
            raise BadValue(
                f"{book.path}: {book.where('Interviews', 'Outcome', row)}: {item_id} is "
                f"{OUTCOME_CANCELLED}: a thank-you follows an interview that took place; set its "
                "Outcome if it did"
            )
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
        item_id = str(app["ID"])
        company = text(app["Company"], item_id)
        _not_before(book, "Pipeline", "Date applied", row, on, f"{item_id} was applied to")
        last = None if pd.isna(app["Last contact"]) else pd.Timestamp(app["Last contact"]).date()
        changes = []
        if kind == "next-action" and pd.isna(app["Date applied"]):
            lines.append(
                f"{item_id} has no Date applied (a wishlist row): Last contact is left blank, so "
                "that no follow-up clock starts."
            )
        elif last is not None and last >= on:
            kept = (
                f"Last contact of {item_id} is {last.isoformat()} "
                f"({book.where('Pipeline', 'Last contact', row)}), "
                f"{'the same day' if last == on else f'later than {on.isoformat()}'}: kept"
            )
            if kind == "follow-up":
                return Outcome([], f"{kept}; nothing to change.")
            lines.append(f"{kept}.")
        else:
            changes.append(TableWrite("Pipeline", "Last contact", row, on))
        if kind == "follow-up":
            what = f"followed up on {item_id} ({company}) on {on.isoformat()}"
        else:
            done_before = text(app["Next action"]).startswith("Done ")
            if pd.isna(app["Next action due"]) and done_before:
                return _already(book, "Pipeline", "Next action", row, f"next action for {item_id}")
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
            if app["Status"] == "Active" and bool(closing(pd.Series([action], dtype=object))[0]):
                closed, more = _close(book, row, action, on)
                changes += closed
                lines += more
    elif kind == "lesson":
        rows = rows_with_id(book, "Lessons", "Application ID", item_id)
        if not rows:
            row_with_id(book, "Lessons", "Application ID", item_id, "lesson for application")
        lessons = book.tables["Lessons"].loc[rows]
        item_id = str(lessons["Application ID"].iloc[0])
        still = lessons[[_blank(v) for v in lessons["Done"]]]
        if still.empty:
            return _already(book, "Lessons", "Done", rows[0], f"every lesson action of {item_id}")
        row = int(still.sort_values("Due", kind="stable", na_position="last").index[0])
        _not_before(book, "Lessons", "Decision date", row, on, f"{item_id}'s decision came")
        changes = [TableWrite("Lessons", "Done", row, on)]
        what = f"lesson action of {item_id} done on {on.isoformat()}"
    else:  # feedback
        rows = rows_with_id(book, "Lessons", "Application ID", item_id)
        lessons = book.tables["Lessons"].loc[rows]
        if rows:
            item_id = str(lessons["Application ID"].iloc[0])
        open_rows = [r for r, v in lessons["Feedback requested"].items() if _blank(v)]
        if rows and not open_rows:
            return _already(
                book, "Lessons", "Feedback requested", rows[0], f"feedback for {item_id}"
            )
        if open_rows:
            row = int(open_rows[0])
            _not_before(book, "Lessons", "Decision date", row, on, f"{item_id}'s decision came")
            changes = [TableWrite("Lessons", "Feedback requested", row, on)]
        else:
            app_row = row_with_id(book, "Pipeline", "ID", item_id, "application")
            app_id = item_id = str(book.tables["Pipeline"].at[app_row, "ID"])
            changes = [RowAppend("Lessons", {"Application ID": app_id, "Feedback requested": on})]
        what = f"feedback for {item_id} requested on {on.isoformat()}"
    return Outcome(changes, f"{'Would mark' if dry_run else 'Marked'}: {what}.", lines)


def _not_before(book: Book, table: str, header: str, row: int, on: dt.date, what: str) -> None:
    """A deadline marked done on `on` (the as-of date, or --on) belongs to a row that day knew
    (docs/definitions.md § Deadlines): one dated after it is an error naming the cell."""
    day = book.tables[table].at[row, header]
    if pd.notna(day) and pd.Timestamp(day).date() > on:
        raise BadValue(
            f"{book.path}: {book.where(table, header, row)}: {what} on "
            f"{in_words(pd.Timestamp(day).date())}, after {in_words(on)}, the day it would be "
            "marked done: the book did not know it that day; use a later --as-of or --on (or "
            "correct the date)"
        )


def _close(book: Book, row: int, action: str, on: dt.date) -> tuple[list[Change], list[str]]:
    """A Withdraw or Decline next action done closes the application (docs/definitions.md § Deadlines): Withdrawn,
    or, with an open offer of its own (the one the action names, else its first open one), that
    offer Declined and the application Offer declined; its interviews after `on` Cancelled."""
    app_id = str(book.tables["Pipeline"].at[row, "ID"])
    offers = book.tables["Offers"]
    offer_rows = []
    if action.lstrip(" ").casefold().startswith("decline"):
        mine = rows_with_id(book, "Offers", "Application ID", app_id)
        still = [r for r in mine if _blank(offers.at[r, "Status"]) or offers.at[r, "Status"]
                 in OPEN_OFFER_STATUSES]  # fmt: skip
        named = [r for r in still if str(offers.at[r, "ID"]).casefold() in action.casefold()]
        offer_rows = (named or still)[:1]
    status = "Offer declined" if offer_rows else "Withdrawn"
    changes, cancelled = close_application(book, row, status, on)
    lines = [f"{app_id} is now {status}."]
    for r in offer_rows:
        changes.insert(0, TableWrite("Offers", "Status", r, "Declined"))
        lines[0] = f"{offers.at[r, 'ID']} is now Declined and {app_id} {status}."
    if cancelled:
        lines.append(f"Its interview(s) ahead marked Cancelled: {', '.join(cancelled)}.")
    return changes, lines


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

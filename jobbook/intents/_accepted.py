"""The acceptance a book holds, as an import sees it (README § Changing your workbook: a search ends with one
acceptance, and import tells the same story as ``accept``):

* ``import --update`` (or a wishlist row the files show applied to) never writes a second
  Accepted Status: the Status is left as it was and one line says why and what to do;
* a new application that arrives Accepted while the book (or an earlier row of the same import)
  holds an acceptance is added, with a warning (``check`` then calls it an error);
* while the book holds an accepted offer with its Transition row, every application the import
  leaves Active (with a Date applied) gets the next action ``accept`` gives the others,
  ``Withdraw: accepted <Company>``, due the next business day, so that Transition's
  Applications to withdraw, the deadlines and the drafts agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..reader import Book
from . import rows_with_id, text

WITHDRAW = "Withdraw: accepted {company}"  # the next action accept writes (intents.accept)

__all__ = ["Accepted", "Acceptances", "give", "joins", "to_withdraw"]


@dataclass(frozen=True)
class Accepted:
    """One acceptance: the application (`app_id`, may be None for an offer without one), its
    company, how the user sees it (``O02 (Harvest Table)``), the cell that says so, and for an
    accepted offer with a Transition row dated by the as-of date, the day it was accepted."""

    app_id: str | None
    company: str
    ident: str  # O02, or application A069
    where: str
    moving: bool = False
    on: dt.date | None = None

    @property
    def name(self) -> str:
        return f"{self.ident} ({self.company})"

    @property
    def closed(self) -> str:
        """What the one not taken becomes."""
        return "Offer declined, Withdrawn" if self.ident.startswith("application") else "Declined"


def _day(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _key(value: object) -> str:
    return str(value or "").strip().casefold()


class Acceptances:
    """The acceptances of `book` (accepted offers first, then applications marked Accepted that
    no accepted offer names), and those an import adds as it goes."""

    def __init__(self, book: Book):
        self.book = book
        self.held: list[Accepted] = []
        offers, trans = book.tables["Offers"], book.tables["Transition"]
        named: set[str] = set()
        for r in offers.index[(offers["Status"] == "Accepted").fillna(False)]:
            oid, app = str(offers.at[r, "ID"]), offers.at[r, "Application ID"]
            company = text(offers.at[r, "Company"], app if pd.notna(app) else oid)
            t_rows = rows_with_id(book, "Transition", "Offer ID", oid)
            on = _day(trans.at[t_rows[0], "Accepted on"]) if t_rows else None
            moving = bool(t_rows) and (on is None or on <= book.as_of)
            self.held.append(
                Accepted(
                    None if pd.isna(app) else str(app),
                    company,
                    oid,
                    book.where("Offers", "Status", int(r)),
                    moving,
                    on,
                )
            )
            named.add(_key(app))
        p = book.tables["Pipeline"]
        for r in p.index[(p["Status"] == "Accepted").fillna(False)]:
            if _key(p.at[r, "ID"]) in named:
                continue
            company = text(p.at[r, "Company"], p.at[r, "ID"])
            self.held.append(
                Accepted(
                    str(p.at[r, "ID"]),
                    company,
                    f"application {p.at[r, 'ID']}",
                    book.where("Pipeline", "Status", int(r)),
                )
            )

    @property
    def moving(self) -> Accepted | None:
        """The accepted offer whose move (a Transition row) is under way, if any."""
        return next((a for a in self.held if a.moving), None)

    def other(self, app_id: str) -> Accepted | None:
        """An acceptance of another application than `app_id`."""
        return next((a for a in self.held if _key(a.app_id) != _key(app_id)), None)

    def add(self, app_id: str, company: str, where: str) -> None:
        self.held.append(Accepted(app_id, company, f"application {app_id}", where))

    def withdraw_action(self) -> tuple[str, dt.date] | None:
        """(next action, due) that ``accept`` gives the other Active applications, while an
        accepted offer's move is under way."""
        m = self.moving
        if m is None:
            return None
        due = self.book.calendar.workday(self.book.as_of, 1).item()
        return WITHDRAW.format(company=m.company), due

    def refused(self, app_id: str, company: str, was: str | None) -> str | None:
        """The line that says why the files' Accepted is not written for `app_id`, and what to
        do; None when no other acceptance stands in the way."""
        other = self.other(app_id)
        if other is None:
            return None
        return (
            f"{app_id} ({company}): the files say Accepted, but {other.name} is already Accepted "
            f"({other.where}): its Status is left {was or '(blank)'}. If you took {company} "
            f"instead, set {other.ident}'s Status to what happened ({other.closed}), then import "
            "again with --update"
        )

    def second(self, app_id: str, company: str) -> str | None:
        """The warning for a new application that arrives Accepted beside another acceptance."""
        other = self.other(app_id)
        if other is None:
            return None
        return (
            f"{app_id} ({company}) arrives Accepted, but {other.name} is Accepted too "
            f"({other.where}): a search ends with one acceptance, and check calls two an error; "
            "set the Status of the application you did not take to what happened (Offer declined or "
            "Withdrawn)"
        )


def to_withdraw(values: dict) -> bool:
    """Whether a row of these values is among Transition's Applications to withdraw (docs/definitions.md
    § Deadlines: Active, with a Date applied)."""
    return values.get("Status") == "Active" and values.get("Date applied") is not None


def joins(row, writes: dict) -> bool:
    """Whether the book's `row` (``_arrivals.BookRow``) joins the applications to withdraw by
    `writes` (a wishlist row applied to)."""
    before = {"Status": row.status, "Date applied": row.applied}
    after = {h: writes.get(h, before[h]) for h in before}
    return not to_withdraw(before) and to_withdraw(after)


def give(values: dict, action: tuple[str, dt.date]) -> None:
    """The next action accept gives the other Active applications, into `values` (a new row's,
    or the writes of a row of the book); a next action the file gave is kept in Notes."""
    own, due = values.get("Next action"), values.get("Next action due")
    if own:
        when = f" (due {due.isoformat()})" if hasattr(due, "isoformat") else ""
        values["Notes"] = "; ".join(
            n for n in (values.get("Notes"), f"Next action in the file: {own}{when}") if n
        )
    values["Next action"], values["Next action due"] = action

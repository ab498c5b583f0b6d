"""Whether a draft fits where its row stands (docs/definitions.md § Deadlines; README § Message drafts): a letter that the row's
Status or dates contradict is a ``DraftConflict`` that says why and what to do; a letter that fits
but deserves a look before sending gets a note.

- follow-up: an Active application; feedback: after a rejection or a decline (Rejected, Offer
  declined); withdraw: an application sent (Date applied) and open (Active), or already marked
  Withdrawn (``accept --withdraw`` writes the letters from the book as it will be).
- thank-you: an interview that has taken place (Date on or before the as-of date), not one whose
  Outcome is Cancelled.
- counter: an open offer (Pending, Negotiating or blank); accept: open or Accepted; decline: open
  or Declined; resign: an Accepted offer.
- closed means closed (docs/definitions.md § Deadlines): no follow-up for an application whose Next action is to
  withdraw or decline; and the as-of date sees only what was known: no letter about an
  application applied to, or an offer made, after it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..core.calendar import in_words
from ..core.computed import closing
from ..errors import DraftConflict
from ..reader import Book
from ..schema import OUTCOME_CANCELLED
from ._values import Missing

OPEN = (
    "",
    "pending",
    "negotiating",
)  # an offer with a blank Status is open (docs/definitions.md § Deadlines)

# kind: (the Statuses that allow it, what the letter is for)
APPLICATION = {
    "follow-up": (("active",), "a follow-up is for an Active application"),
    "feedback": (
        ("rejected", "offer declined"),
        "a feedback request follows a rejection or a decline",
    ),
    "withdraw": (("active", "withdrawn"), "a withdrawal is for an open (Active) application"),
}
OFFER = {
    "counter": (OPEN, "a counter-proposal is for an open offer (Pending or Negotiating)"),
    "accept": ((*OPEN, "accepted"), "an acceptance is for an open offer (Pending or Negotiating)"),
    "decline": ((*OPEN, "declined"), "a decline is for an open offer (Pending or Negotiating)"),
    "resign": (("accepted",), "a resignation follows accepting an offer"),
}


def _status(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _is(ident: str, status: str) -> str:
    """``A052 is still Active``, ``A060 is marked No response``, ``O03 has no Status``."""
    if not status:
        return f"{ident} has no Status"
    if status.casefold() == "active":
        return f"{ident} is still Active"
    return f"{ident} is {'marked ' if ' ' in status else ''}{status}"


def _application_fix(kind: str) -> str:
    if kind == "feedback":
        return "set its Status to Rejected or Offer declined first if that is what happened"
    return "set its Status to Active first if the process is still open"


def _offer_fix(kind: str, status: str) -> str:
    s = status.casefold()
    if kind == "resign":
        return "accept it first (jobbook accept, or the Accept offer button)"
    if s in ("expired", "rescinded"):
        return "set its Status back first if the offer still stands"
    if kind == "decline" and s == "accepted":
        return "set its Status to Declined first if you are going back on it"
    if kind == "counter":
        return "set its Status to Negotiating first if you are still negotiating"
    return "set its Status to Pending or Negotiating first if the offer still stands"


def _closing_letter(book: Book, action: str, ident: str) -> str:
    """The draft command for a closing Next action: ``jobbook draft search.xlsx withdraw A054``,
    or the decline of the offer it names (``Decline O03: ...``)."""
    words = action.split()
    if action.casefold().startswith("decline") and len(words) > 1:
        return f"jobbook draft {book.path.name} decline {words[1].rstrip(':')}"
    return f"jobbook draft {book.path.name} withdraw {ident}"


def _known(book: Book, kind: str, facts: dict) -> None:
    """The as-of date sees only what was known that day (docs/definitions.md § Deadlines): a letter about an
    application applied to after it, or an offer made after it, is a DraftConflict."""
    if kind in OFFER:
        when, what, cell = facts["offer"]["offer_date"], "was made", facts.get("offer_date_cell")
    else:
        when, what, cell = facts["app"]["date_applied"], "was applied to", facts["applied_cell"]
    if isinstance(when, dt.date) and when > book.as_of:
        raise DraftConflict(
            f"{book.path}: {cell}: {facts['id'] if kind in OFFER else facts['app']['id']} {what} "
            f"on {in_words(when)}, after the as-of date {in_words(book.as_of)}: the book did not "
            "know it that day; use a later --as-of (or correct the date)"
        )


def check(book: Book, kind: str, facts: dict) -> list[str]:
    """Raise DraftConflict when the row contradicts the `kind` draft; else the notes to read
    before sending (an overdue decision, a thank-you already sent)."""
    ident = str(facts["id"])
    where = facts.get("state_cell", "")
    _known(book, kind, facts)
    if kind in APPLICATION:
        allowed, purpose = APPLICATION[kind]
        status = _status(facts["app"]["status"])
        if status.casefold() not in allowed:
            fix = _application_fix(kind)
            raise DraftConflict(f"{book.path}: {where}: {_is(ident, status)}: {purpose}; {fix}")
        action = facts["app"]["next_action"]
        if kind == "follow-up" and isinstance(action, str) and closing(pd.Series([action]))[0]:
            raise DraftConflict(
                f'{book.path}: {facts["action_cell"]}: {ident}\'s Next action is "{action}": a '
                "follow-up would say you are still interested; write that letter instead "
                f"({_closing_letter(book, action, ident)}), or change the Next action if you are "
                "staying in"
            )
        applied = facts["app"]["date_applied"]
        if kind == "withdraw" and isinstance(applied, Missing):
            raise DraftConflict(
                f"{book.path}: {facts['applied_cell']}: {ident} has no Date applied: there is no "
                "application to withdraw; fill it in if you applied"
            )
        return []
    if kind in OFFER:
        allowed, purpose = OFFER[kind]
        status = _status(facts["offer"]["status"])
        if status.casefold() not in allowed:
            fix = _offer_fix(kind, status)
            raise DraftConflict(f"{book.path}: {where}: {_is(ident, status)}: {purpose}; {fix}")
        if (
            kind in ("accept", "counter")
            and status.casefold() in OPEN
            and facts["flag"] == "Overdue"
        ):
            return [f"its decision was due on {facts['due']}: check that the offer still stands"]
        return []
    # thank-you
    iv = facts["interview"]
    when = iv["date"]
    if isinstance(when, dt.date) and when > book.as_of:
        raise DraftConflict(
            f"{book.path}: {where}: {ident} is on {in_words(when)}, after the as-of date "
            f"{in_words(book.as_of)}: a thank-you follows the interview; write it afterwards (or "
            "correct the Date)"
        )
    if iv["outcome"] == OUTCOME_CANCELLED:
        raise DraftConflict(
            f"{book.path}: {facts['outcome_cell']}: {ident} is {OUTCOME_CANCELLED}: a thank-you "
            "follows an interview that took place; set its Outcome if it did"
        )
    sent = iv["thank_you_sent"]
    if sent and not isinstance(sent, Missing):
        on = f" ({sent.isoformat()})" if isinstance(sent, dt.date) else ""
        return [f"Thank-you sent is already marked for {ident}{on}"]
    return []

"""Accepting an offer (SPEC section 9): the same changes for the Accept offer button and for
``jobbook accept``."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..changes import Change, Outcome, RowAppend, TableWrite, applied
from ..core.computed import other_active_ids
from ..errors import BadValue
from ..excel.layout import band
from ..reader import Book
from ..schema import OPEN_OFFER_STATUSES
from . import rows_with_id, text

__all__ = ["accept"]


def _day(value: object) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def accept(
    book: Book,
    offer_id: str | None = None,
    selected_row: int | None = None,
    notice_given: dt.date | None = None,
    withdraw: bool = False,
) -> Outcome:
    """Accept the offer `offer_id` (or the one on Excel row `selected_row` of Offers): it and its
    application become Accepted, the other Active applications get a "Withdraw" next action due the
    next business day (with `withdraw`, also the Status Withdrawn), Transition gets the offer's row
    (Accepted on = the as-of date; Notice given when known), and the steps go to the Lists sheet."""
    offers, pipeline = book.tables["Offers"], book.tables["Pipeline"]
    if offer_id:
        rows = rows_with_id(book, "Offers", "ID", str(offer_id).strip())
        match = offers.loc[rows[:1]]
    elif selected_row is not None:
        match = offers.loc[[selected_row]] if selected_row in offers.index else offers.iloc[0:0]
    else:
        match = offers.iloc[0:0]
    if match.empty:
        raise BadValue(
            "choose the offer to accept: pick its ID next to the button, or select its row on the Offers sheet"
            if not offer_id
            else f"{book.path}: no offer {offer_id!r} on the {book.sheets.get('Offers') or 'Offers'} "
            "sheet (column ID); choose the offer to accept by its ID"
        )
    row = int(match.index[0])
    offer = match.iloc[0]
    oid, app_id = str(offer["ID"]), str(offer["Application ID"])
    company = text(offer["Company"], app_id)
    today = book.as_of
    next_day = book.calendar.workday(today, 1).item()
    changes: list[Change] = [TableWrite("Offers", "Status", row, "Accepted")]
    for r in rows_with_id(book, "Pipeline", "ID", app_id)[:1]:
        changes.append(TableWrite("Pipeline", "Status", r, "Accepted"))
        changes.append(TableWrite("Pipeline", "Stage", r, "Offer"))
    others = other_active_ids(pipeline, app_id)
    for other in others:
        r = rows_with_id(book, "Pipeline", "ID", other)[0]
        changes.append(TableWrite("Pipeline", "Next action", r, f"Withdraw: accepted {company}"))
        changes.append(TableWrite("Pipeline", "Next action due", r, next_day))
        if withdraw:
            changes.append(TableWrite("Pipeline", "Status", r, "Withdrawn"))
    trans = book.tables["Transition"]
    existing = rows_with_id(book, "Transition", "Offer ID", oid)
    if existing:
        t_row = existing[0]
        if pd.isna(trans.loc[t_row, "Accepted on"]):
            changes.append(TableWrite("Transition", "Accepted on", t_row, today))
        if notice_given is not None:
            changes.append(TableWrite("Transition", "Notice given", t_row, notice_given))
    else:
        if book.header_rows.get("Transition") is None:
            raise BadValue(f"{book.path}: no Transition table to fill")
        values: dict[str, object] = {"Offer ID": oid, "Accepted on": today}
        if notice_given is not None:
            values["Notice given"] = notice_given
        changes.append(RowAppend("Transition", values))

    still_open = offers["Status"].isna() | offers["Status"].isin(OPEN_OFFER_STATUSES)
    open_offers = offers[(offers.index != row) & still_open]
    offer_apps = {str(a).lower() for a in open_offers["Application ID"].dropna()}
    steps = [
        f"Accept {oid} ({company}) in writing; ask for the contract and confirm the start date."
    ]
    for _, o in open_offers.iterrows():
        steps.append(
            f"Decline {o['ID']} ({text(o['Company'], o['Application ID'])}) politely: thank them and keep the door open."
        )
    company_of = dict(zip(pipeline["ID"].str.lower(), pipeline["Company"]))
    to_withdraw = [o for o in others if o.lower() not in offer_apps]
    for other in to_withdraw:
        steps.append(
            f"Withdraw {other} ({company_of.get(other.lower(), '')}) with a short thank-you note, by {next_day.isoformat()}."
        )
    tsheet = book.sheets.get("Transition") or "Transition"
    steps += [
        "Thank your references and the people who referred you; tell them where you are going.",
        f"Give notice at your current job, then fill Notice given on the {tsheet} sheet: your last day and earliest start follow."
        if notice_given is None
        else "Hand in your notice in writing and keep a copy; agree the start date with your new employer.",
        "Keep this workbook: the Lessons sheet and your answers are worth having for the next search.",
    ]
    changes += band(
        "accept",
        f"Accepting {oid} ({company}) on {today.isoformat()}",
        ["Step", "To do"],
        [[k, s] for k, s in enumerate(steps, 1)],
    )
    after = applied(book, changes).tables["Transition"]
    t = after[after["Offer ID"].str.lower() == oid.lower()].iloc[0]
    marked = "marked Withdrawn" if withdraw else "marked to withdraw"
    return Outcome(
        changes,
        f"Accepted {oid} ({company}): {len(others)} other application(s) {marked}.",
        steps,
        {
            "offer": oid,
            "application": app_id,
            "company": company,
            "accepted_on": today.isoformat(),
            "notice_given": _day(t["Notice given"]),
            "last_day": _day(t["Last day"]),
            "earliest_start": _day(t["Earliest start"]),
            "to_withdraw": others,
            "withdrawn": others if withdraw else [],
            "to_decline": [str(i) for i in open_offers["ID"]],
            "steps": steps,
        },
    )

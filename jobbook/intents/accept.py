"""Accepting an offer (README § Changing your workbook): the same changes for the Accept offer button and for
``jobbook accept``."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..changes import Change, Outcome, RowAppend, TableWrite, applied
from ..core.calendar import in_words
from ..core.computed import other_active_ids
from ..core.known import known
from ..errors import BadValue, NotAcceptable, RowMissing
from ..reader import Book
from ..schema import CLOSED_OFFER_STATUSES, OPEN_OFFER_STATUSES
from . import rows_with_id, text
from .closing import close_application
from .lists import band

__all__ = ["accept"]

_LEFT_BY_ACCEPT = ("Withdraw: accepted ", "Decline ")  # next actions an earlier accept wrote
# an application in one of these is over: its offer cannot be accepted without --force
CLOSED_APPLICATION = ("Rejected", "Withdrawn", "No response", "Offer declined")
_FORCE = "or run jobbook accept with --force to accept it anyway"


def _day(value: object) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _find(book: Book, offer_id: str | None, selected_row: int | None) -> int:
    offers = book.tables["Offers"]
    if offer_id:
        rows = rows_with_id(book, "Offers", "ID", str(offer_id).strip())
    elif selected_row is not None and selected_row in offers.index:
        rows = [int(selected_row)]
    else:
        rows = []
    if not rows:
        raise BadValue(
            "choose the offer to accept: pick its ID next to the button, or select its row on the Offers sheet"
            if not offer_id
            else f"{book.path}: no offer {offer_id!r} on the {book.sheets.get('Offers') or 'Offers'} "
            "sheet (column ID); choose the offer to accept by its ID"
        )
    return rows[0]


def _application_row(book: Book, row: int, oid: str) -> int:
    """The Pipeline row of the offer's application: an error naming the Offers cell when there is
    none (accepting would otherwise withdraw the very company accepted)."""
    app_id = book.tables["Offers"].at[row, "Application ID"]
    rows = [] if pd.isna(app_id) else rows_with_id(book, "Pipeline", "ID", str(app_id))
    if not rows:
        what = "has no Application ID" if pd.isna(app_id) else f"names application {app_id!r}"
        raise RowMissing(
            f"{book.path}: {book.where('Offers', 'Application ID', row)}: offer {oid} {what}, "
            f"which is not on the {book.sheets.get('Pipeline') or 'Pipeline'} sheet (column ID); "
            "write the ID of its application there, then accept again"
        )
    return rows[0]


def _check_notice(book: Book, row: int, oid: str, notice: dt.date | None, on: dt.date, t_row):
    """Notice is given after the offer and after accepting it: an error otherwise."""
    if notice is None:
        return
    offered = book.tables["Offers"].at[row, "Offer date"]
    if pd.notna(offered) and notice < pd.Timestamp(offered).date():
        raise BadValue(
            f"{book.path}: --notice-given {notice.isoformat()} is before {oid}'s offer date "
            f"{_day(offered)} ({book.where('Offers', 'Offer date', row)}): notice is given after "
            "accepting an offer; check the date"
        )
    if notice < on:
        where = (
            book.where("Transition", "Accepted on", t_row)
            if t_row is not None
            else "the as-of date; use --as-of to record an earlier acceptance"
        )
        raise BadValue(
            f"{book.path}: --notice-given {notice.isoformat()} is before {oid} was accepted "
            f"({on.isoformat()}, {where}): notice is given after accepting; check the date"
        )


def _unknown(book: Book, row: int, oid: str, app_row: int) -> list[tuple[str, str]]:
    """The offer or its application dated after the as-of date (docs/definitions.md § Deadlines: that day did not
    know it), each as (the cell, what it says): "O03 was made on 4 December 2026"."""
    out = []
    for table, header, r, what in (
        ("Offers", "Offer date", row, f"{oid} was made"),
        ("Pipeline", "Date applied", app_row, f"{oid}'s application was sent"),
    ):
        day = book.tables[table].at[r, header]
        if pd.notna(day) and pd.Timestamp(day).date() > book.as_of:
            when = in_words(pd.Timestamp(day).date())
            out.append((book.where(table, header, r), f"{what} on {when}"))
    return out


def _refusals(book: Book, row: int, oid: str, company: str, app_row: int) -> list[str]:
    """Why the offer cannot be accepted as the book stands (README § Changing your workbook), each on one line
    naming the cell that says so: the offer or its application is dated after the as-of date,
    the offer is closed, its application is closed, another offer or application is already
    Accepted. Empty when it can."""
    offers, pipeline = book.tables["Offers"], book.tables["Pipeline"]
    out = [
        f"{cell}: {what}, after the as-of date {in_words(book.as_of)}: the book did not know it "
        f"that day; use a later --as-of (or correct the date), {_FORCE}"
        for cell, what in _unknown(book, row, oid, app_row)
    ]
    status = offers.at[row, "Status"]
    if status in CLOSED_OFFER_STATUSES:
        out.append(
            f"{book.where('Offers', 'Status', row)}: {oid} ({company}) is {status}: an acceptance "
            f"is for an open offer; set its Status back to Pending if it still stands, {_FORCE}"
        )
    app_status = pipeline.at[app_row, "Status"]
    if app_status in CLOSED_APPLICATION:
        app_id = pipeline.at[app_row, "ID"]
        out.append(
            f"{book.where('Pipeline', 'Status', app_row)}: {oid}'s application {app_id} "
            f"({company}) is {app_status}: that process is closed; set its Status back to Active "
            f"if it is not, {_FORCE}"
        )
    for r, o in offers[(offers.index != row) & (offers["Status"] == "Accepted")].iterrows():
        other = text(o["Company"], o["Application ID"])
        out.append(
            f"{book.where('Offers', 'Status', int(r))}: {o['ID']} ({other}) is already Accepted: "
            f"accepting {oid} too would leave two accepted offers; set {o['ID']}'s Status to "
            f"Declined first if you changed your mind, {_FORCE}"
        )
    if not out:
        out += _accepted_applications(book, app_row, oid)
    return out


def _accepted_applications(book: Book, app_row: int, oid: str) -> list[str]:
    """Another application marked Accepted, by hand (no Accepted offer says so)."""
    pipeline = book.tables["Pipeline"]
    out = []
    for r, p in pipeline[pipeline["Status"] == "Accepted"].iterrows():
        if int(r) != app_row:
            out.append(
                f"{book.where('Pipeline', 'Status', int(r))}: application {p['ID']} "
                f"({text(p['Company'], p['ID'])}) is already Accepted: accepting {oid} too would "
                f"make two acceptances; set its Status to what happened first, {_FORCE}"
            )
    return out


def _warnings(book: Book, row: int, oid: str, company: str, app_row: int) -> list[str]:
    """With --force: accepting an offer dated after the as-of date, a closed offer, or a second
    offer while another is Accepted."""
    offers, pipeline = book.tables["Offers"], book.tables["Pipeline"]
    out = [
        f"{what}, after the as-of date {in_words(book.as_of)} ({cell}): accepting it anyway"
        for cell, what in _unknown(book, row, oid, app_row)
    ]
    status = offers.at[row, "Status"]
    if status in CLOSED_OFFER_STATUSES:
        out.append(
            f"{oid} ({company}) is {status} ({book.where('Offers', 'Status', row)}): accepting it "
            "anyway; make sure the offer still stands before you tell anyone"
        )
    app_status = pipeline.at[app_row, "Status"]
    if app_status in CLOSED_APPLICATION:
        out.append(
            f"{oid}'s application {pipeline.at[app_row, 'ID']} is {app_status} "
            f"({book.where('Pipeline', 'Status', app_row)}): accepting it anyway"
        )
    app_id = str(pipeline.at[app_row, "ID"]).lower()
    named = set()
    for r, o in offers[(offers.index != row) & (offers["Status"] == "Accepted")].iterrows():
        other = text(o["Company"], o["Application ID"])
        named.add(str(o["Application ID"]).lower())
        out.append(
            f"YOU ALREADY ACCEPTED {o['ID']} ({other}) ({book.where('Offers', 'Status', int(r))} "
            f"= Accepted): now accepting {oid} as well; if you are turning {other} down, tell "
            f"them at once and set {o['ID']}'s Status to Declined"
        )
    for r, p in pipeline[pipeline["Status"] == "Accepted"].iterrows():
        pid = str(p["ID"]).lower()
        if int(r) != app_row and pid != app_id and pid not in named:
            out.append(
                f"application {p['ID']} ({text(p['Company'], p['ID'])}) is already Accepted "
                f"({book.where('Pipeline', 'Status', int(r))}): now accepting {oid} too"
            )
    return out


def accept(
    book: Book,
    offer_id: str | None = None,
    selected_row: int | None = None,
    notice_given: dt.date | None = None,
    withdraw: bool = False,
    force: bool = False,
) -> Outcome:
    """Accept the offer `offer_id` (or the one on Excel row `selected_row` of Offers): it and its
    application become Accepted (its own next action left by an earlier accept is cleared); every
    other Active application gets a next action: "Withdraw: ..." due the next business day, or,
    for one with an open offer, "Decline O05: ..." without a due date (the offer's decision
    deadline is its one reminder); with `withdraw`, those offers become Declined
    (their applications Offer declined) and the other applications Withdrawn. Transition gets the
    offer's row (Accepted on = the as-of date; Notice given when known), the steps go to the Lists
    sheet; with `withdraw`, the interviews still ahead of each application closed are marked
    Cancelled. Refused (NotAcceptable, nothing written) unless `force`: the offer Declined, Expired
    or Rescinded, its application closed, another offer or application already Accepted; with
    `force`, those are warnings. Accepting the offer already Accepted again completes it (notice,
    withdrawals)."""
    offers, pipeline = book.tables["Offers"], book.tables["Pipeline"]
    row = _find(book, offer_id, selected_row)
    offer = offers.loc[row]
    oid = str(offer["ID"])
    app_row = _application_row(book, row, oid)
    app_id = str(pipeline.at[app_row, "ID"])
    company = text(offer["Company"], app_id)
    today = book.as_of
    next_day = book.calendar.workday(today, 1).item()
    trans = book.tables["Transition"]
    existing = rows_with_id(book, "Transition", "Offer ID", oid)
    t_row = existing[0] if existing else None
    filled = t_row is not None and pd.notna(trans.at[t_row, "Accepted on"])
    accepted_on = pd.Timestamp(trans.at[t_row, "Accepted on"]).date() if filled else today
    refusals = _refusals(book, row, oid, company, app_row)
    if refusals and not force:
        raise NotAcceptable(f"{book.path}: {refusals[0]}")
    _check_notice(book, row, oid, notice_given, accepted_on, t_row if filled else None)
    warnings = _warnings(book, row, oid, company, app_row) if force else []

    changes: list[Change] = [
        TableWrite("Offers", "Status", row, "Accepted"),
        TableWrite("Pipeline", "Status", app_row, "Accepted"),
        TableWrite("Pipeline", "Stage", app_row, "Offer"),
    ]
    own_action = text(pipeline.at[app_row, "Next action"])
    if own_action.startswith(_LEFT_BY_ACCEPT) and ": accepted " in own_action:
        changes.append(TableWrite("Pipeline", "Next action", app_row, None))
        changes.append(TableWrite("Pipeline", "Next action due", app_row, None))

    still_open = offers["Status"].isna() | offers["Status"].isin(OPEN_OFFER_STATUSES)
    same_app = offers["Application ID"].astype(str).str.lower() == app_id.lower()
    open_offers = offers[(offers.index != row) & still_open & ~same_app]
    superseded = offers[(offers.index != row) & still_open & same_app]
    declining = {
        str(a).lower(): str(i) for i, a in zip(open_offers["ID"], open_offers["Application ID"])
    }
    known_apps = set(pipeline["ID"][known(pipeline["Date applied"], today)].astype(str))
    others = [o for o in other_active_ids(pipeline, app_id) if o in known_apps]  # that day's
    to_withdraw = [o for o in others if o.lower() not in declining]
    cancelled: list[str] = []  # the interviews ahead marked Cancelled ("I052 on 2026-10-23")
    for other in others:
        r = rows_with_id(book, "Pipeline", "ID", other)[0]
        decline = declining.get(other.lower())
        action = (
            f"Decline {decline}: accepted {company}" if decline else f"Withdraw: accepted {company}"
        )
        changes.append(TableWrite("Pipeline", "Next action", r, action))
        # a decline's reminder is the offer's own decision deadline: one reminder, not two
        changes.append(TableWrite("Pipeline", "Next action due", r, None if decline else next_day))
        if withdraw:
            closed, lines = close_application(
                book, r, "Offer declined" if decline else "Withdrawn", today
            )
            changes += closed
            cancelled += lines
    if withdraw:
        for r in open_offers.index:
            changes.append(TableWrite("Offers", "Status", int(r), "Declined"))
    if t_row is not None:
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

    to_decline = [str(i) for i in open_offers["ID"]]
    steps = _steps(book, oid, company, open_offers, superseded, to_withdraw, next_day, notice_given)
    steps[1:1] = [
        f"You had already accepted {o['ID']} ({text(o['Company'], o['Application ID'])}): if you "
        "are turning it down, tell them at once and set its Status to Declined."
        for _, o in offers[(offers.index != row) & (offers["Status"] == "Accepted")].iterrows()
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
    message = f"Accepted {oid} ({company}): {len(to_withdraw)} other application(s) {marked}"
    if to_decline:
        message += f", {len(to_decline)} other offer(s) " + (
            "marked Declined" if withdraw else "to decline"
        )
    if cancelled:
        message += f"; interview(s) ahead marked Cancelled: {', '.join(cancelled)}"
    return Outcome(
        changes,
        message + ".",
        steps,
        {
            "offer": oid,
            "application": app_id,
            "company": company,
            "accepted_on": accepted_on.isoformat(),
            "notice_given": _day(t["Notice given"]),
            "last_day": _day(t["Last day"]),
            "earliest_start": _day(t["Earliest start"]),
            "to_withdraw": to_withdraw,
            "withdrawn": to_withdraw if withdraw else [],
            "to_decline": to_decline,
            "declined": to_decline if withdraw else [],
            "cancelled": [c.split(" on ")[0] for c in cancelled],
            "steps": steps,
        },
        warnings,
    )


def _steps(book, oid, company, open_offers, superseded, to_withdraw, next_day, notice_given):
    pipeline = book.tables["Pipeline"]
    steps = [
        f"Accept {oid} ({company}) in writing; ask for the contract and confirm the start date."
    ]
    for _, o in open_offers.iterrows():
        steps.append(
            f"Decline {o['ID']} ({text(o['Company'], o['Application ID'])}) politely: thank them "
            "and keep the door open."
        )
    for _, o in superseded.iterrows():
        steps.append(
            f"{o['ID']} is another open offer for the same application: set its Status (an "
            "earlier version of this offer?) on the Offers sheet."
        )
    company_of = dict(zip(pipeline["ID"].str.lower(), pipeline["Company"]))
    for other in to_withdraw:
        steps.append(
            f"Withdraw {other} ({company_of.get(other.lower(), '')}) with a short thank-you note, "
            f"by {next_day.isoformat()}."
        )
    tsheet = book.sheets.get("Transition") or "Transition"
    return steps + [
        "Thank your references and the people who referred you; tell them where you are going.",
        f"Give notice at your current job, then fill Notice given on the {tsheet} sheet: your last "
        "day and earliest start follow."
        if notice_given is None
        else "Hand in your notice in writing and keep a copy; agree the start date with your new "
        "employer.",
        "Keep this workbook: the Lessons sheet and your answers are worth having for the next search.",
    ]

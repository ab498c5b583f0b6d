"""The facts of each message draft (README § Message drafts): a Book, a kind and an ID in; a dict for the
templates out. Pure: nothing is written, nothing rendered.

Figures come from ``jobbook.views`` (offers with their values and rank, open deadlines), so a draft
quotes the numbers and dates that ``jobbook offers`` and ``jobbook deadlines`` print. A blank the
letter needs is a ``Missing`` naming the cell to fill; the renderer refuses to print it.
"""

from __future__ import annotations

import pandas as pd

from .. import views
from ..core.known import known
from ..errors import UnknownId, UsageError
from ..reader import Book
from ..schema import DRAFT_KINDS, OPEN_OFFER_STATUSES
from ._people import (
    Person,
    first_name,
    greeted,
    greeting,
    interviewers,
    named,
    people,
    process_contact,
)
from ._round import asked, titles
from ._state import check
from ._values import Missing, cell_name, find_row, plain, record, rows_of, setting

KINDS = tuple(DRAFT_KINDS)
# the deadline (``jobbook deadlines`` kind) each draft answers
DEADLINE_OF = {
    "thank-you": "thank-you",
    "follow-up": "follow-up",
    "counter": "decision",
    "accept": "decision",
    "decline": "decision",
    "resign": "start",
}


def facts(book: Book, kind: str, ident: str) -> dict[str, object]:
    """Everything the `kind` draft for row `ident` may say, and whom it goes to (``to``: Persons
    with an email; ``send_to``: whom to send it to when no email is known; ``notes``: what to know
    before sending, e.g. what Contacts lacks). Raises DraftConflict when the row's Status or dates
    contradict the letter (``_state``)."""
    if kind not in DRAFT_KINDS:
        raise UsageError(f"unknown kind of draft {kind!r}: choose one of {', '.join(KINDS)}")
    table = DRAFT_KINDS[kind]
    row = find_row(book, table, ident)
    ident = str(book.tables[table].at[row, "ID"])
    out: dict[str, object] = {
        "kind": kind,
        "id": ident,
        "as_of": book.as_of,
        "me": profile(book),
        "horizon_years": book.settings.HorizonYears,
    }
    out |= _BUILDERS[kind](book, row, ident)
    due = next(
        (
            d
            for d in views.deadlines(book)
            if d["kind"] == DEADLINE_OF.get(kind) and str(d["id"]).lower() == ident.lower()
        ),
        None,
    )
    out["due"], out["flag"] = (due["due"], due["flag"]) if due else (None, None)
    out["notes"] = [*out.get("notes", []), *check(book, kind, out)]
    return out


def profile(book: Book) -> dict[str, object]:
    certs = setting(book, "Certifications")
    return {
        "name": setting(book, "YourName"),
        "email": setting(book, "YourEmail"),
        "employer": setting(book, "CurrentEmployer"),
        "manager": setting(book, "CurrentManager"),
        "degree": setting(book, "Degree"),
        "certifications": [c.strip() for c in certs.split(";") if c.strip()]
        if isinstance(certs, str)
        else certs,
    }


def round_name(round_: object) -> str:
    """``Technical interview`` for a Round of ``Technical``; ``interview`` for a blank one (as the
    thank-you link's formula words it)."""
    text = round_ if isinstance(round_, str) else ""
    if not text:
        return "interview"
    return text if "interview" in text.casefold() else f"{text} interview"


# -- the application, its interviews and people ----------------------------------------------------


def _interview(book: Book, row: int) -> dict[str, object]:
    ident = str(book.tables["Interviews"].at[row, "ID"])
    rec = record(book, "Interviews", row, ident)
    rec["round_name"] = round_name(rec["round"])
    return rec


def application(book: Book, app_id: object, where: str) -> dict[str, object]:
    """The Pipeline row `app_id` (named in cell `where`) with its interviews (those on or before
    the as-of date, the latest of them, those still ahead) and whom letters about it go to."""
    app_id = plain(app_id)
    try:
        row = find_row(book, "Pipeline", str(app_id) if app_id is not None else "")
    except UnknownId as exc:
        raise UnknownId(
            f"{where}: {app_id or 'blank'} is not an ID in {book.sheets.get('Pipeline') or 'Pipeline'}"
        ) from exc
    ident = str(book.tables["Pipeline"].at[row, "ID"])
    app = record(book, "Pipeline", row, ident)
    rows = rows_of(book, "Interviews", "Application ID", ident)
    dated = sorted(
        (i for i in (_interview(book, r) for r in rows) if i["date"]), key=lambda i: i["date"]
    )
    done = [i for i in dated if i["date"] <= book.as_of]
    contact, notes = process_contact(book, ident, company=app["company"])
    role, company = app["role"], app["company"]
    at = f" at {company}" if isinstance(company, str) else ""
    return {
        "app": app,
        "state_cell": cell_name(book, "Pipeline", "Status", row),
        "applied_cell": cell_name(book, "Pipeline", "Date applied", row),
        "action_cell": cell_name(book, "Pipeline", "Next action", row),
        "company": app["company"],
        "role": role,
        "the_role": f"the {role} role" if role else "the role",
        "interviews": done,
        "last_interview": done[-1]
        if done
        else Missing(f"{ident} has no interview on or before {book.as_of.isoformat()}"),
        "upcoming": [i for i in dated if i["date"] > book.as_of],
        "contact": contact,
        "greeting": greeting(contact),
        "to": [contact] if contact else [],
        "send_to": None if contact else f"the recruiter or hiring manager{at}",
        "notes": notes,
    }


def _accepted_elsewhere(book: Book, app_id: str) -> bool:
    """Another application or offer is Accepted, and was by the as-of date: an acceptance whose
    Transition row says it came later (Accepted on) was not known that day (docs/definitions.md § Deadlines)."""
    p, o, t = book.tables["Pipeline"], book.tables["Offers"], book.tables["Transition"]

    def folded(s: pd.Series) -> pd.Series:
        return s.astype(str).str.strip().str.lower()

    later = set(folded(t["Offer ID"])[~known(t["Accepted on"], book.as_of)])
    offer_later = folded(o["ID"]).isin(later)
    apps_later = set(folded(o["Application ID"])[offer_later])
    other = (folded(p["ID"]) != app_id.lower()) & ~folded(p["ID"]).isin(apps_later)
    other_offer = (folded(o["Application ID"]) != app_id.lower()) & ~offer_later
    return bool(((p["Status"] == "Accepted") & other).any()) or bool(
        ((o["Status"] == "Accepted") & other_offer).any()
    )


# -- the kinds -------------------------------------------------------------------------------------


def _thank_you(book: Book, row: int, ident: str) -> dict[str, object]:
    iv = _interview(book, row)
    app = application(
        book, iv["application_id"], cell_name(book, "Interviews", "Application ID", row)
    )
    # the cell as typed: line breaks separate people (the record has them as spaces)
    met = plain(book.tables["Interviews"].at[row, "Interviewers"])
    met = met if isinstance(met, str) else ""
    names = people(met)
    to, missing = interviewers(book, met, app["company"])
    where = cell_name(book, "Interviews", "Interviewers", row)
    return app | {
        "interview": iv,
        "met": met,
        "state_cell": cell_name(book, "Interviews", "Date", row),
        "outcome_cell": cell_name(book, "Interviews", "Outcome", row),
        "people": names or Missing(f"{where}: no Interviewers for {ident}; fill it in"),
        "first_names": [first_name(n) for n in names]
        or Missing(f"{where}: no Interviewers for {ident}; fill it in"),
        # first names, full names where two share one (as the Thank-you link greets)
        "greeting": f"Hi {greeted(met)}"
        if names
        else Missing(f"{where}: no Interviewers for {ident}; fill it in"),
        "went_well": iv["went_well"],
        # what the book knows of the round, for a thank-you without Went well
        "titles": titles(book, met, app["company"]),
        "question": asked(book, ident),
        "to": to,
        "send_to": None if to else ", ".join(names) or None,
        "notes": missing,
    }


def _app_kind(book: Book, row: int, ident: str) -> dict[str, object]:
    app = application(book, ident, cell_name(book, "Pipeline", "ID", row))
    lessons = rows_of(book, "Lessons", "Application ID", ident)
    return app | {
        "lesson": record(book, "Lessons", lessons[0], ident)
        if lessons
        else Missing(f"{ident} has no Lessons row"),
        "accepted_elsewhere": _accepted_elsewhere(book, ident),
    }


def _market(negotiation: list[dict], base: float | None) -> list[dict[str, object]]:
    """Each distinct market range quoted in the negotiation, with where the offer's base sits."""
    seen, out = set(), []
    for n in negotiation:
        p50, p75 = (v if isinstance(v, float) else None for v in (n["market_p50"], n["market_p75"]))
        if (p50 is None and p75 is None) or (p50, p75) in seen:
            continue
        seen.add((p50, p75))
        out.append(
            {"p50": p50, "p75": p75, "date": n["date"], "position": _position(base, p50, p75)}
        )
    return out


def _position(base: float | None, p50: float | None, p75: float | None) -> str | Missing:
    """Where the offered base sits in the market range."""
    if base is None:
        return Missing("the offer has no Base salary")
    if p50 is not None and base < p50:
        return "below the median"
    if p75 is not None and base >= p75:
        return "at or above the 75th percentile"
    if p75 is None:
        return "at or above the median"
    return (
        "below the 75th percentile" if p50 is None else "between the median and the 75th percentile"
    )


def as_offered(book: Book, row: int) -> dict[str, float | None]:
    """The offer's figures (docs/definitions.md § What an offer is worth) as it was made: with its Base salary, whatever Final
    base was agreed later (``views.offers`` uses the Final base once agreed)."""
    from ..core.offers import VALUE_COLUMNS, offer_values
    from ..schema import OFFERS

    df = book.tables["Offers"].loc[[row]].copy()
    df["Final base"] = None
    values = offer_values(df, book.settings).iloc[0]
    out = {OFFERS[h].key: plain(values[h]) for h in VALUE_COLUMNS}
    return out | {"base": plain(df.at[row, "Base salary"])}


def _offer_kind(book: Book, row: int, ident: str) -> dict[str, object]:
    ranked = views.offers(book)
    figures = next(o for o in ranked if str(o["id"]).lower() == ident.lower())
    offer = record(book, "Offers", row, ident, values=figures)
    app = application(
        book, figures["application_id"], cell_name(book, "Offers", "Application ID", row)
    )
    base = figures["final_base"] if figures["final_base"] is not None else figures["base_salary"]
    offered = as_offered(book, row)
    negotiation = [
        record(book, "Negotiation", r, ident)
        for r in rows_of(book, "Negotiation", "Offer ID", ident)
    ]
    t_rows = rows_of(book, "Transition", "Offer ID", ident)
    sheet = book.sheets.get("Transition") or "Transition"
    transition = (
        record(book, "Transition", t_rows[0], ident)
        if t_rows
        else Missing(
            f"{sheet}: no row for {ident}; add one with its Notice given (jobbook accept, or the "
            "Accept offer button, adds it)"
        )
    )
    mine = offered["average_annual_total"]  # a counter compares the offer as it was made
    competing = [
        o
        for o in ranked
        if str(o["id"]).lower() != ident.lower()
        and (o["status"] is None or o["status"] in OPEN_OFFER_STATUSES)
        and (o["offer_date"] is None or o["offer_date"] <= book.as_of.isoformat())  # known
        and o["average_annual_total"] is not None
        and mine is not None
        and o["average_annual_total"] > mine
    ]
    asks = [n["ask"] for n in negotiation if n["ask"]]
    counter = figures["counter_base"]
    weeks = book.settings.WorkWeeksPerYear
    commute_hours = (
        2 * (figures["commute_minutes_one_way"] or 0) / 60 * (figures["onsite_days_per_week"] or 0)
    ) * weeks
    gap = (figures["relocation_cost"] or 0) - (figures["relocation_allowance"] or 0)
    notice = plain(transition["notice_weeks"]) if t_rows else None
    if t_rows and not transition["last_day"]:
        where = cell_name(book, "Transition", "Notice given", t_rows[0])
        transition["last_day"] = Missing(
            f"{where}: fill Notice given for {ident}; your last day follows from it"
        )
    return app | {
        "offer": offer,
        "state_cell": cell_name(book, "Offers", "Status", row),
        "offer_date_cell": cell_name(book, "Offers", "Offer date", row),
        "offered": offered,
        "base": base,
        "negotiation": negotiation,
        "market": _market(negotiation, figures["base_salary"]),
        "competing": competing[0] if competing else Missing("no better open offer"),
        "ask": f"a base salary of {counter:,.0f}"
        if counter is not None
        else (asks[-1] if asks else offer["counter_base"]),
        "relocation_gap": gap if gap > 0 else 0,
        "commute_hours": round(commute_hours),
        "transition": transition,
        "notice_weeks": notice if isinstance(notice, float) else book.settings.NoticeWeeks,
        "accepted_elsewhere": _accepted_elsewhere(book, str(figures["application_id"])),
    }


def cost_of_living(index: object, base: object, location: object) -> dict[str, object] | Missing:
    """With a Cost of living index over 100 (the job's city dearer than where you live now): how
    much dearer, in percent, what the offered base there is worth here (base x 100 / index, as the
    Cost-of-living adjusted average counts it), and the place (the application's Location, unless
    it says remote)."""
    if not isinstance(index, float) or index <= 100 or not isinstance(base, float):
        return Missing("no Cost of living index over 100")
    place = location if isinstance(location, str) and "remote" not in location.lower() else None
    return {
        "index": index,
        "dearer_pct": index - 100,
        "base_worth": base * 100 / index,
        "place": place or Missing("no Location"),
    }


def _counter(book: Book, row: int, ident: str) -> dict[str, object]:
    out = _offer_kind(book, row, ident)
    offer = out["offer"]
    out["cost_of_living"] = cost_of_living(
        offer["cost_of_living_index"], out["offered"]["base"], out["app"]["location"]
    )
    if isinstance(offer["final_base"], float) and isinstance(offer["base_salary"], float):
        out["notes"] = [
            *out["notes"],
            f"{ident} has a Final base ({offer['final_base']:,.0f}): the counter-proposal argues "
            f"from the offer as made (Base salary {offer['base_salary']:,.0f})",
        ]
    return out


def _resign(book: Book, row: int, ident: str) -> dict[str, object]:
    out = _offer_kind(book, row, ident)
    me = profile(book)
    manager = me["manager"]
    person, missing = (
        named(book, manager, me["employer"] if isinstance(me["employer"], str) else None)
        if isinstance(manager, str)
        else (None, [])
    )
    return out | {
        "manager": Person(manager) if isinstance(manager, str) else manager,
        "manager_first": first_name(manager) if isinstance(manager, str) else manager,
        "to": [person] if person else [],
        "send_to": None if person else (manager if isinstance(manager, str) else None),
        "notes": missing,
    }


_BUILDERS = {
    "thank-you": _thank_you,
    "follow-up": _app_kind,
    "feedback": _app_kind,
    "withdraw": _app_kind,
    "counter": _counter,
    "accept": _offer_kind,
    "decline": _offer_kind,
    "resign": _resign,
}

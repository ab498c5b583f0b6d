"""The short messages of the workbook's mailto: links (``jobbook.schema._links``), from Python.

``link_fields`` gives each variable of a link template the value its Excel expression computes,
and ``mailto`` builds the link as the formula does, so ``jobbook draft --short`` says what the
workbook's link says: the same To, Subject and body, or no body when the link would pass Excel's
255 characters.
"""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from ..errors import MissingValue
from ..reader import Book
from ..schema import LINK_LIMIT, LINKS, excel_trim
from ._people import (
    Person,
    contact_key,
    contacts_by,
    greeted,
    greeting,
    interviewers,
    people,
    process_contact,
)
from ._values import Missing, setting

LINK_KINDS = {link.kind: link for link in LINKS.values()}


def _text(value: object) -> str:
    return excel_trim(value.replace("\n", " ")) if isinstance(value, str) else ""


def _required(value: str, missing: object) -> object:
    return value if value else missing


def link_fields(kind: str, facts: dict) -> dict[str, object]:
    """The link template's variables from a draft's facts (a blank required one stays Missing)."""
    me = facts["me"]
    name = _required(_text(me["name"]), me["name"])
    if kind == "thank-you":
        iv = facts["interview"]
        round_ = _text(iv["round"])
        return {
            "round": "interview"
            if not round_
            else round_
            if "interview" in round_.casefold()
            else f"{round_} interview",
            "interviewers": _required(_text(iv["interviewers"]), facts["people"]),
            "greeting": f"Hi {greeted(facts['met'])}",  # the cell as typed, line breaks too
            "company": _required(_text(facts["company"]), facts["company"]),
            "your_name": name,
        }
    if kind == "feedback":
        return {
            "company": _required(_text(facts["company"]), facts["company"]),
            "greeting": facts["greeting"],
            "your_name": name,
        }
    raise ValueError(f"no link for {kind}")


def link_to(facts: dict) -> str:
    """The link's To: the draft's recipients' addresses, comma-separated."""
    return ",".join(p.email for p in facts["to"] if p.email)


def mailto(to: str, subject: str, body: str) -> str:
    """``mailto:To?subject=...&body=...`` as the link formula builds it (ENCODEURL encodes all but
    letters, digits and - _ . ~); without the body when the link would pass LINK_LIMIT."""
    head = f"mailto:{to}?subject={quote(subject, safe='')}"
    encoded = quote(body, safe="")
    return head + (f"&body={encoded}" if len(head) + 6 + len(encoded) <= LINK_LIMIT else "")


def link_column(book: Book, header: str) -> pd.Series:
    """The links of `header` (``Thank-you link``, ``Feedback link``) for every row of its table,
    as the workbook's HYPERLINKs point to them (None where the cell is blank): what ``jobbook draft
    --short`` gives row by row, with the same recipients (``_people``), built with Contacts grouped
    once so that a whole column costs one pass."""
    from ..core.computed import lookup
    from .render import PACKAGE_TEMPLATES, renderer

    link = LINKS[header]
    df = book.tables[link.table]
    out = pd.Series([None] * len(df), index=df.index, dtype=object)
    shown = df[header].astype(object).map(lambda v: isinstance(v, str) and v != "")
    if not shown.any():
        return out
    fill, _ = renderer(link.template, [PACKAGE_TEMPLATES])
    me = {"name": setting(book, "YourName")}
    if link.kind == "thank-you":
        by_company = contacts_by(book, "Company")
        rows = df.loc[shown, ["Round", "Interviewers", "Company"]].astype(object)
        for row, (round_, who, company) in zip(rows.index, rows.itertuples(False)):
            text = who if isinstance(who, str) else ""
            at = by_company.get(contact_key(company), [])
            to, _ = interviewers(book, text, company, at)
            facts = {
                "me": me,
                "met": text,
                "interview": {"round": round_, "interviewers": who},
                "people": people(text),
                "company": company,
            }
            out[row] = _link(fill, link.kind, facts, to)
    else:
        by_app = contacts_by(book, "Application ID")
        by_company = contacts_by(book, "Company")
        ids = df.loc[shown, "Application ID"].astype(object)
        companies = lookup(ids, book.tables["Pipeline"], "ID", "Company").astype(object)
        for row, app, company in zip(ids.index, ids, companies):
            who, _ = process_contact(
                book,
                str(app),
                by_app.get(contact_key(app), []),
                company,
                by_company.get(contact_key(company), []),
            )
            facts = {"me": me, "company": company, "greeting": greeting(who)}
            out[row] = _link(fill, link.kind, facts, [who] if who else [])
    return out


def _link(fill, kind: str, facts: dict, to: list[Person]) -> str | None:
    try:
        subject, body = fill(link_fields(kind, facts))
    except MissingValue:
        return None
    return mailto(link_to({"to": to}), subject, body)


__all__ = ["LINK_KINDS", "Missing", "link_column", "link_fields", "link_to", "mailto"]

"""The short messages of the workbook's mailto: links (``jobbook.schema._links``), from Python.

``link_fields`` gives each variable of a link template the value its Excel expression computes,
and ``mailto`` builds the link as the formula does, so ``jobbook draft --short`` says what the
workbook's link says: the same To, Subject and body, or no body when the link would pass Excel's
255 characters.
"""

from __future__ import annotations

from urllib.parse import quote

from ..schema import LINK_LIMIT, LINKS, excel_trim
from ._values import Missing

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


__all__ = ["LINK_KINDS", "Missing", "link_fields", "link_to", "mailto"]

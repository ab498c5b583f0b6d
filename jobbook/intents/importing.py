"""Adding applications found in other trackers' files (``jobbook import``, SPEC section 8): the
rows that are new get the book's next IDs and become Pipeline rows (and Contacts rows where the
file names a contact); the rest is reported."""

from __future__ import annotations

import re

import pandas as pd

from ..changes import Change, Outcome, RowAppend
from ..importers import Found
from ..importers.match import Known, Matcher, clean_url, company_key, posting_key
from ..reader import Book

STALE_DAYS = 30  # an application this old with no status from its file: No response
DEFAULT_ID = ("A", 3)  # an empty book's IDs: A001, A002...
_ID = re.compile(r"^(.*?)(\d+)$")

__all__ = ["STALE_DAYS", "import_rows", "next_ids"]


def next_ids(existing: list[str], n: int) -> list[str]:
    """`n` new IDs in the pattern of `existing`: the prefix most IDs share (``A``, ``APP-``...),
    numbered on from the highest, zero-padded as they are (A060 -> A061; A9 -> A10)."""
    parsed = [(m.group(1), m.group(2)) for i in existing if (m := _ID.match(str(i).strip()))]
    if parsed:
        counts: dict[str, int] = {}
        for prefix, _ in parsed:
            counts[prefix] = counts.get(prefix, 0) + 1
        prefix = max(counts, key=lambda p: (counts[p], p == parsed[-1][0]))
        numbers = [d for p, d in parsed if p == prefix]
        top = max(int(d) for d in numbers)
        width = max((len(d) for d in numbers if d.startswith("0")), default=0)
    else:
        prefix, width = DEFAULT_ID
        top = 0
    taken = {str(i).strip().casefold() for i in existing}
    out = []
    k = top
    while len(out) < n:
        k += 1
        candidate = f"{prefix}{k:0{width}d}"
        if candidate.casefold() not in taken:
            out.append(candidate)
    return out


def _known(book: Book) -> list[Known]:
    p = book.tables["Pipeline"]
    out = []
    for _, r in p.iterrows():
        if pd.isna(r["ID"]) or pd.isna(r["Company"]):
            continue
        role = "" if pd.isna(r["Role"]) else str(r["Role"])
        url = None if pd.isna(r["Posting URL"]) else str(r["Posting URL"])
        out.append(Known(str(r["ID"]), str(r["Company"]), role, posting_key(url)))
    return out


def _status(values: dict, book: Book) -> str:
    applied = values.get("Date applied")
    if applied is None or (book.as_of - applied).days <= STALE_DAYS:
        return "Active"
    return "No response"


def import_rows(book: Book, found: list[Found]) -> Outcome:
    """The changes that add the rows of `found` not already in `book`."""
    matcher = Matcher(_known(book))
    contacts = book.tables["Contacts"]
    known_people = {
        (str(n).casefold(), company_key(c))
        for n, c in zip(contacts["Name"], contacts["Company"])
        if pd.notna(n)
    }
    ids = iter(next_ids([str(i) for i in book.tables["Pipeline"]["ID"].dropna()], len(found)))
    changes: list[Change] = []
    added, skipped, near = [], [], []
    stale = 0
    people = 0
    for f in found:
        company = f.values.get("Company")
        role = f.values.get("Role")
        item = {"company": company, "role": role, "from": f.origin}
        if not company:
            skipped.append(item | {"reason": "no company name"})
            continue
        verdict = matcher.check(company, role, f.values.get("Posting URL"))
        if verdict.kind == "same":
            skipped.append(
                item
                | {
                    "reason": f"already in the book as {verdict.like.id} ({verdict.why})",
                    "like": verdict.like.id,
                }
            )
            continue
        new_id = next(ids)
        values = {"ID": new_id, **f.values}
        if values.get("Posting URL"):
            values["Posting URL"] = clean_url(values["Posting URL"])
        values.setdefault("Stage", "Applied" if values.get("Date applied") else "Wishlist")
        if "Status" not in values:
            values["Status"] = _status(values, book)
            stale += values["Status"] == "No response"
        if f.notes:
            values["Notes"] = "; ".join(filter(None, [values.get("Notes"), *f.notes]))
        changes.append(RowAppend("Pipeline", values))
        added.append(item | {"id": new_id})
        if verdict.kind == "near":
            like = verdict.like
            near.append(
                item
                | {
                    "id": new_id,
                    "like": like.id,
                    "like_company": like.company,
                    "like_role": like.role,
                    "reason": verdict.why,
                }
            )
        matcher.add(Known(new_id, company, role or "", posting_key(f.values.get("Posting URL"))))
        if (
            f.contact
            and (str(f.contact["Name"]).casefold(), company_key(company)) not in known_people
        ):
            person = {
                "Company": company,
                "Application ID": new_id,
                **f.contact,
                "Notes": f"From {f.origin}",
            }
            changes.append(
                RowAppend("Contacts", {k: v for k, v in person.items() if v is not None})
            )
            known_people.add((str(f.contact["Name"]).casefold(), company_key(company)))
            people += 1
    message = (
        f"Added {len(added)} application(s), skipped {len(skipped)}, "
        f"{len(near)} possible duplicate(s) to look at"
    )
    lines = []
    if stale:
        lines.append(
            f"{stale} application(s) from more than {STALE_DAYS} days ago came without a status: marked No response."
        )
    if people:
        lines.append(f"{people} contact(s) added to Contacts.")
    return Outcome(
        changes,
        message,
        lines,
        {
            "added": added,
            "skipped": skipped,
            "possible_duplicates": near,
            "contacts_added": people,
            "no_response": stale,
        },
    )

"""Adding applications found in other trackers' files (``jobbook import``, SPEC section 8): the
rows that are new get the book's next IDs and become Pipeline rows (and Contacts rows where the
file names a contact); the rest is reported."""

from __future__ import annotations

import re

import pandas as pd

from ..changes import Change, Outcome, RowAppend, TableWrite
from ..importers import Found
from ..importers.match import Known, Matcher, clean_url, company_key, posting_key
from ..reader import Book

STALE_DAYS = 30  # an application this old with no status from its file: No response
CELL_CHARS = 32_767  # the most characters an Excel cell holds
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


def _known(book: Book) -> tuple[list[Known], dict[str, int]]:
    """The book's applications, and the Excel rows of those still on the wishlist (Stage
    Wishlist, no Date applied, Status Active or blank), by ID."""
    p = book.tables["Pipeline"]
    out, wishlist = [], {}
    columns = [p[h].tolist() for h in ("ID", "Company", "Role", "Posting URL", "Stage", "Status")]
    applied = p["Date applied"].isna().tolist()
    for row, i, company, role, url, stage, status, blank in zip(p.index, *columns, applied):
        if pd.isna(i) or pd.isna(company):
            continue
        role = "" if pd.isna(role) else str(role)
        url = None if pd.isna(url) else str(url)
        out.append(Known(str(i), str(company), role, posting_key(url)))
        if (
            str(stage).casefold() == "wishlist"
            and blank
            and (pd.isna(status) or str(status).casefold() == "active")
        ):
            wishlist[str(i)] = int(row)
    return out, wishlist


def _status(values: dict, book: Book) -> str:
    applied = values.get("Date applied")
    if applied is None or (book.as_of - applied).days <= STALE_DAYS:
        return "Active"
    return "No response"


def _applied(values: dict) -> bool:
    """Does the file show this application past the wishlist?"""
    stage = values.get("Stage")
    return stage not in (None, "Wishlist") or values.get("Date applied") is not None


def _applied_fields(f: Found, book: Book) -> dict[str, object]:
    """What a wishlist row becomes once the file shows it applied to: Stage, Date applied (when
    the file has it) and Status."""
    stage = f.values.get("Stage")
    values: dict[str, object] = {"Stage": stage if stage not in (None, "Wishlist") else "Applied"}
    if f.values.get("Date applied") is not None:
        values["Date applied"] = f.values["Date applied"]
    values["Status"] = f.values.get("Status") or _status(values, book)
    return values


def _joined(*notes: object) -> str | None:
    return _fit("; ".join(str(n) for n in notes if n)) or None


def _fit(text: str) -> str:
    """`text` cut to what a cell holds (Excel refuses more), ending in an ellipsis when cut."""
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "\u2026"


def _now(fields: dict) -> str:
    """``Applied on 2026-10-20, Active``: what a wishlist row becomes."""
    day = fields.get("Date applied")
    return f"{fields['Stage']}{f' on {day.isoformat()}' if day else ''}, {fields['Status']}"


def import_rows(book: Book, found: list[Found]) -> Outcome:
    """The changes that add the rows of `found` not already in `book`."""
    known, wishlist = _known(book)
    matcher = Matcher(known)
    pending: dict[str, dict] = {}  # the values of wishlist rows this import adds, by ID
    contacts = book.tables["Contacts"]
    known_people = {
        (str(n).casefold(), company_key(c))
        for n, c in zip(contacts["Name"], contacts["Company"])
        if pd.notna(n)
    }
    ids = iter(next_ids([str(i) for i in book.tables["Pipeline"]["ID"].dropna()], len(found)))
    changes: list[Change] = []
    added, skipped, near, updated = [], [], [], []
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
        if verdict.kind == "same" and _applied(f.values):
            like = verdict.like.id
            if like in wishlist or like in pending:
                fields = _applied_fields(f, book)
                if like in pending:  # saved and applied to in the same import: one row
                    values = pending.pop(like)
                    values.update(fields)
                    values["Notes"] = _joined(values.get("Notes"), f.values.get("Notes"))
                else:
                    row = wishlist.pop(like)
                    changes.extend(TableWrite("Pipeline", h, row, v) for h, v in fields.items())
                    if f.values.get("Notes"):
                        notes = book.tables["Pipeline"].at[row, "Notes"]
                        joined = _joined(None if pd.isna(notes) else notes, f.values["Notes"])
                        changes.append(TableWrite("Pipeline", "Notes", row, joined))
                stale += fields["Status"] == "No response" and "Status" not in f.values
                updated.append(
                    item
                    | {
                        "id": like,
                        "reason": f"{_now(fields)} ({verdict.why})",
                    }
                )
                continue
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
        values = {
            "ID": new_id,
            **{k: _fit(v) if isinstance(v, str) else v for k, v in f.values.items()},
        }
        if values.get("Posting URL"):
            values["Posting URL"] = clean_url(values["Posting URL"])
        values.setdefault("Stage", "Applied" if values.get("Date applied") else "Wishlist")
        if "Status" not in values:
            values["Status"] = _status(values, book)
            stale += values["Status"] == "No response"
        if f.notes:
            values["Notes"] = _joined(values.get("Notes"), *f.notes)
        changes.append(RowAppend("Pipeline", values))
        added.append(item | {"id": new_id})
        if values["Stage"] == "Wishlist":
            pending[new_id] = values
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
        f"Added {len(added)} application(s), updated {len(updated)} from the wishlist, "
        f"skipped {len(skipped)}, {len(near)} possible duplicate(s) to look at"
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
            "updated": updated,
            "skipped": skipped,
            "possible_duplicates": near,
            "contacts_added": people,
            "no_response": stale,
        },
    )

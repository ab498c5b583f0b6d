"""Adding applications found in other trackers' files (``jobbook import``, README § Changing your workbook): every
application arrives. Rows of one file that are one application (``match.group``) and rows of other
files within 30 days (``match.Matcher``) are merged (``merge``: the earliest date, the row that
says most about the outcome); what is new gets the book's next IDs and becomes Pipeline rows (and
Contacts rows where the file names a contact); a wishlist row the files show applied to is
updated; with `update`, the Stage, Status and Last contact of rows already in the book are brought
up to the files when they say more (``changes_for``). The rest is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ..changes import Change, Outcome, RowAppend, TableWrite
from ..importers import Found, Reading
from ..importers.match import Known, Matcher, clean_url, company_key, group, posting_key
from ..reader import Book
from ..schema import SOURCE_UPDATE
from ._accepted import Acceptances, give, joins, to_withdraw
from ._arrivals import (
    BookRow,
    _said,
    book_rows,
    changes_for,
    course,
    dated,
    merge,
    new_values,
    now,
)
from .closing import cancel_interviews

CELL_CHARS = 32_767  # the most characters an Excel cell holds
DEFAULT_ID = ("A", 3)  # an empty book's IDs: A001, A002...
_ID = re.compile(r"^(.*?)(\d+)$")

__all__ = ["import_rows", "next_ids"]


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


def _fit(value: object, cut: list[str] | None = None, where: str = "") -> object:
    """Text cut to what a cell holds (Excel refuses more), ending in an ellipsis when cut; `cut`
    gets ``A061 Notes (40,012 characters)`` for each text cut."""
    if isinstance(value, str) and len(value) > CELL_CHARS:
        if cut is not None:
            cut.append(f"{where} ({len(value):,} characters)")
        return value[: CELL_CHARS - 1] + "\u2026"
    return value


def _fitted(values: dict, cut: list[str], what: str) -> dict:
    return {k: _fit(x, cut, f"{what} {k}") for k, x in values.items()}


def _grouped(found: list[Found]) -> list[list[Found]]:
    """The rows of each file (source) that are one application, in the order of their first row."""
    by_source: dict[str, list[Found]] = {}
    for f in found:
        by_source.setdefault(f.source, []).append(f)

    def key_of(f: Found):
        v = f.values
        wish = v.get("Stage") == "Wishlist" and v.get("Date applied") is None
        return v.get("Company"), v.get("Role"), v.get("Posting URL"), v.get("Date applied"), wish

    out: list[tuple[int, list[Found]]] = []
    order = {id(f): i for i, f in enumerate(found)}
    for rows in by_source.values():
        for g in group(rows, key_of):
            out.append((order[id(rows[g[0]])], [rows[i] for i in g]))
    return [g for _, g in sorted(out, key=lambda x: x[0])]


@dataclass
class _Run:
    """What the import has seen so far."""

    book: Book
    matcher: Matcher
    arrivals: dict[str, list[Found]] = field(default_factory=dict)  # new ID -> its rows
    hits: dict[str, list[Found]] = field(default_factory=dict)  # book ID -> the rows that match
    why: dict[str, str] = field(default_factory=dict)  # book ID -> why they match
    skipped: list[dict] = field(default_factory=list)
    near: list[dict] = field(default_factory=list)
    reposts: list[dict] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)  # texts cut to a cell's size
    refused: list[str] = field(default_factory=list)  # a second acceptance not written
    warnings: list[str] = field(default_factory=list)
    withdraw: list[str] = field(default_factory=list)  # IDs given the accept's Withdraw action
    taken: Acceptances | None = None  # the book's acceptances
    undated: list[dict] = field(default_factory=list)  # new rows past the wishlist, no date


def _item(f: Found) -> dict:
    return {"company": f.values.get("Company"), "role": f.values.get("Role"), "from": f.origin}


def _why_one(first: Found, f: Found) -> str:
    """Why two rows of one file are one application."""
    key = posting_key(f.values.get("Posting URL"))
    if key and key == posting_key(first.values.get("Posting URL")):
        return "the same posting"
    if f.values.get("Date applied") is None or first.values.get("Date applied") is None:
        return "saved, then applied to"
    return "the same company, role and date"


def _place(run: _Run, rows: list[Found], new_id) -> None:
    """Match one application of a file (its rows) with the book and the import so far."""
    m = merge(rows)
    company, role = m.values.get("Company"), m.values.get("Role")
    if not company:
        run.skipped.extend(_item(f) | {"reason": "no company name"} for f in rows)
        return
    v = run.matcher.check(company, role, m.values.get("Posting URL"), m.day, m.source)
    if v.kind == "same" and v.like.source is None:  # in the book
        run.hits.setdefault(v.like.id, []).extend(rows)
        run.why.setdefault(v.like.id, v.why)
        return
    if v.kind == "same":  # added by an earlier file of this import
        run.arrivals[v.like.id].extend(rows)
        for f in rows:
            reason = f"the same application as {v.like.id}, merged ({v.why})"
            run.skipped.append(_item(f) | {"reason": reason, "like": v.like.id})
        return
    new = next(new_id)
    run.arrivals[new] = rows
    for f in rows[1:]:
        reason = f"the same application as {new}, merged ({_why_one(rows[0], f)})"
        run.skipped.append(_item(f) | {"reason": reason, "like": new})
    url = posting_key(m.values.get("Posting URL"))
    run.matcher.add(Known(new, company, role or "", url, m.day, m.source))
    like = v.like
    if v.kind in ("near", "apart"):
        run.near.append(
            _item(m)
            | {
                "id": new,
                "like": like.id,
                "like_company": like.company,
                "like_role": like.role,
                "reason": v.why,
            }
        )
    elif v.kind == "repost":
        run.reposts.append(_item(m) | {"id": new, "like": like.id})


def _contacts(run: _Run, new_ids: list[str]) -> list[Change]:
    contacts = run.book.tables["Contacts"]
    known = {
        (str(n).casefold(), company_key(c))
        for n, c in zip(contacts["Name"], contacts["Company"])
        if pd.notna(n)
    }
    out: list[Change] = []
    for new in new_ids:
        for f in run.arrivals[new]:
            company = f.values.get("Company")
            if not f.contact or (str(f.contact["Name"]).casefold(), company_key(company)) in known:
                continue
            person = {"Company": company, "Application ID": new, **f.contact}
            person["Notes"] = f"From {f.origin}"
            out.append(RowAppend("Contacts", {k: _fit(x) for k, x in person.items() if x}))
            known.add((str(f.contact["Name"]).casefold(), company_key(company)))
    return out


def _reading_data(reading: Reading) -> dict:
    return {
        "columns": [
            {"file": r.name, "format": r.format, "column": u.column, "use": u.use, "how": u.how}
            for r in reading.files
            for u in r.uses
        ],
        "unknown_statuses": dict(reading.unknown.most_common()),
        "template_rows": reading.defaults,
        "before_since": reading.before_since,
        "invalid": [
            {
                "where": p.origin,
                "column": p.column,
                "value": p.value,
                "why": p.why,
            }
            for p in reading.problems
        ],
        "invalid_rows": reading.invalid,
        "ambiguous_dates": [
            {
                "file": d.file,
                "column": d.header,
                "dates": d.dates,
                "read_as": d.order.words,
                "why": d.order.why,
            }
            for d in reading.dates
        ],
        "salary_swapped": reading.swapped,
    }


def import_rows(book: Book, reading: Reading | list[Found], update: bool = False) -> Outcome:
    """The changes that bring the applications of `reading` into `book` (see the module's note)."""
    if not isinstance(reading, Reading):
        reading = Reading(found=list(reading))
    rows: dict[str, BookRow] = book_rows(book)
    known = [Known(r.id, r.company, r.role, r.posting, r.applied) for r in rows.values()]
    run = _Run(book, Matcher(known))
    groups = _grouped(reading.found)
    new_id = iter(next_ids([str(i) for i in book.tables["Pipeline"]["ID"].dropna()], len(groups)))
    for g in groups:
        _place(run, g, new_id)
    changes: list[Change] = []
    added, stale = [], 0
    run.taken = taken = Acceptances(book)
    withdraw = taken.withdraw_action()
    for new, found in run.arrivals.items():
        merged = merge(found)
        values, was_stale = new_values(merged, book.as_of)
        values = {"ID": new, **_fitted(values, run.cut, new)}
        if values.get("Posting URL"):
            values["Posting URL"] = clean_url(values["Posting URL"])
        if values.get("Status") == "Accepted":
            if (said := taken.second(new, str(values["Company"]))) is not None:
                run.warnings.append(said)
            taken.add(new, str(values["Company"]), f"the new row of {new}")
        elif withdraw and to_withdraw(values):
            give(values, withdraw)
            run.withdraw.append(new)
        if values.get("Stage") != "Wishlist" and values.get("Date applied") is None:
            run.undated.append({"id": new, "from": found[0].origin})
        stale += was_stale
        arrival, story = course(merged, values)
        changes.append(RowAppend("Pipeline", values, arrival, f"from {merged.origin}", story))
        added.append(_item(found[0]) | {"id": new})
    updated, could = [], []
    for like, found in run.hits.items():
        row = rows[like]
        merged = merge(found)
        writes, said = changes_for(row, merged, book.as_of, update)
        if writes.get("Status") == "Accepted":
            refused = taken.refused(like, row.company, row.status)
            if refused is not None:
                writes.pop("Status")
                said = _said_again(row, writes)
                run.refused.append(refused)
            elif update or row.wishlist:
                taken.add(like, row.company, f"the Status of {like}")
        items = [_item(f) | {"id": like} for f in found]
        if writes and (update or row.wishlist):
            if withdraw and joins(row, writes):
                give(writes, withdraw)
                run.withdraw.append(like)
            note = f"from {merged.origin}"
            changes.extend(
                TableWrite(
                    "Pipeline",
                    h,
                    row.row,
                    _fit(x, run.cut, f"{like} {h}"),
                    dated(merged, h, x),
                    note,
                    SOURCE_UPDATE,
                )
                for h, x in writes.items()
            )
            reason = f"{said} ({run.why[like]})"
            if _closes(row, writes):  # closed means closed: its interviews ahead are cancelled
                on = writes.get("Last contact") or row.last_contact or book.as_of
                cancelled, ahead = cancel_interviews(book, like, min(on, book.as_of))
                changes.extend(cancelled)
                reason += f"; interviews cancelled: {', '.join(ahead)}" if ahead else ""
            updated.append(items[0] | {"reason": reason})
            continue
        if writes:
            could.append(items[0] | {"reason": said})
        for it in items:
            reason = f"already in the book as {like} ({run.why[like]})"
            run.skipped.append(it | {"reason": reason, "like": like})
    order = {f.origin: i for i, f in enumerate(reading.found)}
    run.skipped.sort(key=lambda s: order.get(s["from"], -1))
    people = _contacts(run, list(run.arrivals))
    changes += people
    message = (
        f"Added {len(added)} application(s), updated {len(updated)}, "
        f"skipped {len(run.skipped)}, {len(run.near)} possible duplicate(s) to look at"
    )
    return Outcome(
        changes,
        message,
        _lines(reading, stale, len(people), run, could),
        {
            "added": added,
            "updated": updated,
            "skipped": run.skipped,
            "possible_duplicates": run.near,
            "other_postings": run.reposts,
            "could_update": could,
            "contacts_added": len(people),
            "no_response": stale,
            "given_withdraw": run.withdraw,
            "undated": run.undated,
            "accepted_refused": run.refused,
            "cut": run.cut,
            **_reading_data(reading),
        },
        run.warnings,
    )


def _said_again(row: BookRow, writes: dict) -> str:
    """What is left to say once the files' Accepted is not written (a wishlist row applied to
    stays Active)."""
    if row.wishlist:
        writes["Status"] = "Active"
        return now(writes)
    return _said(row, writes)


def _closes(row: BookRow, writes: dict) -> bool:
    """Whether `writes` close the active application `row` (its Status leaves Active)."""
    was = (row.status or "Active").casefold()
    return was == "active" and writes.get("Status") not in (None, "Active")


def _some(items: list[str], shown: int = 8) -> str:
    """The first `shown` items, and how many more."""
    more = f" and {len(items) - shown} more (--json lists them)" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


def _lines(reading: Reading, stale: int, people: int, run: _Run, could: list) -> list[str]:
    lines = []
    if stale:
        lines.append(
            f"{stale} application(s) with no status from their file and no move for more than "
            f"30 days: marked No response."
        )
    if people:
        lines.append(f"{people} contact(s) added to Contacts.")
    if run.reposts:
        lines.append(
            f"{len(run.reposts)} application(s) share company and role with another but are "
            "other postings (reposted jobs): each added as an application of its own."
        )
    if reading.defaults:
        lines.append(
            f"{reading.defaults} row(s) holding only a template's defaults (no company; unticked "
            "boxes, N/A, a default status) skipped."
        )
    if reading.before_since:
        lines.append(f"{reading.before_since} row(s) from before --since left out.")
    if could:
        lines.append(
            f"{len(could)} application(s) in the book that the files say more about: run again "
            "with --update to bring their Stage, Status and Last contact up to date."
        )
    if run.undated:
        undated = [f"{u['id']} ({u['from']})" for u in run.undated]
        lines.append(
            f"{len(run.undated)} application(s) past the wishlist with no Date applied, which "
            f"statistics leave out until you fill it: "
            f"{_some(undated)}."
        )
    lines += reading.lines()
    lines += [f"Not written: {r}." for r in run.refused]
    if run.withdraw:
        action, due = run.taken.withdraw_action()
        lines.append(
            f"You have accepted {run.taken.moving.name}: {len(run.withdraw)} application(s) "
            f"brought in Active ({_some(run.withdraw)}) get the next action {action!r}, due "
            f"{due.isoformat()}, as accept gives the others (jobbook draft BOOK withdraw ID "
            "writes each note)."
        )
    if run.cut:
        lines.append(
            f"{len(run.cut)} text(s) longer than a cell holds (32,767 characters) cut there, "
            f"ending in \u2026: {', '.join(run.cut)}."
        )
    return lines

"""What the workbook's buttons do, as pure functions: book data in, cell writes out.

The xlwings side (``buttons.py``) only reads the calling workbook into a Book and applies the
writes; everything here runs and is tested without Excel.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import views
from ..changes import (  # noqa: F401 (CellWrite, Formula re-exported)
    CellWrite,
    Formula,
    RowAppend,
    cell_writes,
)
from ..errors import BadValue
from ..intents.accept import accept
from ..intents.lists import band as _band
from ..intents.record import record
from ..reader import Book
from ..report import build, check_outputs, default_output, write_outputs
from ..schema import FLAG_OVERDUE, HISTORY
from ..schema.lists import (  # noqa: F401 (re-exported)
    BANDS,
    CLEAR_TO,
    DRAFT_ID,
    DRAFT_KIND,
    FIRST_ROW,
    LISTS,
    OFFER_TO_ACCEPT,
)


@dataclass
class ActionResult:
    message: str
    writes: list[CellWrite] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    new_tables: list[tuple[str, str]] = field(default_factory=list)  # (sheet, range) to add


REFRESH_BUTTON, ACCEPT_BUTTON = "Refresh", "Accept offer"  # History's Source: the button's name


def history_writes(book: Book, rows: list) -> tuple[list[CellWrite], list[tuple[str, str]]]:
    """History rows (``history.Entry``) as cell writes after the History table's last row; for a
    workbook without the sheet, the sheet's header and rows, and the Table to make over them."""
    if not rows:
        return [], []
    if book.sheets.get(HISTORY.name) is not None:
        return cell_writes(book, [RowAppend(HISTORY.name, e.values()) for e in rows]), []
    block = [HISTORY.headers, *([e.values()[h] for h in HISTORY.headers] for e in rows)]
    last = f"{chr(64 + len(HISTORY.headers))}{len(block)}"
    return [CellWrite(HISTORY.name, "A1", block)], [(HISTORY.name, f"A1:{last}")]


def with_history(book: Book, changes: list, source: str) -> ActionResult:
    """The changes as cell writes, their History rows after them (``history.book_rows``: the
    Old of each cell is its value in the live workbook), as the editor writes them into a file."""
    from ..errors import HistoryTooBig
    from ..history import book_rows, log_for

    writes = cell_writes(book, changes)
    try:
        log = log_for(book, source)
    except HistoryTooBig:
        return ActionResult("", writes)
    rows = book_rows(book, changes, log)
    if not any(e.change == log.change for e in rows):
        return ActionResult("", writes)
    more, tables = history_writes(book, rows)
    return ActionResult("", writes + more, new_tables=tables)


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def deadlines(book: Book) -> ActionResult:
    """Deadlines button: every open deadline, soonest first, on the Lists sheet (kinds in words,
    as on the Dashboard)."""
    from ..core.deadlines import KIND_LABELS

    rows = [
        [
            _date(d["due"]),
            d["flag"],
            KIND_LABELS.get(d["kind"], d["kind"]),
            d["sheet"],
            d["id"],
            d["company"],
        ]
        for d in views.deadlines(book)
    ]
    overdue = sum(1 for r in rows if r[1] == FLAG_OVERDUE)
    title = f"Open deadlines as of {book.as_of.isoformat()}: {len(rows)} ({overdue} overdue)"
    return ActionResult(title, _band("deadlines", title, list(views.DEADLINE_HEADERS), rows))


def _link(sheet: str, cell: str | None) -> object:
    if not cell or not cell[0].isalpha():
        return sheet
    if not re.fullmatch(r"[A-Z]{1,3}[0-9]{1,7}", cell):
        return f"{sheet}!{cell}"
    target = sheet.replace("'", "''").replace('"', '""')  # inside '...' inside "...": both doubled
    label = f"{sheet}!{cell}".replace('"', '""')
    return Formula(f'=HYPERLINK("#\'{target}\'!{cell}","{label}")')


def check(book: Book) -> ActionResult:
    """Check button: every problem, errors first, each with a link to its cell."""
    problems = sorted(book.problems, key=lambda p: not p.is_error)
    rows = [[_link(p.sheet, p.cell), p.severity, p.message] for p in problems]
    errors = sum(1 for p in problems if p.is_error)
    title = (
        f"Checked {book.as_of.isoformat()}: {errors} error(s), {len(problems) - errors} warning(s)"
        if problems
        else "No problems found"
    )
    return ActionResult(title, _band("problems", title, ["Cell", "Severity", "Problem"], rows))


def refresh(book: Book) -> ActionResult:
    """Refresh button: what only Python computes - offers ranked by average annual total, and the
    whole search month by month; and it records in History what was typed since it last looked
    (as ``jobbook record``)."""
    offer_rows = [
        [
            o["rank"],
            o["id"],
            o["company"],
            o["first_year_total"],
            o["average_annual_total"],
            o["effective_hourly"],
            o["status"],
            _date(o["decision_due"]),
            o["decision_flag"],
        ]
        for o in views.offers(book)
    ]
    months = views.stats(book)["by_month"]
    month_rows = [[m, v["applications"], v["interviews"], v["offers"]] for m, v in months.items()]
    stamp = f"as of {book.as_of.isoformat()}"
    writes = _band(
        "offers",
        f"Offers ranked by average annual total ({stamp})",
        list(views.OFFERS_RANKED_HEADER),
        offer_rows,
    )
    writes += _band(
        "months",
        f"The search month by month ({stamp})",
        ["Month", "Applications", "Interviews", "Offers"],
        month_rows,
    )
    message = f"Refreshed {len(offer_rows)} offers and {len(month_rows)} months"
    recorded = record(book, source=REFRESH_BUTTON)  # what was typed since History last looked
    more, tables = history_writes(book, recorded.rows)
    if recorded.rows:
        message += f"; History change {recorded.log.change}: {recorded.message}"
    return ActionResult(message, writes + more, new_tables=tables)


def monthly_report(book: Book, folder: Path | None = None) -> ActionResult:
    """Monthly report button: this month's report (workbook and PDF) written next to the book."""
    month = f"{book.as_of:%Y-%m}"
    folder = folder or (book.path.parent if book.path.parent.is_dir() else Path.home())
    out = folder / default_output(book.path, month).name
    out, pdf = check_outputs(book.path, out, out.with_suffix(".pdf"), force=True)
    files = write_outputs(build(book, month), book.path.name, out, pdf)
    return ActionResult(f"Wrote {files[0].name} and {files[1].name} in {folder}", files=files)


def export_calendar(book: Book, folder: Path | None = None) -> ActionResult:
    """Export calendar button: the book's interviews and open deadlines as ``<book>.ics`` beside
    it (updating the calendar exported there before), for a calendar program to import."""
    from ..ical import default_path
    from ..ical import export_calendar as write_calendar

    folder = folder or (book.path.parent if book.path.parent.is_dir() else Path.home())
    done = write_calendar(book, folder / default_path(book).name)
    c = done.counts
    rows = [
        ["File", str(done.path)],
        ["Interviews", f"{c.interviews} event(s)"],
        ["Deadlines", f"{c.deadlines} event(s)"],
        [
            "Since the last export",
            f"{c.new} new, {c.updated} updated, {len(c.cancelled)} cancelled",
        ],
        ["", "Import it into Outlook, Google or Apple Calendar; import it again after changes"],
    ]
    title = f"Calendar: {done.path.name} (as of {book.as_of.isoformat()})"
    writes = _band("calendar", title, ["", "What was written"], rows)
    return ActionResult(f"{done.message} in {folder}", writes, files=[done.path])


def accept_offer(
    book: Book, offer_id: str | None = None, selected_row: int | None = None
) -> ActionResult:
    """Accept offer button, for the offer chosen on the Dashboard or the selected Offers row: mark
    it and its application Accepted, mark the other Active applications to withdraw, fill
    Transition, and list the courtesy steps (``intents.accept``, shared with ``jobbook accept``)."""
    outcome = accept(book, offer_id=offer_id, selected_row=selected_row)
    message = f"{outcome.message.rstrip('.')}; the steps are on the {LISTS} sheet."
    message += "".join(f"\nWarning: {w}." for w in outcome.warnings)
    result = with_history(book, outcome.changes, ACCEPT_BUTTON)
    result.message = message
    return result


def draft(book: Book, kind: object, ident: object) -> ActionResult:
    """Draft button: the message chosen next to the button (its kind and ID) on the Lists sheet,
    To and Subject first, then the body one line per row, ready to copy into an email."""
    from ..drafts import draft as make_draft

    kind = str(kind).strip().lower() if kind not in (None, "") else ""
    ident = str(ident).strip() if ident not in (None, "") else ""
    if not kind or not ident:
        raise BadValue(
            "choose the kind of message and type its ID next to the Draft button "
            "(an Interviews ID for a thank-you, a Pipeline ID for follow-up, feedback and "
            "withdraw, an Offers ID for counter, accept, decline and resign)"
        )
    d = make_draft(book, kind, ident)
    to = ", ".join(f"{p.name} <{p.email}>" for p in d.to) or d.send_to or ""
    rows = [["To", to], *(["Note", n] for n in d.notes), ["Subject", d.subject], ["", ""]]
    rows += [["", line] for line in d.body.split("\n")]
    title = f"Draft: {kind} {d.id}" + (f" ({d.company})" if d.company else "")
    writes = _band("draft", title, ["", "Copy it into an email, edit and send"], rows)
    return ActionResult(f"{title}: on the {LISTS} sheet", writes)

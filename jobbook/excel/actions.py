"""What the workbook's buttons do, as pure functions: book data in, cell writes out.

The xlwings side (``buttons.py``) only reads the calling workbook into a Book and applies the
writes; everything here runs and is tested without Excel.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import views
from ..core.computed import other_active_ids
from ..errors import BadValue
from ..reader import Book
from ..report import build, check_outputs, default_output, write_outputs
from ..schema import FLAG_OVERDUE, OPEN_OFFER_STATUSES
from .layout import BANDS, CLEAR_TO, FIRST_ROW, LISTS, OFFER_TO_ACCEPT  # noqa: F401 (re-exported)


class Formula(str):
    """A formula written on purpose (a HYPERLINK to a problem's cell); other text is kept text."""


@dataclass(frozen=True)
class CellWrite:
    """Write a 2-D block of values at `cell` of `sheet` (first clearing `clear`, if given)."""

    sheet: str
    cell: str
    values: list[list[object]]
    clear: str | None = None


@dataclass
class ActionResult:
    message: str
    writes: list[CellWrite] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _band(name: str, title: str, header: list[str], rows: list[list[object]]) -> list[CellWrite]:
    first, last = BANDS[name]
    return [
        CellWrite(
            LISTS,
            f"{first}{FIRST_ROW - 1}",
            [[title]],
            clear=f"{first}{FIRST_ROW - 1}:{last}{CLEAR_TO}",
        ),
        CellWrite(LISTS, f"{first}{FIRST_ROW}", [header, *rows]),
    ]


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def deadlines(book: Book) -> ActionResult:
    """Deadlines button: every open deadline, soonest first, on the Lists sheet."""
    rows = [
        [_date(d["due"]), d["flag"], d["kind"], d["sheet"], d["id"], d["company"]]
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
    whole search month by month."""
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
        [
            "Rank",
            "ID",
            "Company",
            "First-year total",
            "Average annual total",
            "Effective hourly",
            "Status",
            "Decide by",
            "Flag",
        ],
        offer_rows,
    )
    writes += _band(
        "months",
        f"The search month by month ({stamp})",
        ["Month", "Applications", "Interviews", "Offers"],
        month_rows,
    )
    return ActionResult(f"Refreshed {len(offer_rows)} offers and {len(month_rows)} months", writes)


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
    return ActionResult(f"{done.message} in {folder}", files=[done.path])


def _text(value: object, default: object = "") -> str:
    return value if isinstance(value, str) and value else str(default)


def _cell(book: Book, table: str, header: str, row: int) -> str:
    letter = book.letters.get(table, {}).get(header)
    if letter is None:
        raise BadValue(f"{book.sheets.get(table) or table}: no {header!r} column")
    return f"{letter}{row}"


def accept_offer(
    book: Book, offer_id: str | None = None, selected_row: int | None = None
) -> ActionResult:
    """Accept offer button, for the offer chosen on the Dashboard or the selected Offers row: mark
    it and its application Accepted, mark the other Active applications to withdraw, fill
    Transition, and list the courtesy steps."""
    offers, pipeline = book.tables["Offers"], book.tables["Pipeline"]
    if offer_id:
        match = offers[offers["ID"].str.lower() == str(offer_id).strip().lower()]
    elif selected_row is not None:
        match = offers.loc[[selected_row]] if selected_row in offers.index else offers.iloc[0:0]
    else:
        match = offers.iloc[0:0]
    if match.empty:
        raise BadValue(
            "choose the offer to accept: pick its ID next to the button, or select its row on the Offers sheet"
        )
    row = int(match.index[0])
    offer = match.iloc[0]
    oid, app_id = str(offer["ID"]), str(offer["Application ID"])
    company = _text(offer["Company"], app_id)
    today = book.as_of
    next_day = book.calendar.workday(today, 1).item()
    osheet, psheet, tsheet = (book.sheets.get(t) or t for t in ("Offers", "Pipeline", "Transition"))
    writes = [CellWrite(osheet, _cell(book, "Offers", "Status", row), [["Accepted"]])]
    app_rows = pipeline.index[pipeline["ID"].str.lower() == app_id.lower()]
    for r in app_rows[:1]:
        writes.append(CellWrite(psheet, _cell(book, "Pipeline", "Status", int(r)), [["Accepted"]]))
        writes.append(CellWrite(psheet, _cell(book, "Pipeline", "Stage", int(r)), [["Offer"]]))
    others = other_active_ids(pipeline, app_id)
    by_id = {str(i).lower(): int(r) for r, i in pipeline["ID"].items() if isinstance(i, str)}
    for other in others:
        r = by_id[other.lower()]
        writes.append(
            CellWrite(
                psheet,
                _cell(book, "Pipeline", "Next action", r),
                [[f"Withdraw: accepted {company}"]],
            )
        )
        writes.append(
            CellWrite(psheet, _cell(book, "Pipeline", "Next action due", r), [[next_day]])
        )
    trans = book.tables["Transition"]
    existing = trans.index[trans["Offer ID"].str.lower() == oid.lower()]
    if len(existing):
        t_row = int(existing[0])
    else:
        header = book.header_rows.get("Transition")
        if header is None:
            raise BadValue(f"{tsheet}: no Transition table to fill")
        t_row = max([header, *map(int, trans.index)]) + 1
        writes.append(CellWrite(tsheet, _cell(book, "Transition", "Offer ID", t_row), [[oid]]))
    if len(existing) == 0 or pd.isna(trans.loc[t_row, "Accepted on"]):
        writes.append(CellWrite(tsheet, _cell(book, "Transition", "Accepted on", t_row), [[today]]))

    still_open = offers["Status"].isna() | offers["Status"].isin(OPEN_OFFER_STATUSES)
    open_offers = offers[(offers.index != row) & still_open]
    offer_apps = {str(a).lower() for a in open_offers["Application ID"].dropna()}
    steps = [
        f"Accept {oid} ({company}) in writing; ask for the contract and confirm the start date."
    ]
    for _, o in open_offers.iterrows():
        steps.append(
            f"Decline {o['ID']} ({_text(o['Company'], o['Application ID'])}) politely: thank them and keep the door open."
        )
    company_of = dict(zip(pipeline["ID"].str.lower(), pipeline["Company"]))
    for other in others:
        if other.lower() not in offer_apps:
            steps.append(
                f"Withdraw {other} ({company_of.get(other.lower(), '')}) with a short thank-you note, by {next_day.isoformat()}."
            )
    steps += [
        "Thank your references and the people who referred you; tell them where you are going.",
        f"Give notice at your current job, then fill Notice given on the {tsheet} sheet: your last day and earliest start follow.",
        "Keep this workbook: the Lessons sheet and your answers are worth having for the next search.",
    ]
    writes += _band(
        "accept",
        f"Accepting {oid} ({company}) on {today.isoformat()}",
        ["Step", "To do"],
        [[k, s] for k, s in enumerate(steps, 1)],
    )
    return ActionResult(
        f"Accepted {oid} ({company}): {len(others)} other application(s) marked to withdraw; the steps are on the {LISTS} sheet.",
        writes,
    )

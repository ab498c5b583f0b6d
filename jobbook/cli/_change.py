"""done and accept, and what every changing command shares: change the user's own workbook (README § Changing your workbook), through the editor."""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..changes import CellWrite, Outcome
from ..schema import SOURCE_ACCEPT, SOURCE_DONE
from ._logs import history_data, history_lines, history_log
from ._shared import BOOK, ISO_DATE, as_of_option, emit, load, output_options

CELL_FIELDS = ("sheet", "cell", "old", "new")
SHOWN_CELLS = 200  # a dry run lists this many cells, then counts the rest

if TYPE_CHECKING:  # pandas and the reader load when a command runs, not for --help
    from ..reader import Book


def dry_run_option(fn):
    return click.option(
        "--dry-run", is_flag=True, help="Print the cells that would change; write nothing."
    )(fn)


def held(book: Path, dry_run: bool):
    """The book held from its reading to its writing (``_lock.changing``): another jobbook run
    waits, a book saved meanwhile by another program is not written over. A dry run only reads."""
    from .._files import refuse_read_only
    from .._lock import changing

    if dry_run:
        return nullcontext()
    refuse_read_only(book)  # before any work: one line, the book as it was
    return changing(book)


def stale_warning(cells: list[str], dry_run: bool, untraced: list[str] = ()) -> str:
    """The one warning naming the user's own formulas, in columns jobbook reads, whose saved
    values the change drops (they could be stale): those that read a cell the change writes, and
    those whose references jobbook cannot follow (OFFSET, INDIRECT). jobbook cannot know them
    until Excel or LibreOffice computes and saves them."""

    def listed(some: list[str]) -> str:
        return ", ".join(some[:3]) + (f" and {len(some) - 3} more" if len(some) > 3 else "")

    verb = "would lose" if dry_run else "lose"
    said = []
    if cells:
        said.append(
            f"{len(cells)} of your own formula(s) read cells this change writes and {verb} their "
            f"saved values: {listed(cells)}"
        )
    if untraced:
        said.append(
            f"{len(untraced)} of your own formula(s) use OFFSET, INDIRECT or a reference jobbook "
            f"cannot follow, so they {verb} their saved values at every change: {listed(untraced)}"
        )
    return (
        "; ".join(said) + ". Excel and LibreOffice compute them when the book is opened; jobbook "
        "cannot know their values until the book is saved there"
    )


def apply_change(
    book: Book,
    path: Path,
    outcome: Outcome,
    dry_run: bool,
    fmt: str,
    lines: list[str],
    source: str,
    when=None,
    note: str = "",
) -> None:
    """Write the outcome's changes into `path` (or only say what they are), with their History
    (Source `source`, dated `when`, default the as-of date, noted `note`), and print the
    result."""
    from ..edit import edit_workbook

    sheets = set(book.layout.sheets)
    changes = [
        c for c in outcome.changes if not (isinstance(c, CellWrite) and c.sheet not in sheets)
    ]
    log = history_log(book, source, when, note) if changes else None
    edit = (
        edit_workbook(path, changes, dry_run=dry_run, log=log, backups=book.settings.Backups)
        if changes
        else None
    )
    cells = [
        {"sheet": c.sheet, "cell": c.cell, "old": c.old, "new": c.new}
        for c in (edit.cells if edit else [])
    ]
    data = {
        "book": str(path),
        "file": str(edit.file) if edit and edit.file else str(path.resolve()),
        "message": outcome.message,
        "dry_run": dry_run,
        "written": bool(edit and edit.written),
        "backup": str(edit.backup) if edit and edit.backup else None,
        **outcome.data,
        "warnings": outcome.warnings,
        "notes": edit.notes if edit else [],
        "cells": cells,
        "history": history_data(edit),
    }
    if edit is not None and (edit.stale or edit.untraced):
        outcome.warnings.append(stale_warning(edit.stale, dry_run, edit.untraced))
    for w in outcome.warnings:
        click.echo(f"warning: {w}", err=True)
    out = [outcome.message, *lines, *(f"Note: {n}" for n in data["notes"])]
    if edit is None or not edit.changed:
        said = "nothing to change" in outcome.message.lower()  # the intent said why already
        out += ["", f"{'' if said else 'Nothing to change; '}{path.name} is left as it was."]
    else:
        if dry_run:
            out += [
                "",
                f"Would change {len(cells)} cell(s) of {path.name}; nothing written (--dry-run):",
            ]
            out += [f"  {c}" for c in edit.cells[:SHOWN_CELLS]]
            if len(cells) > SHOWN_CELLS:
                out.append(f"  ... and {len(cells) - SHOWN_CELLS} more (--json lists them all)")
            out += history_lines(edit, dry_run)
        else:
            kept = f"; the old one is kept as {edit.backup.name}" if edit.backup else ""
            real = path
            if edit.file is not None and edit.file != Path(os.path.abspath(path)):
                real = f"{edit.file} through the symbolic link {path}"
            out += ["", f"Wrote {real} ({len(cells)} cell(s) changed){kept}."]
            out += history_lines(edit, dry_run)
    emit(fmt, data, "\n".join(out), cells, CELL_FIELDS)


# -- done -----------------------------------------------------------------------------------------


@click.command()
@BOOK
@click.argument(
    "kind",
    metavar="KIND",
    type=click.Choice(
        ("thank-you", "follow-up", "next-action", "lesson", "feedback", "decision", "start")
    ),
)
@click.argument("item_id", metavar="ID")
@click.option(
    "--on", "on", type=ISO_DATE, default=None, help="The day it was done (default: the as-of date)."
)
@dry_run_option
@as_of_option("the day it was done when --on is not given, and the flags shown after.")
@output_options
def done(book: Path, kind: str, item_id: str, on, dry_run: bool, as_of, fmt: str) -> None:
    """Mark a deadline of BOOK done: a thank-you note sent (Interview ID), a follow-up or next
    action made (Application ID: it records Last contact), a lesson action done or feedback
    requested (Application ID, on the Lessons sheet).

    KIND is one of thank-you, follow-up, next-action, lesson, feedback (as in `jobbook deadlines`);
    an offer decision or a start date has no done mark: the message says what to do instead. A
    next action "Withdraw..." done marks the application Withdrawn ("Decline O05...": the offer
    Declined, the application Offer declined) and its interviews still ahead Cancelled.

    \b
    Example:
      jobbook done search.xlsx thank-you I012
      jobbook done search.xlsx follow-up A054 --on 2026-10-20
      jobbook done search.xlsx lesson A029 --dry-run
      jobbook done search.xlsx next-action A054
    """
    from ..errors import UsageError
    from ..intents.done import NO_DONE_MARK
    from ..intents.done import done as mark
    from ..views import NEEDS_DEADLINES

    if kind in NO_DONE_MARK:
        raise UsageError(f"{kind}: {NO_DONE_MARK[kind]}")
    with held(book, dry_run):
        b = load(book, as_of, NEEDS_DEADLINES)
        outcome = mark(b, kind, item_id, on, dry_run=dry_run)
        apply_change(b, book, outcome, dry_run, fmt, outcome.lines, SOURCE_DONE, on or b.as_of)


# -- accept ---------------------------------------------------------------------------------------

NEEDS_ACCEPT = {
    "Offers": ["ID", "Application ID", "Status", "Company"],
    "Pipeline": ["ID", "Company", "Status", "Date applied"],
    "Interviews": ["ID", "Application ID", "Date", "Outcome", "Thank-you sent"],
    "Transition": None,
    "Settings": None,
}


@click.command()
@BOOK
@click.argument("offer_id", metavar="OFFER_ID")
@click.option(
    "--notice-given",
    type=ISO_DATE,
    default=None,
    help="The day you gave notice at your current job.",
)
@click.option(
    "--withdraw",
    is_flag=True,
    help="Also mark the other active applications Withdrawn and the other open offers Declined, "
    "and write a withdrawal or decline draft for each.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Accept it even though another offer is already Accepted, the offer is Declined, "
    "Expired or Rescinded, or its application is closed.",
)
@dry_run_option
@as_of_option(
    "the day the offer is accepted: the other applications' Withdraw action is due the next business day."
)
@output_options
def accept(
    book: Path,
    offer_id: str,
    notice_given,
    withdraw: bool,
    force: bool,
    dry_run: bool,
    as_of,
    fmt: str,
) -> None:
    """Accept offer OFFER_ID of BOOK, as the Accept offer button does: the offer and its
    application become Accepted, the other active applications get a "Withdraw" next action, or
    "Decline O05" when they have an open offer of their own (--withdraw: also the Status Withdrawn,
    or the offer Declined and the application Offer declined, each with a draft letter beside the
    book, and their interviews still ahead Cancelled), Transition gets the offer's row (Accepted on
    = the as-of date). Prints your last day, earliest start and the steps to take. Accepting the
    offer you accepted before completes it (the notice date, the withdrawals).

    It refuses, writing nothing, a second acceptance (another offer already Accepted), an offer
    Declined, Expired or Rescinded, and an offer whose application is closed; --force accepts it
    anyway, with a warning.

    \b
    Example:
      jobbook accept search.xlsx O02 --notice-given 2026-10-26 --dry-run
      jobbook accept search.xlsx O02 --withdraw
    """
    with held(book, dry_run):
        _accept(book, offer_id, notice_given, withdraw, force, dry_run, as_of, fmt)


def _accept(book, offer_id, notice_given, withdraw, force, dry_run, as_of, fmt) -> None:
    from ..intents.accept import accept as accept_offer

    b = load(book, as_of, NEEDS_ACCEPT)
    outcome = accept_offer(
        b, offer_id=offer_id, notice_given=notice_given, withdraw=withdraw, force=force
    )
    d = outcome.data
    lines = [
        f"Last day at your current job: {d['last_day'] or '- (fill Notice given, or use --notice-given)'}",
        f"Earliest start: {d['earliest_start'] or '-'}",
        "",
        "Next steps:",
        *(f"  {k}. {s}" for k, s in enumerate(outcome.lines, 1)),
    ]
    drafts = _letters(b, outcome, dry_run, lines) if d["withdrawn"] or d["declined"] else []
    apply_change(b, book, outcome, dry_run, fmt, lines, SOURCE_ACCEPT)
    if not dry_run:
        from ..drafts import write_eml

        for path, draft in drafts:
            write_eml(draft, path)


def _letters(b: Book, outcome: Outcome, dry_run: bool, lines: list[str]) -> list:
    """accept --withdraw (README § Changing your workbook): beside the book, a withdrawal draft (.eml) for each
    application withdrawn and a decline draft for each other open offer declined, written from the
    book as it will be. Rendered before anything is written, so that a blank a letter needs (Your
    name...) stops the command with nothing changed; listed in the output (and in --json as
    ``drafts``)."""
    from ..changes import applied
    from ..drafts import drafts_beside

    after = applied(b, outcome.changes)
    drafts = drafts_beside(after, "decline", outcome.data["declined"])
    drafts += drafts_beside(after, "withdraw", outcome.data["withdrawn"])
    outcome.data["drafts"] = [
        {
            "kind": d.kind,
            "id": d.id,
            "file": str(p),
            "to": [{"name": t.name, "email": t.email} for t in d.to],
        }
        for p, d in drafts
    ]
    head = "Decline and withdrawal drafts to open, edit and send"
    lines += ["", f"{head} (not written: --dry-run):" if dry_run else f"{head}:"]
    for p, d in drafts:
        to = ", ".join(f"{t.name} <{t.email}>" for t in d.to) or d.send_to or "(no email)"
        lines.append(f"  {p.name}  to {to}")
    return drafts

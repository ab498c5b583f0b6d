"""record and undo: the book's History (docs/definitions.md § History)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..schema import HISTORY, SOURCE_UNDO, TRACKED
from ._change import apply_change, dry_run_option, held
from ._logs import history_data
from ._shared import BOOK, ISO_DATE, as_of_option, emit, load, output_options

NEEDS_RECORD = {**{t: [*cols] for t, cols in TRACKED.items()}, HISTORY.name: None}
SHOWN_ROWS = 40  # a record lists this many History rows, then counts the rest


def _rows_text(rows: list[dict]) -> list[str]:
    out = []
    for r in rows[:SHOWN_ROWS]:
        what = (
            f"{r['sheet']} {r['id']}: row {r['new']}"
            if r["column"] == "(row)"
            else f"{r['sheet']} {r['id']} {r['column']}: {r['old'] or '(blank)'} -> {r['new'] or '(blank)'}"
        )
        out.append(f"  {what}")
    if len(rows) > SHOWN_ROWS:
        out.append(f"  ... and {len(rows) - SHOWN_ROWS} more (--json lists them all)")
    return out


def record_into(book: Path, as_of=None, on=None, dry_run: bool = False, source=None):
    """Record in `book`'s History what was typed since it last looked (``intents.record``),
    through the editor, the book held from its reading to its writing; returns the Recording
    and the Edit (None when there was nothing to record)."""
    from ..edit import edit_workbook
    from ..intents.record import record as what_changed

    with held(book, dry_run):
        b = load(book, as_of, NEEDS_RECORD)
        r = what_changed(b, on, **({"source": source} if source else {}))
        edit = None
        if r.rows:
            edit = edit_workbook(book, [], dry_run=dry_run, log=r.log, backups=b.settings.Backups)
    return r, edit


@click.command()
@BOOK
@click.option(
    "--on",
    "on",
    type=ISO_DATE,
    default=None,
    help="The day the changes took effect (default: the as-of date).",
)
@dry_run_option
@as_of_option("the day the changes are dated when --on is not given.")
@output_options
def record(book: Path, on, dry_run: bool, as_of, fmt: str) -> None:
    """Record in BOOK's History what you typed since History last looked: applications added,
    deleted or changed (their Date applied, Stage, Status, First response, Source), interviews
    and offers added, deleted or moved to another date. The first record on a book without History
    writes where History begins: the book as it stands.

    \b
    Example:
      jobbook record search.xlsx
      jobbook record search.xlsx --on 2026-10-20 --dry-run
    """
    r, edit = record_into(book, as_of, on, dry_run)
    rows = history_data(edit)
    data = {
        "book": str(book),
        "message": r.message,
        "dry_run": dry_run,
        "written": bool(edit and edit.written),
        "backup": str(edit.backup) if edit and edit.backup else None,
        "change": r.log.change if rows else None,
        "beginning": r.beginning,
        **r.counts,
        "history": rows,
    }
    lines = [r.message]
    if rows and not r.beginning:
        lines += ["", *_rows_text(rows)]
    if edit is None or not edit.changed:
        lines += ["", f"{book.name} is left as it was."]
    elif dry_run:
        lines += [
            "",
            f"Would write change {r.log.change} into {book.name}; nothing written (--dry-run).",
        ]
    else:
        kept = f"; the old one is kept as {edit.backup.name}" if edit.backup else ""
        real = book
        if edit.file is not None and edit.file != Path(os.path.abspath(book)):
            real = f"{edit.file} through the symbolic link {book}"
        lines += ["", f"Wrote {real}: History change {r.log.change}{kept}."]
    emit(fmt, data, "\n".join(lines), rows)


@click.command()
@BOOK
@dry_run_option
@as_of_option("the day the undo is dated in History.")
@output_options
def undo(book: Path, dry_run: bool, as_of, fmt: str) -> None:
    """Take back the newest change recorded in BOOK's History (an import, a done, an accept, a
    record, an undo: undo twice is a redo). Its cells go back to what they were, the rows it added
    are emptied, the rows it removed come back; the undo is recorded as a change of its own.
    Refused, with the cell named, if a cell it would restore has changed since.

    \b
    Example:
      jobbook undo search.xlsx --dry-run
      jobbook undo search.xlsx
    """
    from ..intents.undo import undo as take_back

    with held(book, dry_run):
        b = load(book, as_of, {HISTORY.name: None})
        outcome = take_back(b)
        if dry_run:
            outcome.message = "Would undo" + outcome.message.removeprefix("Undid")
        note = f"undo of change {outcome.data['undone']}"
        apply_change(b, book, outcome, dry_run, fmt, [], SOURCE_UNDO, note=note)

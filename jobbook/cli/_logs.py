"""What the change commands print of a change's History (docs/definitions.md § History), and its Log."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # pandas and the reader load when a command runs, not for --help
    from ..reader import Book


def history_log(book: Book, source: str, when=None, note: str = "", entries=None):
    """The History Log of a change to `book` (``history.log_for``); None, with a warning, for a
    book too big to keep a History."""
    from ..errors import HistoryTooBig
    from ..history import log_for

    try:
        return log_for(book, source, when, note, entries)
    except HistoryTooBig as exc:
        click.echo(f"warning: {exc}; the change is written without it", err=True)
        return None


def history_lines(edit, dry_run: bool) -> list[str]:
    """One line on what History gets."""
    own = [e for e in edit.history if e.change == edit.history[-1].change] if edit.history else []
    if not own:
        return []
    first = (
        " (History begins here: the book as it stood is change 1)"
        if own[0].change == 2 and any(e.change == 1 for e in edit.history)
        else ""
    )
    verb = "would record" if dry_run else "records"
    return [f"History {verb} it as change {own[0].change}: {len(own)} row(s){first}."]


def history_data(edit) -> list[dict]:
    return [
        {
            "change": e.change,
            "when": e.when.isoformat() if e.when else None,
            "sheet": e.sheet,
            "id": e.id,
            "column": e.column,
            "old": e.old or None,
            "new": e.new or None,
            "source": e.source,
            "note": e.note or None,
        }
        for e in (edit.history if edit else [])
    ]

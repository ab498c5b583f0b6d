"""Mail read offline (README § Your mail): the search's messages, from a mailbox the user exported,
turned into proposed changes to the book, written only with the user's say-so.

* ``sources`` - an mbox, a folder of .eml files or a .zip of either, streamed message by message;
* ``decode`` - a message's sender, date, subject, text (HTML as text; charsets as declared) and
  calendar invitations (parsed in memory; attachments never opened);
* ``classify`` - its kind, from the phrase tables (``phrases``) and the sender tables (``senders``);
* ``match`` - which application (``matched``, ``ambiguous`` with candidates, ``new``);
* ``propose`` and ``state`` - the changes each kind makes, against the search as earlier mail left it;
* ``run`` - all of it for a list of sources; ``apply_run`` writes the changes through the editor.
"""

from __future__ import annotations

from pathlib import Path

from ..reader import Book
from .run import MailRun, applied_ids, invitation_of, message_note, pick_map, read_mail

__all__ = [
    "MailRun",
    "applied_ids",
    "applied_messages",
    "apply_run",
    "invitations",
    "message_note",
    "pick_map",
    "read_mail",
]


def _mail_entries(book: Book) -> list:
    from ..history import book_entries
    from ..schema import SOURCE_MAIL

    return [e for e in book_entries(book) if e.source == SOURCE_MAIL]


def applied_messages(book: Book) -> set[str]:
    """Message-IDs of the messages whose changes History holds (Source ``mail``)."""
    return applied_ids(e.note for e in _mail_entries(book))


def invitations(book: Book) -> dict[str, tuple[str, int]]:
    """Interview ID -> (calendar UID, SEQUENCE) of the invitation History says it came from (the
    latest), so that a reschedule or a cancellation read in a later run finds its row."""
    from ..schema import ROW_COLUMN

    interviews = book.sheets.get("Interviews") or "Interviews"
    out: dict[str, tuple[str, int]] = {}
    for e in _mail_entries(book):
        got = invitation_of(e.note)
        if got is not None and e.sheet == interviews and (e.column in (ROW_COLUMN, "Date")):
            out[e.id] = got
    return out


def apply_run(book: Book, path: Path, run: MailRun, log=None):
    """Write the run's changes into the workbook at `path` through the editor (a backup kept,
    written atomically), with their History rows (`log`, Source ``mail``: each change dated and
    noted by its message) in the same write; None when there is nothing to write."""
    from ..edit import edit_workbook

    changes = run.changes()
    if not changes:
        return None
    return edit_workbook(path, changes, log=log, backups=book.settings.Backups)

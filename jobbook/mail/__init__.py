"""Mail read offline (SPEC section 14): the search's messages, from a mailbox the user exported,
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
from .run import MailRun, applied_ids, message_note, pick_map, read_mail

__all__ = [
    "MailRun",
    "applied_ids",
    "applied_messages",
    "apply_run",
    "message_note",
    "pick_map",
    "read_mail",
]


def applied_messages(book: Book) -> set[str]:
    """Message-IDs of the messages whose changes History holds (Source ``mail``)."""
    return set()


def apply_run(book: Book, path: Path, run: MailRun):
    """Write the run's changes into the workbook at `path` through the editor (a backup kept,
    written atomically); None when there is nothing to write."""
    from ..edit import edit_workbook

    changes = run.changes()
    if not changes:
        return None
    return edit_workbook(path, changes)

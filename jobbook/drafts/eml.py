"""A draft as an unsent email (``.eml``): From, To, Subject, a plain-text body and ``X-Unsent: 1``,
which Outlook opens as a message to edit and send (Thunderbird: File > Open, then Edit as New
Message). Nothing is ever sent."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr
from pathlib import Path

from .._files import check_output, write_atomically


def eml_message(draft) -> EmailMessage:
    """The draft (a ``jobbook.drafts.Draft``) as an email message."""
    msg = EmailMessage()
    if draft.sender is not None and draft.sender.email:
        msg["From"] = formataddr((draft.sender.name, draft.sender.email))
    if draft.to:
        msg["To"] = ", ".join(formataddr((p.name, p.email)) for p in draft.to)
    msg["Subject"] = draft.subject
    msg["X-Unsent"] = "1"
    msg.set_content(draft.body + "\n")
    return msg


def eml_path(book_path: str | Path, kind: str, ident: str) -> Path:
    """Where a draft written beside the book goes: ``search.withdraw-A012.eml`` for search.xlsx."""
    book_path = Path(book_path)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in str(ident))
    return book_path.with_name(f"{book_path.stem}.{kind}-{safe}.eml")


def write_eml(draft, path: str | Path, force: bool = False, inputs=()) -> Path:
    """Write the draft to `path` (``.eml``), atomically; an existing file only with `force`."""
    path = check_output(path, (".eml",), force, inputs)
    data = eml_message(draft).as_bytes(policy=SMTP)
    return write_atomically(path, lambda tmp: Path(tmp).write_bytes(data), force=force)

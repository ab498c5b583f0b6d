"""Message drafts (README § Message drafts): the letters of a job search, written from the workbook.

    book = jobbook.read_book("search.xlsx")
    d = draft(book, "thank-you", "I003")      # a Draft: to, subject, body
    print(d.text())
    write_eml(d, "thank-you.eml")             # an unsent email to open, edit and send
    write_eml(d, eml_path(book.path, d.kind, d.id))   # beside the book: search.thank-you-I003.eml

``facts`` gathers what the workbook knows (pure), ``render`` fills the kind's template (Jinja2,
overridable by file name), ``eml`` writes the unsent email, ``links`` mirrors the workbook's mailto:
links (``short=True``). Nothing here sends anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MissingValue, UsageError
from ..reader import Book
from ._people import Person
from .eml import eml_message, eml_path, write_eml
from .facts import KINDS, facts
from .links import LINK_KINDS, link_fields, link_to, mailto
from .render import PACKAGE_TEMPLATES, render, template_dirs

# What a draft reads; an error elsewhere in the book is only a warning.
NEEDS_DRAFT = {
    "Pipeline": ["ID", "Company", "Role", "Status", "Date applied", "Last contact"],
    "Interviews": None,
    "Contacts": None,
    "Offers": None,
    "Negotiation": None,
    "Lessons": ["Application ID"],
    "Transition": None,
}


@dataclass
class Draft:
    """A message ready to edit and send: whom to, subject, body."""

    kind: str
    id: str
    subject: str
    body: str
    to: list[Person] = field(default_factory=list)  # recipients with an email, from Contacts
    send_to: str | None = None  # whom to send it to when no email is known (notes say why)
    sender: Person | None = None  # Your name and Your email
    company: str | None = None
    template: str = ""  # the template file used
    due: str | None = None  # the open deadline it answers (as `jobbook deadlines` lists it)
    flag: str | None = None
    link: str | None = None  # the mailto: link (short drafts)
    # what to know before sending: what Contacts lacks, a fallback recipient, an overdue decision
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The subject line, a blank line and the body."""
        return f"Subject: {self.subject}\n\n{self.body}\n"

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": self.id,
            "to": [{"name": p.name, "email": p.email} for p in self.to],
            "send_to": self.send_to,
            "subject": self.subject,
            "body": self.body,
            "company": self.company,
            "due": self.due,
            "flag": self.flag,
            "link": self.link,
            "template": self.template,
            "notes": list(self.notes),
        }


def draft(
    book: Book,
    kind: str,
    ident: str,
    templates: str | Path | None = None,
    short: bool = False,
) -> Draft:
    """The `kind` draft (one of ``KINDS``) for row `ident` of its sheet (Interviews for a thank-you,
    Pipeline for follow-up, feedback and withdraw, Offers for the rest).

    `templates`: a folder whose ``<kind>.j2`` files replace the package's (default: a ``templates``
    folder beside the book, if any). `short`: the short message of the workbook's mailto: link
    (thank-you and feedback), with ``link`` set. Raises a JobbookError naming the cell to fill when
    the letter needs a value the book lacks."""
    if short and kind not in LINK_KINDS:
        raise UsageError(
            f"--short is for the drafts the workbook links to: {', '.join(LINK_KINDS)}"
        )
    f = facts(book, kind, ident)
    try:
        if short:
            subject, body, used = render(
                LINK_KINDS[kind].template, link_fields(kind, f), [PACKAGE_TEMPLATES]
            )
        else:
            subject, body, used = render(f"{kind}.j2", f, template_dirs(book.path, templates))
    except MissingValue as exc:
        raise MissingValue(f"{book.path}: {exc}") from exc
    me = f["me"]
    sender = Person(me["name"], me["email"]) if isinstance(me["name"], str) else None
    if sender is not None and not isinstance(me["email"], str):
        sender = Person(me["name"])
    notes = list(f["notes"])
    out = Draft(
        kind=kind,
        id=str(f["id"]),
        subject=subject,
        body=body,
        to=list(f["to"]),
        send_to=f["send_to"],
        sender=sender,
        company=f["company"] if isinstance(f["company"], str) else None,
        template=used,
        due=f["due"],
        flag=f["flag"],
        notes=notes,
    )
    if short:
        out.link = mailto(link_to(f), subject, body)
        if "&body=" not in out.link:
            out.notes.append(
                "the link leaves the body out: with it the link would pass the 255 characters "
                "Excel allows"
            )
    return out


def drafts_beside(
    book: Book, kind: str, idents: list[str], templates: str | Path | None = None
) -> list[tuple[Path, Draft]]:
    """The `kind` draft for each of `idents` and the .eml file beside the book it goes to
    (``search.withdraw-A012.eml``; ``search.withdraw-A012-2.eml`` when that name is taken, so that
    nothing the user edited is replaced). Every draft is rendered here, so that a blank a letter
    needs stops the caller before it writes anything."""
    out: list[tuple[Path, Draft]] = []
    for ident in idents:
        d = draft(book, kind, ident, templates)
        path = first = eml_path(book.path, kind, d.id)
        k = 2
        while path.exists() or any(path == p for p, _ in out):
            path = first.with_name(f"{first.stem}-{k}{first.suffix}")
            k += 1
        out.append((path, d))
    return out


__all__ = [
    "KINDS",
    "LINK_KINDS",
    "NEEDS_DRAFT",
    "Draft",
    "draft",
    "drafts_beside",
    "eml_message",
    "eml_path",
    "facts",
    "write_eml",
]

"""Whom a draft goes to, from Contacts: the interviewers by name, the recruiter (else the hiring
manager) of an application, the current manager. The rules are those of the workbook's mailto:
formulas (``jobbook.schema._links``), so a link and its draft have the same To."""

from __future__ import annotations

from dataclasses import dataclass

from ..reader import Book
from ..schema import excel_trim


@dataclass(frozen=True)
class Person:
    name: str
    email: str | None = None
    role: str | None = None

    @property
    def first(self) -> str:
        return first_name(self.name)


def first_name(name: str) -> str:
    """The first word of a name (Excel: LEFT(name, FIND(" ", name&" ")-1))."""
    return excel_trim(name).split(" ")[0]


def greeting(person: Person | None) -> str:
    """``Hi Alex`` for a known person, else ``Hello``."""
    return f"Hi {person.first}" if person is not None and person.first else "Hello"


def people(text: str | None) -> list[str]:
    """The names in an Interviewers cell: separated by commas, semicolons, "&", " and " or line
    breaks (the same steps as the link formula's SUBSTITUTEs)."""
    t = excel_trim((text or "").replace("\n", ","))
    for sep in (" and ", "&", ";", " ,", ", "):
        t = t.replace(sep, ",")
    return [n for n in t.split(",") if n]


def _same(a: object, b: object) -> bool:
    """Excel's = on trimmed text: case-insensitive."""
    return excel_trim(str(a or "")).casefold() == excel_trim(str(b or "")).casefold()


def _contacts(book: Book) -> list[dict]:
    """Contacts rows with a name or an email, trimmed as the formulas trim them (blank: "")."""
    cols = ["Name", "Company", "Application ID", "Role in process", "Email"]
    df = book.tables["Contacts"][cols]
    text = df.astype(object).where(df.notna(), "")
    rows = [
        {c: excel_trim(str(v)) for c, v in zip(cols, values)} for values in text.itertuples(False)
    ]
    return [r for r in rows if r["Name"] or r["Email"]]


def interviewers(book: Book, text: str | None, company: str | None) -> list[Person]:
    """Contacts of `company` named in `text` and with an email, in Contacts order."""
    names = {n.casefold() for n in people(text)}
    return [
        Person(c["Name"], c["Email"], c["Role in process"] or None)
        for c in _contacts(book)
        if c["Name"].casefold() in names and _same(c["Company"], company) and c["Email"]
    ]


def process_contact(book: Book, application_id: str) -> Person | None:
    """The application's first recruiter with an email, else its first hiring manager with one."""
    rows = [c for c in _contacts(book) if _same(c["Application ID"], application_id) and c["Email"]]
    for role in ("Recruiter", "Hiring manager"):
        for c in rows:
            if c["Role in process"] == role:
                return Person(c["Name"], c["Email"], role)
    return None


def named(book: Book, name: str, company: str | None = None) -> Person | None:
    """The contact called `name` (at `company` first), with an email."""
    found = [c for c in _contacts(book) if _same(c["Name"], name) and c["Email"]]
    found.sort(key=lambda c: not _same(c["Company"], company))
    return (
        Person(found[0]["Name"], found[0]["Email"], found[0]["Role in process"]) if found else None
    )

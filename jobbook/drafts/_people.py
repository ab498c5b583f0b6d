"""Whom a draft goes to, from Contacts: the interviewers by name; for an application its recruiter,
else its hiring manager, else its first other contact with an email, else the first contact of the
same company (on another application, or none) with an email; the current manager. How a letter
greets them (``greet``). The rules are those of the workbook's mailto: formulas
(``jobbook.schema._links``), so a link and its draft have the same To and the same greeting. When
no email is known, the notes say precisely what Contacts lacks."""

from __future__ import annotations

from dataclasses import dataclass

from ..reader import Book
from ..schema import GREET_MOST, GREET_SEPARATORS, GREET_SLOT, excel_trim


@dataclass(frozen=True)
class Person:
    name: str
    email: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:  # a name is one line wherever a draft puts it
        object.__setattr__(self, "name", single_line(self.name))

    @property
    def first(self) -> str:
        return first_name(self.name)


def single_line(text: str) -> str:
    """`text` on one line: each run of spaces, tabs and line breaks (Alt+Enter in a cell) as one
    space, the ends trimmed. For subjects, names and every fact a sentence quotes."""
    return " ".join(text.split())


def first_name(name: str) -> str:
    """The first word of a name (Excel: LEFT(name, FIND(" ", name&" ")-1))."""
    return single_line(name).split(" ")[0]


def greeting(person: Person | None) -> str:
    """``Hi Alex`` for a known person, else ``Hello``."""
    return f"Hi {person.first}" if person is not None and person.first else "Hello"


def greeted(text: str | None) -> str:
    """Whom a thank-you greets, from an Interviewers cell: each person by first name, or by full
    name when another of them has the same first name (``Grace, Aisha and Omar``; ``Diego Patel
    and Diego Okafor``). Step for step what the Thank-you link's formula computes
    (``jobbook.schema._links.GREETED``): names split at line breaks, " and ", "&", ";" and ",",
    each in a slot of GREET_SLOT characters (MID), trimmed as Excel's TRIM trims, the first
    GREET_MOST of them; first names compared whatever their case, as Excel's = compares."""
    t = text or ""
    for sep in GREET_SEPARATORS:
        t = t.replace(sep, ",")
    slots = t.replace(",", " " * GREET_SLOT)
    names = [excel_trim(slots[k * GREET_SLOT : (k + 1) * GREET_SLOT]) for k in range(GREET_MOST)]
    firsts = [n[: (n + " ").find(" ")] for n in names]
    keys = [f.lower() for f in firsts]
    shown = [n if keys.count(k) > 1 else f for n, f, k in zip(names, firsts, keys)]
    text = ", ".join(x for x in shown if x)
    last = max(1, sum(1 for n in names if n) - 1)  # SUBSTITUTE's instance: the last ", "
    head, sep, tail = _nth_split(text, ", ", last)
    return head + (" and " if sep else "") + tail


def _nth_split(text: str, sep: str, n: int) -> tuple[str, str, str]:
    """`text` around the n-th `sep` (Excel's SUBSTITUTE with an instance number)."""
    at = -1
    for _ in range(n):
        at = text.find(sep, at + 1)
        if at < 0:
            return text, "", ""
    return text[:at], sep, text[at + len(sep) :]


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
    cols = ["Name", "Company", "Application ID", "Role in process", "Email", "Title"]
    df = book.tables["Contacts"][[c for c in cols if c in book.tables["Contacts"]]]
    cols = list(df.columns)
    text = df.astype(object).where(df.notna(), "")
    rows = [
        {c: excel_trim(str(v)) for c, v in zip(cols, values)} for values in text.itertuples(False)
    ]
    return [r for r in rows if r["Name"] or r["Email"]]


def contacts_by(book: Book, column: str) -> dict[str, list[dict]]:
    """``_contacts(book)`` grouped by `column` as ``_same`` compares it (trimmed, any case), in
    Contacts order: the only rows ``interviewers`` (Company) or ``process_contact`` (Application
    ID) can pick for a value, so that a whole column of links costs one pass over Contacts."""
    out: dict[str, list[dict]] = {}
    for c in _contacts(book):
        out.setdefault(c[column].casefold(), []).append(c)
    return out


def contact_key(value: object) -> str:
    """A value as ``contacts_by`` keys it (``_same``'s comparison)."""
    return excel_trim(str(value or "")).casefold()


def joined(items: list[str]) -> str:
    """``Alex``, ``Alex and Priya``, ``Alex, Priya and Sam``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def interviewers(
    book: Book, text: str | None, company: str | None, contacts: list[dict] | None = None
) -> tuple[list[Person], list[str]]:
    """Contacts of `company` named in `text` and with an email, in Contacts order; and what
    Contacts lacks for the others (``Contacts has no email for Bo Li``). `contacts`: the rows of
    ``_contacts(book)`` to look in (all of them by default; ``contacts_by`` for many rows)."""
    names = people(text)
    wanted = {n.casefold() for n in names}
    rows = [
        c
        for c in (_contacts(book) if contacts is None else contacts)
        if c["Name"].casefold() in wanted and _same(c["Company"], company)
    ]
    found = [
        Person(c["Name"], c["Email"], c["Role in process"] or None) for c in rows if c["Email"]
    ]
    known = {p.name.casefold() for p in found}
    listed = {c["Name"].casefold() for c in rows}
    no_email = [n for n in names if n.casefold() in listed and n.casefold() not in known]
    absent = [n for n in names if n.casefold() not in listed]
    missing = []
    if no_email:
        missing.append(f"Contacts has no email for {joined(no_email)}")
    if absent:
        at = f" at {company}" if company else ""
        missing.append(f"Contacts has no {joined(absent)}{at}")
    return found, missing


PROCESS_ROLES = ("Recruiter", "Hiring manager")


def process_contact(
    book: Book,
    application_id: str,
    contacts: list[dict] | None = None,
    company: object = None,
    colleagues: list[dict] | None = None,
) -> tuple[Person | None, list[str]]:
    """Whom a letter about an application goes to: its first recruiter with an email, else its
    first hiring manager with one, else its first other contact with one (any role, or none: a
    contact imported without a Role in process), in Contacts order; else the first contact of its
    `company` with an email, met on another application or none (Contacts order); and a note when
    it is not a recruiter or hiring manager of the application, or what Contacts lacks when there
    is nobody. `contacts` and `colleagues`: the rows of ``_contacts(book)`` to look in for the
    application and for the company (all of them by default)."""
    every = _contacts(book) if contacts is None or colleagues is None else []
    rows = [
        c
        for c in (every if contacts is None else contacts)
        if _same(c["Application ID"], application_id)
    ]
    emailed = [c for c in rows if c["Email"]]
    for role in PROCESS_ROLES:
        for c in emailed:
            if c["Role in process"].casefold() == role.casefold():
                return Person(c["Name"], c["Email"], role), []
    if emailed:
        c = emailed[0]
        role = c["Role in process"] or None
        as_ = f"({role})" if role else "(no Role in process)"
        return Person(c["Name"], c["Email"], role), [
            f"to {single_line(c['Name']) or c['Email']} {as_}: Contacts has no recruiter or "
            f"hiring manager with an email for {application_id}"
        ]
    named_rows = [single_line(c["Name"]) for c in rows if c["Name"]]
    lacks = (
        f"Contacts has no email for {joined(named_rows)} ({application_id})"
        if named_rows
        else f"Contacts has nobody for {application_id}"
    )
    firm = excel_trim(company) if isinstance(company, str) else ""
    same = [
        c
        for c in (every if colleagues is None else colleagues)
        if firm and c["Email"] and _same(c["Company"], firm)
    ]
    if same:  # the company's people met on another application know whom to pass it to
        c = same[0]
        role = c["Role in process"] or "no Role in process"
        on = f"on {c['Application ID']}" if c["Application ID"] else "on no application"
        who = single_line(c["Name"]) or c["Email"]
        return Person(c["Name"], c["Email"], c["Role in process"] or None), [
            f"to {who} ({role}, {on}), the first contact of {firm} with an email: {lacks}"
        ]
    if named_rows:
        return None, [f"{lacks}: add it there, or type the address"]
    return None, [
        f"{lacks}: add the recruiter or hiring manager there "
        f"(Application ID {application_id}, with an email), or type the address"
    ]


def named(book: Book, name: str, company: str | None = None) -> tuple[Person | None, list[str]]:
    """The contact called `name` (at `company` first), with an email; else what Contacts lacks."""
    rows = [c for c in _contacts(book) if _same(c["Name"], name)]
    found = [c for c in rows if c["Email"]]
    found.sort(key=lambda c: not _same(c["Company"], company))
    if found:
        return Person(found[0]["Name"], found[0]["Email"], found[0]["Role in process"]), []
    who = single_line(name)
    if rows:
        return None, [f"Contacts has no email for {who}: add it there, or type the address"]
    return None, [f"Contacts has no {who}: add them there with an email, or type the address"]

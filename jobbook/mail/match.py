"""Which application a message is about (README § Your mail): ``matched``, ``ambiguous`` (with the
candidates) or ``new``.

The employer is looked for where the sender puts it: a tracking system names it in the display
name, the subject, its tenant (``relx@myworkday.com``) or the body (``senders.ATS`` says where and
in which order); any other sender by its mail domain, then its display name and subject; a
calendar invitation by its organiser's domain. Each name found is resolved against the book's
companies: the same name (case, spacing, accents and legal suffixes ignored, as ``import`` does),
the same name written together (``lumen-health.com`` is Lumen Health), Settings' ``Company
aliases`` (alias -> company; an alias may be a tenant or a domain), then a near spelling
(rapidfuzz, as ``import``'s near matches). Last, the book's company names are looked for as words
of the subject and the first lines of the body.

A company with several applications is told apart by the job title (the subject's, else the
text's); else by the one application still open; else the proposal is ambiguous. A confirmation
naming another job than every application of the company is a new application there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..importers.match import company_key, role_key
from . import names
from .classify import Reading
from .decode import Mail

NEAR = 88  # rapidfuzz ratio (0-100) from which a name is the book's company spelt a little apart
ROLE_NEAR = 85  # token-set ratio from which a job title is an application's Role
OPEN = ("Active",)
SCAN_CHARS = 1500  # characters of a body searched for the book's company names
SIGNATURE_CHARS = 600  # and of its end, where a signature names the company
SHORT_NAMES = (
    "domain",
    "tenant",
    "organiser",
    "reply",
)  # names run together, spelt out in the message
_WORDS = re.compile(r"[^\W_]+(?:['’&][^\W_]+)*")


@dataclass
class App:
    """An application as matching sees it (``row`` None: proposed by this run, not in the book)."""

    id: str
    company: str
    role: str = ""
    status: str = ""
    stage: str = ""
    applied: dt.date | None = None
    row: int | None = None

    @property
    def key(self) -> str:
        return company_key(self.company)


@dataclass(frozen=True)
class Match:
    match: str  # matched, ambiguous, new
    app: App | None = None
    company: str | None = None  # the book's spelling when matched; the mail's when new
    role: str | None = None  # the job the mail names
    candidates: tuple[App, ...] = ()
    why: str = ""


def _compact(key: str) -> str:
    return key.replace(" ", "")


@dataclass
class Applications:
    """The book's applications (and those this run proposes), indexed by company."""

    apps: list[App] = field(default_factory=list)
    aliases: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        self.by_key: dict[str, list[App]] = {}
        self.compact: dict[str, str] = {}
        for app in list(self.apps):
            self._index(app)
        self.alias: dict[str, str] = {}  # alias key (or domain) -> the company it names
        for alias, company in self.aliases:
            for k in {company_key(alias), _compact(company_key(alias)), alias.strip().lower()}:
                if k:
                    self.alias.setdefault(k, company)

    def _index(self, app: App) -> None:
        key = app.key
        if not key:
            return
        self.by_key.setdefault(key, []).append(app)
        self.compact.setdefault(_compact(key), key)

    def add(self, app: App) -> None:
        self.apps.append(app)
        self._index(app)

    # -- names ------------------------------------------------------------------------------------
    def resolve(self, name: str | None) -> tuple[str, str] | None:
        """(the book's company key, how it was found) for a name from mail, or None."""
        if not name:
            return None
        key = company_key(name)
        if not key:
            return None
        if key in self.by_key:
            return key, "the same name"
        if _compact(key) in self.compact:
            return self.compact[_compact(key)], "the same name written together"
        target = (
            self.alias.get(key) or self.alias.get(_compact(key)) or self.alias.get(name.lower())
        )
        if target is not None:
            tkey = company_key(target)
            if tkey in self.by_key:
                return tkey, f"Company aliases: {name} is {target}"
        return self._near(key)

    def _near(self, key: str) -> tuple[str, str] | None:
        from rapidfuzz import fuzz, process

        if len(key) < 4 or not self.by_key:
            return None
        got = process.extractOne(key, list(self.by_key), scorer=fuzz.ratio, score_cutoff=NEAR)
        if got is not None:
            return got[0], f"a near spelling of {self.by_key[got[0]][0].company}"
        return None

    def _starts(self, name: str) -> tuple[str, str] | None:
        """The one book company whose name a mail domain or tenant begins (``vireo.example`` is
        Vireo Bank), when only one does."""
        short = _compact(company_key(name))
        if len(short) < 4:
            return None
        hits = {k for c, k in self.compact.items() if c.startswith(short)}
        if len(hits) == 1:
            key = hits.pop()
            return key, f"the start of {self.by_key[key][0].company}"
        return None

    def alias_name(self, name: str | None) -> str | None:
        """The company an alias names (for a new application: its real name), else None."""
        if not name:
            return None
        key = company_key(name)
        return self.alias.get(key) or self.alias.get(_compact(key)) or self.alias.get(name.lower())

    def scan(self, text: str) -> list[str]:
        """The book's companies named as words in `text` (a one-word name only with a capital)."""
        if not self.by_key:
            return []
        words = _WORDS.findall(text)
        found: list[str] = []
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                chunk = words[i : i + n]
                if n == 1 and not chunk[0][:1].isupper():
                    continue
                key = company_key(" ".join(chunk))
                if len(key) < 3:
                    continue
                hit = key if key in self.by_key else self.compact.get(_compact(key))
                if hit is None:
                    alias = self.alias.get(key)
                    if alias and company_key(alias) in self.by_key:
                        hit = company_key(alias)
                if hit and hit not in found:
                    found.append(hit)
        return found

    # -- messages ---------------------------------------------------------------------------------
    def clues(self, mail: Mail, reading: Reading) -> list[tuple[str, str]]:
        """(name, where) of every employer the message names, in the order they count."""
        sender = reading.sender
        text = mail.text
        subject = names.companies_in(mail.subject)
        body = names.companies_in(text[:SCAN_CHARS])
        if len(text) > SCAN_CHARS:  # the signature: "The Acme Recruiting Team"
            body += [n for n in names.companies_in(text[-SIGNATURE_CHARS:]) if n not in body]
        display, marked = names.display_company(mail.sender_name)
        label = names.registrable(mail.domain) if sender.kind == "company" else ""
        if display and label and len(label) >= 3:
            short, long = sorted((names.compact(display), label.replace("-", "")), key=len)
            marked = marked or long.startswith(short)  # "Lindenbaum Software" <x@lindenbaum.de>
        places: dict[str, list[str]] = {
            "subject": subject,
            "body": body,
            "display": [display] if display and (marked or sender.kind == "ats") else [],
            "tenant": [t for t in [names.tenant_company(sender.tenant)] if t],
            "domain": [d for d in [names.domain_company(mail.domain)] if d],
            "full domain": [mail.domain] if mail.domain else [],
            "reply": _reply_names(mail, sender),
        }
        if reading.invite is not None and reading.invite.organizer[1]:
            org = reading.invite.organizer[1].rsplit("@", 1)[-1]
            places["organiser"] = [d for d in [names.domain_company(org)] if d] + [org]
        return [(name, where) for where in _order(sender) for name in places.get(where, [])]

    def employer(self, mail: Mail, reading: Reading) -> tuple[str | None, str | None, str]:
        """(the book's company key or None, the name for a new application, why)."""
        clues = self.clues(mail, reading)
        for name, where in clues:
            got = self.resolve(name)
            if got is None and where in ("domain", "tenant", "organiser"):
                got = self._starts(name)
            if got is not None:
                return got[0], name, f"{where}: {name} ({got[1]})"
        for text, where in ((mail.subject, "subject"), (mail.text[:SCAN_CHARS], "text")):
            found = self.scan(text)
            if len(found) == 1:
                return found[0], None, f"{where} names {self.by_key[found[0]][0].company}"
        role = names.role_in(mail.subject)
        fresh = [
            (n, w)
            for n, w in clues
            if w != "full domain" and not (role and n.casefold() == role.casefold())
        ]
        if not fresh:
            return None, None, "no employer named"
        name, where = fresh[0]
        real = self.alias_name(name)
        if real:
            return None, real, f"{where}: {name} (alias of {real})"
        if where in SHORT_NAMES:  # a domain or tenant is a name run together: spelt out in the mail
            spelt = names.fuller(name, [mail.sender_name, mail.subject, *_ends(mail.text)])
            if spelt != name:
                return None, spelt, f"{where}: {name}, spelt {spelt} in the message"
        return None, name, f"{where}: {name}"

    def match(self, mail: Mail, reading: Reading) -> Match:
        key, name, why = self.employer(mail, reading)
        role = names.role_in(mail.subject) or names.role_in(mail.text[:SCAN_CHARS])
        if key is None:
            if name is None:
                return Match("ambiguous", role=role, why=why)
            return Match("new", company=names.clean_name(name), role=role, why=why)
        apps = self.by_key[key]
        return self._pick(apps, mail, reading, role, why)

    def _pick(self, apps: list[App], mail: Mail, reading: Reading, role: str | None, why: str):
        company = apps[0].company
        fresh_confirmation = reading.kind == "confirmation"
        if role:
            scored = [(a, _role_score(role, a.role)) for a in apps]
            best = max(s for _, s in scored)
            alike = [a for a, s in scored if s >= ROLE_NEAR and s == best]
            if len(alike) == 1:
                return Match("matched", alike[0], company, role, why=f"{why}; role {role}")
            if not alike and fresh_confirmation and all(a.role for a in apps):
                return Match("new", company=company, role=role, why=f"{why}; another role: {role}")
        if len(apps) == 1:
            app = apps[0]
            if fresh_confirmation and _long_closed(app, mail.date.date()):
                return Match("new", company=company, role=role, why=f"{why}; {app.id} is closed")
            return Match("matched", app, company, role, why=why)
        text = f"{mail.subject}\n{mail.text[:SCAN_CHARS]}"
        in_text = [a for a in apps if a.role and _role_in_text(a.role, text)]
        if len(in_text) == 1:
            return Match("matched", in_text[0], company, role, why=f"{why}; role {in_text[0].role}")
        open_ = [a for a in apps if a.status in OPEN]
        if len(open_) == 1:
            return Match("matched", open_[0], company, role, why=f"{why}; the one open application")
        return Match(
            "ambiguous", None, company, role, tuple(apps), why=f"{why}; several applications"
        )


def _order(sender) -> list[str]:
    """Where the employer is looked for, best first, by who sent the message."""
    if sender.kind == "ats":
        return list(sender.places)
    if sender.kind == "company":
        return ["full domain", "display", "domain", "subject", "organiser", "body"]
    # boards, schedulers, assessment platforms, people's own mail services
    return ["organiser", "subject", "display", "body"]


def _reply_names(mail: Mail, sender) -> list[str]:
    """The company a Reply-To address names (a recruiter's own address behind a tracking
    system), unless it is the sender's own domain or a mail service of people."""
    domain = mail.reply_to.rsplit("@", 1)[-1] if "@" in mail.reply_to else ""
    if not domain or domain == mail.domain or sender.kind != "ats":
        return []
    name = names.domain_company(domain)
    return [name] if name else []


def _ends(text: str) -> list[str]:
    if len(text) <= SCAN_CHARS + SIGNATURE_CHARS:
        return [text]
    return [text[:SCAN_CHARS], text[-SIGNATURE_CHARS:]]


def _role_score(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(role_key(a), role_key(b))


def _role_in_text(role: str, text: str) -> bool:
    key = role_key(role)
    return bool(key) and f" {key} " in f" {role_key(text)} "


def _long_closed(app: App, day: dt.date) -> bool:
    """An application closed (not Active) and applied to more than 30 days before `day`: a new
    confirmation from its company is another application."""
    return (
        app.status not in OPEN
        and app.status != ""
        and app.applied is not None
        and (day - app.applied).days > 30
    )

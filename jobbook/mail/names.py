"""Names in a message: the employer and the job a subject, a display name, a tracking system's
tenant or a mail domain names (patterns and noise words from ``phrases``, domains from
``senders``). Everything here is text in, text out; which application it is, is ``match``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import phrases as P
from . import senders as S

MAX_NAME = 80  # characters of a company or role name taken from mail
_COMPANY = (
    r"(?P<company>[A-Z0-9ÄÖÜ](?:[\w&'’+-]|\.(?=\w))*(?:[ ](?:[A-Z0-9ÄÖÜ&](?:[\w&'’+-]|\.(?=\w))*|"
    r"of|and|de|du|la|le|the|für|und|for|&))*)"
)
_ROLE = r"(?P<role>[\w/&+#.,()' -]{2,80}?)"
_NOT_ROLE = re.compile(
    r"\b(?:your|our|you|we|us|interview|invitation|application|applying|with|update|thank|"
    r"thanks|einladung|bewerbung|gespräch)\b",
    re.I,
)
_TAIL_WORDS = {"of", "and", "de", "du", "la", "le", "the", "für", "und", "for", "&"}
_NOT_COMPANIES = {
    "we", "you", "your", "our", "the", "a", "an", "i", "hi", "hello", "dear", "thank", "thanks",
    "team", "us", "interview", "application", "invitation", "update", "re", "fwd", "fw", "aw",
    "wg", "ihre", "sie", "uns", "wir", "die", "der", "das", "unfortunately", "leider", "next",
    "this", "that", "position", "role", "job", "jobs", "careers", "recruiting", "hiring",
    "absage", "zusage", "offer", "angebot", "vertragsangebot", "confirmation", "reminder",
    "action required", "important", "urgent", "hallo", "guten tag",
}  # fmt: skip


@lru_cache(maxsize=1)
def _company_patterns() -> tuple[re.Pattern, ...]:
    """The patterns, matching whatever their case except the name itself, which must start with a
    capital (``(?-i:...)`` scopes the case back in)."""
    out = []
    for p in P.COMPANY_PATTERNS:
        rx = p.replace("{company}", f"(?-i:{_COMPANY})").replace("{role}", _ROLE)
        out.append(re.compile(rx.replace("{{", "{").replace("}}", "}"), re.I))
    return tuple(out)


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[re.Pattern, ...]:
    return tuple(
        re.compile(p.replace("{role}", _ROLE).replace("{company}", _COMPANY), re.I)
        for p in P.ROLE_PATTERNS
    )


def clean_name(name: str | None) -> str | None:
    """A name as taken from mail: spaces collapsed, trailing punctuation and joining words
    dropped, at most ``MAX_NAME`` characters; None when nothing worth a name is left."""
    if not name:
        return None
    words = " ".join(str(name).split()).strip(" .,:;!?-–—|'\"()").split(" ")
    while words and words[-1].lower() in _TAIL_WORDS:
        words.pop()
    text = " ".join(words).strip(" .,:;!?-–—|'\"()")
    if not text or text.lower() in _NOT_COMPANIES or len(text) > MAX_NAME:
        return None
    return text


def company_name(name: str | None) -> str | None:
    """``clean_name``, and None for a job title (a name ending in ``phrases.ROLE_WORDS``)."""
    text = clean_name(name)
    if text and text.split(" ")[-1].casefold() in P.ROLE_WORDS:
        return None
    return text


def companies_in(text: str) -> list[str]:
    """Employer names the patterns find in `text` (a subject or the first lines of a body)."""
    found = []
    for rx in _company_patterns():
        for m in rx.finditer(text):
            name = company_name(m.groupdict().get("company"))
            if name and name not in found:
                found.append(name)
    return found


def role_in(text: str) -> str | None:
    """The job a subject or sentence names (``Application for Data Analyst at Acme``)."""
    for rx in _role_patterns():
        m = rx.search(text)
        if m:
            role = clean_name(m.group("role"))
            if role and not _NOT_ROLE.search(role):
                return role
    return None


@lru_cache(maxsize=1)
def _noise() -> re.Pattern:
    words = sorted({*P.DISPLAY_NOISE, *(row[0] for row in S.ATS)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


def display_company(display: str) -> tuple[str | None, bool]:
    """The employer in a sender's display name, and whether the display says it is one (``Acme
    Recruiting``, ``Acme via SmartRecruiters``, ``Talent at Acme``: True; ``Sarah Chen``: False)."""
    text = " ".join((display or "").split())
    if not text:
        return None, False
    m = re.search(r"\b(?:at|@|bei)\s+(.+)$", text, re.I)
    marked = bool(m) or any(
        re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I) for w in P.EMPLOYER_MARKERS
    )
    if m:
        text = m.group(1)
    text = _noise().sub(" ", text)
    return clean_name(text), marked


def registrable(domain: str) -> str:
    """``mail.lumen-health.co.uk`` -> ``lumen-health``: the name a company registered, without the
    mail sub-domains before it and the public suffix after it."""
    labels = [x for x in domain.lower().split(".") if x]
    if len(labels) < 2:
        return labels[0] if labels else ""
    tail = 2 if ".".join(labels[-2:]) in S.PUBLIC_SUFFIXES else 1
    name = labels[: len(labels) - tail]
    return name[-1] if name else ""


def domain_company(domain: str) -> str | None:
    """A company name from a mail domain (``lumen-health.example`` -> ``Lumen Health``); None for
    mail services of people."""
    if not domain or domain in S.PERSONAL_DOMAINS:
        return None
    label = registrable(domain)
    if not label or label in S.MAIL_SUBDOMAINS:
        return None
    return " ".join(w.capitalize() for w in re.split(r"[-_]+", label) if w) or None


def tenant_company(tenant: str) -> str | None:
    """``relx`` -> ``RELX``, ``acme-corp`` -> ``Acme Corp``: a tenant as a name (short ones are
    initials)."""
    words = [w for w in re.split(r"[-_.\d]+", tenant or "") if w]
    if not words:
        return None
    return " ".join(w.upper() if len(w) <= 4 else w.capitalize() for w in words)

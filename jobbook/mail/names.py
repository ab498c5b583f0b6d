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
_PARTS = re.compile(r"[^\W_]+")


def generic(name: str) -> bool:
    """Whether every word of a name is a word of mail, not of an employer (``Application
    Submitted``, ``Interview Confirmation``, ``Remote``: ``phrases.NOT_EMPLOYER``)."""
    words = _PARTS.findall(name.casefold())
    return not words or all(w in _not_employer() for w in words)


@lru_cache(maxsize=1)
def _not_employer() -> frozenset[str]:
    return frozenset(w for entry in P.NOT_EMPLOYER for w in _PARTS.findall(entry.casefold()))


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
    if not text or generic(text) or len(text) > MAX_NAME:
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
            name = company_name(_tail_noise(m.groupdict().get("company") or ""))
            if name and name not in found:
                found.append(name)
    return found


def _tail_noise(name: str) -> str:
    """A name without the words of a team after it (``Acme Talent Acquisition`` -> ``Acme``)."""
    cut = _tail().sub("", name)
    return cut if cut.strip() else name


@lru_cache(maxsize=1)
def _tail() -> re.Pattern:
    words = sorted({*P.DISPLAY_NOISE, *(row[0] for row in S.ATS)}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:[\s-]+(?:{alternation}))+\s*$", re.I)


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
    Recruiting``, ``Acme via SmartRecruiters``, ``Talent at Acme``, ``Priya from Acme``: True;
    ``Sarah Chen``, ``Sam Osei via LinkedIn`` (a person writing through a job board): False)."""
    text = " ".join((display or "").split())
    if not text:
        return None, False
    via = re.search(r"\bvia\s+(.+)$", text, re.I)
    if via and _board_name(via.group(1)):
        return None, False
    m = re.search(r"\b(?:at|@|bei|from|von)\s+(.+)$", text, re.I)
    marked = bool(m) or any(
        re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I) for w in P.EMPLOYER_MARKERS
    )
    if m:
        text = m.group(1)
    text = _noise().sub(" ", text)
    return clean_name(text), marked


def _board_name(name: str) -> bool:
    key = compact(name)
    return any(compact(row[0]) == key for row in S.BOARDS)


def compact(name: str) -> str:
    """A name's letters and digits, lower case: ``Meridian Foods`` and ``meridianfoods`` alike."""
    return "".join(_PARTS.findall((name or "").casefold()))


def fuller(short: str, texts: list[str]) -> str:
    """The fullest spelling in `texts` of a name a domain or tenant gives (``Meridianfoods`` ->
    ``Meridian Foods``, ``Tannery`` -> ``Tannery Row Bank``): a run of capitalised words that begins
    with it, cut before words of mail (``Talent Acquisition``); else `short`."""
    key = compact(short)
    if len(key) < 3:
        return short
    best = None
    for text in texts:
        for m in _run().finditer(text or ""):
            run = m.group(0).split(" ")
            for i in range(len(run)):
                words = run[i:]
                if not compact(" ".join(words)).startswith(key):
                    continue
                for n in range(len(words), 0, -1):
                    name = company_name(_noise().sub(" ", " ".join(words[:n])))
                    if name and compact(name).startswith(key):
                        if best is None or len(name) > len(best):
                            best = name
                        break
    return best or short


@lru_cache(maxsize=1)
def _run() -> re.Pattern:
    return re.compile(_COMPANY)


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

"""Is this application already in the book? The one place that decides, for every importer.

The same application is the same posting (its address without tracking parameters; LinkedIn's
numeric job id, whatever the address around it; only a real http(s) address is a posting), or the
same company (case, spacing, punctuation, accents and legal suffixes such as Inc., LLC, S.A.,
GmbH & Co. KG, Pty Ltd ignored) and the same role. Such a row is skipped. A near match (a company
or role spelled a little differently, by rapidfuzz's ratio: the normalised Indel similarity, in C,
so that thousands of rows against thousands take seconds) is added and reported as a possible
duplicate, never merged: only the user can tell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

NEAR = 0.86  # ratio (0-1, as difflib's) from which two company or role names look like one
# a name may end in several, stripped one after the other: "GmbH & Co. KG", "Pty Ltd"
LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp", "corporation",
    "co", "company", "and co", "and company", "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "se",
    "sa", "sas", "sarl", "srl", "spa", "sagl", "sa de cv", "de cv", "bv", "nv", "oy", "oyj", "ab",
    "as", "asa", "aps", "pty", "pte", "kk", "sl", "sp z oo", "group",
}  # fmt: skip
_SUFFIXES = sorted(LEGAL_SUFFIXES, key=len, reverse=True)
_DOTTED = re.compile(r"(?<![\w.])(?:\w\.)+\w\b\.?")  # S.A., S.p.A., B.V., o.o.: sa, spa, bv, oo
_TRACKING = re.compile(
    r"^(utm_\w*|refid|trackingid|trk|trkinfo|lipi|midtoken|midsig|eid|ebp|recommendedflavor|"
    r"originalsubdomain|gclid|fbclid|msclkid|mc_cid|mc_eid|ref|referrer|src|source|from|"
    r"_hsenc|_hsmi|gh_src|lever-source|lever-origin)$",
    re.I,
)
_LINKEDIN_JOB = re.compile(r"/jobs/(?:view|collections/[^/]+)/(?:[^/?#]*?-)?(\d{6,})")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = re.sub(r"\ba/s\b", "as", text.replace("&", " and "))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def company_key(name: object) -> str:
    """``"ACME, Inc."``, ``"Acme S.A."``, ``"Acme GmbH & Co. KG"`` and ``"Acme"`` -> ``"acme"``;
    ``"Société Générale SA"`` -> ``"societe generale"``. Legal suffixes go from the end one after
    the other, while a word is left."""
    joined = _fold(str(name or ""))
    stripped = True
    while stripped:
        stripped = False
        for suffix in _SUFFIXES:
            if joined.endswith(" " + suffix) and joined[: -len(suffix) - 1] not in ("", "the"):
                joined = joined[: -len(suffix) - 1]
                stripped = True
                break
    if joined.startswith("the ") and len(joined) > 4:
        joined = joined[4:]
    return joined


def role_key(role: object) -> str:
    return _fold(str(role or ""))


_HOST = re.compile(r"^(?:[\w-]+\.)+[\w-]+$|^\[[0-9a-f:.]+\]$")  # a dot, or IPv6
_BARE = re.compile(r"^(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?/\S*$")


def real_host(url: object) -> str | None:
    """The host of an http(s) address (lower case, no ``www.``, no user or port:
    ``https://user@jobs.acme.com:8443/x`` -> ``jobs.acme.com``); None for anything else, such as
    ``see email``, ``mailto:...`` or a name. A bare ``jobs.acme.com/1`` (no scheme) counts."""
    text = str(url or "").strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    if "://" not in text:
        if not _BARE.match(text):
            return None
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:  # a malformed port or IPv6 address
        return None
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(host):
        return None
    return host.removeprefix("www.")


def posting_key(url: object) -> str | None:
    """A posting's address without what differs between two visits: tracking parameters, the
    fragment, ``www.``, user and port, a trailing slash; LinkedIn's job id alone for LinkedIn.
    None when `url` is not an http(s) address with a path or query (text such as ``n/a`` or
    ``Referral from Sam``, or a bare home page, says nothing about which posting it was)."""
    host = real_host(url)
    if host is None:
        return None
    text = str(url).strip()
    parts = urlsplit(text if "://" in text else "https://" + text)
    if parts.path.strip("/") == "" and not parts.query:
        return None
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        m = _LINKEDIN_JOB.search(parts.path)
        job = m.group(1) if m else dict(parse_qsl(parts.query)).get("currentJobId")
        if job and job.isdigit():
            return f"linkedin:{job}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def clean_url(url: object) -> str | None:
    """`url` without tracking parameters and fragment, as it is worth keeping in the book."""
    text = str(url or "").strip()
    if not text:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    if not parts.netloc:
        return text
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


@dataclass(frozen=True)
class Known:
    """An application already in the book (or added earlier in the same import)."""

    id: str
    company: str
    role: str
    posting: str | None


@dataclass(frozen=True)
class Verdict:
    """``same`` (skip it), ``near`` (add it, report it) or ``new``; `like` is the match."""

    kind: str
    like: Known | None = None
    why: str = ""


class Matcher:
    """Checks rows against the book's applications and those added before them."""

    def __init__(self, known: list[Known] = ()):
        self.by_posting: dict[str, Known] = {}
        self.by_name: dict[tuple[str, str], Known] = {}
        self.by_company: dict[str, list[Known]] = {}
        self.roles: dict[str, list[str]] = {}  # role keys, in the order of by_company's lists
        self.companies: list[str] = []  # by_company's keys, for rapidfuzz
        for k in known:
            self.add(k)

    def add(self, k: Known) -> None:
        ck, rk = company_key(k.company), role_key(k.role)
        if k.posting:
            self.by_posting.setdefault(k.posting, k)
        self.by_name.setdefault((ck, rk), k)
        if ck not in self.by_company:
            self.companies.append(ck)
        self.by_company.setdefault(ck, []).append(k)
        self.roles.setdefault(ck, []).append(rk)

    def check(self, company: str, role: str | None, url: str | None) -> Verdict:
        posting = posting_key(url)
        if posting and posting in self.by_posting:
            return Verdict("same", self.by_posting[posting], "the same posting")
        ck, rk = company_key(company), role_key(role)
        if (ck, rk) in self.by_name:
            return Verdict("same", self.by_name[(ck, rk)], "the same company and role")
        from rapidfuzz import fuzz, process

        cutoff = NEAR * 100
        close = process.extract(ck, self.companies, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        for other, _, _ in close:
            roles = self.roles[other]
            if not rk:
                if "" in roles:
                    return Verdict(
                        "near", self.by_company[other][roles.index("")], "a company spelled alike"
                    )
                continue
            best = process.extractOne(rk, roles, scorer=fuzz.ratio, score_cutoff=cutoff)
            if best is not None and best[0]:
                why = (
                    "the same company, a role spelled alike"
                    if other == ck
                    else "a company and role spelled alike"
                )
                return Verdict("near", self.by_company[other][best[2]], why)
        return Verdict("new")

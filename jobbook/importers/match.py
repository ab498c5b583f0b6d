"""Is this application already in the book? The one place that decides, for every importer.

The same application is the same posting (its address without tracking parameters; LinkedIn's
numeric job id, whatever the address around it), or the same company (case, spacing, punctuation,
accents and legal suffixes such as Inc, LLC, Ltd, GmbH, SA ignored) and the same role. Such a row
is skipped. A near match (a company or role spelled a little differently, by difflib's ratio) is
added and reported as a possible duplicate, never merged: only the user can tell.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

NEAR = 0.86  # difflib ratio from which two company or role names look like one
LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp", "corporation",
    "co", "company", "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv",
    "oy", "oyj", "ab", "as", "asa", "aps", "pty", "pte", "kk", "sl", "sp z oo", "group",
}  # fmt: skip
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
    text = text.replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def company_key(name: object) -> str:
    """``"ACME, Inc."`` and ``"Acme"`` -> ``"acme"``; ``"Société Générale SA"`` -> ``"societe generale"``."""
    words = _fold(str(name or "")).split()
    joined = " ".join(words)
    for suffix in sorted(LEGAL_SUFFIXES, key=len, reverse=True):
        if joined.endswith(" " + suffix) and len(joined) > len(suffix) + 1:
            joined = joined[: -len(suffix) - 1]
            break
    if joined.startswith("the "):
        joined = joined[4:]
    return joined


def role_key(role: object) -> str:
    return _fold(str(role or ""))


def posting_key(url: object) -> str | None:
    """A posting's address without what differs between two visits: tracking parameters, the
    fragment, ``www.``, a trailing slash; LinkedIn's job id alone for LinkedIn."""
    text = str(url or "").strip()
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.").split(":")[0]
    if host.endswith("linkedin.com"):
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
    parts = urlsplit(text)
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
        for k in known:
            self.add(k)

    def add(self, k: Known) -> None:
        ck, rk = company_key(k.company), role_key(k.role)
        if k.posting:
            self.by_posting.setdefault(k.posting, k)
        self.by_name.setdefault((ck, rk), k)
        self.by_company.setdefault(ck, []).append(k)

    def check(self, company: str, role: str | None, url: str | None) -> Verdict:
        posting = posting_key(url)
        if posting and posting in self.by_posting:
            return Verdict("same", self.by_posting[posting], "the same posting")
        ck, rk = company_key(company), role_key(role)
        if (ck, rk) in self.by_name:
            return Verdict("same", self.by_name[(ck, rk)], "the same company and role")
        for other in difflib.get_close_matches(ck, list(self.by_company), n=5, cutoff=NEAR) or []:
            for k in self.by_company[other]:
                kr = role_key(k.role)
                if not rk and not kr:
                    return Verdict("near", k, "a company spelled alike")
                if rk and kr and difflib.SequenceMatcher(None, rk, kr).ratio() >= NEAR:
                    why = (
                        "the same company, a role spelled alike"
                        if other == ck
                        else "a company and role spelled alike"
                    )
                    return Verdict("near", k, why)
        return Verdict("new")

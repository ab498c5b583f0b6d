"""Is this application already in the book, or in the import? The one place that decides, for
every importer (README § Changing your workbook, "Every application arrives").

A file lists what its owner did: its rows are different applications unless they share a posting
key or the same company, role and date (``group``). Against the book and across files
(``Matcher``): the same posting key (the address without tracking parameters; LinkedIn's numeric
job id, whatever the address around it; only a real http(s) address is a posting) is one
application, different posting keys are different applications even with the same company and
role (reposted jobs: keys of one board, as two LinkedIn job ids or two addresses on one host; a
LinkedIn id and a careers page may be one job); without such keys, the same company (case, spacing, punctuation, accents and
legal suffixes such as Inc., LLC, S.A., GmbH & Co. KG, Pty Ltd ignored) and role are one
application when their dates lie within 30 days, else two, reported as possible duplicates. A
near match (a company or role spelled a little differently, by rapidfuzz's ratio: the normalised
Indel similarity, in C, so that thousands of rows against thousands take seconds) is added and
reported as a possible duplicate, never merged: only the user can tell. ``says_most`` orders what
rows say about the outcome, for merging them and for ``--update``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

NEAR = 0.86  # ratio (0-1, as difflib's) from which two company or role names look like one
WINDOW = 30  # days within which the same company and role, without posting keys, are one
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
    """An application already in the book (`source` None) or added earlier in the same import
    (`source`: the file or export it came from), with its Date applied (`day`)."""

    id: str
    company: str
    role: str
    posting: str | None
    day: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True)
class Verdict:
    """``same`` (one application: merge or skip it), ``apart`` (the same company and role on
    dates too far apart: another application, reported), ``near`` (spelled alike: added,
    reported), ``repost`` (the same company and role, another posting: added) or ``new``; `like`
    is the match."""

    kind: str
    like: Known | None = None
    why: str = ""


def _board(posting: str) -> str:
    """Where a posting key lives: ``linkedin`` for a LinkedIn job id, else its host. Two keys of
    one board tell two postings apart; a LinkedIn id and a careers page may be one job."""
    return posting.split(":", 1)[0] if posting.startswith("linkedin:") else posting.split("/")[0]


def _apart(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''} apart"


def _days(a: dt.date | None, b: dt.date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


class Matcher:
    """Checks rows against the book's applications and those added before them (README § Changing your workbook,
    "Every application arrives"): the same posting key is one application, another posting key
    another (a reposted job); without keys, the same company and role are one application when
    their dates lie within WINDOW days (or one of them has none), else two, reported. Rows of one
    file were grouped before (``group``): another row of the same file is another application."""

    def __init__(self, known: list[Known] = ()):
        self.by_posting: dict[str, Known] = {}
        self.by_name: dict[tuple[str, str], list[Known]] = {}
        self.by_company: dict[str, list[Known]] = {}
        self.roles: dict[str, list[str]] = {}  # role keys, in the order of by_company's lists
        self.companies: list[str] = []  # by_company's keys, for rapidfuzz
        for k in known:
            self.add(k)

    def add(self, k: Known) -> None:
        ck, rk = company_key(k.company), role_key(k.role)
        if k.posting:
            self.by_posting.setdefault(k.posting, k)
        self.by_name.setdefault((ck, rk), []).append(k)
        if ck not in self.by_company:
            self.companies.append(ck)
        self.by_company.setdefault(ck, []).append(k)
        self.roles.setdefault(ck, []).append(rk)

    def check(
        self,
        company: str,
        role: str | None,
        url: str | None,
        day: dt.date | None = None,
        source: str | None = None,
    ) -> Verdict:
        posting = posting_key(url)
        if posting and posting in self.by_posting:
            return Verdict("same", self.by_posting[posting], "the same posting")
        ck, rk = company_key(company), role_key(role)
        apart: list[tuple[int, Known]] = []
        reposts: list[Known] = []
        for k in self.by_name.get((ck, rk), []):
            gap = _days(k.day, day)
            if posting and k.posting and _board(k.posting) == _board(posting):
                reposts.append(k)  # another posting on the same board: a reposted job
            elif source is not None and k.source == source:  # one file: another application
                if gap is not None and gap <= WINDOW:
                    apart.append((gap, k))
            elif gap is None or gap <= WINDOW:
                far = f", {_apart(gap)}" if gap else ""
                return Verdict("same", k, f"the same company and role{far}")
            else:
                apart.append((gap, k))
        if apart:
            gap, k = min(apart, key=lambda a: a[0])
            return Verdict("apart", k, f"the same company and role, {_apart(gap)}")
        if reposts:
            return Verdict("repost", reposts[0], "the same company and role, another posting")
        return self._near(ck, rk)

    def _near(self, ck: str, rk: str) -> Verdict:
        from rapidfuzz import fuzz, process

        cutoff = NEAR * 100
        close = process.extract(ck, self.companies, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        for other, _, _ in close:
            roles = self.roles[other]
            if not rk:
                if "" in roles and other != ck:
                    return Verdict(
                        "near", self.by_company[other][roles.index("")], "a company spelled alike"
                    )
                continue
            alike = process.extract(rk, roles, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3)
            for role, _, at in alike:
                if role and (other, role) != (ck, rk):
                    why = (
                        "the same company, a role spelled alike"
                        if other == ck
                        else "a company and role spelled alike"
                    )
                    return Verdict("near", self.by_company[other][at], why)
        return Verdict("new")


def group(rows: list, key_of) -> list[list[int]]:
    """The rows of one file that are one application, as lists of indexes in file order (each
    list in the order of its first row): rows sharing a posting key, or without one the same
    company, role and date (two postings are two applications, even on one day); a wish (no date, on the wishlist) joins the first other row of the same company and
    role (saved, then applied to). `key_of(row)` gives (company, role, url, day, wish); a row
    without a company is alone."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    names: dict[tuple[str, str], list[int]] = {}
    wishes: list[tuple[int, tuple[str, str]]] = []
    for i, row in enumerate(rows):
        company, role, url, day, wish = key_of(row)
        if not company:
            continue
        name = (company_key(company), role_key(role))
        names.setdefault(name, []).append(i)
        if wish:
            wishes.append((i, name))
        posting = posting_key(url)
        keys = [("key", posting)] if posting else [("name", *name, day)]
        for key in keys:
            if key in seen:
                parent[root(i)] = root(seen[key])
            else:
                seen[key] = i
    for i, name in wishes:
        other = next((j for j in names[name] if j != i), None)
        if other is not None:
            parent[root(i)] = root(other)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


# how much a (Stage, Status) says about the outcome: a closed status beats an open one, a later
# decision an earlier (Accepted > Offer declined > Rejected, Withdrawn); between open ones the
# further stage, then No response over Active over none
CLOSED = {"Withdrawn": 1, "Rejected": 1, "Offer declined": 2, "Accepted": 3}
OPEN = {None: 0, "Active": 1, "No response": 2}


def says_most(stage: str | None, status: str | None) -> tuple[int, int, int]:
    """The sort key of README § Changing your workbook's "the row that says most about the outcome"."""
    from ..schema import STAGES

    rank = STAGES.index(stage) if stage in STAGES else -1
    if status in CLOSED:
        return (1, CLOSED[status], rank)
    return (0, rank, OPEN.get(status, 0))

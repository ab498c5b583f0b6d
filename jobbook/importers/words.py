"""What a file's words mean, by the tables of ``vocabulary``: headers to concepts (with a fuzzy
guess), status words to (Stage, Status), sources, work modes and checkboxes.

Values are compared by their ``phrase_key``: accents, case, punctuation and emoji aside, every run
of a repeated letter made one (``reeejected`` and ``rejected`` both read ``rejected``; the tables
go through the same key, so ``offer`` is ``ofer`` on both sides). A phrase that is not in the table
as a whole is read by its parts, longest first (``Rejected after phone screen``: Rejected, at the
Screen stage), unless a word that turns it around is left over (``no offer`` is not an offer).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..errors import UsageError
from ..schema import STAGES, STATUSES
from .vocabulary import (
    DECLINED,
    HEADERS,
    IGNORED_HEADERS,
    NEGATIONS,
    SOURCE_WORDS,
    STATUS_WORDS,
    TICKED,
    UNTICKED,
    WORK_MODE_WORDS,
    Meaning,
)

GUESS = 80  # rapidfuzz ratio (0-100) from which a header is guessed to be one of the table's
OPEN = ("Active", "No response")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")

__all__ = [
    "DECLINED",
    "GUESS",
    "Meaning",
    "concept_of",
    "fold",
    "guess_concept",
    "header_key",
    "ignored_why",
    "meaning",
    "parse_statuses",
    "phrase_key",
    "place_and_mode",
    "source_word",
    "stage_rank",
    "tick",
    "work_mode",
]


def fold(text: object) -> str:
    """`text` without accents, in one case."""
    text = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def header_key(text: object) -> str:
    """A header as the tables are looked up: bracketed hints, case, spacing and punctuation aside
    (``Date Applied (MM/DD/YYYY)``, ``date_applied`` and ``dateApplied`` are ``dateapplied``)."""
    return "".join(re.findall(r"[a-z0-9#]+", fold(_BRACKETS.sub(" ", str(text or "")))))


def _squeeze(word: str) -> str:
    return re.sub(r"([a-z])\1+", r"\1", word)


def phrase_key(text: object) -> str:
    """A value as the word tables are looked up: ``Rejected :(``, ``REJECTED 😭`` and ``reeejected``
    are ``rejected``; ``Haven't heard back!!`` is ``havent heard back``; a value of emoji alone
    (``💀``) is itself, so that ``--status`` can name it."""
    words = re.findall(r"[a-z0-9]+", fold(text).replace("'", "").replace("\u2019", ""))
    if not words:  # only emoji or signs ("💀", "✅"): the signs themselves, unspaced
        return "".join(str(text).split())
    return " ".join(_squeeze(w) for w in words)


@lru_cache(maxsize=1)
def _headers() -> dict[str, tuple[str, int]]:
    """header key -> (concept, rank: 0 for the concept's own name, then the synonyms' order)."""
    out: dict[str, tuple[str, int]] = {}
    for concept, names in HEADERS.items():
        for rank, name in enumerate((concept, *names)):
            out.setdefault(header_key(name), (concept, rank))
    return out


def concept_of(header: object) -> tuple[str, int] | None:
    """(concept, rank) of a header the tables name, else None."""
    return _headers().get(header_key(header))


def ignored_why(header: object) -> str | None:
    """Why a column of this header is left out (row numbers, another tracker's computed days...)."""
    return _ignored().get(header_key(header))


@lru_cache(maxsize=1)
def _ignored() -> dict[str, str]:
    return {header_key(h): why for h, why in IGNORED_HEADERS.items()}


def guess_concept(header: object, allowed: set[str]) -> tuple[str, float] | None:
    """(concept, score) of the synonym closest to `header` among the `allowed` concepts, when it
    scores GUESS or more (rapidfuzz's ratio); headers under four letters are never guessed."""
    key = header_key(header)
    if len(key) < 4:
        return None
    from rapidfuzz import fuzz, process

    choices = {k: c for k, (c, _) in _headers().items() if c in allowed and len(k) >= 4}
    best = process.extractOne(key, list(choices), scorer=fuzz.ratio, score_cutoff=GUESS)
    return (choices[best[0]], best[1]) if best else None


@lru_cache(maxsize=1)
def _statuses() -> dict[str, Meaning]:
    table = {phrase_key(k): v for k, v in STATUS_WORDS.items()}
    for status in STATUSES:  # the book's own words mean themselves
        stage = "Offer" if status in ("Accepted", "Offer declined") else None
        table.setdefault(phrase_key(status), Meaning(stage, status))
    for stage in STAGES:
        table.setdefault(phrase_key(stage), Meaning(stage, "Active"))
    return table


_NEGATIONS = frozenset(phrase_key(w) for w in NEGATIONS)


def stage_rank(stage: str | None) -> int:
    return STAGES.index(stage) if stage in STAGES else -1


def _combined(found: list[Meaning]) -> Meaning | None:
    stages = [m.stage for m in found if m.stage]
    stage = max(stages, key=stage_rank) if stages else None
    closed = {m.status for m in found if m.status not in OPEN}
    if len(closed) > 1:
        return None  # "accepted, rejected": the file contradicts itself
    if closed:
        return Meaning(stage, closed.pop())
    if any(m.status == "No response" for m in found):
        return Meaning(stage, "No response")
    return Meaning(stage, "Active")


def meaning(text: object, extra: dict[str, Meaning] | None = None) -> Meaning | None:
    """What a Status or Stage cell says, or None when its words are not understood. `extra`:
    the user's own words (``--status``), keyed by ``phrase_key``, looked up first."""
    key = phrase_key(text)
    if not key:
        return None
    table = _statuses()
    if extra and key in extra:
        return extra[key]
    if key in table:
        return table[key]
    words = key.split()
    found: list[Meaning] = []
    covered = [False] * len(words)
    i = 0
    while i < len(words):
        for n in range(min(len(words) - i, 4), 0, -1):
            part = " ".join(words[i : i + n])
            hit = (extra or {}).get(part) or table.get(part)
            if hit:
                found.append(hit)
                covered[i : i + n] = [True] * n
                i += n
                break
        else:
            i += 1
    if not found or any(w in _NEGATIONS and not c for w, c in zip(words, covered)):
        return None
    return _combined(found)


def parse_statuses(text: str | None) -> dict[str, Meaning]:
    """``--status "Ghosted=No response,Parked=Withdrawn,Superday=Final"`` -> {phrase key: Meaning}.
    The value is a Status, a Stage, ``Stage/Status`` (``Final/Rejected``) or a word jobbook knows."""
    out: dict[str, Meaning] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        word, sep, value = (p.strip() for p in part.partition("="))
        if not sep or not word or not value:
            raise UsageError(
                f"--status: {part.strip()!r} is not WORD=STATUS (e.g. Ghosted=No response)"
            )
        got = _setting(value)
        if got is None:
            raise UsageError(
                f"--status: {value!r} (for {word!r}) is not a Status ({', '.join(STATUSES)}), "
                f"a Stage ({', '.join(STAGES)}) or Stage/Status such as Final/Rejected"
            )
        out[phrase_key(word)] = got
    return out


def _setting(value: str) -> Meaning | None:
    stage, sep, status = value.partition("/")
    if sep:
        st = _choice(stage, STAGES)
        su = _choice(status, STATUSES)
        return Meaning(st, su) if st and su else None
    if (status := _choice(value, STATUSES)) is not None:
        return _statuses()[phrase_key(status)]
    if (stage := _choice(value, STAGES)) is not None:
        return Meaning(stage, "Active")
    return meaning(value)


def _choice(value: str, choices: tuple[str, ...]) -> str | None:
    key = phrase_key(value)
    return next((c for c in choices if phrase_key(c) == key), None)


def source_word(text: str) -> str:
    """A Source as the book spells it (``linkedin``, ``Company website`` -> LinkedIn, Company
    site), else the text as written (other sources are kept as typed)."""
    return _sources().get(phrase_key(text), text)


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    return {phrase_key(k): v for k, v in SOURCE_WORDS.items()}


def work_mode(text: str) -> str | None:
    """Onsite, Hybrid or Remote, else None."""
    return {phrase_key(k): v for k, v in WORK_MODE_WORDS.items()}.get(phrase_key(text))


def place_and_mode(text: str | None) -> tuple[str | None, str | None]:
    """(Location, Work mode) of a cell that may hold either or both: ``Remote`` -> (None,
    Remote); ``Hybrid - Boston`` -> (Boston, Hybrid); ``Pittsburgh, PA`` -> (itself, None)."""
    if not text:
        return None, None
    parts = [p.strip() for p in re.split(r"\s[-\u2013\u2014]\s|[,/|()]", text) if p.strip()]
    modes = [m for p in parts if (m := work_mode(p))]
    if not modes:
        return text, None
    place = ", ".join(p for p in parts if not work_mode(p))
    return place or None, modes[0]


def tick(value: object) -> bool | None:
    """True for a ticked checkbox (TRUE, x, ✓, yes), False for an unticked one, else None."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold() if value is not None else ""
    return True if text in TICKED else False if text in UNTICKED else None

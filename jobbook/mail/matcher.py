"""How a phrase of the tables (``phrases``) is matched: its regular expression, and the words a
text must hold for it to match at all (a quick test that spares most expressions most of the
time; ``classify`` runs several hundred phrases over every message)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import phrases as P

_SEP = r"[\W_]+"


def norm(text: str) -> str:
    """Text as phrases are matched: NFC, case-folded, typographic quotes as plain ones."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return text.casefold()


def _depth0(phrase: str) -> list[str]:
    tokens, depth, cur = [], 0, ""
    for ch in phrase:
        if ch == " " and depth == 0:
            if cur:
                tokens.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    if cur:
        tokens.append(cur)
    return tokens


def _group(tok: str, tail: str = "") -> bool:
    """Whether a token is one group followed by `tail` only: the parenthesis it opens with
    closes just before `tail` (``(a|b)``, not ``(a)(b)`` nor ``thank(s| you)``)."""
    if not (tok.startswith("(") and tok.endswith(")" + tail)):
        return False
    depth = 0
    for i, ch in enumerate(tok):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return i == len(tok) - 1 - len(tail)
    return False


def _optional_group(tok: str) -> bool:
    """Whether a token is one optional group, ``(the )?`` (not ``confirm(ing)?``)."""
    return _group(tok, "?")


def phrase_regex(phrase: str) -> str:
    """The regular expression of a phrase of the tables (see ``phrases``)."""
    tokens = _depth0(norm(phrase).strip())
    if not tokens or tokens[0] == "*" or tokens[-1] == "*":
        raise ValueError(f"a phrase cannot be empty or start or end with *: {phrase!r}")
    out = r"(?<!\w)"
    for i, tok in enumerate(tokens):
        last = i == len(tokens) - 1
        if tok == "*":
            out += rf"(?:[\w'-]+{_SEP}){{0,4}}"
            continue
        frag = tok.replace("(", "(?:").replace(" ", _SEP)
        if _optional_group(tok) and not last:
            out += f"(?:{frag[:-1]}{_SEP})?"
        else:
            out += frag + ("" if last else _SEP)
    return out + r"(?!\w)"


_PLAIN = re.compile(r"[\w'-]+")
PARTS = re.compile(r"[^\W_]+")
# words too common to tell a phrase apart: a needle is taken from another word when one exists
_COMMON = frozenset(
    (
        "a", "an", "the", "to", "of", "in", "on", "at", "for", "and", "or", "is", "are", "be", "we",
        "you", "your", "our", "us", "i", "my", "me", "it", "this", "that", "with", "will", "has",
        "have", "had", "was", "were", "not", "can", "sie", "die", "der", "das", "und", "ihre", "ihr",
        "wir", "uns", "zu", "mit", "für", "ist", "ein", "eine", "einen", "dich", "dir", "ihnen",
    )
)  # fmt: skip


def _alternatives(tok: str) -> list[str]:
    """The alternatives of a token: ``(a|b c)`` -> ["a", "b c"]; any other token is its own."""
    if not _group(tok):
        return [tok]
    alts, depth, cur = [], 0, ""
    for ch in tok[1:-1]:
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    return [*alts, cur]


def _needles(phrase: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """What any text a phrase matches holds, for a quick test before its expression runs: a set of
    words one of which it holds as a whole word, else pieces one of which it holds; both empty
    when nothing is certain."""
    words_best: tuple[int, frozenset[str]] | None = None
    subs_best: tuple[int, tuple[str, ...]] | None = None
    for tok in _depth0(norm(phrase)):
        if tok == "*" or _optional_group(tok):
            continue
        tok = re.sub(r"\([^()]* \)\?", " ", tok).strip()  # "(been )?unsuccessful"
        words, subs = [], []
        for alt in _alternatives(tok):
            plain = [w for w in alt.split() if _PLAIN.fullmatch(w)]
            parts = [p for w in plain for p in PARTS.findall(w)]
            words.append(max(parts, key=len) if parts and len(plain) == len(alt.split()) else None)
            literal = max(
                re.findall(r"[\w'-]+", re.sub(r"\([^()]*\)\??|\[[^]]*\]\??|.\?", " ", alt)) or [""],
                key=len,
            )
            subs.append(literal if len(literal) >= 3 else None)
        if all(words):
            rank = min(len(w) for w in words) + (0 if set(words) & _COMMON else 10)
            if words_best is None or rank > words_best[0]:
                words_best = (rank, frozenset(words))
        elif all(subs):
            rank = min(len(x) for x in subs)
            if subs_best is None or rank > subs_best[0]:
                subs_best = (rank, tuple(subs))
    if words_best is not None:
        return words_best[1], ()
    if subs_best is not None:
        return frozenset(), subs_best[1]
    return frozenset(), ()


@dataclass(frozen=True)
class Phrase:
    """A row of ``phrases.PHRASES``, compiled."""

    kind: str
    language: str
    text: str
    weight: int
    regex: re.Pattern
    words: frozenset[str]  # the text holds one of these words...
    pieces: tuple[str, ...]  # ...or one of these pieces, else the phrase cannot match


@lru_cache(maxsize=1)
def compiled() -> tuple[Phrase, ...]:
    out = []
    for k, lang, text, w in P.PHRASES:
        words, pieces = _needles(text)
        out.append(Phrase(k, lang, text, w, re.compile(phrase_regex(text)), words, pieces))
    return tuple(out)

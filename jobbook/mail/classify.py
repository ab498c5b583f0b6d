"""What kind of message it is (README § Your mail), explained: the phrases of ``phrases.PHRASES``
found in its subject and text, who sent it (``senders``), and its calendar invitation.

- A message the user sent (from ``Your email``, or a Gmail export's ``Sent`` label) is ``other``.
- A calendar invitation about an interview (its summary, the subject or the text says so, or a
  recruiting scheduler or tracking system sends it) is an ``interview``: an invitation, or a
  cancellation (``METHOD:CANCEL``). Any other invitation is ``other``.
- Else each kind scores its phrases (twice in the subject); a rejection, offer or interview phrase
  in a sentence that a hedge opens ("if we do not move forward...") does not count; an assessment
  platform adds a strong phrase for ``assessment``; ``outreach`` needs a person as sender.
  ``other`` phrases (alerts, account mail, newsletters) and bulk headers count against them all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from . import phrases as P
from . import senders as S
from .decode import Mail
from .invites import Invite

MAX_BODY = 20_000  # characters of a body scored (footers and long newsletters beyond are not)
_SEP = r"[\W_]+"
_BOUNDARY = re.compile(r"[.!?;:\n]")
_INVITATION = re.compile(
    r"^\s*(?:updated invitation|invitation|einladung|aktualisierte einladung)(?: updated)?\s*:\s*"
)


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


def _optional_group(tok: str) -> bool:
    """Whether a token is one optional group, ``(the )?`` (not ``confirm(ing)?``)."""
    if not (tok.startswith("(") and tok.endswith(")?")):
        return False
    depth = 0
    for i, ch in enumerate(tok):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return i == len(tok) - 2
    return False


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


def _anchor(phrase: str) -> str:
    """A piece of text every match holds (for a quick test before the expression runs)."""
    best = ""
    for tok in _depth0(norm(phrase)):
        if tok.endswith("?") or tok == "*":
            continue
        if re.fullmatch(r"[\w'-]+", tok):
            cand = tok
        elif re.fullmatch(r"\(([^()]+)\)", tok) and " " not in tok:
            alts = tok[1:-1].split("|")
            cand = alts[0]
            for a in alts[1:]:
                while not a.startswith(cand):
                    cand = cand[:-1]
        else:
            continue
        if len(cand) > len(best):
            best = cand
    return best if len(best) >= 3 else ""


@dataclass(frozen=True)
class _Phrase:
    kind: str
    language: str
    text: str
    weight: int
    regex: re.Pattern
    anchor: str


@lru_cache(maxsize=1)
def compiled() -> tuple[_Phrase, ...]:
    return tuple(
        _Phrase(k, lang, text, w, re.compile(phrase_regex(text)), _anchor(text))
        for k, lang, text, w in P.PHRASES
    )


@lru_cache(maxsize=1)
def _hedges() -> re.Pattern:
    words = sorted({norm(h) for hs in P.HEDGES.values() for h in hs}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@cache
def _senders(table: str) -> tuple[tuple[str, re.Pattern, object], ...]:
    rows = getattr(S, table)
    return tuple((r[0], re.compile(r[1], re.I), r[2] if len(r) > 2 else None) for r in rows)


@dataclass(frozen=True)
class Sender:
    """Who sent a message: ``ats``, ``board``, ``assessment``, ``scheduler``, ``personal`` (a mail
    service of people), ``company`` (any other domain); the system's name; a Workday tenant."""

    kind: str
    system: str = ""
    tenant: str = ""
    places: tuple[str, ...] = ()  # where an ATS names the employer
    source: str = ""  # the Source of an application a board's mail is about
    person: bool = False  # a person, not a machine (no-reply, notifications...)


def sender_of(mail: Mail) -> Sender:
    address = mail.sender
    person = bool(address) and not re.match(S.MACHINE_LOCAL_PARTS, mail.local_part, re.I)
    for name, rx, places in _senders("ATS"):
        m = rx.search(address)
        if m:
            tenant = m.groupdict().get("tenant") or ""
            if re.match(S.MACHINE_LOCAL_PARTS, tenant, re.I) or tenant in ("workday", "wd"):
                tenant = ""
            return Sender("ats", name, tenant, places, "Company site", person=False)
    for name, rx, source in _senders("BOARDS"):
        if rx.search(address):
            via = norm(mail.sender_name).endswith(f"via {norm(name)}")
            return Sender("board", name, source=source, person=via)
    for name, rx, _ in _senders("ASSESSMENT_SENDERS"):
        if rx.search(address):
            return Sender("assessment", name)
    for name, rx, _ in _senders("SCHEDULERS"):
        if rx.search(address):
            return Sender("scheduler", name)
    if mail.domain in S.PERSONAL_DOMAINS:
        return Sender("personal", person=person)
    return Sender("company", person=person)


@dataclass(frozen=True)
class Reading:
    """What a message is: its kind, why (the phrases and signals that decided), its language, its
    sender, and for an interview its calendar event (``event``: "invite" or "cancel")."""

    kind: str
    why: tuple[str, ...]
    language: str
    sender: Sender
    invite: Invite | None = None
    event: str = ""
    scores: tuple[tuple[str, int], ...] = ()


def language_of(text: str) -> str:
    words = re.findall(r"\w+", norm(text[:3000]))
    counts = {lang: sum(w in set(ws) for w in words) for lang, ws in P.LANGUAGE_WORDS.items()}
    return max(P.LANGUAGES, key=lambda lang: (counts.get(lang, 0), lang == P.LANGUAGES[0]))


def _hedged(text: str, start: int) -> bool:
    begin = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    return bool(_hedges().search(text, begin, start))


def _found(p: _Phrase, text: str) -> bool:
    if p.anchor and p.anchor not in text:
        return False
    for m in p.regex.finditer(text):
        if p.kind not in P.HEDGED_KINDS or not _hedged(text, m.start()):
            return True
    return False


def score(subject: str, body: str) -> tuple[dict[str, int], list[str]]:
    """Each kind's score and the phrases found (``subject: "..." (kind)``)."""
    scores = dict.fromkeys(P.KINDS, 0)
    why = []
    for p in compiled():
        in_subject = _found(p, subject)
        in_body = _found(p, body)
        if in_subject:
            scores[p.kind] += p.weight * P.SUBJECT_FACTOR
            why.append(f'subject: "{p.text}" ({p.kind})')
        if in_body:
            scores[p.kind] += p.weight
            why.append(f'text: "{p.text}" ({p.kind})')
    return scores, why


def _interview_invite(mail: Mail, sender: Sender, subject: str, body: str) -> Invite | None:
    """The invitation about an interview, if the message carries one."""
    if not mail.invites:
        return None
    invite = max(mail.invites, key=lambda i: i.sequence)
    if invite.method == "REPLY":
        return None
    about = norm(f"{invite.summary}\n{invite.description[:3000]}")
    subject = _INVITATION.sub("", subject)  # every calendar invitation says it is one
    scores, _ = score(subject, f"{about}\n{body}")
    job = scores["interview"] + scores["assessment"] >= 1 or sender.kind in ("ats", "assessment")
    if sender.kind == "scheduler" and sender.system not in ("Google Calendar", "Outlook", "Zoom"):
        job = True  # a recruiting scheduler (GoodTime, Prelude...)
    return invite if job else None


def classify(mail: Mail, own: frozenset[str] = frozenset(), sent: bool = False) -> Reading:
    """The Reading of `mail`; `own`: the user's own addresses; `sent`: a mail program's Sent mark."""
    sender = sender_of(mail)
    subject, body = norm(mail.subject), norm(mail.text[:MAX_BODY])
    language = language_of(f"{mail.subject}\n{mail.text[:3000]}")
    if sent or (mail.sender and mail.sender in own):
        return Reading("other", ("sent by you",), language, sender)
    invite = _interview_invite(mail, sender, subject, body)
    if invite is not None:
        event = "cancel" if invite.cancelled else "invite"
        why = (
            f"a calendar {'cancellation' if invite.cancelled else 'invitation'}: {invite.summary}",
        )
        return Reading("interview", why, language, sender, invite, event)
    if mail.invites and all(i.method != "REPLY" for i in mail.invites):
        what = mail.invites[0].summary
        return Reading(
            "other", (f"a calendar invitation not about an interview: {what}",), language, sender
        )
    scores, why = score(subject, body)
    if sender.kind == "assessment":
        scores["assessment"] += P.S
        why.append(f"sent by {sender.system} (assessment)")
    if not sender.person or sender.kind == "ats":
        scores["outreach"] = 0
    if mail.bulk:
        scores["other"] += 1
        why.append("a bulk mail (List-Unsubscribe or Precedence)")
    kinds = [k for k in P.PRECEDENCE if scores[k] >= P.THRESHOLD]
    shown = tuple((k, v) for k, v in scores.items() if v)
    if not kinds:
        return Reading(
            "other", tuple(why) or ("no phrase of any kind",), language, sender, scores=shown
        )
    best = max(kinds, key=lambda k: (scores[k], -P.PRECEDENCE.index(k)))
    if scores["other"] > scores[best]:
        return Reading("other", tuple(why), language, sender, scores=shown)
    return Reading(best, tuple(why), language, sender, scores=shown)

"""What kind of message it is (README § Your mail), explained: the phrases of ``phrases.PHRASES``
found in its subject and text, who sent it (``senders``), and its calendar invitation.

- A message the user sent (from ``Your email``, or a Gmail export's ``Sent`` label) is ``other``.
- A calendar invitation about an interview (its summary, the subject or the text says so, or a
  recruiting scheduler or tracking system sends it) is an ``interview``: an invitation, or a
  cancellation (``METHOD:CANCEL``). Any other invitation is ``other``.
- Else the evidence is weighed as ``phrases`` says: each kind scores its strongest phrase (more
  in the subject) and a little for each further one; a hedge ("if we do not move forward...") or
  a negation ("we will not invite you to an interview") takes a phrase back; who sent it and what
  it links to count too (``phrases.SENDER_EVIDENCE``); ``outreach`` needs a person as sender; the
  highest score wins, ``other`` (alerts, account mail, newsletters, surveys) when it is higher.
  ``Reading.why`` lists the evidence, strongest first, with its kind and weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import phrases as P
from . import senders as S
from .decode import Mail
from .invites import Invite
from .matcher import PARTS, Phrase, compiled, norm, phrase_regex

__all__ = ["Reading", "Sender", "classify", "compiled", "norm", "phrase_regex", "score"]

MAX_BODY = 20_000  # characters of a body scored (footers and long newsletters beyond are not)
_BOUNDARY = re.compile(r"[.!?;:\n]")
_INVITATION = re.compile(
    r"^\s*(?:updated invitation|invitation|einladung|aktualisierte einladung)(?: updated)?\s*:\s*"
)


def _words_of(*texts: str) -> tuple[frozenset[str], str]:
    joined = "\n".join(texts)
    return frozenset(PARTS.findall(joined)), joined


def _alternation(words) -> re.Pattern:
    words = sorted({norm(h) for h in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@lru_cache(maxsize=1)
def _hedges() -> re.Pattern:
    return _alternation(h for hs in P.HEDGES.values() for h in hs)


@lru_cache(maxsize=1)
def _negations() -> tuple[re.Pattern, re.Pattern]:
    return _alternation(n for ns in P.NEGATIONS.values() for n in ns), _alternation(
        P.NEGATION_EXCEPTIONS
    )


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
            via = re.search(
                rf"\b(?:via|über|through) {re.escape(norm(name))}$", norm(mail.sender_name)
            )
            relayed = re.search(S.RELAYED_MESSAGE, norm(mail.subject))
            person = bool(via or relayed) or "inmail" in mail.local_part  # a person writing
            return Sender("board", name, source=source, person=person)
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
    scores: tuple[tuple[str, float], ...] = ()


def language_of(text: str) -> str:
    words = re.findall(r"\w+", norm(text[:3000]))
    counts = {lang: sum(w in set(ws) for w in words) for lang, ws in P.LANGUAGE_WORDS.items()}
    return max(P.LANGUAGES, key=lambda lang: (counts.get(lang, 0), lang == P.LANGUAGES[0]))


def _sentence_start(text: str, start: int) -> int:
    return max((m.end() for m in _BOUNDARY.finditer(text, max(0, start - 600), start)), default=0)


def _hedged(text: str, begin: int, start: int) -> bool:
    return bool(_hedges().search(text, begin, start))


def _negated(text: str, begin: int, start: int) -> bool:
    before = text[max(begin, start - P.NEGATION_REACH) : start]
    negations, exceptions = _negations()
    return bool(negations.search(exceptions.sub(" ", before)))


def _match(p: Phrase, text: str) -> str | None:
    """The words of `text` the phrase matches where neither a hedge nor a negation takes it back."""
    for m in p.regex.finditer(text):
        hedged, negated = p.kind in P.HEDGED_KINDS, p.kind in P.NEGATED_KINDS
        if hedged or negated:
            begin = _sentence_start(text, m.start())
            if hedged and _hedged(text, begin, m.start()):
                continue
            if negated and _negated(text, begin, m.start()):
                continue
        return " ".join(m.group(0).split())[:80]
    return None


def evidence(subject: str, body: str) -> dict[str, list[tuple[int, str]]]:
    """Each kind's evidence in a subject and a text (both ``norm``-ed): (weight, what was found),
    a phrase counted once, in the subject (its weight plus ``SUBJECT_BONUS``) if it is there."""
    words, both = _words_of(subject, body)
    found: dict[str, list[tuple[int, str]]] = {k: [] for k in P.KINDS}
    for p in compiled():
        if p.words:
            if words.isdisjoint(p.words):
                continue
        elif p.pieces and not any(x in both for x in p.pieces):
            continue
        hit = _match(p, subject)
        if hit is not None:
            found[p.kind].append((p.weight + P.SUBJECT_BONUS, f'subject: "{hit}"'))
            continue
        hit = _match(p, body)
        if hit is not None:
            found[p.kind].append((p.weight, f'text: "{hit}"'))
    return found


def kind_score(items: list[tuple[int, str]]) -> float:
    """The strongest evidence, plus ``SUPPORT`` for each further piece of weight 2 or more (at most
    ``MAX_SUPPORT``)."""
    if not items:
        return 0.0
    weights = sorted((w for w, _ in items), reverse=True)
    support = P.SUPPORT * sum(1 for w in weights[1:] if w >= 2)
    return weights[0] + min(P.MAX_SUPPORT, support)


def score(subject: str, body: str) -> tuple[dict[str, float], list[str]]:
    """Each kind's score and the evidence found (``text: "..." (rejection 5)``)."""
    found = evidence(subject, body)
    why = [f"{what} ({k} {w})" for k, items in found.items() for w, what in items]
    return {k: kind_score(v) for k, v in found.items()}, why


@lru_cache(maxsize=1)
def _links() -> tuple[re.Pattern, re.Pattern]:
    return (
        re.compile("|".join(S.SCHEDULING_LINKS), re.I),
        re.compile("|".join(S.VIDEO_HOSTS), re.I),
    )


def _signals(mail: Mail, sender: Sender, body: str) -> list[tuple[str, str]]:
    """(evidence of ``phrases.SENDER_EVIDENCE``, what) of who sent the message and what it links."""
    out = []
    if sender.kind == "assessment":
        out.append(("assessment sender", f"sent by {sender.system}"))
    if sender.kind == "scheduler" and sender.system not in P.PERSONAL_CALENDARS:
        out.append(("recruiting scheduler", f"sent by {sender.system}"))
    scheduling, video = _links()
    links = "\n".join(mail.links)
    got = scheduling.search(body) or scheduling.search(links)
    if got:
        out.append(("scheduling link", f"a scheduling link ({got.group(0)[:40]})"))
    got = video.search(body) or video.search(links)
    if got:
        out.append(("video link", f"a video-call link ({got.group(0)[:40]})"))
    if mail.bulk:
        out.append(("bulk", "a bulk mail (List-Unsubscribe or Precedence)"))
    return out


def _interview_invite(mail: Mail, sender: Sender, subject: str, body: str) -> Invite | None:
    """The invitation about an interview, if the message carries one."""
    if not mail.invites:
        return None
    invite = max(mail.invites, key=lambda i: i.sequence)
    if invite.method == "REPLY":
        return None
    about = norm(f"{invite.summary}\n{invite.description[:3000]}")
    subject = _INVITATION.sub("", subject)  # every calendar invitation says it is one
    found = evidence(subject, f"{about}\n{body}")
    job = bool(found["interview"] or found["assessment"]) or sender.kind in ("ats", "assessment")
    if sender.kind == "scheduler" and sender.system not in P.PERSONAL_CALENDARS:
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
    found = evidence(subject, body)
    for signal, what in _signals(mail, sender, body):
        kind, weight = P.SENDER_EVIDENCE[signal]
        found[kind].append((weight, what))
    if not sender.person or sender.kind == "ats":
        found["outreach"] = []  # a recruiter writes first as a person (or through a job board)
    scores = {k: kind_score(v) for k, v in found.items()}
    kinds = [k for k in P.PRECEDENCE if scores[k] >= P.THRESHOLD]
    best = max(kinds, key=lambda k: (scores[k], -P.PRECEDENCE.index(k))) if kinds else "other"
    if best != "other" and scores["other"] > scores[best]:
        best = "other"
    order = [best, *(k for k in P.KINDS if k != best)]
    why = tuple(f"{what} ({k} {w})" for k in order for w, what in sorted(found[k], reverse=True))
    shown = tuple((k, scores[k]) for k in P.KINDS if scores[k])
    return Reading(best, why or ("no phrase of any kind",), language, sender, scores=shown)

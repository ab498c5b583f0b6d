"""What each kind of message changes (README § Your mail), against the search as earlier messages
left it (``state.Search``):

- confirmation: Date applied if blank, Stage at least Applied;
- rejection: Status Rejected (an open application only), First response if blank, the last
  interview held gets Outcome Rejected, interviews still ahead Cancelled (closed means closed),
  a Lessons row with the Decision date (or its blank Decision date filled);
- interview: an Interviews row (Date with the invitation's time in the book's TimeZone, Round,
  Format, Location or video link, Interviewers from the organiser, Outcome Pending), Stage at least
  the round's (Screen at least), First response if blank; no time stated (a link to book one,
  several times to choose from): Next action "Schedule the interview"; a calendar cancellation:
  that interview's Outcome Cancelled; the same UID with a higher SEQUENCE: its Date;
- assessment: Next action "Complete assessment", due when the mail says; First response if blank;
- offer: an Offers row (Offer date, Role, Base salary and Deadline given when the mail states them,
  Status Pending), Stage Offer, the last interview held gets Outcome Offer;
- outreach: a Wishlist row with Source Recruiter, and the sender in Contacts.
A ``new`` application is first a Pipeline row. Last contact becomes the mail's day when later.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from ..schema import OUTCOME_CANCELLED, STAGES
from . import phrases as P
from . import senders as S
from .classify import Reading, norm, phrase_regex
from .decode import Mail
from .match import App, Match
from .state import Proposed, Row, Search, done_mark
from .when import due_in, invite_time, salary_in, times_in

CANCELLED = OUTCOME_CANCELLED
OPEN_STATUSES = ("Active", "No response", "")
NOT_HELD = ("", "Pending")
_VIDEO = re.compile("|".join(S.VIDEO_HOSTS), re.I)
_ADDRESS_LINE = re.compile(
    r"^(?:location|address|adresse|ort|where|wo)\s*:\s*(.{5,200})$", re.I | re.M
)
_WITH = re.compile(
    r"(?:interview|screen|call|chat|meet|meeting|speak|conversation|gespräch|sprechen)\s+(?:with|mit)\s+"
    r"(?:(?:frau|herrn?|mr\.?|mrs\.?|ms\.?|dr\.?)\s+)?"
    r"(?P<names>[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?"
    r"(?:(?:,\s*|\s+and\s+|\s+und\s+)(?:(?:frau|herrn?|mr\.?|ms\.?|dr\.?)\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?)*)"
)


@dataclass
class Context:
    """What every rule needs besides the message: the zone of interview times, business days,
    the user's own addresses."""

    zone: ZoneInfo | None
    workday: object = None  # workday(day, n) -> day
    own: frozenset[str] = frozenset()


@dataclass
class Proposal:
    """One message and what it proposes."""

    mail: Mail
    reading: Reading
    match: Match | None
    changes: list[Proposed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    app_id: str | None = None
    company: str | None = None
    status: str = "proposed"  # proposed, applied before, needs --pick, nothing to change


def mail_day(mail: Mail, ctx: Context) -> dt.date:
    return (mail.date.astimezone(ctx.zone) if ctx.zone else mail.date).date()


def _stage_at_least(search: Search, app: Row, stage: str, out, msg) -> None:
    now = str(app.values.get("Stage") or "")
    if now not in STAGES or STAGES.index(now) < STAGES.index(stage):
        search.set(app, "Stage", stage, out, msg)


def _responded(search: Search, app: Row, day: dt.date, out, msg) -> None:
    if app.values.get("First response") is None:
        search.set(app, "First response", day, out, msg)
    last = app.values.get("Last contact")
    last = last.date() if isinstance(last, dt.datetime) else last
    if last is None or last < day:
        search.set(app, "Last contact", day, out, msg)


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def new_application(search: Search, p: Proposal, ctx: Context, msg) -> Row:
    """The Pipeline row of an application the book does not have yet."""
    sender = p.reading.sender
    day = mail_day(p.mail, ctx)
    kind = p.reading.kind
    values = {
        "Company": p.match.company,
        "Role": p.match.role,
        "Source": "Recruiter" if kind == "outreach" else (sender.source or "Company site"),
        "Date applied": day if kind == "confirmation" else None,
        "Stage": "Wishlist" if kind == "outreach" else "Applied",
        "Status": "Active",
    }
    row = search.add("Pipeline", values, p.changes, msg)
    if kind not in ("confirmation", "outreach"):
        p.notes.append(f"{row.id}: the day you applied is not in this mail; fill Date applied")
    return row


def _last_held(search: Search, app_id: str, day: dt.date) -> Row | None:
    held = [
        r
        for r in search.of_app("Interviews", app_id)
        if _day(r.values.get("Date")) is not None
        and _day(r.values.get("Date")) <= day
        and str(r.values.get("Outcome") or "") in NOT_HELD
    ]
    return max(held, key=lambda r: _day(r.values["Date"])) if held else None


def confirmation(search: Search, app: Row, p: Proposal, ctx: Context, msg) -> None:
    day = mail_day(p.mail, ctx)
    if app.values.get("Date applied") is None:
        search.set(app, "Date applied", day, p.changes, msg)
    _stage_at_least(search, app, "Applied", p.changes, msg)


def rejection(search: Search, app: Row, p: Proposal, ctx: Context, msg) -> None:
    day = mail_day(p.mail, ctx)
    status = str(app.values.get("Status") or "")
    if status not in OPEN_STATUSES:
        p.notes.append(f"{app.id} is {status} already: its Status is left as it is")
        return
    search.set(app, "Status", "Rejected", p.changes, msg)
    if app.values.get("First response") is None:
        search.set(app, "First response", day, p.changes, msg)
    held = _last_held(search, app.id, day)
    if held is not None:
        search.set(held, "Outcome", "Rejected", p.changes, msg)
        search.set(held, "Outcome date", day, p.changes, msg)
    for iv in search.of_app("Interviews", app.id):
        when = _day(iv.values.get("Date"))
        ahead = when is not None and when > day
        if ahead and str(iv.values.get("Outcome") or "") in NOT_HELD:
            if done_mark(iv.values.get("Thank-you sent")):
                continue  # the book says it took place
            search.set(iv, "Outcome", CANCELLED, p.changes, msg)
            search.set(iv, "Outcome date", day, p.changes, msg)
    lessons = search.of_app("Lessons", app.id)
    if not lessons:
        search.add("Lessons", {"Application ID": app.id, "Decision date": day}, p.changes, msg)
    elif all(r.values.get("Decision date") is None for r in lessons):
        search.set(lessons[0], "Decision date", day, p.changes, msg)


def _round(text: str) -> tuple[str, str]:
    t = norm(text)
    for phrase, label, stage in P.ROUNDS:
        if re.search(phrase_regex(phrase), t):
            return label, stage
    return P.DEFAULT_ROUND


def _format(text: str, link: str | None) -> str | None:
    if link:
        return "Video"
    t = norm(text)
    for phrase, fmt in P.FORMATS:
        if re.search(phrase_regex(phrase), t):
            return fmt
    return None


def _link(p: Proposal) -> str | None:
    inv = p.reading.invite
    for text in ([inv.location, inv.description] if inv else []) + [p.mail.text, *p.mail.links]:
        m = _VIDEO.search(text or "")
        if m:
            return m.group(0).rstrip(".,;)>\"'")[:500]
    return None


def _interviewers(p: Proposal, ctx: Context) -> str | None:
    inv = p.reading.invite
    people: list[str] = []
    if inv is not None:
        name, email = inv.organizer
        org_domain = email.rsplit("@", 1)[-1] if "@" in email else ""
        machine = re.match(S.MACHINE_LOCAL_PARTS, email.split("@")[0], re.I) if email else True
        if email and not machine and email not in ctx.own:
            people.append(name or email)
        for n, e in inv.attendees:
            same = org_domain and e.endswith("@" + org_domain)
            if same and e not in ctx.own and e != email and (n or e) not in people:
                people.append(n or e)
    else:
        m = _WITH.search(p.mail.text[:4000])
        if m:
            names = re.split(r",\s*|\s+and\s+|\s+und\s+", m.group("names"))
            people = [
                re.sub(r"^(?:frau|herrn?|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", "", x, flags=re.I)
                for x in names
            ]
            company = (p.company or "").casefold()
            people = [x for x in people if x.casefold() != company][:6]
    return ", ".join(people)[:300] or None


def _location(p: Proposal, link: str | None) -> str | None:
    inv = p.reading.invite
    if inv is not None and inv.location:
        return inv.location[:300]
    if link:
        return link
    m = _ADDRESS_LINE.search(p.mail.text[:6000])
    return m.group(1).strip()[:300] if m else None


def interview(search: Search, app: Row, p: Proposal, ctx: Context, msg) -> None:
    day = mail_day(p.mail, ctx)
    inv = p.reading.invite
    if inv is not None and p.reading.event == "cancel":
        return _cancel(search, app, p, ctx, msg)
    if inv is not None:
        start = invite_time(inv.start, ctx.zone)
        known = search.interview_by_uid(inv.uid)
        if known is not None:
            if inv.sequence > known.sequence and start is not None:
                search.set(known, "Date", start, p.changes, msg)
                known.sequence = inv.sequence
                if str(known.values.get("Outcome") or "") == CANCELLED:
                    search.set(known, "Outcome", "Pending", p.changes, msg)
                p.notes.append(f"{known.id} rescheduled (the invitation's SEQUENCE {inv.sequence})")
            else:
                p.notes.append(f"{known.id} is this invitation already")
            return None
        times = [start] if start is not None else []
    else:
        times = times_in(p.mail.text, p.mail.date, ctx.zone, p.reading.language)
    label, stage = _round(f"{p.mail.subject}\n{inv.summary if inv else ''}")
    if (label, stage) == P.DEFAULT_ROUND:
        label, stage = _round(p.mail.text[:3000])
    _stage_at_least(search, app, stage, p.changes, msg)
    _responded(search, app, day, p.changes, msg)
    if len(times) != 1:
        what = "several times to choose from" if times else "no time"
        p.notes.append(f"the mail states {what}: no interview row until one is agreed")
        if str(app.values.get("Next action") or "") != P.NEXT_ACTION_SCHEDULE:
            search.set(app, "Next action", P.NEXT_ACTION_SCHEDULE, p.changes, msg)
            search.set(app, "Next action due", None, p.changes, msg)
        return None
    when = times[0]
    for iv in search.of_app("Interviews", app.id):
        there = iv.values.get("Date")
        same_time = there == when
        same_day = not isinstance(there, dt.datetime) and _day(there) == _day(when)
        if same_time or same_day:
            if inv is not None and not iv.uid:
                iv.uid, iv.sequence = inv.uid, inv.sequence
            p.notes.append(f"{iv.id} is this interview already")
            return None
    link = _link(p)
    text = f"{p.mail.subject}\n{inv.summary + ' ' + inv.description if inv else ''}\n{p.mail.text}"
    values = {
        "Application ID": app.id,
        "Round": label,
        "Date": when,
        "Format": _format(text[:6000], link),
        "Location": _location(p, link),
        "Interviewers": _interviewers(p, ctx),
        "Outcome": "Pending",
    }
    row = search.add("Interviews", values, p.changes, msg)
    if inv is not None:
        row.uid, row.sequence = inv.uid, inv.sequence
    if str(app.values.get("Next action") or "") == P.NEXT_ACTION_SCHEDULE:
        search.set(app, "Next action", None, p.changes, msg)
    return None


def _cancel(search: Search, app: Row, p: Proposal, ctx: Context, msg) -> None:
    inv = p.reading.invite
    day = mail_day(p.mail, ctx)
    target = search.interview_by_uid(inv.uid)
    if target is None:
        start = invite_time(inv.start, ctx.zone)
        target = next(
            (
                r
                for r in search.of_app("Interviews", app.id)
                if start and r.values.get("Date") == start
            ),
            None,
        )
    if target is None:
        p.notes.append("the cancelled interview is not in the book")
        return
    if str(target.values.get("Outcome") or "") not in NOT_HELD + (CANCELLED,):
        p.notes.append(f"{target.id} has Outcome {target.values.get('Outcome')}: left as it is")
        return
    search.set(target, "Outcome", CANCELLED, p.changes, msg)
    search.set(target, "Outcome date", day, p.changes, msg)


def assessment(search: Search, app: Row, p: Proposal, ctx: Context, msg) -> None:
    day = mail_day(p.mail, ctx)
    due = due_in(p.mail.text, p.mail.date, ctx.zone, p.reading.language, ctx.workday)
    _responded(search, app, day, p.changes, msg)
    search.set(app, "Next action", P.NEXT_ACTION_ASSESSMENT, p.changes, msg)
    search.set(app, "Next action due", due, p.changes, msg)
    if due is None:
        p.notes.append("the mail states no deadline: Next action due left blank")


def offer(search: Search, app: Row, p: Proposal, ctx: Context, msg) -> None:
    day = mail_day(p.mail, ctx)
    if search.of_app("Offers", app.id):
        p.notes.append(f"{app.id} has an offer already: no second Offers row")
    else:
        base = salary_in(p.mail.text)
        deadline = due_in(p.mail.text, p.mail.date, ctx.zone, p.reading.language, ctx.workday)
        values = {
            "Application ID": app.id,
            "Role": app.values.get("Role"),
            "Offer date": day,
            "Deadline given": deadline,
            "Base salary": base,
            "Status": "Pending",
        }
        row = search.add("Offers", values, p.changes, msg)
        if base is None:
            p.notes.append(f"{row.id}: fill Base salary from the offer letter (never opened here)")
    _stage_at_least(search, app, "Offer", p.changes, msg)
    _responded(search, app, day, p.changes, msg)
    held = _last_held(search, app.id, day)
    if held is not None:
        search.set(held, "Outcome", "Offer", p.changes, msg)
        search.set(held, "Outcome date", day, p.changes, msg)


def outreach(search: Search, app: Row, p: Proposal, ctx: Context, msg) -> None:
    if not p.mail.sender or p.mail.sender in search.contact_emails():
        return
    values = {
        "Name": p.mail.sender_name or p.mail.sender,
        "Company": app.values.get("Company"),
        "Application ID": app.id,
        "Role in process": "Recruiter",
        "Email": p.mail.sender,
        "Met on": mail_day(p.mail, ctx),
    }
    search.add("Contacts", values, p.changes, msg)


RULES = {
    "confirmation": confirmation,
    "rejection": rejection,
    "interview": interview,
    "assessment": assessment,
    "offer": offer,
    "outreach": outreach,
}


def propose(search: Search, p: Proposal, ctx: Context, app: App | None, msg) -> None:
    """Fill `p.changes` for its message, on application `app` (None: a new one)."""
    row = search.app(app.id) if app is not None else new_application(search, p, ctx, msg)
    p.app_id, p.company = row.id, str(row.values.get("Company") or "")
    was = row.values.get("Stage")
    RULES[p.reading.kind](search, row, p, ctx, msg)
    moved = was == "Wishlist" and row.values.get("Stage") not in (None, "Wishlist")
    if app is not None and moved and row.values.get("Date applied") is None:
        p.notes.append(f"{row.id} leaves the wishlist without a Date applied: fill it")

"""A believable job search to fill the template with (``jobbook new --sample``, ``jobbook demo``).

About 60 applications over the four months before the as-of date, from varied sources; phone
screens, interviews and finals with the people met and thank-you notes; questions with
self-ratings; three offers (one declined; one negotiated and accepted, its signing bonus to repay
if leaving within a year; one still pending, a 5/15/40/40 grant in a dearer city); lessons
after rejections; and the transition to the accepted job, with the other applications to withdraw. Deterministic for a given as-of date.
Pure Python: records keyed by the schema's headers. The story itself is data, in
``sample_story``; this module draws the ordinary applications around it and builds the rows.
"""

from __future__ import annotations

import datetime as dt
import random

from .core.calendar import BusinessCalendar, as_date
from .sample_history import sample_history
from .sample_story import (
    ACCEPTED_COMPANY,
    CITIES,
    COMPANIES,
    FIRST,
    LAST,
    MANAGER,
    QUESTIONS,
    RESPONSE_ODDS,
    ROLE,
    ROLES,
    SAMPLE_PROFILE,
    SOURCE_WEIGHTS,
    STORIES,
    Day,
    Record,
    Story,
)

__all__ = ["ACCEPTED_COMPANY", "SAMPLE_PROFILE", "sample_search"]


# The story's applications, in business days before the as-of date (``_Builder.stories``), and the
# days the ordinary applications are sent: a fixed, irregular pick of the other business days of
# the four months, never on a story's day. So every story row has the same ID on every day (the
# README's and --help's examples name them), while what happens to each application is drawn.
STORY_DAYS = (80, 75, 70, 66, 60, 45, 40, 9)
_SPAN_DAYS = 86  # business days in the four months before the as-of date


def _background_days(n: int) -> list[int]:
    free = [d for d in range(2, _SPAN_DAYS + 1) if d not in STORY_DAYS]
    return random.Random("jobbook-sample-days").sample(free, n)


class _Clock:
    """Business-day arithmetic for the sample (US-like calendar without holidays is enough)."""

    def __init__(self, as_of: dt.date):
        self.as_of = as_of
        self.cal = BusinessCalendar()

    def bday(self, d: dt.date, n: int) -> dt.date:
        return as_date(self.cal.workday(d, n))

    def past(self, d: dt.date | None) -> bool:
        return d is not None and d <= self.as_of


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    names, weights = zip(*weighted)
    return rng.choices(names, weights)[0]


def _person(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in used:
            used.add(name)
            return name


def sample_search(as_of: dt.date | None = None, seed: int = 2026) -> dict[str, list[Record]]:
    """The sample search as records per table, ending on `as_of` (default today)."""
    as_of = as_of or dt.date.today()
    clock = _Clock(as_of)
    rng = random.Random(f"{seed}-{as_of.isoformat()}")
    b = _Builder(clock, rng)
    b.background(52)
    b.stories()
    b.renumber()
    b.times_and_places()
    b.contacts.append(dict(MANAGER))
    tables = b.tables()
    earlier = {a["ID"]: b.earlier[id(a)] for a in b.apps if id(a) in b.earlier}
    tables["History"] = sample_history(tables, as_of, earlier)
    return tables


class _Builder:
    def __init__(self, clock: _Clock, rng: random.Random):
        self.c = clock
        self.rng = rng
        self.start = clock.bday(clock.as_of - dt.timedelta(days=122), 0)
        self.apps: list[Record] = []
        self.interviews: list[Record] = []
        self.contacts: list[Record] = []
        self.questions: list[Record] = []
        self.offers: list[Record] = []
        self.negotiation: list[Record] = []
        self.lessons: list[Record] = []
        self.transition: list[Record] = []
        self.people: set[str] = set()
        # id(app) -> (Next action, Next action due) before the acceptance wrote over them
        self.earlier: dict[int, tuple[object, object]] = {}
        self.companies = list(COMPANIES)
        rng.shuffle(self.companies)

    # -- helpers -------------------------------------------------------------------------------
    def _app(
        self, applied: dt.date | None, source: str | None = None, company: str | None = None
    ) -> Record:
        role, lo, hi = self.rng.choice(ROLES)
        source = source or _pick(self.rng, SOURCE_WEIGHTS)
        company = company or self.companies.pop()
        mode = self.rng.choice(["Remote", "Hybrid", "Hybrid", "Onsite"])
        app: Record = {
            "ID": None,
            "Company": company,
            "Role": role,
            "Location": "Remote (US)"
            if mode == "Remote"
            else self.rng.choice(CITIES[:4] + CITIES[5:]),
            "Work mode": mode,
            "Source": source,
            "Posting URL": f"https://jobs.example.com/{company.lower().replace(' ', '-').replace('&', 'and')}/{self.rng.randint(1000, 9999)}",
            "Date applied": applied,
            "Stage": "Applied" if applied else "Wishlist",
            "Status": "Active",
            "Salary min": lo + self.rng.choice([0, 5000, 10000]),
            "Salary max": hi + self.rng.choice([0, 5000, 10000]),
            "Excitement": self.rng.choice([2, 3, 3, 4, 4, 5]),
        }
        self.apps.append(app)
        return app

    def _interview(
        self,
        app: Record,
        round_: str,
        day: dt.date,
        fmt: str,
        people: int,
        outcome: str,
        rating: int,
    ) -> Record:
        names = [_person(self.rng, self.people) for _ in range(people)]
        sent = None
        if self.c.past(day):
            lag = self.rng.choice([0, 0, 1, 1, 1, 2, 3])
            sent_day = self.c.bday(day, lag) if lag else day
            sent = sent_day if self.c.past(sent_day) else None
        iv: Record = {
            "ID": None,
            "Application ID": app,
            "Round": round_,
            "Date": day,
            "Format": fmt,
            "Interviewers": ", ".join(names),
            "Thank-you sent": sent,
            "Outcome": outcome if self.c.past(day) else "Pending",
            "Outcome date": None,
            "Self-rating": rating if self.c.past(day) else None,
            "Went well": self.rng.choice(
                [
                    "I enjoyed working through the case together",
                    "We got on well from the start",
                    "I learned a lot about how the team works",
                    "We had a good discussion about data quality",
                ]
            )
            if self.c.past(day)
            else None,
            "To improve": self.rng.choice(
                [
                    "Shorter answers",
                    "More numbers in examples",
                    "Prepare company research",
                    "Slow down on the whiteboard",
                ]
            )
            if self.c.past(day)
            else None,
        }
        if self.c.past(day) and outcome != "Pending":
            od = self.c.bday(day, self.rng.randint(2, 5))
            iv["Outcome date"] = od if self.c.past(od) else None
            if iv["Outcome date"] is None:
                iv["Outcome"] = "Pending"
        self.interviews.append(iv)
        role = (
            "Recruiter"
            if round_ == "Recruiter screen"
            else ("Hiring manager" if round_ == "Final" else "Interviewer")
        )
        for n in names:
            self.contacts.append(
                {
                    "Name": n,
                    "Title": {
                        "Recruiter": "Talent Partner",
                        "Hiring manager": "Head of Analytics",
                    }.get(role, "Senior Analyst"),
                    "Company": app["Company"],
                    "Application ID": app,
                    "Role in process": role,
                    "Email": f"{n.split()[0].lower()}.{n.split()[1].lower()}@{app['Company'].split()[0].lower()}.example.com",
                    "Phone": None,
                    "LinkedIn": f"https://www.linkedin.com/in/{n.lower().replace(' ', '-')}",
                    "Met on": day if self.c.past(day) else None,
                    "Notes": None,
                }
            )
        return iv

    # -- the ordinary applications -------------------------------------------------------------
    def background(self, n: int) -> None:
        span = (self.c.as_of - self.start).days
        days = _background_days(n)
        for k in range(n):
            self.rng.randint(0, span - 3)  # the draw that once placed it: the rest stays the same
            applied = self.c.bday(self.c.as_of, -days[k])
            app = self._app(applied)
            odds = RESPONSE_ODDS[app["Source"]]
            reply = self.c.bday(applied, self.rng.randint(2, 12))
            if self.rng.random() > odds or not self.c.past(reply):
                old = (self.c.as_of - applied).days > 28
                app["Status"] = "No response" if old else "Active"
                if app["Status"] == "Active":
                    app["Last contact"] = None
                continue
            app["First response"] = reply
            if self.rng.random() < 0.4:  # a polite no
                app["Status"] = "Rejected"
                continue
            app["Stage"] = "Screen"
            screen = self.c.bday(reply, self.rng.randint(2, 5))
            iv = self._interview(
                app, "Recruiter screen", screen, "Phone", 1, "Advanced", self.rng.randint(3, 5)
            )
            app["Last contact"] = screen if self.c.past(screen) else reply
            if not self.c.past(screen):
                iv["Outcome"] = "Pending"
                app["Next action"] = "Prepare for the recruiter screen"
                app["Next action due"] = self.c.bday(screen, -1)
                continue
            if self.rng.random() < 0.45:
                iv["Outcome"] = "Rejected"
                app["Status"] = "Rejected" if iv["Outcome date"] else "Active"
                continue
            tech = self.c.bday(screen, self.rng.randint(3, 7))
            if not self.c.past(tech):
                app["Next action"] = "Technical interview"
                app["Next action due"] = tech
                continue
            app["Stage"] = "Interview"
            iv2 = self._interview(
                app, "Technical", tech, "Video", 2, "Rejected", self.rng.randint(2, 4)
            )
            app["Last contact"] = tech
            app["Status"] = "Rejected" if iv2["Outcome date"] else "Active"
            if app["Status"] == "Active":
                app["Next action"] = "Follow up on the technical round"

    # -- the applications that carry the story (sample_story.STORIES) ---------------------------
    def stories(self) -> None:
        for story in STORIES:
            self._story(story)
        self._withdraw_the_others()

    def _day(self, value: object) -> object:
        """A Day as the date it stands for; any other value as it is."""
        return self.c.bday(self.c.as_of, value.n) if isinstance(value, Day) else value

    def _story(self, story: Story) -> None:
        c = self.c
        applied = None if story.applied is None else c.bday(c.as_of, story.applied)
        app = self._app(applied, story.source, company=story.company)
        opens = (c.as_of.replace(day=1) + dt.timedelta(days=92)).strftime("%B")  # 3 months on
        app.update(
            {
                k: v.format(opens=opens) if k == "Notes" and "{opens}" in str(v) else self._day(v)
                for k, v in story.changes.items()
            }
        )
        last = None
        for round_, day, fmt, people, outcome, rating, *no_thanks in story.interviews:
            last = self._interview(app, round_, c.bday(c.as_of, day), fmt, people, outcome, rating)
            if no_thanks:
                last["Thank-you sent"] = None
        if story.offer is not None:
            offer = {"ID": story.offer["ID"], "Application ID": app}
            for k, v in story.offer.items():
                offer[k] = app["Role"] if v == ROLE else self._day(v)
            self.offers.append(offer)
        for row in story.negotiation:
            self.negotiation.append({k: self._day(v) for k, v in row.items()})
        if story.transition is not None:
            t = {k: self._day(v) for k, v in story.transition.items()}
            earliest = c.bday(
                c.bday(t["Notice given"], 5 * t["Notice weeks"])
                + dt.timedelta(days=t["Rest days"]),
                1,
            )
            t["Agreed start"] = earliest + dt.timedelta(days=7)  # a week after the earliest
            self.transition.append(t)
        if story.lesson is not None:
            self._lesson(app, last, story.lesson, story.applied)

    def _lesson(self, app: Record, final: Record, lesson: Record, applied: int) -> None:
        """The lesson of a final round that ended in a rejection: decided on the final's outcome
        date, feedback asked the next business day and given three days later (unless none came)."""
        c = self.c
        decided = final["Outcome date"] or c.bday(c.as_of, applied + 19)
        app["Last contact"] = decided
        heard = not lesson.get("no feedback")
        self.lessons.append(
            {
                "Application ID": app,
                "Decision date": decided,
                "Feedback requested": c.bday(decided, 1),
                "Feedback received": c.bday(decided, 4) if heard else None,
                "Feedback": lesson["Lesson"] if heard else None,
                **{k: self._day(v) for k, v in lesson.items() if k != "no feedback"},
            }
        )

    def _withdraw_the_others(self) -> None:
        """After accepting (what the Accept offer button writes): every other active application
        is to be withdrawn, with courtesy, by tomorrow; one with an open offer of its own is to
        decline it instead (its decision deadline is that one's reminder: no due date beside it,
        as `accept` writes it). What each had as its next action before is kept for History
        (``earlier``)."""
        offered = {
            id(o["Application ID"]): o["ID"] for o in self.offers if o["Status"] == "Pending"
        }
        for app in self.apps:
            if app["Status"] == "Active" and app["Date applied"] is not None:
                offer = offered.get(id(app))
                step = f"Decline {offer}" if offer else "Withdraw"
                self.earlier[id(app)] = (app.get("Next action"), app.get("Next action due"))
                app.update(
                    {
                        "Next action": f"{step}: accepted {ACCEPTED_COMPANY}",
                        "Next action due": None if offer else self.c.bday(self.c.as_of, 1),
                    }
                )

    # -- numbering -----------------------------------------------------------------------------
    def renumber(self) -> None:
        """IDs in date order (wishlist last); links become IDs."""
        self.apps.sort(
            key=lambda a: (
                a["Date applied"] is None,
                a["Date applied"] or dt.date.max,
                a["Company"],
            )
        )
        for n, a in enumerate(self.apps, 1):
            a["ID"] = f"A{n:03d}"
        self.interviews.sort(key=lambda i: (i["Date"], i["Application ID"]["ID"]))
        for n, i in enumerate(self.interviews, 1):
            i["ID"] = f"I{n:03d}"
        for table in (self.interviews, self.contacts, self.offers, self.lessons):
            for r in table:
                r["Application ID"] = r["Application ID"]["ID"]
        self.contacts.sort(
            key=lambda r: (r["Met on"] is None, r["Met on"] or dt.date.max, r["Name"])
        )
        past = [i for i in self.interviews if self.c.past(i["Date"])]
        rng = random.Random(len(past))
        for n, (cat, q, rating, differently, better) in enumerate(QUESTIONS, 1):
            iv = past[(n * 7) % len(past)]
            practiced = rng.randint(0, 4) if differently == "Yes" else rng.randint(0, 2)
            self.questions.append(
                {
                    "ID": f"Q{n:03d}",
                    "Interview ID": iv["ID"],
                    "Question": q,
                    "Category": cat,
                    "My answer": "Answered with a project example; see notes."
                    if rating >= 3
                    else "Rambled; lost the thread.",
                    "Self-rating": rating,
                    "Answer differently?": differently,
                    "Better answer": better,
                    "Times practiced": practiced,
                    "Last practiced": self.c.bday(self.c.as_of, -rng.randint(1, 20))
                    if practiced
                    else None,
                }
            )

    def times_and_places(self) -> None:
        """Each interview's time of day and where it happens: a video link, the office of the
        company in the application's city, or nothing for a phone call. Derived from the data (no
        random draw), so the rest of the sample does not change."""
        apps = {a["ID"]: a for a in self.apps}
        slots = [dt.time(10, 0), dt.time(14, 0), dt.time(11, 30), dt.time(15, 30), dt.time(9, 30)]
        for n, iv in enumerate(self.interviews):
            app = apps[iv["Application ID"]]
            iv["Date"] = dt.datetime.combine(iv["Date"], slots[n % len(slots)])
            slug = "".join(ch for ch in str(app["Company"]).lower() if ch.isalnum())[:12]
            if iv["Format"] == "Video":
                iv["Location"] = f"https://meet.example.com/{slug}-{iv['ID'].lower()}"
            elif iv["Format"] == "Onsite":
                city = app["Location"] if "Remote" not in str(app["Location"]) else CITIES[0]
                iv["Location"] = f"{app['Company']} office, {city}"

    def tables(self) -> dict[str, list[Record]]:
        return {
            "Pipeline": self.apps,
            "Interviews": self.interviews,
            "Contacts": self.contacts,
            "Questions": self.questions,
            "Offers": self.offers,
            "Negotiation": self.negotiation,
            "Lessons": self.lessons,
            "Transition": self.transition,
        }

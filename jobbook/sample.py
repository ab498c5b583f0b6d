"""A believable job search to fill the template with (``jobbook new --sample``, ``jobbook demo``).

About 60 applications over the four months before the as-of date, from varied sources; phone
screens, interviews and finals with the people met and thank-you notes; questions with
self-ratings; three offers (one declined; one negotiated and accepted, its signing bonus to repay
if leaving within a year; one still pending, a 5/15/40/40 grant in a dearer city); lessons
after rejections; and the transition to the accepted job, with the other applications to withdraw. Deterministic for a given as-of date.
Pure Python: records keyed by the schema's headers.
"""

from __future__ import annotations

import datetime as dt
import random

from .core.calendar import BusinessCalendar, as_date
from .sample_history import sample_history

Record = dict[str, object]

ACCEPTED_COMPANY = "Lumen Health"  # the story's accepted offer (O02); not in COMPANIES
COMPANIES = [
    "Northwind Analytics",
    "Bluefin Logistics",
    "Cedar & Pine Studio",
    "Foxglove Analytics",  # in Lumen Health's place: the accepted company is never drawn twice
    "Orbital Foods",
    "Quarry Labs",
    "Harbor Insurance",
    "Tessellate AI",
    "Meridian Bank",
    "Juniper Schools",
    "Brightwater Energy",
    "Copperleaf Retail",
    "Fieldstone Media",
    "Granite Cloud",
    "Helio Robotics",
    "Ironwood Legal Tech",
    "Kestrel Travel",
    "Larkspur Games",
    "Mosaic Civic",
    "Nimbus Payments",
    "Oakridge Pharma",
    "Parallax Security",
    "Quill Publishing",
    "Redwood Mobility",
    "Sable Fashion",
    "Tidewater Ports",
    "Umbra Design",
    "Vantage Telecom",
    "Willow Care",
    "Xylem Water",
    "Yardline Sports",
    "Zephyr Air",
    "Acorn Credit",
    "Birch Biotech",
    "Cobalt Mining Software",
    "Delta Freight",
    "Ember Kitchens",
    "Fjord Maps",
    "Glacier Data",
    "Hollow Creek Farms",
    "Indigo Hotels",
    "Jasper Hardware",
    "Kiln Ceramics",
    "Lattice Networks",
    "Maple Street Bank",
    "Nova Learning",
    "Opal Optics",
    "Pioneer Grid",
    "Quantum Leaf",
    "Riverbend Health",
    "Summit Outdoor",
    "Trellis HR",
    "Upland Coffee",
    "Velvet Audio",
    "Wavelength Radio",
    "Harvest Table",
    "Beacon Nonprofit",
    "Solace Insurance",
    "Atlas Civic Data",
    "Cinder Studios",
    "Driftwood Homes",
    "Evergreen Grants",
]
ROLES = [
    ("Data Analyst", 72000, 90000),
    ("Senior Data Analyst", 95000, 120000),
    ("Analytics Engineer", 105000, 135000),
    ("Business Intelligence Developer", 90000, 115000),
    ("Product Analyst", 88000, 112000),
    ("Data Scientist", 110000, 140000),
]
CITIES = [
    "Chicago, IL",
    "Austin, TX",
    "Denver, CO",
    "Boston, MA",
    "Remote (US)",
    "Seattle, WA",
    "Atlanta, GA",
]
FIRST = [
    "Alex",
    "Priya",
    "Jordan",
    "Mei",
    "Sam",
    "Diego",
    "Fatima",
    "Noah",
    "Grace",
    "Omar",
    "Lena",
    "Tom",
    "Aisha",
    "Ben",
    "Chloe",
    "Ravi",
    "Sofia",
    "Marcus",
    "Ines",
    "Kenji",
]
LAST = [
    "Kim",
    "Patel",
    "Lopez",
    "Chen",
    "Okafor",
    "Novak",
    "Haddad",
    "Brown",
    "Silva",
    "Nguyen",
    "Walsh",
    "Fischer",
    "Rossi",
    "Tanaka",
    "Adeyemi",
    "Moreau",
]
SOURCE_WEIGHTS = [
    ("LinkedIn", 30),
    ("Job board", 20),
    ("Company site", 15),
    ("Referral", 10),
    ("Recruiter", 10),
    ("Network", 8),
    ("Career fair", 5),
    ("Other", 2),
]
RESPONSE_ODDS = {
    "Referral": 0.75,
    "Recruiter": 0.7,
    "Network": 0.6,
    "Career fair": 0.45,
    "Company site": 0.35,
    "LinkedIn": 0.3,
    "Job board": 0.2,
    "Other": 0.3,
}
QUESTIONS = [
    (
        "Behavioral",
        "Tell me about a time you disagreed with a stakeholder.",
        3,
        "Yes",
        "Lead with the shared goal, show the data I brought, and end with what we shipped.",
    ),
    (
        "Technical",
        "How would you find duplicate customers in a 10-million-row table?",
        4,
        "No",
        None,
    ),
    (
        "Technical",
        "Write SQL for a 7-day rolling average of orders.",
        2,
        "Yes",
        "Use a window: AVG(orders) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW).",
    ),
    (
        "Situational",
        "A dashboard number looks wrong an hour before the board meeting. What do you do?",
        4,
        "No",
        None,
    ),
    (
        "Motivation",
        "Why do you want to work here?",
        3,
        "Yes",
        "Tie their public roadmap to two projects I have done; name the team I want to join.",
    ),
    (
        "Company",
        "What do you know about our customers?",
        2,
        "Yes",
        "Read the last two annual reports and one customer case study before the call.",
    ),
    (
        "Salary",
        "What are your salary expectations?",
        3,
        "Yes",
        "Give a researched range anchored at the 75th percentile and ask about the full package.",
    ),
    ("Behavioral", "Describe a project that failed.", 4, "No", None),
    (
        "Technical",
        "Explain A/B test power to a product manager.",
        3,
        "Yes",
        "Use the coin-flip analogy, then the sample-size calculator we used at work.",
    ),
    ("Behavioral", "How do you prioritise when everything is urgent?", 5, "No", None),
    (
        "Technical",
        "Design a data model for subscriptions with upgrades and refunds.",
        2,
        "Yes",
        "Start from events (subscribed, upgraded, refunded), derive state tables from them.",
    ),
    ("Situational", "Your manager asks you to hide a bad metric. What do you do?", 4, "No", None),
    ("Motivation", "Where do you see yourself in three years?", 3, "No", None),
    ("Technical", "What is the difference between a LEFT JOIN and an anti-join?", 5, "No", None),
    ("Behavioral", "Tell me about mentoring someone.", 4, "No", None),
    (
        "Company",
        "Which of our products would you improve first?",
        3,
        "Yes",
        "Pick one concrete friction in onboarding and size its impact with public numbers.",
    ),
    (
        "Other",
        "Do you have any questions for us?",
        3,
        "Yes",
        "Prepare three: team rituals, how success is measured in 90 days, biggest data debt.",
    ),
    ("Technical", "How would you explain a p-value to a sales lead?", 4, "No", None),
]


# The person searching (Settings' profile): message drafts sign with it, the resignation letter
# goes to the current manager (also in Contacts).
SAMPLE_PROFILE: Record = {
    "YourName": "Jamie Rivera",
    "YourEmail": "jamie.rivera@example.com",
    "CurrentEmployer": "Brightline Retail",
    "CurrentManager": "Dana Whitfield",
    "Degree": "BSc in Statistics",
    "Certifications": "dbt Analytics Engineering; Google Cloud Professional Data Engineer",
}


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
    b.contacts.append(
        {
            "Name": SAMPLE_PROFILE["CurrentManager"],
            "Title": "Director of Analytics",
            "Company": SAMPLE_PROFILE["CurrentEmployer"],
            "Application ID": None,
            "Role in process": "Other",
            "Email": "dana.whitfield@brightline.example.com",
            "Notes": "My manager today",
        }
    )
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

    # -- the applications that carry the story -------------------------------------------------
    def stories(self) -> None:
        c = self.c
        d = lambda n: c.bday(c.as_of, n)  # noqa: E731 - business days from the as-of date

        # 1. An early offer, declined after the better one looked likely.
        early = self._app(d(-70), "Recruiter")
        early.update(
            Stage="Offer",
            Status="Offer declined",
            **{"First response": d(-67), "Last contact": d(-44)},
        )
        self._interview(early, "Recruiter screen", d(-64), "Phone", 1, "Advanced", 4)
        self._interview(early, "Technical", d(-58), "Video", 2, "Advanced", 4)
        self._interview(early, "Final", d(-51), "Onsite", 3, "Offer", 4)
        self.offers.append(
            {
                "ID": "O01",
                "Application ID": early,
                "Role": early["Role"],
                "Offer date": d(-47),
                "Deadline given": d(-43),
                "Base salary": 98000,
                "Bonus target %": 0.08,
                "Signing bonus": 5000,
                "Relocation allowance": None,
                "Relocation cost": None,
                "Equity grant value": 30000,
                "Vesting years": 3,
                "Vesting schedule": "34/33/33/0",
                "Retirement match %": 0.04,
                "Benefits value": 7500,
                "PTO days": 20,
                "Onsite days/week": 5,
                "Commute cost/day": 14.5,
                "Commute minutes one-way": 50,
                "Flexible hours": "No",
                "Tax rate %": 0.27,
                "Status": "Declined",
                "Counter base": None,
                "Final base": None,
                "Notes": "Fully onsite; long commute.",
            }
        )

        # 2. The offer negotiated and accepted.
        best = self._app(d(-60), "Referral", company=ACCEPTED_COMPANY)
        best.update(
            Stage="Offer",
            Status="Accepted",
            Role="Analytics Engineer",
            Excitement=5,
            **{
                "First response": d(-57),
                "Last contact": d(-3),
                "Salary min": 115000,
                "Salary max": 135000,
            },
        )
        self._interview(best, "Recruiter screen", d(-54), "Phone", 1, "Advanced", 5)
        self._interview(best, "Technical", d(-45), "Video", 2, "Advanced", 4)
        self._interview(best, "Final", d(-30), "Onsite", 3, "Offer", 5)
        self.offers.append(
            {
                "ID": "O02",
                "Application ID": best,
                "Role": "Analytics Engineer",
                "Offer date": d(-12),
                "Deadline given": d(-3),
                "Base salary": 118000,
                "Bonus target %": 0.10,
                "Signing bonus": 10000,
                "Sign-on clawback months": 12,
                "Relocation allowance": None,
                "Relocation cost": None,
                "Equity grant value": 40000,
                "Vesting years": 4,
                "Refresh % per year": 0.10,
                "Retirement match %": 0.05,
                "Benefits value": 9000,
                "PTO days": 25,
                "Onsite days/week": 2,
                "Commute cost/day": 9.5,
                "Commute minutes one-way": 35,
                "Flexible hours": "Yes",
                "Cost of living index": 100,
                "Tax rate %": 0.28,
                "Status": "Accepted",
                "Counter base": 130000,
                "Final base": 125000,
                "Notes": "Hybrid, strong team, mentoring budget.",
            }
        )
        self.negotiation += [
            {
                "Offer ID": "O02",
                "Date": d(-10),
                "Channel": "Email",
                "Ask": "Base 130,000",
                "Arguments": "I am in the final round of another process for a similar role",
                "Market P50": 117000,
                "Market P75": 131000,
                "Response": "Will check with the hiring manager",
                "Result": None,
            },
            {
                "Offer ID": "O02",
                "Date": d(-7),
                "Channel": "Phone",
                "Ask": "Base 130,000 or signing 20,000",
                "Arguments": "The equity vests over four years, so little of it reaches me in "
                "the first year",
                "Market P50": 117000,
                "Market P75": 131000,
                "Response": "Base 125,000, signing unchanged",
                "Result": "Base +7,000",
            },
            {
                "Offer ID": "O02",
                "Date": d(-4),
                "Channel": "Video",
                "Ask": "Start date after notice and a week of rest",
                "Arguments": None,  # the start date: not an argument for the base
                "Market P50": None,
                "Market P75": None,
                "Response": "Agreed",
                "Result": "Start date agreed",
            },
        ]
        self.transition.append(
            {
                "Offer ID": "O02",
                "Accepted on": d(-3),
                "Notice given": d(-2),
                "Notice weeks": 2,
                "Rest days": 3,
                "Agreed start": c.bday(c.bday(d(-2), 10) + dt.timedelta(days=3), 1)
                + dt.timedelta(days=7),
            }
        )

        # 3. A late offer still open: to decline with courtesy.
        late = self._app(d(-40), "Network")
        late.update(
            Stage="Offer", Status="Active", **{"First response": d(-37), "Last contact": d(-1)}
        )
        self._interview(late, "Recruiter screen", d(-35), "Phone", 1, "Advanced", 4)
        final = self._interview(late, "Final", d(-8), "Video", 3, "Offer", 3)
        final["Thank-you sent"] = None  # forgotten in the rush of the offers: overdue
        self.offers.append(
            {
                "ID": "O03",
                "Application ID": late,
                "Role": late["Role"],
                "Offer date": d(-1),
                "Deadline given": None,
                "Base salary": 130000,
                "Bonus target %": 0.05,
                "Signing bonus": None,
                "Relocation allowance": 8000,
                "Relocation cost": 6500,
                "Equity grant value": 120000,
                "Vesting years": 4,
                "Vesting schedule": "5/15/40/40",
                "Retirement match %": 0.03,
                "Benefits value": 6000,
                "PTO days": 22,
                "Onsite days/week": 3,
                "Commute cost/day": 12,
                "Commute minutes one-way": 45,
                "Flexible hours": "Partial",
                "Cost of living index": 122,
                "Tax rate %": 0.31,
                "Status": "Pending",
                "Counter base": None,
                "Final base": None,
                "Notes": f"Arrived after accepting {ACCEPTED_COMPANY}. More on paper, but the grant "
                "vests 5/15/40/40 and the city costs 22% more: less in year 1 and after the cost "
                "of living. Decline politely.",
            }
        )

        # 4. Finals that ended in a rejection, with feedback and an improvement plan.
        for k, (days, lesson, action, kind, due, done) in enumerate(
            [
                (
                    -80,
                    "Technical depth on experiment design was thin",
                    "Work through an A/B testing course",
                    "Training",
                    d(-40),
                    d(-42),
                ),
                (
                    -66,
                    "Stories lacked measurable results",
                    "Rewrite five STAR stories with numbers",
                    "Practice answers",
                    d(-20),
                    None,
                ),
                (
                    -45,
                    "Case study ran over time",
                    "Rehearse a 20-minute case with a friend",
                    "Rehearsal",
                    d(2),
                    None,
                ),
            ]
        ):
            app = self._app(d(days), ["LinkedIn", "Company site", "Career fair"][k])
            app.update(Stage="Final", Status="Rejected", **{"First response": d(days + 3)})
            self._interview(app, "Recruiter screen", d(days + 5), "Phone", 1, "Advanced", 4)
            self._interview(app, "Technical", d(days + 10), "Video", 2, "Advanced", 3)
            fin = self._interview(app, "Final", d(days + 16), "Onsite", 3, "Rejected", 2)
            decided = fin["Outcome date"] or d(days + 19)
            app["Last contact"] = decided
            self.lessons.append(
                {
                    "Application ID": app,
                    "Decision date": decided,
                    "Feedback requested": c.bday(decided, 1),
                    "Feedback received": c.bday(decided, 4) if k != 2 else None,
                    "Feedback": None if k == 2 else lesson,
                    "Lesson": lesson,
                    "Action": action,
                    "Action type": kind,
                    "Due": due,
                    "Done": done,
                }
            )

        # 5. One withdrawn, one on the wishlist, one with an interview coming up.
        gone = self._app(d(-75), "Job board")
        gone.update(Status="Withdrawn", Notes="Role turned out to be 80% reporting")
        opens = (c.as_of.replace(day=1) + dt.timedelta(days=92)).strftime("%B")  # 3 months on
        self._app(None, "Company site").update(
            {
                "Next action": "Ask Priya for a referral",
                "Next action due": d(1),
                "Notes": f"Opens in {opens}",
            }
        )
        soon = self._app(d(-9), "Referral")
        soon.update(
            Stage="Screen",
            **{
                "First response": d(-6),
                "Last contact": d(-5),
                "Next action": "Prepare the technical interview",
                "Next action due": d(1),
            },
        )
        self._interview(soon, "Recruiter screen", d(-5), "Phone", 1, "Advanced", 4)
        self._interview(soon, "Technical", d(2), "Video", 2, "Pending", 0)

        # 6. After accepting Lumen Health (what the Accept offer button writes): every other active
        #    application is to be withdrawn, with courtesy, by tomorrow.
        #    The one with an open offer of its own (O03) is to decline it instead.
        #    Its decision deadline is that one's reminder: no due date beside it (as `accept`).
        #    What each had as its next action before is kept for History (``earlier``).
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
                        "Next action due": None if offer else d(1),
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

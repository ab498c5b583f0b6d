"""The sample search's story as data (``jobbook.sample`` reads it): the companies, roles, cities
and people it draws from, the questions asked, the person searching, and the applications that
carry the story, each with its interviews, offer, negotiation and lesson.

Days are business days from the as-of date (``-70``: seventy business days before it); a field
whose value is a ``Day`` is such a date. ``ROLE`` in an offer is its application's role.
"""

from __future__ import annotations

from typing import NamedTuple

Record = dict[str, object]


class Day(NamedTuple):
    """A date `n` business days from the as-of date."""

    n: int


ROLE = "the application's role"

ACCEPTED_COMPANY = "Lumen Health"  # the story's accepted offer (O02); not in COMPANIES
# Foxglove Analytics stands in Lumen Health's place: the accepted company is never drawn twice
COMPANIES = [
    "Northwind Analytics", "Bluefin Logistics", "Cedar & Pine Studio", "Foxglove Analytics",
    "Orbital Foods", "Quarry Labs", "Harbor Insurance", "Tessellate AI",
    "Meridian Bank", "Juniper Schools", "Brightwater Energy", "Copperleaf Retail",
    "Fieldstone Media", "Granite Cloud", "Helio Robotics", "Ironwood Legal Tech",
    "Kestrel Travel", "Larkspur Games", "Mosaic Civic", "Nimbus Payments",
    "Oakridge Pharma", "Parallax Security", "Quill Publishing", "Redwood Mobility",
    "Sable Fashion", "Tidewater Ports", "Umbra Design", "Vantage Telecom",
    "Willow Care", "Xylem Water", "Yardline Sports", "Zephyr Air",
    "Acorn Credit", "Birch Biotech", "Cobalt Mining Software", "Delta Freight",
    "Ember Kitchens", "Fjord Maps", "Glacier Data", "Hollow Creek Farms",
    "Indigo Hotels", "Jasper Hardware", "Kiln Ceramics", "Lattice Networks",
    "Maple Street Bank", "Nova Learning", "Opal Optics", "Pioneer Grid",
    "Quantum Leaf", "Riverbend Health", "Summit Outdoor", "Trellis HR",
    "Upland Coffee", "Velvet Audio", "Wavelength Radio", "Harvest Table",
    "Beacon Nonprofit", "Solace Insurance", "Atlas Civic Data", "Cinder Studios",
    "Driftwood Homes", "Evergreen Grants",
]  # fmt: skip
ROLES = [
    ("Data Analyst", 72000, 90000),
    ("Senior Data Analyst", 95000, 120000),
    ("Analytics Engineer", 105000, 135000),
    ("Business Intelligence Developer", 90000, 115000),
    ("Product Analyst", 88000, 112000),
    ("Data Scientist", 110000, 140000),
]
CITIES = [
    "Chicago, IL", "Austin, TX", "Denver, CO", "Boston, MA",
    "Remote (US)", "Seattle, WA", "Atlanta, GA",
]  # fmt: skip
FIRST = [
    "Alex", "Priya", "Jordan", "Mei", "Sam", "Diego", "Fatima", "Noah", "Grace", "Omar",
    "Lena", "Tom", "Aisha", "Ben", "Chloe", "Ravi", "Sofia", "Marcus", "Ines", "Kenji",
]  # fmt: skip
LAST = [
    "Kim", "Patel", "Lopez", "Chen", "Okafor", "Novak", "Haddad", "Brown",
    "Silva", "Nguyen", "Walsh", "Fischer", "Rossi", "Tanaka", "Adeyemi", "Moreau",
]  # fmt: skip
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

MANAGER: Record = {  # the current manager, in Contacts: the resignation letter goes to them
    "Name": SAMPLE_PROFILE["CurrentManager"],
    "Title": "Director of Analytics",
    "Company": SAMPLE_PROFILE["CurrentEmployer"],
    "Application ID": None,
    "Role in process": "Other",
    "Email": "dana.whitfield@brightline.example.com",
    "Notes": "My manager today",
}


class Story(NamedTuple):
    """An application that carries the story: applied on day `applied` (None: on the wishlist)
    through `source`, at `company` (None: the next drawn); then `changes` to its row; its
    `interviews` as (round, day, format, interviewers, outcome, self-rating[, "no thank-you"]);
    its `offer`, `negotiation` and `transition` rows; and its `lesson` after a rejection."""

    applied: int | None
    source: str
    company: str | None = None
    changes: Record = {}
    interviews: tuple = ()
    offer: Record | None = None
    negotiation: tuple = ()
    transition: Record | None = None
    lesson: Record | None = None


def _finals_rejected(applied: int, source: str, lesson: Record) -> Story:
    """A search to the final round that ended in a rejection, with feedback and a plan."""
    return Story(
        applied,
        source,
        changes={"Stage": "Final", "Status": "Rejected", "First response": Day(applied + 3)},
        interviews=(
            ("Recruiter screen", applied + 5, "Phone", 1, "Advanced", 4),
            ("Technical", applied + 10, "Video", 2, "Advanced", 3),
            ("Final", applied + 16, "Onsite", 3, "Rejected", 2),
        ),
        lesson=lesson,
    )


STORIES: tuple[Story, ...] = (
    # 1. An early offer, declined after the better one looked likely.
    Story(
        -70,
        "Recruiter",
        changes={
            "Stage": "Offer",
            "Status": "Offer declined",
            "First response": Day(-67),
            "Last contact": Day(-44),
        },
        interviews=(
            ("Recruiter screen", -64, "Phone", 1, "Advanced", 4),
            ("Technical", -58, "Video", 2, "Advanced", 4),
            ("Final", -51, "Onsite", 3, "Offer", 4),
        ),
        offer={
            "ID": "O01",
            "Role": ROLE,
            "Offer date": Day(-47),
            "Deadline given": Day(-43),
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
        },
    ),
    # 2. The offer negotiated and accepted.
    Story(
        -60,
        "Referral",
        company=ACCEPTED_COMPANY,
        changes={
            "Stage": "Offer",
            "Status": "Accepted",
            "Role": "Analytics Engineer",
            "Excitement": 5,
            "First response": Day(-57),
            "Last contact": Day(-3),
            "Salary min": 115000,
            "Salary max": 135000,
        },
        interviews=(
            ("Recruiter screen", -54, "Phone", 1, "Advanced", 5),
            ("Technical", -45, "Video", 2, "Advanced", 4),
            ("Final", -30, "Onsite", 3, "Offer", 5),
        ),
        offer={
            "ID": "O02",
            "Role": "Analytics Engineer",
            "Offer date": Day(-12),
            "Deadline given": Day(-3),
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
        },
        negotiation=(
            {
                "Offer ID": "O02",
                "Date": Day(-10),
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
                "Date": Day(-7),
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
                "Date": Day(-4),
                "Channel": "Video",
                "Ask": "Start date after notice and a week of rest",
                "Arguments": None,  # the start date: not an argument for the base
                "Market P50": None,
                "Market P75": None,
                "Response": "Agreed",
                "Result": "Start date agreed",
            },
        ),
        # the agreed start: a week after the earliest (the notice's business days, the rest)
        transition={
            "Offer ID": "O02",
            "Accepted on": Day(-3),
            "Notice given": Day(-2),
            "Notice weeks": 2,
            "Rest days": 3,
        },
    ),
    # 3. A late offer still open: to decline with courtesy.
    Story(
        -40,
        "Network",
        changes={
            "Stage": "Offer",
            "Status": "Active",
            "First response": Day(-37),
            "Last contact": Day(-1),
        },
        interviews=(
            ("Recruiter screen", -35, "Phone", 1, "Advanced", 4),
            # the thank-you forgotten in the rush of the offers: overdue
            ("Final", -8, "Video", 3, "Offer", 3, "no thank-you"),
        ),
        offer={
            "ID": "O03",
            "Role": ROLE,
            "Offer date": Day(-1),
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
        },
    ),
    # 4. Finals that ended in a rejection, with feedback and an improvement plan.
    _finals_rejected(
        -80,
        "LinkedIn",
        {
            "Lesson": "Technical depth on experiment design was thin",
            "Action": "Work through an A/B testing course",
            "Action type": "Training",
            "Due": Day(-40),
            "Done": Day(-42),
        },
    ),
    _finals_rejected(
        -66,
        "Company site",
        {
            "Lesson": "Stories lacked measurable results",
            "Action": "Rewrite five STAR stories with numbers",
            "Action type": "Practice answers",
            "Due": Day(-20),
            "Done": None,
        },
    ),
    _finals_rejected(
        -45,
        "Career fair",
        {  # no feedback came
            "Lesson": "Case study ran over time",
            "Action": "Rehearse a 20-minute case with a friend",
            "Action type": "Rehearsal",
            "Due": Day(2),
            "Done": None,
            "no feedback": True,
        },
    ),
    # 5. One withdrawn, one on the wishlist, one with an interview coming up.
    Story(
        -75,
        "Job board",
        changes={"Status": "Withdrawn", "Notes": "Role turned out to be 80% reporting"},
    ),
    Story(
        None,
        "Company site",
        changes={
            "Next action": "Ask Priya for a referral",
            "Next action due": Day(1),
            "Notes": "Opens in {opens}",  # the month three months on
        },
    ),
    Story(
        -9,
        "Referral",
        changes={
            "Stage": "Screen",
            "First response": Day(-6),
            "Last contact": Day(-5),
            "Next action": "Prepare the technical interview",
            "Next action due": Day(1),
        },
        interviews=(
            ("Recruiter screen", -5, "Phone", 1, "Advanced", 4),
            ("Technical", 2, "Video", 2, "Pending", 0),
        ),
    ),
)

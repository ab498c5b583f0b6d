"""The words of other people's trackers, as data: one table per concept, read by the importers
(``words`` and ``columns`` look them up), never spelled in them. README's table of recognised
headers and status words is checked against these tables by a test.

Every key is written plainly (lower case, single spaces); lookups normalise what a file holds the
same way first (``words.header_key`` for headers: case, spacing, punctuation and bracketed hints
aside; ``words.phrase_key`` for values: case, spacing, punctuation, emoji, accents and letters
repeated for effect aside, so ``Rejected :(``, ``reeejected`` and ``REJECTED 😭`` are one word).
"""

from __future__ import annotations

from typing import NamedTuple


class Meaning(NamedTuple):
    """What a status word says: the Stage it shows (None: no stage of its own, the row's furthest
    stage stands) and the Status (``DECLINED``: Offer declined at the Offer stage, else Rejected)."""

    stage: str | None
    status: str


class Ignored(NamedTuple):
    """A column that jobbook leaves out on purpose, and why (said in the import's summary)."""

    why: str


DECLINED = "declined"  # "Declined": the offer, when the row shows one; else the company declined

# -- headers ---------------------------------------------------------------------------------------
# concept -> the headers that name it, best first. A concept is a Pipeline header, a Contacts field
# (``Contact ...``) or one of EXTRA_CONCEPTS. The Pipeline's own headers match too.
HEADERS: dict[str, tuple[str, ...]] = {
    "Company": (
        "company", "company name", "employer", "employer name", "organisation", "organization",
        "organisation name", "organization name", "org", "firm", "business", "hiring company",
        "companies", "company organization", "company organisation",
    ),
    "Role": (
        "role", "title", "position", "job title", "role name", "job", "job role", "position title",
        "position name", "job position", "position applied for", "role applied for", "job name",
        "opportunity", "internship", "internship title", "job title position",
    ),
    "Date applied": (
        "date applied", "applied date", "application date", "date submitted", "applied on",
        "date of application", "submitted on", "submission date", "applied at", "date sent",
        "app date", "applied", "submitted", "date",
    ),
    "Status": (
        "status", "result", "outcome", "application status", "current status", "app status",
        "state", "status update", "decision", "progress",
    ),
    "Stage": (
        "stage", "list", "step", "list name", "current stage", "pipeline stage", "stage reached",
        "phase", "round", "column",
    ),
    "Posting URL": (
        "posting url", "url", "link", "job link", "job posting url", "job url", "posting link",
        "job posting", "posting", "job posting link", "application link", "listing", "listing url",
        "job listing", "links", "job description link", "jd link",
    ),
    "Location": ("location", "city", "job location", "city state", "place", "office", "where"),
    "Location or work mode": (
        "location remote", "location work mode", "location remote onsite",
        "location remote hybrid", "location hybrid remote", "city remote", "location or remote",
        "location remote or onsite", "location workplace",
    ),
    "Work mode": (
        "work mode", "remote", "remote onsite", "onsite remote", "remote hybrid onsite",
        "workplace", "workplace type", "work type", "work arrangement", "arrangement",
    ),
    "Source": (
        "source", "job portal", "platform", "board", "job board", "found on", "found via",
        "found through", "where found", "how found", "where applied", "applied via",
        "applied through", "channel", "portal", "site",
    ),
    "Referral": (
        "referral", "referred", "referred by", "referral from", "was referred", "got referral",
        "referral name", "referrer",
    ),
    "Salary": (
        "salary", "salary range", "pay", "pay range", "compensation", "comp", "wage",
        "expected salary", "salary estimate", "stipend", "base salary",
    ),
    "Salary min": ("salary min", "min salary", "minimum salary", "salary from", "salary low"),
    "Salary max": ("salary max", "max salary", "maximum salary", "salary to", "salary high"),
    "Notes": ("notes", "note", "comments", "comment", "remarks", "details", "other"),
    "First response": (
        "first response", "response date", "date of response", "heard back", "heard back on",
        "date heard back", "reply date", "first reply", "response received",
    ),
    "Last contact": (
        "last contact", "last contacted", "last contact date", "last heard", "last heard from",
        "followed up", "followed up on", "date followed up", "last follow up", "last activity",
    ),
    "Next action": ("next action", "next step", "next steps", "to do", "todo", "action item"),
    "Next action due": (
        "next action due", "next step date", "next step due", "due", "due date", "follow up date",
        "follow up by", "follow up on", "deadline", "action due",
    ),
    "Excitement": (
        "excitement", "excitement level", "interest", "interest level", "how excited",
        "enthusiasm", "rating",
    ),
    "Added on": (
        "date added", "added on", "added", "added at", "date created", "created", "created on",
        "created at", "created time", "date saved", "saved on", "saved date", "date bookmarked",
    ),
    "Moved": (
        "last moved", "moved", "moved on", "date moved", "last moved at", "last updated",
        "updated", "updated on", "updated at", "date updated", "last update", "last modified",
        "modified", "last changed", "last edited", "last edited time", "edited",
    ),
    "Stage history": (
        "stage history", "status history", "history", "timeline", "stage log", "status log",
        "progress log",
    ),
    "Screen date": (
        "phone screen", "phone screen date", "screen date", "screening", "screening date",
        "recruiter call", "hr call", "phone interview", "online assessment", "assessment date",
        "oa date",
    ),
    "Interview date": (
        "interview", "interview date", "interviews", "interview dates", "first interview",
        "1st interview", "interview 1", "technical interview", "onsite", "onsite date",
        "interviewed",
    ),
    "Final date": ("final round", "final interview", "final round date", "final interview date"),
    "Offer date": ("offer", "offer date", "offer received", "date of offer", "offered"),
    "Rejected date": ("rejected on", "rejection date", "date rejected", "date of rejection"),
    "Contact": (
        "contact", "contact name", "recruiter", "recruiter name", "hiring manager",
        "point of contact", "poc", "contact person",
    ),
    "Contact email": ("contact email", "recruiter email", "email", "e mail", "contact e mail"),
    "Contact phone": ("contact phone", "recruiter phone", "phone", "phone number"),
    "Contact title": ("contact title", "recruiter title"),
    "Contact LinkedIn": ("contact linkedin", "recruiter linkedin"),
    "Contact role": ("contact role",),
}  # fmt: skip

PLACE = "Location or work mode"  # a column of either (Location/Remote?)
# concepts that are no Pipeline header: where their values go is said beside each
EXTRA_CONCEPTS: dict[str, str] = {
    "Location or work mode": "Work mode when it names one (Remote), else Location; "
    "Hybrid - Boston gives both",
    "Referral": "Source Referral when ticked or naming who referred (a name kept in Notes)",
    "Salary": "Salary min and Salary max (a range is split)",
    "Stage history": "Stage and Status (its latest step), First response and Last contact",
    "Screen date": "Stage Screen or further; the date into First response and Last contact",
    "Interview date": "Stage Interview or further; the date into Last contact",
    "Final date": "Stage Final or further; the date into Last contact",
    "Offer date": "Stage Offer; the date into Last contact",
    "Rejected date": "Status Rejected; the date into Last contact",
    "Added on": "when the row was made: Date applied when the file has no date applied column "
    "(said in the summary), else Notes",
    "Moved": "when the row last moved or was updated: Last contact, and No response after 30 days",
    "Board": "Notes",
    "Resume": "Notes",
    "Screening questions": "Notes",
}
# the contact columns and the Contacts field each fills
CONTACT_FIELDS: dict[str, str] = {
    "Contact": "Name",
    "Contact email": "Email",
    "Contact phone": "Phone",
    "Contact title": "Title",
    "Contact LinkedIn": "LinkedIn",
    "Contact role": "Role in process",
}
# a dated stage column: the (Stage, Status) it shows when filled (a date, or a ticked box)
EVENT_COLUMNS: dict[str, Meaning] = {
    "Screen date": Meaning("Screen", "Active"),
    "Interview date": Meaning("Interview", "Active"),
    "Final date": Meaning("Final", "Active"),
    "Offer date": Meaning("Offer", "Active"),
    "Rejected date": Meaning(None, "Rejected"),
}

# headers jobbook leaves out on purpose (whatever the file): header -> why
IGNORED_HEADERS: dict[str, str] = {
    "id": "the other tracker's row IDs (the book gives its own)",
    "#": "row numbers",
    "no": "row numbers",
    "number": "row numbers",
    "row": "row numbers",
    "index": "row numbers",
    "days since applied": "computed by the tracker from the date applied",
    "days since": "computed by the tracker",
    "days": "computed by the tracker",
    "days open": "computed by the tracker",
    "days waiting": "computed by the tracker",
    "age": "computed by the tracker",
    "follow up due": "computed by jobbook from the dates",
    "flag": "computed by jobbook from the dates",
}

# -- the exports of other tools: their column -> concept (or Ignored) --------------------------------
LINKEDIN_APPLIED: dict[str, str | Ignored] = {
    "Application Date": "Date applied",
    "Company Name": "Company",
    "Job Title": "Role",
    "Job Url": "Posting URL",
    "Resume Name": "Resume",
    "Question And Answers": "Screening questions",
    "Contact Email": Ignored("your own email, as given with the application"),
    "Contact Phone Number": Ignored("your own phone, as given with the application"),
}
LINKEDIN_SAVED: dict[str, str | Ignored] = {
    "Saved Date": "Added on",
    "Company Name": "Company",
    "Job Title": "Role",
    "Job Url": "Posting URL",
}
HUNTR: dict[str, str | Ignored] = {
    "title": "Role",
    "companyName": "Company",
    "url": "Posting URL",
    "listName": "Stage",
    "boardName": "Board",
    "createdAt": "Added on",
    "lastMovedAt": "Moved",
    "location": "Location",
    "salary": "Salary",
    "notes": "Notes",
    "_id": Ignored("Huntr's own IDs"),
    "id": Ignored("Huntr's own IDs"),
    "description": Ignored("the posting's text, as Huntr copied it (its URL is kept)"),
    "htmlDescription": Ignored("the posting's text, as Huntr copied it (its URL is kept)"),
    "color": Ignored("a card colour on Huntr's board"),
    "companyLogo": Ignored("a picture"),
}
TEAL: dict[str, str | Ignored] = {
    "company_name": "Company",
    "role": "Role",
    "url": "Posting URL",
    "applied_at": "Date applied",
    "statusName": "Status",
    "location": "Location",
    "salary": "Salary",
    "min_salary": "Salary min",
    "max_salary": "Salary max",
    "excitement": "Excitement",
    "notes": "Notes",
    "id": Ignored("Teal's own IDs"),
}

# -- status words: what a Status or Stage cell says -------------------------------------------------
# meaning -> the words that say it (a status word maps to one meaning: a test checks it)
STATUS_GROUPS: dict[Meaning, tuple[str, ...]] = {
    # an offer, being weighed or negotiated
    Meaning("Offer", "Active"): (
        "offer", "offered", "offer received", "got offer", "negotiating", "negotiation",
        "negotiating offer",
    ),
    # the offer accepted
    Meaning("Offer", "Accepted"): (
        "accepted", "accepted offer", "offer accepted", "signed", "hired",
    ),
    # the offer declined by the applicant
    Meaning("Offer", "Offer declined"): (
        "declined the offer", "declined offer", "offer declined", "i declined",
        "turned down offer",
    ),
    # an offer taken back
    Meaning("Offer", "Rejected"): (
        "offer rescinded", "rescinded",
    ),
    # "declined" alone: by whom, the row tells (DECLINED)
    Meaning(None, DECLINED): (
        "declined",
    ),
    # the company said no
    Meaning(None, "Rejected"): (
        "rejected", "rejection", "reject", "declined by company", "declined by the company",
        "they declined", "not selected", "not moving forward", "unsuccessful", "turned down",
        "denied", "position filled", "role filled", "position closed", "job closed",
    ),
    # no answer
    Meaning(None, "No response"): (
        "ghosted", "no reply", "no response", "no answer", "never heard back", "never heard",
        "never called back", "not heard back", "havent heard back", "havent heard", "not heard",
        "no news", "no word",
    ),
    # the applicant stepped back
    Meaning(None, "Withdrawn"): (
        "withdrew", "withdrawn", "withdraw", "i withdrew", "withdrew application", "pulled out",
        "no longer interested", "not interested",
    ),
    # a first screen or test
    Meaning("Screen", "Active"): (
        "screen", "screening", "phone screen", "phone call", "recruiter call", "recruiter screen",
        "hr screen", "hr call", "assessment", "online assessment", "oa", "coding challenge",
        "take home", "hirevue", "phone interview",
    ),
    # interviews
    Meaning("Interview", "Active"): (
        "interview", "interviewing", "interviewed", "video interview", "technical interview",
        "first interview", "second interview", "1st interview", "2nd interview", "first round",
        "second round", "1st round", "2nd round", "onsite", "on site",
    ),
    # the last round
    Meaning("Final", "Active"): (
        "final", "final round", "final interview", "superday", "references",
    ),
    # applied
    Meaning("Applied", "Active"): (
        "applied", "submitted", "application submitted", "sent",
    ),
    # open, waiting
    Meaning(None, "Active"): (
        "pending", "in progress", "ongoing", "active", "open", "waiting", "under review",
        "in review", "awaiting response", "in limbo", "on hold",
    ),
    # not applied yet
    Meaning("Wishlist", "Active"): (
        "wishlist", "wish list", "not started", "to apply", "saved", "bookmarked", "applying",
        "interested", "not applied", "not yet applied", "want to apply", "planning to apply",
        "researching",
    ),
}  # fmt: skip
STATUS_WORDS: dict[str, Meaning] = {w: m for m, words in STATUS_GROUPS.items() for w in words}
# words that turn a phrase around: a phrase holding one is understood only as a whole ("no offer"
# is not an offer); the words of a whole phrase above are fine ("not selected")
NEGATIONS = frozenset(
    {"no", "not", "never", "nope", "didnt", "didn", "dont", "havent", "wasnt", "isnt", "without"}
)

# -- other choice columns --------------------------------------------------------------------------
SOURCE_WORDS: dict[str, str] = {
    "linkedin": "LinkedIn",
    "linked in": "LinkedIn",
    "linkedin easy apply": "LinkedIn",
    "easy apply": "LinkedIn",
    "referral": "Referral",
    "referred": "Referral",
    "employee referral": "Referral",
    "company site": "Company site",
    "company website": "Company site",
    "company careers page": "Company site",
    "careers page": "Company site",
    "careers site": "Company site",
    "career site": "Company site",
    "website": "Company site",
    "job board": "Job board",
    "job site": "Job board",
    "recruiter": "Recruiter",
    "headhunter": "Recruiter",
    "agency": "Recruiter",
    "recruiter reached out": "Recruiter",
    "career fair": "Career fair",
    "job fair": "Career fair",
    "network": "Network",
    "networking": "Network",
    "other": "Other",
}
WORK_MODE_WORDS: dict[str, str] = {
    "remote": "Remote",
    "fully remote": "Remote",
    "wfh": "Remote",
    "work from home": "Remote",
    "hybrid": "Hybrid",
    "onsite": "Onsite",
    "on site": "Onsite",
    "in office": "Onsite",
    "in person": "Onsite",
    "office": "Onsite",
}
# a posting's host -> the Source it suggests (LinkedIn's own hosts are LinkedIn)
JOB_BOARD_HOSTS = (
    "indeed.", "glassdoor.", "monster.", "ziprecruiter.", "stepstone.", "welcometothejungle.",
    "wellfound.", "dice.com", "reed.co.uk", "seek.com", "joinhandshake.com", "simplyhired.",
)  # fmt: skip

# -- dates ------------------------------------------------------------------------------------------
# the countries (Settings' Country) whose people write a slash date month first, 05/11/2026 being
# May 11: the US and its territories, the Philippines, Micronesia, the Marshall Islands, Palau,
# Belize. Everywhere else a slash date that could be either is read day first (5 November).
MONTH_FIRST_COUNTRIES = frozenset(
    {"US", "AS", "GU", "MP", "PR", "UM", "VI", "PH", "FM", "MH", "PW", "BZ"}
)

# -- cells that say nothing ------------------------------------------------------------------------
# blank, whatever the column (``clean`` gives None): placeholders and "don't know yet"
BLANK_WORDS = frozenset(
    {
        "", "-", "--", "---", "\u2014", "\u2013", "n/a", "na", "n.a.", "none", "null", "nil",
        "tbd", "tba", "?", "??", "???", "unknown", "select", "select one", "choose",
        "choose one", "pick one", "please select", "-- select --", "select status",
    }
)  # fmt: skip
# a checkbox: ticked or not (openpyxl reads a real checkbox cell as True/False)
TICKED = frozenset({"true", "yes", "y", "x", "\u2713", "\u2714", "\u2611", "\u2705", "done"})
UNTICKED = frozenset({"false", "no", "n", "\u2610", "\u25a1", "0"})
# salary figures per hour, day, week or month: kept in Notes, never as a yearly salary
NOT_YEARLY = ("/h", "/hr", "/hour", "per hour", "an hour", "hourly", "/d", "/day", "per day",
              "/wk", "/week", "per week", "weekly", "/mo", "/month", "per month", "monthly")  # fmt: skip

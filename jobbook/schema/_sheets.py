"""The sheets of SPEC section 2: every table, column and computed-column formula."""

from __future__ import annotations

from ._base import (
    ACTION_TYPES,
    CHANNELS,
    CONTACT_ROLES,
    FLAG_TOO_SOON,
    FLEXIBLE,
    INTERVIEW_FORMATS,
    INTERVIEW_OUTCOMES,
    MONEY_CENTS_FORMAT,
    OFFER_STATUSES,
    OUTCOME_CANCELLED,
    PERCENT_FORMAT,
    QUESTION_CATEGORIES,
    SOURCES,
    STAGES,
    STATUSES,
    WORK_MODES,
    YES_NO,
    Column,
    Table,
    action_unknown,
    after_as_of,
    closing_action,
    done_by,
    flag_formula,
    last_contact_known,
    lookup_formula,
)
from ._history import HISTORY
from ._links import FEEDBACK_LINK, THANK_YOU_LINK, MailLink


def _n(col: str) -> str:
    """A number cell read with blanks as 0."""
    return f"N([@{col}])"


_BASE = 'IF([@Final base]<>"",[@Final base],[@Base salary])'
_NO_OFFER = 'AND([@Base salary]="",[@Final base]="")'
_COMMUTE_YEAR = f"{_n('Onsite days/week')}*WorkWeeksPerYear*{_n('Commute cost/day')}"
_ONE_TIME = f"({_n('Signing bonus')}+{_n('Relocation allowance')}-{_n('Relocation cost')})"
_RECURRING = "[@Recurring total]"


def _link(link: MailLink) -> Column:
    """A mailto: link column (``_links``): the formula compiled from the link's template."""
    return Column(link.header, "text", formula=link.formula(), width=17, note=link.note)


def _offer(expr: str) -> str:
    return f'IF({_NO_OFFER},"",{expr})'


# -- offers over the years (SPEC section 5.1) --------------------------------------------------------

YEARS = 4  # the years shown: 1 to 4
YEAR_TOTALS = tuple(f"Year {k} total" for k in range(1, YEARS + 1))
VESTING_SCHEDULES_NAME = "VestingSchedules"  # defined name: the Schedule column of Vesting
_VEST = "[@Vesting years]"
_GRANT = _n("Equity grant value")
_SCHEDULE_ROW = "MATCH([@Vesting schedule],Vesting[Schedule],0)"
_UNKNOWN_SCHEDULE = f'AND([@Vesting schedule]<>"",ISNA({_SCHEDULE_ROW}))'
_FIXED = (
    f"{_BASE}+N([@Annual bonus])+N([@Retirement match])+{_n('Benefits value')}"
    "-N([@Commute cost/year])"
)


def _year_total(k: int) -> str:
    """Year k: the recurring pay without equity, the grant's share of year k (the schedule's, else
    the even share), the refresh grants still vesting, and in year 1 the one-time amounts."""
    even = f"IF({_n('Vesting years')}<=0,0,MAX(0,MIN(1,{_VEST}-{k - 1}))/{_VEST})"
    share = f'IF([@Vesting schedule]="",{even},N(INDEX(Vesting[Year {k} %],{_SCHEDULE_ROW})))'
    parts = [_FIXED, f"{_GRANT}*{share}"]
    if k > 1:
        parts.append(
            f"IF({_n('Vesting years')}<=0,0,{_n('Refresh % per year')}*{_GRANT}*{k - 1}/{_VEST})"
        )
    else:
        parts.append(_ONE_TIME)
    return _offer(f'IF({_UNKNOWN_SCHEDULE},"",{"+".join(parts)})')


# The offer's start in Transition (its first row): Agreed start, else Earliest start; "" if none.
_T_ROW = "MATCH([@ID],Transition[Offer ID],0)"
_START = (
    f'IFERROR(IF(INDEX(Transition[Agreed start],{_T_ROW})<>"",'
    f"INT(INDEX(Transition[Agreed start],{_T_ROW})),INDEX(Transition[Earliest start],{_T_ROW})),"
    '"")'
)
_MONTHS = "[@Sign-on clawback months]"
_CLAWBACK = _offer(
    f'IF(N({_MONTHS})<=0,"",IF(OR({_START}="",{{TODAY}}<{_START}),{_n("Signing bonus")},'
    f'{_n("Signing bonus")}*MAX(0,{_MONTHS}-DATEDIF({_START},{{TODAY}},"m"))/{_MONTHS}))'
)
_COL_INDEX = "IF(ISNUMBER([@Cost of living index]),[@Cost of living index],100)"


# The follow-up clock's Last contact as the as-of date knows it.
_CONTACT = last_contact_known()


# -- the sheets -------------------------------------------------------------------------------------

PIPELINE = Table(
    "Pipeline",
    (
        Column("ID", "id", True, True, note="A short unique ID for this application, e.g. A001."),
        Column("Company", "text", True, True, note="The employer.", width=22),
        Column("Role", "text", note="Job title as posted.", width=26),
        Column("Location", "text", note="City or region."),
        Column("Work mode", "choice", choices=WORK_MODES, note="Onsite, Hybrid or Remote."),
        Column(
            "Source",
            "choice",
            True,
            choices=SOURCES,
            strict=False,
            note="Where you found it: Referral, Company site, LinkedIn, Job board, Recruiter, "
            "Career fair, Network or Other (other text is kept as written).",
        ),
        Column("Posting URL", "text", note="Link to the job posting.", width=24),
        Column(
            "Date applied",
            "date",
            True,
            note="The day you applied. Leave blank while the job is on your wishlist.",
        ),
        Column(
            "Stage",
            "choice",
            True,
            True,
            choices=STAGES,
            note="Furthest stage reached: Wishlist < Applied < Screen < Interview < Final < Offer.",
        ),
        Column(
            "Status",
            "choice",
            True,
            True,
            choices=STATUSES,
            note="Active, Rejected, Withdrawn, No response, Offer declined or Accepted.",
        ),
        Column("First response", "date", note="Day of the first reply (call, email, rejection)."),
        Column(
            "Last contact", "date", note="Day of the latest exchange; restarts the follow-up clock."
        ),
        Column("Next action", "text", note="What you will do next.", width=24),
        Column("Next action due", "date", note="When the next action is due."),
        Column("Salary min", "money", lo=0, note="Low end of the posted or discussed range."),
        Column("Salary max", "money", lo=0, note="High end of the posted or discussed range."),
        Column("Excitement", "rating", lo=1, hi=5, note="How much you want it, 1 (meh) to 5."),
        Column("Notes", "text", width=30, note="Anything worth remembering."),
        Column(
            "Follow-up due",
            "date",
            formula=(
                f'IF(AND([@Status]="Active",MAX([@Date applied],{_CONTACT})>0,'
                f"NOT({after_as_of('Date applied')}),"
                f"NOT(AND({closing_action()},NOT({action_unknown()})))),"
                f'WORKDAY(MAX([@Date applied],{_CONTACT}),FollowUpDays,{{HOLIDAYS}}),"")'
            ),
            note="Computed: FollowUpDays business days after the later of Date applied and "
            "Last contact (one after the as-of date does not count yet), for Active "
            "applications; none while the Next action is to withdraw or decline, or before "
            "Date applied.",
        ),
        Column(
            "Flag",
            "text",
            formula=(
                'IF(OR([@Status]<>"Active",'
                + after_as_of("Date applied")
                + ',COUNT([@Follow-up due],[@Next action due])=0),"",'
                + f"IF({action_unknown()},"
                + flag_formula("[@Follow-up due]")
                + ","
                + flag_formula("MIN([@Follow-up due],[@Next action due])", raw=True)
                + "))"
            ),
            width=11,
            note="Computed: the flag of the sooner of Follow-up due and Next action due "
            "(Active applications).",
        ),
    ),
    note="One row per job: applications and your wishlist.",
    id_column="ID",
)

INTERVIEWS = Table(
    "Interviews",
    (
        Column("ID", "id", True, True, note="A short unique ID for this interview, e.g. I001."),
        Column(
            "Application ID",
            "id",
            True,
            True,
            note="The Pipeline ID of the application.",
            width=14,
            ref="Pipeline",
        ),
        Column(
            "Company",
            "text",
            formula=lookup_formula("Pipeline", "Company", "[@Application ID]"),
            width=20,
            note="Computed from Pipeline.",
        ),
        Column("Round", "text", note="e.g. Recruiter screen, Technical, Final.", width=16),
        Column(
            "Date",
            "date",
            True,
            True,
            note="Day of the interview, with its time if you know it (2026-03-05 14:30).",
            width=18,
            keeps_time=True,
        ),
        Column("Format", "choice", choices=INTERVIEW_FORMATS, note="Phone, Video or Onsite."),
        Column(
            "Location",
            "text",
            width=24,
            note="Where: the address, or the video-call link (shown in the calendar export).",
        ),
        Column("Interviewers", "text", width=24, note="Who you met (add them to Contacts)."),
        Column("Thank-you sent", "done", note="Day you sent the thank-you note (any mark counts)."),
        Column(
            "Thank-you due",
            "date",
            formula=(
                'IF([@Date]="","",IF(OR([@Outcome]="'
                + OUTCOME_CANCELLED
                + '",'
                + after_as_of("Date")
                + '),"",WORKDAY([@Date],ThankYouDays,{HOLIDAYS})))'
            ),
            note="Computed: ThankYouDays business days after the interview, once it has taken "
            "place; none for a Cancelled one.",
        ),
        Column(
            "Thank-you flag",
            "text",
            formula=flag_formula("[@Thank-you due]", done_by("Thank-you sent")),
            width=14,
            note="Computed: Done, Overdue, Due today, Due soon.",
        ),
        Column(
            "Outcome",
            "choice",
            choices=INTERVIEW_OUTCOMES,
            note="Pending, Advanced, Rejected, Offer or Cancelled (it will not take place: no "
            "thank-you is due).",
        ),
        Column("Outcome date", "date", note="Day you heard the outcome."),
        Column("Self-rating", "rating", lo=1, hi=5, note="How it went, 1 (badly) to 5 (great)."),
        Column("Went well", "text", width=26, note="What worked."),
        Column("To improve", "text", width=26, note="What to do better next time."),
        _link(THANK_YOU_LINK),
    ),
    note="One row per interview round.",
    id_column="ID",
)

CONTACTS = Table(
    "Contacts",
    (
        Column("Name", "text", True, True, note="Full name.", width=20),
        Column("Title", "text", note="Their job title.", width=20),
        Column("Company", "text", True, True, note="Their employer.", width=20),
        Column(
            "Application ID",
            "id",
            note="Pipeline ID this contact belongs to.",
            width=14,
            ref="Pipeline",
        ),
        Column(
            "Role in process",
            "choice",
            choices=CONTACT_ROLES,
            note="Recruiter, Hiring manager, Interviewer, Referral or Other.",
        ),
        Column("Email", "text", width=24, note="Email address."),
        Column("Phone", "text", note="Phone number (kept as text)."),
        Column("LinkedIn", "text", width=24, note="Profile link."),
        Column("Met on", "date", note="Day you first met or spoke."),
        Column("Notes", "text", width=30, note="What you talked about."),
    ),
    note="The people you meet.",
)

QUESTIONS = Table(
    "Questions",
    (
        Column("ID", "id", True, True, note="A short unique ID, e.g. Q001."),
        Column(
            "Interview ID",
            "id",
            note="The Interviews ID where it was asked.",
            width=13,
            ref="Interviews",
        ),
        Column("Question", "text", True, True, note="The question as asked.", width=40),
        Column(
            "Category",
            "choice",
            choices=QUESTION_CATEGORIES,
            note="Behavioral, Technical, Situational, Company, Motivation, Salary or Other.",
        ),
        Column("My answer", "text", width=34, note="What you answered."),
        Column("Self-rating", "rating", lo=1, hi=5, note="How good your answer was, 1 to 5."),
        Column(
            "Answer differently?",
            "choice",
            choices=YES_NO,
            note="Yes if you would answer differently.",
        ),
        Column("Better answer", "text", width=34, note="The answer to practise."),
        Column("Times practiced", "int", lo=0, note="How many times you rehearsed it."),
        Column("Last practiced", "date", note="Day you last rehearsed it."),
    ),
    note="Questions asked in interviews and how you answered.",
    id_column="ID",
)

OFFERS = Table(
    "Offers",
    (
        Column("ID", "id", True, True, note="A short unique ID, e.g. O01."),
        Column(
            "Application ID",
            "id",
            True,
            True,
            note="The Pipeline ID of the application.",
            width=14,
            ref="Pipeline",
        ),
        Column(
            "Company",
            "text",
            formula=lookup_formula("Pipeline", "Company", "[@Application ID]"),
            width=18,
            note="Computed from Pipeline.",
        ),
        Column("Role", "text", width=20, note="Title on the offer letter."),
        Column("Offer date", "date", True, True, note="Day the offer arrived."),
        Column("Deadline given", "date", note="The decision deadline they gave, if any."),
        Column(
            "Decision due",
            "date",
            formula=(
                f'IF({after_as_of("Offer date")},"",'
                'IF([@Deadline given]<>"",INT([@Deadline given]),IF([@Offer date]="","",'
                "WORKDAY([@Offer date],DecisionDays,{HOLIDAYS}))))"
            ),
            note="Computed: Deadline given, else DecisionDays business days after the offer.",
        ),
        Column(
            "Decision flag",
            "text",
            formula=flag_formula(
                "[@Decision due]",
                'AND([@Status]<>"",[@Status]<>"Pending",[@Status]<>"Negotiating")',
            ),
            width=13,
            note="Computed: Done once Status is no longer Pending or Negotiating.",
        ),
        Column("Base salary", "money", True, True, lo=0, note="Yearly base salary offered."),
        Column(
            "Bonus target %", "percent", lo=0, note="Target bonus as a share of base (10% = 0.10)."
        ),
        Column("Signing bonus", "money", lo=0, note="One-time signing bonus."),
        Column(
            "Sign-on clawback months",
            "int",
            lo=0,
            note="Months after your start within which leaving means repaying the signing bonus "
            "(blank: no clawback).",
        ),
        Column("Relocation allowance", "money", lo=0, note="One-time relocation payment."),
        Column("Relocation cost", "money", lo=0, note="What moving would really cost you."),
        Column("Equity grant value", "money", lo=0, note="Total value of the equity grant."),
        Column("Vesting years", "number", lo=0, note="Years over which the grant vests."),
        Column(
            "Vesting schedule",
            "text",
            dropdown=VESTING_SCHEDULES_NAME,
            note="A schedule of the Vesting table in Settings (e.g. 5/15/40/40: the share vesting "
            "each year). Blank: the grant vests evenly over Vesting years.",
        ),
        Column(
            "Refresh % per year",
            "percent",
            lo=0,
            note="A refresh grant each year from year 2, as a share of the initial grant, each "
            "vesting evenly over Vesting years (10% = 0.10).",
        ),
        Column(
            "Retirement match %",
            "percent",
            lo=0,
            note="Employer retirement match as a share of base.",
        ),
        Column("Benefits value", "money", lo=0, note="Yearly value of health and other benefits."),
        Column("PTO days", "int", lo=0, note="Paid days off per year."),
        Column("Onsite days/week", "number", lo=0, hi=7, note="Days per week in the office."),
        Column(
            "Commute cost/day",
            "money",
            lo=0,
            number_format=MONEY_CENTS_FORMAT,
            note="Cost of one round trip.",
        ),
        Column("Commute minutes one-way", "int", lo=0, note="Minutes from door to desk."),
        Column("Flexible hours", "choice", choices=FLEXIBLE, note="Yes, Partial or No."),
        Column(
            "Cost of living index",
            "number",
            lo=10,
            hi=1000,
            note="Cost of living where the job is: 100 = where you live now, 120 = 20% dearer "
            "(blank: 100).",
        ),
        Column(
            "Tax rate %",
            "percent",
            lo=0,
            hi=1,
            note="Your own estimate of the share of pay lost to tax (blank: 0).",
        ),
        Column(
            "Status",
            "choice",
            choices=OFFER_STATUSES,
            note="Pending, Negotiating, Accepted, Declined, Expired or Rescinded.",
        ),
        Column("Counter base", "money", lo=0, note="The base you asked for."),
        Column(
            "Final base",
            "money",
            lo=0,
            note="The base agreed; used instead of Base salary once set.",
        ),
        Column("Notes", "text", width=30, note="Anything else about the offer."),
        Column(
            "Annual bonus",
            "money",
            formula=_offer(f"{_BASE}*{_n('Bonus target %')}"),
            note="Computed: Base x Bonus target %.",
        ),
        Column(
            "Equity per year",
            "money",
            formula=_offer(
                f"IF({_n('Vesting years')}=0,0,{_n('Equity grant value')}/[@Vesting years])"
            ),
            note="Computed: Equity grant value / Vesting years.",
        ),
        Column(
            "Retirement match",
            "money",
            formula=_offer(f"{_BASE}*{_n('Retirement match %')}"),
            note="Computed: Base x Retirement match %.",
        ),
        Column(
            "Commute cost/year",
            "money",
            formula=_offer(_COMMUTE_YEAR),
            note="Computed: Onsite days/week x WorkWeeksPerYear x Commute cost/day.",
        ),
        Column(
            "Recurring total",
            "money",
            formula=_offer(
                f"{_BASE}+N([@Annual bonus])+N([@Equity per year])+N([@Retirement match])"
                f"+{_n('Benefits value')}-N([@Commute cost/year])"
            ),
            note="Computed: Base + bonus + equity/year + match + benefits - commute.",
        ),
        Column(
            "First-year total",
            "money",
            formula=_offer(f"{_RECURRING}+{_ONE_TIME}"),
            note="Computed: Recurring total + signing + relocation allowance - relocation cost.",
        ),
        Column(
            "Average annual total",
            "money",
            formula=_offer(f'IF(HorizonYears>0,{_RECURRING}+{_ONE_TIME}/HorizonYears,"")'),
            note="Computed: Recurring total + one-time amounts spread over HorizonYears.",
        ),
        Column(
            "Effective hourly",
            "money",
            number_format=MONEY_CENTS_FORMAT,
            formula=_offer(
                'IFERROR({r}/(HoursPerWeek*WorkWeeksPerYear+2*{m}/60*{d}*WorkWeeksPerYear),"")'.format(
                    r=_RECURRING, m=_n("Commute minutes one-way"), d=_n("Onsite days/week")
                )
            ),
            note="Computed: Recurring total per hour of work and commute.",
        ),
        *(
            Column(
                header,
                "money",
                formula=_year_total(k),
                note=f"Computed: what year {k} pays: base, bonus, match, benefits - commute, "
                "the equity vesting that year (Vesting schedule, else even), refresh grants"
                + (", signing bonus and relocation." if k == 1 else "."),
            )
            for k, header in enumerate(YEAR_TOTALS, 1)
        ),
        Column(
            "After-tax year 1",
            "money",
            formula=_offer('IF([@Year 1 total]="","",[@Year 1 total]*(1-N([@Tax rate %])))'),
            note="Computed: Year 1 total x (1 - Tax rate %).",
        ),
        Column(
            "Cost-of-living adjusted average",
            "money",
            width=32,
            formula=_offer(
                f'IF(OR([@Average annual total]="",{_COL_INDEX}<=0),"",'
                f"[@Average annual total]*100/{_COL_INDEX})"
            ),
            note="Computed: Average annual total x 100 / Cost of living index.",
        ),
        Column(
            "Clawback at risk",
            "money",
            formula=_CLAWBACK,
            note="Computed: the signing bonus to repay if you left on the as-of date: in "
            "proportion to the clawback months not yet served since the start in Transition.",
        ),
    ),
    note="One row per offer; the computed columns give its real value.",
    id_column="ID",
)

NEGOTIATION = Table(
    "Negotiation",
    (
        Column("Offer ID", "id", True, True, note="The Offers ID.", width=10, ref="Offers"),
        Column("Date", "date", True, True, note="Day of the exchange."),
        Column("Channel", "choice", choices=CHANNELS, note="Phone, Email, Video or In person."),
        Column("Ask", "text", width=28, note="What you asked for."),
        Column("Arguments", "text", width=30, note="Why: market data, competing offers, scope."),
        Column("Market P50", "money", lo=0, note="Median pay for the role (your research)."),
        Column("Market P75", "money", lo=0, note="75th percentile pay for the role."),
        Column("Response", "text", width=28, note="What they said."),
        Column("Result", "text", width=24, note="What changed."),
    ),
    note="A log of each negotiation exchange.",
)

LESSONS = Table(
    "Lessons",
    (
        Column(
            "Application ID", "id", True, True, note="The Pipeline ID.", width=14, ref="Pipeline"
        ),
        Column("Decision date", "date", note="Day of the decision (rejection or your decline)."),
        Column("Feedback requested", "done", note="Day you asked for feedback."),
        Column("Feedback received", "done", note="Day feedback arrived."),
        Column("Feedback", "text", width=30, note="What they said."),
        Column("Lesson", "text", width=30, note="What you take from it."),
        Column("Action", "text", width=28, note="What you will do about it."),
        Column(
            "Action type",
            "choice",
            choices=ACTION_TYPES,
            note="Practice answers, Rehearsal, Training, Book, Coaching or Other.",
        ),
        Column("Due", "date", note="When the action is due."),
        Column("Done", "done", note="Day the action was done (any mark counts)."),
        Column(
            "Flag",
            "text",
            formula=flag_formula(
                "[@Due]", done_by("Done"), raw=True, unless=after_as_of("Decision date")
            ),
            width=11,
            note="Computed: Done, Overdue, Due today, Due soon.",
        ),
        _link(FEEDBACK_LINK),
    ),
    note="Feedback after a decision and the improvement plan.",
    id_column="Application ID",
)

# The one array formula: IDs of Active applications other than the accepted offer's.
_OFFER_APP = "INDEX(Offers[Application ID],MATCH([@Offer ID],Offers[ID],0))"
_WITHDRAW = (
    f'IFERROR(_xlfn.TEXTJOIN(", ",TRUE,IF((Pipeline[Status]="Active")*ISNUMBER(Pipeline[Date applied])*(Pipeline[ID]<>{_OFFER_APP}),'
    'Pipeline[ID],"")),"")'
)

TRANSITION = Table(
    "Transition",
    (
        Column(
            "Offer ID", "id", True, True, note="The accepted Offers ID.", width=10, ref="Offers"
        ),
        Column("Accepted on", "date", note="Day you accepted."),
        Column("Notice given", "date", note="Day you gave notice at your current job."),
        Column(
            "Notice weeks",
            "number",
            lo=0,
            hi=52,
            note="Weeks of notice (blank: NoticeWeeks in Settings).",
        ),
        Column(
            "Last day",
            "date",
            formula=(
                'IF([@Notice given]="","",WORKDAY([@Notice given],'
                '5*IF([@Notice weeks]="",NoticeWeeks,[@Notice weeks]),{HOLIDAYS}))'
            ),
            note="Computed: 5 x Notice weeks business days after notice.",
        ),
        Column(
            "Rest days",
            "int",
            lo=0,
            hi=366,
            note="Days off between jobs (blank: RestDays in Settings).",
        ),
        Column(
            "Earliest start",
            "date",
            formula=(
                'IF([@Last day]="","",WORKDAY([@Last day]+IF([@Rest days]="",RestDays,[@Rest days]),'
                "1,{HOLIDAYS}))"
            ),
            note="Computed: first business day after the last day plus the rest days.",
        ),
        Column("Agreed start", "date", note="The start date agreed with the new employer."),
        Column(
            "Start flag",
            "text",
            formula=(
                'IF(OR([@Agreed start]="",[@Earliest start]=""),"",'
                f'IF(INT([@Agreed start])<[@Earliest start],"{FLAG_TOO_SOON}",""))'
            ),
            width=11,
            note="Computed: Too soon when the agreed start is before the earliest start.",
        ),
        Column(
            "Applications to withdraw",
            "text",
            formula=_WITHDRAW,
            width=28,
            note="Computed: the other Active applications (with a Date applied) to withdraw, by Pipeline ID.",
        ),
    ),
    note="After accepting an offer: notice, rest and start date.",
    id_column="Offer ID",
)

HOLIDAYS_TABLE = Table(
    "Holidays",
    (
        Column("Date", "date", True, True, note="A public holiday: not a business day."),
        Column("Name", "text", note="Name of the holiday.", width=28),
    ),
    note="Public holidays; every business-day formula skips them.",
)

VESTING_TABLE = Table(
    "Vesting",
    (
        Column(
            "Schedule",
            "text",
            True,
            True,
            width=14,
            note="The schedule's name, as picked in Offers' Vesting schedule.",
        ),
        *(
            Column(
                f"Year {k} %",
                "percent",
                k == 1,
                lo=0,
                hi=1,
                width=10,
                number_format=PERCENT_FORMAT,
                note=f"Share of the grant vesting in year {k}; the years add up to 100%.",
            )
            for k in range(1, YEARS + 1)
        ),
    ),
    note="Vesting schedules: the share of an equity grant that vests in each year.",
)
# The schedules every new workbook starts with (users add rows).
VESTING_SCHEDULES: tuple[tuple[str, tuple[float, ...]], ...] = (
    ("5/15/40/40", (0.05, 0.15, 0.40, 0.40)),
    ("40/30/20/10", (0.40, 0.30, 0.20, 0.10)),
    ("25/25/25/25", (0.25, 0.25, 0.25, 0.25)),
    ("34/33/33/0", (0.34, 0.33, 0.33, 0.0)),
)
# Company aliases (SPEC section 14): another name a company goes by in mail, its tracking
# system's tenant or its mail domain (alias -> the Company as Pipeline spells it)
COMPANY_ALIASES_TITLE = "Company aliases"
COMPANY_ALIASES_TABLE = Table(
    "CompanyAliases",
    (
        Column(
            "Alias",
            "text",
            True,
            True,
            width=22,
            note="Another name of the company in mail: a brand, a former name, the tenant of its "
            "tracking system (relx in relx@myworkday.com) or its mail domain (elsevier.com).",
        ),
        Column(
            "Company",
            "text",
            True,
            True,
            width=22,
            note="The company as the Pipeline sheet names it.",
        ),
    ),
    note="Company aliases: other names a company goes by in mail (jobbook mail reads them).",
)
OFFER_YEARS_SHEET = "Offer years"  # offers down, years across (computed; not a table of inputs)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        PIPELINE, INTERVIEWS, CONTACTS, QUESTIONS, OFFERS, NEGOTIATION, LESSONS, TRANSITION,
        HISTORY,
    )
}  # fmt: skip
SHEET_ORDER = (*(n for n in TABLES if n != HISTORY.name), "Settings", "Dashboard")
_AT = SHEET_ORDER.index("Offers") + 1
SHEET_ORDER = (*SHEET_ORDER[:_AT], OFFER_YEARS_SHEET, *SHEET_ORDER[_AT:], HISTORY.name)


def table_for(name: str) -> Table:
    """The schema of sheet `name` (KeyError if it is not a table sheet)."""
    return TABLES[name]

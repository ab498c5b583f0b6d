"""The Offers sheet: one row per offer, its value (docs/definitions.md § What an offer is
worth) and its years (§ Year by year)."""

from __future__ import annotations

from ._base import (
    FLEXIBLE,
    MONEY_CENTS_FORMAT,
    OFFER_STATUSES,
    Column,
    Table,
    after_as_of,
    flag_formula,
    lookup_formula,
)
from ._parts import num

_BASE = 'IF([@Final base]<>"",[@Final base],[@Base salary])'
_NO_OFFER = 'AND([@Base salary]="",[@Final base]="")'
_COMMUTE_YEAR = f"{num('Onsite days/week')}*WorkWeeksPerYear*{num('Commute cost/day')}"
_ONE_TIME = f"({num('Signing bonus')}+{num('Relocation allowance')}-{num('Relocation cost')})"
_RECURRING = "[@Recurring total]"


def _offer(expr: str) -> str:
    return f'IF({_NO_OFFER},"",{expr})'


# -- offers over the years (docs/definitions.md § Year by year) ------------------------------------

YEARS = 4  # the years shown: 1 to 4
YEAR_TOTALS = tuple(f"Year {k} total" for k in range(1, YEARS + 1))
VESTING_SCHEDULES_NAME = "VestingSchedules"  # defined name: the Schedule column of Vesting
_VEST = "[@Vesting years]"
_GRANT = num("Equity grant value")
_SCHEDULE_ROW = "MATCH([@Vesting schedule],Vesting[Schedule],0)"
_UNKNOWN_SCHEDULE = f'AND([@Vesting schedule]<>"",ISNA({_SCHEDULE_ROW}))'
_FIXED = (
    f"{_BASE}+N([@Annual bonus])+N([@Retirement match])+{num('Benefits value')}"
    "-N([@Commute cost/year])"
)


def _year_total(k: int) -> str:
    """Year k: the recurring pay without equity, the grant's share of year k (the schedule's, else
    the even share), the refresh grants still vesting, and in year 1 the one-time amounts."""
    even = f"IF({num('Vesting years')}<=0,0,MAX(0,MIN(1,{_VEST}-{k - 1}))/{_VEST})"
    share = f'IF([@Vesting schedule]="",{even},N(INDEX(Vesting[Year {k} %],{_SCHEDULE_ROW})))'
    parts = [_FIXED, f"{_GRANT}*{share}"]
    if k > 1:
        parts.append(
            f"IF({num('Vesting years')}<=0,0,{num('Refresh % per year')}*{_GRANT}*{k - 1}/{_VEST})"
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
    f'IF(N({_MONTHS})<=0,"",IF(OR({_START}="",{{TODAY}}<{_START}),{num("Signing bonus")},'
    f'{num("Signing bonus")}*MAX(0,{_MONTHS}-DATEDIF({_START},{{TODAY}},"m"))/{_MONTHS}))'
)
_COL_INDEX = "IF(ISNUMBER([@Cost of living index]),[@Cost of living index],100)"


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
            formula=_offer(f"{_BASE}*{num('Bonus target %')}"),
            note="Computed: Base x Bonus target %.",
        ),
        Column(
            "Equity per year",
            "money",
            formula=_offer(
                f"IF({num('Vesting years')}=0,0,{num('Equity grant value')}/[@Vesting years])"
            ),
            note="Computed: Equity grant value / Vesting years.",
        ),
        Column(
            "Retirement match",
            "money",
            formula=_offer(f"{_BASE}*{num('Retirement match %')}"),
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
                f"+{num('Benefits value')}-N([@Commute cost/year])"
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
                    r=_RECURRING, m=num("Commute minutes one-way"), d=num("Onsite days/week")
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

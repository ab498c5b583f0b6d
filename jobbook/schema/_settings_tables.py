"""The tables of the Settings sheet: Holidays, Vesting (and its schedules), Company aliases."""

from __future__ import annotations

from ._base import PERCENT_FORMAT, Column, Table
from ._offers import YEARS

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
# Company aliases (README § Your mail): another name a company goes by in mail, its tracking
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

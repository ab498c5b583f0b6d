"""The sheets of docs/definitions.md § The workbook, one module per sheet (``_pipeline``,
``_interviews``, ``_contacts``, ``_questions``, ``_offers``, ``_negotiation``, ``_lessons``,
``_transition``, the Settings sheet's tables in ``_settings_tables``), put in order here."""

from __future__ import annotations

from ._base import Table
from ._contacts import CONTACTS
from ._history import HISTORY
from ._interviews import INTERVIEWS
from ._lessons import LESSONS
from ._negotiation import NEGOTIATION
from ._offers import OFFERS, VESTING_SCHEDULES_NAME, YEAR_TOTALS, YEARS
from ._pipeline import PIPELINE
from ._questions import QUESTIONS
from ._settings_tables import (
    COMPANY_ALIASES_TABLE,
    COMPANY_ALIASES_TITLE,
    HOLIDAYS_TABLE,
    VESTING_SCHEDULES,
    VESTING_TABLE,
)
from ._transition import TRANSITION

__all__ = [
    "COMPANY_ALIASES_TABLE",
    "COMPANY_ALIASES_TITLE",
    "CONTACTS",
    "HOLIDAYS_TABLE",
    "INTERVIEWS",
    "LESSONS",
    "NEGOTIATION",
    "OFFERS",
    "OFFER_YEARS_SHEET",
    "PIPELINE",
    "QUESTIONS",
    "SHEET_ORDER",
    "TABLES",
    "TRANSITION",
    "VESTING_SCHEDULES",
    "VESTING_SCHEDULES_NAME",
    "VESTING_TABLE",
    "YEARS",
    "YEAR_TOTALS",
    "table_for",
]

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

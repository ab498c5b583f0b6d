"""The pure core: business days, deadlines, statistics and offer value.

Nothing here imports openpyxl, xlwings or the command-line library: it takes and returns plain
values and pandas DataFrames, so every face of jobbook (CLI, template, Excel functions, reports)
computes the same figures.
"""

from .calendar import BusinessCalendar, as_date, public_holidays, to_days
from .computed import Context, compute_all, computed_table
from .deadlines import deadline_records, deadlines
from .flags import flags
from .offers import offer_value, offer_values, rank_offers
from .settings import Settings
from .stats import by_month, outcome_stats, parse_month

__all__ = [
    "BusinessCalendar",
    "Context",
    "Settings",
    "as_date",
    "by_month",
    "compute_all",
    "computed_table",
    "deadline_records",
    "deadlines",
    "flags",
    "offer_value",
    "offer_values",
    "outcome_stats",
    "parse_month",
    "public_holidays",
    "rank_offers",
    "to_days",
]

"""jobbook: a job-search workbook with a Python core, Excel functions and a command line."""

from .core import BusinessCalendar, Settings, deadlines, offer_value, offer_values, outcome_stats
from .errors import JobbookError
from .problems import Problem
from .reader import Book, read_book

__version__ = "0.1.0"

__all__ = [
    "Book",
    "BusinessCalendar",
    "JobbookError",
    "Problem",
    "Settings",
    "__version__",
    "deadlines",
    "offer_value",
    "offer_values",
    "outcome_stats",
    "read_book",
]

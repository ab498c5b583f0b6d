"""jobbook: a job-search workbook with a Python core, Excel functions and a command line.

book = jobbook.read_book("search.xlsx")
jobbook.views.stats(book)        # SPEC section 4, as `jobbook stats --json` prints it
jobbook.views.offers(book)       # section 5, ranked
jobbook.views.deadlines(book)    # section 3, soonest first
"""

from . import views
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
    "views",
]

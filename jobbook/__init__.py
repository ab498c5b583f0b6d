"""jobbook: a job-search workbook with a Python core, Excel functions and a command line.

book = jobbook.read_book("search.xlsx")
jobbook.views.stats(book)        # docs/definitions.md § Statistics, as `jobbook stats --json` prints it
jobbook.views.offers(book)       # section 5, ranked
jobbook.views.deadlines(book)    # section 3, soonest first

The names below are imported on first use, so that ``import jobbook`` (and ``jobbook --help``)
stays instant: pandas and numpy load only when a book is read or a figure computed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import JobbookError
from .problems import Problem

__version__ = "0.1.0"

_LAZY = {
    "views": (".views", None),
    "Book": (".reader", "Book"),
    "read_book": (".reader", "read_book"),
    "BusinessCalendar": (".core", "BusinessCalendar"),
    "Settings": (".core", "Settings"),
    "deadlines": (".core", "deadlines"),
    "offer_value": (".core", "offer_value"),
    "offer_values": (".core", "offer_values"),
    "outcome_stats": (".core", "outcome_stats"),
}

if TYPE_CHECKING:
    from . import views
    from .core import (
        BusinessCalendar,
        Settings,
        deadlines,
        offer_value,
        offer_values,
        outcome_stats,
    )
    from .reader import Book, read_book


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'jobbook' has no attribute {name!r}")
    module, attr = _LAZY[name]
    found = importlib.import_module(module, __name__)
    value = found if attr is None else getattr(found, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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

"""Teal's job tracker CSV export: its columns in ``vocabulary.TEAL`` (``company_name``, ``role``,
``url``, ``applied_at``, ``statusName``: Bookmarked, Applying, Applied, Interviewing, Negotiating,
Accepted, I Withdrew, Not Selected, No Response; ``location``, ``salary``/``min_salary``/
``max_salary``, ``excitement`` (1-5) and ``notes`` when present). A row without notes says where
it came from in Notes."""

from __future__ import annotations

from ._common import clean
from .vocabulary import TEAL

NEEDED = ("company_name", "role")

__all__ = ["finish", "recognise", "table"]


def recognise(header: list[str]) -> bool:
    return all(n in header for n in NEEDED)


def table(header: list[str]) -> dict:
    return TEAL


def finish(built, sheet, row) -> None:
    v = built.found.values
    cols = sheet.columns.concepts.get("Status", [])
    status = next((clean(row.get(c)) for c in cols if clean(row.get(c))), None)
    v.setdefault("Notes", f"Imported from Teal ({status or 'no status'})")

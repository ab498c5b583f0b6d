"""Cell values as History's Old and New hold them: text, as people read it (``2026-10-05``,
``85000``, ``TRUE``), whatever the cell held. A formula is its text (``=H2+30``); a text that
itself starts with ``=`` or ``'`` gets a leading ``'`` (as typing it into Excel would), so that
a value from outside is never taken back as a formula. ``from_text`` reads a value back for a
column of a given kind."""

from __future__ import annotations

import datetime as dt
import math
import re

from ..changes import Formula
from ..schema import DATE_KINDS, NUMERIC_KINDS

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")

__all__ = ["from_text", "number_text", "to_text", "xml_text"]


def number_text(value: float | int) -> str:
    """``85000`` for 85000.0, ``0.1`` for 0.1 (the shortest text that reads back the same)."""
    f = float(value)
    if not math.isfinite(f):
        return str(value)
    return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)


def _date_text(value: dt.date) -> str:
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d") if value.year >= 1000 else value.isoformat()[:10]


def _literal(text: str) -> str:
    return "'" + text if text.startswith(("=", "'")) else text


def to_text(value: object) -> str:
    """A value as History writes it ("" for a blank)."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalars
    if value is None or type(value).__name__ in ("NaTType", "NAType"):
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, Formula):
        return "=" + str(value).removeprefix("=")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.date):
        return _date_text(value)
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, str):
        return _literal(value)
    return _literal(str(value))


def xml_text(kind: str, text: str | None) -> str:
    """A cell as the editor found it in the sheet XML (``_sheet._old``: its kind and text) as
    History writes it."""
    if text is None or kind == "blank":
        return ""
    if kind == "formula":
        return text  # already "=..."
    if kind == "n":
        try:
            return number_text(float(text))
        except ValueError:
            return text
    if kind == "b":
        return "TRUE" if text in ("1", "TRUE") else "FALSE"
    if kind == "date":
        return text  # ISO, with the time of day if any
    return _literal(text)


def from_text(text: object, kind: str | None = None, formulas: bool = False) -> object:
    """The value History's `text` stands for in a column of `kind` (``schema`` kinds; None: a
    column jobbook does not know, read by what it looks like). A formula's text comes back as a
    ``Formula`` only with `formulas` (undo writing a user's own formula back), else as None:
    what it showed is not known."""
    if text is None or (isinstance(text, float) and text != text):
        return None
    if not isinstance(text, str):
        return text
    if text == "":
        return None
    if text.startswith("'"):
        return text[1:]
    if text.startswith("="):
        return Formula(text) if formulas else None
    if kind in ("text", "choice", "id"):
        return text
    if kind in NUMERIC_KINDS:
        return _number(text)
    if kind in DATE_KINDS or kind is None:
        if _ISO.match(text):
            when = dt.datetime.fromisoformat(text.replace("T", " "))
            return when if when.time() != dt.time() else when.date()
        if kind == "date":
            return text
    if text in ("TRUE", "FALSE"):
        return text == "TRUE"
    if kind is None and _NUMBER.match(text):
        return _number(text)
    return text


def _number(text: str) -> object:
    try:
        f = float(text)
    except ValueError:
        return text
    return int(f) if f.is_integer() and abs(f) < 1e15 else f

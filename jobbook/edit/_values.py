"""Values as sheet XML spells them: numbers, date serials, booleans, escaped text."""

from __future__ import annotations

import datetime as dt
import math
import re
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import unescape as _unescape

from ..errors import BadValue
from ..schema import EPOCH_1900, EPOCH_1904

# characters XML 1.0 cannot hold; Excel writes them as _xHHHH_ (and a literal _xHHHH_ as _x005F_xHHHH_)
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_ENCODED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not _is_nat(value)


def _is_nat(value: object) -> bool:
    return type(value).__name__ == "NaTType"


def serial(value: dt.date, date1904: bool = False) -> str:
    """A date or datetime as Excel's serial day number (text for ``<v>``)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    days = (value - (EPOCH_1904 if date1904 else EPOCH_1900)).total_seconds() / 86400
    return number(round(days, 10))


def from_serial(text: str, date1904: bool = False) -> str:
    """A serial day number shown as the date it stands for (``2026-10-21``, with the time if any)."""
    try:
        days = float(text)
    except ValueError:
        return text
    when = (EPOCH_1904 if date1904 else EPOCH_1900) + dt.timedelta(days=days)
    return (
        when.date().isoformat()
        if when.time() == dt.time()
        else when.isoformat(sep=" ", timespec="minutes")
    )


def number(value: float | int) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    f = float(value)
    if not math.isfinite(f):
        raise BadValue(f"{value!r} cannot be written into a workbook cell")
    return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)


def text(value: str) -> str:
    """Text for ``<t>``: XML-escaped, characters XML cannot hold as ``_xHHHH_``."""
    value = _ESCAPE_LIKE.sub(r"_x005F_\1", value)
    value = _BAD_CHARS.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value)
    return _escape(value)


def untext(xml_text: str) -> str:
    """The text a ``<t>`` element holds."""
    out = _unescape(xml_text, {"&quot;": '"', "&apos;": "'"})
    out = re.sub(r"&#x([0-9A-Fa-f]+);", lambda m: chr(int(m.group(1), 16)), out)
    out = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), out)
    return _ENCODED.sub(lambda m: chr(int(m.group(1), 16)), out)


def attr(value: str) -> str:
    return _escape(value, {'"': "&quot;"})


def t_element(value: str, prefix: str = "") -> str:
    space = ' xml:space="preserve"' if value != value.strip() or "\n" in value else ""
    return f"<{prefix}t{space}>{text(value)}</{prefix}t>"

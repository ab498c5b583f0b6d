"""Dates as trackers write them, and the error of a cell that is none: ISO (``2024-11-20``,
``2024-11-20T08:15:00Z``, ``2024/11/20``), ``11/20/24, 8:15 AM`` and ``11-20-2024`` (which number is
the day is the column's business: ``Rows.day_first``), ``20.11.2024`` (day first, as Europe writes
dots), ``Nov 20, 2024``, ``November 20th 2024``, ``Mon, Nov 20, 2024``, ``20 Nov 2024``,
``20-Nov-24``, a spreadsheet's date or its serial number. A day and month without a year
(``8-Jul``, ``9/15``) is an error: the year cannot be told."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import ImportFailed
from ..schema import EPOCH_1900

EXCEL_FIRST_DAY = dt.date(1900, 1, 1)  # Excel holds no earlier date
SERIALS = (20_000, 80_000)  # a bare number read as a spreadsheet date: 1954 to 2119
WRITE_IT = "write it as 2024-11-20"
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SLASH = re.compile(
    r"^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$"
)
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")
_NO_YEAR = re.compile(
    r"^(?:\d{1,2}[/.-]\d{1,2}|\d{1,2}(?:st|nd|rd|th)?[\s-]+[a-z]{3,9}\.?"
    r"|[a-z]{3,9}\.?[\s-]+\d{1,2}(?:st|nd|rd|th)?)$",
    re.I,
)
# a date inside a longer text (a Stage history cell): each form above, unanchored
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
FIND_DATES = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?[\s-]+{_MONTH},?[\s-]+\d{{4}}\b",
    re.I,
)


class CellError(ImportFailed):
    """A cell that cannot be read: where, its value, what is wrong with it, its column, and what
    to write instead."""

    def __init__(self, origin: str, value: str, why: str, column: str, hint: str = ""):
        self.origin, self.value, self.why, self.column, self.hint = (
            origin,
            value,
            why,
            column,
            hint,
        )
        super().__init__(f"{origin}: {value!r} {why} ({column})" + (f"; {hint}" if hint else ""))

    def hinted(self, hint: str) -> CellError:
        """The same error with another hint."""
        return CellError(self.origin, self.value, self.why, self.column, hint)


def written_like(value: object, day_first: bool) -> str | None:
    """The example day (20 November 2024) written the way `value` writes a date: ``11/20/2024``,
    ``20/11/24``, ``20.11.2024``, ``Nov 20, 2024``, ``20-Nov-24``, ``2024-11-20``; None when
    `value` is no date text jobbook reads."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text):
        return "2024-11-20"
    if _YEAR_FIRST.match(text):
        return "2024{0}11{0}20".format(text[4])
    if m := _SLASH.match(text):
        sep, year = m.group(2), "2024" if len(m.group(4)) == 4 else "24"
        return sep.join(("20", "11", year) if day_first else ("11", "20", year))
    if m := _DOTTED.match(text):
        return f"20.11.{'2024' if len(m.group(3)) == 4 else '24'}"
    words = re.findall(r"[a-z]+", text.lower())
    month = next((w for w in words if _month(w)), None)
    if month is None or _words(text) is None:
        return None
    name = "November" if len(month) > 4 else "Nov"
    if re.match(r"^\d", text):  # 20 Nov 2024, 20-Nov-24
        sep = "-" if "-" in text else " "
        return sep.join(("20", name, "24" if re.search(r"\D\d{2}$", text) else "2024"))
    return f"{name} 20, 2024" if "," in text else f"{name} 20 2024"


def slash_parts(value: object) -> tuple[int, int] | None:
    """The first two numbers of a ``20/11/2024``-like text (which of them is the day is the
    column's business: ``Rows.day_first``), else None."""
    m = _SLASH.match(" ".join(value.split())) if isinstance(value, str) else None
    return (int(m.group(1)), int(m.group(3))) if m else None


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if len(w) < 3:
        return None
    return next((i for i, m in enumerate(MONTHS, 1) if m.startswith(w)), None)


def _words(text: str) -> dt.date | None:
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.I)
    t = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?\s*([ap]m)?$", "", t, flags=re.I)
    parts = re.sub(r"[,.\-/]", " ", t).split()
    if len(parts) == 4 and parts[0][:3].lower() in _WEEKDAYS:
        parts = parts[1:]
    if len(parts) != 3:
        return None
    a, b, c = parts
    if _month(a) and b.isdigit() and c.isdigit() and len(c) == 4:
        year, month, day = int(c), _month(a), int(b)
    elif a.isdigit() and _month(b) and c.isdigit() and len(c) in (2, 4):
        year, month, day = int(c) + (2000 if len(c) == 2 else 0), _month(b), int(a)
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object, origin: str, column: str, day_first: bool = False) -> dt.date | None:
    """The day `value` names (None when blank); raises CellError for what is not a date, or is
    before 1900 (which Excel cannot hold)."""
    day = _date(value, origin, column, day_first)
    if day is not None and day < EXCEL_FIRST_DAY:
        raise CellError(
            origin,
            " ".join(str(value).split()),
            "is before 1900",
            column,
            "Excel holds no date before 1900-01-01: correct it, or keep it in Notes",
        )
    return day


def _date(value: object, origin: str, column: str, day_first: bool) -> dt.date | None:
    from ._cells import clean

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if SERIALS[0] <= value <= SERIALS[1]:
            return (EPOCH_1900 + dt.timedelta(days=int(value))).date()
        raise CellError(origin, str(value), "is not a date", column, WRITE_IT)
    text = clean(value)
    if text is None:
        return None
    if text.isdigit() and len(text) == 5 and SERIALS[0] <= int(text) <= SERIALS[1]:
        return (EPOCH_1900 + dt.timedelta(days=int(text))).date()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern, order in ((_SLASH, "either"), (_YEAR_FIRST, "ymd"), (_DOTTED, "dmy")):
        m = pattern.match(text)
        if not m:
            continue
        if order == "ymd":
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            a, b = int(m.group(1)), int(m.group(3 if order == "either" else 2))
            y = int(m.group(4 if order == "either" else 3))
            day, month = (b, a) if order == "either" and not day_first else (a, b)
            year = y + 2000 if y < 100 else y
        try:
            return dt.date(year, month, day)
        except ValueError:
            how = {"either": "day first" if day_first else "month first", "ymd": "year first"}
            way = how.get(order, "day first")
            why = f"is not a date (read {way}" + (
                ", as the rest of the column)" if order == "either" else ")"
            )
            raise CellError(origin, text, why, column, WRITE_IT) from None
    got = _words(text)
    if got is not None:
        return got
    if _NO_YEAR.match(text):
        raise CellError(origin, text, "has no year", column, WRITE_IT)
    raise CellError(origin, text, "is not a date", column, WRITE_IT)

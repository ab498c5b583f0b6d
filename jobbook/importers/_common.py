"""What every importer shares: the plain row it returns, CSV reading (BOM, Windows encodings, blank
lines, ragged rows), and lenient dates and amounts with errors that name the file and row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import ImportFailed

if TYPE_CHECKING:
    from ._rows import Rows


@dataclass
class Found:
    """One application found in a file: Pipeline values by header, maybe a contact (Contacts
    values by header), and where it came from (``file row 7``)."""

    values: dict[str, object]
    origin: str
    contact: dict[str, object] | None = None
    notes: list[str] = field(default_factory=list)


BLANKS = {"", "-", "--", "\u2014", "n/a", "na", "none", "null"}


def clean(value: object) -> str | None:
    """Text with surrounding space removed; None for blank, ``-`` and the like."""
    if value is None:
        return None
    text = " ".join(str(value).replace("\u00a0", " ").split())
    return None if text.casefold() in BLANKS else text


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a BOM), else UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            f"{name}: line {line}: the file is not text (not UTF-8 or Windows-1252)"
        ) from exc


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    first = re.sub(r'"[^"]*"', "", first)
    return max((",", ";", "\t"), key=first.count) if first else ","


def csv_rows(data: bytes, name: str) -> tuple[list[str], Rows]:
    """The header and the rows of a CSV file as {header: text}, numbered as a spreadsheet shows
    them (a blank line is a row too); blank rows are skipped, missing fields are blank. A file
    separated by semicolons (Excel where the comma is the decimal mark) is ``european``."""
    from ._rows import Rows

    text = decode(data, name)
    if "\x00" in text:
        raise ImportFailed(f"{name}: the file is not a CSV file (it holds binary data)")
    delimiter = _delimiter(text)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = enumerate(records, 1)

    def advance() -> tuple[int, list[str]] | None:
        try:
            return next(numbered)
        except StopIteration:
            return None
        except csv.Error as exc:
            raise ImportFailed(f"{name}: row {records.line_num}: {exc}") from exc

    while (got := advance()) is not None and not any(c.strip() for c in got[1]):
        pass
    if got is None:
        return [], Rows(name, [])
    header = [h.strip().lstrip("\ufeff") for h in got[1]]
    rows = []
    while (item := advance()) is not None:
        n, r = item
        if any(c.strip() for c in r):
            rows.append((n, {h: (r[i] if i < len(r) else "") for i, h in enumerate(header) if h}))
    return header, Rows(name, rows, european=delimiter == ";")


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_SLASH = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$"
)
_WORDS = re.compile(
    r"^(?:(\w{3})\w*\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(\w{3})\w*\.?,?\s+(\d{4}))"
)


EXCEL_FIRST_DAY = dt.date(1900, 1, 1)  # Excel holds no earlier date


def slash_parts(value: object) -> tuple[int, int] | None:
    """The first two numbers of a ``20/11/2024``-like text (which of them is the day is the
    column's business: ``Rows.day_first``), else None."""
    m = _SLASH.match(clean(value) or "") if isinstance(value, str) else None
    return (int(m.group(1)), int(m.group(2))) if m else None


def parse_date(value: object, origin: str, column: str, day_first: bool = False) -> dt.date | None:
    """A date from an export: ISO (``2024-11-20``, ``2024-11-20T08:15:00Z``), ``11/20/24, 8:15 AM``
    (month first, as LinkedIn and US tools write it, or day first when `day_first`: decided for
    the whole column, never cell by cell), ``Nov 20, 2024``, ``20 Nov 2024``, or a spreadsheet date.
    The day only. Before 1900 (which Excel cannot hold) is an error, as is what is not a date."""
    day = _date(value, origin, column, day_first)
    if day is not None and day < EXCEL_FIRST_DAY:
        raise ImportFailed(
            f"{origin}: {clean(str(value))!r} is before 1900 ({column}); Excel holds no date "
            "before 1900-01-01: correct it, or keep it in Notes"
        )
    return day


def _date(value: object, origin: str, column: str, day_first: bool) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean(value)
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _SLASH.match(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (a, b) if day_first else (b, a)
        year = y + 2000 if y < 100 else y
        try:
            return dt.date(year, month, day)
        except ValueError:
            order = "day/month/year" if day_first else "month/day/year"
            raise ImportFailed(
                f"{origin}: {text!r} is not a date ({column}, read as {order} like the rest of "
                "the column); write it as 2024-11-20"
            ) from None
    m = _WORDS.match(text)
    if m:
        mon, day, year = (
            (m.group(1), m.group(2), m.group(3))
            if m.group(1)
            else (m.group(5), m.group(4), m.group(6))
        )
        if mon.lower()[:3] in _MONTHS:
            try:
                return dt.date(int(year), _MONTHS[mon.lower()[:3]], int(day))
            except ValueError:
                pass
    raise ImportFailed(f"{origin}: {text!r} is not a date ({column}); write it as 2024-11-20")


# a number: digits with thousands separators (, . space ' and the narrow spaces) and a decimal mark
AMOUNT = re.compile(r"(\d(?:[\d.,'\u2019]|[ \u00a0\u202f](?=\d))*)\s*([kK])?")
_GROUPING = re.compile(r"[ '\u2019\u00a0\u202f]")


def decimal_mark(token: str) -> str | None:
    """The decimal mark `token` shows beyond doubt (``1.234,56``, ``12,5``, ``1,234,567``...),
    or None when it cannot tell (``1,500``, ``85.000``, ``120000``)."""
    t = _GROUPING.sub("", token).rstrip(".,")
    if "," in t and "." in t:
        return "," if t.rfind(",") > t.rfind(".") else "."
    for sep, other in ((",", "."), (".", ",")):
        if t.count(sep) > 1:
            return other  # a separator met twice groups thousands
        if t.count(sep) == 1:
            return None if len(t) - t.index(sep) - 1 == 3 else sep
    return None


def _number(token: str, decimal_comma: bool) -> float:
    t = _GROUPING.sub("", token).rstrip(".,")
    mark = decimal_mark(token)
    if mark is None:  # one separator before three digits (or none): the column's convention
        mark = "," if decimal_comma else "."
    return float(t.replace("." if mark == "," else ",", "").replace(mark, "."))


def parse_amounts(value: object, decimal_comma: bool = False) -> tuple[float | None, float | None]:
    """(min, max) from ``120000``, ``$120,000 - $140,000``, ``120k-140k``, ``85 000 €``,
    ``1.234,56``; (None, None) if none. `decimal_comma`: how ``1,500`` and ``85.000`` read (as
    1.5 and 85000), decided for the column (``Rows.decimal_comma``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), None
    text = clean(value)
    if text is None:
        return None, None
    found = []
    for m in AMOUNT.finditer(text):
        try:
            n = _number(m.group(1), decimal_comma)
        except ValueError:
            continue
        found.append(n * 1000 if m.group(2) else n)
    if not found:
        return None, None
    return found[0], (found[1] if len(found) > 1 else None)


def canonical(value: object, choices: tuple[str, ...]) -> str | None:
    """`value` spelled as in `choices` (case and spaces aside), else None."""
    text = clean(value)
    if text is None:
        return None
    folded = {"".join(c.split()).casefold(): c for c in choices}
    return folded.get("".join(text.split()).casefold())


def source_of(url: str | None, default: str | None = None) -> str | None:
    """The Source a posting's address suggests: LinkedIn, a job board, else `default` (the real
    host: ``https://linkedin.com@elsewhere.example/`` is not LinkedIn)."""
    from .match import real_host

    host = real_host(url) or ""
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        return "LinkedIn"
    boards = (
        "indeed.",
        "glassdoor.",
        "monster.",
        "ziprecruiter.",
        "stepstone.",
        "welcometothejungle.",
        "wellfound.",
        "dice.com",
        "reed.co.uk",
        "seek.com",
    )
    if any(b in host for b in boards):
        return "Job board"
    return default

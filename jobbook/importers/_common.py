"""What every importer shares: the plain row it returns, CSV reading (BOM, Windows encodings, blank
lines, ragged rows), and lenient dates and amounts with errors that name the file and row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import ImportFailed


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


def csv_rows(data: bytes, name: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header and the rows of a CSV file as {header: text}, numbered as a spreadsheet shows
    them (a blank line is a row too); blank rows are skipped, missing fields are blank."""
    text = decode(data, name)
    if "\x00" in text:
        raise ImportFailed(f"{name}: the file is not a CSV file (it holds binary data)")
    records = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
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
        return [], iter(())
    header = [h.strip().lstrip("\ufeff") for h in got[1]]

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        while (item := advance()) is not None:
            n, r = item
            if any(c.strip() for c in r):
                yield n, {h: (r[i] if i < len(r) else "") for i, h in enumerate(header) if h}

    return header, rows()


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


def parse_date(value: object, origin: str, column: str) -> dt.date | None:
    """A date from an export: ISO (``2024-11-20``, ``2024-11-20T08:15:00Z``), LinkedIn's
    ``11/20/24, 8:15 AM`` (month first, as LinkedIn and US tools write it; day first when the first
    number is over 12), ``Nov 20, 2024``, ``20 Nov 2024``, or a spreadsheet date. The day only."""
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
        month, day = (b, a) if a > 12 else (a, b)
        year = y + 2000 if y < 100 else y
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
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


_AMOUNT = re.compile(r"(\d[\d,.\s]*)\s*([kK])?")


def parse_amounts(value: object) -> tuple[float | None, float | None]:
    """(min, max) from ``120000``, ``$120,000 - $140,000``, ``120k-140k``; (None, None) if none."""
    text = clean(value)
    if text is None:
        return None, None
    found = []
    for m in _AMOUNT.finditer(text):
        digits = re.sub(r"[,\s]", "", m.group(1)).rstrip(".")
        try:
            n = float(digits)
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
    """The Source a posting's address suggests: LinkedIn, a job board, else `default`."""
    from urllib.parse import urlsplit

    host = urlsplit(url or "").netloc.lower()
    if host.endswith("linkedin.com"):
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

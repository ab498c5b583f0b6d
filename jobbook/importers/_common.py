"""What every importer shares: the plain row it returns (``Found``), CSV reading (BOM, Windows
encodings, blank lines, ragged rows, a header repeated or left blank), and lenient amounts (dates:
``_dates``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..errors import ImportFailed
from ..letters import col_letters
from ._cells import AMOUNT, clean, decimal_mark, parse_amounts  # noqa: F401
from ._dates import CellError, parse_date, slash_parts
from .vocabulary import JOB_BOARD_HOSTS

if TYPE_CHECKING:
    from ._rows import Rows

__all__ = ["CellError", "Found", "StageEvent", "clean", "parse_date", "slash_parts"]


class StageEvent(NamedTuple):
    """A dated step a file records: on `day` the application reached `stage` (None: no stage of
    its own) and took `status` (None: unchanged); `what` is the file's word for it."""

    day: dt.date
    stage: str | None
    status: str | None
    what: str


@dataclass
class Found:
    """One application found in a file: Pipeline values by header, maybe a contact (Contacts
    values by header), and where it came from (``file row 7``). Also what the file tells of its
    course: `events`, the dated steps it records (the application date, a Stage history column,
    stage date columns, Huntr's last move), oldest first; `said_status`, whether the file states
    a status (then never No response by the 30-day rule); `moved`, when its stage list last moved
    (Huntr's ``lastMovedAt``); `source`, the file or export it came from (its rows are what one
    person did); `day`, the day it is about (Date applied, else when it was saved or added)."""

    values: dict[str, object]
    origin: str
    contact: dict[str, object] | None = None
    events: list[StageEvent] = field(default_factory=list)
    said_status: bool = False
    moved: dt.date | None = None
    source: str = ""
    day: dt.date | None = None


def unique_headers(raw: list[object]) -> list[str]:
    """The header with each name made unique: a name met again is ``NAME#2``, ``NAME#3`` (as
    ``--map`` names it); a blank header is ``Column F`` (its letter)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(raw):
        name = " ".join(str(h).split()).lstrip("\ufeff") if h is not None else ""
        name = name or f"Column {col_letters(i + 1)}"
        key = name.casefold()
        seen[key] = seen.get(key, 0) + 1
        out.append(name if seen[key] == 1 else f"{name}#{seen[key]}")
    return out


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

    def read() -> tuple[int, list[str]] | None:
        got = advance()
        if got is not None:
            _unclosed(name, got[0], got[1], width, delimiter)
        return got

    width = 0
    while (got := read()) is not None and not any(c.strip() for c in got[1]):
        pass
    if got is None:
        return [], Rows(name, [])
    header = unique_headers(got[1])
    width = len(header)
    rows = []
    while (item := read()) is not None:
        n, r = item
        if any(c.strip() for c in r):
            rows.append((n, {h: (r[i] if i < len(r) else "") for i, h in enumerate(header)}))
    return header, Rows(name, rows, european=delimiter == ";", header=header)


def _unclosed(name: str, n: int, record: list[str], width: int, delimiter: str) -> None:
    """An error when a field of `record` runs over line breaks whose lines look like rows of the
    file (as many fields as the header, three at least): a quote opened and never closed, which
    would otherwise swallow the rows after it into one cell."""
    for field_text in record:
        if "\n" not in field_text and "\r" not in field_text:
            continue
        inner = field_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[1:]
        rows = [
            t for t in inner if len(next(csv.reader([t], delimiter=delimiter), [])) >= max(3, width)
        ]
        if rows:
            shown = rows[0] if len(rows[0]) <= 60 else rows[0][:59] + "\u2026"
            raise ImportFailed(
                f"{name}: row {n}: a quote opened in this row is not closed, so the "
                f"{len(rows)} line(s) after it that look like rows of the file (first {shown!r}) "
                "would be read into one cell; close the quote (or remove it) and import again"
            )


# a number: digits with thousands separators (, . space ' and the narrow spaces) and a decimal mark
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
    if any(b in host for b in JOB_BOARD_HOSTS):
        return "Job board"
    return default

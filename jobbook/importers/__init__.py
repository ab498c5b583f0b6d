"""Reading other trackers' files into plain rows (``Found``), one small module per format:

* ``linkedin`` - LinkedIn's data export (folder, ``.zip`` or its CSV files);
* ``huntr`` - Huntr's CSV export; ``teal`` - Teal's CSV export;
* ``generic`` - any CSV file or spreadsheet, its columns found by synonyms (``--map`` for others).

The words they read are data (``vocabulary``: header synonyms, status words...), looked up by
``words`` and ``columns``; ``build`` turns a row into a plain row for every format, and each
format adds what is its own. Without ``--from`` a file is recognised by its headers. Matching the
rows with the book's own and giving them IDs is not the importers' business: ``match`` and
``intents.importing`` do that.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImportFailed, UsageError
from . import generic, huntr, linkedin, teal
from ._common import CellError, Found, StageEvent, csv_rows, parse_amounts, parse_date
from ._rows import DATES_OPTION, MONTH_FIRST, EitherWay, date_order
from .build import Sheet, build
from .columns import Use, parse_map, resolve
from .words import parse_statuses, phrase_key

FORMATS = {"linkedin": linkedin, "huntr": huntr, "teal": teal, "csv": generic}
_ORDER = ("linkedin", "huntr", "teal", "csv")

__all__ = [
    "FORMATS",
    "CellError",
    "EitherWay",
    "FileRead",
    "Found",
    "Reading",
    "StageEvent",
    "parse_amounts",
    "parse_date",
    "parse_map",
    "parse_statuses",
    "read_files",
    "tracker_sheet",
    "tracker_text",
]
tracker_sheet = generic.tracker_sheet
tracker_text = generic.tracker_text


@dataclass
class FileRead:
    """One file read: its name, format, and where each of its columns went."""

    name: str
    format: str
    uses: list[Use]
    rows: int


@dataclass
class Reading:
    """Everything the files hold: the plain rows (files, then rows, in order), each file's
    columns, every cell that cannot be read (with the rows they spoil), the status words not
    understood (first spelling -> count), the rows of template defaults and the rows before
    ``--since`` left out."""

    found: list[Found] = field(default_factory=list)
    files: list[FileRead] = field(default_factory=list)
    problems: list[CellError] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # origins of the rows with a bad cell
    unknown: Counter = field(default_factory=Counter)
    defaults: int = 0
    before_since: int = 0
    dates: list[EitherWay] = field(default_factory=list)  # columns of dates read either way
    swapped: list[str] = field(default_factory=list)  # salary ranges written high to low

    def __iter__(self):
        return iter(self.found)

    def problems_text(self) -> str:
        """Every cell that cannot be read, for one ``Error:``: on one line when there is one,
        else a line and the list."""
        fix = "nothing imported; correct it, or --skip-invalid imports the other rows"
        if len(self.problems) == 1:
            return f"{self.problems[0]} ({fix})"
        rows = len(self.invalid)
        head = (
            f"{len(self.problems)} cells cannot be read, in {rows} row(s); nothing imported: "
            "correct them, or --skip-invalid imports the other rows:"
        )
        return "\n".join([head, *(f"  {p}" for p in self.problems)])

    def __len__(self) -> int:
        return len(self.found)

    def lines(self) -> list[str]:
        """What the summary says of how the files were read (dates that could be either order,
        salary ranges turned round)."""
        out = []
        for d in self.dates:
            out.append(
                f"{d.dates} date(s) in {d.header!r} ({Path(d.file).name}) could be day or month "
                f"first: read as {d.order.words}, {d.order.why}; say --dates {d.order.other} to "
                "read them the other way."
            )
        if self.swapped:
            out.append(
                f"{len(self.swapped)} salary range(s) written high to low, read low to high "
                f"(Salary min, Salary max): {', '.join(self.swapped)}."
            )
        return out


def _sources(path: Path, kind: str | None) -> list[tuple[str, bytes | None]]:
    """(name, CSV bytes) of each file to read at `path`; bytes None for a spreadsheet."""
    if not path.exists():
        raise ImportFailed(f"{path}: no such file or folder")
    if path.is_dir() or path.suffix.lower() == ".zip":
        if kind not in (None, "linkedin"):
            raise UsageError(
                f"{path}: a folder or .zip is read as LinkedIn's export; drop --from {kind}"
            )
        return list(linkedin.export_files(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return [(str(path), None)]
    try:
        return [(str(path), path.read_bytes())]
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot be read ({exc.strerror})") from exc


def _recognised(name: str, header: list[str], kind: str | None, mapping: dict) -> str:
    if kind:
        return kind
    if mapping:
        return "csv"
    for k in _ORDER:
        if FORMATS[k].recognise(header):
            return k
    return "csv"  # a guess at the Company column may still find it (else: an error, below)


def _no_company(name: str, header: list[str]) -> ImportFailed:
    return ImportFailed(
        f"{name}: row 1: not a LinkedIn, Huntr or Teal export and no Company column; say which "
        'column is which with --map "Company=<column>,Role=<column>,..." (the columns are: '
        f"{', '.join(h for h in header if h) or 'none'})"
    )


def _empty(path: Path, header: list[str]) -> ImportFailed:
    if not header:
        return ImportFailed(f"{path}: the file is empty: nothing to import")
    return ImportFailed(
        f"{path}: row 1 is a header ({', '.join(h for h in header if h)}) with no rows below it: "
        "nothing to import"
    )


def read_files(
    paths: list[str | Path],
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    statuses: dict | None = None,
    since: dt.date | None = None,
    dates: str | None = None,
    country: str | None = None,
) -> Reading:
    """Every application in the files at `paths`, in order (files, then rows), with what could
    not be read. `statuses`: the user's own status words (``parse_statuses``); `since`: rows
    about an earlier day (applied, saved or added) are left out and counted; `dates` (``dmy``,
    ``mdy``) or else the book's `country` say how a slash date that could be either is read.
    A file (or export) without a row is an error."""
    if kind is not None and kind not in FORMATS:
        raise UsageError(f"--from {kind}: use one of {', '.join(FORMATS)}")
    if dates is not None and dates not in DATES_OPTION:
        raise UsageError(f"--dates {dates}: use dmy (day first) or mdy (month first)")
    mapping = mapping or {}
    if mapping and kind not in (None, "csv"):
        raise UsageError(f"--map works with --from csv (any CSV or sheet), not with --from {kind}")
    order = date_order(dates, country)
    out = Reading()
    spelled: dict[str, str] = {}
    for path in map(Path, paths):
        header: list[str] = []
        held = 0
        for name, data in _sources(path, kind):
            if data is None:
                header, rows = generic.sheet_rows(Path(name), mapping)
                if not rows:
                    continue
                fmt = _recognised(name, header, kind if kind != "linkedin" else None, mapping)
            else:
                header, rows = csv_rows(data, name)
                if not rows:
                    continue
                fmt = _recognised(name, header, kind, mapping)
            held += len(rows)
            rows.order = order if fmt == "csv" else MONTH_FIRST
            module = FORMATS[fmt]
            if fmt != "csv" and not module.recognise(header):
                raise ImportFailed(
                    f"{name}: row 1: not a {fmt} export (its columns are: {', '.join(header)}); "
                    "try without --from, or --from csv --map ..."
                )
            table = module.table(header) if fmt != "csv" else None
            columns = resolve(rows, table, mapping)
            if "Company" not in columns.concepts:
                raise _no_company(name, header)
            source = str(path) if fmt == "linkedin" else name
            sheet = Sheet(rows, columns, statuses or {}, source)
            out.files.append(FileRead(name, fmt, columns.uses, len(rows)))
            for n, row in rows:
                built = build(sheet, n, row)
                for word in built.unknown:
                    spelled.setdefault(phrase_key(word), word)
                    out.unknown[spelled[phrase_key(word)]] += 1
                if built.default:
                    out.defaults += 1
                elif built.problems:
                    out.problems += built.problems
                    out.invalid.append(rows.where(n))
                else:
                    module.finish(built, sheet, row)
                    if since and built.found.day and built.found.day < since:
                        out.before_since += 1
                    else:
                        out.found.append(built.found)
                    out.swapped += built.swapped
            out.dates += [EitherWay(name, h, n, used) for h, (n, used) in rows.defaulted.items()]
        if not held:
            raise _empty(path, header)
    return out

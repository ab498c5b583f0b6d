"""Every table of a workbook as open data (README § Your calendar and your data): one file per table, in CSV, JSON or
Parquet, typed, computed columns included, so the search is never locked in a spreadsheet.

Columns keep the workbook's headers, in the schema's order. Types follow the schema: dates are
ISO dates (Parquet ``date32``), the Interviews Date with its time of day (``2026-03-05 14:30``;
Parquet ``timestamp[s]``, wall-clock time), money and other numbers ``float64``, whole-number
columns ``int64``, text ``string``. A done column (``Thank-you sent``, ``Done``...) is a date column unless
it holds marks other than dates (``x``, ``TRUE``), which stay as written in a text column.
``Settings`` is a one-row table of the named settings; ``Holidays`` the holiday list the book uses;
``Vesting`` the vesting schedules it uses (docs/definitions.md § Year by year). The mailto: link columns
(``Thank-you link``, ``Feedback link``) hold the link itself (``mailto:...``), not the words the cell
shows, so that the file keeps what the workbook points to.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ._files import check_folder, make_folder, write_atomically
from .core.offers import default_vesting
from .errors import OutputExists, UsageError
from .looks.safe import csv_cell
from .reader import Book
from .schema import HOLIDAYS_TABLE, LINKS, NUMERIC_KINDS, SETTINGS, TABLES, VESTING_TABLE

FORMATS = ("csv", "json", "parquet")
SETTINGS_TABLE = "Settings"
_SETTING_KINDS = {"date": "date", "int": "int", "number": "number"}  # the rest is text


@dataclass(frozen=True)
class Column:
    """One exported column: its header, type (``string``, ``date``, ``datetime``, ``int``,
    ``float``) and values as plain Python objects (None for blank)."""

    header: str
    type: str
    values: list[object]


def _blank(v: object) -> bool:
    """None, NaN, NaT and empty text (a computed flag with nothing to say) are all blank."""
    if isinstance(v, str):
        return v == ""
    return v is None or v is pd.NaT or bool(pd.isna(v))


def _date(v: object) -> dt.date:
    return v.date() if isinstance(v, dt.datetime) else v  # pd.Timestamp is a datetime


def _column(header: str, kind: str, series: pd.Series, timed: bool = False) -> Column:
    """A column typed by its schema kind (and, for done marks and whole numbers, its values);
    `timed`: dates with their time of day."""
    values = [None if _blank(v) else v for v in series.astype(object)]
    present = [v for v in values if v is not None]
    if timed:
        return Column(
            header, "datetime", [None if v is None else v.to_pydatetime() for v in values]
        )
    if kind in ("date", "done"):
        if all(isinstance(v, dt.date) for v in present):
            return Column(header, "date", [None if v is None else _date(v) for v in values])
        text = [v if v is None or isinstance(v, str) else _date(v).isoformat() for v in values]
        return Column(header, "string", [None if v is None else str(v) for v in text])
    if kind in NUMERIC_KINDS:
        numbers = [None if v is None else float(v) for v in values]
        if kind in ("int", "rating") and all(float(v).is_integer() for v in present):
            return Column(header, "int", [None if v is None else int(v) for v in numbers])
        return Column(header, "float", numbers)
    return Column(header, "string", [None if v is None else str(v) for v in values])


def export_tables(book: Book) -> dict[str, list[Column]]:
    """Every table of the book with its computed columns, then Settings, Holidays and Vesting,
    typed."""
    out: dict[str, list[Column]] = {}
    from .drafts.links import link_column

    for name, table in TABLES.items():
        df = book.tables[name]
        out[name] = [
            _column(c.header, c.kind, book.times[(name, c.header)], timed=True)
            if (name, c.header) in book.times
            else _column(c.header, "text", link_column(book, c.header))
            if c.header in LINKS
            else _column(c.header, c.kind, df[c.header])
            for c in table.columns
        ]
    values = book.settings.to_dict()
    out[SETTINGS_TABLE] = [
        _column(s.name, _SETTING_KINDS.get(s.kind, "text"), pd.Series([values[s.name]]))
        for s in SETTINGS
    ]
    out[HOLIDAYS_TABLE.name] = [
        _column(c.header, c.kind, book.holidays[c.header]) for c in HOLIDAYS_TABLE.columns
    ]
    vesting = default_vesting() if book.vesting is None else book.vesting
    out[VESTING_TABLE.name] = [
        _column(c.header, c.kind, vesting[c.header].reset_index(drop=True))
        for c in VESTING_TABLE.columns
    ]
    return out


def _rows(columns: list[Column]) -> list[list[object]]:
    return [list(r) for r in zip(*(c.values for c in columns))] if columns else []


def _iso(v: dt.date) -> str:
    """``2026-03-05``, or ``2026-03-05 14:30`` for a datetime with a time of day."""
    if not isinstance(v, dt.datetime):
        return v.isoformat()
    if v.time() == dt.time():
        return v.date().isoformat()
    return v.isoformat(sep=" ", timespec="seconds" if v.second else "minutes")


def _csv_value(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return _iso(v)
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() and abs(v) < 2**53 else repr(v)
    return csv_cell(v)  # text a spreadsheet would run as a formula gets a leading '


def to_csv(columns: list[Column]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180
    w.writerow([csv_cell(c.header) for c in columns])
    for row in _rows(columns):
        w.writerow([_csv_value(v) for v in row])
    return buf.getvalue()


def to_json(columns: list[Column]) -> str:
    from .looks.safe import plain  # JSON-safe values: ISO dates, no NaN or Infinity

    rows = [[_iso(v) if isinstance(v, dt.datetime) else v for v in r] for r in _rows(columns)]
    records = [dict(zip((c.header for c in columns), row)) for row in rows]
    return json.dumps(plain(records), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def to_arrow(columns: list[Column], name: str = "", as_of: dt.date | None = None):
    """A pyarrow Table with real types (date32, int64, float64, string)."""
    import pyarrow as pa

    types = {
        "date": pa.date32(),
        "datetime": pa.timestamp("s"),
        "int": pa.int64(),
        "float": pa.float64(),
        "string": pa.string(),
    }
    fields = [pa.field(c.header, types[c.type]) for c in columns]
    meta = {"jobbook.table": name, "jobbook.as_of": as_of.isoformat() if as_of else ""}
    schema = pa.schema(fields, metadata=meta)
    return pa.Table.from_arrays(
        [pa.array(c.values, type=types[c.type]) for c in columns], schema=schema
    )


def _writer(fmt: str, columns: list[Column], name: str, as_of: dt.date) -> Callable[[str], None]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = to_arrow(columns, name, as_of)
        return lambda tmp: pq.write_table(table, tmp)
    text = to_csv(columns) if fmt == "csv" else to_json(columns)
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"  # Excel reads a CSV with a BOM as UTF-8
    return lambda tmp: Path(tmp).write_text(text, encoding=encoding, newline="")


def export_paths(folder: Path, fmt: str) -> dict[str, Path]:
    names = [*TABLES, SETTINGS_TABLE, HOLIDAYS_TABLE.name, VESTING_TABLE.name]
    return {n: Path(folder) / f"{n}.{fmt}" for n in names}


def check_export(folder: str | Path, fmt: str, force: bool) -> dict[str, Path]:
    """The files an export writes into `folder`; refuses (before any work) a folder that is a
    file, or files that exist unless `force`."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    folder = check_folder(folder)
    paths = export_paths(folder, fmt)
    there = [p for p in paths.values() if p.exists()]
    if there and not force:
        more = f" (and {len(there) - 1} more)" if len(there) > 1 else ""
        raise OutputExists(f"{there[0]}: already exists{more}; use --force to replace them")
    return paths


def export_book(book: Book, folder: str | Path, fmt: str = "csv", force: bool = False):
    """Write every table of `book` into `folder` (created if missing) as `fmt`; returns
    {table name: (path, rows)}."""
    paths = check_export(folder, fmt, force)
    make_folder(folder)
    written = {}
    for name, columns in export_tables(book).items():
        write_atomically(paths[name], _writer(fmt, columns, name, book.as_of))
        written[name] = (paths[name], len(columns[0].values) if columns else 0)
    return written

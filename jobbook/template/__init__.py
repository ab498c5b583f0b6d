"""The workbook template, built from the schema with openpyxl.

Every sheet of SPEC section 2 in order: one Excel Table per sheet (named as the sheet) with notes on
the headers, dropdowns and validation, number formats, frozen headers, conditional formats on flags
and stages, and native formulas for every computed column; Settings with named cells and a Holidays
table; a Dashboard of formulas and charts.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

from ..core.calendar import public_holidays
from ..errors import OutputExists, UsageError
from ..sample import sample_search
from ..schema import TABLES
from ._dashboard import write_dashboard
from ._settings import write_settings
from ._tables import write_table

__all__ = ["build_workbook", "holiday_years", "new_workbook"]


def holiday_years(year: int) -> range:
    """Last year to two years ahead."""
    return range(year - 1, year + 3)


def build_workbook(
    records: dict[str, list[dict]] | None = None,
    *,
    country: str = "US",
    as_of: dt.date | None = None,
    year: int | None = None,
) -> Workbook:
    """The workbook, filled with `records` (per table name, keyed by header) if given.

    `as_of` goes into the AsOf cell (blank: today's date at every recalculation); `year` chooses
    the holiday years (default: the as-of or current year)."""
    wb = Workbook()
    wb.remove(wb.active)
    records = records or {}
    for name, table in TABLES.items():
        write_table(wb, table, records.get(name, []))
    base_year = year or (as_of or dt.date.today()).year
    holidays = public_holidays(country, holiday_years(base_year))
    write_settings(wb, {"AsOf": as_of, "Country": country.upper()}, holidays)
    write_dashboard(wb)
    wb.active = len(wb.sheetnames) - 1 if records else 0
    wb.properties.creator = "jobbook"
    wb.properties.title = "Job search workbook"
    return wb


def save_atomically(wb: Workbook, path: Path, force: bool = False) -> Path:
    """Save next to `path` and move into place, so a failure never leaves half a file; refuse to
    replace an existing file unless `force`."""
    path = Path(path)
    if path.exists() and not force:
        raise OutputExists(f"{path}: already exists; use --force to replace it")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(f"{path}: the workbook name must end in .xlsx (or .xlsm for buttons and macros)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a workbook is an ordinary file
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def new_workbook(
    path: str | Path,
    *,
    sample: bool = False,
    country: str = "US",
    as_of: dt.date | None = None,
    force: bool = False,
) -> Path:
    """Write a new workbook at `path` (``jobbook new``). With `sample`, a believable search ending
    on `as_of` (default today); `as_of` is also written into the AsOf cell when given."""
    path = Path(path)
    if path.exists() and not force:
        raise OutputExists(f"{path}: already exists; use --force to replace it")
    records = sample_search(as_of) if sample else None
    wb = build_workbook(records, country=country, as_of=as_of)
    return save_atomically(wb, path, force=force)

"""The workbook template, built from the schema with openpyxl.

Every sheet of docs/definitions.md § The workbook in order: one Excel Table per sheet (named as the sheet) with notes on
the headers, dropdowns and validation, number formats, frozen headers, conditional formats on flags
and stages, and native formulas for every computed column; Settings with named cells and a Holidays
table; a Dashboard of formulas and charts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .._files import backup, check_output, save_atomically, write_atomically
from ._copy import holiday_years, template_copy, with_as_of

if TYPE_CHECKING:  # openpyxl loads only when a workbook is built, not when one is copied
    from openpyxl import Workbook

__all__ = ["build_workbook", "holiday_years", "new_workbook", "save_atomically"]


def build_workbook(
    records: dict[str, list[dict]] | None = None,
    *,
    country: str = "US",
    as_of: dt.date | None = None,
    year: int | None = None,
    macros: bool = False,
    profile: dict[str, object] | None = None,
) -> Workbook:
    """The workbook, filled with `records` (per table name, keyed by header) if given.

    `as_of` goes into the AsOf cell (blank: today's date at every recalculation); `year` chooses
    the holiday years (default: the as-of or current year); `macros` adds what the .xlsm needs
    (save it with ``_macros.to_xlsm``); `profile` fills Settings' profile (``YourName``...)."""
    from openpyxl import Workbook

    from ..core.calendar import public_holidays
    from ..schema import HISTORY, TABLES
    from ._dashboard import write_dashboard
    from ._macros import add_macro_sheets
    from ._settings import write_aliases, write_settings
    from ._tables import capacity, write_table
    from ._years import write_offer_years, write_vesting

    wb = Workbook()
    wb.remove(wb.active)
    records = records or {}
    for name, table in TABLES.items():
        if name != HISTORY.name:  # the last sheet, after the Dashboard
            write_table(wb, table, records.get(name, []))
    base_year = year or (as_of or dt.date.today()).year
    holidays = public_holidays(country, holiday_years(base_year))
    values = {**(profile or {}), "AsOf": as_of, "Country": country.upper()}
    write_settings(wb, values, holidays)
    write_vesting(wb)
    write_aliases(wb)
    write_dashboard(wb, macros)
    write_offer_years(wb, capacity(TABLES["Offers"], len(records.get("Offers", []))))
    write_table(wb, HISTORY, records.get(HISTORY.name, []))
    if macros:
        add_macro_sheets(wb)
    wb.active = wb.sheetnames.index("Dashboard") if records else 0
    wb.properties.creator = "jobbook"
    wb.properties.title = "Job search workbook"
    return wb


def new_workbook(
    path: str | Path,
    *,
    sample: bool = False,
    country: str = "US",
    as_of: dt.date | None = None,
    force: bool = False,
    on_backup=None,
) -> Path:
    """Write a new workbook at `path` (``jobbook new``). With `sample`, a believable search ending
    on `as_of` (default today); `as_of` is also written into the AsOf cell when given. A workbook
    replaced with `force` is first copied to a backup beside it (``backup``), whose path is given
    to `on_backup`; `on_backup=False` replaces it without a backup (``jobbook demo``'s own files)."""
    path = check_output(path, (".xlsx", ".xlsm"), force)
    macros = path.suffix.lower() == ".xlsm"
    data = None if sample else template_copy(path.suffix, country, as_of)
    if data is not None and as_of is not None:  # the template, with its AsOf cell written
        data = with_as_of(data, path.suffix, as_of)
    wb = None
    if data is None:
        from ..sample import SAMPLE_PROFILE, sample_search
        from ._macros import to_xlsm

        records = sample_search(as_of) if sample else None
        wb = build_workbook(
            records,
            country=country,
            as_of=as_of,
            macros=macros,
            profile=SAMPLE_PROFILE if sample else None,
        )
        data = to_xlsm(wb) if macros else None
    if force and on_backup is not False:  # without force there is nothing to replace
        kept = backup(path)  # only now: nothing is copied when the build fails
        if kept and on_backup:
            on_backup(kept)
    if data is not None:
        return write_atomically(path, lambda tmp: Path(tmp).write_bytes(data), force=force)
    return save_atomically(wb, path, force=force)

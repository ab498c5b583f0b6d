"""Read the Settings sheet: named cells (docs/definitions.md § The workbook) and the Holidays table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.calendar import public_holidays
from ..core.settings import Settings
from ..core.zones import zone_name
from ..errors import BadValue
from ..letters import col_letters
from ..problems import WARNING, Problem
from ..schema import HOLIDAYS_TABLE, SETTINGS, Setting, norm_header
from ._aliases import read_aliases
from ._cells import read_cells
from ._layout import Layout, find_sheet
from ._normalise import to_date, to_dates
from ._parse import parse_numbers
from ._vesting import read_vesting

SHEET = "Settings"


@dataclass
class SettingsRead:
    settings: Settings
    holidays: pd.DataFrame  # Date (datetime64), Name
    source: str  # "table" (the workbook's Holidays table) or "package" (holidays package)
    sheet: str | None = None
    cells: dict[str, str] = field(default_factory=dict)  # setting name -> "B3"
    problems: list[Problem] = field(default_factory=list)
    vesting: pd.DataFrame | None = None  # the Vesting table (None: the workbook has none)
    aliases: tuple[tuple[str, str], ...] = ()  # the Company aliases table: (alias, company)


def _locate(
    layout: Layout, sheet: str, cells: dict, s: Setting, name: str | None = None
) -> tuple[int, int] | None:
    """The cell of setting `s` (or of its older name `name`): its named cell, else the cell right
    of its label. A "Name" right of a "Date" is the Holidays table's header, not a label."""
    name = name or s.name
    for defined, (where, row, col) in layout.names.items():
        if defined.casefold() == name.casefold() and norm_header(where) == norm_header(sheet):
            return row, col
    want = {norm_header(name), norm_header(s.title if name == s.name else name)}
    for (row, col), value in sorted(cells.items()):
        if isinstance(value, str) and norm_header(value) in want:
            if norm_header(str(cells.get((row, col - 1), ""))) == "date":
                continue
            return row, col + 1
    return None


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _value(s: Setting, raw: object, where: str, date1904: bool, problems: list[Problem]) -> object:
    default = s.default
    if _blank(raw):
        return default
    if s.kind == "date":
        value = to_date(raw, date1904)
        if value is None:
            problems.append(
                Problem(
                    SHEET,
                    where,
                    f'"{raw}" is not a date ({s.name}); using today (leave it blank for today)',
                    WARNING,
                    s.name,
                )
            )
        return value
    if s.kind == "text":
        return str(raw).strip()
    if s.kind == "zone":
        name = zone_name(raw)
        if name is None:
            problems.append(
                Problem(
                    SHEET,
                    where,
                    f'"{raw}" is not a time zone name such as Europe/Berlin or America/New_York '
                    f"({s.name}); using this computer's zone",
                    WARNING,
                    s.name,
                )
            )
        return name
    if s.kind == "email":
        text = str(raw).strip()
        if "@" not in text or any(c.isspace() for c in text):
            problems.append(
                Problem(
                    SHEET,
                    where,
                    f'"{text}" is not an email address ({s.title}); message drafts leave it out',
                    WARNING,
                    s.name,
                )
            )
            return default
        return text
    if isinstance(raw, bool):
        number = None
    elif isinstance(raw, float | int):
        number = float(raw)
    else:
        values, ok = parse_numbers(pd.Series([str(raw)]))
        number = float(values.iloc[0]) if ok.iloc[0] else None
    if number is None:
        problems.append(
            Problem(
                SHEET,
                where,
                f'"{raw}" is not a number ({s.name}); using {default}',
                WARNING,
                s.name,
            )
        )
        return default
    if (s.lo is not None and number < s.lo) or (s.hi is not None and number > s.hi):
        bounds = f"from {s.lo:g} to {s.hi:g}" if s.hi is not None else f"at least {s.lo:g}"
        problems.append(
            Problem(
                SHEET,
                where,
                f"{number:g} is out of range, it must be {bounds} ({s.name}); using {default}",
                WARNING,
                s.name,
            )
        )
        return default
    if s.kind == "int":
        if number != int(number):
            problems.append(
                Problem(
                    SHEET,
                    where,
                    f"{number:g} is not a whole number ({s.name}); using {int(number)}",
                    WARNING,
                    s.name,
                )
            )
        return int(number)
    return number


def _holiday_table(
    layout: Layout, sheet: str, cells: dict, date1904: bool, problems: list[Problem]
) -> pd.DataFrame | None:
    ref = next(
        (
            t
            for t in layout.tables
            if t.name.casefold() == HOLIDAYS_TABLE.name.casefold() and t.sheet == sheet
        ),
        None,
    )
    totals = range(0)
    if ref is not None:
        header_row, c1, c2, totals = ref.first_row, ref.first_col, ref.last_col, ref.totals
    else:
        header_row = None
        for (row, col), value in sorted(cells.items()):
            if (
                isinstance(value, str)
                and norm_header(value) == "date"
                and norm_header(str(cells.get((row, col + 1), ""))) == "name"
            ):
                header_row, c1, c2 = row, col, col + 1
                break
        if header_row is None:
            return None
    heads = {norm_header(str(cells.get((header_row, c), ""))): c for c in range(c1, c2 + 1)}
    date_col = heads.get("date", c1)
    name_col = heads.get("name")
    rows = sorted(
        r for (r, c), v in cells.items() if c == date_col and r > header_row and r not in totals
    )
    raw = np.empty(len(rows), dtype=object)
    raw[:] = [cells[(r, date_col)] for r in rows]
    days, bad, _ = to_dates(raw, date1904)  # the whole column at once
    for r, value in zip(np.asarray(rows)[bad], raw[bad]):
        problems.append(
            Problem(
                SHEET,
                f"{col_letters(date_col)}{r}",
                f'"{value}" is not a date (Holidays); the row is skipped',
                WARNING,
                "Date",
            )
        )
    keep = ~np.isnat(days)
    names = [str(cells.get((r, name_col), "")) if name_col else "" for r in rows]
    return pd.DataFrame(
        {"Date": days[keep], "Name": [n for n, k in zip(names, keep) if k]}
    ).reset_index(drop=True)


def package_holidays(country: str, years: range) -> pd.DataFrame:
    rows = public_holidays(country, years)
    return pd.DataFrame(
        {
            "Date": pd.to_datetime(pd.Series([d for d, _ in rows], dtype=object)).astype(
                "datetime64[s]"
            ),
            "Name": [n for _, n in rows],
        }
    )


def read_settings(path: Path, layout: Layout, years: range) -> SettingsRead:
    """Settings (defaults for anything missing) and the holiday list.

    No Settings sheet: the defaults and the US public holidays for `years`. A Settings sheet with no
    Holidays table: the public holidays of its Country."""
    sheet = find_sheet(layout, SHEET)
    cells = (
        read_cells(path, layout.parts[sheet], max_row=None, sheet=sheet)
        if sheet is not None and sheet in layout.parts
        else {}
    )
    return settings_from_cells(
        cells, layout, sheet if cells or sheet in layout.parts else None, years
    )


def settings_from_cells(
    cells: dict, layout: Layout, sheet: str | None, years: range
) -> SettingsRead:
    """Settings from the Settings sheet's cells {(row, col): value} (named cells from `layout`, else
    the cell right of each setting's label)."""
    problems: list[Problem] = []
    found: dict[str, str] = {}
    values: dict[str, object] = {}
    if sheet is not None:
        for s in SETTINGS:
            at = _locate(layout, sheet, cells, s)
            for old in s.aliases:  # an older name, read when the setting is missing or blank
                if at is None or _blank(cells.get(at)):
                    was = _locate(layout, sheet, cells, s, old)
                    if was is not None and (at is None or not _blank(cells.get(was))):
                        at = was
            if at is None:
                continue
            where = f"{col_letters(at[1])}{at[0]}"
            found[s.name] = where
            values[s.name] = _value(s, cells.get(at), where, layout.date1904, problems)
    settings = Settings().with_values(**values)
    vesting = read_vesting(layout, sheet, cells)
    problems += vesting.problems
    aliases, alias_problems = read_aliases(layout, sheet, cells)
    problems += alias_problems
    table = _holiday_table(layout, sheet, cells, layout.date1904, problems) if sheet else None
    if table is not None:
        return SettingsRead(
            settings, table, "table", sheet, found, problems, vesting.table, aliases
        )
    try:
        holidays = package_holidays(settings.Country, years)
    except BadValue as exc:
        where = found.get("Country")
        problems.append(Problem(SHEET, where, f"{exc}; using US holidays", WARNING, "Country"))
        holidays = package_holidays("US", years)
    return SettingsRead(
        settings, holidays, "package", sheet, found, problems, vesting.table, aliases
    )


def years_in_use(tables: dict[str, pd.DataFrame], as_of: dt.date | None) -> range:
    """Last year to two years ahead of every date in the tables and the as-of date."""
    years = {(as_of or dt.date.today()).year}
    for df in tables.values():
        for col, dtype in df.dtypes.items():
            if not pd.api.types.is_datetime64_any_dtype(dtype):
                continue
            s = df[col]
            if isinstance(dtype, np.dtype):  # numpy dates (the reader's): min and max in numpy
                days = s.to_numpy()
                days = days[~np.isnat(days)]
                if len(days):
                    ends = days[[days.argmin(), days.argmax()]].astype("datetime64[Y]")
                    years.update((ends.astype(int) + 1970).tolist())
            elif s.notna().any():
                years.update({int(s.min().year), int(s.max().year)})
    years = {min(max(y, 1990), 2100) for y in years}
    return range(min(years) - 1, max(years) + 3)

"""The Vesting table of the Settings sheet (docs/definitions.md § Year by year), found like the Holidays table: by
its Excel Table, else by a header row holding `Schedule` and `Year 1 %`.

Columns `Year 5 %`, `Year 6 %`... added to the right of a longer schedule are read for the check
that a schedule adds up to 100%; only years 1 to 4 are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ..letters import col_letters
from ..problems import ERROR, WARNING, Problem
from ..schema import VESTING_TABLE, YEARS, norm_header
from ._layout import Layout
from ._parse import parse_numbers

SHEET = "Settings"
_YEAR = re.compile(r"^year(\d+)%$")  # a normalised `Year N %` header
_SUM_TOLERANCE = 1e-6


@dataclass
class VestingRead:
    table: pd.DataFrame | None  # Schedule, Year 1 % ... Year 4 %, indexed by Excel row (None: none)
    problems: list[Problem] = field(default_factory=list)


def _header_block(layout: Layout, sheet: str, cells: dict) -> tuple[int, int, int, int] | None:
    """(header row, first column, last column, last row) of the Vesting table, or None."""
    ref = next(
        (
            t
            for t in layout.tables
            if t.name.casefold() == VESTING_TABLE.name.casefold() and t.sheet == sheet
        ),
        None,
    )
    if ref is not None:
        return ref.first_row, ref.first_col, ref.last_col, ref.last_row - ref.totals_rows
    want = (norm_header("Schedule"), norm_header("Year 1 %"))
    for (row, col), value in sorted(cells.items()):
        if (
            isinstance(value, str)
            and norm_header(value) == want[0]
            and norm_header(str(cells.get((row, col + 1), ""))) == want[1]
        ):
            last_col = col + 1
            while _YEAR.match(norm_header(str(cells.get((row, last_col + 1), "")))):
                last_col += 1
            last_row = max((r for (r, c) in cells if c == col), default=row)
            return row, col, last_col, last_row
    return None


def _share(raw: object) -> tuple[float | None, bool]:
    """A share as typed: a number, or text such as `40%`; (value, readable)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, True
    if isinstance(raw, bool):
        return None, False
    if isinstance(raw, float | int):
        return float(raw), True
    values, ok = parse_numbers(pd.Series([str(raw)]), percent=True)
    return (float(values.iloc[0]), True) if ok.iloc[0] else (None, False)


def read_vesting(layout: Layout, sheet: str | None, cells: dict) -> VestingRead:
    """The Vesting table with its problems: a share that is not a number is an error naming the
    cell; a schedule whose years do not add up to 100%, or that is named twice, a warning."""
    block = _header_block(layout, sheet, cells) if sheet else None
    if block is None:
        return VestingRead(None)
    header_row, c1, c2, last_row = block
    heads = {norm_header(str(cells.get((header_row, c), ""))): c for c in range(c1, c2 + 1)}
    name_col = heads.get(norm_header("Schedule"), c1)
    years = {
        int(m.group(1)): c for h, c in heads.items() if (m := _YEAR.match(h)) and int(m.group(1))
    }
    problems: list[Problem] = []
    rows, seen = [], {}
    for row in range(header_row + 1, last_row + 1):
        name = cells.get((row, name_col))
        name = None if name is None else str(name).strip() or None
        shares = {}
        for year, col in sorted(years.items()):
            value, ok = _share(cells.get((row, col)))
            if not ok:
                problems.append(
                    Problem(
                        SHEET,
                        f"{col_letters(col)}{row}",
                        f'"{cells[(row, col)]}" is not a number (Vesting, Year {year} %)',
                        ERROR,
                        f"Year {year} %",
                    )
                )
            shares[year] = value
        if name is None:
            continue
        where = f"{col_letters(name_col)}{row}"
        key = name.casefold()
        if key in seen:
            problems.append(
                Problem(
                    SHEET,
                    where,
                    f"the vesting schedule {name} is named twice (first on row {seen[key]}); "
                    "offers use the first",
                    WARNING,
                    "Schedule",
                )
            )
            continue
        seen[key] = row
        total = sum(v for v in shares.values() if v is not None)
        if abs(total - 1) > _SUM_TOLERANCE:
            hint = " (type 40% or 0.40, not 40)" if abs(total - 100) <= 100 * _SUM_TOLERANCE else ""
            problems.append(
                Problem(
                    SHEET,
                    where,
                    f"the vesting schedule {name} on row {row} adds up to {total * 100:.4g}%, "
                    f"not 100%{hint}",
                    WARNING,
                    "Schedule",
                )
            )
        rows.append((row, name, *(shares.get(k) for k in range(1, YEARS + 1))))
    table = pd.DataFrame(
        [r[1:] for r in rows],
        columns=VESTING_TABLE.headers,
        index=pd.Index([r[0] for r in rows], name="row"),
    )
    return VestingRead(table, problems)

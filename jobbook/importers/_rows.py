"""A file's rows, with how the file writes ambiguous dates and numbers decided once per column
from all of the column's values, never cell by cell:

* ``03/04/2026`` is 3 April when any value of its column has a first number over 12 (``13/04``),
  4 March when any has a second number over 12; a column with both is an error naming both rows.
  A column where every value could be either follows the file: day first in a semicolon-separated
  file (what Excel writes where the comma is the decimal mark, i.e. Europe), else month first (as
  LinkedIn, Huntr, Teal and US Excel write).
* ``1,500`` and ``85.000`` (one separator before three digits) are 1.5 and 85000 when the column
  elsewhere writes a decimal comma (``12,5``, ``1.234,56``), 1500 and 85.0 when it writes a decimal
  point; a column that never tells follows the file, as for dates.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import ImportFailed
from ._common import AMOUNT, clean, decimal_mark, parse_amounts, parse_date, slash_parts

Row = dict[str, object]


class Rows:
    """(row number, {column: value}) of one file, iterable as such; ``european`` when the file is
    semicolon-separated."""

    def __init__(self, name: str, rows: list[tuple[int, Row]], european: bool = False):
        self.name = name
        self.rows = rows
        self.european = european
        self._day_first: dict[str, bool] = {}
        self._decimal_comma: dict[str, bool] = {}

    def __iter__(self) -> Iterator[tuple[int, Row]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def day_first(self, column: str, label: str | None = None) -> bool:
        if column not in self._day_first:
            day = month = None  # (row, text) of the first value that shows each order
            for n, row in self.rows:
                parts = slash_parts(row.get(column))
                if parts is None:
                    continue
                if parts[0] > 12 and day is None:
                    day = (n, clean(row[column]))
                if parts[1] > 12 and month is None:
                    month = (n, clean(row[column]))
            if day and month:
                raise ImportFailed(
                    f"{self.name} row {max(day[0], month[0])}: {label or column} mixes day-first "
                    f"({day[1]!r}, row {day[0]}) and month-first ({month[1]!r}, row {month[0]}) "
                    "dates; write the column one way (2024-11-20 is never ambiguous)"
                )
            self._day_first[column] = bool(day) or (self.european and not month)
        return self._day_first[column]

    def decimal_comma(self, column: str) -> bool:
        if column not in self._decimal_comma:
            votes = {",": 0, ".": 0}
            for _, row in self.rows:
                value = row.get(column)
                if isinstance(value, str):
                    for m in AMOUNT.finditer(clean(value) or ""):
                        mark = decimal_mark(m.group(1))
                        if mark:
                            votes[mark] += 1
            if votes[","] != votes["."]:
                self._decimal_comma[column] = votes[","] > votes["."]
            else:
                self._decimal_comma[column] = self.european
        return self._decimal_comma[column]

    def date(self, row: Row, column: str, origin: str, label: str | None = None):
        """The date in `column` of `row`, read the column's way; errors name `label`."""
        value = row.get(column)
        first = self.day_first(column, label) if slash_parts(value) else False
        return parse_date(value, origin, label or column, day_first=first)

    def amounts(self, row: Row, column: str) -> tuple[float | None, float | None]:
        value = row.get(column)
        return parse_amounts(value, self.decimal_comma(column) if isinstance(value, str) else False)

"""A file's rows, with how the file writes ambiguous dates and numbers decided once per column
from all of the column's values, never cell by cell:

* ``03/04/2026`` is 3 April when any value of its column has a first number over 12 (``13/04``),
  4 March when any has a second number over 12. In a column with both, each value that shows its
  order is read so, and one that could be either is a bad cell naming the two rows that disagree.
  A column where every value could be either follows the file: day first in a semicolon-separated
  file (what Excel writes where the comma is the decimal mark, i.e. Europe), else month first (as
  LinkedIn, Huntr, Teal and US Excel write). Dates inside a longer text (a Stage history) are
  counted the same way, per column.
* ``1,500`` and ``85.000`` (one separator before three digits) are 1.5 and 85000 when the column
  elsewhere writes a decimal comma (``12,5``, ``1.234,56``), 1500 and 85.0 when it writes a decimal
  point; a column that never tells follows the file, as for dates.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._common import AMOUNT, clean, decimal_mark, letter, parse_amounts
from ._dates import FIND_DATES, WRITE_IT, CellError, parse_date, slash_parts

Row = dict[str, object]


class Rows:
    """(row number, {column: value}) of one file, iterable as such; ``european`` when the file is
    semicolon-separated; `header` its (unique) column names, in order; `sheet` the sheet of a
    workbook, whose cells are then named as ``Sheet!D7``."""

    def __init__(
        self,
        name: str,
        rows: list[tuple[int, Row]],
        european: bool = False,
        header: list[str] | None = None,
        sheet: str | None = None,
    ):
        self.name = name
        self.rows = rows
        self.european = european
        self.header = header if header is not None else list(rows[0][1]) if rows else []
        self.sheet = sheet
        self._day_first: dict[tuple[str, bool], bool | None] = {}
        self._mixed: dict[tuple[str, bool], str] = {}
        self._decimal_comma: dict[str, bool] = {}

    def __iter__(self) -> Iterator[tuple[int, Row]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def where(self, n: int, column: str | None = None) -> str:
        """``file row 7``, or for a workbook's cell ``file Sheet!D7``."""
        if self.sheet and column in self.header:
            sheet = self.sheet if self.sheet.isidentifier() else f"'{self.sheet}'"  # as Excel
            return f"{self.name} {sheet}!{letter(self.header.index(column) + 1)}{n}"
        return f"{self.name} row {n}"

    def filled(self, column: str) -> list[object]:
        """The column's values that are not blank."""
        return [v for _, r in self.rows if clean(v := r.get(column)) is not None]

    def _parts(self, value: object, inside: bool) -> list[tuple[int, int]]:
        if not inside:
            p = slash_parts(value)
            return [p] if p else []
        found = (slash_parts(m.group(0)) for m in FIND_DATES.finditer(str(value or "")))
        return [p for p in found if p]

    def day_first(self, column: str, label: str | None = None, inside: bool = False):
        """True (day first) or False (month first) for the column's slash dates; None when the
        column writes both ways (then only a date that shows its order can be read)."""
        key = (column, inside)
        if key not in self._day_first:
            day = month = None  # (row, text) of the first value that shows each order
            for n, row in self.rows:
                for parts in self._parts(row.get(column), inside):
                    if parts[0] > 12 and day is None:
                        day = (n, clean(row[column]))
                    if parts[1] > 12 and month is None:
                        month = (n, clean(row[column]))
            if day and month:
                self._day_first[key] = None
                self._mixed[key] = (
                    f"the column writes dates both ways ({day[1]!r}, row {day[0]}, is day first; "
                    f"{month[1]!r}, row {month[0]}, month first)"
                )
            else:
                self._day_first[key] = bool(day) or (self.european and not month)
        return self._day_first[key]

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

    def date(self, row: Row, column: str, origin: str, label: str | None = None, inside=False):
        """The date in `column` of `row` (or `inside`: a date found inside its text), read the
        column's way; errors (CellError) name `label`."""
        value = row.get(column)
        parts = slash_parts(value)
        first = self.day_first(column, label, inside) if parts else False
        if first is None:  # a column of both orders: only a value that shows its order reads
            if parts[0] <= 12 and parts[1] <= 12 and parts[0] != parts[1]:
                text = " ".join(str(value).split())
                why = f"could be either day first or month first: {self._mixed[(column, inside)]}"
                raise CellError(origin, text, why, label or column, WRITE_IT)
            first = parts[0] > 12
        return parse_date(value, origin, label or column, day_first=first)

    def dates_in(self, text: str, column: str, origin: str, label: str):
        """[(start, end, date)] of the dates written inside `text` (a Stage history cell)."""
        out = []
        for m in FIND_DATES.finditer(text):
            day = self.date({column: m.group(0)}, column, origin, label, inside=True)
            out.append((m.start(), m.end(), day))
        return out

    def amounts(self, row: Row, column: str) -> tuple[float | None, float | None]:
        value = row.get(column)
        return parse_amounts(value, self.decimal_comma(column) if isinstance(value, str) else False)

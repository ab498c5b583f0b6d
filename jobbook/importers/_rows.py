"""A file's rows, with how the file writes ambiguous dates and numbers decided once per column
from all of the column's values, never cell by cell:

* ``03/04/2026`` is 3 April when any value of its column has a first number over 12 (``13/04``),
  4 March when any has a second number over 12. In a column with both, each value that shows its
  order is read so, and one that could be either is a bad cell naming the two rows that disagree
  (unless ``--dates`` says the order). A column where every value could be either is read by the
  ``DateOrder`` of the file: ``--dates dmy|mdy`` when given; an export's own order (LinkedIn writes
  month first); day first in a semicolon-separated file (what Excel writes where the comma is the
  decimal mark, i.e. Europe); else the book's Country (day first but in the US and the few
  countries that write month first); such a column is counted (``defaulted``) for the summary.
  Dates inside a longer text (a Stage history) are counted the same way, per column. A date that
  cannot be read is shown as the column's readable dates write it (``write it as 11/20/2024``).
* ``1,500`` and ``85.000`` (one separator before three digits) are 1.5 and 85000 when the column
  elsewhere writes a decimal comma (``12,5``, ``1.234,56``), 1500 and 85.0 when it writes a decimal
  point; a column that never tells follows the file, as for dates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..letters import col_letters
from ._cells import AMOUNT, clean, decimal_mark, parse_amounts
from ._dates import FIND_DATES, WRITE_IT, CellError, parse_date, slash_parts, written_like
from .vocabulary import MONTH_FIRST_COUNTRIES

Row = dict[str, object]
DATES_OPTION = {"dmy": True, "mdy": False}  # --dates: day first?


@dataclass(frozen=True)
class DateOrder:
    """How the slash dates of a column that never shows its order are read: `day_first`, and
    why (``as in GB``: said in the summary). `said`: ``--dates`` gave it, which also settles the
    values of a column written both ways; `fixed`: the export's own (nothing to report)."""

    day_first: bool
    why: str
    said: bool = False
    fixed: bool = False

    @property
    def words(self) -> str:
        return "day first" if self.day_first else "month first"

    @property
    def other(self) -> str:
        return "mdy" if self.day_first else "dmy"


def date_order(dates: str | None, country: str | None) -> DateOrder:
    """The order of ``--dates`` (``dmy``, ``mdy``), else of the book's Country."""
    if dates is not None:
        return DateOrder(DATES_OPTION[dates], f"as --dates {dates} says", said=True)
    cc = (country or "US").strip().upper()
    return DateOrder(cc not in MONTH_FIRST_COUNTRIES, f"as in {cc}, the book's Country")


MONTH_FIRST = DateOrder(False, "as the export writes them", fixed=True)


@dataclass(frozen=True)
class EitherWay:
    """A column of a file whose slash dates could all be read either way, how many differ by
    the order, and the order they were read in (said in the summary)."""

    file: str
    header: str
    dates: int
    order: DateOrder


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
        self.order: DateOrder | None = None  # None: US (month first), or day first with ;
        self.defaulted: dict[str, tuple[int, DateOrder]] = {}  # column -> (dates, order used)
        self._day_first: dict[tuple[str, bool], bool | None] = {}
        self._mixed: dict[tuple[str, bool], str] = {}
        self._decimal_comma: dict[str, bool] = {}
        self._example: dict[tuple[str, bool], str] = {}

    def __iter__(self) -> Iterator[tuple[int, Row]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def where(self, n: int, column: str | None = None) -> str:
        """``file row 7``, or for a workbook's cell ``file Sheet!D7``."""
        if self.sheet and column in self.header:
            sheet = self.sheet if self.sheet.isidentifier() else f"'{self.sheet}'"  # as Excel
            return f"{self.name} {sheet}!{col_letters(self.header.index(column) + 1)}{n}"
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

    def _default(self) -> DateOrder:
        order = self.order or DateOrder(False, "as in US")
        if order.said or order.fixed or not self.european:
            return order
        return DateOrder(True, "as a file separated by semicolons (Europe) writes them")

    def day_first(self, column: str, label: str | None = None, inside: bool = False):
        """True (day first) or False (month first) for the column's slash dates; None when the
        column writes both ways (then only a date that shows its order can be read)."""
        key = (column, inside)
        if key not in self._day_first:
            day = month = None  # (row, text) of the first value that shows each order
            either = 0  # values that could be read both ways, and differently
            for n, row in self.rows:
                for parts in self._parts(row.get(column), inside):
                    if parts[0] > 12 and day is None:
                        day = (n, clean(row[column]))
                    if parts[1] > 12 and month is None:
                        month = (n, clean(row[column]))
                    either += parts[0] <= 12 and parts[1] <= 12 and parts[0] != parts[1]
            order = self._default()
            if day and month:
                self._day_first[key] = order.day_first if order.said else None
                self._mixed[key] = (
                    f"the column writes dates both ways ({day[1]!r}, row {day[0]}, is day first; "
                    f"{month[1]!r}, row {month[0]}, month first)"
                )
            elif order.said:
                self._day_first[key] = order.day_first
            elif day or month:
                self._day_first[key] = bool(day)
            else:
                self._day_first[key] = order.day_first
                if either and not order.fixed:
                    got = self.defaulted.get(column, (0, order))[0]
                    self.defaulted[column] = (got + either, order)
        return self._day_first[key]

    def example(self, column: str, inside: bool = False) -> str:
        """The example day written as most of the column's readable dates are (else ISO)."""
        key = (column, inside)
        if key not in self._example:
            first = self._day_first.get(key)
            styles: Counter = Counter()
            for _, row in self.rows:
                value = row.get(column)
                texts = (
                    [m.group(0) for m in FIND_DATES.finditer(str(value or ""))]
                    if inside
                    else [value]
                )
                for t in texts:
                    try:
                        if parse_date(t, "", "", day_first=bool(first)) is None:
                            continue
                    except CellError:
                        continue
                    if (style := written_like(t, bool(first))) is not None:
                        styles[style] += 1
            self._example[key] = styles.most_common(1)[0][0] if styles else "2024-11-20"
        return self._example[key]

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
        try:
            if first is None:  # a column of both orders: only a value that shows its order reads
                if parts[0] <= 12 and parts[1] <= 12 and parts[0] != parts[1]:
                    text = " ".join(str(value).split())
                    mixed = self._mixed[(column, inside)]
                    why = f"could be either day first or month first: {mixed}"
                    raise CellError(origin, text, why, label or column, WRITE_IT)
                first = parts[0] > 12
            elif parts and self._default().said and max(parts) > 12:
                first = parts[0] > 12  # --dates settles what could be either, not 13/04
            return parse_date(value, origin, label or column, day_first=first)
        except CellError as exc:
            if exc.hint != WRITE_IT:
                raise
            hint = f"write it as {self.example(column, inside)}"
            if first is None:
                hint += ", or say --dates dmy or --dates mdy"
            raise exc.hinted(hint) from None

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

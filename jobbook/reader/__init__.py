"""``read_book``: a workbook in; typed tables, settings, holidays and problems out.

Each table is found by its Excel Table or by its header row in the top 20 rows; headers match case-
and space-insensitively; extra columns, extra sheets and blank rows are fine; a missing optional
sheet is an empty table; a book without Settings gets the defaults and the US holidays. Computed
columns are always computed by the core, never taken from cached formula results.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..core import BusinessCalendar, Context, computed_table
from ..core.known import Past, past_of
from ..core.settings import Settings
from ..errors import BadValue, NotAWorkbook, one_line
from ..problems import ERROR, Problem
from ..schema import TABLES
from ..validate import validate, vesting_rules
from ._cells import read_cells, rows_of
from ._columns import empty_frame
from ._fast import SheetScans, big_sheet
from ._formulas import RESAVE
from ._layout import Layout, find_sheet, inspect, refuse_strict, sniff
from ._settings import SHEET as SETTINGS
from ._settings import read_settings, years_in_use
from ._table import TableRead, read_table, sheet_of

__all__ = [
    "Book",
    "read_book",
    "refuse_strict",
    # for the editor and the template, which read a workbook's parts themselves
    "inspect",
    "read_cells",
    "rows_of",
    "sniff",
]


@dataclass(frozen=True)
class Book:
    """A workbook as jobbook sees it. ``tables`` hold inputs and computed columns; the index of each
    table is the Excel row number, so ``book.where("Pipeline", "Salary min", 7)`` names a cell."""

    path: Path
    inputs: dict[str, pd.DataFrame]
    settings: Settings
    holidays: pd.DataFrame
    holiday_source: str
    problems: list[Problem]
    sheets: dict[str, str | None]  # table name -> the workbook's sheet name (None: missing)
    letters: dict[str, dict[str, str]]  # table name -> header -> column letter
    header_rows: dict[str, int | None]
    layout: Layout = field(repr=False)
    as_of: dt.date = field(default_factory=dt.date.today)
    # (table, header) -> the column's dates with their time of day, for the schema's keeps_time
    # columns (Interviews Date): ``inputs`` and ``tables`` hold them truncated to the day.
    times: dict[tuple[str, str], pd.Series] = field(default_factory=dict, repr=False)
    vesting: pd.DataFrame | None = field(default=None, repr=False)  # None: the default schedules
    setting_cells: dict[str, str] = field(default_factory=dict)  # setting name -> "B13"
    settings_sheet: str | None = None  # the workbook's Settings sheet (None: missing)
    # table name -> the first row typed below its Excel Table: rows the workbook's own formulas
    # skip; a problem there stops no command (README § Changing your workbook: only the rows a command needs)
    below: dict[str, int] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()  # tables not read (``read_book(only=...)``): empty here
    # Settings' Company aliases table (README § Your mail): (alias, company) in sheet order
    aliases: tuple[tuple[str, str], ...] = ()
    # table -> header -> row -> formula: formulas in columns read whose value jobbook cannot know
    # (none saved, or XlsxWriter's 0 in a date or text column): read as blank (``_formulas``)
    unknown: dict[str, dict[str, dict[int, str]]] = field(default_factory=dict)

    # -- dates and computed columns -------------------------------------------------------------
    @cached_property
    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(self.holidays["Date"])

    @cached_property
    def past(self) -> Past | None:
        """On a past as-of date (before today): what History says of the Next actions
        (``core.known.past_of``); None on today or later."""
        return past_of(self.inputs.get("History"), self.as_of, dt.date.today())

    @property
    def context(self) -> Context:
        return Context(self.settings, self.calendar, self.as_of, self.vesting, self.past)

    @cached_property
    def tables(self) -> Mapping[str, pd.DataFrame]:
        """Every table with its computed columns, as of ``as_of`` (each computed when first
        asked for: `jobbook offers` computes the Offers table only)."""
        return _Computed(self.inputs, self.context)

    def at(self, as_of: dt.date | None) -> Book:
        """The same book as of another date (None: the book's AsOf, else today)."""
        return replace(self, as_of=as_of or self.settings.as_of())

    # -- problems -------------------------------------------------------------------------------
    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def cell(self, table: str, header: str, row: int) -> str:
        """``J7``: the cell of `header` on Excel row `row` of `table`."""
        return f"{self.letters.get(table, {}).get(header, '?')}{row}"

    def where(self, table: str, header: str, row: int) -> str:
        """``Pipeline!J7``."""
        return f"{self.sheets.get(table) or table}!{self.cell(table, header, row)}"

    def require(self, needs: Mapping[str, Iterable[str] | None]) -> list[Problem]:
        """Raise BadValue for the first error in a column a command needs (None: the whole table);
        return the other problems, which the command shows as warnings."""
        sheet_to_table = {s: t for t, s in self.sheets.items() if s}
        fatal, rest = [], []
        for p in self.problems:
            table = sheet_to_table.get(p.sheet, p.sheet)
            cols = needs.get(table, ()) if table in needs else ()
            needed = table in needs and (cols is None or p.column is None or p.column in set(cols))
            row = int("".join(ch for ch in p.cell or "" if ch.isdigit()) or 0)
            if table in self.below and row >= self.below[table]:
                needed = False  # typed below the Table: a warning, as the reader says
            (fatal if needed and p.is_error and p.stops else rest).append(p)
        self._refuse_unknown(needs)
        if fatal:
            more = (
                f" (and {len(fatal) - 1} more; run: jobbook check {self.path})"
                if len(fatal) > 1
                else ""
            )
            raise BadValue(f"{self.path}: {fatal[0]}{more}")
        return rest

    def _refuse_unknown(self, needs: Mapping[str, Iterable[str] | None]) -> None:
        """Raise BadValue when a column a command needs holds a formula whose value jobbook
        cannot know (rows typed below a Table aside): it names the cell and the formula, and
        what to do, where a blank would have said "Status is required"."""
        cells = []
        for table, cols in needs.items():
            wanted = None if cols is None else set(cols)
            below = self.below.get(table)
            for header, rows in self.unknown.get(table, {}).items():
                if wanted is None or header in wanted:
                    cells += [(r, header, f) for r, f in rows.items() if below is None or r < below]
            if cells:
                cells.sort()
                r, header, formula = cells[0]
                more = f" (and {len(cells) - 1} more such cells)" if len(cells) > 1 else ""
                raise BadValue(
                    f"{self.path}: {self.where(table, header, r)}: {header} is the formula "
                    f"={formula}, with no value saved that jobbook can use{more}; {RESAVE}, "
                    "so that its values are saved, then run this again"
                )


class _Computed(Mapping):
    """The tables with their computed columns (``core.computed_table``), each on first use."""

    def __init__(self, inputs: dict[str, pd.DataFrame], ctx: Context):
        self._inputs, self._ctx, self._done = inputs, ctx, {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._done:
            self._done[name] = computed_table(name, self._inputs, self._ctx)
        return self._done[name]

    def __iter__(self):
        return iter(self._inputs)

    def __len__(self) -> int:
        return len(self._inputs)


def _open(path: Path):
    import fastexcel  # imported here so that `jobbook --help` stays fast

    try:
        return fastexcel.read_excel(str(path))
    except (fastexcel.FastExcelError, OSError) as exc:  # not a bug of ours: the file itself
        raise NotAWorkbook(f"{path}: the workbook cannot be read ({one_line(exc)})") from exc


def read_book(
    path: str | Path,
    as_of: dt.date | None = None,
    workers: int | None = None,
    only: Iterable[str] | None = None,
) -> Book:
    """Read the workbook at `path` (.xlsx or .xlsm). Raises a JobbookError for a file that is not a
    readable workbook; problems with its contents are listed in ``Book.problems``.

    `only`: the tables to read (default: all). The others are not read at all: they are empty in
    the Book (``Book.skipped`` names them), and their problems and the references into them are
    not checked. The tables read are read exactly as in a full read.

    `workers`: sheets parsed at once, in threads (default: the JOBBOOK_WORKERS environment
    variable, else 1). fastexcel 0.21 holds the interpreter lock while it parses, so two threads
    gain little, and they need the memory of both sheets at once: on a 1,048,575-row book, 1.8 GB
    instead of 1.4 GB (README § Speed asks < 1.5 GB)."""
    path = Path(path)
    names = list(TABLES) if only is None else [n for n in TABLES if n in set(only)]
    if only is not None and set(only) - set(TABLES):
        raise ValueError(f"no such tables: {sorted(set(only) - set(TABLES))}")

    def parsed(layout: Layout) -> list[str]:  # the sheets read: tables and Settings
        found = [sheet_of(layout, TABLES[n]) for n in names] + [find_sheet(layout, SETTINGS)]
        return [s for s in dict.fromkeys(found) if s is not None and s in layout.parts]

    layout = inspect(path, None if only is None else parsed, keep=True)
    if workers is None and os.environ.get("JOBBOOK_WORKERS", "").isdigit():
        workers = int(os.environ["JOBBOOK_WORKERS"])
    if workers is None:
        workers = 1
    order = sorted(names, key=lambda n: -layout.sizes.get(find_sheet(layout, n) or "", 0))
    found = [sheet_of(layout, TABLES[n]) for n in order]
    big = [layout.parts[s] for s in found if s is not None and big_sheet(layout, s)]
    with SheetScans(path, list(dict.fromkeys(big))) as scans:
        if workers <= 1:
            reader = _open(path)
            got = {name: read_table(path, layout, reader, TABLES[name], scans) for name in order}
        else:
            local = threading.local()

            def one(name: str):
                if not hasattr(local, "reader"):
                    local.reader = _open(path)
                return read_table(path, layout, local.reader, TABLES[name], scans)

            with ThreadPoolExecutor(max_workers=workers) as pool:
                got = dict(zip(order, pool.map(one, order)))
    layout.xml.clear()  # the sheets' XML, read once for the guard and the formulas: freed
    problems: list[Problem] = []
    inputs, sheets, letters, header_rows, times = {}, {}, {}, {}, {}
    below = {name: g.below for name, g in got.items() if g.below is not None}
    unknown = {name: g.unknown for name, g in got.items() if g.unknown}
    for name in TABLES:
        g = (
            got[name]
            if name in got
            else TableRead(empty_frame(TABLES[name]), sheet_of(layout, TABLES[name]))
        )
        times.update({(name, header): t for header, t in g.times.items()})
        inputs[name], sheets[name], letters[name], header_rows[name] = (
            g.frame,
            g.sheet,
            g.letters,
            g.header_row,
        )
        problems.extend(g.problems)
    if "Pipeline" in got and sheets["Pipeline"] is None:
        problems.append(Problem("Pipeline", None, "the workbook has no Pipeline sheet", ERROR))
    settings = read_settings(path, layout, years_in_use(inputs, as_of))
    skipped = tuple(n for n in TABLES if n not in got)
    book = finish_book(
        path,
        layout,
        inputs,
        sheets,
        letters,
        header_rows,
        problems,
        settings,
        as_of,
        times,
        skipped,
        unknown,
    )
    return replace(book, below=below) if below else book


def finish_book(
    path,
    layout,
    inputs,
    sheets,
    letters,
    header_rows,
    problems,
    got,
    as_of,
    times=None,
    skipped: tuple[str, ...] = (),
    unknown: dict[str, dict[str, dict[int, str]]] | None = None,
) -> Book:
    """The Book from its typed tables and settings `got`, with the rules across rows applied (to
    the tables read: not to the `skipped` ones); `unknown`: the formulas whose value jobbook
    cannot know."""
    problems = [*problems, *got.problems]
    read = {n: df for n, df in inputs.items() if n not in skipped}
    problems += validate(read, sheets, letters, problems, unknown)
    if "Offers" in read:
        problems += vesting_rules(
            inputs["Offers"], got.vesting, sheets.get("Offers"), letters["Offers"]
        )
    return Book(
        path=Path(path),
        inputs=inputs,
        settings=got.settings,
        holidays=got.holidays,
        holiday_source=got.source,
        problems=problems,
        sheets=sheets,
        letters=letters,
        header_rows=header_rows,
        layout=layout,
        as_of=as_of or got.settings.as_of(),
        times=times or {},
        vesting=got.vesting,
        setting_cells=dict(got.cells),
        settings_sheet=got.sheet,
        skipped=skipped,
        aliases=got.aliases,
        unknown=unknown or {},
    )

"""Tables that arrive as plain values rather than as a file: Excel ranges sent to a worksheet
function (floats, None for blanks, datetimes), or DataFrames from another reader.

``typed_frame`` turns raw rows into the typed table ``read_book`` would give; ``book_from_frames``
makes a Book of them, so every face of jobbook computes with the same core.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.settings import Settings
from ..problems import ERROR, WARNING, Problem
from ..schema import DATE_KINDS, NUMERIC_KINDS, TABLES, Table, header_columns, norm_header
from ._columns import blank_values, empty_frame
from ._layout import Layout
from ._normalise import check_values, done_mask, not_a, text_date, to_dates, to_numbers, to_text

__all__ = [  # what Excel's side uses: books and typed columns from the cells Excel hands over
    "Rows",
    "book_from_frames",
    "book_from_sheets",
    "done_mask",
    "empty_frame",
    "to_dates",
    "typed_frame",
]


class Rows(Mapping):
    """A table as Excel sends it (a header row, then rows of values) read as columns on demand:
    only the columns a function needs are ever taken out of the rows."""

    def __init__(self, rows: list[list]):
        head = rows[0] if rows else []
        self.headers = [str(h).strip() if h is not None else f"_col{j}" for j, h in enumerate(head)]
        self.rows = rows[1:]
        self._at = {h: j for j, h in reversed(list(enumerate(self.headers)))}
        self._width = min(map(len, self.rows), default=0)

    def __getitem__(self, header: str) -> np.ndarray:
        j = self._at[header]
        n = len(self.rows)
        if j < self._width:  # every row reaches column j (Excel's blocks are rectangular)
            return np.fromiter(map(operator.itemgetter(j), self.rows), dtype=object, count=n)
        out = np.empty(n, dtype=object)
        out[:] = [r[j] if j < len(r) else None for r in self.rows]
        return out

    def __iter__(self):
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


Raw = pd.DataFrame | Mapping[str, Sequence]


def _height(raw: Raw) -> int:
    if isinstance(raw, pd.DataFrame):
        return len(raw)
    if isinstance(raw, Rows):
        return len(raw.rows)
    return max((len(v) for v in raw.values()), default=0)


def _column(raw: Raw, name: str) -> np.ndarray:
    if isinstance(raw, pd.DataFrame):
        return raw[name].to_numpy(dtype=object)
    values = raw[name]
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def typed_frame(
    table: Table,
    raw: Raw,
    first_row: int = 2,
    sheet: str | None = None,
    letters: dict[str, str] | None = None,
    columns: Iterable[str] | None = None,
    times: dict[str, pd.Series] | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """The typed input columns of `table` from `raw` (a DataFrame, ``Rows`` from Excel, or a
    mapping of header -> values; columns named by header, matched case- and space-insensitively;
    missing ones blank), read as the file reader reads them (``_normalise``). Only `columns` are
    converted when given (the others stay blank). The index is the row number, counting the
    header as row ``first_row - 1``; `letters` (header -> column letter) names the cells of
    problems. Blank rows are dropped. `times`, if given, receives the schema's keeps_time columns
    with their time of day (the frame holds them truncated to the day)."""
    sheet = sheet or table.name
    names = list(raw)
    by_norm = {k: names[j] for k, j in header_columns(enumerate(names)).items()}
    n = _height(raw)
    index = pd.RangeIndex(first_row, first_row + n, name="row")
    wanted = None if columns is None else set(columns)
    data, problems, found = {}, [], {}

    def report(header: str, row: int, message: str, severity: str = ERROR) -> None:
        cell = f"{letters[header]}{row}" if letters and header in letters else f"row {row}"
        problems.append(Problem(sheet, cell, message, severity, header))

    for col in table.inputs:
        name = by_norm.get(norm_header(col.header))
        if name is None or (wanted is not None and col.header not in wanted):
            data[col.header] = blank_values(col, n)
            continue
        values = _column(raw, name)
        if pd.api.types.infer_dtype(values, skipna=True) == "empty":  # every cell blank
            data[col.header] = blank_values(col, n)
            if col.keeps_time and times is not None:
                times[col.header] = pd.Series(data[col.header], index=index)
            continue
        found[col.header] = col
        if col.kind in DATE_KINDS:
            timed = col.keeps_time and times is not None
            parsed, bad, read = to_dates(values, keep_time=timed)
            if timed:  # read once: the time of day kept aside, the column holds the day
                times[col.header] = pd.Series(parsed, index=index)
                parsed = parsed.astype("datetime64[D]").astype("datetime64[s]")
            if col.kind == "done":  # any mark counts as done; FALSE (unticked) is no mark
                marks = done_mask(values)
                other = bad & marks
                bad = np.zeros(n, dtype=bool)
                if other.any():  # kept as written; a ticked box as TRUE, as in the file
                    parsed = parsed.astype(object)
                    kept = values[other]
                    ticked = np.array([isinstance(v, bool | np.bool_) for v in kept], dtype=bool)
                    parsed[other] = np.where(ticked, "TRUE", kept)
            data[col.header] = (  # marks kept as written stay objects (no text inferred)
                pd.Series(parsed, index=index, dtype=object) if parsed.dtype == object else parsed
            )
            for row in index[read]:
                report(col.header, row, text_date(col, values[row - first_row]), WARNING)
        elif col.kind in NUMERIC_KINDS:
            parsed, bad = to_numbers(values, percent=col.kind == "percent")
            data[col.header] = parsed
        else:
            data[col.header] = to_text(values).array
            bad = np.zeros(n, dtype=bool)
        for row in index[bad]:
            report(col.header, row, not_a(col, values[row - first_row]))
    frame = pd.DataFrame(data, index=index)
    filled = np.zeros(n, dtype=bool)  # blank rows: blank in every column converted
    for header in found:
        filled |= ~np.asarray(pd.isna(data[header]), dtype=bool)
    if not filled.all():
        frame = frame[filled]
    if times is not None:
        times.update({h: t.reindex(frame.index) for h, t in times.items()})
    check_values(frame, found, report)
    return frame, problems


def book_from_frames(
    frames: dict[str, pd.DataFrame],
    *,
    settings: Settings | None = None,
    holidays: pd.DataFrame | None = None,
    as_of: dt.date | None = None,
    path: str | Path = "<values>",
    needs: Mapping[str, Iterable[str] | None] | None = None,
):
    """A Book from raw tables (any of the schema's table names; the others empty). With `needs`
    (table -> the columns a computation needs, None: all), only those columns are converted."""
    from . import Book
    from ._settings import package_holidays, years_in_use

    problems: list[Problem] = []
    inputs, times = {}, {}
    for name, table in TABLES.items():
        if name in frames and frames[name] is not None:
            timed: dict[str, pd.Series] = {}
            columns = needs.get(name) if needs is not None else None
            inputs[name], found = typed_frame(table, frames[name], columns=columns, times=timed)
            times.update({(name, header): t for header, t in timed.items()})
            problems += found
        else:
            inputs[name] = empty_frame(table)
    settings = settings or Settings()
    if holidays is None:
        holidays = package_holidays(settings.Country, years_in_use(inputs, as_of))
    return Book(
        path=Path(path),
        inputs=inputs,
        settings=settings,
        holidays=holidays,
        holiday_source="given" if holidays is not None else "package",
        problems=problems,
        sheets={n: n if n in frames else None for n in TABLES},
        letters={n: {} for n in TABLES},
        header_rows={n: 1 if n in frames else None for n in TABLES},
        layout=Layout(path=Path(path)),
        as_of=as_of or settings.as_of(),
        times=times,
    )


def _header_row(rows: list[list], table: Table) -> int | None:
    """Index of the header row among the first 20 rows of a block (as read_book finds it)."""
    required = {norm_header(h) for h in table.required}
    known = {norm_header(h) for h in table.headers}
    best, best_hits = None, 1
    for i, row in enumerate(rows[:20]):
        names = {norm_header(v) for v in row if isinstance(v, str)}
        if required <= names:
            return i
        if len(names & known) > best_hits:
            best, best_hits = i, len(names & known)
    return best


def _without(block: tuple[int, int, list[list]], cells) -> tuple[int, int, list[list]]:
    """`block` with the cells of `cells` ((row, first column, last column), Excel numbers)
    blank; the rows are copied, the caller's are left as they are."""
    r0, c0, rows = block
    rows = [list(r) for r in rows]
    for row, c1, c2 in cells:
        if 0 <= row - r0 < len(rows):
            line = rows[row - r0]
            for c in range(max(c1, c0), min(c2, c0 + len(line) - 1) + 1):
                line[c - c0] = None
    return r0, c0, rows


def book_from_sheets(
    blocks: dict[str, tuple[int, int, list[list]]],
    *,
    path: str | Path = "<workbook>",
    as_of: dt.date | None = None,
    totals: Mapping[str, Iterable[tuple[int, int, int]]] | None = None,
):
    """A Book from the used range of each sheet, as Excel gives them to Python: {sheet name:
    (first row, first column, 2-D values)}. Cells keep their addresses, so problems and the
    buttons' writes name real cells. `totals`: {sheet name: (row, first column, last column) of
    each Excel Table's totals row}, cells that are not data."""
    from ..letters import col_letters
    from . import finish_book
    from ._settings import settings_from_cells, years_in_use

    for sheet, cells in (totals or {}).items():
        if sheet in blocks:
            blocks = {**blocks, sheet: _without(blocks[sheet], cells)}
    by_norm = {norm_header(name): name for name in blocks}
    inputs, sheets, letters, header_rows, problems, times = {}, {}, {}, {}, [], {}
    for name, table in TABLES.items():
        sheet = by_norm.get(norm_header(name))
        inputs[name], sheets[name], letters[name], header_rows[name] = (
            empty_frame(table),
            sheet,
            {},
            None,
        )
        if sheet is None:
            continue
        r0, c0, rows = blocks[sheet]
        h = _header_row(rows, table)
        if h is None:
            problems.append(
                Problem(
                    sheet,
                    None,
                    f"no header row with {', '.join(table.required)} in the top 20 rows",
                    ERROR,
                )
            )
            continue
        heads = [str(v).strip() if v is not None else f"_col{j}" for j, v in enumerate(rows[h])]
        norms = header_columns(enumerate(heads))
        letters[name] = {
            c.header: col_letters(c0 + norms[norm_header(c.header)])
            for c in table.columns
            if norm_header(c.header) in norms
        }
        for col in table.required:
            if col not in letters[name]:
                problems.append(
                    Problem(
                        sheet,
                        None,
                        f"the header row (row {r0 + h}) has no {col!r} column",
                        ERROR,
                        col,
                    )
                )
        timed: dict[str, pd.Series] = {}
        inputs[name], found = typed_frame(
            table,
            Rows(rows[h:]),
            first_row=r0 + h + 1,
            sheet=sheet,
            letters=letters[name],
            times=timed,
        )
        times.update({(name, header): t for header, t in timed.items()})
        header_rows[name] = r0 + h
        problems += found
    settings_sheet = by_norm.get(norm_header("Settings"))
    cells = {}
    if settings_sheet is not None:
        r0, c0, rows = blocks[settings_sheet]
        cells = {
            (r0 + i, c0 + j): v
            for i, row in enumerate(rows)
            for j, v in enumerate(row)
            if v is not None
        }
    layout = Layout(path=Path(path))
    got = settings_from_cells(cells, layout, settings_sheet, years_in_use(inputs, as_of))
    return finish_book(
        path, layout, inputs, sheets, letters, header_rows, problems, got, as_of, times
    )

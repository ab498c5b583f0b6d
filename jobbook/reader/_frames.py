"""Tables that arrive as plain values rather than as a file: Excel ranges sent to a worksheet
function (floats, None for blanks, datetimes), or DataFrames from another reader.

``typed_frame`` turns raw rows into the typed table ``read_book`` would give; ``book_from_frames``
makes a Book of them, so every face of jobbook computes with the same core.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.settings import Settings
from ..problems import ERROR, Problem
from ..schema import DATE_KINDS, NUMERIC_KINDS, TABLES, Table, norm_header
from ._layout import Layout
from ._parse import parse_dates, parse_numbers
from ._table import empty_frame


def _text(values: pd.Series) -> pd.Series:
    """Text as the reader gives it: stripped, blanks as NA, whole-number floats (IDs) as "7"."""
    if pd.api.types.is_numeric_dtype(values.dtype):
        f = values.astype(float)
        whole = f.notna() & (f % 1 == 0)
        out = f.astype("str")
        out[whole] = f[whole].astype("int64").astype("str")
        return out.mask(f.isna())
    kinds = values.map(type)
    out = values.astype("str").str.strip()
    floats = kinds.eq(float)
    if floats.any():
        f = values[floats].astype(float)
        whole = f.notna() & (f % 1 == 0)
        out[whole[whole].index] = f[whole].astype("int64").astype("str")
    dates = kinds.isin([dt.date, dt.datetime, pd.Timestamp])
    if dates.any():
        out[dates] = pd.to_datetime(values[dates].astype(object)).dt.strftime("%Y-%m-%d")
    return out.mask(values.isna() | (out == ""))


def _dates(values: pd.Series, keep_time: bool = False) -> tuple[pd.Series, pd.Series]:
    """Datetimes kept (truncated to the day unless `keep_time`); text or serial numbers parsed;
    the rest is bad."""

    def day(s: pd.Series) -> pd.Series:
        return s if keep_time else s.dt.floor("D")

    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return day(values.astype("datetime64[s]")), pd.Series(False, index=values.index)
    if pd.api.types.is_numeric_dtype(values.dtype):
        parsed, ok = parse_dates(values.astype("str").mask(values.isna()), keep_time=keep_time)
        return parsed, values.notna() & ~ok
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[s]")
    is_dt = values.map(type).isin([dt.date, dt.datetime, pd.Timestamp])
    if is_dt.any():
        out[is_dt] = day(pd.to_datetime(values[is_dt].astype(object)).astype("datetime64[s]"))
    rest = values.notna() & ~is_dt
    bad = pd.Series(False, index=values.index)
    if rest.any():
        parsed, ok = parse_dates(values[rest].astype(str), keep_time=keep_time)
        out[rest] = parsed
        bad[rest] = ~ok
    return out, bad


def typed_frame(
    table: Table,
    raw: pd.DataFrame,
    first_row: int = 2,
    sheet: str | None = None,
    letters: dict[str, str] | None = None,
    times: dict[str, pd.Series] | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """The typed input columns of `table` from `raw` (columns named by header, matched case- and
    space-insensitively; missing ones blank). The index is the row number, counting the header as
    row ``first_row - 1``; `letters` (header -> column letter) names the cells of problems. Blank
    rows are dropped; unreadable cells are problems. `times`, if given, receives the schema's
    keeps_time columns with their time of day (the frame holds them truncated to the day)."""
    sheet = sheet or table.name
    by_norm = {norm_header(c): c for c in raw.columns}
    index = pd.RangeIndex(first_row, first_row + len(raw), name="row")
    empty = empty_frame(table)
    data, problems = {}, []
    for col in table.inputs:
        name = by_norm.get(norm_header(col.header))
        if name is None:
            data[col.header] = empty[col.header].reindex(index)
            continue
        values = pd.Series(raw[name].to_numpy(dtype=object), index=index)
        # blank text counts as blank (checked cell by cell: a column may mix text, dates and booleans)
        values = values.mask(values.map(lambda v: isinstance(v, str) and not v.strip()))
        if col.kind == "done":  # an unticked checkbox (FALSE) is not done
            values = values.mask(
                values.map(lambda v: v is False or (isinstance(v, np.bool_) and not v))
            )
        if col.kind in DATE_KINDS:
            parsed, bad = _dates(values)
            if col.keeps_time and times is not None:
                times[col.header] = _dates(values, keep_time=True)[0]
            if col.kind == "done" and bad.any():  # any mark counts as done
                parsed = parsed.astype(object)
                parsed[bad] = values[bad]
                bad[:] = False
            data[col.header] = parsed
        elif col.kind in NUMERIC_KINDS:
            numeric = pd.to_numeric(values, errors="coerce")
            bad = values.notna() & numeric.isna()
            if bad.any():
                again, ok = parse_numbers(values[bad].astype(str), percent=col.kind == "percent")
                numeric[bad] = again
                bad[bad] = ~ok
            data[col.header] = numeric.astype(float)
        else:
            data[col.header] = _text(values)
            bad = pd.Series(False, index=index)
        for row in bad[bad].index:
            want = "a date" if col.kind in DATE_KINDS else "a number"
            cell = (
                f"{letters[col.header]}{row}" if letters and col.header in letters else f"row {row}"
            )
            problems.append(
                Problem(
                    sheet, cell, f'"{values[row]}" is not {want} ({col.header})', ERROR, col.header
                )
            )
    frame = pd.DataFrame(data, index=index)
    frame = frame[~frame.isna().all(axis=1)]
    if times is not None:
        times.update({h: t.reindex(frame.index) for h, t in times.items()})
    return frame, problems


def book_from_frames(
    frames: dict[str, pd.DataFrame],
    *,
    settings: Settings | None = None,
    holidays: pd.DataFrame | None = None,
    as_of: dt.date | None = None,
    path: str | Path = "<values>",
):
    """A Book from raw tables (any of the schema's table names; the others empty)."""
    from . import Book
    from ._settings import package_holidays, years_in_use

    problems: list[Problem] = []
    inputs, times = {}, {}
    for name, table in TABLES.items():
        if name in frames and frames[name] is not None:
            timed: dict[str, pd.Series] = {}
            inputs[name], found = typed_frame(table, frames[name], times=timed)
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


def book_from_sheets(
    blocks: dict[str, tuple[int, int, list[list]]],
    *,
    path: str | Path = "<workbook>",
    as_of: dt.date | None = None,
):
    """A Book from the used range of each sheet, as Excel gives them to Python: {sheet name:
    (first row, first column, 2-D values)}. Cells keep their addresses, so problems and the
    buttons' writes name real cells."""
    from . import finish_book
    from ._layout import col_letters
    from ._settings import settings_from_cells, years_in_use

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
        norms = {norm_header(v): j for j, v in reversed(list(enumerate(heads)))}
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
        raw = (
            pd.DataFrame(rows[h + 1 :], columns=heads)
            if len(rows) > h + 1
            else pd.DataFrame(columns=heads)
        )
        timed: dict[str, pd.Series] = {}
        inputs[name], found = typed_frame(
            table, raw, first_row=r0 + h + 1, sheet=sheet, letters=letters[name], times=timed
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

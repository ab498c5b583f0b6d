"""Read one table of the schema from a sheet: find the header, load typed columns, report problems.

One full parse of the sheet with fastexcel (typed per the schema, with the cells that failed to
convert reported by position), plus a second parse of just the offending columns as text when some
cell held text where a number or date belongs, so that ``$1,200`` or ``2026-01-05`` typed as text is
still read, and ``n/a`` is reported with its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import fastexcel
import pandas as pd

from ..errors import NotAWorkbook, one_line
from ..letters import col_letters
from ..problems import ERROR, WARNING, Problem
from ..schema import (
    DATE_KINDS,
    NUMERIC_KINDS,
    Column,
    Table,
    exact_header,
    header_columns,
    norm_header,
)
from ._cells import read_cells, rows_of
from ._columns import arrow_column, empty_frame, typed_array, typed_frame_of
from ._fast import SheetScans, big_sheet, load_plain
from ._formulas import Formulas, blank_unknown, formula_cells, formulas_only, unknown_warning
from ._layout import Layout, TableRef, find_sheet
from ._normalise import check_values, mark_of, not_a, text_date
from ._parse import parse_dates, parse_numbers

HEADER_SCAN_ROWS = 20
_DTYPE = {"date": "datetime", "done": "datetime", **{k: "float" for k in NUMERIC_KINDS}}
_DETAIL = re.compile(r"got '(\w+)\((.*)\)'\s*$", re.S)
_ERRORS = {
    "Div0": "#DIV/0!",
    "NA": "#N/A",
    "Name": "#NAME?",
    "Null": "#NULL!",
    "Num": "#NUM!",
    "Ref": "#REF!",
    "Value": "#VALUE!",
    "GettingData": "#GETTING_DATA",
}


@dataclass
class TableRead:
    """A table as read: typed input columns (index = Excel row number) and where it was found."""

    frame: pd.DataFrame | None  # None only while the table is being read
    sheet: str | None = None  # the workbook's sheet name; None if the sheet is missing
    letters: dict[str, str] = field(default_factory=dict)  # header -> column letter
    header_row: int | None = None
    problems: list[Problem] = field(default_factory=list)
    times: dict[str, pd.Series] = field(default_factory=dict)  # keeps_time columns, not truncated
    below: int | None = None  # the first row read below the table's Excel Table (typed under it)
    unknown: dict[str, dict[int, str]] = field(default_factory=dict)  # formulas without a value
    # jobbook can use: header -> row -> formula (``_formulas``)


def _find_table_ref(layout: Layout, sheet: str, table: Table) -> TableRef | None:
    on_sheet = [t for t in layout.tables if t.sheet == sheet]
    for t in on_sheet:
        if t.name.casefold() == table.name.casefold():
            return t
    return on_sheet[0] if len(on_sheet) == 1 else None


def _locate_header(
    path: Path, layout: Layout, sheet: str, table: Table
) -> tuple[int, dict[int, str], tuple[int, int]] | None:
    """(header row, {col: header text}, (first col, last col)): the Excel Table's header; else the
    first of the top 20 rows holding every required header; else the row holding most of the
    table's headers (at least two), whose missing required columns are then reported."""
    ref = _find_table_ref(layout, sheet, table)
    part = layout.parts[sheet]
    if ref is not None:
        if len(ref.columns) == ref.last_col - ref.first_col + 1:  # names from the table part
            header = {ref.first_col + i: name for i, name in enumerate(ref.columns)}
        else:
            cells = rows_of(read_cells(path, part, max_row=ref.first_row, sheet=sheet)).get(
                ref.first_row, {}
            )
            header = {
                c: str(v)
                for c, v in cells.items()
                if ref.first_col <= c <= ref.last_col and v is not None
            }
        return ref.first_row, header, (ref.first_col, ref.last_col)
    required = {norm_header(h) for h in table.required}
    known = {norm_header(h) for h in table.headers}
    rows = rows_of(read_cells(path, part, max_row=HEADER_SCAN_ROWS, sheet=sheet))
    best, best_hits = None, 1
    for r in sorted(rows):
        header = {c: str(v) for c, v in rows[r].items() if isinstance(v, str)}
        names = {norm_header(v) for v in header.values()}
        if required <= names:
            return r, header, (min(rows[r]), max(rows[r]))
        hits = len(names & known)
        if hits > best_hits:
            best, best_hits = (r, header, (min(rows[r]), max(rows[r]))), hits
    return best


def _sheet_of(layout: Layout, table: Table) -> str | None:
    """The sheet named as the table; else the sheet holding an Excel Table of that name."""
    sheet = find_sheet(layout, table.name)
    if sheet is None:
        sheet = next(
            (t.sheet for t in layout.tables if t.name.casefold() == table.name.casefold()), None
        )
    return sheet if sheet in layout.parts else None


def sheet_of(layout: Layout, table: Table) -> str | None:
    """The sheet `table` is read from (None: the book has none)."""
    return _sheet_of(layout, table)


def read_table(
    path: Path, layout: Layout, reader, table: Table, scans: SheetScans | None = None
) -> TableRead:
    """Read `table` from its sheet (a missing or empty sheet: an empty table, no problem). A big
    sheet is read the fast way when `scans` finds it plain (``_fast``)."""
    sheet = _sheet_of(layout, table)
    if sheet is None:
        return TableRead(empty_frame(table))
    found = _locate_header(path, layout, sheet, table)
    if found is None:
        if not read_cells(path, layout.parts[sheet], max_row=HEADER_SCAN_ROWS, sheet=sheet):
            return TableRead(empty_frame(table), sheet)  # nothing typed in yet
        need = ", ".join(table.required)
        msg = f"no header row with {need} in the top {HEADER_SCAN_ROWS} rows"
        return TableRead(empty_frame(table), sheet, problems=[Problem(sheet, None, msg, ERROR)])
    header_row, header, _ = found
    by_norm = header_columns(header.items())
    wanted = {norm_header(h) for h in table.headers}
    twice = [
        (header[c], by_norm[norm_header(header[c])], c)
        for c in sorted(header)
        if norm_header(header[c]) in wanted
        and by_norm[norm_header(header[c])] != c
        and exact_header(header[c]) == exact_header(header[by_norm[norm_header(header[c])]])
    ]  # a second column of the same name ("Notes (private)" beside "Notes" is another column)
    positions = {
        col.header: by_norm[norm_header(col.header)]
        for col in table.inputs
        if norm_header(col.header) in by_norm
    }
    letters = {h: col_letters(c) for h, c in positions.items()}
    for col in table.columns:
        if col.computed and norm_header(col.header) in by_norm:
            letters[col.header] = col_letters(by_norm[norm_header(col.header)])
    out = TableRead(None, sheet, letters, header_row)  # the frame: loaded below, or empty
    for name, first, again in twice:
        out.problems.append(
            Problem(
                sheet,
                f"{col_letters(again)}{header_row}",
                f"a second {name!r} column; jobbook reads the first, in column {col_letters(first)}",
                WARNING,
                None,
            )
        )
    for col in table.inputs:
        if col.required and col.header not in positions:
            out.problems.append(
                Problem(
                    sheet,
                    None,
                    f"the header row (row {header_row}) has no {col.header!r} column; add it or fix its spelling",
                    ERROR,
                    col.header,
                )
            )
    if not positions:
        out.frame = empty_frame(table)
        return out
    ref = _find_table_ref(layout, sheet, table)
    if ref is not None and header_row != ref.first_row:
        ref = None  # the header was found elsewhere: the Table's range says nothing of the data
    skip = ref.totals if ref is not None else range(0)
    big = big_sheet(layout, sheet)
    fast = scans if scans is not None and big else None
    found = Formulas()  # a big sheet (the fast path) is not searched for formulas
    if not big:
        read = {c.header: c for c in table.inputs if c.header in positions}
        part = layout.parts[sheet]
        found = formula_cells(path, part, positions, read, header_row, skip, layout.xml.get(part))
    out.frame = _load(
        path, reader, sheet, table, header_row, positions, out, layout.parts[sheet], skip, fast,
        found,
    )  # fmt: skip
    found.only_in(out.frame.index)
    out.unknown = found.unknown
    out.problems += unknown_warning(sheet, out.letters, found.unknown)
    if ref is not None:
        below = out.frame.index[out.frame.index > ref.last_row]
        if len(below):
            out.below = int(below[0])
            rows = (
                f"row {below[0]}" if len(below) == 1 else f"{len(below)} rows from row {below[0]}"
            )
            area = f"{col_letters(ref.first_col)}{ref.first_row}:{col_letters(ref.last_col)}{ref.last_row}"
            out.problems.append(
                Problem(
                    sheet,
                    f"{col_letters(ref.first_col)}{below[0]}",
                    f"{rows} below the {ref.name} table ({area}): jobbook reads them, but the workbook's own "
                    "formulas and Dashboard skip them; "
                    + (
                        "insert rows above the table's totals row and move them there"
                        if ref.totals_rows
                        else "extend the table over them (Excel: Table Design > Resize Table; "
                        "LibreOffice: Data > Define Range)"
                    ),
                    WARNING,
                    None,
                )
            )
    return out


def _load(
    path: Path,
    reader,
    sheet: str,
    table: Table,
    header_row: int,
    positions: dict[str, int],
    out: TableRead,
    part: str | None = None,
    skip: range = range(0),
    scans: SheetScans | None = None,
    found: Formulas | None = None,
) -> pd.DataFrame:
    """The typed input columns, blank rows and the `skip` rows (a Table's totals row) left out;
    the fast way first when `scans` is given (a big sheet). The `found` formulas' unknown cells
    read as blank, and the rows of formulas only are empty rows (``_formulas``)."""
    cols = {c.header: c for c in table.inputs if c.header in positions}
    use = sorted(positions[h] - 1 for h in cols)
    if part is not None and scans is not None:
        read = load_plain(scans, part, reader, sheet, table, header_row, positions, cols, use)
        if read is not None:
            frame, times, some = read
            if len(skip) and frame.index.isin(skip).any():  # a totals row: not data
                keep = ~frame.index.isin(skip)
                frame, times = frame[keep], {h: t[keep] for h, t in times.items()}
            out.times = times
            _check_values(sheet, frame, {h: c for h, c in cols.items() if h in some}, out)
            return frame
    dtypes = {positions[h] - 1: _DTYPE.get(c.kind, "string") for h, c in cols.items()}
    try:
        loaded = reader.load_sheet(
            sheet,
            header_row=header_row - 1,
            use_columns=use,
            dtypes=dtypes,
            whitespace_as_null=True,
            skip_whitespace_tail_rows=True,
        )
        batch, errors = loaded.to_arrow_with_errors()
    except (fastexcel.FastExcelError, OSError) as exc:  # broken sheet XML, not a bug of ours
        raise NotAWorkbook(
            f"{path}: sheet {sheet!r} is damaged and cannot be read ({one_line(exc)}); open the workbook in Excel or LibreOffice and save it again"
        ) from exc
    index = pd.RangeIndex(header_row + 1, header_row + 1 + batch.num_rows, name="row")
    by_abs = {info.absolute_index: info for info in loaded.selected_columns}
    del loaded  # frees the parsed sheet now, not after the conversions (peak memory on big books)
    names = {info.index: h for h in cols for info in [by_abs[positions[h] - 1]]}
    arrays = {}
    for h, c in cols.items():
        values = batch.column(by_abs[positions[h] - 1].name)
        arrays[h] = typed_array(values, c)
        if c.keeps_time:
            out.times[h] = arrow_column(values, c, index, floor=False)
    del batch
    frame = typed_frame_of(table, arrays, index)
    # the columns with a value: Arrow counts them; a cell that did not convert may add one
    some = {h for h, a in arrays.items() if a.null_count < len(a)}
    del arrays
    some |= _apply_errors(
        reader, sheet, header_row, positions, cols, names, errors, frame, out, skip
    )
    blank = frame.index.isin(skip)
    if found is not None and found.rows:
        blank_unknown(frame, out.times, found)
        gone = {(h, r) for h, rows in found.unknown.items() for r in rows}
        out.problems = [p for p in out.problems if not _of_cells(p, out, gone)]
        blank |= formulas_only(frame, found, [c.header for c in table.inputs if c.required])
    blank |= frame.isna().all(axis=1)
    if blank.any():
        frame = frame[~blank]
    out.times = {h: t.reindex(frame.index) for h, t in out.times.items()}
    _check_values(sheet, frame, {h: c for h, c in cols.items() if h in some}, out)
    return frame


def _of_cells(p: Problem, out: TableRead, cells: set[tuple[str, int]]) -> bool:
    """Whether problem `p` is about one of `cells` (header, row)."""
    if not cells or p.column is None or not p.cell:
        return False
    return (p.column, int("".join(ch for ch in p.cell if ch.isdigit()) or 0)) in cells


def _cell(out: TableRead, header: str, row: int) -> str:
    return f"{out.letters.get(header, '?')}{row}"


def _apply_errors(
    reader, sheet, header_row, positions, cols, names, errors, frame, out, skip=range(0)
) -> set[str]:
    """Cells that did not convert: error cells, text in number/date columns, booleans (none in
    the `skip` rows). Returns the columns of those cells (some may now hold a value)."""
    texts: dict[str, list[int]] = {}
    touched: set[str] = set()
    for e in errors.errors if errors is not None else ():
        idx, rel = e.offset_position
        header = names.get(rel)
        row = header_row + 1 + idx
        if header is None or row in skip:
            continue
        touched.add(header)
        m = _DETAIL.search(e.detail)
        kind, payload = (m.group(1), m.group(2)) if m else ("?", e.detail)
        col = cols[header]
        if kind == "String":
            texts.setdefault(header, []).append(row)
        elif kind == "Error":
            shown = _ERRORS.get(payload, f"#{payload}")
            out.problems.append(
                Problem(
                    sheet,
                    _cell(out, header, row),
                    f"the cell shows the error {shown} ({header})",
                    ERROR,
                    header,
                )
            )
        elif kind == "Bool" and col.kind == "done":  # a ticked checkbox is a mark, unticked none
            ticked = mark_of("true" in payload.lower()) is not None
            _set_mark(frame, header, row, "TRUE" if ticked else None)
        else:
            what = {
                "DateTime": "a date",
                "DateTimeIso": "a date",
                "Bool": "TRUE/FALSE",
                "Float": "a number",
                "Int": "a number",
            }.get(kind, kind)
            want = "a date" if col.kind in DATE_KINDS else "a number"
            out.problems.append(
                Problem(
                    sheet,
                    _cell(out, header, row),
                    f"{what} where {want} belongs ({header})",
                    ERROR,
                    header,
                )
            )
    if texts:
        _reparse_text(reader, sheet, header_row, positions, cols, texts, frame, out)
    return touched


def _set_mark(frame: pd.DataFrame, header: str, row: int, mark: str | None) -> None:
    if mark is None:
        return
    if frame[header].dtype != object:
        frame[header] = frame[header].astype(object)
    frame.at[row, header] = mark


def _reparse_text(reader, sheet, header_row, positions, cols, texts, frame, out) -> None:
    use = sorted(positions[h] - 1 for h in texts)
    loaded = reader.load_sheet(
        sheet,
        header_row=header_row - 1,
        use_columns=use,
        dtypes={i: "string" for i in use},
        whitespace_as_null=True,
    )
    raw = loaded.to_pandas()
    raw.index = pd.RangeIndex(header_row + 1, header_row + 1 + len(raw))
    by_abs = {info.absolute_index: info.name for info in loaded.selected_columns}
    for header, rows in texts.items():
        col = cols[header]
        text = raw.loc[rows, by_abs[positions[header] - 1]]
        if col.kind in NUMERIC_KINDS:
            values, ok = parse_numbers(text, percent=col.kind == "percent")
            frame.loc[ok[ok].index, header] = values[ok]
            for row in ok[~ok].index:
                out.problems.append(
                    Problem(sheet, _cell(out, header, row), not_a(col, text[row]), ERROR, header)
                )
            continue
        values, ok = parse_dates(text)
        frame.loc[ok[ok].index, header] = values[ok]
        if header in out.times:
            timed, _ = parse_dates(text, keep_time=True)
            out.times[header].loc[ok[ok].index] = timed[ok]
        for row in ok[ok].index:
            out.problems.append(
                Problem(sheet, _cell(out, header, row), text_date(col, text[row]), WARNING, header)
            )
        for row in ok[~ok].index:
            if col.kind == "done":  # any other mark counts as done
                _set_mark(frame, header, row, mark_of(str(text[row])))
            else:
                out.problems.append(
                    Problem(sheet, _cell(out, header, row), not_a(col, text[row]), ERROR, header)
                )


def _check_values(sheet: str, frame: pd.DataFrame, cols: dict[str, Column], out: TableRead) -> None:
    """Choices made canonical and single values checked, as for every other way data comes in."""

    def report(header: str, row: int, message: str, severity: str) -> None:
        out.problems.append(Problem(sheet, _cell(out, header, row), message, severity, header))

    check_values(frame, cols, report)

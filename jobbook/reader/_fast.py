"""The fast path for big sheets (SPEC section 12): fastexcel's eager read straight to Arrow.

fastexcel's careful read (``load_sheet`` then ``to_arrow_with_errors``) keeps every cell of the
sheet as an owned value and reports each cell that did not convert; its eager read borrows the
strings and is about a third faster, but turns a cell it cannot convert into a blank without a
word. So the eager read is taken only when nothing can have been lost: no error or TRUE/FALSE
cell in the sheet's XML, and every column of the type its kind expects. Otherwise the careful
path (``_table``) reads the sheet and reports each cell.
"""

from __future__ import annotations

import contextlib
import logging
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import fastexcel
import pandas as pd
import pyarrow as pa

from ..schema import DATE_KINDS, NUMERIC_KINDS
from ._columns import arrow_column, blank_column

PLAIN_BYTES = 8 << 20  # sheets of less XML are read the careful way only: it costs little
_EXPECTED = {  # the Arrow types a column of each kind may come as on the fast path
    **{k: (pa.types.is_timestamp, pa.types.is_date) for k in DATE_KINDS},
    **{k: (pa.types.is_floating, pa.types.is_integer) for k in NUMERIC_KINDS},
}


def big_sheet(path: Path, part: str) -> bool:
    """A sheet big enough for the fast path to matter (its XML, uncompressed)."""
    try:
        with zipfile.ZipFile(path) as z:
            return z.getinfo(part).file_size >= PLAIN_BYTES
    except (KeyError, OSError, zipfile.BadZipFile):
        return False


_NOT_PLAIN = (b't="e"', b't="b"', b"t='")  # an error cell, a TRUE/FALSE cell, unusual quoting


def plain_cells(path: Path, part: str) -> bool:
    """True when the sheet's cells are only numbers, text and dates: no error cell (#N/A) and no
    TRUE/FALSE. A byte scan of the sheet's XML, no parsing; a stray match (such text typed in a
    cell) only sends the sheet down the careful path."""
    try:
        with zipfile.ZipFile(path) as z, z.open(part) as fh:
            tail = b""
            while chunk := fh.read(1 << 22):
                if any(m in chunk for m in _NOT_PLAIN):
                    return False
                edge = tail + chunk[:8]  # a mark cut in two by the chunks
                if any(m in edge for m in _NOT_PLAIN):
                    return False
                tail = chunk[-8:]
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error, EOFError):
        return False  # the careful path reports what is wrong
    return True


@contextlib.contextmanager
def _quiet_fastexcel():
    """fastexcel warns on stderr about every empty column whose type it guesses: not news."""
    logger = logging.getLogger("fastexcel")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def load_plain(
    path, part, reader, sheet, table, header_row, positions, cols, use
) -> tuple[pd.DataFrame, dict[str, pd.Series]] | None:
    """The fast path for big sheets: one pass of fastexcel straight to Arrow (borrowed strings,
    no per-cell errors), each column's type guessed from all its cells, while another thread
    scans the sheet's XML for error and TRUE/FALSE cells (``plain_cells``). Cells of the wrong
    type turn a column to text: any column not of its kind's type, any error or TRUE/FALSE cell
    (or a sheet fastexcel cannot read this way) gives None, and the careful path reads the sheet
    and reports every cell. Else (the typed frame, the keeps_time columns with their time)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        plain = pool.submit(plain_cells, path, part)
        read = _eager(reader, sheet, table, header_row, positions, cols, use)
        return read if plain.result() else None


def _eager(reader, sheet, table, header_row, positions, cols, use):
    try:
        with _quiet_fastexcel():
            batch = reader.load_sheet(
                sheet,
                header_row=header_row - 1,
                use_columns=use,
                schema_sample_rows=None,
                dtype_coercion="coerce",
                whitespace_as_null=True,
                skip_whitespace_tail_rows=True,
                eager=True,
            )
    except (fastexcel.FastExcelError, OSError):
        return None
    by_pos = {p: batch.column(k) for k, p in enumerate(use)}
    index = pd.RangeIndex(header_row + 1, header_row + 1 + batch.num_rows, name="row")
    data, times = {}, {}
    for c in table.inputs:
        values = by_pos.get(positions.get(c.header, 0) - 1) if c.header in cols else None
        if values is None or values.null_count == len(values):
            data[c.header] = blank_column(c, index)
            continue
        allowed = _EXPECTED.get(c.kind, (pa.types.is_string, pa.types.is_large_string))
        if not any(ok(values.type) for ok in allowed):
            return None
        if c.kind in NUMERIC_KINDS:
            values = values.cast(pa.float64())
        elif c.kind in DATE_KINDS:
            values = values.cast(pa.timestamp("ms"))
        data[c.header] = arrow_column(values, c, index)
        if c.keeps_time:
            times[c.header] = arrow_column(values, c, index, floor=False)
    del batch, by_pos
    frame = pd.DataFrame(data, index=index)
    blank = frame.isna().all(axis=1)
    if blank.any():
        frame = frame[~blank]
        times = {h: t[~blank] for h, t in times.items()}
    return frame, times

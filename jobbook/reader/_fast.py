"""The fast path for big sheets (README § Speed): fastexcel's eager read straight to Arrow.

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
import subprocess
import sys
import threading
from pathlib import Path

import fastexcel
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..schema import DATE_KINDS, NUMERIC_KINDS
from . import _scan
from ._columns import arrow_column, typed_array, typed_frame_of

PLAIN_BYTES = 8 << 20  # sheets of less XML are read the careful way only: it costs little
_EXPECTED = {  # the Arrow types a column of each kind may come as on the fast path
    **{k: (pa.types.is_timestamp, pa.types.is_date) for k in DATE_KINDS},
    **{k: (pa.types.is_floating, pa.types.is_integer) for k in NUMERIC_KINDS},
}


def big_sheet(layout, sheet: str) -> bool:
    """A sheet big enough for the fast path to matter (its XML, uncompressed)."""
    return layout.sizes.get(sheet, 0) >= PLAIN_BYTES


class SheetScans:
    """The byte scans (``_scan.plain_cells``) of a book's big sheets, in a second process started
    before fastexcel parses the first of them, so that each verdict is ready when its sheet has
    been parsed. Where that process cannot run or gives no verdict, the sheet is scanned here."""

    def __init__(self, path: Path, parts: list[str]):
        self.path = Path(path)
        self._verdicts: dict[str, bool] = {}
        self._lock = threading.Lock()
        self._proc = None
        if parts:
            try:
                self._proc = subprocess.Popen(
                    [sys.executable, "-I", "-S", _scan.__file__, str(self.path), *parts],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                )
            except OSError:  # no interpreter to start (an embedded Python): scanned here
                self._proc = None

    def plain(self, part: str) -> bool:
        """The verdict of ``_scan.plain_cells`` on `part`."""
        with self._lock:
            while part not in self._verdicts and self._proc is not None:
                line = self._proc.stdout.readline()
                if not line:  # ended without a verdict for `part`
                    self.close()
                    break
                verdict, _, name = line.rstrip("\n").partition("\t")
                self._verdicts[name] = verdict == _scan.PLAIN
            found = self._verdicts.get(part)
        return _scan.plain_cells(self.path, part) if found is None else found

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.stdout.close()
            proc.wait()

    def __enter__(self) -> SheetScans:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


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
    scans: SheetScans, part, reader, sheet, table, header_row, positions, cols, use
) -> tuple[pd.DataFrame, dict[str, pd.Series], set[str]] | None:
    """The fast path for big sheets: one pass of fastexcel straight to Arrow (borrowed strings,
    no per-cell errors), each column's type guessed from all its cells, while another process
    scans the sheet's XML for error and TRUE/FALSE cells (`scans`). Cells of the wrong type turn
    a column to text: any column not of its kind's type, any error or TRUE/FALSE cell (or a sheet
    fastexcel cannot read this way) gives None, and the careful path reads the sheet and reports
    every cell. Else (the typed frame, the keeps_time columns with their time, the columns that
    hold a value)."""
    read = _eager(reader, sheet, table, header_row, positions, cols, use)
    return read if read is not None and scans.plain(part) else None


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
    arrays, times = {}, {}
    for c in table.inputs:
        values = by_pos.get(positions.get(c.header, 0) - 1) if c.header in cols else None
        if values is None or values.null_count == len(values):
            continue
        allowed = _EXPECTED.get(c.kind, (pa.types.is_string, pa.types.is_large_string))
        if not any(ok(values.type) for ok in allowed):
            return None
        arrays[c.header] = typed_array(values, c)
        if c.keeps_time:
            times[c.header] = arrow_column(values, c, index, floor=False)
    del batch, by_pos
    some = {h for h, a in arrays.items() if a.null_count < len(a)}  # columns with a value
    blank = np.ones(len(index), dtype=bool)  # rows without a value, found in Arrow
    for a in arrays.values():
        blank &= pc.is_null(a).to_numpy(zero_copy_only=False)
    frame = typed_frame_of(table, arrays, index)
    del arrays
    if blank.any():
        frame = frame[~blank]
        times = {h: t[~blank] for h, t in times.items()}
    return frame, times, some

"""Typed columns as every reader gives them: an empty table of the schema, a column of blanks,
fastexcel's Arrow columns typed per the schema, and a table built from them in one conversion.

The types, whatever the way in: dates ``datetime64[s]`` (truncated to the day), numbers
``float64``, text the reader's Arrow-backed ``str`` (stripped, blank as NA).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..schema import DATE_KINDS, NUMERIC_KINDS, Column, Table

_STR = pd.Series([], dtype="str").dtype  # the reader's text type


def arrow_type(col: Column) -> pa.DataType:
    """The Arrow type of `col`'s typed column (what ``to_pandas`` turns into the reader's type)."""
    if col.kind in DATE_KINDS:
        return pa.timestamp("s")
    if col.kind in NUMERIC_KINDS:
        return pa.float64()
    return pa.large_string()


def empty_frame(table: Table) -> pd.DataFrame:
    """A table with no rows and every input column, typed."""
    return _empty(table).copy(deep=False)  # copy-on-write: changes to the copy stay there


def blank_column(col: Column, index: pd.Index) -> pd.Series:
    """A column of blanks of `col`'s type on `index`."""
    return pd.Series(blank_values(col, len(index)), index=index)


def blank_values(col: Column, n: int) -> np.ndarray | pd.api.extensions.ExtensionArray:
    """`n` blanks of `col`'s type, as an array (a DataFrame built of arrays skips the alignment
    of a Series per column)."""
    if col.kind in DATE_KINDS:
        return np.full(n, np.datetime64("NaT"), "datetime64[s]")
    if col.kind in NUMERIC_KINDS:
        return np.full(n, np.nan)
    return _STR.__from_arrow__(pa.nulls(n, pa.large_string()))


@functools.cache
def _empty(table: Table) -> pd.DataFrame:
    return typed_frame_of(table, {}, pd.RangeIndex(0, name="row"))


def typed_array(values: pa.Array | pa.ChunkedArray, col: Column, floor: bool = True) -> pa.Array:
    """A column from fastexcel in `col`'s Arrow type (``arrow_type``): dates truncated to the day
    (unless not `floor`: then to the second), text stripped and blank text null. Stays in Arrow."""
    if values.null_count == len(values):
        return pa.nulls(len(values), arrow_type(col))
    if col.kind in DATE_KINDS:
        if not pa.types.is_timestamp(values.type):
            values = values.cast(pa.timestamp("ms"))
        return pc.floor_temporal(values, unit="day" if floor else "second").cast(pa.timestamp("s"))
    if col.kind in NUMERIC_KINDS:
        return values.cast(pa.float64())
    text = pc.utf8_trim_whitespace(values.cast(pa.large_string()))
    empty = pc.equal(text, "")
    if not pc.any(empty).as_py():  # the usual case: no copy (if_else copies every string)
        return text
    return pc.if_else(empty, pa.scalar(None, pa.large_string()), text)


def arrow_column(values, col: Column, index: pd.Index, floor: bool = True) -> pd.Series:
    """An Arrow column from fastexcel as a typed Series (``typed_array``) on `index`."""
    out = pa.table({"v": typed_array(values, col, floor)}).to_pandas()["v"]
    out.index, out.name = index, None
    return out


def typed_frame_of(
    table: Table, arrays: dict[str, pa.Array | pa.ChunkedArray], index: pd.Index
) -> pd.DataFrame:
    """`table`'s input columns from `arrays` (header -> a ``typed_array``; a column not given is
    blank), converted to pandas at once, on `index`."""
    n = len(index)
    names, columns = [], []
    for c in table.inputs:
        names.append(c.header)
        got = arrays.get(c.header)
        columns.append(pa.nulls(n, arrow_type(c)) if got is None else got)
    frame = pa.Table.from_arrays(columns, names=names).to_pandas()
    frame.index = index
    return frame

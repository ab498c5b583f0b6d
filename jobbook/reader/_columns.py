"""Typed columns as every reader gives them: an empty table of the schema, a column of blanks,
an Arrow column from fastexcel as a typed Series."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..schema import DATE_KINDS, NUMERIC_KINDS, Column, Table

_STR = pd.Series([], dtype="str").dtype  # the reader's text type


def empty_frame(table: Table) -> pd.DataFrame:
    """A table with no rows and every input column, typed."""
    return _empty(table).copy(deep=False)  # copy-on-write: changes to the copy stay there


def blank_column(col: Column, index: pd.Index) -> pd.Series:
    """A column of blanks of `col`'s type on `index`."""
    n = len(index)
    if col.kind in DATE_KINDS:
        return pd.Series(np.full(n, np.datetime64("NaT"), "datetime64[s]"), index=index)
    if col.kind in NUMERIC_KINDS:
        return pd.Series(np.full(n, np.nan), index=index)
    return pd.Series(_STR.__from_arrow__(pa.nulls(n, pa.large_string())), index=index)


@functools.cache
def _empty(table: Table) -> pd.DataFrame:
    data = {}
    for c in table.inputs:
        if c.kind in DATE_KINDS:
            data[c.header] = pd.Series(dtype="datetime64[s]")
        elif c.kind in NUMERIC_KINDS:
            data[c.header] = pd.Series(dtype=float)
        else:
            data[c.header] = pd.Series(dtype="str")
    df = pd.DataFrame(data)
    df.index.name = "row"
    return df


def arrow_column(values, col: Column, index: pd.Index, floor: bool = True) -> pd.Series:
    """An Arrow column as a typed Series: dates truncated to the day (unless not `floor`), text
    stripped (still Arrow, no Python object per cell), blank text as NA."""
    if values.null_count == len(values):
        return blank_column(col, index)
    if col.kind in DATE_KINDS:
        dates = values.to_numpy(zero_copy_only=False)
        dates = dates.astype("datetime64[D]") if floor else dates
        return pd.Series(dates.astype("datetime64[s]"), index=index)
    if col.kind in NUMERIC_KINDS:
        return pd.Series(values.to_numpy(zero_copy_only=False), index=index, dtype=float)
    text = pc.utf8_trim_whitespace(values.cast(pa.large_string()))
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.large_string()), text)
    return pd.Series(_STR.__from_arrow__(text), index=index)

"""Typed columns as every reader gives them: an empty table of the schema, a column of blanks,
an Arrow column from fastexcel as a typed Series."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow as pa

from ..schema import DATE_KINDS, NUMERIC_KINDS, Column, Table


def empty_frame(table: Table) -> pd.DataFrame:
    """A table with no rows and every input column, typed."""
    return _empty(table).copy(deep=False)  # copy-on-write: changes to the copy stay there


def blank_column(like: pd.Series, index: pd.Index) -> pd.Series:
    """A column of blanks of `like`'s type on `index`."""
    if like.dtype == float:
        return pd.Series(np.full(len(index), np.nan), index=index)
    if pd.api.types.is_datetime64_any_dtype(like.dtype):
        return pd.Series(np.full(len(index), np.datetime64("NaT"), like.dtype), index=index)
    return pd.Series(
        pd.array(pa.nulls(len(index), pa.large_string()), dtype=like.dtype), index=index
    )


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
    stripped (still Arrow)."""
    if col.kind in DATE_KINDS:
        dates = values.to_numpy(zero_copy_only=False)
        dates = dates.astype("datetime64[D]") if floor else dates
        return pd.Series(dates.astype("datetime64[s]"), index=index)
    if col.kind in NUMERIC_KINDS:
        return pd.Series(values.to_numpy(zero_copy_only=False), index=index, dtype=float)
    s = values.to_pandas()  # Arrow-backed str: no Python objects per cell
    s.index = index
    s = s.str.strip()
    return s.mask(s == "")

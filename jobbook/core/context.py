"""What every computation of a computed column needs besides the tables (``Context``), and how
IDs are matched and looked up as Excel's MATCH and INDEX/MATCH do (``id_key``, ``lookup``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from .calendar import BusinessCalendar
from .known import Past
from .settings import Settings


@dataclass(frozen=True)
class Context:
    """What every computation needs besides the tables."""

    settings: Settings
    calendar: BusinessCalendar
    today: dt.date
    vesting: pd.DataFrame | None = None  # the Vesting table (None: a new workbook's schedules)
    past: Past | None = None  # on a past as-of date: what History says of the Next actions


_STR = pd.Series([], dtype="str").dtype  # the reader's text type


def id_key(values: pd.Series) -> pd.Series:
    """IDs compared the way Excel's MATCH and = do: case-insensitively, blanks never match."""
    if values.dtype == _STR:  # the reader's text: the same steps, in Arrow without pandas' detours
        import pyarrow as pa
        import pyarrow.compute as pc

        text = pc.utf8_lower(pc.utf8_trim_whitespace(pa.array(values, from_pandas=True)))
        text = pc.if_else(pc.equal(text, ""), pa.scalar(None, text.type), text)
        return pd.Series(_STR.__from_arrow__(text), index=values.index, name=values.name)
    text = values.astype("str").str.strip().str.lower()
    return text.mask(values.isna() | (text == ""))


def lookup(keys: pd.Series, table: pd.DataFrame, key_col: str, value_col: str) -> pd.Series:
    """For each key, `value_col` of the first row of `table` whose `key_col` equals it (else NA),
    as Excel's INDEX/MATCH finds it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if keys.empty:
        return pd.Series([], index=keys.index, dtype=object)
    found = pc.index_in(
        pa.array(id_key(keys), from_pandas=True),
        options=pc.SetLookupOptions(
            value_set=pa.array(id_key(table[key_col]), from_pandas=True), skip_nulls=True
        ),
    )
    out = pa.array(table[value_col], from_pandas=True).take(found).to_pandas()
    out.index = keys.index  # by position: the keys' own rows
    return out

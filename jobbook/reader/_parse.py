"""Lenient parsing of text that people type into number and date cells, vectorised.

``$120,000`` and ``120 000`` are numbers, ``10%`` is 0.10 in a percent column, ``2026-01-05`` and
``2026-01-05 14:30`` are dates; ``n/a`` is none of them. Each parser returns the parsed values and a
mask of the cells that parsed.
"""

from __future__ import annotations

import pandas as pd

from ..schema import EPOCH_1900, EPOCH_1904

_MONEY_NOISE = r"[\s$€£¥,\u00a0\u202f]"
_ISO = r"^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"


def parse_numbers(text: pd.Series, percent: bool = False) -> tuple[pd.Series, pd.Series]:
    """Numbers from text; a trailing % divides by 100 (only where `percent`)."""
    s = text.astype("string").str.strip()
    pct = s.str.endswith("%").fillna(False)
    cleaned = s.str.replace(_MONEY_NOISE, "", regex=True).str.rstrip("%")
    cleaned = cleaned.str.replace(r"^\((.*)\)$", r"-\1", regex=True)  # (1,200) accounting negative
    values = pd.to_numeric(cleaned, errors="coerce").astype(float)
    values = values.where(~pct, values / 100.0)
    ok = values.notna() & (percent | ~pct)
    return values.where(ok), ok


def serial_to_datetime(serial: pd.Series, date1904: bool = False) -> pd.Series:
    """Excel serial day numbers -> datetimes (1900 or 1904 date system)."""
    base = pd.Timestamp(EPOCH_1904 if date1904 else EPOCH_1900)
    days = pd.to_numeric(serial, errors="coerce")
    in_range = days.between(1, 2958465)
    return (base + pd.to_timedelta(days.where(in_range), unit="D")).astype("datetime64[s]")


def parse_dates(
    text: pd.Series, date1904: bool = False, keep_time: bool = False
) -> tuple[pd.Series, pd.Series]:
    """Dates from ISO text (with or without a time) or a serial day number; truncated to the day
    unless `keep_time`."""
    s = text.astype("string").str.strip()
    iso = s.str.match(_ISO).fillna(False)
    values = pd.Series(pd.NaT, index=s.index, dtype="datetime64[s]")
    if iso.any():
        values[iso] = pd.to_datetime(s[iso], format="ISO8601", errors="coerce").astype(
            "datetime64[s]"
        )
    rest = ~iso & s.notna()
    if rest.any():
        nums, ok = parse_numbers(s[rest])
        values[rest] = serial_to_datetime(nums.where(ok), date1904)
    if not keep_time:
        values = values.dt.floor("D")
    return values, values.notna()

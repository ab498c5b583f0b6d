"""The settled readings of docs/definitions.md § Deadlines, written once for every way data comes in: the file
reader (fastexcel's typed columns), Excel ranges sent to a worksheet function or read by a button,
and DataFrames from another reader.

- A done mark is anything but blank or ``FALSE`` (an unticked checkbox is not done).
- Choice values match whatever their case and surrounding spaces, and are stored in their canonical
  spelling (``screen`` -> ``Screen``); an unknown value of a strict choice is an error.
- Blank means empty: ``None``, NaN/NaT, or text of spaces only.

Values that arrive as Python objects (a 2-D list from Excel, an object column) are sorted by kind
once per column (``cell_kinds``) and converted a kind at a time with vectorised operations;
nothing here parses a cell at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..core.flags import mark_dates
from ..problems import ERROR, WARNING
from ..schema import DATE_KINDS, NUMERIC_KINDS, Column
from ._parse import parse_dates, parse_numbers, serial_to_datetime

BLANK, NUMBER, TEXT, BOOL, DATE, OTHER = range(6)
_SANE_DATES = (np.datetime64("1990-01-01"), np.datetime64("2100-12-31"))
_LAST_DATE = np.datetime64("9999-12-31")
_BY_INFERRED = {
    "empty": BLANK,
    "floating": NUMBER,
    "integer": NUMBER,
    "mixed-integer-float": NUMBER,
    "decimal": NUMBER,
    "string": TEXT,
    "boolean": BOOL,
    "datetime": DATE,
    "datetime64": DATE,
    "date": DATE,
}

_BY_TYPE = {
    type(None): BLANK,
    float: NUMBER,
    int: NUMBER,
    np.float64: NUMBER,
    str: TEXT,
    bool: BOOL,
    np.bool_: BOOL,
    dt.datetime: DATE,
    dt.date: DATE,
    pd.Timestamp: DATE,
}

_STR = pd.Series([], dtype="str").dtype  # the reader's text type
_NO_TEXT = {k for k, kind in _BY_INFERRED.items() if kind != TEXT}
_NO_STRINGS = pa.array([], type=pa.large_string())

Report = Callable[[str, int, str, str], None]  # (header, row, message, severity)


def _kind_of(v: object) -> int:
    if isinstance(v, bool | np.bool_):
        return BOOL
    if isinstance(v, int | float | np.integer | np.floating):
        return NUMBER
    if isinstance(v, str):
        return TEXT
    if isinstance(v, dt.date | np.datetime64):
        return DATE
    return OTHER


def cell_kinds(values: np.ndarray) -> tuple[np.ndarray, pa.Array]:
    """(the kind of each cell: BLANK, NUMBER, TEXT, BOOL, DATE or OTHER; the text cells stripped of
    surrounding spaces, as Arrow) of an object array. One pass in C for a column of one kind (the usual
    case); a Python pass only for mixed columns. Text of spaces only is blank."""
    values = np.asarray(values, dtype=object)
    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred in _NO_TEXT:  # one kind, no text: blanks (None, NaN, NaT) found, nothing to strip
        kinds = np.full(len(values), _BY_INFERRED[inferred], dtype=np.int8)
        if inferred != "empty":
            kinds[pd.isna(values)] = BLANK
        return kinds, _NO_STRINGS
    if inferred == "string":  # text and blanks only: Arrow finds the blanks and strips, in C
        try:
            text = pa.array(values, type=pa.large_string(), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # a blank Arrow does not take (pd.NA...)
            text = None
        if text is not None:
            kinds = np.where(text.is_null().to_numpy(zero_copy_only=False), BLANK, TEXT)
            return _stripped(kinds.astype(np.int8), text.drop_null())
    if inferred in _BY_INFERRED:
        kinds = np.full(len(values), _BY_INFERRED[inferred], dtype=np.int8)
    else:  # mixed: by each cell's type, looked up in C; unusual types one at a time
        found = np.array(list(map(_BY_TYPE.get, map(type, values))), dtype=object)
        odd = np.flatnonzero(pd.isna(found))
        found[odd] = [_kind_of(v) for v in values[odd]]
        kinds = found.astype(np.int8)
    kinds[pd.isna(values)] = BLANK
    text = np.flatnonzero(kinds == TEXT)
    return _stripped(kinds, pa.array(values[text], type=pa.large_string()))


def _stripped(kinds: np.ndarray, text: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """`kinds` with text of spaces only made blank, and the text cells stripped."""
    stripped = pc.utf8_trim_whitespace(text)
    spaces = pc.equal(stripped, "").to_numpy(zero_copy_only=False)
    if spaces.any():
        kinds[np.flatnonzero(kinds == TEXT)[spaces]] = BLANK
        stripped = stripped.filter(pa.array(~spaces))
    return kinds, stripped


def done_mask(values: object) -> np.ndarray:
    """Which cells hold a done mark: anything but blank or FALSE (docs/definitions.md § Deadlines)."""
    values = np.asarray(values, dtype=object).reshape(-1)
    kinds, _ = cell_kinds(values)
    done = kinds != BLANK
    is_bool = kinds == BOOL
    if is_bool.any():
        done[is_bool] = values[is_bool].astype(bool)
    return done


def mark_of(value: object) -> object:
    """One done cell as stored: None when it is no mark (blank or FALSE), else the value."""
    return value if done_mask([value])[0] else None


def to_dates(
    values: np.ndarray, date1904: bool = False, keep_time: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(datetime64[s] truncated to the day unless `keep_time`, cells that are not dates, text
    cells read as dates). Dates and datetimes are kept; serial numbers and ISO text are read; the
    rest is not a date."""
    values = np.asarray(values, dtype=object)
    kinds, stripped = cell_kinds(values)
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[s]")
    bad = (kinds == BOOL) | (kinds == OTHER)
    is_date = kinds == DATE
    if is_date.any():
        out[is_date] = _datetimes(values[is_date])
    is_num = kinds == NUMBER
    if is_num.any():
        days = serial_to_datetime(pd.Series(values[is_num].astype(float)), date1904).to_numpy()
        out[is_num] = days
        bad[is_num] = np.isnat(days)
    text = kinds == TEXT
    read = np.zeros(len(values), dtype=bool)
    if text.any():
        words = stripped.dictionary_encode()  # each distinct text parsed once ("x" marks)
        codes = words.indices.to_numpy(zero_copy_only=False)
        parsed, ok = parse_dates(_text_series(words.dictionary), date1904, keep_time=True)
        ok = ok.to_numpy(dtype=bool)[codes]
        out[text] = parsed.to_numpy(dtype="datetime64[s]")[codes]
        read[text] = ok
        bad[text] = ~ok
    if not keep_time:
        out = out.astype("datetime64[D]").astype("datetime64[s]")
    return out, bad, read


def _datetimes(cells: np.ndarray) -> np.ndarray:
    """Date and datetime objects as datetime64[s]: Arrow converts them in C; pandas takes the
    mixtures Arrow refuses (dates beside datetimes, numpy dates, time zones)."""
    try:
        return pa.array(cells, type=pa.timestamp("us")).to_numpy().astype("datetime64[s]")
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError):
        return pd.to_datetime(pd.Series(cells), errors="coerce").to_numpy(dtype="datetime64[s]")


def to_date(value: object, date1904: bool = False) -> dt.date | None:
    """One cell (serial number, datetime, ISO text) as a date; None if blank or not a date."""
    days, _, _ = to_dates(np.array([value], dtype=object), date1904)
    return None if np.isnat(days[0]) else days[0].astype("datetime64[D]").item()


def to_numbers(values: np.ndarray, percent: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(float, cells that are not numbers). Numbers are kept; ``$1,200`` or ``10%`` (in a percent
    column) typed as text are read; dates and TRUE/FALSE are not numbers."""
    values = np.asarray(values, dtype=object)
    kinds, stripped = cell_kinds(values)
    out = np.full(len(values), np.nan)
    is_num = kinds == NUMBER
    out[is_num] = values[is_num].astype(float)
    bad = (kinds != BLANK) & ~is_num
    text = kinds == TEXT
    if text.any():
        parsed, ok = parse_numbers(_text_series(stripped), percent=percent)
        ok = ok.to_numpy(dtype=bool)
        out[text] = parsed.to_numpy(dtype=float, na_value=np.nan)
        bad[text] = ~ok
    return out, bad


def _text_series(text: pa.Array) -> pd.Series:
    return pd.Series(_STR.__from_arrow__(text))


def to_text(values: np.ndarray) -> pd.Series:
    """Text as the reader gives it (the reader's Arrow-backed text): stripped, blanks as NA, whole
    numbers (IDs) as ``7``, dates as ISO ``2026-01-05``."""
    values = np.asarray(values, dtype=object)
    kinds, stripped = cell_kinds(values)
    n = len(values)
    if not np.isin(kinds, (NUMBER, DATE, BOOL, OTHER)).any():  # text and blanks: all in Arrow
        text = kinds == TEXT
        out = pc.replace_with_mask(pa.nulls(n, pa.large_string()), pa.array(text), stripped)
        return _text_series(out)
    out = np.full(n, None, dtype=object)
    out[kinds == TEXT] = stripped.to_numpy(zero_copy_only=False)
    is_num = np.flatnonzero(kinds == NUMBER)
    if len(is_num):
        f = values[is_num].astype(float)
        whole = np.isfinite(f) & (f % 1 == 0)
        out[is_num[whole]] = f[whole].astype(np.int64).astype(str).astype(object)
        out[is_num[~whole]] = f[~whole].astype(str).astype(object)
    is_date = kinds == DATE
    if is_date.any():
        out[is_date] = (
            pd.to_datetime(pd.Series(values[is_date])).dt.strftime("%Y-%m-%d").to_numpy(object)
        )
    for i in np.flatnonzero(np.isin(kinds, (BOOL, OTHER))):
        v = values[i]
        out[i] = str(v).upper() if isinstance(v, bool | np.bool_) else str(v)
    return pd.Series(out, dtype="str")


def canonical_choices(values: pd.Series, choices: tuple[str, ...]) -> tuple[pd.Series, pd.Series]:
    """(values in their canonical spelling where they match a choice whatever their case and
    surrounding spaces, which values matched). Each distinct value is looked at once."""
    canon = {c.casefold(): c for c in choices}
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    spelt = [canon.get(str(u).strip().casefold()) for u in uniques]
    matched = np.array([c is not None for c in spelt] + [False], dtype=bool)
    words = pa.array(
        [c if c is not None else str(u) for c, u in zip(spelt, uniques)], pa.large_string()
    )
    taken = words.take(pa.array(codes, mask=codes < 0))  # code -1 (blank) -> null, in C
    out = pd.Series(_STR.__from_arrow__(taken), index=values.index)
    return out, pd.Series(matched[codes], index=values.index)


def check_values(frame: pd.DataFrame, cols: dict[str, Column], report: Report) -> None:
    """Choices made canonical (in `frame`), and the problems of single values: unknown choices,
    numbers out of range or not whole, percentages above 1, dates that look wrong."""
    for header, col in cols.items():
        s = frame[header]
        if not s.count():
            continue  # an empty column: nothing to check

        def each(mask, message, severity=ERROR, _h=header, _s=s) -> None:
            mask = np.asarray(mask, dtype=bool)
            if mask.any():
                for row, value in zip(_s.index[mask], _s[mask].to_numpy(dtype=object)):
                    report(_h, int(row), message(value), severity)

        if col.kind == "choice" and col.choices:
            frame[header], known = canonical_choices(s, col.choices)
            if col.strict:
                allowed = ", ".join(col.choices)
                each(
                    s.notna() & ~known,
                    lambda v, a=allowed, h=header: f'"{v}" is not one of {a} ({h})',
                )
        elif col.kind in NUMERIC_KINDS:
            v = s.to_numpy(dtype=float, na_value=np.nan)
            if col.kind == "rating":
                each(
                    ~np.isnan(v) & (v % 1 != 0),
                    lambda x, h=header: f"{x:g} is not a whole number ({h})",
                )
            if col.lo is not None or col.hi is not None:
                lo = -np.inf if col.lo is None else col.lo
                hi = np.inf if col.hi is None else col.hi
                bounds = f"from {lo:g} to {hi:g}" if np.isfinite(hi) else f"at least {lo:g}"
                each(
                    ~np.isnan(v) & ((v < lo) | (v > hi)),
                    lambda x, b=bounds, h=header: f"{x:g} is out of range: it must be {b} ({h})",
                )
            if col.kind == "percent":
                each(
                    ~np.isnan(v) & (v > 1),
                    lambda x, h=header: (
                        f"{x:g} means {x * 100:g}%; for {x:g}% enter {x / 100:g} or type {x:g}% ({h})"
                    ),
                    WARNING,
                )
        elif col.kind in DATE_KINDS:
            d = mark_dates(s)  # a date column, or the dates among done marks
            past = ~np.isnat(d) & (d > _LAST_DATE)
            if past.any():  # Excel shows ##### there; blanked so that no date sum overflows
                each(past, lambda x, h=header: f"a date past 9999-12-31, Excel's last ({h})")
                frame.loc[frame.index[past], header] = pd.NaT
                d = np.where(past, np.datetime64("NaT"), d)
            odd = ~np.isnat(d) & ((d < _SANE_DATES[0]) | (d > _SANE_DATES[1]))
            each(
                odd,
                lambda x, h=header: f"the date {pd.Timestamp(x).date()} looks wrong ({h})",
                WARNING,
            )


def not_a(col: Column, text: object) -> str:
    """The message for a cell that is not what its column holds."""
    if col.kind in DATE_KINDS:
        return f'"{text}" is not a date; use YYYY-MM-DD ({col.header})'
    return f'"{text}" is not a number ({col.header})'


def text_date(col: Column, text: object) -> str:
    return (
        f'the date "{text}" is text: Excel formulas skip text dates; retype it as a date '
        f"({col.header})"
    )

"""History read both ways. Backwards (``rewind``): the book's tables with History rows reversed,
so that each cell holds the Old of the earliest row reversed and a row added since is gone (the
book on a past day, or before a change set). Forwards (``last_seen``): the state History last saw,
each tracked cell's latest New. And the difference between that state and the book as it is now
(``differences``: what the user typed since), or, for an empty History, the book as it stands
(``baseline``: rows whose Old and New are the same, so that reversing them changes nothing)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..schema import (
    ADDED,
    HISTORY_KEYS,
    REMOVED,
    ROW_COLUMN,
    SEEN,
    TABLES,
    TRACKED,
    norm_header,
)
from ._entries import CellEdit, Entry
from ._text import from_text, to_text

__all__ = ["Seen", "baseline_cells", "differences", "last_seen", "rewind", "table_texts"]


def key_of(value: object) -> str | None:
    """A row's key as History matches it: its text, whatever its case."""
    text = to_text(value).strip()
    return text.casefold() if text else None


def _column(frame: pd.DataFrame, name: str) -> str | None:
    if name in frame.columns:
        return name
    wanted = norm_header(name)
    return next((c for c in frame.columns if norm_header(c) == wanted), None)


def _canonical(table: str, header: str, value: object) -> object:
    """A choice as the reader spells it (``screen`` is ``Screen``)."""
    col = TABLES[table].fields.get(header)
    if col is not None and col.choices and isinstance(value, str):
        return {c.casefold(): c for c in col.choices}.get(value.strip().casefold(), value)
    return value


def _kind(table: str, header: str) -> str | None:
    col = TABLES.get(table).fields.get(header) if table in TABLES else None
    return col.kind if col is not None else None


def rewind(
    inputs: Mapping[str, pd.DataFrame],
    entries: Sequence[Entry],
    tables: Iterable[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables with `entries` reversed: `entries` oldest first, each cell taking the Old of
    the earliest one that names it (reversing newest first ends there); a row whose earliest
    ``(row)`` entry is ``added`` goes, one whose earliest is ``removed`` comes back. Only `tables`
    (default: every table History can name) are rewound; the others are returned as they are."""
    out = dict(inputs)
    wanted = set(HISTORY_KEYS if tables is None else tables)
    olds: dict[str, dict[str, dict[str, str]]] = {}  # table -> key -> column -> old
    rows: dict[str, dict[str, tuple[str, str]]] = {}  # table -> key -> (earliest mark, key text)
    for e in entries:
        table = _table_name(e.sheet)
        key = key_of(e.id)
        if table not in wanted or key is None:
            continue
        if e.is_row:
            if e.new in (ADDED, REMOVED):
                rows.setdefault(table, {}).setdefault(key, (e.new, e.id))
            continue
        olds.setdefault(table, {}).setdefault(key, {}).setdefault(e.column, e.old)
    for table in wanted & (set(olds) | set(rows)):
        if table in out:
            out[table] = _rewound(table, out[table], olds.get(table, {}), rows.get(table, {}))
    return out


def _table_name(sheet: str) -> str:
    if sheet in HISTORY_KEYS:
        return sheet
    return next((t for t in HISTORY_KEYS if t.casefold() == sheet.strip().casefold()), sheet)


def _rewound(table, frame, olds, rows) -> pd.DataFrame:
    key_col = _column(frame, HISTORY_KEYS[table])
    if key_col is None:
        return frame
    frame = frame.copy()
    where: dict[str, object] = {}
    for index, k in zip(frame.index, frame[key_col].tolist()):
        key = key_of(k)
        if key is not None:
            where[key] = index  # the last row of a key: rows are added at the end
    gone = [where[k] for k, (mark, _) in rows.items() if mark == ADDED and k in where]
    frame = frame.drop(index=gone)
    for k in [k for k in rows if rows[k][0] == ADDED]:
        where.pop(k, None)
    back = [k for k, (mark, _) in rows.items() if mark == REMOVED and k not in where]
    if back:
        start = int(frame.index.max()) + 1 if len(frame) else 2
        new_index = pd.Index(range(start, start + len(back)), name=frame.index.name)
        added = pd.DataFrame({c: [None] * len(back) for c in frame.columns}, index=new_index)
        added[key_col] = [rows[k][1] for k in back]
        frame = pd.concat([frame.astype(object), added.astype(object)])
        where.update(zip(back, new_index))
    dtypes = frame.dtypes.to_dict()
    touched = set()
    for k, cells in olds.items():
        index = where.get(k)
        if index is None:
            continue
        for name, old in cells.items():
            header = _column(frame, name)
            if header is None or header == key_col:
                continue
            value = _canonical(table, header, from_text(old, _kind(table, header)))
            if header not in touched:
                frame[header] = frame[header].astype(object)
                touched.add(header)
            frame.at[index, header] = value
    return _retyped(frame, dtypes, touched | ({c for c in frame.columns} if back else set()))


def _retyped(frame: pd.DataFrame, dtypes: dict, columns: set[str]) -> pd.DataFrame:
    """The columns written back in the reader's types: dates as datetimes (to the day), numbers
    as floats, text as text."""
    for c in columns:
        before = dtypes.get(c)
        s = frame[c]
        if before is not None and pd.api.types.is_datetime64_any_dtype(before):
            frame[c] = pd.to_datetime(s, errors="coerce").dt.normalize().astype(before)
        elif before is not None and pd.api.types.is_float_dtype(before):
            frame[c] = pd.to_numeric(s, errors="coerce").astype(float)
        elif before is not None and str(before) in ("str", "string"):
            frame[c] = s.map(lambda v: None if v is None or v != v else str(v)).astype(before)
    return frame


@dataclass
class Seen:
    """What History last saw of one table: each row by key (its key as written, its tracked
    cells' latest New)."""

    rows: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)


def last_seen(entries: Sequence[Entry]) -> dict[str, Seen]:
    """The state History last saw, replayed forwards in the order the changes were written: a
    row is there once added (or seen by a baseline, or named by a cell), gone once removed; each
    of its cells holds the latest New."""
    out: dict[str, Seen] = {t: Seen() for t in TRACKED}
    for e in entries:
        table = _table_name(e.sheet)
        key = key_of(e.id)
        if table not in out or key is None:
            continue
        rows = out[table].rows
        if e.is_row:
            if e.new == REMOVED:
                rows.pop(key, None)
            elif e.new in (ADDED, SEEN):
                rows.setdefault(key, (e.id, {}))
            continue
        _, cells = rows.setdefault(key, (e.id, {}))
        cells[e.column] = e.new
    return out


def table_texts(
    frame: pd.DataFrame, table: str, times: Mapping[str, pd.Series] | None = None
) -> dict[str, tuple[str, dict[str, str]]]:
    """The tracked cells of each row of `frame` as History's text, by key (the first row of a
    key; rows without one cannot be followed and are left out). `times`: a column's values with
    their time of day (``Book.times``)."""
    key_col = _column(frame, HISTORY_KEYS[table])
    if key_col is None:
        return {}
    columns = [c for c in TRACKED.get(table, ()) if _column(frame, c) is not None]
    values = {}
    for c in columns:
        s = (times or {}).get(c)
        values[c] = (s if s is not None else frame[_column(frame, c)]).tolist()
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for i, k in enumerate(frame[key_col].tolist()):
        key = key_of(k)
        if key is None or key in out:
            continue
        out[key] = (to_text(k), {c: to_text(values[c][i]) for c in columns})
    return out


def _same(table: str, column: str, a: str, b: str) -> bool:
    col = TABLES[table].fields.get(column)
    if col is not None and col.choices:
        return a.strip().casefold() == b.strip().casefold()
    return a == b


def differences(
    now: Mapping[str, Mapping[str, tuple[str, dict[str, str]]]], seen: Mapping[str, Seen]
) -> list[CellEdit | tuple[str, str, str, Mapping[str, str]]]:
    """What changed from `seen` to `now` (tracked tables' rows by key, ``table_texts``), as cells
    (``CellEdit``) and rows (``(table, key, ADDED or REMOVED, cells)``), table by table: a row
    there now and not before is added with its cells, one gone is removed with its cells' last
    values, a cell whose text changed is a cell."""
    out: list = []
    for table in TRACKED:
        before = seen[table].rows if table in seen else {}
        after = now.get(table, {})
        for key, (written, cells) in after.items():
            if key not in before:
                out.append((table, written, ADDED, cells))
                continue
            _, old = before[key]
            for column in TRACKED[table]:
                if column not in cells:
                    continue
                a, b = old.get(column, ""), cells[column]
                if not _same(table, column, a, b):
                    out.append(CellEdit(table, written, column, a, b))
        for key, (written, old) in before.items():
            if key not in after:
                out.append((table, written, REMOVED, old))
    return out


def baseline_cells(
    now: Mapping[str, Mapping[str, tuple[str, dict[str, str]]]],
) -> list[tuple[str, str, str, str]]:
    """The book as it stands, for an empty History: (table, key, column, value) for every
    tracked cell that holds something, and ``(row)``/``seen`` for a row whose tracked cells are
    all blank."""
    out = []
    for table in TRACKED:
        for written, cells in now.get(table, {}).values():
            filled = [(c, v) for c, v in cells.items() if v]
            if not filled:
                out.append((table, written, ROW_COLUMN, SEEN))
            out += [(table, written, c, v) for c, v in filled]
    return out

"""History in the editor's write (docs/definitions.md § History): the cells a change writes, as the sheet holds
them before (Old) and as they will be (New), become History rows appended in the same atomic
write; so nothing jobbook writes changes without its history.

The planner notes each table cell written (``TableWrite``) and each row added (``RowAppend``), in
the order of the changes; ``peek`` reads the Old of those cells (and their rows' keys) from the
sheet XML, streamed; ``Log.rows`` (``jobbook.history``) turns them into History rows. Writes into
History itself and plain cell writes (the buttons' Lists bands, outside the tables) are not
History's."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..changes import RowAppend, RowRemove, TableWrite
from ..history import CellEdit, Entry, Log, RowAdded, RowRemoved, to_text, xml_text
from ..schema import HISTORY, HISTORY_KEYS, norm_header
from ._rows import ROW, cells, row_number, split
from ._sheet import Context, _old
from ._strings import SharedStrings
from ._styles import Styles
from ._tables import Target
from ._zip import read_member

__all__ = ["Logged", "history_rows", "is_history"]


def is_history(table: str) -> bool:
    return table.casefold() == HISTORY.name.casefold()


@dataclass
class Logged:
    """What the planner noted for History, in the order of the changes."""

    items: list[tuple] = field(
        default_factory=list
    )  # ("cell", write, target, col) / ("row", append)

    def cell(self, write: TableWrite, target: Target, col: int) -> None:
        if not is_history(write.table):
            self.items.append(("cell", write, target, col))

    def row(self, append: RowAppend) -> None:
        if not is_history(append.table):
            self.items.append(("row", append))

    def removed(self, remove: RowRemove, target: Target) -> None:
        if not is_history(remove.table):
            self.items.append(("removed", remove, target))


def peek(
    chunks: Iterable[bytes], wanted: dict[int, set[int]], ctx: Context, where: str
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """(kind, text) of the cells `wanted` (row -> columns) as the sheet holds them now (a shared
    string as its index, kind ``s``; see ``_sheet._old``), streamed; a cell not there is blank."""
    out: dict[tuple[int, int], tuple[str, str | None]] = {}
    if not wanted:
        return out
    last = max(wanted)
    for kind, text, _p in split(chunks, where):
        if kind != "rows":
            continue
        for m in ROW.finditer(text):
            number = row_number(m.group(2), where)
            if number > last:
                return out
            cols = wanted.get(number)
            if cols:
                for c in cells(m.group(3), where):
                    if c.col in cols:
                        out[(number, c.col)] = _old(c, ctx)
    return out


def _key_text(kind: str, text: str | None) -> str:
    """A key cell as History names its row: its text (not escaped: an ID, a name)."""
    shown = xml_text(kind, text)
    return (
        shown[1:] if kind not in ("formula", "n", "b", "date") and shown.startswith("'") else shown
    )


def history_rows(
    path, zf: zipfile.ZipFile, fh, members: dict, logged: Logged, log: Log, styles: Styles,
    shared_strings: str | None, date1904: bool,
) -> list[Entry]:  # fmt: skip
    """The History rows of the change the planner holds (see the module's note)."""
    wanted: dict[str, dict[int, set[int]]] = {}  # sheet part -> row -> cols
    for item in logged.items:
        if item[0] == "row":
            continue
        t = item[2]
        rows = wanted.setdefault(t.part, {}).setdefault(item[1].row, set())
        rows |= {item[3]} if item[0] == "cell" else set(t.names) - t.computed
        key = t.columns.get(norm_header(HISTORY_KEYS.get(_schema_name(t.name), "ID")))
        if key is not None:
            rows.add(key)
    ctx = Context(None, styles, date1904)
    found: dict[str, dict] = {
        part: peek(read_member(fh, members[part]), rows, ctx, f"{path}: {part}")
        for part, rows in wanted.items()
    }
    indices = {int(t) for f in found.values() for k, t in f.values() if k == "s" and t}
    texts: dict[int, str] = {}
    if indices and shared_strings:
        texts = SharedStrings(None, set()).lookup(read_member(fh, members[shared_strings]), indices)

    def old(part: str, row: int, col: int) -> tuple[str, str | None]:
        kind, text = found.get(part, {}).get((row, col), ("blank", None))
        if kind == "s":
            return "text", texts.get(int(text)) if text and text.isdigit() else text
        return kind, text

    items: list[CellEdit | RowAdded | RowRemoved] = []
    first: dict[tuple[str, int, int], int] = {}  # a cell written twice: its first Old, last New
    for item in logged.items:
        if item[0] == "removed":
            _, remove, t = item
            name = _schema_name(t.name)
            key_col = t.columns.get(norm_header(HISTORY_KEYS.get(name, "ID")))
            key = _key_text(*old(t.part, remove.row, key_col)) if key_col is not None else ""
            held = tuple(
                (t.names[c], xml_text(*old(t.part, remove.row, c)))
                for c in sorted(set(t.names) - t.computed)
            )
            items.append(RowRemoved(name, key, held))
            continue
        if item[0] == "row":
            a: RowAppend = item[1]
            name = _schema_name(a.table)
            key_header = HISTORY_KEYS.get(name, "ID")
            key = next(
                (v for h, v in a.values.items() if norm_header(h) == norm_header(key_header)), None
            )
            items.append(RowAdded(name, _plain(key), a.values, a.when, a.note, a.story))
            continue
        _, write, t, col = item
        name = _schema_name(t.name)
        key_col = t.columns.get(norm_header(HISTORY_KEYS.get(name, "ID")))
        key = _key_text(*old(t.part, write.row, key_col)) if key_col is not None else ""
        edit = CellEdit(
            name,
            key,
            write.header,
            xml_text(*old(t.part, write.row, col)),
            to_text(write.value),
            write.when,
            write.note,
            write.source,
        )
        at = (t.part, write.row, col)
        if at in first:
            was = items[first[at]]
            items[first[at]] = replace(edit, old=was.old)
            continue
        first[at] = len(items)
        items.append(edit)
    return log.rows(items)


def _plain(value: object) -> str:
    text = to_text(value)
    return text[1:] if isinstance(value, str) and text.startswith("'") else text


def _schema_name(table: str) -> str:
    """The schema's spelling of a table name (``pipeline`` is ``Pipeline``)."""
    return next((t for t in HISTORY_KEYS if t.casefold() == table.casefold()), table)

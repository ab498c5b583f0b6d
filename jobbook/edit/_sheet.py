"""One worksheet's XML patched as it streams by: the rows written are rebuilt cell by cell, every
other row passes through with only its formulas' cached values dropped (so that Excel and
LibreOffice compute them afresh), and new rows go in their place in row order."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ..changes import Formula
from ..letters import col_letters, col_number
from ._cached import drop_cached
from ._formula import shift_xml
from ._refs import insert_rows
from ._rows import ROW, Cell, attr, cells, last_row_in, row_number, split
from ._shared import Shared
from ._strings import SharedStrings, inline
from ._styles import Styles
from ._tables import grow_ranges, parse_ref
from ._values import from_serial, is_date, number, serial, untext


@dataclass(frozen=True)
class FormulaXml:
    """A formula as sheet XML holds it (escaped), e.g. a table's calculated column formula."""

    xml: str
    array: bool = False


COPY_DOWN = object()  # the formula of the cell above, moved down a row (a computed column)
STYLE_ONLY = object()  # no value, the format of the cell above (a typed column of a new row)


@dataclass(frozen=True)
class Moved:
    """The cell of row `row` in the same column, moved here (a Table's totals row pushed down)."""

    row: int


@dataclass
class SheetEdit:
    """What to change on one sheet, and (after ``patch``) what was there before."""

    sheet: str
    part: str
    writes: dict[int, dict[int, object]] = field(default_factory=dict)  # row -> col -> value
    clears: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    grow: list[tuple[int, int, int, int, int]] = field(
        default_factory=list
    )  # r2, c1, c2, new r2, r1
    old: dict[tuple[int, int], tuple[str, str | None]] = field(default_factory=dict)
    done: dict[tuple[int, int], object] = field(
        default_factory=dict
    )  # values written (no formulas)
    formulas: int = 0  # formulas written where there was none or another one
    dirty: dict[int, set[int]] = field(default_factory=dict)  # formula cells losing their cache
    stash_rows: set[int] = field(default_factory=set)  # rows whose cells move (see Moved)
    stash: dict[int, tuple[str, dict[int, Cell]]] = field(default_factory=dict)
    move_formula: Callable[[str], str] | None = None  # a moved cell's formula (escaped XML)
    row_attrs: dict[int, Callable[[str], str]] = field(default_factory=dict)  # row -> new attrs
    date_counts: dict[int, Counter] = field(default_factory=dict)  # col -> styles of its dates
    table_dates: Counter = field(default_factory=Counter)  # styles of the table's dates
    surveyed: bool = False  # date_counts and table_dates found (``_append.date_formats``)
    header_row: int = 0
    inserts: list[tuple[int, int, int, int]] = field(default_factory=list)  # at, n, c1, c2
    dropped: int = 0  # cached values dropped
    dirty_rows: list[int] | None = None

    @property
    def writes_cells(self) -> bool:
        """Whether the edit writes or clears a cell (else it only drops cached values)."""
        return bool(self.clears or self.inserts or self.row_attrs or any(self.writes.values()))

    def put(self, row: int, col: int, value: object) -> None:
        self.writes.setdefault(row, {})[col] = value

    def in_clear(self, row: int, col: int) -> bool:
        return any(r1 <= row <= r2 and c1 <= col <= c2 for r1, c1, r2, c2 in self.clears)

    def rows_touched(self, first: int, last: int) -> bool:
        return any(first <= r <= last for r in self.writes) or any(
            r1 <= last and r2 >= first for r1, _, r2, _ in self.clears
        )


@dataclass
class Context:
    strings: SharedStrings | None
    styles: Styles
    date1904: bool


# -- formulas' cached values (every formula's: _cached.drop_cached) --------------------

_CACHED = re.compile(
    r'(<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"[^>]*>)(\s*<(?:\w+:)?f\b[^>]*?'
    r"(?:/>|>[^<]*</(?:\w+:)?f>))\s*<(?:\w+:)?v\b[^>]*>([^<]*)</(?:\w+:)?v>"
)
_VALUE_TYPE = re.compile(r'\st="(?:str|n|b|e)"')


_ROW_NO = re.compile(r'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')


def drop_dirty(xml: str, edit: SheetEdit) -> str:
    """`xml` (whole rows) with the cached values of the edit's dirty formula cells dropped (each
    one counted in ``edit.dropped``); every other formula keeps its cached value."""
    dirty = edit.dirty
    if not dirty or ("<f" not in xml and ":f" not in xml):
        return xml
    if edit.dirty_rows is None:
        edit.dirty_rows = sorted(dirty)
    rows = edit.dirty_rows
    numbers = [int(m.group(1)) for m in _ROW_NO.finditer(xml)]
    if numbers:
        i = bisect.bisect_left(rows, min(numbers))
        if i == len(rows) or rows[i] > max(numbers):
            return xml

    def drop(m: re.Match) -> str:
        cols = dirty.get(int(m.group(3)))
        if not cols or col_number(m.group(2)) not in cols:
            return m.group(0)
        if not m.group(5) and not _VALUE_TYPE.search(m.group(1)):
            return m.group(0)  # an empty <v></v> of no type holds no value: left as it is
        edit.dropped += 1
        return _VALUE_TYPE.sub("", m.group(1)) + m.group(4)

    return _CACHED.sub(drop, xml)


# -- one cell -----------------------------------------------------------------------------------

_F = re.compile(r"<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)</(?:\w+:)?f>)")


def _old(cell: Cell | None, ctx: Context) -> tuple[str, str | None]:
    """(type, value text) of a cell as it was: its formula, text, number (a date shown as one) or
    nothing."""
    if cell is None or cell.inner is None:
        return "blank", None
    f = _F.search(cell.inner)
    if f:
        return "formula", "=" + untext(f.group(2) or "")
    kind = attr(cell.attrs, "t") or "n"
    if kind == "inlineStr":
        return "text", untext("".join(re.findall(r"<(?:\w+:)?t\b[^>]*>([^<]*)<", cell.inner)))
    v = re.search(r"<(?:\w+:)?v\b[^>]*>([^<]*)<", cell.inner)
    if v and kind == "n" and ctx.styles.is_date(cell.style):
        return "date", from_serial(v.group(1), ctx.date1904)
    return kind, (untext(v.group(1)) if v else None)


def _scalar(value: object) -> object:
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalars
    if isinstance(value, float) and value != value:
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    return value


def _style(
    value: object,
    own: int | None,
    above: int | None,
    ctx: Context,
    column: Counter | None = None,
    table: Counter | None = None,
) -> int | None:
    """A date takes the cell's own date format, else the one most used by its column's dates,
    else the one most used by the dates of its table (only the table's cells count: never a
    title's), else the schema's date format."""
    if is_date(value):
        if ctx.styles.is_date(own):
            return own
        for counts in (column, table):
            for s, _ in (counts or Counter()).most_common():
                if ctx.styles.is_date(s):
                    return s
        return ctx.styles.date_style()
    return own if own is not None else above


def _build(p: str, ref: str, value: object, style: int | None, ctx: Context) -> str | None:
    s = f' s="{style}"' if style is not None else ""
    value = _scalar(value)
    if value is None:
        return f'<{p}c r="{ref}"{s}/>' if style is not None else None
    if isinstance(value, Formula):
        value = FormulaXml(escape(str(value).removeprefix("=")))
    if isinstance(value, FormulaXml):
        t = f' t="array" ref="{ref}"' if value.array else ""
        return f'<{p}c r="{ref}"{s}><{p}f{t}>{value.xml}</{p}f></{p}c>'
    if isinstance(value, bool):
        return f'<{p}c r="{ref}"{s} t="b"><{p}v>{number(value)}</{p}v></{p}c>'
    if is_date(value):
        return f'<{p}c r="{ref}"{s}><{p}v>{serial(value, ctx.date1904)}</{p}v></{p}c>'
    if isinstance(value, int | float):
        return f'<{p}c r="{ref}"{s}><{p}v>{number(value)}</{p}v></{p}c>'
    text = value if isinstance(value, str) else str(value)
    if ctx.strings is not None and ctx.strings.present:
        ctx.strings.references += 1
        return f'<{p}c r="{ref}"{s} t="s"><{p}v>{ctx.strings.ref(text)}</{p}v></{p}c>'
    return f'<{p}c r="{ref}"{s} t="inlineStr">{inline(text, p)}</{p}c>'


def _copied(above: Cell | None, above_row: int, row: int, shared: Shared) -> FormulaXml | None:
    """The formula of `above` as it reads `row - above_row` rows further down."""
    if above is None or not above.has_formula:
        return None
    f = _F.search(above.inner or "")
    attrs, text = f.group(1), f.group(2)
    kind = attr(attrs, "t") or "normal"
    if kind == "shared":
        master = shared.masters.get(attr(attrs, "si"))
        if master is None or master[2] != above.col:
            return None
        text, master_row = master[0], master[1]
        return FormulaXml(shift_xml(text, row - master_row))
    if kind not in ("normal", "array") or text is None:
        return None
    return FormulaXml(shift_xml(text, row - above_row), kind == "array")


# -- one row --------------------------------------------------------------------------------------


def _rebuild(
    p: str,
    r: int,
    row_xml: str | None,
    edit: SheetEdit,
    above: tuple[int, str] | None,
    shared: Shared,
    ctx: Context,
) -> str:
    where = f"{edit.sheet}!row {r}"
    if row_xml is not None:
        m = ROW.match(row_xml)
        row_attrs, inner = m.group(2), m.group(3)
    else:
        row_attrs, inner = f' r="{r}"', None
    existing = {c.col: c for c in cells(inner, where)}
    if r in edit.stash_rows:
        edit.stash[r] = (row_attrs, existing)
    above_cells: dict[int, Cell] = {}
    above_row = r - 1
    if above is not None:
        above_row = above[0]
        am = ROW.match(above[1])
        above_cells = {c.col: c for c in cells(am.group(3), where)}
    writes = edit.writes.get(r, {})
    dirty = edit.dirty.get(r, ())
    out = []
    for col in sorted(set(existing) | set(writes)):
        cell = existing.get(col)
        ref = f"{col_letters(col)}{r}"
        if col in writes:
            value = writes[col]
            if isinstance(value, Moved):
                edit.old[(r, col)] = _old(cell, ctx)
                moved = _moved_cell(p, edit, value.row, col, ref)
                if moved is not None:
                    out.append(moved[0])
                    edit.done[(r, col)] = moved[1]
                else:
                    edit.done[(r, col)] = None
                continue
            if value is COPY_DOWN:
                value = _copied(above_cells.get(col), above_row, r, shared)
                if value is None:
                    value = STYLE_ONLY
            if value is STYLE_ONLY:  # no formula: the cell keeps, or takes, its format
                up = above_cells.get(col)
                if cell is not None and r in edit.stash_rows:  # its content moved away
                    edit.old[(r, col)] = _old(cell, ctx)
                    edit.done[(r, col)] = None
                    style = up.style if up is not None else None
                    if style is not None:
                        out.append(f'<{p}c r="{ref}" s="{style}"/>')
                    if attr(cell.attrs, "t") == "s" and ctx.strings is not None:
                        ctx.strings.references -= 1
                elif cell is not None:
                    out.append(shared.own(_cached(cell.raw, p, col in dirty), r, col))
                elif up is not None and up.style is not None:
                    out.append(f'<{p}c r="{ref}" s="{up.style}"/>')
                continue
            edit.old[(r, col)] = _old(cell, ctx)
        elif cell is not None and edit.in_clear(r, col):
            edit.old[(r, col)] = _old(cell, ctx)
            value = None
        else:
            out.append(shared.own(_cached(cell.raw, p, col in dirty), r, col))
            continue
        if cell is not None:
            shared.written_over(cell.inner, r, col)
            if attr(cell.attrs, "t") == "s" and ctx.strings is not None:
                ctx.strings.references -= 1
        edit.done[(r, col)] = value
        if isinstance(value, FormulaXml) and edit.old[(r, col)] != (
            "formula",
            "=" + untext(value.xml),
        ):
            edit.formulas += 1
        up = above_cells.get(col)
        style = _style(
            value,
            cell.style if cell else None,
            up.style if up else None,
            ctx,
            edit.date_counts.get(col),
            edit.table_dates,
        )
        xml = _build(p, ref, value, style, ctx)
        if xml:
            out.append(xml)
    row_attrs = re.sub(r'\sspans="[^"]*"', "", row_attrs)
    if r in edit.row_attrs:
        row_attrs = edit.row_attrs[r](row_attrs)
    return f"<{p}row{row_attrs}>{''.join(out)}</{p}row>"


def _cached(raw: str, p: str, dirty: bool) -> str:
    return drop_cached(raw, p) if dirty else raw  # a rewritten row: the sheet changes anyway


def _moved_cell(p: str, edit: SheetEdit, src: int, col: int, ref: str) -> tuple[str, object] | None:
    """The cell that was at row `src` of column `col`, as it reads at `ref`: (its XML, what it
    shows for the list of changes)."""
    cell = edit.stash.get(src, ("", {}))[1].get(col)
    if cell is None:
        return None
    raw = drop_cached(cell.raw, p)
    raw = re.sub(r'(\sr=")[A-Z]+\d+(")', rf"\g<1>{ref}\2", raw, count=1)
    f = _F.search(raw)
    if f and f.group(2) and edit.move_formula is not None:
        text = edit.move_formula(f.group(2))
        raw = raw[: f.start(2)] + text + raw[f.end(2) :]
        return raw, FormulaXml(text)
    if f:
        return raw, FormulaXml(f.group(2) or "")
    return raw, f"(moved from {col_letters(col)}{src})" if cell.inner else None


# -- the sheet ------------------------------------------------------------------------------------


def _dimension(head: str, edit: SheetEdit) -> str:
    rows = list(edit.writes)
    cols = [c for w in edit.writes.values() for c in w]
    if not rows:
        return head
    m = re.search(r'(<(?:\w+:)?dimension\b[^>]*\sref=")([^"]*)(")', head)
    if not m:
        return head
    try:
        r1, c1, r2, c2 = parse_ref(m.group(2))
    except ValueError:
        return head
    r1, c1 = min(r1, *rows), min(c1, *cols)
    r2, c2 = max(r2, *rows), max(c2, *cols)
    ref = f"{col_letters(c1)}{r1}:{col_letters(c2)}{r2}"
    return head[: m.start(2)] + ref + head[m.end(2) :]


def patch(chunks: Iterable[bytes], edit: SheetEdit, ctx: Context) -> Iterator[bytes]:
    """The sheet `chunks` (its XML) with `edit` applied."""
    where = edit.sheet
    targets = sorted(set(edit.writes))
    clear_rows = [(r1, r2) for r1, _, r2, _ in edit.clears]
    above: tuple[int, str] | None = None
    shared = Shared()

    def passing(xml: str) -> str:  # rows that pass through: the dirty cells' caches dropped
        return shared.unshare(drop_dirty(xml, edit), where)

    for kind, text, p in split(chunks, where):
        if kind == "head":
            yield _dimension(text, edit).encode()
            continue
        if kind == "tail":
            new = []
            while targets:
                r = targets.pop(0)
                row = _rebuild(p, r, None, edit, above, shared, ctx)
                new.append(row)
                above = (r, row)
            for at, n, c1, c2 in edit.inserts:
                text = _insert_tail(text, edit.sheet, at, n, c1, c2)
            for r2, c1, c2, new_r2, r1 in edit.grow:
                text = _grow_tail(text, r2, c1, c2, new_r2, r1)
            yield ("".join(new) + text).encode()
            continue
        shared.note(text)
        last = last_row_in(text, p, where)
        if last is None:
            yield text.encode()
            continue
        clearing = any(r1 <= last[0] and r2 >= (above[0] if above else 0) for r1, r2 in clear_rows)
        if not clearing and not (targets and targets[0] <= last[0]):
            yield passing(text).encode()
            above = last
            continue
        out, pos = [], 0
        while not clearing and targets and targets[0] <= last[0]:  # rows written, found by number
            found = re.compile(rf'<{re.escape(p)}row\s+r="{targets[0]}"[\s>/]').search(text, pos)
            if found is None:  # not there, or its r is not first: row by row below
                break
            before = text[pos : found.start()]
            out.append(passing(before))
            above = last_row_in(before, p, where) or above
            m = ROW.match(text, found.start())
            r = targets.pop(0)
            out.append(_rebuild(p, r, m.group(0), edit, above, shared, ctx))
            above = (r, m.group(0))
            pos = m.end()
        if clearing or (targets and targets[0] <= last[0]):
            rest, above = _row_by_row(text[pos:], p, edit, targets, clear_rows, above, shared, ctx)
            out.append(rest)
        else:
            out.append(passing(text[pos:]))
            above = last
        yield "".join(out).encode()


def _row_by_row(text, p, edit, targets, clear_rows, above, shared, ctx):
    """`text` with its rows written, cleared, inserted or passed through one by one."""
    out, pos = [], 0
    for m in ROW.finditer(text):
        out.append(text[pos : m.start()])
        pos = m.end()
        r = row_number(m.group(2), edit.sheet)
        while targets and targets[0] < r:
            t = targets.pop(0)
            row = _rebuild(p, t, None, edit, above, shared, ctx)
            out.append(row)
            above = (t, row)
        if targets and targets[0] == r:
            targets.pop(0)
            row = _rebuild(p, r, m.group(0), edit, above, shared, ctx)
        elif any(r1 <= r <= r2 for r1, r2 in clear_rows):
            row = _rebuild(p, r, m.group(0), edit, above, shared, ctx)
        else:
            row = shared.unshare(drop_dirty(m.group(0), edit), edit.sheet)
        out.append(row)
        above = (r, m.group(0))
    out.append(text[pos:])
    return "".join(out), above


_SQREF = re.compile(
    r'(\ssqref=")([^"]*)(")|(<(?:\w+:)?sqref>)([^<]*)(<)|(<(?:\w+:)?autoFilter\b[^>]*?\sref=")([^"]*)(")'
)
_REF_ATTR = re.compile(r'(<(?:\w+:)?(?:mergeCell|hyperlink|autoFilter)\b[^>]*?\sref=")([^"]*)(")')


def _grow_tail(tail: str, r2: int, c1: int, c2: int, new_r2: int, r1: int) -> str:
    """Conditional formats, validations and a plain range's AutoFilter that covered the rows to
    the last one now cover the rows added."""

    def move(m: re.Match) -> str:
        for k in (1, 4, 7):
            if m.group(k):
                return (
                    m.group(k)
                    + grow_ranges(m.group(k + 1), r2, c1, c2, new_r2, r1)
                    + m.group(k + 2)
                )
        return m.group(0)

    return _SQREF.sub(move, tail)


def _insert_tail(tail: str, sheet: str, at: int, n: int, c1: int, c2: int) -> str:
    """Ranges of the sheet's tail (formats, validations, merged cells, links) after rows of cells
    were inserted at `at` (a totals row pushed down): what was at or below it moves down."""

    def ranges(text: str) -> str:
        return " ".join(insert_rows(p, sheet, sheet, at, n, c1, c2) for p in text.split(" "))

    def move(m: re.Match) -> str:
        for k in (1, 4, 7):
            if m.group(k):
                return m.group(k) + ranges(m.group(k + 1)) + m.group(k + 2)
        return m.group(0)

    tail = _SQREF.sub(move, tail)
    return _REF_ATTR.sub(lambda m: m.group(1) + ranges(m.group(2)) + m.group(3), tail)

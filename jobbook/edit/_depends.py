"""Which formulas of a workbook can depend on the cells a change writes (docs/definitions.md § Deadlines: after a
change no cached value may be stale, in Excel or in LibreOffice, which trusts cached values).

Every formula of every sheet is read once (streamed) and reduced to its *shape*: the areas it
refers to, rows and columns relative to its own cell where the reference moves when copied, so
that a column of a million copies of one formula is one shape. Structured references resolve
against each Table's range after the change (a Table that grew covers its new rows), names
against their text after the change (a name's relative references relative to the cell using
it), a 3-D range on each sheet it spans, a range between two references (``A2:LastRow``) over
everything between them, a multi-cell array formula over all its cells; a computed target
(OFFSET, INDIRECT) or a reference that cannot be placed depends on any change, a volatile function
(TODAY) on its references only. From the cells written, the formulas that read them are marked,
then the formulas that read those, until nothing more is reached.

The result: the formula cells whose cached values go (`Dirty.cells`), every other formula keeps
its cached value untouched; and the formulas in columns jobbook reads (`watch`) that were
reached, for the one warning that names them (`Dirty.watched`: those that read a cell written;
`Dirty.untraced`: those whose references cannot be followed, which go whatever the change).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..letters import col_number
from ._precedents import ANY, TableArea, anchored, box, struct
from ._refs import MAX_COL, Ref, join_operands, refs
from ._rows import CELL_REF, split
from ._values import untext

_FORMULA_CELL = re.compile(
    r"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)</(?:\w+:)?f>)"
)
_ATTR = re.compile(r'\s(t|si|ref)="([^"]*)"')
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")

_WIDE = 64  # precedents spanning more columns than this are checked against every change


@dataclass
class _Group:
    sheet: str
    col: int
    rows: list[int] = field(default_factory=list)
    dirty: bytearray = field(default_factory=bytearray)
    volatile: bool = False
    texts: dict[int, str] = field(default_factory=dict)  # watched rows -> formula
    shape: tuple = ()
    marked: int = 0  # rows marked dirty so far (all of them: nothing more to follow)


@dataclass
class Dirty:
    """The formula cells that lose their cached values: sheet -> row -> columns; and the watched
    ones (sheet, row, col, formula) for a warning: those that read a cell the change writes, and
    those whose references cannot be followed (OFFSET, INDIRECT...)."""

    cells: dict[str, dict[int, set[int]]] = field(default_factory=dict)
    watched: list[tuple[str, int, int, str]] = field(default_factory=list)
    untraced: list[tuple[str, int, int, str]] = field(default_factory=list)

    def of(self, sheet: str) -> dict[int, set[int]]:
        return self.cells.get(sheet, {})


class Analysis:
    """The formulas of one workbook, as shapes, and the marking of those a change reaches."""

    def __init__(
        self,
        sheets: list[str],
        tables: list[TableArea],
        names: dict[tuple[str | None, str], str],
        watch: dict[str, tuple[int, set[int]]] | None = None,
    ):
        self.sheets = {s.casefold(): s for s in sheets}
        self.order = [s.casefold() for s in sheets]
        self.tables = {t.name.casefold(): t for t in tables}
        self.names = {(s.casefold() if s else None, n.casefold()): v for (s, n), v in names.items()}
        self.watch = watch or {}
        self.groups: dict[tuple, _Group] = {}
        self._shapes: dict[tuple, tuple] = {}
        self._name_cache: dict[tuple, tuple] = {}

    # -- reading formulas ----------------------------------------------------------------------

    def scan(self, sheet: str, chunks: Iterable[bytes]) -> None:
        """Read every formula of `sheet` (its XML as `chunks`)."""
        masters: dict[str, tuple[int, int, tuple]] = {}
        watch = self.watch.get(sheet)
        for kind, text, _p in split(chunks, sheet):
            if kind != "rows" or "<f" not in text and ":f" not in text:
                continue
            for m in _FORMULA_CELL.finditer(text):
                ref = CELL_REF.search(m.group(1))
                if ref is None:
                    continue
                row, col = int(ref.group(2)), col_number(ref.group(1))
                attrs = dict(_ATTR.findall(m.group(2)))
                formula = m.group(3)
                kind = attrs.get("t")
                if kind == "shared":
                    si = attrs.get("si", "")
                    if formula:
                        shape = self._shape(_plain(formula), sheet, row, col)
                        masters[si] = (row, col, shape)
                    elif si in masters:
                        shape = masters[si][2]
                    else:
                        shape = (ANY,)
                elif kind == "dataTable":  # a what-if table: TABLE() over the whole book
                    shape = (ANY,)
                elif formula is None:
                    continue
                else:
                    shape = self._shape(_plain(formula), sheet, row, col)
                self._add(shape, sheet, row, col, formula, watch)
                area = (
                    _RANGE.match(attrs.get("ref", "")) if kind in ("array", "dataTable") else None
                )
                if area and area.group(3):  # the other cells of the array hold only values
                    r1, c1, r2, c2 = (
                        int(area.group(2)), col_number(area.group(1)),
                        int(area.group(4)), col_number(area.group(3)),
                    )  # fmt: skip
                    fixed = anchored(shape, row, col)
                    for c in range(c1, c2 + 1):
                        for r in range(r1, r2 + 1):
                            if (r, c) != (row, col):
                                self._add(fixed, sheet, r, c, formula, watch)

    def _add(self, shape: tuple, sheet: str, row: int, col: int, formula, watch) -> None:
        g = self.groups.get((shape, sheet, col))
        if g is None:
            g = self.groups[(shape, sheet, col)] = _Group(sheet, col)
            g.volatile = ANY in shape
            g.shape = shape
        g.rows.append(row)
        if watch and row > watch[0] and col in watch[1] and row not in watch[2]:
            g.texts[row] = untext(formula) if formula else "(a shared formula)"

    def _shape(self, formula: str, sheet: str, row: int, col: int) -> tuple:
        """The formula's precedents, relative to its cell where they move when copied; the same
        text in the same column gives the same shape when no reference in it is relative to
        the row (a calculated column's structured references), which is then computed once."""
        key = (formula, sheet, col)
        got = self._shapes.get(key)
        if got is not None:
            return got
        found = refs(formula)
        out = set()
        for ref in found:
            if ref.kind == "join":
                out.add(self._join(formula, ref, found, sheet, row, col))
            else:
                out.update(self._precedents(ref, sheet, row, col, 0))
        shape = tuple(sorted(out, key=repr))
        if not any(r.kind == "area" and (r.rel_r1 or r.rel_r2) for r in found) and not any(
            r.kind == "struct" and not r.text for r in found
        ):
            self._shapes[key] = shape
        return shape

    def _join(
        self, formula: str, ref: Ref, found: tuple, sheet: str, row: int, col: int,
        depth: int = 0, owner: str | None = None,
    ):  # fmt: skip
        """The area a range operator spans: the box of its two operands' precedents."""
        sides = join_operands(formula, ref.start, found)
        if sides is None:
            return ANY
        parts = [
            p
            for r in found
            if r.kind != "join" and any(a <= r.start and r.end <= b for a, b in sides)
            for p in self._precedents(r, sheet, row, col, depth, owner)
        ]
        return box(parts)

    def _targets(self, sheet: str) -> list[str]:
        """The sheets a reference's sheet names: one, or each sheet of a 3-D range in order."""
        first, _, last = sheet.casefold().partition(":")
        if not last:
            return [self.sheets[first]] if first in self.sheets else []
        if first not in self.sheets or last not in self.sheets:
            return []  # #REF! in Excel
        i, j = sorted((self.order.index(first), self.order.index(last)))
        return [self.sheets[s] for s in self.order[i : j + 1]]

    def _precedents(
        self, ref: Ref, sheet: str, row: int, col: int, depth: int, owner: str | None = None
    ) -> list[tuple]:
        """What `ref`, in a formula of cell (row, col) of `sheet`, reaches; `owner`: the sheet
        of the sheet-scoped name whose text holds it (its names are looked up there first)."""
        if ref.kind == "any" or depth > 8:
            return [ANY]
        if ref.kind == "area":

            def end(v: int, rel: bool, at: int) -> tuple[str, int]:
                return ("r", v - at) if rel else ("a", v)

            return [
                (
                    target,
                    end(ref.r1, ref.rel_r1, row),
                    end(ref.r2, ref.rel_r2, row),
                    end(ref.c1, ref.rel_c1, col),
                    end(ref.c2, ref.rel_c2, col),
                )
                for target in self._targets(ref.sheet or sheet)
            ]
        if ref.kind == "struct":
            got = struct(ref, row, col, sheet, self.tables)
            return [got] if got else []
        # a name: the sheet's own, else the book's; else a Table's bare name. Its relative
        # references are written as from A1 and read from the cell using it (RowStatus =
        # Pipeline!$J1, used on row 5, reads J5): kept relative, they move with that cell.
        key = ref.text.casefold()
        scope = (ref.sheet or owner or sheet).casefold()
        text = self.names.get((scope, key))
        if text is None:
            text, scope = self.names.get((None, key)), None
        if text is not None:
            cached = self._name_cache.get((scope, key, sheet))
            if cached is None:
                self._name_cache[(scope, key, sheet)] = (ANY,)  # a name that names itself
                found = refs(text)
                got = []
                for r in found:
                    if r.kind == "join":
                        got.append(self._join(text, r, found, sheet, 1, 1, depth + 1, scope))
                    else:
                        got += self._precedents(r, sheet, 1, 1, depth + 1, scope)
                cached = self._name_cache[(scope, key, sheet)] = tuple(got)
            return list(cached)
        t = self.tables.get(key)
        if t is not None:
            return [
                (
                    t.sheet,
                    ("a", t.header_row + 1),
                    ("a", t.last_row),
                    ("a", t.first_col),
                    ("a", t.last_col),
                )
            ]
        return []

    # -- marking -------------------------------------------------------------------------------

    def mark(self, changed: dict[str, list[tuple[int, int, int, int]]]) -> Dirty:
        """The formula cells that can depend on the `changed` areas (sheet -> (r1, c1, r2, c2))."""
        index: dict[str, tuple[dict[int, list], list]] = {}
        for g in self.groups.values():
            g.rows.sort()
            g.dirty = bytearray(len(g.rows))
            g.marked = 0
            for p in g.shape:
                if p == ANY:
                    continue
                target, (k1, v1), (k2, v2), (kc1, vc1), (kc2, vc2) = p
                c1 = g.col + vc1 if kc1 == "r" else vc1
                c2 = g.col + vc2 if kc2 == "r" else vc2
                c1, c2 = max(1, c1), min(MAX_COL, c2)
                narrow, wide = index.setdefault(target, ({}, []))
                entry = (c1, c2, k1, v1, k2, v2, g)
                if c2 - c1 > _WIDE:
                    wide.append(entry)
                else:
                    for c in range(c1, c2 + 1):
                        narrow.setdefault(c, []).append(entry)
        queue: list[tuple[str, int, int, int, int]] = []
        for sheet, areas in changed.items():
            real = self.sheets.get(sheet.casefold(), sheet)
            queue += [(real, r1, c1, r2, c2) for r1, c1, r2, c2 in areas]
        if queue:
            for g in self.groups.values():
                if g.volatile:
                    queue += self._set(g, 0, len(g.rows))
        while queue:
            sheet, lo, c1, hi, c2 = queue.pop()
            narrow, wide = index.get(sheet, ({}, []))
            seen: set[int] = set()
            entries = list(wide)
            if c2 - c1 <= _WIDE:
                for c in range(c1, c2 + 1):
                    entries += narrow.get(c, ())
            else:
                entries += [e for es in narrow.values() for e in es]
            for e in entries:
                if id(e) in seen:
                    continue
                seen.add(id(e))
                ec1, ec2, k1, v1, k2, v2, g = e
                if ec2 < c1 or ec1 > c2:
                    continue
                rlo, rhi = -(1 << 40), 1 << 40
                if k1 == "a":
                    if v1 > hi:
                        continue
                else:
                    rhi = hi - v1
                if k2 == "a":
                    if v2 < lo:
                        continue
                else:
                    rlo = lo - v2
                i = bisect.bisect_left(g.rows, rlo)
                j = bisect.bisect_right(g.rows, rhi)
                if i < j:
                    queue += self._set(g, i, j)
        return self._result()

    @staticmethod
    def _set(g: _Group, i: int, j: int) -> list[tuple[str, int, int, int, int]]:
        """Mark rows i..j-1 of group `g`; the newly marked ones as areas to follow."""
        out: list[tuple[str, int, int, int, int]] = []
        if g.marked == len(g.rows):
            return out
        start = prev = None
        for k in range(i, j):
            if g.dirty[k]:
                continue
            g.dirty[k] = 1
            g.marked += 1
            r = g.rows[k]
            if start is not None and r == prev + 1:
                prev = r
                continue
            if start is not None:
                out.append((g.sheet, start, g.col, prev, g.col))
            start = prev = r
        if start is not None:
            out.append((g.sheet, start, g.col, prev, g.col))
        return out

    def _result(self) -> Dirty:
        out = Dirty()
        for g in self.groups.values():
            if not any(g.dirty):
                continue
            cells = out.cells.setdefault(g.sheet, {})
            named = out.untraced if g.volatile else out.watched
            for k, r in enumerate(g.rows):
                if g.dirty[k]:
                    cells.setdefault(r, set()).add(g.col)
                    if r in g.texts:
                        named.append((g.sheet, r, g.col, g.texts[r]))
        out.watched.sort(key=lambda w: (w[0], w[2], w[1]))
        out.untraced.sort(key=lambda w: (w[0], w[2], w[1]))
        return out


def _plain(xml_text: str) -> str:
    return untext(xml_text) if "&" in xml_text or "_x" in xml_text else xml_text

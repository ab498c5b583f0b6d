"""Which formulas of a workbook can depend on the cells a change writes (SPEC section 3: after a
change no cached value may be stale, in Excel or in LibreOffice, which trusts cached values).

Every formula of every sheet is read once (streamed) and reduced to its *shape*: the areas it
refers to, rows and columns relative to its own cell where the reference moves when copied, so
that a column of a million copies of one formula is one shape. Structured references resolve
against each Table's range after the change (a Table that grew covers its new rows), names
against their text after the change; a volatile or unknowable reference (TODAY, OFFSET,
INDIRECT, a 3-D range) depends on any change. From the cells written, the formulas that read them
are marked, then the formulas that read those, until nothing more is reached.

The result: the formula cells whose cached values go (`Dirty.cells`), every other formula keeps
its cached value untouched; and the formulas in columns jobbook reads (`watch`) that were
reached, for the one warning that names them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..schema import norm_header
from ._refs import MAX_COL, MAX_ROW, Ref, refs
from ._rows import CELL_REF, col_number, split
from ._values import untext

_FORMULA_CELL = re.compile(
    r"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)</(?:\w+:)?f>)"
)
_ATTR = re.compile(r'\s(t|si|ref)="([^"]*)"')
_WIDE = 64  # precedents spanning more columns than this are checked against every change


@dataclass
class TableArea:
    """An Excel Table as it will be after the change."""

    name: str
    sheet: str
    header_row: int
    first_col: int
    last_col: int
    last_row: int  # its last data row
    totals: int
    columns: dict[str, int]  # normalised name -> column

    def rows(self, spec: str) -> tuple[int, int] | None:
        data = (self.header_row + 1, max(self.last_row, self.header_row + 1))
        return {
            "#all": (self.header_row, self.last_row + self.totals),
            "#data": data,
            "#headers": (self.header_row, self.header_row),
            "#totals": (self.last_row + 1, self.last_row + max(self.totals, 1)),
        }.get(spec)


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
    ones (sheet, row, col, formula) for a warning."""

    cells: dict[str, dict[int, set[int]]] = field(default_factory=dict)
    watched: list[tuple[str, int, int, str]] = field(default_factory=list)

    def of(self, sheet: str) -> dict[int, set[int]]:
        return self.cells.get(sheet, {})


def _struct(ref: Ref, row: int, col: int, sheet: str, tables: dict[str, TableArea]):
    """(sheet, (kind, r1), (kind, r2), (kind, c1), (kind, c2)) of a structured reference."""
    t = tables.get(ref.text.casefold()) if ref.text else None
    if t is None and not ref.text:  # [@Col] inside a Table: the Table holding the cell
        t = next(
            (
                x
                for x in tables.values()
                if x.sheet == sheet
                and x.first_col <= col <= x.last_col
                and x.header_row <= row <= x.last_row + x.totals
            ),
            None,
        )
    if t is None:
        return None
    inner = ref.spec[1:-1].strip()
    this_row = inner.startswith("@")
    if this_row:
        inner = inner[1:].strip()
    items = re.findall(r"\[((?:[^\[\]']|'.)*)\]|(:)", inner) if inner.startswith("[") else []
    names: list[str] = []
    specials: list[str] = []
    ranged = False
    if inner and not inner.startswith("["):
        items = [(inner, "")]
    for text, colon in items:
        if colon:
            ranged = True
            continue
        text = re.sub(r"'(.)", r"\1", text).strip()
        if text.startswith("#"):
            special = " ".join(text.lower().split())
            if special == "#this row":
                this_row = True
            else:
                specials.append(special)
        elif text:
            names.append(text)
    cols = [t.columns.get(norm_header(n)) for n in names]
    if any(c is None for c in cols):
        c1, c2 = t.first_col, t.last_col  # a name it cannot place: the whole Table
    elif cols:
        c1, c2 = (min(cols), max(cols)) if ranged or len(cols) > 1 else (cols[0], cols[0])
    else:
        c1, c2 = t.first_col, t.last_col
    if this_row:
        return t.sheet, ("r", 0), ("r", 0), ("a", c1), ("a", c2)
    spans = [t.rows(s) for s in specials or ["#data"]]
    spans = [s for s in spans if s is not None] or [t.rows("#all")]
    return (
        t.sheet,
        ("a", min(s[0] for s in spans)),
        ("a", max(s[1] for s in spans)),
        ("a", c1),
        ("a", c2),
    )


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
                if attrs.get("t") == "shared":
                    si = attrs.get("si", "")
                    if formula:
                        shape = self._shape(_plain(formula), sheet, row, col)
                        masters[si] = (row, col, shape)
                    elif si in masters:
                        shape = masters[si][2]
                    else:
                        shape = (("*",),)
                elif formula is None:
                    continue
                else:
                    shape = self._shape(_plain(formula), sheet, row, col)
                g = self.groups.get((shape, sheet, col))
                if g is None:
                    g = self.groups[(shape, sheet, col)] = _Group(sheet, col)
                    g.volatile = ("*",) in shape
                    g.shape = shape
                g.rows.append(row)
                if watch and row > watch[0] and col in watch[1]:
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
            out.update(self._precedents(ref, sheet, row, col, 0))
        shape = tuple(sorted(out, key=repr))
        if not any(r.kind == "area" and (r.rel_r1 or r.rel_r2) for r in found) and not any(
            r.kind == "struct" and not r.text for r in found
        ):
            self._shapes[key] = shape
        return shape

    def _precedents(self, ref: Ref, sheet: str, row: int, col: int, depth: int) -> list[tuple]:
        if ref.kind == "any" or depth > 8:
            return [("*",)]
        if ref.kind == "area":
            target = self.sheets.get((ref.sheet or sheet).casefold())
            if target is None:
                return []

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
            ]
        if ref.kind == "struct":
            got = _struct(ref, row, col, sheet, self.tables)
            return [got] if got else []
        # a name: the sheet's own, else the book's; else a Table's bare name
        key = ref.text.casefold()
        scope = (ref.sheet or sheet).casefold()
        text = self.names.get((scope, key), self.names.get((None, key)))
        if text is not None:
            cached = self._name_cache.get((scope, key))
            if cached is None:
                cached = self._name_cache[(scope, key)] = ()  # a name that names itself
                got = []
                for r in refs(text):
                    got += [_absolute(p) for p in self._precedents(r, sheet, 0, 0, depth + 1)]
                cached = self._name_cache[(scope, key)] = tuple(got)
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
                if p == ("*",):
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
            for k, r in enumerate(g.rows):
                if g.dirty[k]:
                    cells.setdefault(r, set()).add(g.col)
                    if r in g.texts:
                        out.watched.append((g.sheet, r, g.col, g.texts[r]))
        out.watched.sort(key=lambda w: (w[0], w[2], w[1]))
        return out


def _plain(xml_text: str) -> str:
    return untext(xml_text) if "&" in xml_text or "_x" in xml_text else xml_text


def _absolute(p: tuple) -> tuple:
    """A name's precedent: a name's relative references are taken where they point from A1."""
    if p == ("*",):
        return p
    target, *ends = p
    return (target, *[("a", max(1, min(v, MAX_ROW))) if k == "r" else (k, v) for k, v in ends])

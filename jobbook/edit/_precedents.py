"""The cells one reference of a formula reaches, as a *precedent*: (sheet, (kind, row 1), (kind,
row 2), (kind, col 1), (kind, col 2)), each end ``("a", n)`` absolute or ``("r", n)`` relative to
the formula's cell; ``ANY``: any cell. Structured references resolve against the Tables as they
are after the change (``TableArea``); a range between two references spans the box of both."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._refs import MAX_COL, MAX_ROW, Ref

ANY = ("*",)


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
    columns: dict[str, int]  # column name as written, case-folded -> column

    def rows(self, spec: str) -> tuple[int, int] | None:
        data = (self.header_row + 1, max(self.last_row, self.header_row + 1))
        return {
            "#all": (self.header_row, self.last_row + self.totals),
            "#data": data,
            "#headers": (self.header_row, self.header_row),
            "#totals": (self.last_row + 1, self.last_row + max(self.totals, 1)),
        }.get(spec)


def struct(ref: Ref, row: int, col: int, sheet: str, tables: dict[str, TableArea]):
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
    cols = [_column(t, n) for n in names]
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


def _column(t: TableArea, name: str) -> int | None:
    """The column a structured reference names: its name as written, whatever the case (Excel's
    rule); else with runs of spaces made one (a name typed with a double space)."""
    got = t.columns.get(name.casefold())
    if got is None:
        squash = " ".join(name.split()).casefold()
        got = next((c for n, c in t.columns.items() if " ".join(n.split()) == squash), None)
    return got


def box(parts: list[tuple]) -> tuple:
    """The one area spanning every precedent in `parts` (a range between two references): on one
    sheet, else anything. An end relative to the formula's cell and an absolute one cannot be
    ordered: the box then spans that whole axis."""
    if not parts or ANY in parts or len({p[0] for p in parts}) != 1:
        return ANY

    def span(lo: list[tuple[str, int]], hi: list[tuple[str, int]], top: int) -> tuple:
        kinds = {k for k, _ in lo + hi}
        if len(kinds) != 1:
            return ("a", 1), ("a", top)
        kind = kinds.pop()
        return (kind, min(v for _, v in lo)), (kind, max(v for _, v in hi))

    r1, r2 = span([p[1] for p in parts], [p[2] for p in parts], MAX_ROW)
    c1, c2 = span([p[3] for p in parts], [p[4] for p in parts], MAX_COL)
    return (parts[0][0], r1, r2, c1, c2)


def anchored(shape: tuple, row: int, col: int) -> tuple:
    """`shape` as read from the cell (row, col) by every cell: an array formula's references
    do not move from cell to cell of the array."""

    def end(e: tuple[str, int], at: int) -> tuple[str, int]:
        return ("a", e[1] + at) if e[0] == "r" else e

    return tuple(
        p if p == ANY else (p[0], end(p[1], row), end(p[2], row), end(p[3], col), end(p[4], col))
        for p in shape
    )

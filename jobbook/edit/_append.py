"""Where appended rows land and what they carry (README § Changing your workbook, issue 21): the first empty row
after the last row in use, never a totals row (a full Table with one pushes it down, as Excel's
Tab in the last cell does); the computed columns' formulas and nothing else (a typed column gets
the value written or stays blank, in the format of the cell above); visible, even when the empty
rows were grouped and collapsed; dates in the format their column's dates use most."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ..errors import BadValue
from ..letters import col_letters, col_number
from ._refs import insert_rows
from ._rows import CELL, CELL_REF, ROW, row_number, split
from ._sheet import COPY_DOWN, STYLE_ONLY, FormulaXml, Moved, SheetEdit
from ._tables import Target, grow_ranges
from ._values import untext

_ROW_FLAGS = re.compile(
    r"<(?:\w+:)?row\b([^>]*?\b(?:outlineLevel|hidden|collapsed)=\"[^\"]*\"[^>]*)>"
)
_DATED = re.compile(
    r'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"[^>]*?\ss="(\d+)"(?![^>]*\st="[^n])[^>]*>'
    r"\s*(?:<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?<(?:\w+:)?v>"
)


@dataclass
class Survey:
    """What the planner needs to know of a sheet beyond its rows in use."""

    outline: dict[int, tuple[int, bool, bool]] = field(default_factory=dict)  # row -> flags
    styles: dict[int, Counter] = field(default_factory=dict)  # col -> styles of its numbers
    occupied: set[int] = field(default_factory=set)  # rows of the window holding anything


def survey(
    chunks: Iterable[bytes],
    where: str,
    header_row: int,
    window: tuple[int, int, int, int],
    cols: tuple[int, int] = (1, 1 << 14),
) -> Survey:
    """One pass over a sheet: rows' outline flags (level, hidden, collapsed), the number formats of
    its numbers below `header_row` by column (of the table's columns `cols`, first and last: a
    title's date is no cell of the table), and which rows of `window` (r1, r2, c1, c2) hold a
    value or a formula in columns c1..c2."""
    out = Survey()
    w1, w2, wc1, wc2 = window
    for kind, text, _p in split(chunks, where):
        if kind != "rows":
            continue
        for m in _ROW_FLAGS.finditer(text):
            a = m.group(1)
            level = re.search(r'\soutlineLevel="(\d+)"', a)
            out.outline[row_number(a, where)] = (
                int(level.group(1)) if level else 0,
                bool(re.search(r'\shidden="(1|true)"', a)),
                bool(re.search(r'\scollapsed="(1|true)"', a)),
            )
        for m in _DATED.finditer(text):
            col = col_number(m.group(1))
            if int(m.group(2)) > header_row and cols[0] <= col <= cols[1]:
                out.styles.setdefault(col, Counter())[int(m.group(3))] += 1
        if w1 <= w2:
            for m in ROW.finditer(text):
                r = row_number(m.group(2), where)
                if w1 <= r <= w2 and m.group(3):
                    for c in CELL.finditer(m.group(3)):
                        ref = CELL_REF.search(c.group(2))
                        full = c.group(3) and re.search(r"<(?:\w+:)?(?:v|is|f)\b", c.group(3))
                        if ref and full and wc1 <= col_number(ref.group(1)) <= wc2:
                            out.occupied.add(r)
    return out


def new_row(t: Target, edit: SheetEdit, row: int) -> None:
    """Every column of a new row below the Table's (or plain range's) rows: the computed columns'
    formulas (the Table's calculated column formula, else the formula above moved down a row);
    the typed columns blank, in the format of the cell above, unless a value is written."""
    written = edit.writes.get(row, {})
    for col in range(t.first_col, t.last_col + 1):
        if col in written:
            continue
        if col in t.formulas:
            edit.put(row, col, FormulaXml(*t.formulas[col]))
        elif col in t.computed:
            edit.put(row, col, COPY_DOWN)
        else:
            edit.put(row, col, STYLE_ONLY)


def push_totals(path, t: Target, edit: SheetEdit, new_last: int, seen: Survey) -> None:
    """The Table's totals rows move down below its new last data row `new_last`, their formulas
    still counting every data row; the rows they move into must be free."""
    first_totals = t.last_row + 1
    n = new_last - t.last_row
    for k in range(t.totals):
        src, dst = first_totals + k, new_last + 1 + k
        edit.stash_rows.add(src)
        for col in range(t.first_col, t.last_col + 1):
            edit.put(dst, col, Moved(src))
    free = range(first_totals + t.totals, first_totals + t.totals + n)
    busy = sorted(r for r in free if r in seen.occupied)
    if busy:
        raise BadValue(
            f"{path}: {t.sheet}!{col_letters(t.first_col)}{busy[0]}: the row below the {t.name} "
            "table's totals row is in use; insert rows above the totals row (or clear that row) "
            "and run again"
        )
    sheet, c1, c2, old_last = t.sheet, t.first_col, t.last_col, t.last_row
    header = t.header_row + 1

    def move(xml_text: str) -> str:
        plain = untext(xml_text)
        moved = insert_rows(plain, sheet, sheet, first_totals, n, c1, c2)
        moved = grow_ranges(moved, old_last, c1, c2, new_last, header)
        return xml_text if moved == plain else escape(moved)

    edit.move_formula = move


def show_rows(edit: SheetEdit, new: set[int], outline: dict[int, tuple[int, bool, bool]]) -> None:
    """New rows visible: a hidden row shown; a row of a collapsed group of empty rows taken out of
    the group when the new rows are the group's first rows (the rest stays collapsed), else the
    group expanded, so that the outline stays consistent."""

    def level(r: int) -> int:
        return outline.get(r, (0, False, False))[0]

    def fix(r: int, drop_level: bool = False, drop_hidden: bool = False, drop_collapsed=False):
        if r not in outline:
            return
        before = edit.row_attrs.get(r, lambda a: a)

        def after(attrs: str) -> str:
            attrs = before(attrs)
            if drop_level:
                attrs = re.sub(r'\soutlineLevel="\d+"', "", attrs)
            if drop_hidden:
                attrs = re.sub(r'\shidden="[^"]*"', "", attrs)
            if drop_collapsed:
                attrs = re.sub(r'\scollapsed="[^"]*"', "", attrs)
            return attrs

        edit.row_attrs[r] = after
        edit.writes.setdefault(r, {})

    for r in sorted(new):
        lvl, hidden, _ = outline.get(r, (0, False, False))
        if not hidden and not lvl:
            continue
        if not lvl:
            fix(r, drop_hidden=True)
            continue
        g1 = g2 = r
        while level(g1 - 1) >= lvl:
            g1 -= 1
        while level(g2 + 1) >= lvl:
            g2 += 1
        if all(x in new for x in range(g1, r + 1)):
            fix(r, drop_level=True, drop_hidden=True)
            if r == g2:
                fix(g2 + 1, drop_collapsed=True)
            outline[r] = (0, False, False)
        else:
            for x in range(g1, g2 + 1):
                fix(x, drop_hidden=True)
            fix(g2 + 1, drop_collapsed=True)
            fix(g1 - 1, drop_collapsed=True)


def date_formats(edit: SheetEdit, seen: Survey) -> None:
    """The number formats of each column's numbers, and of the whole table's, for the dates
    written (the sheet patch keeps only the date formats among them)."""
    if edit.surveyed:
        return
    edit.surveyed = True
    for col, counts in seen.styles.items():
        edit.date_counts.setdefault(col, Counter()).update(counts)
        edit.table_dates.update(counts)

"""Defined names that follow the rows a change adds: names over a Table's (or plain range's)
column that ended on its last row, the print area that ended on the last row in use, an
AutoFilter's hidden ``_xlnm._FilterDatabase``; and names that pointed at a totals row pushed
down. Sheet names are matched however Excel and LibreOffice spell them in ``workbook.xml``:
bare, quoted (``'Zoë''s Pipeline 2026'!``), XML-escaped (``&apos;``)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ._refs import insert_rows, refs
from ._tables import grow_ranges
from ._values import untext

_NAME = re.compile(r"(<(?:\w+:)?definedName\b([^>]*)>)([^<]*)(</)")


@dataclass(frozen=True)
class Growth:
    """Rows added below `old_end` (columns c1..c2 of `sheet`), now ending on `new_end`; `first`:
    the first data row (a range of one cell on it grows too)."""

    sheet: str
    old_end: int
    new_end: int
    c1: int
    c2: int
    first: int


@dataclass(frozen=True)
class Insertion:
    """`n` rows of cells inserted at row `at` in columns c1..c2 of `sheet` (a totals row pushed
    down)."""

    sheet: str
    at: int
    n: int
    c1: int
    c2: int


def sheet_order(xml: str) -> list[str]:
    return [
        html.unescape(m.group(1))
        for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"", xml)
    ]


def _on_sheet(text: str, sheet: str, change: Callable[[str], str]) -> str:
    """`text` (a name's formula, plain) with `change` applied to each reference to `sheet`."""
    out, last = [], 0
    for ref in refs(text):
        if ref.kind != "area" or (ref.sheet or "").casefold() != sheet.casefold():
            continue
        piece = text[ref.start : ref.end]
        at = piece.rindex("!") + 1
        out += [text[last : ref.start], piece[:at], change(piece[at:])]
        last = ref.end
    out.append(text[last:])
    return "".join(out)


def follow(xml: str, growths: list[Growth], insertions: list[Insertion]) -> str:
    """``workbook.xml`` with its defined names following the rows added and moved. A name that
    does not change keeps its bytes."""
    if not growths and not insertions:
        return xml

    def one(m: re.Match) -> str:
        plain = untext(m.group(3))
        text = plain
        for ins in insertions:
            text = insert_rows(text, "\0", ins.sheet, ins.at, ins.n, ins.c1, ins.c2)
        for g in growths:

            def grow(piece: str, g: Growth = g) -> str:
                return grow_ranges(piece, g.old_end, g.c1, g.c2, g.new_end, g.first)

            text = _on_sheet(text, g.sheet, grow)
        if text == plain:
            return m.group(0)
        return m.group(1) + escape(text) + m.group(4)

    return _NAME.sub(one, xml)


def grow_print_areas(xml: str, printed: dict[str, tuple[int, int, int, int]]) -> str:
    """A sheet's print area that ended on the last row in use (as jobbook's template sets it:
    LibreOffice follows only a literal range) ends on the last row appended; a print area the
    user chose otherwise is left alone. `printed`: sheet -> (old end, new end, c1, c2)."""
    order = sheet_order(xml)

    def grow(m: re.Match) -> str:
        if 'name="_xlnm.Print_Area"' not in m.group(2):
            return m.group(0)
        sheet_id = re.search(r'\blocalSheetId="(\d+)"', m.group(2))
        if not sheet_id or int(sheet_id.group(1)) >= len(order):
            return m.group(0)
        sheet = order[int(sheet_id.group(1))]
        got = printed.get(sheet)
        if got is None or got[1] <= got[0]:
            return m.group(0)
        old_end, new_end, c1, c2 = got
        plain = untext(m.group(3))
        text = _on_sheet(plain, sheet, lambda p: grow_ranges(p, old_end, c1, c2, new_end))
        return m.group(0) if text == plain else m.group(1) + escape(text) + m.group(4)

    return _NAME.sub(grow, xml)

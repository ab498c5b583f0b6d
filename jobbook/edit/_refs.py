"""What a formula refers to: the references in its text, found by one scan that knows Excel's
syntax (string literals, quoted sheet names with ``''``, other sheets, 3-D ranges, ranges, whole
columns and rows, structured references ``Table[Col]``, ``Table[[#This Row],[Col]]``, ``[@Col]``,
defined names, functions, spilled ranges ``A1#``).

Used by the editor twice: to move references to rows that moved (a Table's totals row pushed
down by a new row), and to find every formula that can depend on a cell a change writes
(``_depends``). A volatile function (TODAY, NOW, RAND...) adds no reference: its formula depends
on what its references say. Only a function whose *target* is computed (OFFSET, INDIRECT, an Excel
4 macro function in a name) is reported as ``any``: it may read any cell. The range operator
between two references (``FirstStatus:LastStatus``, ``$J$2:INDEX(J:J,n)``) is reported as a
``join``, whose two operands ``join_operands`` finds: the range spans what lies between them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..letters import col_letters, col_number

MAX_ROW, MAX_COL = 1_048_576, 16_384
# functions whose target is computed (from text, an offset, a macro function's answer): a formula
# using one may read any cell. TODAY, NOW, RAND... are volatile, but their references decide.
COMPUTED = frozenset(["OFFSET", "INDIRECT", "EVALUATE", "_XLFN.EVALUATE"])
_MACRO = re.compile(r"GET\.\w+|FILES|DOCUMENTS|SELECTION")  # Excel 4 functions, in names
_SPILL = frozenset(["ANCHORARRAY", "_XLFN.ANCHORARRAY"])  # A1# as a file spells it

_BRACKETS = r"\[(?:[^\[\]']|'.|\[(?:[^\[\]']|'.)*\])*\]"
_NAME = r"[A-Za-z_\\\u00a1-\uffff][\w.\u00a1-\uffff]*"
_TOKEN = re.compile(
    r'(?P<str>"(?:[^"]|"")*")'
    rf"|(?P<sheet>(?:'(?:[^']|'')+'|(?:\[\d+\])?{_NAME}(?::{_NAME})?)!)"
    rf"|(?P<struct>(?:{_NAME})?{_BRACKETS})"
    r"|(?P<range>\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?"
    r"|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]{1,7}:\$?[0-9]{1,7})(?![\w(\[.!])"
    rf"|(?P<name>{_NAME})(?P<call>\s*\()?"
    r"|(?P<err>#REF!)"
)
_CELL = re.compile(r"(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$")
_COLS = re.compile(r"(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})$")
_ROWS = re.compile(r"(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})$")


@dataclass(frozen=True)
class Ref:
    """One reference in a formula. `kind`: ``area`` (cells, ranges, whole columns or rows),
    ``struct`` (a structured reference: `table`, `spec`), ``name`` (a defined name or a Table's
    bare name), ``any`` (a computed target), ``join`` (the range operator ``:``). `sheet`: the sheet named before it (None: the
    formula's own). Rows and columns are 1-based; `rel_*` say which move when copied."""

    kind: str
    start: int
    end: int
    sheet: str | None = None
    r1: int = 0
    c1: int = 0
    r2: int = 0
    c2: int = 0
    rel_r1: bool = False
    rel_c1: bool = False
    rel_r2: bool = False
    rel_c2: bool = False
    text: str = ""  # the name, or the structured reference's table name
    spec: str = ""  # the structured reference's bracket part


def sheet_of(prefix: str) -> tuple[str | None, bool]:
    """(sheet name, whether it is in this book) of a ``Sheet!`` prefix. A 3-D reference's prefix
    gives ``First:Last`` (a sheet name cannot hold a colon); ``[0]`` names this book itself."""
    body = prefix[:-1]
    if body.startswith("'"):
        body = body[1:-1].replace("''", "'")
    if body.startswith("[0]"):
        body = body[3:]
    if body.startswith("["):  # another workbook's sheet: nothing this book changes
        return None, False
    return body, True


def _area(text: str, start: int, end: int, sheet: str | None) -> Ref | None:
    a, _, b = text.partition(":")
    m1, m2 = _CELL.match(a), _CELL.match(b or a)
    if m1 and m2:
        c1, c2 = col_number(m1.group(2).upper()), col_number(m2.group(2).upper())
        if c1 > MAX_COL or c2 > MAX_COL:
            return None
        return Ref(
            "area", start, end, sheet,
            int(m1.group(4)), c1, int(m2.group(4)), c2,
            not m1.group(3), not m1.group(1), not m2.group(3), not m2.group(1),
        )  # fmt: skip
    m = _COLS.match(text)
    if m:
        c1, c2 = col_number(m.group(2).upper()), col_number(m.group(4).upper())
        return Ref("area", start, end, sheet, 1, c1, MAX_ROW, c2,
                   False, not m.group(1), False, not m.group(3))  # fmt: skip
    m = _ROWS.match(text)
    if m:
        return Ref("area", start, end, sheet, int(m.group(2)), 1, int(m.group(4)), MAX_COL,
                   not m.group(1), False, not m.group(3), False)  # fmt: skip
    return None


@functools.lru_cache(maxsize=4096)
def refs(formula: str) -> tuple[Ref, ...]:
    """Every reference in `formula` (plain text, without the leading ``=``), in order."""
    out: list[Ref] = []
    sheet: str | None = None
    sheet_start = 0
    pos = 0
    spill = False
    for m in _TOKEN.finditer(formula):
        if m.start() != pos:
            gap = formula[pos : m.start()]
            if sheet is not None:
                sheet = None  # a prefix must be followed at once by what it qualifies
            if ":" in gap:  # the range operator between two references
                out += [Ref("join", pos + i, pos + i + 1) for i, ch in enumerate(gap) if ch == ":"]
        pos = m.end()
        kind = m.lastgroup
        if kind == "call":
            kind = "name"
        if kind == "str":
            sheet = None
            continue
        if kind == "sheet":
            name, local = sheet_of(m.group("sheet"))
            sheet = name if local else "\0"  # what follows an outside prefix is nothing here
            sheet_start = m.start()
            continue
        start = sheet_start if sheet is not None else m.start()
        if sheet == "\0":
            sheet = None
            continue
        if kind == "range":
            ref = _area(m.group("range"), start, m.end(), sheet)
            if ref is not None and (spill or formula.startswith("#", m.end())):
                ref = _spilled(ref)  # ANCHORARRAY(A1) or A1#: the array spilled from A1
            if ref is not None:
                out.append(ref)
            spill = False
        elif kind == "struct":
            text = m.group("struct")
            at = text.index("[")
            out.append(Ref("struct", start, m.end(), sheet, text=text[:at], spec=text[at:]))
        elif kind == "name":
            word = m.group("name")
            if m.group("call"):
                upper = word.upper()
                if upper in COMPUTED or _MACRO.fullmatch(upper):
                    out.append(Ref("any", m.start(), m.end()))
                spill = upper in _SPILL
            elif word.upper() not in ("TRUE", "FALSE"):
                out.append(Ref("name", start, m.start("name") + len(word), sheet, text=word))
        sheet = None
    if ":" in formula[pos:]:
        out += [
            Ref("join", pos + i, pos + i + 1) for i, ch in enumerate(formula[pos:]) if ch == ":"
        ]
    return tuple(out)


def _spilled(ref: Ref) -> Ref:
    """The cells a dynamic array anchored at `ref` may spill over: down and right of it."""
    return replace(ref, r2=MAX_ROW, c2=MAX_COL, rel_r2=False, rel_c2=False)


_PAREN = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'|' + _BRACKETS + r"|[()]")
_CALL = re.compile(rf"{_NAME}\s*\(")


@functools.lru_cache(maxsize=1024)
def _parens(formula: str) -> dict[int, int]:
    """Each parenthesis' partner, both ways (strings, quoted names and brackets skipped)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _PAREN.finditer(formula):
        if m.group(0) == "(":
            stack.append(m.start())
        elif m.group(0) == ")" and stack:
            o = stack.pop()
            pairs[o], pairs[m.start()] = m.start(), o
    return pairs


def join_operands(
    formula: str, at: int, found: tuple[Ref, ...]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans (start, end) of the two operands of the range operator at `at` (a ``join``):
    on each side a reference, a name, a function's call or an expression in brackets. None when
    a side is none of these: the caller cannot place the range."""
    pairs = _parens(formula)
    placed = [r for r in found if r.kind != "join"]
    k = at - 1
    while k >= 0 and formula[k] == " ":
        k -= 1
    if k >= 0 and formula[k] == ")" and k in pairs:
        start = pairs[k]
        while start > 0 and (formula[start - 1].isalnum() or formula[start - 1] in "._"):
            start -= 1  # the function called
        left = (start, k + 1)
    else:
        left = next(((r.start, r.end) for r in placed if r.end == k + 1), None)
    k = at + 1
    while k < len(formula) and formula[k] == " ":
        k += 1
    call = _CALL.match(formula, k)
    if k < len(formula) and formula[k] == "(" and k in pairs:
        right = (k, pairs[k] + 1)
    elif call and call.end() - 1 in pairs and not any(r.start == k for r in placed):
        right = (k, pairs[call.end() - 1] + 1)
    else:
        right = next(((r.start, r.end) for r in placed if r.start == k), None)
    return (left, right) if left and right else None


# -- moving references (rows inserted above a totals row) ------------------------------------------


def _moved_row(row: int, rel: bool, at: int, n: int) -> str:
    return f"{'' if rel else '$'}{row + n if row >= at else row}"


def insert_rows(formula: str, here: str, sheet: str, at: int, n: int, c1: int, c2: int) -> str:
    """`formula`, written on sheet `here`, after `n` rows of cells were inserted at row `at` in
    columns c1..c2 of `sheet` (as Excel inserts Table rows): references to those cells at or
    below `at` move down; a range that ends above `at` stays."""
    out, last = [], 0
    for ref in refs(formula):
        if ref.kind != "area" or (ref.sheet or here).casefold() != sheet.casefold():
            continue
        if ref.r2 >= MAX_ROW or not (c1 <= ref.c1 and ref.c2 <= c2) or ref.r2 < at:
            continue
        text = formula[ref.start : ref.end]
        prefix = text[: text.rindex("!") + 1] if "!" in text else ""
        a = f"{'' if ref.rel_c1 else '$'}{col_letters(ref.c1)}{_moved_row(ref.r1, ref.rel_r1, at, n)}"
        b = f"{'' if ref.rel_c2 else '$'}{col_letters(ref.c2)}{_moved_row(ref.r2, ref.rel_r2, at, n)}"
        single = ":" not in text[len(prefix) :]
        out += [formula[last : ref.start], prefix + (a if single else f"{a}:{b}")]
        last = ref.end
    out.append(formula[last:])
    return "".join(out)

"""Copying a formula: relative references move with it, as Excel's fill-down and fill-right do.

What a formula copied `rows` down and `cols` right needs: A1 references (``B7``, ``$B7``, ``B$7``,
ranges, other sheets' cells), whole columns (``E:E``) and whole rows (``3:5``) move unless
anchored with ``$``; string literals, quoted sheet names, structured references
(``Table[[#This Row],[Col]]`` is the same text on every row, which is why Excel Tables use it)
and names do not move. A reference moved off the sheet becomes ``#REF!``, as in Excel.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, unescape

from ..letters import col_letters, col_number

MAX_ROW, MAX_COL = 1_048_576, 16_384
_START = r"(?<![A-Za-z0-9_.$])"
_REF = re.compile(
    rf"{_START}(\$?)([A-Za-z]{{1,3}}):(\$?)([A-Za-z]{{1,3}})(?![A-Za-z0-9_(!\[])"  # E:E
    rf"|{_START}(\$?)([0-9]{{1,7}}):(\$?)([0-9]{{1,7}})(?![A-Za-z0-9_(!\[.])"  # 3:5
    rf"|{_START}(\$?)([A-Za-z]{{1,3}})(\$?)([0-9]{{1,7}})(?![A-Za-z0-9_(!\[])"  # B7
)
_QUOTED = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'|\[[^\[\]]*(?:\[[^\]]*\][^\[\]]*)*\]')


def _col(dollar: str, letters: str, cols: int) -> str | None:
    if dollar or not cols:
        return f"{dollar}{letters}"
    n = col_number(letters.upper()) + cols
    return col_letters(n) if 1 <= n <= MAX_COL else None


def _row(dollar: str, digits: str, rows: int) -> str | None:
    if dollar or not rows:
        return f"{dollar}{digits}"
    n = int(digits) + rows
    return str(n) if 1 <= n <= MAX_ROW else None


def _moved(m: re.Match, rows: int, cols: int) -> str:
    g = m.groups()
    if g[1] is not None:  # whole columns
        a, b = _col(g[0], g[1], cols), _col(g[2], g[3], cols)
        return f"{a}:{b}" if a and b else "#REF!"
    if g[5] is not None:  # whole rows
        a, b = _row(g[4], g[5], rows), _row(g[6], g[7], rows)
        return f"{a}:{b}" if a and b else "#REF!"
    if col_number(g[9].upper()) > MAX_COL:  # a name such as ABCD1 is not a cell
        return m.group(0)
    c, r = _col(g[8], g[9], cols), _row(g[10], g[11], rows)
    return f"{c}{r}" if c and r else "#REF!"


def shift(formula: str, rows: int, cols: int = 0) -> str:
    """`formula` (plain text, no leading ``=``) copied `rows` rows down and `cols` columns right."""
    quoted = [m.span() for m in _QUOTED.finditer(formula)]
    out, last, q = [], 0, 0
    for m in _REF.finditer(formula):
        while q < len(quoted) and quoted[q][1] <= m.start():
            q += 1
        if q < len(quoted) and quoted[q][0] < m.end():  # inside a literal or brackets
            continue
        out += [formula[last : m.start()], _moved(m, rows, cols)]
        last = m.end()
    out.append(formula[last:])
    return "".join(out)


def shift_rows(formula: str, rows: int) -> str:
    """`formula` copied `rows` rows down."""
    return shift(formula, rows)


def shift_xml(formula_xml: str, rows: int, cols: int = 0) -> str:
    """The same for the escaped text inside ``<f>``."""
    plain = unescape(formula_xml, {"&quot;": '"', "&apos;": "'"})
    return escape(shift(plain, rows, cols))

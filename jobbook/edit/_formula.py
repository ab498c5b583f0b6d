"""Copying a formula down: relative row references move with it, as Excel's fill-down does.

Only what a formula copied one row down needs: A1 references (``B7``, ``$B7``, ``B$7``, ranges,
other sheets' cells) outside string literals and structured references (``Table[[#This Row],[Col]]``
does not move; it is the same text on every row, which is why Excel Tables use it).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, unescape

_REF = re.compile(r"(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!])")
_QUOTED = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'|\[[^\[\]]*(?:\[[^\]]*\][^\[\]]*)*\]')


def _shift_plain(part: str, rows: int) -> str:
    def move(m: re.Match) -> str:
        dollar_col, col, dollar_row, row = m.groups()
        if dollar_row:
            return m.group(0)
        return f"{dollar_col}{col}{dollar_row}{max(1, int(row) + rows)}"

    return _REF.sub(move, part)


def shift_rows(formula: str, rows: int) -> str:
    """`formula` (plain text, no leading ``=``) copied `rows` rows down."""
    out, last = [], 0
    for m in _QUOTED.finditer(formula):
        out.append(_shift_plain(formula[last : m.start()], rows))
        out.append(m.group(0))
        last = m.end()
    out.append(_shift_plain(formula[last:], rows))
    return "".join(out)


def shift_xml(formula_xml: str, rows: int) -> str:
    """The same for the escaped text inside ``<f>``."""
    plain = unescape(formula_xml, {"&quot;": '"', "&apos;": "'"})
    return escape(shift_rows(plain, rows))

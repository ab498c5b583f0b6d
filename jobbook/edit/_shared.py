"""Shared formulas, as Excel stores a filled-down or filled-right formula: once, in the group's
first cell (the master: ``<f t="shared" ref="J2:J5" si="0">E2+7</f>``), and in every other cell
of the group as a reference to it (``<f t="shared" si="0"/>``).

Writing over a member is harmless: the others still find their master. Writing over (or clearing)
the master would leave every other member an empty formula, so from there on each member of that
group gets its own formula, the master's moved by the member's offset (``E3+7`` in J3, ``F2+7`` in
K2 for a group filled right), as Excel would compute it. A master comes before its members in
the sheet (it is the group's top-left cell), so the members are all still to stream by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..letters import col_number
from ._formula import shift_xml
from ._rows import CELL, CELL_REF, ROW, attr, row_number

_MASTER = re.compile(r"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b([^>]*)>([^<]+)</")
_MEMBER_F = re.compile(r"<((?:\w+:)?)f\b([^>]*?)(?:/>|>\s*</(?:\w+:)?f>)")


@dataclass
class Shared:
    """The shared-formula groups of one sheet, as its rows stream by."""

    masters: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # si -> (xml, row, col)
    broken: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # masters written over

    def note(self, region: str) -> None:
        """Remember the masters in `region` (rows about to stream by)."""
        if 't="shared"' not in region:
            return
        for m in _MASTER.finditer(region):
            fattrs = m.group(2)
            si = attr(fattrs, "si")
            if attr(fattrs, "t") == "shared" and attr(fattrs, "ref") and si is not None:
                ref = CELL_REF.search(m.group(1))
                if ref:
                    self.masters[si] = (m.group(3), int(ref.group(2)), col_number(ref.group(1)))

    def written_over(self, inner: str | None, row: int, col: int) -> None:
        """The cell at (row, col), whose content was `inner`, is written or cleared: if it was a
        group's master, that group's members get formulas of their own from here on."""
        if not inner or 't="shared"' not in inner:
            return
        m = re.search(r"<(?:\w+:)?f\b([^>]*)>([^<]+)</", inner)
        if m and attr(m.group(1), "t") == "shared" and attr(m.group(1), "ref"):
            si = attr(m.group(1), "si")
            if si is not None:
                self.broken[si] = (m.group(2), row, col)

    def own(self, raw: str, row: int, col: int) -> str:
        """The cell `raw` at (row, col), with a formula of its own if it is a member of a group
        whose master was written over."""
        if not self.broken or 't="shared"' not in raw:
            return raw

        def explicit(m: re.Match) -> str:
            fattrs = m.group(2)
            si = attr(fattrs, "si")
            if attr(fattrs, "t") != "shared" or si not in self.broken or attr(fattrs, "ref"):
                return m.group(0)
            text, mrow, mcol = self.broken[si]
            p = m.group(1)
            return f"<{p}f>{shift_xml(text, row - mrow, col - mcol)}</{p}f>"

        return _MEMBER_F.sub(explicit, raw, count=1)

    def unshare(self, rows_xml: str, where: str) -> str:
        """Whole rows passing through, their members of broken groups given their own formulas."""
        if not self.broken or 't="shared"' not in rows_xml:
            return rows_xml
        out, pos = [], 0
        for m in ROW.finditer(rows_xml):
            if m.group(3) is None or 't="shared"' not in m.group(3):
                continue
            r = row_number(m.group(2), where)
            out.append(rows_xml[pos : m.start(3)])
            out.append(self._row(m.group(3), r))
            pos = m.end(3)
        out.append(rows_xml[pos:])
        return "".join(out)

    def _row(self, inner: str, r: int) -> str:
        out, pos = [], 0
        for m in CELL.finditer(inner):
            ref = CELL_REF.search(m.group(2))
            if ref and m.group(3) and 't="shared"' in m.group(3):
                col = col_number(ref.group(1))
                out += [inner[pos : m.start()], self.own(m.group(0), r, col)]
                pos = m.end()
        out.append(inner[pos:])
        return "".join(out)

"""The Company aliases table of the Settings sheet (README § Your mail), found like the Vesting table:
by its Excel Table (``CompanyAliases``), else by a header row holding `Alias` and `Company` side
by side. A row names another name of a company (in mail: a brand, a tracking system's tenant, a
mail domain) and the company as Pipeline spells it.
"""

from __future__ import annotations

from ..letters import col_letters
from ..problems import WARNING, Problem
from ..schema import COMPANY_ALIASES_TABLE, norm_header
from ._layout import Layout

SHEET = "Settings"


def _block(layout: Layout, sheet: str, cells: dict) -> tuple[int, int, int, int] | None:
    """(header row, alias column, company column, last row), or None."""
    want = norm_header(COMPANY_ALIASES_TABLE.name)
    ref = next((t for t in layout.tables if norm_header(t.name) == want and t.sheet == sheet), None)
    alias, company = (norm_header(h) for h in COMPANY_ALIASES_TABLE.headers)
    if ref is not None:
        heads = {
            norm_header(str(cells.get((ref.first_row, c), ""))): c
            for c in range(ref.first_col, ref.last_col + 1)
        }
        return (
            ref.first_row,
            heads.get(alias, ref.first_col),
            heads.get(company, ref.first_col + 1),
            ref.last_row - ref.totals_rows,
        )
    for (row, col), value in sorted(cells.items()):
        if (
            isinstance(value, str)
            and norm_header(value) == alias
            and norm_header(str(cells.get((row, col + 1), ""))) == company
        ):
            last = max((r for (r, c) in cells if c in (col, col + 1)), default=row)
            return row, col, col + 1, last
    return None


def _text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def read_aliases(
    layout: Layout, sheet: str | None, cells: dict
) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """((alias, company), ...) in sheet order, and the problems: an alias without a company (or
    the other way round), an alias named twice (the first counts), as warnings naming the cell."""
    block = _block(layout, sheet, cells) if sheet else None
    if block is None:
        return (), []
    header, a_col, c_col, last = block
    out: list[tuple[str, str]] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in range(header + 1, last + 1):
        alias, company = _text(cells.get((row, a_col))), _text(cells.get((row, c_col)))
        if alias is None and company is None:
            continue
        if alias is None or company is None:
            col, head = (a_col, "Alias") if alias is None else (c_col, "Company")
            problems.append(
                Problem(
                    SHEET,
                    f"{col_letters(col)}{row}",
                    f"the company alias on row {row} has no {head}; the row is skipped",
                    WARNING,
                    head,
                )
            )
            continue
        key = alias.casefold()
        if key in seen:
            problems.append(
                Problem(
                    SHEET,
                    f"{col_letters(a_col)}{row}",
                    f"the alias {alias} is named twice (first on row {seen[key]}); the first counts",
                    WARNING,
                    "Alias",
                )
            )
            continue
        seen[key] = row
        out.append((alias, company))
    return tuple(out), problems

"""Short-hands the sheets' formulas share."""

from __future__ import annotations

from ._base import Column
from ._links import MailLink


def num(col: str) -> str:
    """A number cell read with blanks as 0."""
    return f"N([@{col}])"


def link_column(link: MailLink) -> Column:
    """A mailto: link column (``_links``): the formula compiled from the link's template."""
    return Column(link.header, "text", formula=link.formula(), width=17, note=link.note)

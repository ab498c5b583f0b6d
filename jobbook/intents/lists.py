"""The cell writes that put a titled list into a button's band of the Lists sheet."""

from __future__ import annotations

from ..changes import CellWrite
from ..schema.lists import BANDS, CLEAR_TO, FIRST_ROW, LISTS


def band(name: str, title: str, header: list[str], rows: list[list[object]]):
    """The cell writes that put a titled list into button `name`'s band of the Lists sheet (the
    band cleared first)."""
    first, last = BANDS[name]
    return [
        CellWrite(
            LISTS,
            f"{first}{FIRST_ROW - 1}",
            [[title]],
            clear=f"{first}{FIRST_ROW - 1}:{last}{CLEAR_TO}",
        ),
        CellWrite(LISTS, f"{first}{FIRST_ROW}", [header, *rows]),
    ]

"""Rendering for the command line: JSON-safe values, plain text tables, CSV."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence

from ..looks.safe import csv_cell, plain


def to_json(data: object) -> str:
    return json.dumps(plain(data), indent=2, ensure_ascii=False, allow_nan=False)


def to_csv(rows: Sequence[dict[str, object]], fields: Sequence[str] | None = None) -> str:
    """CSV with a header row, also when there are no rows (given `fields`), so scripts can parse it.
    Text that a spreadsheet would run as a formula is escaped (``_safe.csv_cell``)."""
    buf = io.StringIO()
    names = list(rows[0]) if rows else list(fields or ())
    if names:
        w = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: "" if v is None else csv_cell(v) for k, v in plain(r).items()})
    return buf.getvalue()


def pct(x: float | None, digits: int = 1) -> str:
    return "-" if x is None else f"{x * 100:.{digits}f}%"


def money(x: float | None, cents: bool = False) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{x:,.2f}" if cents else f"{x:,.0f}"


def display_width(text: str) -> int:
    """The columns `text` takes in a terminal: wide East Asian characters and most emoji take two
    (``unicodedata.east_asian_width`` W or F), combining marks, joiners and variation selectors
    none (categories Mn, Me, Cf), the rest one."""
    import unicodedata

    if text.isascii():
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def text_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], right: Iterable[int] = ()
) -> str:
    """A plain aligned table; columns in `right` are right-aligned. Columns are measured in
    terminal columns (``display_width``), so that names in Chinese or with emoji line up."""
    body = [["" if v is None else str(v) for v in r] for r in rows]
    widths = [
        max([display_width(h), *(display_width(r[i]) for r in body)]) for i, h in enumerate(headers)
    ]
    right = set(right)

    def pad(cell: str, width: int, to_right: bool) -> str:
        gap = " " * (width - display_width(cell))
        return gap + cell if to_right else cell + gap

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            pad(c, w, i in right) for i, (c, w) in enumerate(zip(cells, widths))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in body)])


def bar(value: int, total: int, width: int = 24) -> str:
    return "#" * (round(width * value / total) if total else 0)

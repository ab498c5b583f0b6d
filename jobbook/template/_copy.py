"""``jobbook new`` in milliseconds: the committed template (workbook/jobbook.xlsx, .xlsm), copied.

A fresh build imports openpyxl and writes every sheet, style, validation and formula (1-2 s); the
committed template is that very build (a test keeps it so: ``committed.differences``). When a new
workbook would equal it - no sample, the template's holiday country and years - it is copied
member by member with only its document timestamps made today's, and a pinned AsOf written into
its cell by the workbook editor (``jobbook.edit``). Any other workbook (another country, a sample,
other years' holidays, or an installed jobbook without the template files) is built as before.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "workbook"
TEMPLATE_YEAR = 2026  # holidays for 2025-2028; bump once a year with a rebuild
TEMPLATE_COUNTRY = "US"
_CORE = "docProps/core.xml"
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def holiday_years(year: int) -> range:
    """Last year to two years ahead."""
    return range(year - 1, year + 3)


def template_copy(suffix: str, country: str, today: dt.date | None = None) -> bytes | None:
    """The bytes of a new, empty workbook (``.xlsx`` or ``.xlsm``) for `country` as of `today`
    (default: the system date; its year chooses the holidays), copied from the committed template;
    None when a fresh build would have other holidays."""
    today = today or dt.date.today()
    source = TEMPLATE_DIR / f"jobbook{suffix.lower()}"
    if (
        country.strip().upper() != TEMPLATE_COUNTRY
        or holiday_years(today.year) != holiday_years(TEMPLATE_YEAR)
        or not source.is_file()
    ):
        return None
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == _CORE:  # created and modified now, as a fresh build says
                data = _STAMP.sub(lambda m: m.group(1) + now + m.group(3), data)
            dst.writestr(info, data, compress_type=info.compress_type)
    return out.getvalue()


def with_as_of(data: bytes, suffix: str, as_of: dt.date) -> bytes:
    """The workbook `data` with `as_of` in its AsOf cell, written by the workbook editor (the cell
    found by its defined name, as every reader finds it)."""
    import tempfile

    from ..changes import CellWrite
    from ..edit import edit_workbook
    from ..letters import col_letters
    from ..reader import inspect

    with tempfile.TemporaryDirectory(prefix="jobbook-new-") as folder:
        book = Path(folder) / f"new{suffix.lower()}"
        book.write_bytes(data)
        sheet, row, col = inspect(book).names["AsOf"]
        edit_workbook(
            book, [CellWrite(sheet, f"{col_letters(col)}{row}", [[as_of]])], keep_backup=False
        )
        return book.read_bytes()

"""``jobbook new`` in milliseconds: the committed template (workbook/jobbook.xlsx, .xlsm), copied.

A fresh build imports openpyxl and writes every sheet, style, validation and formula (1-2 s); the
committed template is that very build (a test keeps it so: ``committed.differences``). When a new
workbook would equal it - no sample, no AsOf, the template's holiday country and years - it is
copied member by member with only its document timestamps made today's. Any other workbook (another
country, a pinned AsOf, a sample, next year's holidays, or an installed jobbook without the
template files) is built as before.
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
    """The bytes of a new, empty workbook (``.xlsx`` or ``.xlsm``) for `country` made `today`,
    copied from the committed template; None when a fresh build would differ from it."""
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

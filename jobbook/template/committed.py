"""The committed template (workbook/jobbook.xlsx): a reproducible build and a staleness check."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from . import build_workbook, save_atomically

TEMPLATE_PATH = Path("workbook/jobbook.xlsx")
TEMPLATE_YEAR = 2026  # holidays for 2025-2028; bump once a year with a rebuild
_STAMP = dt.datetime(2026, 1, 1)
_TIMESTAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def build_committed(path: Path) -> Path:
    wb = build_workbook(year=TEMPLATE_YEAR)
    wb.properties.created = wb.properties.modified = _STAMP
    return save_atomically(wb, path, force=True)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: _TIMESTAMPS.sub(b"", z.read(n)) for n in z.namelist()}


def differences(a: Path, b: Path) -> list[str]:
    """Zip parts that differ between two workbooks, timestamps aside."""
    if not Path(a).exists():
        return [f"{a} does not exist"]
    pa, pb = _parts(a), _parts(b)
    out = [f"only in {a.name}: {n}" for n in sorted(set(pa) - set(pb))]
    out += [f"only in the fresh build: {n}" for n in sorted(set(pb) - set(pa))]
    out += [f"differs: {n}" for n in sorted(set(pa) & set(pb)) if pa[n] != pb[n]]
    return out

"""The committed template (workbook/jobbook.xlsx): a reproducible build and a staleness check."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from .._files import write_atomically
from . import build_workbook, save_atomically
from ._copy import TEMPLATE_YEAR
from ._macros import to_xlsm

TEMPLATE_PATH = Path("workbook/jobbook.xlsx")
MACRO_TEMPLATE_PATH = Path("workbook/jobbook.xlsm")
_STAMP = dt.datetime(2026, 1, 1)
_TIMESTAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def build_committed(path: Path) -> Path:
    """The empty template at `path` (.xlsx, or .xlsm with the VBA project and buttons)."""
    macros = Path(path).suffix.lower() == ".xlsm"
    wb = build_workbook(year=TEMPLATE_YEAR, macros=macros)
    wb.properties.created = wb.properties.modified = _STAMP
    if macros:
        data = to_xlsm(wb)
        return write_atomically(Path(path), lambda tmp: Path(tmp).write_bytes(data))
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

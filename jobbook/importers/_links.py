"""The addresses behind a tracker sheet's links, which openpyxl's read-only mode does not read: a
cell's hyperlink (``<hyperlink ref="E2" r:id="rId1"/>``, its address in the sheet's
relationships) and a ``=HYPERLINK("https://...", "Link")`` formula's address, when its first
argument is written out. Read from the sheet's XML (defusedxml, as every part of a workbook from
outside); only http(s) addresses are kept, and none is ever followed."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree as ET

from .match import real_host

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
# the first argument of HYPERLINK written out as text, then the end of that argument
_FORMULA = re.compile(r'\bHYPERLINK\(\s*"((?:[^"]|"")*)"\s*[,)]', re.I)

__all__ = ["Linked", "sheet_links"]


class Linked(str):
    """A cell's text (``Apply here``) that links to `url`: it reads as its text everywhere; the
    Posting URL takes the address."""

    url: str

    def __new__(cls, text: str, url: str) -> Linked:
        out = super().__new__(cls, text)
        out.url = url
        return out


def _cell(ref: str) -> tuple[int, int] | None:
    """``E2`` -> (2, 5)."""
    m = _REF.match(ref.strip().upper())
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _area(ref: str) -> list[tuple[int, int]]:
    """The cells of ``E2`` or ``E2:E4`` (an area of one column or row, at most 10,000 cells)."""
    ends = [_cell(p) for p in ref.split(":")]
    if not ends or None in ends:
        return []
    (r1, c1), (r2, c2) = ends[0], ends[-1]
    if (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1) > 10_000:
        return []
    return [
        (r, c)
        for r in range(min(r1, r2), max(r1, r2) + 1)
        for c in range(min(c1, c2), max(c1, c2) + 1)
    ]


def _web(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if real_host(url) is not None else None


def _targets(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The external targets of the sheet's relationships: id -> address."""
    folder, base = posixpath.split(part)
    name = posixpath.join(folder, "_rels", base + ".rels")
    if name not in zf.namelist():
        return {}
    root = ET.fromstring(zf.read(name))
    return {
        r.get("Id", ""): r.get("Target", "")
        for r in root.iter(PKG)
        if r.get("TargetMode") == "External"
    }


def sheet_links(path: Path, part: str) -> dict[tuple[int, int], str]:
    """(row, column) -> the http(s) address each hyperlinked cell or HYPERLINK formula of the
    worksheet `part` of the workbook at `path` links to. Empty when the sheet has none (most
    sheets: the XML is searched for the word before it is parsed)."""
    with zipfile.ZipFile(path) as zf:
        data = zf.read(part)
        if b"hyperlink" not in data and b"HYPERLINK" not in data.upper():
            return {}
        targets = _targets(zf, part)
    out: dict[tuple[int, int], str] = {}
    formulas: dict[tuple[int, int], str] = {}
    for _, el in ET.iterparse(io.BytesIO(data), events=("end",)):
        if el.tag == f"{MAIN}c":
            f = el.find(f"{MAIN}f")
            at = _cell(el.get("r", ""))
            if f is not None and f.text and at and (m := _FORMULA.search(f.text)):
                url = _web(m.group(1).replace('""', '"'))
                if url:
                    formulas[at] = url
            el.clear()
        elif el.tag == f"{MAIN}hyperlink":
            url = _web(targets.get(el.get(REL, "")))
            if url:
                out.update(dict.fromkeys(_area(el.get("ref", "")), url))
    return out | formulas

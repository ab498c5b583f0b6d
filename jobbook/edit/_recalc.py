"""The editor's side of "no cached value that could be stale" (docs/definitions.md § Deadlines): from the cells a
change writes, the formulas of the whole workbook whose cached values must go (``_depends``),
given the Tables and names as they will be after the change."""

from __future__ import annotations

import re
import zipfile

from ..errors import JobbookError
from ..schema import TABLES, norm_header
from . import _package as pk
from ._depends import Analysis, Dirty
from ._names import sheet_order
from ._precedents import TableArea
from ._sheet import SheetEdit
from ._tables import _from_table_part, find_target
from ._values import untext
from ._zip import read_member

_NAME = re.compile(r"<(?:\w+:)?definedName\b([^>]*)>([^<]*)</")


def _tables(zf: zipfile.ZipFile, pkg: pk.Package, grown: dict[str, int]) -> list[TableArea]:
    out = []
    for sheet, part in pkg.sheets.items():
        for tpart in pkg.tables.get(part, []):
            t = _from_table_part(zf, sheet, part, tpart)
            if t is None:
                continue
            out.append(
                TableArea(
                    t.name, sheet, t.header_row, t.first_col, t.last_col,
                    grown.get(tpart, t.last_row or t.header_row), t.totals, dict(t.ref_names),
                )
            )  # fmt: skip
    return out


def _names(workbook_xml: str) -> dict[tuple[str | None, str], str]:
    order = sheet_order(workbook_xml)
    out: dict[tuple[str | None, str], str] = {}
    for m in _NAME.finditer(workbook_xml):
        name = re.search(r'\bname="([^"]*)"', m.group(1))
        local = re.search(r'\blocalSheetId="(\d+)"', m.group(1))
        if not name:
            continue
        scope = order[int(local.group(1))] if local and int(local.group(1)) < len(order) else None
        out[(scope, untext(name.group(1)))] = untext(m.group(2))
    return out


def _watch(path, zf, pkg) -> dict[str, tuple[int, set[int], set[int]]]:
    """The cells jobbook reads (the input columns of its tables, below their header rows, but not
    a Table's totals rows): sheet -> (header row, columns, rows left out)."""
    out: dict[str, tuple[int, set[int], set[int]]] = {}
    for name, table in TABLES.items():
        try:
            t = find_target(path, zf, pkg, name, list(table.required))
        except (JobbookError, KeyError, ValueError):
            continue
        cols = {
            t.columns[norm_header(c.header)]
            for c in table.inputs
            if norm_header(c.header) in t.columns
        }
        totals = set(range(t.last_row + 1, t.last_row + 1 + t.totals)) if t.last_row else set()
        header, known, skip = out.get(t.sheet, (t.header_row, set(), set()))
        out[t.sheet] = (min(header, t.header_row), known | cols, skip | totals)
    return out


def changed_areas(edits: dict[str, SheetEdit]) -> dict[str, list[tuple[int, int, int, int]]]:
    """The cells each sheet edit writes or clears, as areas (r1, c1, r2, c2): consecutive rows
    written in the same columns are one area (thousands of rows appended: one area to follow,
    not thousands)."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    for e in edits.values():
        areas = out.setdefault(e.sheet, [])
        runs: dict[tuple[int, int], list[int]] = {}  # (c1, c2) -> [r1, r2] of the open run
        for r in sorted(e.writes):
            cols = e.writes[r]
            if not cols:
                continue
            span = (min(cols), max(cols))
            run = runs.get(span)
            if run is not None and run[1] == r - 1:
                run[1] = r
                continue
            if run is not None:
                areas.append((run[0], span[0], run[1], span[1]))
            runs[span] = [r, r]
        areas += [(r1, c1, r2, c2) for (c1, c2), (r1, r2) in runs.items()]
        areas += [(r1, c1, r2, c2) for r1, c1, r2, c2 in e.clears]
    return {s: a for s, a in out.items() if a}


def stale_formulas(
    path, zf: zipfile.ZipFile, fh, pkg: pk.Package, members: dict, edits: dict[str, SheetEdit],
    grown: dict[str, int], workbook_xml: str,
) -> Dirty:  # fmt: skip
    """Every formula of the workbook that can depend on a cell `edits` write."""
    changed = changed_areas(edits)
    if not changed:
        return Dirty()
    analysis = Analysis(
        list(pkg.sheets), _tables(zf, pkg, grown), _names(workbook_xml), _watch(path, zf, pkg)
    )
    for sheet, part in pkg.sheets.items():
        analysis.scan(sheet, read_member(fh, members[part]))
    return analysis.mark(changed)

"""Formulas in the columns jobbook reads whose value jobbook cannot know (docs/definitions.md § Deadlines: a value
jobbook cannot know is named in one warning, never read as blank).

jobbook reads the value a formula's cell saved; it never evaluates users' formulas. Two saved
states say nothing of the value: no value at all (a program that does not compute formulas wrote
the book, or jobbook's editor dropped a value that the change could make stale), and a 0 where the
column's kind makes 0 meaningless (a date, a text, a choice, an ID, a done mark), which is what
XlsxWriter saves for every formula. Such a cell is *unknown*: the row is read with that cell
blank, no "X is required" is said of it, one warning names the cells, and a command that needs
the column says so in its error.

A row whose read cells hold formulas and nothing typed, with a required column blank, is an empty
row: the formulas an Excel Table fills down its empty rows (a Posting URL as
``=HYPERLINK(...&[@ID],"posting")``, an ID as ``="A"&TEXT(ROW()-1,"000")``), as the editor, which
counts typed values only, sees it. (A LibreOffice-saved Table no longer says which columns are
calculated: the rule holds for any formula.)

Found in the sheet's XML as bytes (the guard's copy when it read the sheet whole), from each
formula back to its cell: a few milliseconds on the 5 MB Interviews sheet of the sample re-saved
by LibreOffice, whose 2,000 formulas are in columns jobbook computes, not reads.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import pandas as pd

from ..letters import col_letters
from ..problems import WARNING, Problem
from ..schema import NUMERIC_KINDS, Column

_P = rb"(?:[\w.-]+:)?"  # a namespace prefix
_F = re.compile(rb"<%(p)sf\b" % {b"p": _P})  # a formula, which opens its cell's content
_CELL = re.compile(rb'<%(p)sc\b([^>]*?\sr="([A-Z]{1,3})(\d+)"[^>]*)>\s*' % {b"p": _P})
_TAIL = re.compile(
    rb"([^>]*?)(?:/>|>([^<]*)</%(p)sf>)\s*(?:(</)|<%(p)sv\s*/>|<%(p)sv>([^<]*)</)" % {b"p": _P}
)  # after <f: its attributes, the formula, then no value, or the value
# what to do: Excel computes every formula on opening such a book; LibreOffice computes those
# without a value, but keeps a saved 0 (measured) until recalculated by hand
RESAVE = (
    "open the workbook in Excel (or in LibreOffice, with Data > Calculate > Recalculate Hard) "
    "and save it"
)
_TYPE = re.compile(rb'\st="([^"]*)"')
_SI = re.compile(rb'\ssi="([^"]*)"')


@dataclass
class Formulas:
    """The formula cells of a table's columns read: header -> rows; and the unknown ones:
    header -> row -> formula (as written, without ``=``)."""

    rows: dict[str, set[int]] = field(default_factory=dict)
    unknown: dict[str, dict[int, str]] = field(default_factory=dict)

    def only_in(self, index: pd.Index) -> None:
        """Keep the cells of the rows in `index` (the rows read)."""
        self.unknown = {
            h: kept for h, rows in self.unknown.items()
            if (kept := {r: f for r, f in rows.items() if r in index})
        }  # fmt: skip


def formula_cells(
    path: Path,
    part: str,
    positions: dict[str, int],
    columns: dict[str, Column],
    header_row: int,
    skip: range,
    data: bytes | None = None,
) -> Formulas:
    """The formula cells below `header_row` (not in `skip`: a totals row) in the columns read
    (`positions`), and those whose value is unknown: none saved, or 0 where the column's kind is
    not a number. `data`: the sheet's XML, when it was read already."""
    out = Formulas()
    letters = {col_letters(c): h for h, c in positions.items() if h in columns}
    if not letters:
        return out
    if data is None:
        try:
            with zipfile.ZipFile(path) as z:
                data = z.read(part)
        except (KeyError, OSError, zipfile.BadZipFile):
            return out
    if b"<f" not in data and b":f" not in data:
        return out
    shared: dict[bytes, str] = {}
    for f in _F.finditer(data):  # from each formula back to its cell: a few thousand, not all
        cell = _CELL.match(data, data.rfind(b"<", 0, f.start() - 1), f.start())
        if cell is None or cell.end() != f.start():
            continue
        header = letters.get(cell.group(2).decode())
        if header is None:
            continue  # a formula of a column not read (a computed column): most of them
        tail = _TAIL.match(data, f.end())
        if tail is None:
            continue
        f_attrs, formula, closed, value = tail.groups()
        attrs, row = cell.group(1), cell.group(3)
        si = _SI.search(f_attrs)
        text = unescape(formula.decode("utf-8", "replace")) if formula is not None else None
        if si and text:
            shared[si.group(1)] = text
        r = int(row)
        if r <= header_row or r in skip:
            continue
        out.rows.setdefault(header, set()).add(r)
        kind = _TYPE.search(attrs)
        kind = kind.group(1) if kind else b"n"
        if closed or value is None or (value.strip() == b"" and kind not in (b"str", b"s")):
            pass  # no value saved (an empty text result, t="str", is a value)
        elif value.strip() == b"0" and kind == b"n" and columns[header].kind not in NUMERIC_KINDS:
            pass  # XlsxWriter's 0 for a formula it did not compute
        else:
            continue
        if text is None:
            text = shared.get(si.group(1)) if si else None
        out.unknown.setdefault(header, {})[r] = text or "(a shared formula)"
    return out


def blank_unknown(frame: pd.DataFrame, times: dict[str, pd.Series], found: Formulas) -> None:
    """The unknown cells read as blank (a 0 saved for a date is not 1899-12-30)."""
    for header, rows in found.unknown.items():
        at = [r for r in rows if r in frame.index]
        if at and header in frame:
            frame.loc[at, header] = None
            if header in times:
                times[header].loc[at] = None


def formulas_only(frame: pd.DataFrame, found: Formulas, required: list[str]) -> pd.Series:
    """The rows holding no typed value, only formulas, with a required column blank: a Table's
    empty rows, filled down with its calculated columns."""
    if not found.rows or frame.empty:
        return pd.Series(False, index=frame.index)
    typed = pd.Series(False, index=frame.index)
    for header in frame.columns:
        formula = frame.index.isin(list(found.rows.get(header, ())))
        typed |= frame[header].notna() & ~formula
    need = [h for h in required if h in frame]
    missing = frame[need].isna().any(axis=1) if need else pd.Series(True, index=frame.index)
    return ~typed & missing


def unknown_warning(sheet: str, letters: dict[str, str], unknown: dict[str, dict[int, str]]):
    """The one warning of a table's unknown cells: per column the first cell, its formula and how
    many more; and what to do."""
    if not unknown:
        return []
    said, first, n = [], None, 0

    def left_to_right(item: tuple[str, dict]) -> tuple[int, str]:
        letter = letters.get(item[0], "")
        return len(letter), letter

    for header, rows in sorted(unknown.items(), key=left_to_right):
        row = min(rows)
        cell = f"{letters.get(header, '?')}{row}"
        more = f" and {len(rows) - 1} more" if len(rows) > 1 else ""
        said.append(f"{header} {cell} ={rows[row]}{more}")
        first, n = first or cell, n + len(rows)
    return [
        Problem(
            sheet,
            first,
            f"{n} formula cell(s) in columns jobbook reads hold no value it can use (none saved, "
            f"or the 0 a program that does not compute formulas saves): {'; '.join(said)}. "
            f"jobbook reads them as unknown; {RESAVE}, so that their values are saved",
            WARNING,
            None,
        )
    ]

"""Read the first rows of a sheet straight from its XML, streaming, without loading the sheet.

Used to find a header row within the top 20 rows (a full load of a 1,000,000-row sheet costs
seconds; this costs milliseconds) and to read small sheets such as Settings with exact values.
Values come back as Excel stores them: float for numbers (dates are serial numbers), str for text,
bool for TRUE/FALSE, and the error text (``#N/A``) for error cells.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from defusedxml import ElementTree as ET

from ..errors import NotAWorkbook, one_line
from ..letters import col_letters, col_number

_M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _text(el) -> str:
    """Concatenated text of <t> children (rich text runs included, phonetic runs skipped)."""
    parts = []
    for node in el.iter():
        if node.tag == _M + "rPh":
            continue
        if node.tag == _M + "t" and node.text:
            parts.append(node.text)
    return "".join(parts)


def _shared_strings(zf: zipfile.ZipFile, upto: int) -> list[str]:
    """The first `upto`+1 shared strings (streamed; stops early)."""
    name = "xl/sharedStrings.xml"
    if upto < 0 or name not in zf.namelist():
        return []
    out: list[str] = []
    with zf.open(name) as fh:
        for _, el in ET.iterparse(fh, events=("end",)):
            if el.tag == _M + "si":
                out.append(_text(el))
                el.clear()
                if len(out) > upto:
                    break
    return out


def read_cells(
    path: str | Path, part: str, max_row: int | None = 20, sheet: str | None = None
) -> dict[tuple[int, int], object]:
    """Cells of the worksheet stored at zip member `part` (the sheet named `sheet`) in rows
    1..max_row (all rows if None): {(row, col): value}, 1-based. A damaged part: NotAWorkbook."""
    try:
        return _read_cells(path, part, max_row)
    except (ET.ParseError, zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        what = f"sheet {sheet!r}" if sheet else part
        raise NotAWorkbook(
            f"{path}: {what} is damaged and cannot be read ({one_line(exc, 120)}); "
            "open the workbook in Excel or LibreOffice and save it again"
        ) from exc


def _read_cells(path: str | Path, part: str, max_row: int | None) -> dict[tuple[int, int], object]:
    with zipfile.ZipFile(path) as zf:
        raw: dict[tuple[int, int], tuple[str, str]] = {}
        with zf.open(part) as fh:
            row_no, col_no = 0, 0
            for event, el in ET.iterparse(fh, events=("start", "end")):
                tag = el.tag
                if tag == _M + "row":
                    if event == "start":  # a row without r follows the row before it
                        row_no, col_no = int(el.get("r", row_no + 1)), 0
                        if max_row is not None and row_no > max_row:
                            break
                    else:
                        el.clear()
                    continue
                if tag != _M + "c" or event != "end":
                    continue
                ref = el.get("r", "")
                letters = "".join(ch for ch in ref if ch.isalpha())
                digits = "".join(ch for ch in ref if ch.isdigit())
                # a cell without r is in the column after the cell before it, as Excel reads it
                col_no = col_number(letters) if letters else col_no + 1
                r = int(digits) if digits else row_no
                if max_row is not None and r > max_row:
                    continue
                kind = el.get("t", "n")
                if kind == "inlineStr":
                    is_ = el.find(_M + "is")
                    value = _text(is_) if is_ is not None else ""
                else:
                    v = el.find(_M + "v")
                    value = v.text if v is not None and v.text is not None else None
                if value is not None:
                    raw[(r, col_no)] = (kind, value)
        need = [int(v) for k, v in raw.values() if k == "s"]
        strings = _shared_strings(zf, max(need, default=-1))
    out: dict[tuple[int, int], object] = {}
    for key, (kind, value) in raw.items():
        if kind == "s":
            if not value.strip().isdigit() or int(value) >= len(strings):
                raise ValueError(
                    f"cell {col_letters(key[1])}{key[0]} refers to shared string {value.strip()}, "
                    f"but the shared-strings table holds {len(strings)} up to there"
                )
            out[key] = strings[int(value)]
        elif kind in ("str", "inlineStr", "e"):
            out[key] = value
        elif kind == "b":
            out[key] = value == "1"
        else:
            try:
                out[key] = float(value)
            except ValueError:
                out[key] = value
    return out


def rows_of(cells: dict[tuple[int, int], object]) -> dict[int, dict[int, object]]:
    """{row: {col: value}} from read_cells' output."""
    rows: dict[int, dict[int, object]] = {}
    for (r, c), v in cells.items():
        rows.setdefault(r, {})[c] = v
    return rows

"""What a workbook file is and how it is laid out, read from its zip parts without loading cells.

Tells a real .xlsx/.xlsm from a CSV renamed, a truncated zip, an encrypted (password-protected)
file or an old .xls, and lists sheets, Excel Tables (name, sheet, range) and defined names. The XML
is parsed with defusedxml: a workbook is outside input.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as ET

from ..errors import NotAWorkbook, WorkbookEncrypted, WorkbookNotFound

_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_R_ID = f"{{{_NS['r']}}}id"
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@dataclass(frozen=True)
class TableRef:
    """An Excel Table: its name, sheet and range (1-based rows and columns, inclusive)."""

    name: str
    sheet: str
    first_row: int
    first_col: int
    last_row: int
    last_col: int
    header_rows: int = 1
    columns: tuple[str, ...] = ()  # the table's column names, left to right


@dataclass
class Layout:
    """Sheets, tables and single-cell defined names of a workbook."""

    path: Path
    sheets: list[str] = field(default_factory=list)
    tables: list[TableRef] = field(default_factory=list)
    names: dict[str, tuple[str, int, int]] = field(
        default_factory=dict
    )  # name -> (sheet, row, col)
    parts: dict[str, str] = field(default_factory=dict)  # sheet name -> worksheet part in the zip
    sizes: dict[str, int] = field(default_factory=dict)  # sheet name -> bytes of its XML
    has_vba: bool = False
    date1904: bool = False


def col_index(letters: str) -> int:
    """``A`` -> 1, ``AA`` -> 27."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(index: int) -> str:
    """1 -> ``A``, 27 -> ``AA``."""
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def parse_range(ref: str) -> tuple[int, int, int, int]:
    """``B3:T61`` -> (first_row, first_col, last_row, last_col)."""
    parts = ref.replace("$", "").split(":")
    a = _CELL.match(parts[0])
    b = _CELL.match(parts[-1])
    if not a or not b:
        raise ValueError(f"not a cell range: {ref!r}")
    return int(a.group(2)), col_index(a.group(1)), int(b.group(2)), col_index(b.group(1))


def sniff(path: Path) -> None:
    """Raise a clear JobbookError unless `path` looks like an .xlsx/.xlsm zip."""
    if not path.exists():
        raise WorkbookNotFound(f"{path}: no such file")
    if path.is_dir():
        raise NotAWorkbook(f"{path}: is a folder, not a workbook")
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == _CFB_MAGIC:
            fh.seek(0)
            blob = fh.read(1 << 20)
            if "EncryptionInfo".encode("utf-16-le") in blob:
                raise WorkbookEncrypted(
                    f"{path}: the workbook is password-protected; save a copy without a password "
                    "(File > Info > Protect Workbook > Encrypt with Password, clear it) and use that"
                )
            raise NotAWorkbook(
                f"{path}: this is an old binary .xls workbook; save it as .xlsx first"
            )
    if not head:
        raise NotAWorkbook(f"{path}: the file is empty")
    if head[:4] != _ZIP_MAGIC:
        kind = "text (a CSV file renamed?)" if _looks_like_text(head) else "not a zip archive"
        raise NotAWorkbook(f"{path}: not an Excel workbook (.xlsx/.xlsm): it is {kind}")


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _xml(zf: zipfile.ZipFile, name: str):
    return ET.fromstring(zf.read(name))


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of `part`: id -> (type, absolute target path inside the zip)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in zf.namelist():
        return {}
    out = {}
    for rel in _xml(zf, rels_name).findall("rel:Relationship", _NS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        out[rel.get("Id")] = (rel.get("Type", ""), path)
    return out


def inspect(path: str | Path) -> Layout:
    """Sheets, tables and defined names of the workbook at `path` (clear errors for bad files)."""
    path = Path(path)
    sniff(path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names:
                if "mimetype" in names and zf.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument"
                ):
                    raise NotAWorkbook(
                        f"{path}: an OpenDocument file (.ods), not an Excel workbook: save it as .xlsx "
                        "(LibreOffice: File > Save As > Excel 2007-365)"
                    )
                raise NotAWorkbook(
                    f"{path}: a zip archive, but not an Excel workbook (no xl/workbook.xml)"
                )
            return _layout(path, zf, names)
    except zipfile.BadZipFile as exc:
        raise NotAWorkbook(
            f"{path}: the workbook is damaged or incomplete ({exc}); re-save or re-download it"
        ) from exc
    except ET.ParseError as exc:
        raise NotAWorkbook(f"{path}: the workbook is damaged (bad XML: {exc})") from exc
    except (OSError, EOFError, KeyError) as exc:
        raise NotAWorkbook(f"{path}: the workbook is damaged or incomplete ({exc})") from exc


def _layout(path: Path, zf: zipfile.ZipFile, names: set[str]) -> Layout:
    layout = Layout(path=path, has_vba="xl/vbaProject.bin" in names)
    wb = _xml(zf, "xl/workbook.xml")
    wb_rels = _rels(zf, "xl/workbook.xml")
    pr = wb.find("m:workbookPr", _NS)
    layout.date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
    sheet_parts = layout.parts
    for sh in wb.findall("m:sheets/m:sheet", _NS):
        name = sh.get("name", "")
        layout.sheets.append(name)
        rel = wb_rels.get(sh.get(_R_ID, ""))
        if rel:
            sheet_parts[name] = rel[1]
    for dn in wb.findall("m:definedNames/m:definedName", _NS):
        if dn.get("localSheetId") is not None:
            continue
        target = (dn.text or "").strip()
        if "!" not in target:
            continue
        sheet, _, cell = target.rpartition("!")
        sheet = sheet.strip("'").replace("''", "'")
        m = _CELL.match(cell)
        if m:
            layout.names[dn.get("name", "")] = (sheet, int(m.group(2)), col_index(m.group(1)))
    for sheet, part in sheet_parts.items():
        if part in names:
            layout.sizes[sheet] = zf.getinfo(part).file_size
        for typ, target in _rels(zf, part).values():
            if not typ.endswith("/table") or target not in names:
                continue
            t = _xml(zf, target)
            r1, c1, r2, c2 = parse_range(t.get("ref", "A1:A1"))
            columns = tuple(
                tc.get("name", "") for tc in t.findall("m:tableColumns/m:tableColumn", _NS)
            )
            layout.tables.append(
                TableRef(
                    name=t.get("displayName") or t.get("name", ""),
                    sheet=sheet,
                    first_row=r1,
                    first_col=c1,
                    last_row=r2,
                    last_col=c2,
                    header_rows=int(t.get("headerRowCount", "1")),
                    columns=columns,
                )
            )
    return layout


def find_sheet(layout: Layout, name: str) -> str | None:
    """The workbook's spelling of sheet `name`, matched case- and space-insensitively."""
    want = "".join(name.split()).casefold()
    for sheet in layout.sheets:
        if "".join(sheet.split()).casefold() == want:
            return sheet
    return None

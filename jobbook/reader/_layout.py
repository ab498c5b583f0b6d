"""What a workbook file is and how it is laid out, read from its zip parts without loading cells.

Tells a real .xlsx/.xlsm from a CSV renamed, a truncated zip, an encrypted (password-protected)
file or an old .xls, and lists sheets, Excel Tables (name, sheet, range) and defined names. The XML
is parsed with defusedxml: a workbook is outside input.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as ET

from ..errors import JobbookError, NotAWorkbook, WorkbookEncrypted, WorkbookNotFound, one_line
from ..letters import col_number
from . import _guard

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
    """An Excel Table: its name, sheet and range (1-based rows and columns, inclusive).

    The range holds the header row(s), the data rows and, when the table shows one, its totals
    row(s) at the bottom (``totalsRowCount``): those are not data."""

    name: str
    sheet: str
    first_row: int
    first_col: int
    last_row: int
    last_col: int
    header_rows: int = 1
    columns: tuple[str, ...] = ()  # the table's column names, left to right
    totals_rows: int = 0  # totals rows at the bottom of the range (Table Design > Total Row)

    @property
    def totals(self) -> range:
        """The Excel rows of the totals row(s): empty when the table shows none."""
        return range(self.last_row - self.totals_rows + 1, self.last_row + 1)


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
    missing_tables: list[str] = field(default_factory=list, repr=False)  # damaged table parts
    # part -> XML of the small sheets the guard read whole, kept (``inspect(keep=True)``) for the
    # read that follows, which frees it: not inflated twice
    xml: dict[str, bytes] = field(default_factory=dict, repr=False)


def parse_range(ref: str) -> tuple[int, int, int, int]:
    """``B3:T61`` -> (first_row, first_col, last_row, last_col)."""
    parts = ref.replace("$", "").split(":")
    a = _CELL.match(parts[0])
    b = _CELL.match(parts[-1])
    if not a or not b:
        raise ValueError(f"not a cell range: {ref!r}")
    return int(a.group(2)), col_number(a.group(1)), int(b.group(2)), col_number(b.group(1))


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


def _xml(path: Path, zf: zipfile.ZipFile, name: str):
    """A part parsed with defusedxml; any failure is an error naming the file and the part."""
    try:
        return ET.fromstring(zf.read(name))
    except DefusedXmlException as exc:
        raise NotAWorkbook(
            f"{path}: {name} declares XML entities or a DTD ({type(exc).__name__}), which no "
            "workbook does; jobbook does not read it (re-save the workbook in Excel or LibreOffice)"
        ) from exc
    except KeyError as exc:
        raise _guard.damaged(path, "the workbook", f"its part {name} is missing") from exc
    except (ET.ParseError, ValueError, zipfile.BadZipFile, EOFError, OSError) as exc:
        raise _guard.damaged(path, name, " ".join(str(exc).split())[:120]) from exc


def _rels(path: Path, zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of `part`: id -> (type, absolute target path inside the zip)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in zf.namelist():
        return {}
    out = {}
    for rel in _xml(path, zf, rels_name).findall("rel:Relationship", _NS):
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


def inspect(
    path: str | Path, sheets: Callable[[Layout], Iterable[str]] | None = None, keep: bool = False
) -> Layout:
    """Sheets, tables and defined names of the workbook at `path` (clear errors for bad files).
    The value cells of every sheet are checked (``_guard.check_sheet``), or with `sheets` only of
    those it names from the layout: the sheets that will be parsed. `keep`: the XML the checks
    read stays in ``Layout.xml``."""
    path = Path(path)
    sniff(path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            _guard.check_zip(path, zf)
            if "xl/workbook.bin" in names:
                raise NotAWorkbook(
                    f"{path}: a binary workbook (.xlsb), not .xlsx/.xlsm: save it as .xlsx "
                    "(Excel: File > Save As > Excel Workbook)"
                )
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
            refuse_strict(path, zf)
            layout = _layout(path, zf, names)
            _check_parts(path, zf, names, layout)
            for sheet in layout.sheets if sheets is None else sheets(layout):
                data = _guard.check_sheet(path, zf, layout.parts[sheet], sheet)
                if keep and data is not None:
                    layout.xml[layout.parts[sheet]] = data
            return layout
    except zipfile.BadZipFile as exc:
        raise NotAWorkbook(
            f"{path}: the workbook is damaged or incomplete ({exc}); re-save or re-download it"
        ) from exc
    except (OSError, EOFError, KeyError, RuntimeError, NotImplementedError, zlib.error) as exc:
        if isinstance(exc, JobbookError):
            raise
        raise NotAWorkbook(
            f"{path}: the workbook is damaged or incomplete ({one_line(exc)})"
        ) from exc


STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def refuse_strict(path: Path, zf: zipfile.ZipFile) -> None:
    """Raise NotAWorkbook for a book saved as Strict Open XML (Excel's "Strict Open XML
    Spreadsheet"), whose parts speak other namespaces than the Excel Workbook format."""
    try:
        with zf.open("xl/workbook.xml") as fh:
            head = fh.read(4096)
    except KeyError:
        return
    if STRICT in head:
        raise NotAWorkbook(
            f"{path}: the workbook is saved as Strict Open XML; save it as an Excel Workbook "
            "(.xlsx), not Strict Open XML (Excel: File > Save As > Excel Workbook), and use that"
        )


def _check_parts(path: Path, zf: zipfile.ZipFile, names: set[str], layout: Layout) -> None:
    """Every part the workbook names exists (sheets, shared strings, styles, tables); the parts
    that calamine parses besides sheets declare no DTD."""
    for sheet in layout.sheets:
        part = layout.parts.get(sheet)
        if part is None or part not in names:
            missing = f"its part {part} is missing" if part else "it has no part"
            raise _guard.damaged(path, "the workbook", f"sheet {sheet!r} is listed but {missing}")
    for typ, target in _rels(path, zf, "xl/workbook.xml").values():
        kind = typ.rsplit("/", 1)[-1]
        if kind in ("sharedStrings", "styles"):
            if target not in names:
                raise _guard.damaged(path, "the workbook", f"its {kind} part {target} is missing")
            _guard.check_head(path, zf, target)
    for table in layout.missing_tables:
        raise _guard.damaged(path, "the workbook", table)


def _layout(path: Path, zf: zipfile.ZipFile, names: set[str]) -> Layout:
    layout = Layout(path=path, has_vba="xl/vbaProject.bin" in names)
    wb = _xml(path, zf, "xl/workbook.xml")
    wb_rels = _rels(path, zf, "xl/workbook.xml")
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
            layout.names[dn.get("name", "")] = (sheet, int(m.group(2)), col_number(m.group(1)))
    for sheet, part in sheet_parts.items():
        if part in names:
            layout.sizes[sheet] = zf.getinfo(part).file_size
        for typ, target in _rels(path, zf, part).values():
            if not typ.endswith("/table"):
                continue
            if target not in names:
                layout.missing_tables.append(
                    f"sheet {sheet!r} names the table part {target}, which is missing"
                )
                continue
            layout.tables.append(_table(path, zf, target, sheet))
    return layout


def _table(path: Path, zf: zipfile.ZipFile, target: str, sheet: str) -> TableRef:
    """An Excel Table part; a range or header count that makes no sense is a damaged part."""
    t = _xml(path, zf, target)
    ref = t.get("ref", "")
    count = t.get("headerRowCount", "1")
    # totalsRowCount says how many totals rows the range ends with; totalsRowShown only records
    # whether one was ever shown (Excel keeps it after the row is hidden), so it is not counted
    totals = t.get("totalsRowCount", "0")
    try:
        r1, c1, r2, c2 = parse_range(ref)
        header_rows, totals_rows = int(count), int(totals)
    except ValueError:
        r1 = c1 = r2 = c2 = header_rows = totals_rows = -1
    limits = (_guard.EXCEL_ROWS, _guard.EXCEL_COLS)
    if not (
        1 <= r1 <= r2 <= limits[0]
        and 1 <= c1 <= c2 <= limits[1]
        and 0 <= header_rows <= r2 - r1 + 1
        and 0 <= totals_rows <= r2 - r1 + 1 - header_rows
    ):
        raise _guard.damaged(
            path,
            f"the table part {target} (sheet {sheet!r})",
            f"range {ref!r}, headerRowCount {count!r}, totalsRowCount {totals!r}",
        )
    columns = tuple(tc.get("name", "") for tc in t.findall("m:tableColumns/m:tableColumn", _NS))
    return TableRef(
        name=t.get("displayName") or t.get("name", ""),
        sheet=sheet,
        first_row=r1,
        first_col=c1,
        last_row=r2,
        last_col=c2,
        header_rows=header_rows,
        columns=columns,
        totals_rows=totals_rows,
    )


def find_sheet(layout: Layout, name: str) -> str | None:
    """The workbook's spelling of sheet `name`, matched case- and space-insensitively."""
    want = "".join(name.split()).casefold()
    for sheet in layout.sheets:
        if "".join(sheet.split()).casefold() == want:
            return sheet
    return None

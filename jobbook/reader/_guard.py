"""The guarded way in: checks on a workbook's zip and sheets before any parser sees them.

A damaged or hostile .xlsx must give one clear error, never a traceback, an abort or unbounded
memory. What the checks guard against, measured with fastexcel 0.21 (calamine):

- calamine allocates the rectangle from the first to the farthest cell *holding a value* (any
  ``<c>`` with a ``<v>`` or ``<is>`` child), 32 bytes a cell, whatever columns are asked for: one
  value at XFD5000 costs 2.6 GB, at Z1048576 0.9 GB, at XFD1048576 512 GB (the process aborts).
  The ``<dimension>`` element, empty ``<row>`` elements and formatting-only cells
  (``<c r="XFD9" s="1"/>``) allocate nothing. So each sheet's box of value cells is measured and
  refused when it is out of proportion to the sheet's XML, or reaches past Excel's last row or
  column (calamine would read row 2,000,000).
- A member that inflates ~1000:1 (a 3 MB file holding a 1.1 GB sheet) is refused from the zip's
  directory before anything is inflated; a member whose real size exceeds its declared size fails
  Python's CRC check when read.
- Members flagged as encrypted inside the zip, parts the workbook names but the zip lacks, and
  DTD/entity declarations (no real workbook has one) are refused by name.

Sheets up to ``SCAN_BYTES`` of XML are scanned cell by cell (milliseconds for a person's book). A
larger sheet is trusted to its ``<dimension>`` when that is present, within Excel's limits and in
proportion to the XML (every writer we know writes the used range there); otherwise it is scanned
too. The 1,048,575-row benchmark book (496 MB and 321 MB sheets, deflated ~6:1, dimension in
proportion) therefore costs only the read of each sheet's first kilobytes.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import NotAWorkbook, WorkbookEncrypted, WorkbookTooBig
from ..letters import col_letters, col_number

EXCEL_ROWS = 1_048_576
EXCEL_COLS = 16_384  # XFD
CELL_BYTES = 32  # calamine's cell in its rectangle
AREA_FLOOR = 1 << 22  # cells any sheet may span (128 MB in calamine), however small its XML
XML_BYTES_PER_CELL = 8  # beyond the floor, a sheet may span one cell per 8 bytes of its XML
SCAN_BYTES = 8 << 20  # sheets up to this much XML are scanned cell by cell
MAX_PART_BYTES = 2 << 30  # no part jobbook reads may inflate past 2 GB
RATIO_FLOOR = 8 << 20  # parts smaller than this may compress as well as they like
MAX_RATIO = 100  # real sheets deflate 5-20:1 (the benchmark book's: 6:1, shared strings 8:1)
HEAD_BYTES = 64 << 10
DIM_PASS_BYTES = 1 << 20  # sheets from this size check their cells against <dimension> first

_REF = re.compile(rb'<c r="([A-Z]{1,4})(\d{1,10})"')  # how every writer we know starts a cell
_ODD_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="))')  # a cell that does not start with r="..."
# the main namespace bound to a prefix (<x:c> cells); not the x14/x15... extensions' namespaces,
# which every LibreOffice and Excel sheet declares
_PREFIXED = re.compile(
    rb"""xmlns:[\w.-]+\s*=\s*["']http://schemas\.openxmlformats\.org/spreadsheetml/2006/main["']"""
)
_TAG = re.compile(rb"<(?:[\w.-]+:)?(c|row)(\s[^>]*|/)?>")
_ATTR_R = re.compile(rb"""\sr=["']([A-Za-z]*)(\d*)["']""")
_DIMENSION = re.compile(rb"""<(?:[\w.-]+:)?dimension\s+ref=["']([^"']+)["']""")
_CELL = re.compile(r"^\$?([A-Za-z]{1,4})\$?(\d{1,10})$")
_DTD = (b"<!DOCTYPE", b"<!ENTITY")


def damaged(path: Path, what: str, why: str) -> NotAWorkbook:
    """The one error for a part that cannot be read: file, part or sheet, and what to do."""
    return NotAWorkbook(
        f"{path}: {what} is damaged ({why}); open the workbook in Excel or LibreOffice and save "
        "it again"
    )


# -- the zip ------------------------------------------------------------------------------------


def read_parts(names: Iterable[str]) -> list[str]:
    """The parts jobbook or calamine parse: workbook, relationships, shared strings, styles,
    tables and worksheets (drawings, pictures, comments and VBA are never parsed)."""
    keep = ("xl/worksheets/", "xl/tables/", "xl/workbook.", "xl/sharedStrings", "xl/styles")
    return [n for n in names if n.startswith(keep) or n.endswith(".rels")]


def check_zip(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse encrypted members and members that would inflate past the limits."""
    infos = {i.filename: i for i in zf.infolist()}
    for name in read_parts(infos):
        info = infos[name]
        if info.flag_bits & 0x1:
            raise WorkbookEncrypted(
                f"{path}: the part {name} is encrypted inside the zip; jobbook cannot read it "
                "(save the workbook again from Excel or LibreOffice, without a password)"
            )
        size, packed = info.file_size, max(info.compress_size, 1)
        if size > MAX_PART_BYTES or (size > RATIO_FLOOR and size > MAX_RATIO * packed):
            raise WorkbookTooBig(
                f"{path}: the part {name} would inflate from {_mb(packed)} to {_mb(size)} "
                f"(limits: {_mb(MAX_PART_BYTES)}, {MAX_RATIO}:1); jobbook does not read it"
            )


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.1f} MB" if n < 1 << 30 else f"{n / (1 << 30):,.1f} GB"


def check_head(path: Path, zf: zipfile.ZipFile, name: str, what: str | None = None) -> bytes:
    """The first bytes of a part; refuse a DTD or entity declaration (XXE, billion laughs)."""
    with zf.open(name) as fh:
        return refuse_dtd(path, fh.read(HEAD_BYTES), what or name)


def refuse_dtd(path: Path, head: bytes, what: str) -> bytes:
    root = _root_start(head)
    if any(mark in head[:root] for mark in _DTD):
        raise NotAWorkbook(
            f"{path}: {what} declares XML entities or a DTD, which no workbook does; "
            "jobbook does not read it (re-save the workbook in Excel or LibreOffice)"
        )
    return head


def _root_start(head: bytes) -> int:
    """Where the root element starts (after the prolog: declaration, comments, DOCTYPE)."""
    at = 0
    while True:
        at = head.find(b"<", at)
        if at < 0 or at + 1 >= len(head):
            return len(head)
        nxt = head[at + 1 : at + 2]
        if nxt not in (b"?", b"!"):
            return at
        if head.startswith(b"<!--", at):
            end = head.find(b"-->", at)
            at = len(head) if end < 0 else end + 3
        else:
            at += 2


# -- a sheet's extent -----------------------------------------------------------------------------


@dataclass
class Box:
    """The box of a sheet's value cells and the farthest one (1-based, inclusive)."""

    top: int = 0
    left: int = 0
    bottom: int = 0
    right: int = 0
    far: tuple[int, int] = (0, 0)  # (row, col) of the value cell farthest from A1
    beyond: tuple[int, int] | None = None  # the first value cell past Excel's limits

    def add(self, row: int, col: int) -> None:
        if self.beyond is None and (row > EXCEL_ROWS or col > EXCEL_COLS):
            self.beyond = (row, col)
        if not self.top:
            self.top, self.left, self.bottom, self.right = row, col, row, col
        else:
            self.top, self.left = min(self.top, row), min(self.left, col)
            self.bottom, self.right = max(self.bottom, row), max(self.right, col)
        if row * col > self.far[0] * self.far[1]:
            self.far = (row, col)

    @property
    def area(self) -> int:
        return (self.bottom - self.top + 1) * (self.right - self.left + 1) if self.top else 0


def allowed_area(xml_bytes: int) -> int:
    """Cells a sheet of `xml_bytes` may span: memory stays proportional to the file's data."""
    return max(AREA_FLOOR, xml_bytes // XML_BYTES_PER_CELL)


def check_sheet(path: Path, zf: zipfile.ZipFile, part: str, sheet: str) -> bytes | None:
    """Refuse a sheet whose value cells reach past Excel's limits or span a rectangle out of
    proportion to its XML (a stray far cell). Returns the XML of a sheet read whole to check it
    (up to ``SCAN_BYTES``), for a caller that reads it next."""
    what = f"sheet {sheet!r} ({part})"
    size = zf.getinfo(part).file_size
    if size <= SCAN_BYTES:
        data = _read(path, zf, part, what)
        head = refuse_dtd(path, data[:HEAD_BYTES], what)
    else:
        head = check_head(path, zf, part, what)
    if size > SCAN_BYTES:
        dim = _dimension(head)
        if dim is not None and _plausible(dim, size):
            return None  # trusted: see the module's docstring
        pieces = lambda: _chunks(zf, part)  # noqa: E731
    else:
        pieces = lambda: iter((data,))  # noqa: E731
    try:
        dim = _dimension(head)
        if dim is not None and (not _plausible(dim, size) or size < DIM_PASS_BYTES):
            dim = None  # a small sheet's cells are listed quicker than the pattern is compiled
        box = _value_box(pieces, allowed_area(size), dim, bool(_PREFIXED.search(head)))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise damaged(path, what, " ".join(str(exc).split())[:120]) from exc
    if box.bottom > EXCEL_ROWS or box.right > EXCEL_COLS:
        limit = (
            f"last row ({EXCEL_ROWS:,})"
            if box.bottom > EXCEL_ROWS
            else f"last column ({col_letters(EXCEL_COLS)})"
        )
        row, col = box.beyond or box.far
        where = f"{sheet}!{col_letters(col)}{row}"
        raise NotAWorkbook(
            f"{path}: {where} lies past Excel's {limit}; the file is damaged: open it in Excel or "
            "LibreOffice and save it again"
        )
    if box.area > allowed_area(size):
        row, col = box.far
        where = f"{sheet}!{col_letters(col)}{row}"
        span = f"{col_letters(box.left)}{box.top}:{col_letters(box.right)}{box.bottom}"
        raise WorkbookTooBig(
            f"{path}: {where} holds a value far outside the table (the sheet would span {span}, "
            f"{box.area:,} cells); delete that cell (or clear everything beyond the table) and "
            "save the workbook again"
        )
    return data if size <= SCAN_BYTES else None


def _dimension(head: bytes) -> tuple[int, int, int, int] | None:
    m = _DIMENSION.search(head)
    if not m:
        return None
    ends = m.group(1).decode("ascii", "replace").split(":")
    cells = [_CELL.match(e) for e in ends]
    if not all(cells) or len(cells) > 2:
        return None
    first, last = cells[0], cells[-1]
    return (
        int(first.group(2)),
        col_number(first.group(1)),
        int(last.group(2)),
        col_number(last.group(1)),
    )


def _plausible(dim: tuple[int, int, int, int], size: int) -> bool:
    """A declared used range that fits Excel and the sheet's size (neither far too large for the
    XML, nor so small that the XML must hold cells outside it)."""
    top, left, bottom, right = dim
    if not (1 <= top <= bottom <= EXCEL_ROWS and 1 <= left <= right <= EXCEL_COLS):
        return False
    area = (bottom - top + 1) * (right - left + 1)
    return area <= allowed_area(size) and area * 256 >= size


def _read(path: Path, zf: zipfile.ZipFile, part: str, what: str) -> bytes:
    try:
        return zf.read(part)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise damaged(path, what, " ".join(str(exc).split())[:120]) from exc


def _chunks(zf: zipfile.ZipFile, part: str, size: int = 8 << 20) -> Iterator[bytes]:
    """The part's XML in pieces that end at a tag's end (no tag is cut in two)."""
    carry = b""
    with zf.open(part) as fh:
        while True:
            block = fh.read(size)
            if not block:
                break
            data = carry + block
            cut = data.rfind(b">") + 1
            if cut == 0 and len(data) < (64 << 20):
                carry = data
                continue
            carry = data[cut:]
            yield data[:cut]
    if carry:
        yield carry


def _value_box(
    pieces: Callable[[], Iterable[bytes]], allowed: int, dim=None, prefixed: bool = False
) -> Box:
    """The box of the value cells, in up to three passes, each only when the one before cannot
    tell: (1) no cell lies beyond the declared dimension (one regular-expression search, no Python
    object per cell); (2) the box of every cell reference, formatting-only cells included, is
    within `allowed`; (3) the exact box, cell by cell."""
    if (
        dim is not None
        and not prefixed
        and all(
            not _ODD_CELL.search(d) and not _PREFIXED.search(d) and not _beyond(dim).search(d)
            for d in pieces()
        )
    ):
        box = Box()
        box.add(dim[0], dim[1])
        box.add(dim[2], dim[3])
        return box
    box = Box()
    odd = prefixed  # cells without a leading r="...", or with a namespace prefix
    for data in pieces():
        found = _REF.findall(data)
        odd = odd or bool(_ODD_CELL.search(data) or _PREFIXED.search(data))
        if found:
            cols = {col_number(c.decode()) for c in {c for c, _ in found}}
            rows = {int(r) for r in {r for _, r in found}}
            box.add(min(rows), min(cols))
            box.add(max(rows), max(cols))
    inside = box.bottom <= EXCEL_ROWS and box.right <= EXCEL_COLS
    if not odd and inside and box.area <= allowed:
        return box
    return _exact_box(pieces())


@functools.lru_cache(maxsize=64)
def _beyond(dim: tuple[int, int, int, int]) -> re.Pattern:
    """A cell reference past the bottom row or the right column of `dim`."""
    _, _, bottom, right = dim
    cols = _greater(col_letters(right), "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    rows = _greater(str(bottom), "0123456789")
    return re.compile(rb'<c r="(?:(?:%s)\d|[A-Z]+(?:%s)")' % (cols.encode(), rows.encode()))


def _greater(text: str, alphabet: str) -> str:
    """A pattern for the strings over `alphabet` greater than `text` (longer, or as long and
    greater place by place); for digits, without leading zeros."""
    first = alphabet[1] if alphabet[0] == "0" else alphabet[0]
    longer = f"[{first}-{alphabet[-1]}][{alphabet[0]}-{alphabet[-1]}]{{{len(text)},}}"
    same = []
    for i, ch in enumerate(text):
        at = alphabet.index(ch)
        if at + 1 < len(alphabet):
            rest = len(text) - i - 1
            tail = f"[{alphabet[0]}-{alphabet[-1]}]{{{rest}}}" if rest else ""
            same.append(f"{re.escape(text[:i])}[{alphabet[at + 1]}-{alphabet[-1]}]{tail}")
    return "|".join([longer, *same])


def _exact_box(chunks: Iterable[bytes]) -> Box:
    """Cell by cell: skips formatting-only cells; places cells without ``r`` as calamine does."""
    box = Box()
    row = 0
    col = 0
    for data in chunks:
        for m in _TAG.finditer(data):
            attrs = m.group(2) or b""
            ref = _ATTR_R.search(attrs)
            if m.group(1) == b"row":
                row = int(ref.group(2)) if ref and ref.group(2) else row + 1
                col = 0
                continue
            if ref and ref.group(1) and ref.group(2):
                r, col = int(ref.group(2)), col_number(ref.group(1).decode())
            else:
                r, col = row, col + 1
            if attrs.endswith(b"/") or data.startswith(b"</", m.end()):
                continue  # formatting only
            box.add(r, col)
    return box

"""Sheet XML as a stream of rows: the head (up to ``<sheetData>``), regions of whole rows, and the
tail (from ``</sheetData>``). A sheet of a million rows passes through in chunks; only the rows
the editor writes are taken apart into cells."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import NotAWorkbook
from ..letters import col_letters, col_number

_SHEET_DATA = re.compile(r"<(\w+:)?sheetData\b[^>]*?(/?)>")
ROW = re.compile(r"<(\w+:)?row\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?row>)", re.S)
CELL = re.compile(r"<(\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
ROW_NO = re.compile(r'\sr="(\d+)"')
CELL_REF = re.compile(r'\sr="([A-Z]{1,3})(\d+)"')
_CHUNK_TEXT = 1 << 20


def attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\s{name}="([^"]*)"', attrs)
    return m.group(1) if m else None


@dataclass
class Cell:
    col: int
    attrs: str  # the start tag's attributes, as written
    inner: str | None  # None for <c .../>
    raw: str

    @property
    def style(self) -> int | None:
        s = attr(self.attrs, "s")
        return int(s) if s and s.isdigit() else None

    @property
    def has_formula(self) -> bool:
        return self.inner is not None and re.match(r"\s*<(\w+:)?f\b", self.inner) is not None


def cells(row_inner: str | None, where: str) -> list[Cell]:
    """The cells of a row (``split`` has written in the references some programs leave out)."""
    out = []
    for m in CELL.finditer(row_inner or ""):
        ref = CELL_REF.search(m.group(2))
        if not ref:
            raise NotAWorkbook(
                f"{where}: a cell without a reference; open and save the workbook in Excel or LibreOffice first"
            )
        out.append(Cell(col_number(ref.group(1)), m.group(2), m.group(3), m.group(0)))
    return out


def row_number(row_attrs: str, where: str) -> int:
    m = ROW_NO.search(row_attrs)
    if not m:
        raise NotAWorkbook(
            f"{where}: a row without a number; open and save the workbook in Excel or LibreOffice first"
        )
    return int(m.group(1))


def decoded(chunks: Iterable[bytes]) -> Iterator[str]:
    dec = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    for c in chunks:
        pending += dec.decode(c)
        if len(pending) >= _CHUNK_TEXT:
            yield pending
            pending = ""
    pending += dec.decode(b"", final=True)
    if pending:
        yield pending


def split(chunks: Iterable[bytes], where: str) -> Iterator[tuple[str, str, str]]:
    """("head", text, prefix), then ("rows", text of whole rows, prefix)..., then ("tail", text,
    prefix). The prefix is the namespace prefix of the sheet's elements (``""`` or ``"x:"``)."""
    buf = ""
    state = "head"
    prefix = ""
    end_rows = "</sheetData>"
    last: list[str] = [""]  # the rows region before, for the number of its last row

    def numbered(region: str) -> str:
        if _loose(region, prefix):
            before = last_row_in(last[0], prefix, where) if last[0] else None
            region = _with_references(region, before[0] if before else 0)
        last[0] = region
        return region

    for piece in decoded(chunks):
        buf += piece
        if state == "head":
            m = _SHEET_DATA.search(buf)
            if not m:
                continue
            prefix = m.group(1) or ""
            end_rows = f"</{prefix}sheetData>"
            if m.group(2):  # <sheetData/>: no rows
                yield "head", buf[: m.start()] + f"<{prefix}sheetData>", prefix
                buf = end_rows + buf[m.end() :]
                state = "tail"
                continue
            yield "head", buf[: m.end()], prefix
            buf = buf[m.end() :]
            state = "rows"
        if state == "rows":
            stop = buf.find(end_rows)
            if stop >= 0:
                if stop:
                    yield "rows", numbered(buf[:stop]), prefix
                buf = buf[stop:]
                state = "tail"
                continue
            cut = _last_row_end(buf, prefix)
            if cut:
                yield "rows", numbered(buf[:cut]), prefix
                buf = buf[cut:]
    if state == "head":
        raise NotAWorkbook(f"{where}: the sheet has no cell data (no <sheetData>)")
    if state == "rows":
        raise NotAWorkbook(f"{where}: the sheet is cut short")
    yield "tail", buf, prefix


def _loose(region: str, p: str) -> bool:
    """Whether a row or cell in `region` may lack its reference: its start tag does not begin
    with ``r="`` (Excel, LibreOffice and openpyxl always write it first). Counted at C speed."""
    for tag in ("row", "c"):
        tags = sum(region.count(f"<{p}{tag}{end}") for end in (" ", ">", "/>"))
        if tags != region.count(f'<{p}{tag} r="'):
            return True
    return False


def _with_references(region: str, row: int) -> str:
    """`region` with a reference written into each row and cell that has none: a row without
    ``r`` is the row after the one before it (`row`: the last row before the region), a cell
    without ``r`` the column after the cell before it, as Excel reads them."""
    out, pos = [], 0
    for m in ROW.finditer(region):
        attrs, inner = m.group(2), m.group(3)
        number = ROW_NO.search(attrs)
        row = int(number.group(1)) if number else row + 1
        out.append(region[pos : m.start(2)])
        out.append(attrs if number else f' r="{row}"{attrs}')
        if inner is not None:
            out.append(region[m.end(2) : m.start(3)])
            out.append(_cells_numbered(inner, row))
            out.append(region[m.end(3) : m.end()])
        else:
            out.append(region[m.end(2) : m.end()])
        pos = m.end()
    out.append(region[pos:])
    return "".join(out)


def _cells_numbered(inner: str, row: int) -> str:
    out, pos, col = [], 0, 0
    for m in CELL.finditer(inner):
        ref = CELL_REF.search(m.group(2))
        if ref:
            col = col_number(ref.group(1))
            continue
        col += 1
        out += [inner[pos : m.start(2)], f' r="{col_letters(col)}{row}"']
        pos = m.start(2)
    out.append(inner[pos:])
    return "".join(out)


def _last_row_end(buf: str, prefix: str) -> int:
    """The end of the last complete row in `buf` (0 if none): after the last ``</row>``, or after
    a self-closing ``<row .../>`` that follows it."""
    close = f"</{prefix}row>"
    end = buf.rfind(close)
    end = end + len(close) if end >= 0 else 0
    last = 0
    for m in re.finditer(rf"<{re.escape(prefix)}row\b[^>]*/>", buf[end:]):
        last = m.end()
    return end + last


def last_row_in(region: str, prefix: str, where: str) -> tuple[int, str] | None:
    """The number and text of the last row in `region`."""
    at = max(region.rfind(f"<{prefix}row "), region.rfind(f"<{prefix}row>"))
    m = ROW.match(region, at) if at >= 0 else None
    return (row_number(m.group(2), where), m.group(0)) if m else None


def first_row_in(region: str, where: str) -> int | None:
    m = ROW.search(region)
    return row_number(m.group(2), where) if m else None


# -- the first empty rows of a table ----------------------------------------------------------------


def rows_in_use(
    chunks: Iterable[bytes],
    where: str,
    first_row: int,
    cols: set[int],
    last_row: int | None,
    window: int,
) -> tuple[int, set[int]]:
    """The last row from `first_row` to `last_row` (None: no end) holding a typed value (not a
    formula) in one of `cols`; and which of the `window` rows after `last_row` hold one."""
    letters = "|".join(col_letters(c) for c in sorted(cols)) or "-"
    content = r"\s*(?:<(?:\w+:)?v\b[^>]*>[^<]|<(?:\w+:)?is\b)"
    general = re.compile(rf'<(?:\w+:)?c\b(?=[^>]*\sr="(?:{letters})(\d+)")[^>]*(?<!/)>{content}')
    fast: dict[str, re.Pattern] = {}
    last, below = 0, set()
    end = last_row if last_row is not None else 1 << 31
    for kind, text, p in split(chunks, where):
        if kind != "rows":
            continue
        if p not in fast:  # r first, as Excel, LibreOffice and openpyxl write it
            e = re.escape(p)
            fast[p] = re.compile(rf'<{e}c r="(?:{letters})(\d+)"[^>]*(?<!/)>{content}')
        value_cell = general if re.search(rf"<{re.escape(p)}c\s+(?!r=)", text) else fast[p]
        stop, to = False, len(text)
        while not stop and to > 0:  # row by row from the end: the last row in use is near it
            at = max(text.rfind(f"<{p}row ", 0, to), text.rfind(f"<{p}row>", 0, to), 0)
            for r in map(int, reversed(value_cell.findall(text, at, to))):
                if r < first_row or r <= last:
                    stop = True
                    break
                if r <= end:
                    last, stop = r, True
                    break
                if r <= end + window:
                    below.add(r)
            to = at
    return last, below

"""Any CSV file or spreadsheet of one's own: its columns found by the synonym tables (``columns``),
``--map "Company=Employer,Role=Position"`` for any other. In a workbook, the sheet is the first
whose top 20 rows hold a header naming a company (or the ``--map`` columns), below any title."""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportFailed
from ._links import Linked, sheet_links
from ._rows import Rows
from .words import concept_of, header_key

TABLE = None
TOP = 20  # rows searched for the header, as the reader does for a book
TRACKER = {"Role", "Date applied", "Status", "Stage", "Posting URL"}  # a tracker has one of these

__all__ = ["TABLE", "finish", "recognise", "sheet_rows", "tracker_sheet", "tracker_text"]


def recognise(header: list[str]) -> bool:
    return any((concept_of(h) or ("",))[0] == "Company" for h in header)


def finish(built, sheet, row) -> None:
    """When a row was added (``Date Added``, ``Created``) and last moved or updated (``Last
    Moved``, ``Updated``): in a file without a date applied column the day a row was added is its
    Date applied (``build``; the summary says so), else that day stays in Notes; the last move is
    the Last contact of a row past the wishlist, and the day the 30-day rule counts from."""
    f, extra = built.found, built.extra
    v = f.values
    added, moved = extra.get("Added on"), extra.get("Moved")
    if added is not None and not (sheet.columns.added_is_applied and v.get("Date applied")):
        col = sheet.columns.concepts["Added on"][0].split("#")[0]
        v["Notes"] = "; ".join(n for n in (v.get("Notes"), f"{col}: {added.isoformat()}") if n)
    if moved is not None and v.get("Stage") != "Wishlist":
        last = v.get("Last contact")
        v["Last contact"] = max(moved, last) if last else moved
        f.moved = moved
    f.day = v.get("Date applied") or added


def _header_at(rows: list[tuple[int, tuple]], wanted: set[str]) -> int | None:
    """The number of the first row naming every `wanted` header key (or a company)."""
    for n, r in rows[:TOP]:
        keys = {header_key(v) for v in r if v is not None}
        concepts = {(concept_of(v) or ("",))[0] for v in r if v is not None}
        if (wanted and wanted <= keys) or (not wanted and "Company" in concepts):
            return n
    return None


def _filled(rows) -> list[tuple[int, tuple]]:
    return [(n, r) for n, r in enumerate(rows, 1) if any(v not in (None, "") for v in r)]


def tracker_sheet(path: Path) -> str | None:
    """The first sheet of the workbook at `path` that looks like a job tracker (a header naming a
    company and a role, date, status, stage or posting), else None."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 (a damaged file is the reader's to report, not this guess's)
        return None
    try:
        for ws in wb.worksheets:
            for _, r in _filled(ws.iter_rows(max_row=TOP, values_only=True)):
                concepts = {(concept_of(v) or ("",))[0] for v in r if v is not None}
                if "Company" in concepts and concepts & TRACKER:
                    return ws.title
        return None
    finally:
        wb.close()


def tracker_text(path: Path) -> bool | None:
    """Whether the file at `path` is text whose first line names a company column (a tracker
    kept as CSV); False for other text; None when it is not text."""
    from ._common import csv_rows

    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 16)
    except OSError:
        return None
    if not head or head.startswith(b"PK"):
        return None
    try:
        header, _ = csv_rows(head.rsplit(b"\n", 1)[0] if b"\n" in head else head, str(path))
    except ImportFailed:
        return None
    return recognise(header)


def sheet_rows(path: Path, mapping: dict[str, str] | None = None) -> tuple[list[str], Rows]:
    """The header and rows of the workbook's tracker sheet (values as its cells hold them). The
    workbook passes the reader's guard first (``reader.inspect``: damaged, encrypted or hostile
    files, a value cell far outside the data), as any book does: one clear error, never a hang."""
    import openpyxl

    from ..reader import inspect
    from ._common import unique_headers

    layout = inspect(path)
    wanted = {header_key(c.split("#")[0]) for c in (mapping or {}).values()}
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        chosen = None
        for ws in wb.worksheets:
            top = _filled(ws.iter_rows(max_row=TOP, values_only=True))
            if _header_at(top, wanted) is not None:
                chosen = ws
                break
        chosen = chosen or wb.worksheets[0]
        filled = _filled(chosen.iter_rows(values_only=True))
        title = chosen.title
        wb.close()
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFailed(
            f"{path}: the workbook cannot be read ({type(exc).__name__}: {exc})"
        ) from exc
    at = _header_at(filled, wanted) or (filled[0][0] if filled else None)
    if at is None:
        return [], Rows(str(path), [], header=[], sheet=title)
    raw = next(r for n, r in filled if n == at)
    width = max(
        (i + 1 for n, r in filled if n >= at for i, v in enumerate(r) if v not in (None, "")),
        default=0,
    )
    header = unique_headers(list(raw[:width]) + [None] * (width - len(raw)))
    part = layout.parts.get(title)
    links = sheet_links(path, part) if part else {}
    body = [
        (
            n,
            {
                h: _linked(r[i] if i < len(r) else None, links.get((n, i + 1)))
                for i, h in enumerate(header)
            },
        )
        for n, r in filled
        if n > at
    ]
    return header, Rows(str(path), body, header=header, sheet=title)


def _linked(value: object, url: str | None) -> object:
    """A cell's value, with the address it links to (``Linked``) when it is text or blank."""
    if url is None or not (value is None or isinstance(value, str)):
        return value
    return Linked(value if value else url, url)

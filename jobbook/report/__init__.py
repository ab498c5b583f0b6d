"""Monthly progress reports: a workbook with native charts and a Sankey picture, and a PDF."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from .._files import check_output, memory_writer, workbook_writer, write_new
from ..reader import read_book
from ._drawing import Drawing
from .data import ReportData, build
from .moved import last_day
from .sheets import report_workbook

__all__ = [
    "ReportData",
    "build",
    "check_outputs",
    "default_output",
    "write_outputs",
    "write_report",
]


def default_output(book: Path, month: str) -> Path:
    """``search.xlsx`` -> ``search-report-2026-10.xlsx`` beside it."""
    return book.with_name(f"{book.stem}-report-{month}.xlsx")


def check_outputs(
    book_path: Path, out: Path | None, pdf: Path | None, force: bool
) -> tuple[Path | None, Path | None]:
    """Refuse outputs that exist (without `force`) or that are the book, before any work."""
    out = check_output(out, (".xlsx",), force, [book_path]) if out is not None else None
    pdf = check_output(pdf, (".pdf",), force, [book_path]) if pdf is not None else None
    return out, pdf


def write_outputs(
    data: ReportData,
    source: str,
    out: Path | None,
    pdf: Path | None,
    force: bool = True,
    drawing: Drawing | None = None,
) -> list[Path]:
    """Write the report workbook and/or PDF as one group (``write_new``): both or neither appear,
    never a new workbook beside an old PDF; without `force` an existing file is never replaced.
    The pictures are drawn by `drawing` (another process) when given, while the workbook is built
    here."""
    with contextlib.ExitStack() as stack:
        if drawing is None:
            drawing = stack.enter_context(Drawing(pdf=pdf is not None, start=False))
        sankey = drawing.submit("sankey", data.flows) if out is not None else None
        timeline = None
        if out is not None and data.timeline is not None:
            timeline = drawing.submit("timeline", (data.timeline, last_day(data)))
        drawn = drawing.submit("pdf", data) if pdf is not None else None
        outputs = []
        if out is not None:
            timeline = drawing.result(timeline) if timeline is not None else None
            wb = report_workbook(data, source, drawing.result(sankey), timeline)
            outputs.append((Path(out), workbook_writer(wb)))
        if pdf is not None:
            drawn = drawing.result(drawn)
            outputs.append((Path(pdf), memory_writer(lambda buffer: buffer.write(drawn))))
        return write_new(outputs, force=force)


def write_report(
    book_path: str | Path,
    month: str,
    out: str | Path | None = None,
    pdf: str | Path | None = None,
    *,
    force: bool = False,
    as_of: dt.date | None = None,
    needs: dict | None = None,
) -> tuple[ReportData, list[Path], list]:
    """Read `book_path`, build the report of `month`, write the workbook `out` (default beside the
    book) and, when asked, the PDF `pdf`. The book itself is never written.
    Returns the report data, the files written and the book's non-fatal problems."""
    from ..core import parse_month

    book_path = Path(book_path)
    parse_month(month)
    if out is None:
        out = default_output(book_path, month)
    out, pdf = check_outputs(
        book_path, Path(out) if out else None, Path(pdf) if pdf else None, force
    )
    with Drawing(pdf=pdf is not None) as drawing:  # matplotlib loads meanwhile, on another core
        book = read_book(book_path, as_of=as_of)
        warnings = book.require(needs) if needs is not None else []
        data = build(book, month)
        written = write_outputs(data, book_path.name, out, pdf, force=force, drawing=drawing)
    return data, written, warnings

#!/usr/bin/env python3
"""Render the pictures in the README from the sample search (needs LibreOffice and pdftoppm).

    python scripts/render_docs.py            # writes docs/img/*.png

The sample ends on a pinned date so that the pictures only change when the product does.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobbook.libreoffice import convert, pdf_to_pngs, sheets_to_pdf  # noqa: E402
from jobbook.report import write_report  # noqa: E402
from jobbook.template import new_workbook  # noqa: E402

AS_OF = dt.date(2026, 11, 25)
MONTH = "2026-10"
OUT = ROOT / "docs" / "img"


def first_page(pdf: Path, name: str, dpi: int, page: int = 1) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        pngs = pdf_to_pngs(pdf, Path(tmp) / "p", dpi)
        target = OUT / name
        shutil.copy(pngs[page - 1], target)
    return target


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        book = new_workbook(tmp / "search.xlsx", sample=True, as_of=AS_OF)
        dash = sheets_to_pdf(book, ["Dashboard"], tmp / "dashboard.pdf")
        print(first_page(dash, "dashboard.png", 110))
        offers = sheets_to_pdf(book, ["Offers"], tmp / "offers.pdf")
        print(first_page(offers, "offers.png", 90))
        _, written, _ = write_report(book, MONTH, tmp / "report.xlsx", tmp / "report.pdf", as_of=AS_OF)
        print(first_page(written[1], "report-summary.png", 70, 1))
        print(first_page(written[1], "report-offers.png", 70, 7))
        print(first_page(written[1], "report-flow.png", 70, 8))
        lo = convert(written[0], "pdf", tmp / "lo")
        print(first_page(lo, "report-workbook.png", 80, 1))


if __name__ == "__main__":
    main()

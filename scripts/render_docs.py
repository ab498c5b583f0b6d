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


def page_titled(pdf: Path, title: str) -> int:
    """The number of the first page of `pdf` that starts with `title` (pages can flow on)."""
    import subprocess

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for k, page in enumerate(text.split("\f"), 1):
        if page.strip().startswith(title):
            return k
    raise SystemExit(f"{pdf}: no page titled {title!r}")


def first_page(pdf: Path, name: str, dpi: int, page: int | str = 1) -> Path:
    """Page `page` (a number, or the title it starts with) of `pdf` as docs/img/`name`, cropped
    to what is drawn (plus a margin)."""
    from PIL import Image, ImageChops

    if isinstance(page, str):
        page = page_titled(pdf, page)
    with tempfile.TemporaryDirectory() as tmp:
        pngs = pdf_to_pngs(pdf, Path(tmp) / "p", dpi)
        target = OUT / name
        shutil.copy(pngs[page - 1], target)
    im = Image.open(target).convert("RGB")
    box = ImageChops.difference(im, Image.new("RGB", im.size, "white")).getbbox()
    if box:
        m = 12
        im.crop(
            (
                max(box[0] - m, 0),
                max(box[1] - m, 0),
                min(box[2] + m, im.width),
                min(box[3] + m, im.height),
            )
        ).save(target)
    return target


def offers_view(book: Path, dst: Path) -> Path:
    """The sample with the Offers sheet narrowed to what tells offers apart: identity, base, the
    grant and how it vests, the clawback, tax and cost of living, and the totals (the other
    columns hidden), printed over its offers only."""
    import openpyxl

    from jobbook.schema import TABLES, YEAR_TOTALS

    table = TABLES["Offers"]
    keep = {
        "ID",
        "Company",
        "Status",
        "Base salary",
        "Signing bonus",
        "Sign-on clawback months",
        "Equity grant value",
        "Vesting schedule",
        "Cost of living index",
        "Tax rate %",
        "Average annual total",
        *YEAR_TOTALS,
        "After-tax year 1",
        "Cost-of-living adjusted average",
        "Clawback at risk",
    }
    wb = openpyxl.load_workbook(book)
    ws = wb["Offers"]
    for cell in ws[1]:
        if cell.value not in keep:
            ws.column_dimensions[cell.column_letter].hidden = True
    rows = 1 + sum(
        1 for v in ws.iter_rows(min_row=2, max_col=1, values_only=True) if v[0] not in (None, "")
    )
    ws.print_area = f"A1:{ws.cell(1, len(table.columns)).column_letter}{rows}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(dst)
    return dst


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        book = new_workbook(tmp / "search.xlsx", sample=True, as_of=AS_OF)
        dash = sheets_to_pdf(book, ["Dashboard"], tmp / "dashboard.pdf")
        print(first_page(dash, "dashboard.png", 110))
        offers = sheets_to_pdf(
            offers_view(book, tmp / "offers.xlsx"), ["Offers"], tmp / "offers.pdf"
        )
        print(first_page(offers, "offers.png", 150))
        years = sheets_to_pdf(book, ["Offer years"], tmp / "offer-years.pdf")
        print(first_page(years, "offer-years.png", 120))
        _, written, _ = write_report(
            book, MONTH, tmp / "report.xlsx", tmp / "report.pdf", as_of=AS_OF
        )
        print(first_page(written[1], "report-summary.png", 70, 1))
        print(first_page(written[1], "report-offers.png", 70, "Offers compared"))
        print(first_page(written[1], "report-flow.png", 70, "The whole search"))
        print(first_page(written[1], "report-moved.png", 70, "How applications moved"))
        lo = convert(written[0], "pdf", tmp / "lo")
        print(first_page(lo, "report-workbook.png", 80, 1))


if __name__ == "__main__":
    main()

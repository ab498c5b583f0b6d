"""LibreOffice as installed (its default profile, which trusts cached values and ignores
fullCalcOnLoad) opens books it saved itself, changed by `import`, `done` and `accept`, and shows
current figures on every sheet: the Dashboard's equal the core's (`jobbook stats`, `deadlines`),
the user's own formulas read the same in jobbook before and after an unrelated change, and a
name over a sheet whose name needs quotes (written by LibreOffice as &apos;) follows the rows."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_change_lo import change
from test_userbooks import change_all, parts
from test_workbook_lo import error_cells, mismatches
from userbooks import lo_saved, user_book

import jobbook
from jobbook import views

from conftest import copy_of

pytestmark = pytest.mark.libreoffice


def as_installed(src: Path, outdir: Path, fmt: str = "xlsx:Calc MS Excel 2007 XML") -> Path:
    """`src` opened by LibreOffice with a fresh default profile (no OOXMLRecalcMode: cached
    values are trusted, as on a user's machine) and saved as `fmt`."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    (outdir / "in").mkdir(parents=True, exist_ok=True)
    copy = outdir / "in" / src.name
    shutil.copy(src, copy)
    profile = outdir / "profile"
    subprocess.run(
        [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir / "out"), str(copy)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return outdir / "out" / f"{src.stem}.{fmt.split(':')[0]}"


def test_libreoffice_as_installed_shows_current_dashboard_figures_after_each_change(
    soffice, pinned_samples, tmp_path
):
    (tmp_path / "src").mkdir()
    book = lo_saved(copy_of(pinned_samples[".xlsx"], tmp_path / "src"), tmp_path / "saved")
    before = jobbook.read_book(book)
    c = change(book, tmp_path)
    after = jobbook.read_book(book)
    assert views.stats(after)["applications"] > views.stats(before)["applications"]
    wb = openpyxl.load_workbook(as_installed(book, tmp_path / "shown"), data_only=True)
    assert error_cells(wb) == []
    assert mismatches(after, wb) == []  # every computed cell and Dashboard figure
    assert wb["Dashboard"]["B5"].value == views.stats(after)["applications"]
    assert c["import"]["added"]


def test_a_book_libreoffice_saved_reads_the_same_after_each_change(soffice, tmp_path):
    """IDs and Next action due typed as formulas, a sheet name that needs quotes, a totals row:
    after import, done and accept jobbook reads every formula as LibreOffice shows it."""
    src = user_book(
        tmp_path / "Zoës search.xlsx", sheet="Zoë's Pipeline 2026", totals="Total",
        own_formulas=True, formula_ids=True,
    )  # fmt: skip
    book = lo_saved(src, tmp_path / "saved")
    assert "&apos;" in parts(book)["xl/workbook.xml"].decode()  # as LibreOffice writes it
    first = jobbook.read_book(book)
    assert first.errors == [] and first.warnings == []
    due = first.inputs["Pipeline"]["Next action due"].dropna()
    assert len(due) == 61
    steps = change_all(book, tmp_path)
    b = steps[-1]["book"]
    p = b.inputs["Pipeline"]
    assert p["ID"].tolist()[:61] == first.inputs["Pipeline"]["ID"].tolist()
    assert p.loc[due.index[5:], "Next action due"].notna().all()  # unrelated rows: still known
    wbxml = parts(book)["xl/workbook.xml"].decode()
    assert "Pipeline 2026&apos;!$A$2:$A$63" in wbxml or "Pipeline 2026'!$A$2:$A$63" in wbxml
    shown = openpyxl.load_workbook(as_installed(book, tmp_path / "shown"), data_only=True)
    ws = shown["Zoë's Pipeline 2026"]
    assert ws["A64"].value == "Total" and ws["B64"].value == len(
        p
    )  # the totals row, moved down, counts every application
    assert shown["Summary"]["B1"].value == len(p) + 1  # COUNTA over column A counts "Total"
    assert shown["Summary"]["B2"].value == int((p["Status"] == "Active").sum())
    with zipfile.ZipFile(book) as z:
        assert z.testzip() is None

"""History judged by LibreOffice: the Dashboard's time in each stage (native formulas over the
History table) recalculates to the figures of `jobbook stats`, and LibreOffice as installed (its
default profile trusts cached values) shows them current after jobbook appends History rows to a
book it saved; a History sheet added to a book made before it opens without an error."""

from __future__ import annotations

import openpyxl
import pytest
from test_userbooks_lo import as_installed
from test_workbook_lo import error_cells
from userbooks import lo_saved

import jobbook
from jobbook import views
from jobbook.changes import TableWrite
from jobbook.cli import main
from jobbook.edit import edit_workbook
from jobbook.libreoffice import recalculate
from jobbook.schema import STEPS
from jobbook.template._dashboard import TIME_TOP

from conftest import PINNED, copy_of

pytestmark = pytest.mark.libreoffice


def shown(wb) -> dict[str, tuple]:
    ws = wb["Dashboard"]
    return {
        key: tuple(ws.cell(TIME_TOP + 1 + k, c).value for c in range(2, 6))
        for k, (key, *_rest) in enumerate(STEPS)
    }


def core(book) -> dict[str, tuple]:
    steps = views.stats(book, today=book.as_of)["time_in_stage"]
    return {k: (v["n"], v["median_days"], v["q1_days"], v["q3_days"]) for k, v in steps.items()}


def test_time_in_stage_is_current_in_libreoffice_as_installed_after_record(
    soffice, pinned_samples, tmp_path
):
    (tmp_path / "src").mkdir()
    book = lo_saved(copy_of(pinned_samples[".xlsx"], tmp_path / "src"), tmp_path / "saved")
    before = jobbook.read_book(book)
    was = core(before)
    assert shown(openpyxl.load_workbook(book, data_only=True)) == was  # LibreOffice's own values
    p = before.inputs["Pipeline"]
    moving = p[(p["Stage"] == "Screen") & (p["Status"] == "Active")]
    assert len(moving) >= 2
    typed = [TableWrite("Pipeline", "Stage", int(r), "Interview") for r in moving.index[:2]]
    edit_workbook(book, typed, keep_backup=False)  # typed by hand...
    assert main(["record", str(book), "--on", PINNED.isoformat()]) == 0  # ...then recorded
    after = jobbook.read_book(book)
    now = core(after)
    assert now["screen_to_interview"][0] == was["screen_to_interview"][0] + 2
    wb = openpyxl.load_workbook(as_installed(book, tmp_path / "shown"), data_only=True)
    assert error_cells(wb) == []
    assert shown(wb) == now


def test_a_history_sheet_added_to_an_old_book_opens_and_computes(soffice, search_book, tmp_path):
    assert main(["done", str(search_book), "follow-up", "A5", "--as-of", "2026-03-10"]) == 0
    wb = openpyxl.load_workbook(recalculate(search_book, tmp_path / "lo"), data_only=True)
    ws = wb["History"]
    assert [c.value for c in ws[1]] == [
        "Change", "When", "Recorded", "Sheet", "ID", "Column", "Old", "New", "Source", "Note"
    ]  # fmt: skip
    last = ws.max_row
    assert ws.cell(last, 6).value == "Last contact" and ws.cell(last, 9).value == "done"
    assert ws.cell(last, 2).value.date().isoformat() == "2026-03-10"
    assert error_cells(wb) == []

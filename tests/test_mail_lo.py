"""jobbook mail --apply, judged by LibreOffice as installed (its default profile trusts cached
values): the interviews, outcomes and offers mail added show their flags and every computed cell
and Dashboard figure equals the core's; the calendar export picks the interviews up."""

from __future__ import annotations

import openpyxl
import pytest
from mailbook import build_book, mailbox
from mailmaker import write_mbox
from test_userbooks_lo import as_installed
from test_workbook_lo import error_cells, mismatches

import jobbook
from jobbook.cli import main

pytestmark = pytest.mark.libreoffice


def test_libreoffice_shows_what_mail_wrote(soffice, tmp_path, capsys):
    book = build_book(tmp_path / "search.xlsx")
    box = write_mbox(tmp_path / "Inbox.mbox", list(mailbox().values()))
    assert main(["mail", str(book), str(box), "--apply"]) == 0
    capsys.readouterr()
    after = jobbook.read_book(book)
    assert after.errors == []
    wb = openpyxl.load_workbook(as_installed(book, tmp_path / "shown"), data_only=True)
    assert error_cells(wb) == []
    assert mismatches(after, wb) == []  # every computed cell and Dashboard figure
    iv = after.tables["Interviews"]
    ws = wb["Interviews"]
    for row in iv.index[iv["Application ID"].isin(["A003", "A004"])]:
        for header in ("Company", "Thank-you due", "Thank-you flag"):
            shown = ws[after.cell("Interviews", header, int(row))].value
            core = iv.at[row, header]
            core = None if core == "" or core is None or (core != core) else core
            if hasattr(shown, "date"):
                shown, core = shown.date(), core.date()
            assert shown == core, (row, header)
    northwind = iv[iv["Application ID"] == "A004"].iloc[0]
    assert northwind["Thank-you flag"] == "Overdue"  # held on 11 March; the book's day is the 25th
    assert main(["calendar", str(book), "-o", str(tmp_path / "search.ics")]) == 0
    ics = (tmp_path / "search.ics").read_text()
    assert "SUMMARY:Interview: Northwind Traders — Phone screen" in ics
    assert "DTSTART;TZID=Europe/Berlin:20260311T160000" in ics

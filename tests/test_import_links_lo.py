"""A tracker with links, opened and saved by LibreOffice (as a user who keeps it there would):
its hyperlinks and =HYPERLINK formulas (saved with their value, "Link") still give each posting's
address, never the text shown."""

from __future__ import annotations

import own_trackers as T
import pytest

import jobbook
from jobbook.cli import main
from jobbook.libreoffice import convert

from conftest import PINNED

pytestmark = pytest.mark.libreoffice


def test_links_of_a_tracker_saved_by_libreoffice(soffice, tmp_path, capsys):
    from jobbook.template import new_workbook

    saved = convert(
        T.linked_xlsx(tmp_path / "jobs.xlsx"), "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo"
    )
    book = new_workbook(tmp_path / "search.xlsx", as_of=PINNED)
    assert main(["import", str(book), str(saved), "--as-of", PINNED.isoformat()]) == 0
    capsys.readouterr()
    p = jobbook.read_book(book).tables["Pipeline"].set_index("Company")
    assert {c: p.at[c, "Posting URL"] for c in T.LINKS} == T.LINKS

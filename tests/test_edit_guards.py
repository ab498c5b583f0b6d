"""The editor's write-back guards (SPEC §7): rows and cells without a reference (valid OOXML)
are read and written where they are."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import jobbook
from jobbook.changes import RowAppend, TableWrite
from jobbook.edit import edit_workbook

from conftest import build_search, copy_of


def values(path: Path, sheet: str) -> dict[str, object]:
    import openpyxl

    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


# -- 6. rows and cells without a reference ---------------------------------------------------------


def without_references(path: Path, part: str) -> None:
    """The sheet at zip member `part` rewritten as some programs write it: no ``spans``, and every
    row and cell whose place follows from the one before (the next row, the next column) without
    its ``r``."""
    from jobbook.reader._layout import col_index

    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    xml = next(d for i, d in items if i.filename == part).decode()
    xml = re.sub(r'\sspans="[^"]*"', "", xml)
    last = [0]

    def row(m: re.Match) -> str:
        r, col = int(m.group(2)), [0]

        def cell(c: re.Match) -> str:
            n = col_index(c.group(1))
            drop, col[0] = n == col[0] + 1, n
            return "<c" if drop else c.group(0)

        inner = re.sub(r'<c r="([A-Z]+)\d+"', cell, m.group(4))
        drop, last[0] = r == last[0] + 1, r
        return f"<row{'' if drop else m.group(1)}{m.group(3)}>{inner}</row>"

    xml = re.sub(r'<row( r="(\d+)")([^>]*)>(.*?)</row>', row, xml, flags=re.S)
    assert "<row>" in xml and '<row r="' in xml and re.search(r"<c[ >/](?!r=)", xml)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info, xml.encode() if info.filename == part else data)


def test_rows_and_cells_without_a_reference_are_read_and_written_where_they_are(tmp_path):
    """The same search with and without references on its Pipeline sheet reads the same, and
    after the same edit still reads the same (the editor writes the references in)."""
    import pandas as pd

    from jobbook.reader._cells import read_cells
    from jobbook.reader._layout import inspect

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plain = build_search(tmp_path / "a" / "search.xlsx")
    loose = copy_of(plain, tmp_path / "b")
    part = inspect(loose).parts["Pipeline"]
    without_references(loose, part)
    assert read_cells(loose, part, max_row=None) == read_cells(plain, part, max_row=None)

    def same() -> None:
        a, b = jobbook.read_book(plain), jobbook.read_book(loose)
        assert a.errors == b.errors == [] and set(a.tables) == set(b.tables)
        for name in a.tables:
            pd.testing.assert_frame_equal(a.tables[name], b.tables[name])

    same()
    row = int(jobbook.read_book(plain).tables["Pipeline"].index[1])
    changes = [
        TableWrite("Pipeline", "Status", row, "Rejected"),
        RowAppend(
            "Pipeline", {"ID": "A900", "Company": "Zeta", "Stage": "Applied", "Status": "Active"}
        ),
    ]
    for path in (plain, loose):
        edit_workbook(path, changes, keep_backup=False)
    same()
    assert values(loose, "Pipeline") == values(plain, "Pipeline")
    assert jobbook.read_book(loose).tables["Pipeline"].at[row, "Status"] == "Rejected"

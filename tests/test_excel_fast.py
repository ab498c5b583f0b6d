"""The Excel functions' fast paths give what they gave before, on tables as people leave them
(tests/excel_messy.py): blanks, text in number columns, dates as datetimes, serial numbers and
text, done marks of every kind. ``golden/excel_messy.json`` was written by the code before the
fast paths (main at 01916bb, then again at e7bf3f4 once fix round C had changed what the as-of
date knows: a Last contact or a done mark dated after it); the other tests hold each fast path to
its cell-at-a-time reading."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
from excel_messy import outputs, tables

from jobbook.excel import functions as f
from jobbook.reader._normalise import cell_kinds, to_date, to_dates

GOLDEN = Path(__file__).with_name("golden") / "excel_messy.json"


def test_functions_give_what_they_gave_before():
    got, want = outputs(), json.loads(GOLDEN.read_text())
    assert got.keys() == want.keys()
    for name in want:
        assert len(got[name]) == len(want[name]), name
        for g, w in zip(got[name], want[name]):
            assert g == w, name
            assert [type(v) for v in g] == [type(v) for v in w], (name, g, w)


def test_result_rows_equal_each_cell_converted_alone():
    frame = pd.DataFrame(
        {
            "due": np.array(["2026-01-05", "NaT", "2026-02-01"], dtype="datetime64[s]"),
            "money": [1.5, np.nan, 3.0],
            "text": pd.Series(["a", None, "c"], dtype="str"),
            "obj": pd.Series(["x", None, 7], dtype=object),
        }
    )
    want = [[f._out(v) for v in row] for row in frame.itertuples(index=False)]
    assert f._rows(frame) == want
    assert f._rows(frame)[0][0] == dt.datetime(2026, 1, 5)
    assert f._rows(frame)[1] == ["", "", "", ""]


def test_a_column_of_dates_reads_as_each_cell_alone():
    day = dt.datetime(2026, 10, 21, 15, 30)
    cells = [day, 46000.0, " 2026-10-21 ", "2026-10-21", "x", "x", None, "  ", True, False, day]
    cells += [c[0] for c in tables()["Lessons"][1:]]  # the messy Lessons' first column
    days, bad, read = to_dates(np.array(cells, dtype=object))
    for i, cell in enumerate(cells):
        alone = to_date(cell)
        assert (None if np.isnat(days[i]) else days[i].astype("datetime64[D]").item()) == alone
        one_bad = to_dates(np.array([cell], dtype=object))[1][0]
        assert bad[i] == one_bad, cell
    assert read.tolist()[:6] == [False, False, True, True, False, False]


def test_kinds_of_one_kind_columns_have_their_blanks():
    floats = np.array([1.0, None, np.nan, 2.0], dtype=object)
    kinds, text = cell_kinds(floats)
    assert kinds.tolist() == [1, 0, 0, 1] and len(text) == 0
    dates = np.array([dt.datetime(2026, 1, 1), None, pd.NaT], dtype=object)
    assert cell_kinds(dates)[0].tolist() == [4, 0, 0]
    assert cell_kinds(np.array([None, None], dtype=object))[0].tolist() == [0, 0]
    mixed = np.array([" a ", "  ", None, 3.0], dtype=object)
    kinds, text = cell_kinds(mixed)
    assert kinds.tolist() == [2, 0, 0, 1] and text.to_pylist() == ["a"]

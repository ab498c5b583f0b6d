"""History (docs/definitions.md § History): every change jobbook writes leaves its rows in the same write, a book
without the sheet gets it, record sees what was typed, undo takes back the newest change set (and
undo twice is a redo), refusing when a cell has changed since; the Backups setting."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from userbooks import ooxml_clean

import jobbook
from jobbook.changes import Formula, RowAppend, TableWrite
from jobbook.edit import edit_workbook
from jobbook.history import book_entries, from_text, to_text

from conftest import PINNED, copy_of, run_cli

D = dt.date


@pytest.fixture
def sample(pinned_samples, tmp_path) -> Path:
    return copy_of(pinned_samples[".xlsx"], tmp_path)


@pytest.fixture(scope="module")
def _unrecorded(tmp_path_factory) -> Path:
    """The pinned sample with an empty History: a book whose History has not begun."""
    from jobbook.sample import SAMPLE_PROFILE, sample_search
    from jobbook.template import build_workbook

    records = sample_search(PINNED)
    records.pop("History")
    wb = build_workbook(records, as_of=PINNED, profile=SAMPLE_PROFILE)
    path = tmp_path_factory.mktemp("unrecorded") / "search.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def unrecorded(_unrecorded, tmp_path) -> Path:
    return copy_of(_unrecorded, tmp_path)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def values(path: Path) -> dict[str, pd.DataFrame]:
    """The typed cells of every table as jobbook reads them (History aside), blank rows left out."""
    b = jobbook.read_book(path)
    out = {}
    for name, frame in b.inputs.items():
        if name == "History":
            continue
        f = frame.astype(object).where(frame.notna(), None)
        out[name] = f.reset_index(drop=True)
    return out


def same_values(a: Path, b: Path) -> None:
    va, vb = values(a), values(b)
    for name in va:
        pd.testing.assert_frame_equal(va[name], vb[name], check_dtype=False, obj=name)


# -- values as History holds them ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, kind",
    [
        (D(2026, 10, 5), "date"),
        (dt.datetime(2026, 10, 5, 14, 30), "date"),
        (85000.0, "money"),
        (0.1, "percent"),
        ("Interview", "choice"),
        ("=cmd|'/c calc'!A1", "text"),  # text from outside that looks like a formula
        ("'quoted", "text"),
        ("85000", "text"),  # a number typed as text stays text in a text column
        (True, "done"),
        ("x", "done"),
        (None, "text"),
    ],
)
def test_values_come_back_as_they_were(value, kind):
    text = to_text(value)
    back = from_text(text, kind)
    assert back == (int(value) if isinstance(value, float) and value.is_integer() else value)
    assert not isinstance(back, Formula)


def test_a_formula_is_told_apart_from_text_that_starts_with_an_equals_sign():
    assert to_text(Formula("=H2+30")) == "=H2+30"
    assert to_text("=H2+30") == "'=H2+30"
    assert from_text("=H2+30", "date", formulas=True) == Formula("=H2+30")
    assert isinstance(from_text("=H2+30", "date", formulas=True), Formula)
    assert from_text("'=H2+30", "text", formulas=True) == "=H2+30"
    assert not isinstance(from_text("'=H2+30", "text", formulas=True), Formula)


# -- a change and its History ----------------------------------------------------------------------


def test_done_writes_its_history_in_the_same_write_beginning_with_the_book_as_it_stood(
    unrecorded, capsys
):
    sample = unrecorded
    before = jobbook.read_book(sample)
    assert book_entries(before) == []  # the template's History is empty
    code, out, err = run_cli(capsys, "done", sample, "follow-up", "A005", "--on", "2026-10-20")
    assert code == 0, err
    assert "History records it as change 2: 1 row(s)" in out
    rows = book_entries(jobbook.read_book(sample))
    base = [e for e in rows if e.change == 1]
    assert base and all(e.old == e.new and e.source == "record" for e in base)
    tracked = before.inputs["Pipeline"]
    assert {e.id for e in base if e.sheet == "Pipeline"} == set(tracked["ID"].dropna())
    (mine,) = [e for e in rows if e.change == 2]
    assert (mine.sheet, mine.id, mine.column, mine.new) == (
        "Pipeline",
        "A005",
        "Last contact",
        "2026-10-20",
    )
    assert (mine.when, mine.source) == (D(2026, 10, 20), "done")
    assert mine.recorded is not None and abs(mine.recorded - dt.datetime.now()) < dt.timedelta(
        minutes=5
    )


def test_a_book_without_history_gets_the_sheet_and_every_other_part_stays(search_book, capsys):
    before = parts(search_book)
    code, out, err = run_cli(
        capsys,
        "done",
        search_book,
        "follow-up",
        "A5",
        "--on",
        "2026-03-09",
        "--as-of",
        "2026-03-10",
    )
    assert code == 0, err
    after = parts(search_book)
    new = set(after) - set(before)
    assert len(new) == 3 and any(n.startswith("xl/tables/") for n in new)
    changed = {n for n in before if before[n] != after.get(n)}
    sheet = next(n for n in changed if n.startswith("xl/worksheets/sheet"))  # the Pipeline, written
    assert changed <= {sheet, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml",
                       "xl/sharedStrings.xml", "xl/styles.xml"}  # fmt: skip
    b = jobbook.read_book(search_book)
    assert b.sheets["History"] == "History" and not [p for p in b.problems if p.sheet == "History"]
    rows = book_entries(b)
    assert rows[-1].column == "Last contact" and rows[-1].new == "2026-03-09"
    assert {e.change for e in rows} == {1, 2}
    ooxml_clean(search_book)


def test_text_from_outside_stays_text_in_history(sample):
    b = jobbook.read_book(sample)
    nasty = '=HYPERLINK("http://evil.example","click")'
    from jobbook.history import log_for

    log = log_for(b, "import")
    edit_workbook(sample, [RowAppend("Pipeline", {"ID": "A900", "Company": nasty, "Source": nasty,
                                                   "Stage": "Applied", "Status": "Active"})], log=log)  # fmt: skip
    with zipfile.ZipFile(sample) as z:
        sheet = jobbook.reader._layout.inspect(sample).parts["History"]
        xml = z.read(sheet).decode()
    assert "HYPERLINK" in xml and "<f>" not in xml and "<x:f>" not in xml
    src = [
        e
        for e in book_entries(jobbook.read_book(sample))
        if e.column == "Source" and e.id == "A900"
    ]
    assert src[0].new == "'" + nasty


def test_a_change_that_changes_nothing_writes_no_history(sample, capsys):
    run_cli(capsys, "done", sample, "follow-up", "A005", "--on", "2026-10-20")
    n = len(book_entries(jobbook.read_book(sample)))
    code, out, _ = run_cli(capsys, "done", sample, "follow-up", "A005", "--on", "2026-10-20")
    assert code == 0 and "left as it was" in out
    assert len(book_entries(jobbook.read_book(sample))) == n


# -- record ----------------------------------------------------------------------------------------


def typed(path: Path, changes) -> None:
    """What a user types: cells changed without History (the editor without a Log)."""
    edit_workbook(path, changes, keep_backup=False)


def test_record_writes_what_was_typed_since_history_last_looked(unrecorded, capsys):
    sample = unrecorded
    code, out, _ = run_cli(capsys, "record", sample, "--on", "2026-10-01")
    assert code == 0 and "History begins" in out
    b = jobbook.read_book(sample)
    rows = {r: int(i) for i, r in zip(b.inputs["Pipeline"].index, b.inputs["Pipeline"]["ID"])}
    was = b.inputs["Pipeline"].at[rows["A005"], "Stage"]
    stage = "Final" if was != "Final" else "Screen"
    typed(sample, [
        TableWrite("Pipeline", "Stage", rows["A005"], stage),
        TableWrite("Pipeline", "Notes", rows["A005"], "not tracked"),
        RowAppend("Pipeline", {"ID": "A901", "Company": "Zed", "Source": "LinkedIn",
                               "Date applied": D(2026, 10, 15), "Stage": "Applied", "Status": "Active"}),
    ])  # fmt: skip
    code, out, _ = run_cli(capsys, "record", sample, "--on", "2026-10-16", "--json")
    data = json.loads(out)
    assert code == 0 and data["cells_changed"] == 1 and data["rows_added"] == 1
    shown = {(r["id"], r["column"], r["old"], r["new"]) for r in data["history"]}
    assert ("A005", "Stage", was, stage) in shown
    assert ("A901", "(row)", None, "added") in shown
    assert all(r["when"] == "2026-10-16" and r["source"] == "record" for r in data["history"])
    code, out, _ = run_cli(capsys, "record", sample)
    assert code == 0 and "Nothing typed since" in out and "left as it was" in out


# -- undo ------------------------------------------------------------------------------------------


def test_undo_after_undo_after_a_change_gives_back_the_changed_book(sample, capsys):
    original = sample.with_name("original.xlsx")
    original.write_bytes(sample.read_bytes())
    assert run_cli(capsys, "accept", sample, "O02", "--withdraw")[0] == 0  # the story completed
    changed = sample.with_name("changed.xlsx")
    changed.write_bytes(sample.read_bytes())
    code, out, err = run_cli(capsys, "undo", sample)
    assert code == 0, err
    same_values(sample, original)
    code, out, err = run_cli(capsys, "undo", sample)
    assert code == 0 and "Undid change" in out, err
    same_values(sample, changed)
    sources = [e.source for e in book_entries(jobbook.read_book(sample))]
    assert sources[-1] == "undo"


def test_undo_takes_back_an_import_and_redo_brings_it_back(sample, tmp_path, capsys):
    csv = tmp_path / "mine.csv"
    csv.write_text("Company,Role,Date applied,Status,Stage history\n"
                   "Zed Labs,Analyst,2026-09-01,Rejected,Applied 2026-09-01; Screen 2026-09-10; Rejected 2026-09-20\n"
                   "Yak Co,Engineer,2026-09-05,Interviewing,\n")  # fmt: skip
    before = sample.with_name("before.xlsx")
    before.write_bytes(sample.read_bytes())
    assert run_cli(capsys, "import", sample, csv)[0] == 0
    imported = sample.with_name("imported.xlsx")
    imported.write_bytes(sample.read_bytes())
    rows = book_entries(jobbook.read_book(sample))
    last = rows[-1].change
    new_id = next(e.id for e in rows if e.change == last and e.new == "added")
    zed = [(e.column, e.old, e.new, e.when) for e in rows if e.change == last and e.id == new_id]
    assert ("(row)", "", "added", D(2026, 9, 1)) in zed
    assert ("Stage", "Applied", "Screen", D(2026, 9, 10)) in zed
    assert ("Status", "Active", "Rejected", D(2026, 9, 20)) in zed
    code, out, err = run_cli(capsys, "undo", sample, "--json")
    assert code == 0, err
    same_values(sample, before)
    b = jobbook.read_book(sample)
    assert new_id not in set(b.inputs["Pipeline"]["ID"].dropna())
    assert run_cli(capsys, "undo", sample)[0] == 0
    same_values(sample, imported)


def test_undo_refuses_when_a_cell_it_would_restore_has_changed_since(sample, capsys):
    run_cli(capsys, "done", sample, "follow-up", "A005", "--on", "2026-10-20")
    b = jobbook.read_book(sample)
    row = int(b.inputs["Pipeline"].index[b.inputs["Pipeline"]["ID"] == "A005"][0])
    typed(sample, [TableWrite("Pipeline", "Last contact", row, D(2026, 10, 21))])
    before = sample.read_bytes()
    code, out, err = run_cli(capsys, "undo", sample)
    assert code == 1 and out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1
    assert f"Pipeline!{b.letters['Pipeline']['Last contact']}{row}" in err and "2026-10-21" in err
    assert sample.read_bytes() == before


def test_nothing_to_undo_is_one_error_line(unrecorded, capsys):
    sample = unrecorded
    code, _, err = run_cli(capsys, "undo", sample)
    assert code == 1 and err.startswith("Error: ") and "nothing to undo" in err
    run_cli(capsys, "record", sample)
    code, _, err = run_cli(capsys, "undo", sample)
    assert code == 1 and "where History begins" in err


def test_the_backups_setting_keeps_that_many(sample, capsys):
    b = jobbook.read_book(sample)
    cell = b.setting_cells["Backups"]
    typed(sample, [jobbook.changes.CellWrite(b.settings_sheet, cell, [[2]])])
    assert jobbook.read_book(sample).settings.Backups == 2
    for day in ("2026-10-14", "2026-10-15", "2026-10-16", "2026-10-19"):
        assert (
            run_cli(
                capsys, "done", sample, "follow-up", "A005", "--on", day, "--as-of", "2026-10-21"
            )[0]
            == 0
        )
    kept = sorted(p.name for p in sample.parent.glob("search.backup-*"))
    assert len(kept) == 2, kept


def test_the_day_an_application_closed_comes_from_history():
    """docs/definitions.md § Deadlines, closed means closed: an interview after the day History says its
    application closed is cancelled, even before the as-of date; without that day, after the
    as-of date only; an interview held stays held."""
    from jobbook.core.computed import cancelled_interviews
    from jobbook.core.stages import closed_on

    history = pd.DataFrame(
        {
            "When": pd.to_datetime(["2026-10-05", "2026-10-06", "2026-10-07"]),
            "Sheet": ["Pipeline"] * 3,
            "ID": ["a1", "A2", "A3"],
            "Column": ["Status"] * 3,
            "Old": ["Active", "Active", "Active"],
            "New": ["Withdrawn", "Rejected", "Rejected"],
            "Note": ["", "", "the file does not say when"],
        }
    )
    pipeline = pd.DataFrame({"ID": ["A1", "A2", "A3", "A4"],
                             "Status": ["Withdrawn", "Active", "Rejected", "Rejected"]})  # fmt: skip
    interviews = pd.DataFrame(
        {
            "Application ID": ["A1", "A1", "A2", "A3", "A4"],
            "Date": pd.to_datetime(["2026-10-08", "2026-10-04", "2026-10-08", "2026-10-08", "2026-10-25"]),
            "Outcome": [None, None, None, None, None],
            "Thank-you sent": [None, None, None, None, None],
        }
    )  # fmt: skip
    closed = closed_on(history)
    assert closed["a1"] == pd.Timestamp("2026-10-05") and "a3" not in closed
    got = cancelled_interviews(interviews, pipeline, D(2026, 10, 20), closed)
    # A1 closed on 5 Oct: its 8 Oct interview is cancelled, its 4 Oct one was before; A2 is open
    # again; A3 closed on a day its file does not say, A4 without History: after the as-of date
    assert got.tolist() == [True, False, False, False, True]
    interviews.loc[0, "Thank-you sent"] = pd.Timestamp("2026-10-08")
    assert not cancelled_interviews(interviews, pipeline, D(2026, 10, 20), closed)[0]


def test_a_sheet_of_ones_own_named_history_is_one_error_and_stats_still_run(
    search_book, tmp_path, capsys
):
    import openpyxl

    wb = openpyxl.load_workbook(search_book)
    ws = wb.create_sheet("History")
    ws.append(["Year", "What happened"])
    ws.append([2019, "Moved to Berlin"])
    book = tmp_path / "own.xlsx"
    wb.save(book)
    before = book.read_bytes()
    code, out, err = run_cli(capsys, "done", book, "follow-up", "A5", "--as-of", "2026-03-10")
    lines = err.splitlines()  # the reader's warning about the sheet, then the one error
    assert code == 1 and out == "" and [x[:7] for x in lines] == ["warning", "Error: "]
    assert "History" in lines[1] and "rename it" in lines[1]
    assert book.read_bytes() == before
    code, out, err = run_cli(capsys, "stats", book, "--as-of", "2026-03-10", "--json")
    assert code == 0 and json.loads(out)["applications"] == 9

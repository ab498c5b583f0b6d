"""The editor's write-back guards (README § Changing your workbook): two runs at once both land, a book saved meanwhile by
another program is not written over, a symbolic link stays a link, SIGTERM/SIGHUP stop cleanly,
a change that changes nothing writes nothing, and rows and cells without a reference (valid
OOXML) are read and written where they are."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import signal
import time
import zipfile
from pathlib import Path

import pytest

import jobbook
from jobbook.changes import CellWrite, RowAppend, TableWrite
from jobbook.cli import main
from jobbook.edit import edit_workbook
from jobbook.errors import BookBusy, BookChanged

from conftest import build_search, copy_of
from handmade import new_workbook, save

FORK = multiprocessing.get_context("fork")


def small_book(path: Path) -> Path:
    wb = new_workbook()
    ws = wb.create_sheet("Notes")
    ws["A1"], ws["B1"] = "Name", "Count"
    ws["A2"], ws["B2"] = "first", 1
    return save(wb, path)


def leftovers(folder: Path) -> list[str]:
    """Temporary, lock and backup files left in `folder`."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(".") or "backup" in p.name.lower()
    )


def values(path: Path, sheet: str) -> dict[str, object]:
    import openpyxl

    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


# -- 1. one run at a time, never over a book saved meanwhile -------------------------------------


def _write_in_child(path: str, cell: str, value: object, wait: str | None) -> None:
    if wait is not None:
        os.environ["JOBBOOK_LOCK_WAIT"] = wait
    try:
        edit_workbook(path, [CellWrite("Notes", cell, [[value]])], keep_backup=False)
    except BookBusy:
        os._exit(3)
    os._exit(0)


def test_a_second_run_waits_for_the_first_and_both_writes_land(tmp_path):
    from jobbook._lock import changing, lock_path

    path = small_book(tmp_path / "book.xlsx")
    with changing(path) as hold:  # a first run, between its reading and its writing
        before = path.read_bytes()
        second = FORK.Process(target=_write_in_child, args=(str(path), "C2", "second", None))
        hurried = FORK.Process(target=_write_in_child, args=(str(path), "D2", "x", "0.2"))
        second.start()
        hurried.start()
        hurried.join(20)
        time.sleep(0.5)
        assert second.is_alive() and path.read_bytes() == before  # waiting, not writing
        assert hurried.exitcode == 3  # gave up after JOBBOOK_LOCK_WAIT: BookBusy
        assert lock_path(hold.real).exists()
        edit_workbook(path, [CellWrite("Notes", "C3", [["first"]])], keep_backup=False)
    second.join(30)
    assert second.exitcode == 0
    got = values(path, "Notes")
    assert (got["C2"], got["C3"]) == ("second", "first") and "D2" not in got
    assert leftovers(tmp_path) == []  # the lock file is gone


@pytest.mark.parametrize("how", ["replaced", "same size and time"])
def test_a_book_saved_meanwhile_by_another_program_is_not_written_over(tmp_path, how):
    """Excel saving while jobbook works: a new file renamed over the book, or (the case only the
    digest sees) the same number of bytes written in place within the clock's tick."""
    from jobbook.edit import _edit

    path = small_book(tmp_path / "book.xlsx")
    data = path.read_bytes()
    theirs = data[:100] + bytes([data[100] ^ 1]) + data[101:]  # as many bytes, not the same
    real = _edit.rewrite

    def saved_meanwhile(src, dst, changed, added=None):
        real(src, dst, changed, added)
        if how == "replaced":
            (tmp_path / "excel.tmp").write_bytes(theirs)
            os.replace(tmp_path / "excel.tmp", path)
        else:
            st = os.stat(path)
            with open(path, "r+b") as fh:
                fh.write(theirs)
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_edit, "rewrite", saved_meanwhile)
        with pytest.raises(BookChanged, match="saved by another program.*nothing written"):
            edit_workbook(path, [CellWrite("Notes", "B2", [[2]])])
    assert path.read_bytes() == theirs and leftovers(tmp_path) == []


# -- 3. a symbolic link ----------------------------------------------------------------------------


def test_a_symbolic_link_stays_a_link_and_the_real_book_is_written(tmp_path, capsys):
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    real = small_book(tmp_path / "real" / "book.xlsx")
    link = tmp_path / "links" / "book.xlsx"
    link.symlink_to(real)
    result = edit_workbook(link, [CellWrite("Notes", "B2", [[5]])])
    assert link.is_symlink() and link.resolve() == real
    assert values(real, "Notes")["B2"] == 5
    assert result.file == real and result.backup is not None and result.backup.parent == real.parent
    assert values(result.backup, "Notes")["B2"] == 1
    assert [p.name for p in (tmp_path / "links").iterdir()] == ["book.xlsx"]
    book = build_search(tmp_path / "real" / "search.xlsx")  # through the command
    via = tmp_path / "links" / "search.xlsx"
    via.symlink_to(book)
    capsys.readouterr()
    assert main(["done", str(via), "follow-up", "A1", "--on", "2026-10-20"]) == 0
    assert f"Wrote {book} through the symbolic link {via} (1 cell(s)" in capsys.readouterr().out
    assert via.is_symlink()


# -- 4. SIGTERM and SIGHUP while writing ---------------------------------------------------------


def _cli_stalled_in_write(args: list[str], err: str) -> None:
    """`jobbook ARGS` that stops for good once the new book is written aside (then a signal)."""
    from jobbook.edit import _edit

    real = _edit.rewrite

    def stalled(src, dst, changed, added=None):
        real(src, dst, changed, added)
        dst.flush()
        time.sleep(60)

    _edit.rewrite = stalled
    with open(err, "w") as fh, contextlib.redirect_stderr(fh):
        code = main(args)
    os._exit(code)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_or_sighup_while_writing_removes_the_temporary_file(search_book, tmp_path, signum):
    before = search_book.read_bytes()
    err = tmp_path / "err.txt"
    args = ["done", str(search_book), "follow-up", "A1", "--on", "2026-10-20"]
    child = FORK.Process(target=_cli_stalled_in_write, args=(args, str(err)))
    child.start()
    for _ in range(400):
        temps = [p for p in tmp_path.iterdir() if ".jobbook-tmp-" in p.name]
        if temps and temps[0].stat().st_size:
            break
        time.sleep(0.05)
    assert temps, "the child never started writing"
    os.kill(child.pid, signum)
    child.join(20)
    assert child.exitcode == 128 + signum
    lines = err.read_text().splitlines()
    name = signal.Signals(signum).name
    assert lines == [f"Error: stopped by {name}; nothing was written, every file is as it was"]
    assert search_book.read_bytes() == before
    assert leftovers(tmp_path) == []  # no temporary file, no lock file, no backup


# -- 5. a change that changes nothing --------------------------------------------------------------


def test_a_change_that_changes_nothing_writes_nothing(pinned_samples, tmp_path, capsys):
    book = copy_of(pinned_samples[".xlsx"], tmp_path)
    stamp = os.stat(book).st_mtime_ns
    before = book.read_bytes()
    b = jobbook.read_book(book)
    row = int(b.tables["Pipeline"].index[0])
    status = b.tables["Pipeline"].at[row, "Status"]
    result = edit_workbook(book, [TableWrite("Pipeline", "Status", row, status)])
    assert not result.written and result.backup is None and result.cells == []
    assert book.read_bytes() == before and os.stat(book).st_mtime_ns == stamp
    ident = b.tables["Pipeline"]["ID"].iloc[0]
    args = ["done", str(book), "follow-up", ident, "--on", "2026-10-20"]
    assert main(args) == 0 and "Wrote" in capsys.readouterr().out
    after = book.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert main(args) == 0  # the same date once more: every cell already says so
    out = capsys.readouterr().out
    assert "nothing to change" in out.lower() and "Wrote" not in out
    assert book.read_bytes() == after and sorted(p.name for p in tmp_path.iterdir()) == files


# -- 6. rows and cells without a reference ---------------------------------------------------------


def without_references(path: Path, part: str) -> None:
    """The sheet at zip member `part` rewritten as some programs write it: no ``spans``, and every
    row and cell whose place follows from the one before (the next row, the next column) without
    its ``r``."""
    from jobbook.letters import col_number as col_index

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


def test_a_folder_without_file_locks_still_gets_its_book_written(tmp_path, monkeypatch):
    """Some network shares refuse flock (ENOLCK): the run goes on, guarded by the check that the
    book is unchanged before the rename."""
    import errno
    import fcntl

    def no_locks(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    path = small_book(tmp_path / "book.xlsx")
    edit_workbook(path, [CellWrite("Notes", "B2", [[7]])], keep_backup=False)
    assert values(path, "Notes")["B2"] == 7 and leftovers(tmp_path) == []

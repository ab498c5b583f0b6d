"""Faults while writing (issue 12): a full disk, a read-only folder, a folder that is not ours,
kill -9 at many moments, two runs writing the same new file. Each gives one ``Error:`` line (or a
clean win), never a partial output, a new file beside an old one, or a temporary file left behind.

Real faults where this machine allows: a small tmpfs for the full disk and a read-only bind mount
(both need root, as here and in CI; elsewhere those tests skip), an unprivileged effective user for
the folder that is not ours. The kills are real SIGKILLs of forked jobbook processes.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from jobbook._files import TEMP_MARK, clean_stale
from jobbook.cli import main

from conftest import copy_of

ROOT = Path(__file__).resolve().parents[1]
MONTH = "2026-02"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_MARK in p.name)


@contextlib.contextmanager
def mounted(target: Path, *args: str):
    """`mount ARGS target` for the duration (skips where mounting is not allowed)."""
    target.mkdir(exist_ok=True)
    done = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip()}); CI runs as root")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def test_a_full_disk_is_one_error_and_leaves_nothing(capsys, search_book, tmp_path):
    """On a small tmpfs: too small for the workbook, room for the workbook but not the PDF, room
    for both. Either both outputs, complete, or exit 1 naming the file that did not fit and no
    file at all (the workbook already written is taken back)."""
    plain = tmp_path / "plain"
    plain.mkdir()
    assert (
        run(
            capsys,
            "report",
            search_book,
            "--month",
            MONTH,
            "-o",
            plain / "r.xlsx",
            "--pdf",
            plain / "r.pdf",
        )[0]
        == 0
    )
    x, p = ((plain / n).stat().st_size for n in ("r.xlsx", "r.pdf"))
    page = 4096
    sizes = {
        "xlsx": 2 * page,
        "pdf": (x + p // 2) // page * page + page,
        "written": x + p + 16 * page,
    }
    for expected, size in sizes.items():
        with mounted(tmp_path / expected, "-t", "tmpfs", "-o", f"size={size}", "tmpfs") as disk:
            out, pdf = disk / "r.xlsx", disk / "r.pdf"
            code, _, err = run(
                capsys, "report", search_book, "--month", MONTH, "-o", out, "--pdf", pdf
            )
            files = sorted(f.name for f in disk.iterdir())
            if expected == "written":
                assert code == 0 and files == ["r.pdf", "r.xlsx"], err
                assert zipfile.ZipFile(out).testzip() is None
            else:
                failed = out if expected == "xlsx" else pdf
                assert code == 1 and files == [], (expected, files, err)
                assert (
                    err
                    == f"Error: {failed}: cannot write it: the disk is full (No space left on device)\n"
                )
            if expected == "xlsx":
                code, _, err = run(capsys, "new", disk / "n.xlsm")
                assert code == 1 and not (disk / "n.xlsm").exists()
                assert err == (
                    f"Error: {disk / 'n.xlsm'}: cannot write it: the disk is full "
                    "(No space left on device)\n"
                )
            assert temps(disk) == []


def test_a_read_only_folder_is_one_error(capsys, search_book, tmp_path, pinned_samples):
    src = tmp_path / "src"
    src.mkdir()
    sample = pinned_samples[".xlsx"]
    with mounted(tmp_path / "ro", "--bind", str(src)) as ro:
        (src / "search.xlsx").write_bytes(sample.read_bytes())
        again = subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)], capture_output=True)
        if again.returncode != 0:
            pytest.skip("cannot remount read-only here")
        for args, target in [
            (["export", sample, ro / "data"], ro / "data"),
            (["export", sample, ro], ro / "Pipeline.csv"),
            (["calendar", sample, "-o", ro / "s.ics"], ro / "s.ics"),
            (["draft", sample, "thank-you", "I003", "--eml", ro / "t.eml"], ro / "t.eml"),
            (["accept", ro / "search.xlsx", "O03", "--withdraw", "--force"], ro / "search.xlsx"),
            (["new", ro / "n.xlsx"], ro / "n.xlsx"),
            (
                [
                    "report",
                    search_book,
                    "--month",
                    MONTH,
                    "-o",
                    ro / "r.xlsx",
                    "--pdf",
                    tmp_path / "r.pdf",
                ],
                ro / "r.xlsx",
            ),
            (["demo", ro / "demo"], ro / "demo"),
        ]:
            code, _, err = run(capsys, *args)
            assert (
                code == 1
                and err
                == f"Error: {target}: cannot write it: the disk or folder is read-only (Read-only file system)\n"
            ), args
        assert [p.name for p in src.iterdir()] == ["search.xlsx"]
        assert (src / "search.xlsx").read_bytes() == sample.read_bytes()
        assert not (tmp_path / "r.pdf").exists()


def test_a_file_where_a_folder_belongs_is_a_usage_error(capsys, pinned_samples, tmp_path):
    """DIR, -o, --eml or --pdf under a file (``search.xlsx/out``): exit 2 naming both, before any
    work; a folder the system will not create (in /proc) is exit 1, one line, no traceback."""
    sample = copy_of(pinned_samples[".xlsx"], tmp_path)
    under = sample / "out"
    for args, given in [
        (["export", sample, under], under),
        (["export", sample, under / "deeper"], under / "deeper"),
        (["demo", under], under),
        (["calendar", sample, "-o", under / "s.ics"], under / "s.ics"),
        (["draft", sample, "thank-you", "I003", "--eml", under / "t.eml"], under / "t.eml"),
        (["report", sample, "--month", "2026-10", "-o", under / "r.xlsx"], under / "r.xlsx"),
        (["new", under / "n.xlsx"], under / "n.xlsx"),
    ]:
        code, _, err = run(capsys, *args)
        want = f"Error: {given}: {sample} is a file, not a folder\nTry 'jobbook {args[0]} --help'\n"
        assert (code, err) == (2, want), args  # a usage error: where to look on the next line
    assert sorted(p.name for p in tmp_path.iterdir()) == [sample.name]
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc here")
    for args, given in [
        (["export", sample, "/proc/jobbook-export"], "/proc/jobbook-export"),
        (["demo", "/proc/jobbook-demo"], "/proc/jobbook-demo"),
        (["calendar", sample, "-o", "/proc/jobbook.ics"], "/proc/jobbook.ics"),
    ]:
        code, _, err = run(capsys, *args)
        assert (code, err) == (
            1,
            f"Error: {given}: cannot write it: the folder /proc does not let files or folders be "
            "made in it (No such file or directory)\n",
        ), args


def test_a_folder_that_is_not_ours_is_one_error(capsys, search_book):
    """As an unprivileged user (root writes anywhere), into a folder owned by root."""
    if os.geteuid() != 0:
        pytest.skip("needs root to become another user")
    folder = Path(tempfile.mkdtemp(prefix="jobbook-perm-"))
    try:
        folder.chmod(0o755)
        book = folder / "search.xlsx"
        book.write_bytes(search_book.read_bytes())
        book.chmod(0o644)
        os.seteuid(65534)  # nobody
        try:
            code, _, err = run(capsys, "report", book, "--month", MONTH, "--pdf", folder / "r.pdf")
            new_code, _, new_err = run(capsys, "new", folder / "n.xlsx")
            export_code, _, export_err = run(capsys, "export", book, folder / "data")
        finally:
            os.seteuid(0)
        out = folder / f"search-report-{MONTH}.xlsx"
        assert code == 1 and err == f"Error: {out}: cannot write it: permission denied\n"
        assert new_code == 1 and "permission denied" in new_err
        assert (export_code, export_err) == (
            1,
            f"Error: {folder / 'data'}: cannot write it: permission denied\n",
        )
        assert sorted(p.name for p in folder.iterdir()) == ["search.xlsx"]
    finally:
        subprocess.run(["rm", "-rf", str(folder)], check=False)


DRIVER = r"""
import json, os, signal, sys, time, zipfile
from pathlib import Path
from jobbook.cli import main

book, folder = sys.argv[1], Path(sys.argv[2])
out, pdf = folder / "r.xlsx", folder / "r.pdf"
args = ["report", book, "--month", "2026-02", "-o", str(out), "--pdf", str(pdf), "--force"]
OLD = {out: b"old workbook", pdf: b"old pdf"}

def slowed(call):  # test instrumentation: each file operation of the child takes 200 ms more,
    def slow(*a, **k):  # so that the kills below land inside the publishing steps, even when a
        time.sleep(0.2)  # loaded machine leaves the watching process unscheduled for a while
        return call(*a, **k)
    return slow

def child(argv, slow=True):
    pid = os.fork()
    if pid == 0:
        if slow:
            for name in ("link", "replace", "unlink"):
                setattr(os, name, slowed(getattr(os, name)))
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1), os.dup2(devnull, 2)
        os._exit(main(argv))
    return pid

def state(path):
    if not path.exists():
        return "none"
    data = path.read_bytes()
    if data == OLD[path]:
        return "old"
    if path.suffix == ".xlsx":
        try:
            return "new" if zipfile.ZipFile(path).testzip() is None else "partial"
        except zipfile.BadZipFile:
            return "partial"
    return "new" if data.rstrip().endswith(b"%%EOF") else "partial"

def temps(pid=None):
    mark = f".jobbook-tmp-{pid}-" if pid else ".jobbook-tmp-"
    return [p.name for p in folder.iterdir() if mark in p.name]

MOMENTS = {  # kill as soon as the folder shows this
    "first temporary file": lambda pid: temps(pid),
    "second temporary file": lambda pid: len(temps(pid)) == 2,
    "old PDF removed": lambda pid: not pdf.exists(),
    "old workbook removed": lambda pid: not out.exists(),
    "new workbook in place": lambda pid: state(out) == "new",
}
report = {"kills": []}
for moment, reached in MOMENTS.items():
    for path, data in OLD.items():
        path.write_bytes(data)
    pid = child(args)
    t0 = time.monotonic()
    while not reached(pid) and time.monotonic() - t0 < 120:
        time.sleep(0.001)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    report["kills"].append({
        "moment": moment, "xlsx": state(out), "pdf": state(pdf),
        "others": [n for n in temps() if f"-tmp-{pid}-" not in n],
    })
pid = child(args, slow=False)
report["last"] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
report["after"] = sorted(p.name for p in folder.iterdir())
new = ["report", book, "--month", "2026-02", "-o", str(folder / "n.xlsx")]
a, b = child(new, slow=False), child(new, slow=False)
report["race"] = sorted(os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in (a, b))
report["race_files"] = sorted(p.name for p in folder.iterdir())
json.dump(report, sys.stdout)
"""


def test_kill_9_at_any_moment_leaves_old_or_new_never_a_mix(search_book, tmp_path):
    """report --pdf --force, killed at each step of its writing: each output is the old file, the
    new one complete, or none, never a new workbook beside an old PDF; only the killed run's
    temporary files remain, and the next run removes them. Then two runs write the same new file
    at once: one wins, the other exits 1."""
    folder = tmp_path / "out"
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(search_book), str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    pairs = {k["moment"]: (k["xlsx"], k["pdf"]) for k in report["kills"]}
    for k in report["kills"]:
        assert k["others"] == [], k  # an earlier killed run's leftovers were cleaned by this one
    assert pairs == {
        "first temporary file": ("old", "old"),
        "second temporary file": ("old", "old"),
        "old PDF removed": ("old", "none"),
        "old workbook removed": ("none", "none"),
        "new workbook in place": ("new", "none"),
    }
    assert report["last"] == 0 and report["after"] == ["r.pdf", "r.xlsx"], report
    assert report["race"] == [0, 1] and report["race_files"] == ["n.xlsx", "r.pdf", "r.xlsx"]


def test_clean_stale_keeps_a_live_writers_file(tmp_path):
    live = tmp_path / f".r.xlsx{TEMP_MARK}{os.getpid()}-abc.xlsx"
    dead_pid = _dead_pid()
    dead = tmp_path / f".r.xlsx{TEMP_MARK}{dead_pid}-abc.xlsx"
    other = tmp_path / ".r.xlsx.something-else"
    for p in (live, dead, other):
        p.write_bytes(b"x")
    assert clean_stale(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid

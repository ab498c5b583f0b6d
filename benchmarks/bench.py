#!/usr/bin/env python3
"""Every figure of README § Speed, each next to its floor measured in the same run.

    python benchmarks/bench.py            # everything: the big report at 100,000 rows, cohorts
                                          # of 20 and 200 books (minutes)
    python benchmarks/bench.py --full     # and the 1,048,575-row report and a cohort of 2,000
                                          # books (many minutes)
    python benchmarks/bench.py --quick    # a smoke test: small sizes, once each (about a minute)

Each figure runs in its own process (wall time and peak resident memory from the kernel: the
largest of the process and the helpers it waits for); short commands run several times and the
best run counts, because the machine may be shared; a figure and its floor run in turn. The floors:
a bare `python -c pass`, `python -c "import pandas"` (the commands that read a book need pandas),
a raw fastexcel read of the same two sheets, and a cohort's time per book on one core. The last
lines are the README's performance table, in Markdown.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_book import MAX_ROWS, make_book  # noqa: E402

PY = sys.executable
JOBBOOK = str(Path(PY).with_name("jobbook"))
MONTH = "2025-06"  # the big books' busiest months are in 2020-2025
SAMPLE_AS_OF = "2026-10-21"
RAW_READ = """
import sys, fastexcel
reader = fastexcel.read_excel(sys.argv[1])
for sheet in ("Pipeline", "Interviews"):
    reader.load_sheet(sheet).to_arrow()
"""
COHORT = """
import sys
from pathlib import Path
from jobbook.report.cohort import write_cohort
out, workers, books = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
write_cohort(books, "2026-10", out, force=True, workers=workers or None)
"""


@dataclass
class Run:
    seconds: float
    mb: float


def measure(cmd: list[str], repeat: int = 1, env: dict | None = None) -> Run:
    """The best wall time and the peak resident memory of `cmd` over `repeat` runs."""
    best = Run(float("inf"), 0.0)
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode()
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status) not in (0, 1):  # check exits 1 on a book with errors
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err[-2000:]}")
        best = Run(min(best.seconds, wall), max(best.mb, usage.ru_maxrss / 1024))
    return best


class Table:
    """Figures as they are measured: printed at once, and kept for the Markdown table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []
        print(f"{'figure':<46} {'measured':>14} {'floor (same run)':>26} {'target':>12}  verdict")

    def add(self, figure: str, measured: str, reference: str, target: str, ok: bool | None):
        verdict = "-" if ok is None else ("met" if ok else "MISSED")
        self.rows.append((figure, measured, reference, target, verdict))
        print(f"{figure:<46} {measured:>14} {reference:>26} {target:>12}  {verdict}", flush=True)

    def markdown(self) -> str:
        lines = [
            "| Figure | Measured | Floor (same run) | Target | |",
            "|---|---:|---:|---:|---|",
        ]
        lines += [f"| {f} | {m} | {r} | {t} | {v} |" for f, m, r, t, v in self.rows]
        return "\n".join(lines)


PANDAS_SLACK = (
    0.25  # README § Speed: a command that reads the sample book, at most import pandas + this
)


def start_up(t: Table, work: Path, repeat: int) -> Path:
    bare = measure([PY, "-c", "pass"], repeat)
    ref = f"python {bare.seconds:.2f} s"
    run = measure([JOBBOOK, "--help"], repeat)
    t.add("jobbook --help", f"{run.seconds:.2f} s", ref, "< 0.3 s", run.seconds < 0.3)
    book = work / "sample.xlsx"
    new = measure([JOBBOOK, "new", str(work / "new.xlsx"), "--force"], repeat)
    t.add("jobbook new", f"{new.seconds:.2f} s", ref, "< 1 s", new.seconds < 1)
    measure([JOBBOOK, "new", str(book), "--sample", "--as-of", SAMPLE_AS_OF, "--force"])
    for command in ("check", "stats", "offers", "deadlines"):
        pandas, run = Run(float("inf"), 0.0), Run(float("inf"), 0.0)
        for _ in range(repeat):  # in turn: the floor, the command, the floor, ...
            pandas = best(pandas, measure([PY, "-c", "import pandas"]))
            run = best(run, measure([JOBBOOK, command, str(book)]))
        limit = pandas.seconds + PANDAS_SLACK
        t.add(
            f"jobbook {command} (sample book)",
            f"{run.seconds:.2f} s",
            f"import pandas {pandas.seconds:.2f} s",
            f"<= {limit:.2f} s",
            run.seconds <= limit,
        )
    out = work / "sample-report.xlsx"
    run = measure(
        [JOBBOOK, "report", str(book), "--month", "2026-10", "-o", str(out), "--force"], repeat
    )
    t.add("jobbook report (sample book)", f"{run.seconds:.2f} s", ref, "< 3 s", run.seconds < 3)
    return book


def best(a: Run, b: Run) -> Run:
    """The best time of two runs, with the larger peak memory."""
    return Run(min(a.seconds, b.seconds), max(a.mb, b.mb))


def big_report(t: Table, work: Path, rows: int, baseline: bool, repeat: int) -> None:
    book = work / f"book-{rows}.xlsx"
    if not book.exists():
        started = time.perf_counter()
        make_book(rows, book)
        print(f"  (made {book.name} in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    raw = Run(float("inf"), 0.0)
    ours = Run(float("inf"), 0.0)
    out = work / f"report-{rows}.xlsx"
    for _ in range(repeat):  # side by side: raw, jobbook, raw, jobbook ...
        raw = best(raw, measure([PY, "-c", RAW_READ, str(book)]))
        ours = best(
            ours,
            measure([JOBBOOK, "report", str(book), "--month", MONTH, "-o", str(out), "--force"]),
        )
    ratio = ours.seconds / raw.seconds
    ref = f"raw read {raw.seconds:.1f} s, {raw.mb:,.0f} MB"
    big = rows == MAX_ROWS
    most = 1.3 if big else 1.5  # README § Speed: 1.5x at 100,000 rows, 1.3x at 1,048,575
    judged = big or rows == 100_000
    t.add(
        f"report, {rows:,} rows x 2 sheets",
        f"{ours.seconds:.1f} s = {ratio:.2f}x",
        ref,
        f"<= {most}x",
        ratio <= most if judged else None,
    )
    t.add(
        f"  peak memory, {rows:,} rows",
        f"{ours.mb:,.0f} MB",
        ref,
        "< 1,500 MB" if big else "-",
        ours.mb < 1500 if big else None,
    )
    if baseline:
        base = measure(
            [PY, str(HERE / "baseline_report.py"), str(book), MONTH, str(work / "base.xlsx")]
        )
        t.add(
            f"  pandas+openpyxl baseline, {rows:,} rows",
            f"{base.seconds / ours.seconds:.1f}x slower",
            f"{base.seconds:.1f} s, {base.mb:,.0f} MB",
            "-",
            None,
        )


COHORT_SECONDS = {200: 40.0}  # README § Speed: a cohort of 200 sample books in 40 s on 2 cores
LINEAR = 1.15  # "linear to 2,000": a book costs at most this much more in a larger cohort


def cohort(t: Table, work: Path, sample: Path, sizes: list[int]) -> None:
    books = []
    for k in range(max(sizes)):
        copy = work / "cohort" / f"person{k:04d}.xlsx"
        copy.parent.mkdir(exist_ok=True)
        if not copy.exists():
            shutil.copyfile(sample, copy)
        books.append(str(copy))
    out = str(work / "cohort.xlsx")
    cores = os.cpu_count() or 1
    one = measure([PY, "-c", COHORT, out, "1", *books[: sizes[0]]])
    floor = f"{one.seconds / sizes[0] * 1000:.0f} ms/book on 1 core"
    reference: tuple[int, float] | None = None  # (books, seconds a book) with a time target
    for n in sizes:
        run = measure([PY, "-c", COHORT, out, "0", *books[:n]])
        per_book = run.seconds / n
        if n in COHORT_SECONDS:
            target, ok = f"<= {COHORT_SECONDS[n]:.0f} s", run.seconds <= COHORT_SECONDS[n]
        elif reference is not None:
            target, ok = f"<= {LINEAR}x ms/book", per_book <= LINEAR * reference[1]
        else:
            target, ok = "-", None
        if n in COHORT_SECONDS:
            reference = (n, per_book)
        t.add(
            f"cohort of {n:,} books, {cores} cores",
            f"{run.seconds:.1f} s, {per_book * 1000:.0f} ms/book",
            floor,
            target,
            ok,
        )
        t.add(f"  peak memory, {n:,} books", f"{run.mb:,.0f} MB", "", "-", None)


def functions(t: Table, rows: int) -> None:
    from excel_functions import time_functions

    for name, seconds in time_functions(rows).items():
        ms = seconds * 1000
        t.add(f"{name}, {rows:,} rows", f"{ms:.1f} ms", "", "< 50 ms", ms < 50)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small sizes, once each (smoke test)")
    size.add_argument(
        "--full", action="store_true", help="also the 1,048,575-row report, 2,000 books"
    )
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "jobbook-bench")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    # jobbook's bytecode, as an installed package has it (pip compiles at install); a checkout
    # installed editable under PYTHONDONTWRITEBYTECODE=1 would compile every module on every run.
    compileall.compile_dir(HERE.parent / "jobbook", quiet=1)
    repeat = 1 if args.quick else 3
    t = Table()
    sample = start_up(t, args.workdir, repeat)
    functions(t, 1_000 if args.quick else 10_000)
    sizes = [2, 4] if args.quick else [20, 200, 2_000] if args.full else [20, 200]
    cohort(t, args.workdir, sample, sizes)
    big_report(
        t, args.workdir, 2_000 if args.quick else 100_000, not args.quick, 1 if args.quick else 2
    )
    if args.full:
        big_report(t, args.workdir, MAX_ROWS, False, 2)
    print(f"\n(machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})\n")
    print(t.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())

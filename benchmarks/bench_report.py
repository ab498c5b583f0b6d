#!/usr/bin/env python3
"""Benchmark: `jobbook report` end to end on books of 1,000, 100,000 and 1,048,575 Pipeline rows
(with an Interviews sheet of the same length), against the same report computed after
pandas.read_excel(engine="openpyxl"). Prints wall time and peak memory of each run.

Target on a 2-core machine for the 1,048,575-row book: under 15 s, under 2 GB peak, and at least
8x faster than the baseline. Run on demand (it takes minutes), not as a test:

    python benchmarks/bench_report.py                      # all three sizes
    python benchmarks/bench_report.py --sizes 1000,100000  # quicker
    python benchmarks/bench_report.py --no-baseline        # jobbook only
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_book import MAX_ROWS, make_book  # noqa: E402

MONTH = "2025-06"
TARGET_SECONDS, TARGET_MB, TARGET_SPEEDUP = 15.0, 2048, 8.0


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit status of one command, in its own process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        print(proc.stderr.read().decode()[-2000:], file=sys.stderr)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=f"1000,100000,{MAX_ROWS}")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "jobbook-bench")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    jobbook = str(Path(sys.executable).with_name("jobbook"))
    rows = []
    print(
        f"{'rows':>10}  {'jobbook s':>9}  {'peak MB':>8}  {'baseline s':>10}  {'peak MB':>8}  {'speed-up':>8}"
    )
    for n in (int(x) for x in args.sizes.split(",")):
        book = args.workdir / f"book-{n}.xlsx"
        if not book.exists():
            t = time.perf_counter()
            make_book(n, book)
            print(
                f"  (made {book.name} in {time.perf_counter() - t:.0f} s, {book.stat().st_size / 1e6:.0f} MB)",
                file=sys.stderr,
            )
        out = args.workdir / f"report-{n}.xlsx"
        ours = measure([jobbook, "report", str(book), "--month", MONTH, "-o", str(out), "--force"])
        base = (float("nan"), float("nan"), 0)
        if not args.no_baseline:
            base = measure(
                [
                    sys.executable,
                    str(HERE / "baseline_report.py"),
                    str(book),
                    MONTH,
                    str(args.workdir / f"baseline-{n}.xlsx"),
                ]
            )
        speed = base[0] / ours[0]
        rows.append((n, ours, base, speed))
        print(
            f"{n:>10,}  {ours[0]:>9.1f}  {ours[1]:>8.0f}  {base[0]:>10.1f}  {base[1]:>8.0f}  {speed:>7.1f}x",
            flush=True,
        )
    big = [r for r in rows if r[0] == MAX_ROWS]
    if big:
        n, ours, base, speed = big[0]
        print(
            f"\nTargets for {n:,} rows: time {ours[0]:.1f} s (< {TARGET_SECONDS:g}): {'met' if ours[0] < TARGET_SECONDS else 'MISSED'}; "
            f"peak {ours[1]:.0f} MB (< {TARGET_MB}): {'met' if ours[1] < TARGET_MB else 'MISSED'}; "
            f"speed-up {speed:.1f}x (>= {TARGET_SPEEDUP:g}): {'met' if speed >= TARGET_SPEEDUP else 'MISSED' if speed == speed else 'not measured'}"
        )
    print(
        f"(machine: {os.cpu_count()} cores; resource limit {resource.getrlimit(resource.RLIMIT_AS)[0]})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

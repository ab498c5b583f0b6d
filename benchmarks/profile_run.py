#!/usr/bin/env python3
"""A cProfile of one jobbook command or a cohort, its top lines kept as text.

    python benchmarks/profile_run.py OUT.txt -- stats BOOK            # a jobbook command
    python benchmarks/profile_run.py OUT.txt --cohort 2026-10 BOOK... # a cohort, in this process

The command runs in this process after pandas, numpy and pyarrow are imported (their import is
the floor the figure is measured against, not jobbook's work). Times are CPU seconds of this
process (a shared machine's load does not count; the helper processes a report starts do not
either: they run on other cores). The text holds the run's wall and CPU time, then the top
functions by cumulative and by own time, with their call counts and their share of the run.
Profiling slows Python code by about half: compare shares, and runs of the same day.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

TOP = 45


def _table(stats: pstats.Stats, key: str, total: float) -> str:
    """The top `TOP` lines of `stats` sorted by `key`, with each line's share of `total`."""
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][3 if key == "cumulative" else 2])
    lines = [f"{'share':>6} {'calls':>9} {'own s':>8} {'cum s':>8}  function"]
    for (file, line, name), (_cc, calls, own, cum, _callers) in rows[::-1][:TOP]:
        where = _short(file)
        share = (cum if key == "cumulative" else own) / total if total else 0.0
        lines.append(f"{share:6.1%} {calls:>9} {own:8.3f} {cum:8.3f}  {where}:{line}({name})")
    return "\n".join(lines)


def _short(file: str) -> str:
    for mark in ("site-packages/", "lib/python3", "/jobbook/"):
        at = file.find(mark)
        if at >= 0:
            return ("jobbook/" if mark == "/jobbook/" else "") + file[at + len(mark) :]
    return file


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the text file to write")
    ap.add_argument("--cohort", metavar="MONTH", help="profile a cohort of the books given")
    ap.add_argument("--workers", type=int, default=1, help="cohort workers (default 1: profiled)")
    ap.add_argument("args", nargs="+", help="the command's arguments (after --), or the books")
    a = ap.parse_args()
    import numpy  # noqa: F401  (the floor: imported before the clock starts)
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    profile = cProfile.Profile(time.process_time)
    started, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        profile.enable()
        if a.cohort:
            from jobbook.report.cohort import write_cohort

            out = Path(os.environ.get("TMPDIR", "/tmp")) / "jobbook-profile-cohort.xlsx"
            write_cohort(a.args, a.cohort, out, force=True, workers=a.workers)
        else:
            from jobbook.cli import main as jobbook

            code = jobbook(a.args)
        profile.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    stats = pstats.Stats(profile)
    total = max(v[3] for v in stats.stats.values())
    what = (
        f"cohort {a.cohort} of {len(a.args)} books" if a.cohort else "jobbook " + " ".join(a.args)
    )
    head = [
        f"# {what}",
        f"# under the profiler, after import pandas: wall {wall:.3f} s, CPU {cpu:.3f} s; "
        f"profiled total {total:.3f} CPU s; {stats.total_calls:,} calls; "
        f"load average {os.getloadavg()[0]:.1f}",
    ]
    if not a.cohort and code not in (0, 1):
        head.append(f"# exit {code}")
    text = "\n".join(
        [
            *head,
            "",
            "## by cumulative time",
            _table(stats, "cumulative", total),
            "",
            "## by own time",
            _table(stats, "tottime", total),
            "",
        ]
    )
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

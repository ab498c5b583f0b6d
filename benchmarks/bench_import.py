#!/usr/bin/env python3
"""jobbook import at scale: N rows into the sample book, then N other rows into that book of N.

    python benchmarks/bench_import.py            # 5,000 and 5,000 (about half a minute)
    python benchmarks/bench_import.py --rows 500

Every row is checked against every application for near matches (rapidfuzz, in C): with difflib
the second import of 5,000 rows took minutes; the figures printed are wall times of whole runs.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

JOBBOOK = str(Path(sys.executable).with_name("jobbook"))
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "tu",
    "ne",
    "so",
    "vi",
    "da",
    "pe",
    "ri",
    "zo",
    "mu",
    "la",
    "ten",
    "bor",
    "gal",
    "fin",
    "ster",
    "wick",
    "ton",
    "ham",
]
SUFFIXES = ["", " Inc.", " GmbH", " Ltd", " LLC", " S.A.", " Pty Ltd"]
ROLES = ["Data Analyst", "Data Engineer", "BI Developer", "Data Scientist", "ML Engineer"]


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).title()


def export(path: Path, rows: int, seed: int) -> Path:
    rng = random.Random(seed)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Company", "Role", "Date applied", "Posting URL"])
        for _ in range(rows):
            company = f"{word(rng, rng.randint(2, 4))} {word(rng, 2)}{rng.choice(SUFFIXES)}"
            role = rng.choice(ROLES) + (" II" if rng.random() < 0.3 else "")
            day = f"2026-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}"
            w.writerow([company, role, day, f"https://jobs.example.com/{rng.randrange(10**9)}"])
    return path


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([JOBBOOK, *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    print(done.stdout.splitlines()[0])
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5_000)
    n = ap.parse_args().rows
    with tempfile.TemporaryDirectory() as d:
        book = Path(d) / "search.xlsx"
        subprocess.run([JOBBOOK, "new", str(book), "--sample", "--as-of", "2026-10-21"], check=True)
        first = timed(["import", str(book), str(export(Path(d) / "a.csv", n, 1))])
        print(f"import {n:,} rows into the sample book: {first:.1f} s")
        second = timed(["import", str(book), str(export(Path(d) / "b.csv", n, 2))])
        print(f"import {n:,} rows into a book of {n:,}: {second:.1f} s")


if __name__ == "__main__":
    main()

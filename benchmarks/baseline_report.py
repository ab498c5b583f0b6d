#!/usr/bin/env python3
"""Baseline for bench_report.py: the same report, computed after pandas.read_excel(engine="openpyxl").

python benchmarks/baseline_report.py BOOK YYYY-MM OUT.xlsx
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from jobbook.reader.frames import book_from_frames  # noqa: E402
from jobbook.report import build, write_outputs  # noqa: E402


def main() -> None:
    book, month, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    # keep_default_na=False: a company named "NA" stays "NA" (pandas' default would make it NaN)
    frames = pd.read_excel(
        book, sheet_name=None, engine="openpyxl", keep_default_na=False, na_values=[""]
    )
    b = book_from_frames(frames, path=book)
    write_outputs(build(b, month), book.name, out, None)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Monthly progress reports from cron or a shell, no Excel needed.

    # the report of last month, written beside the book (run on the 1st of each month)
    python scripts/monthly_report.py ~/search.xlsx
    # a given month, with the PDF, into a folder
    python scripts/monthly_report.py ~/search.xlsx --month 2026-10 --pdf --out-dir ~/reports
    # every month from the first to the last with activity (a progress bar on a terminal)
    python scripts/monthly_report.py ~/search.xlsx --all-months --out-dir ~/reports  # the missing ones
    python scripts/monthly_report.py ~/search.xlsx --all-months --out-dir ~/reports --force

Before reporting it records in the book's History what was typed since History last looked (as
``jobbook record`` does, the book held and backed up as every change is); --no-record leaves the
book as it is.

Exit status: 0 on success, 1 on a problem with the book or an output file (one "Error: ..." line),
2 on wrong arguments. Quiet unless something is wrong, or --verbose.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from jobbook._files import writing  # noqa: E402
from jobbook.cli._report import progress  # noqa: E402
from jobbook.core import by_month, parse_month  # noqa: E402
from jobbook.errors import JobbookError, UsageError  # noqa: E402
from jobbook.reader import read_book  # noqa: E402
from jobbook.report import build, check_outputs, default_output, write_outputs  # noqa: E402


def last_month(today: dt.date) -> str:
    return str(pd.Period(today, freq="M") - 1)


def months_with_activity(book) -> list[str]:
    t = book.tables
    return list(by_month(t["Pipeline"], t["Interviews"], t["Offers"]))


def run(args: argparse.Namespace) -> list[Path]:
    book_path = args.book
    out_dir = args.out_dir or book_path.parent
    with writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)  # a folder named on the command line is made
    if (
        not args.no_record
    ):  # what was typed this month, into History (docs/definitions.md § History)
        from jobbook.cli import record_into

        recorded, edit = record_into(book_path, args.as_of)
        if args.verbose:
            print(recorded.message, file=sys.stderr)
    book = read_book(book_path, as_of=args.as_of)  # read once, report every month from it
    if args.all_months:
        months = months_with_activity(book)
    else:
        months = [args.month or last_month(book.as_of)]
    for m in months:
        parse_month(m)
    targets = []
    for m in months:  # check every output before writing any
        x = out_dir / default_output(book_path, m).name
        p = x.with_suffix(".pdf") if args.pdf else None
        if args.all_months and not args.force:  # months already reported are kept, the rest written
            x, p = (None if f is None or f.exists() else f for f in (x, p))
            if x is None and p is None:
                if args.verbose:
                    print(f"{m}: kept the reports already written", file=sys.stderr)
                continue
        targets.append((m, *check_outputs(book_path, x, p, args.force)))
    written = []
    for m, x, p in progress(targets, "Monthly reports"):
        written += write_outputs(build(book, m), book_path.name, x, p, force=args.force)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Write monthly jobbook progress reports (cron-friendly)."
    )
    ap.add_argument(
        "book", type=Path, help="the jobbook workbook (only read, but for its History: --no-record)"
    )
    when = ap.add_mutually_exclusive_group()
    when.add_argument(
        "--month", metavar="YYYY-MM", help="the month to report (default: last month)"
    )
    when.add_argument(
        "--all-months",
        action="store_true",
        help="every month from the first to the last with activity",
    )
    ap.add_argument("--out-dir", type=Path, help="where to write (default: beside the book)")
    ap.add_argument("--pdf", action="store_true", help="also write each report as a PDF")
    ap.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        help="compute as of this date (default: AsOf or today)",
    )
    ap.add_argument("--force", action="store_true", help="replace reports that exist")
    ap.add_argument(
        "--no-record",
        action="store_true",
        help="do not first record in the book's History what was typed since it last looked",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list the files written")
    args = ap.parse_args(argv)
    try:
        written = run(args)
    except JobbookError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    if args.verbose:
        for f in written:
            print(f"Wrote {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared fixtures: a small search made by hand, whose every figure was worked out on paper
(see test_figures.py for the numbers and how they were reached)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from handmade import new_workbook, save, write_sheet

D = dt.date
AS_OF = D(2026, 3, 10)  # a Tuesday

PIPELINE = [
    # ID, Company, Source, Date applied, Stage, Status, First response, Last contact, Next action due
    ("A1", "Acme", "Referral", D(2026, 1, 5), "Offer", "Accepted", D(2026, 1, 8), None, None),
    ("A2", "Bolt", "LinkedIn", D(2026, 1, 12), "Interview", "Rejected", D(2026, 1, 20), None, None),
    ("A3", "Core", "LinkedIn", D(2026, 2, 2), "Applied", "Rejected", D(2026, 2, 12), None, None),
    ("A4", "Dyn", "Job board", D(2026, 2, 3), "Applied", "No response", None, None, None),
    (
        "A5",
        "Echo",
        "Job board",
        D(2026, 2, 10),
        "Screen",
        "Active",
        D(2026, 2, 11),
        D(2026, 3, 4),
        None,
    ),
    ("A6", "Flux", "Meetup", D(2026, 3, 2), "Final", "Active", D(2026, 3, 4), None, D(2026, 3, 20)),
    ("A7", "Grid", "Referral", None, "Wishlist", "Active", None, None, D(2026, 3, 10)),
    ("A8", "Hex", "Company site", D(2026, 3, 3), "Applied", "Withdrawn", None, None, None),
    (
        "A9",
        "Iota",
        "Recruiter",
        D(2026, 2, 16),
        "Offer",
        "Active",
        D(2026, 2, 18),
        D(2026, 3, 5),
        None,
    ),
    (
        "A10",
        "Jolt",
        "Network",
        D(2026, 2, 20),
        "Offer",
        "Active",
        D(2026, 2, 27),
        D(2026, 3, 6),
        None,
    ),
]
PIPELINE_KEYS = (
    "ID",
    "Company",
    "Source",
    "Date applied",
    "Stage",
    "Status",
    "First response",
    "Last contact",
    "Next action due",
)

INTERVIEWS = [
    # ID, Application ID, Date, Thank-you sent
    ("I1", "A1", D(2026, 1, 15), D(2026, 1, 15)),
    ("I2", "A2", D(2026, 1, 22), None),
    ("I3", "A1", D(2026, 1, 26), D(2026, 1, 27)),
    ("I4", "A6", dt.datetime(2026, 3, 5, 14, 0), None),
    ("I5", "A5", D(2026, 2, 13), "x"),
    ("I6", "A9", D(2026, 2, 24), D(2026, 2, 24)),
    ("I7", "A10", D(2026, 3, 3), D(2026, 3, 3)),
]

OFFERS = [
    {
        "ID": "O1",
        "Application ID": "A1",
        "Offer date": D(2026, 1, 30),
        "Base salary": 100000,
        "Bonus target %": 0.10,
        "Signing bonus": 5000,
        "Relocation allowance": 3000,
        "Relocation cost": 2000,
        "Equity grant value": 40000,
        "Vesting years": 4,
        "Retirement match %": 0.05,
        "Benefits value": 6000,
        "PTO days": 25,
        "Onsite days/week": 3,
        "Commute cost/day": 10,
        "Commute minutes one-way": 30,
        "Flexible hours": "Partial",
        "Status": "Accepted",
    },
    {
        "ID": "O2",
        "Application ID": "A9",
        "Offer date": D(2026, 3, 5),
        "Deadline given": D(2026, 3, 12),
        "Base salary": 110000,
        "Equity grant value": 30000,
        "Retirement match %": 0.04,
        "Onsite days/week": 0,
        "Status": "Negotiating",
        "Counter base": 120000,
        "Final base": 115000,
    },
    {
        "ID": "O3",
        "Application ID": "A10",
        "Offer date": D(2026, 3, 6),
        "Base salary": 120000,
        "Bonus target %": 0.15,
        "Relocation cost": 10000,
        "Onsite days/week": 5,
        "Commute cost/day": 20,
        "Commute minutes one-way": 60,
        "Status": "Pending",
    },
]

LESSONS = [
    {
        "Application ID": "A2",
        "Decision date": D(2026, 1, 28),
        "Lesson": "Practise system design",
        "Due": D(2026, 3, 13),
    },
    {"Application ID": "A3", "Due": D(2026, 3, 1), "Done": D(2026, 3, 1)},
]
TRANSITION = [
    {
        "Offer ID": "O1",
        "Accepted on": D(2026, 1, 31),
        "Notice given": D(2026, 2, 2),
        "Agreed start": D(2026, 2, 20),
    }
]


def build_search(path: Path) -> Path:
    """The hand-checked search: Pipeline as a plain range under a title with its columns reordered,
    an extra column and a blank row; the other sheets as Excel Tables. No Settings sheet, so the
    defaults and US holidays apply."""
    wb = new_workbook()
    rows = [dict(zip(PIPELINE_KEYS, r)) | {"My notes": "keep"} for r in PIPELINE]
    headers = ["Company", "ID", "My notes", *PIPELINE_KEYS[2:]]
    write_sheet(
        wb, "Pipeline", rows, headers=headers, title="My job search 2026", blank_rows_after=(3,)
    )
    write_sheet(
        wb,
        "Interviews",
        [dict(zip(("ID", "Application ID", "Date", "Thank-you sent"), r)) for r in INTERVIEWS],
        table=True,
    )
    write_sheet(wb, "Offers", OFFERS, table=True)
    write_sheet(wb, "Lessons", LESSONS, table=True)
    write_sheet(wb, "Transition", TRANSITION, table=True)
    return save(wb, path)


@pytest.fixture
def search_book(tmp_path: Path) -> Path:
    return build_search(tmp_path / "search.xlsx")


PINNED = D(2026, 10, 21)  # a Wednesday: the sample search as the change tests know it


@pytest.fixture(scope="session")
def pinned_samples(tmp_path_factory) -> dict[str, Path]:
    """The sample search pinned to PINNED, as .xlsx and .xlsm (copy one before changing it)."""
    from jobbook.template import new_workbook

    d = tmp_path_factory.mktemp("pinned")
    return {
        s: new_workbook(d / f"search{s}", sample=True, as_of=PINNED) for s in (".xlsx", ".xlsm")
    }


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """jobbook's main with `args` (any objects, as text): its exit code, stdout and stderr."""
    from jobbook.cli import main

    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def copy_of(src: Path, folder: Path) -> Path:
    """`src` copied into `folder` under its own name."""
    path = folder / src.name
    path.write_bytes(src.read_bytes())
    return path


# -- LibreOffice --------------------------------------------------------------------------------------


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def soffice() -> str:
    """The soffice binary; skipped locally without it, a failure in CI (CI=true)."""
    found = soffice_path()
    if found:
        return found
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs it")
    pytest.skip("LibreOffice (soffice) is not installed; `make test` installs it")

"""Import and acceptance tell one story (README § Changing your workbook; review round B of issue 19): on the pinned
sample, which accepted O02 (Lumen Health) on 2026-10-16 and holds its Transition row, a student's
tracker exported from Google Sheets brings a second "Accepted!" for an application already in the
book, a new accepted internship, new active applications and a wishlist row applied to since."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import jobbook

from conftest import PINNED, copy_of, run_cli
from handmade import new_workbook, save, write_sheet

NEXT_DAY = dt.date(2026, 10, 22)  # the business day after the pinned as-of day, as accept gives
WITHDRAW = "Withdraw: accepted Lumen Health"
HEADER = ["Company", "Role name", "Applied Date", "Result", "Next step", "Comments"]
ROWS = [
    # already in the book (A014, Offer declined): the file says it was accepted
    ["Larkspur Games", "Senior Data Analyst", "7/15/2026", "Accepted!", "", ""],
    # new, still open: the move to Lumen Health means they are to withdraw
    ["Marlin Bank", "Data Analyst", "10/2/2026", "Applied", "", ""],
    ["Nettle Health", "BI Analyst", "10/9/2026", "phone screen", "send portfolio", "recruiter Jo"],
    # new and closed, or not applied yet: nothing to withdraw
    ["Osprey Labs", "Analytics Intern", "9/1/2026", "rejected lol", "", ""],
    ["Pintail Co", "Data Engineer", "", "not started", "", ""],
    # the sample's wishlist row A061, applied to since
    ["Orbital Foods", "Data Analyst", "10/19/2026", "Applied", "", ""],
]
ACCEPTED_TOO = ["Quokka Labs", "SWE Intern", "9/12/2026", "accepted \U0001f973", "", ""]


def tracker(path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def book(pinned_samples, tmp_path) -> Path:
    return copy_of(pinned_samples[".xlsx"], tmp_path)


def cli(capsys, *args) -> tuple[int, str, str]:
    return run_cli(capsys, *args, "--as-of", PINNED.isoformat())


def pipeline(book: Path) -> pd.DataFrame:
    return jobbook.read_book(book, as_of=PINNED).tables["Pipeline"].set_index("Company")


def test_update_never_writes_a_second_acceptance(book, tmp_path, capsys):
    src = tracker(tmp_path / "internships.csv", ROWS[:1])
    code, out, err = cli(capsys, "import", book, src, "--update")
    assert code == 0, err
    assert pipeline(book).at["Larkspur Games", "Status"] == "Offer declined"  # not written
    said = [ln for ln in out.splitlines() if ln.startswith("Not written: A014")]
    assert len(said) == 1 and "O02 (Lumen Health) is already Accepted (Offers!" in said[0]
    assert "set O02's Status to what happened (Declined), then import again" in said[0]
    code, out, _ = cli(capsys, "check", book)
    assert code == 0 and "no problems found" in out
    # once O02 is no longer the acceptance (declined, its application too), the same import writes it
    from jobbook.changes import TableWrite
    from jobbook.edit import edit_workbook

    b = jobbook.read_book(book, as_of=PINNED)
    offers, p = b.tables["Offers"], b.tables["Pipeline"]
    o_row = int(offers.index[offers["ID"] == "O02"][0])
    p_row = int(p.index[p["ID"] == "A019"][0])
    declined = [
        TableWrite("Offers", "Status", o_row, "Declined"),
        TableWrite("Pipeline", "Status", p_row, "Offer declined"),
    ]
    edit_workbook(book, declined, keep_backup=False)
    code, out, err = cli(capsys, "import", book, src, "--update")
    assert code == 0 and "Not written" not in out, out
    assert pipeline(book).at["Larkspur Games", "Status"] == "Accepted"


def test_new_rows_join_the_move_to_the_accepted_offer(book, tmp_path, capsys):
    src = tracker(tmp_path / "internships.csv", ROWS)
    code, out, err = cli(capsys, "import", book, src, "--json")
    assert code == 0, err
    got = json.loads(out)
    ids = {a["company"]: a["id"] for a in got["added"]}
    marlin, nettle = ids["Marlin Bank"], ids["Nettle Health"]
    assert got["given_withdraw"] == [marlin, nettle, "A061"]  # Orbital Foods, applied to since
    p = pipeline(book)
    for company in ("Marlin Bank", "Nettle Health", "Orbital Foods"):
        assert p.at[company, "Next action"] == WITHDRAW, company
        assert p.at[company, "Next action due"] == pd.Timestamp(NEXT_DAY), company
    assert "Next action in the file: send portfolio" in p.at["Nettle Health", "Notes"]
    for company in ("Osprey Labs", "Pintail Co"):  # closed, or no application yet
        assert pd.isna(p.at[company, "Next action"]), company
    b = jobbook.read_book(book, as_of=PINNED)
    to_withdraw = b.tables["Transition"].iloc[0]["Applications to withdraw"].split(", ")
    assert {marlin, nettle, "A061"} <= set(to_withdraw)
    # the deadlines and drafts agree: a withdrawal, never a follow-up saying "still interested"
    code, out, _ = cli(capsys, "deadlines", book, "--json")
    mine = [d for d in json.loads(out) if d["id"] in (marlin, nettle, "A061")]
    assert sorted((d["id"], d["kind"], d["due"]) for d in mine) == sorted(
        (i, "next-action", NEXT_DAY.isoformat()) for i in (marlin, nettle, "A061")
    )
    code, _, err = cli(capsys, "draft", book, "follow-up", marlin)
    assert code == 1 and f"draft {book.name} withdraw {marlin}" in err
    code, out, _ = cli(capsys, "draft", book, "withdraw", marlin)
    assert code == 0 and "I have accepted another offer" in out


def test_the_summary_says_why_the_new_rows_have_a_next_action(book, tmp_path, capsys):
    code, out, _ = cli(capsys, "import", book, tracker(tmp_path / "t.csv", ROWS), "--dry-run")
    assert code == 0
    line = next(ln for ln in out.splitlines() if ln.startswith("You have accepted O02"))
    assert f"get the next action {WITHDRAW!r}, due {NEXT_DAY.isoformat()}" in line


def test_a_new_accepted_row_beside_an_acceptance_is_a_warning_and_check_calls_it(
    book, tmp_path, capsys
):
    src = tracker(tmp_path / "internships.csv", [*ROWS[1:3], ACCEPTED_TOO])
    code, out, err = cli(capsys, "import", book, src)
    assert code == 0
    warning = [ln for ln in err.splitlines() if "arrives Accepted" in ln]
    assert (
        len(warning) == 1
        and "(Quokka Labs) arrives Accepted, but O02 (Lumen Health)" in (warning[0])
    )
    assert pipeline(book).at["Quokka Labs", "Status"] == "Accepted"  # written, as the file says
    code, out, _ = cli(capsys, "check", book)
    assert code == 1
    assert "is Accepted, and so is A019" in out and "a search ends with one acceptance" in out


def test_without_an_acceptance_nothing_changes(tmp_path, capsys):
    from jobbook.template import new_workbook as blank

    book = blank(tmp_path / "search.xlsx", as_of=PINNED)
    src = tracker(tmp_path / "internships.csv", [ROWS[1], ACCEPTED_TOO])
    code, out, err = cli(capsys, "import", book, src)
    assert code == 0 and "arrives Accepted" not in err and "You have accepted" not in out
    p = pipeline(book)
    assert pd.isna(p.at["Marlin Bank", "Next action"])
    assert cli(capsys, "check", book)[0] == 0


def test_check_reports_two_accepted_applications(tmp_path, capsys):
    wb = new_workbook()
    rows = [
        {"ID": "A1", "Company": "Acme", "Source": "Referral", "Date applied": dt.date(2026, 1, 5),
         "Stage": "Offer", "Status": "Accepted"},
        {"ID": "A2", "Company": "Bolt", "Source": "LinkedIn", "Date applied": dt.date(2026, 1, 9),
         "Stage": "Offer", "Status": "accepted"},
        {"ID": "A3", "Company": "Core", "Source": "LinkedIn", "Date applied": dt.date(2026, 1, 9),
         "Stage": "Offer", "Status": "Offer declined"},
    ]  # fmt: skip
    write_sheet(wb, "Pipeline", rows, table=True)
    book = save(wb, tmp_path / "two.xlsx")
    code, out, _ = cli(capsys, "check", book)
    assert code == 1
    assert "Pipeline!F3: application A2 is Accepted, and so is A1 (row 2)" in out
    code, out, err = cli(capsys, "stats", book)  # a contradiction between rows stops nothing
    assert code == 0 and "and so is A1" in err

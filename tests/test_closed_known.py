"""docs/definitions.md § Deadlines's settled readings "closed means closed" and "--as-of sees only what was known",
on the terminal's faces (deadlines, drafts, stats), and usage errors in one line (README § The command line).
The workbook's own formulas are held against the same book in test_workbook_lo.py, the calendar in
test_ical.py."""

from __future__ import annotations

import datetime as dt

import closed_book
import pandas as pd
import pytest

import jobbook
from jobbook import views
from jobbook.cli import main


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return closed_book.closed_book(tmp_path_factory.mktemp("closed") / "closed.xlsx")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def listed(book) -> list[tuple]:
    return [(d["due"], d["kind"], d["id"], d["company"], d["flag"]) for d in views.deadlines(book)]


def test_deadlines_leave_out_closed_processes_and_rows_not_yet_known(book):
    b = jobbook.read_book(book)
    assert b.as_of == closed_book.AS_OF
    assert listed(b) == closed_book.EXPECTED
    p = b.tables["Pipeline"].set_index("ID")
    # the Withdraw and the Decline next actions: their own reminders, no follow-up beside them
    assert p.at["P1", "Flag"] == "Due soon" and p.at["P4", "Flag"] == "Due today"
    assert p.loc[["P1", "P4"], "Follow-up due"].isna().all()
    assert p.at["P3", "Flag"] == "" and p.loc[["P3"], "Follow-up due"].isna().all()
    i = b.tables["Interviews"].set_index("ID")
    assert i.loc[["I1", "I2", "I4", "I5"], "Thank-you due"].isna().all()
    assert i.at["I3", "Thank-you flag"] == "Overdue"


def test_a_later_as_of_knows_more(book):
    """Once the as-of date passes the rows dated later, they come in (P3's next action and
    follow-up, O1's decision and start, then the lesson decided on 30 October and I4's thank-you);
    the Cancelled interview owes nothing whatever the day. I1, of the Withdrawn application, counts
    as held once its day has passed: the book does not say when P2 closed (docs/definitions.md § Closed means closed; the contract: "after the as-of
    date when that day is unknown"); jobbook writes Cancelled when it closes one itself."""
    b = jobbook.read_book(book)
    on_28 = {(d["kind"], d["id"]) for d in views.deadlines(b.at(dt.date(2026, 10, 28)))}
    assert {
        ("next-action", "P3"),
        ("follow-up", "P3"),
        ("decision", "O1"),
        ("start", "O1"),
    } <= on_28
    assert ("lesson", "P2") not in on_28 and ("thank-you", "I4") not in on_28
    on_nov_2 = {(d["kind"], d["id"]) for d in views.deadlines(b.at(dt.date(2026, 11, 2)))}
    assert {("lesson", "P2"), ("thank-you", "I4"), ("thank-you", "I1")} <= on_nov_2
    assert ("thank-you", "I2") not in on_nov_2


def test_stats_say_in_one_line_that_as_of_counts_every_row(book, capsys):
    """A book without History (docs/definitions.md § History): a past day's statistics count every row as it stands."""
    code, out, err = run(capsys, "stats", book, "--as-of", "2026-10-01", "--json")
    assert code == 0 and out.startswith("{")
    assert err.strip().splitlines() == [
        "note: statistics count every row as it stands now, not as it stood on 2026-10-01: the "
        "book has no History yet (jobbook record starts it)"
    ]
    today = dt.date.today().isoformat()  # the book pins an AsOf in the past: today's counts
    code, out, err = run(capsys, "stats", book, "--as-of", today)
    assert code == 0 and "note:" not in err


@pytest.mark.parametrize(
    "args, cell, why",
    [
        (["follow-up", "P1"], "Pipeline!M2", 'P1\'s Next action is "Withdraw: accepted Delta"'),
        (["follow-up", "P4"], "Pipeline!M5", "write that letter instead (jobbook draft "
                                             "closed.xlsx decline O2)"),
        (["follow-up", "P3"], "Pipeline!H4", "P3 was applied to on 28 October 2026, after the "
                                             "as-of date 21 October 2026"),
        (["decline", "O1"], "Offers!E2", "O1 was made on 26 October 2026, after the as-of date"),
        (["thank-you", "I2"], "Interviews!L3", "I2 is Cancelled: a thank-you follows an "
                                               "interview that took place"),
        (["thank-you", "I1"], "Interviews!E2", "I1 is on 23 October 2026, after the as-of date"),
    ],
)  # fmt: skip
def test_drafts_refuse_what_is_closed_or_not_yet_known(book, capsys, args, cell, why):
    code, out, err = run(capsys, "draft", book, *args)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"Error: {book}: {cell}: ") and why in err, err


def test_drafts_of_what_is_known_still_write(book, capsys):
    """Controls for the refusals above: a withdrawal of the application whose Next action says so,
    a decline of the open offer known on the day, a thank-you for the interview held."""
    for args in (["withdraw", "P1"], ["decline", "O2"], ["thank-you", "I3"]):
        code, out, err = run(capsys, "draft", book, *args)
        assert code == 0 and out.startswith("Subject: "), (args, err)


@pytest.mark.parametrize(
    "args, command",
    [
        ([], None),
        (["stats"], "stats"),
        (["deadlines", "x.xlsx", "--within", "soon"], "deadlines"),
        (["stats", "x.xlsx", "--json", "--csv"], "stats"),
        (["done", "x.xlsx", "start", "O1"], "done"),
        (["accept", "x.xlsx", "O1", "--notice-given", "26/10/2026"], "accept"),
        (["nope"], ""),
    ],
)
def test_a_usage_error_is_one_error_line_and_where_to_look(capsys, args, command):
    """README § The command line: exit 2, `Error: ...` on one line, then `Try 'jobbook CMD --help'`; no
    click usage lines. `jobbook` alone prints the help."""
    code, out, err = run(capsys, *args)
    if command is None:
        assert code in (0, 2) and "Usage: jobbook" in out + err and "Commands:" in out + err
        return
    lines = err.strip().splitlines()
    assert code == 2 and out == "" and len(lines) == 2, err
    assert lines[0].startswith("Error: ") and "Usage:" not in err
    assert lines[1] == f"Try 'jobbook{' ' + command if command else ''} --help'"


def test_the_report_owes_no_thank_you_for_an_interview_that_will_not_take_place(book):
    """The report's thank-you notes count the interviews held and ahead, not the Cancelled one
    nor the Withdrawn application's interview ahead; its lists are `jobbook deadlines`'."""
    from jobbook.report.data import build

    b = jobbook.read_book(book)
    r = build(b, "2026-10")
    counts = r.thank_you.set_index("Scope").loc["All time"]
    assert counts.sum() == 3  # I3 (Missing), I4 and I5 (Not yet due); not I1, I2
    assert (counts["Missing"], counts["Not yet due"]) == (1, 2)
    listed = [(d, k, i) for d, k, i, _, _ in closed_book.EXPECTED]
    got = pd.concat([r.overdue, r.upcoming])
    assert {(str(x), y) for x, y in zip(got["id"], got["kind"])} <= {(i, k) for _, k, i in listed}


def test_import_update_that_closes_an_application_cancels_its_interviews_ahead(
    book, tmp_path, capsys
):
    """A newer export says Eps rejected P5: `import --update` closes it, and its interview of
    tomorrow (I5) becomes Cancelled on the day it closed, through the one closing function that
    accept and done use; the earlier interviews of other applications are left as they were."""
    from conftest import copy_of

    mine = copy_of(book, tmp_path)
    src = tmp_path / "newer.csv"
    src.write_text("Company,Date applied,Status,Source\nEps,2026-10-13,Rejected,Recruiter\n")
    code, out, err = run(capsys, "import", mine, src, "--update", "--as-of", "2026-10-21")
    assert code == 0, err
    assert "interviews cancelled: I5 on 2026-10-22" in out
    b = jobbook.read_book(mine)
    p = b.tables["Pipeline"].set_index("ID")
    i = b.tables["Interviews"].set_index("ID")
    assert p.at["P5", "Status"] == "Rejected"
    assert i.at["I5", "Outcome"] == "Cancelled"
    assert pd.Timestamp(i.at["I5", "Outcome date"]).date() == closed_book.AS_OF
    assert i.at["I3", "Outcome"] != "Cancelled" and pd.isna(i.at["I1", "Outcome"])
    assert ("thank-you", "I5") not in {(d["kind"], d["id"]) for d in views.deadlines(b)}

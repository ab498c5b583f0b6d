"""jobbook import on trackers as people keep them (issue 19): every application arrives, each status
as its owner meant it, in one run, and whatever jobbook could not place is named in the summary.
The fixtures (tests/trackers.py) are one per class of real file; the book is a new, empty one
pinned to 2026-10-21, so that the 30-day rule has a fixed today."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
import trackers as T

import jobbook
from jobbook.cli import main

from conftest import PINNED, copy_of


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    from jobbook.template import new_workbook

    return new_workbook(tmp_path_factory.mktemp("blank") / "search.xlsx", as_of=PINNED)


@pytest.fixture
def book(blank, tmp_path) -> Path:
    return copy_of(blank, tmp_path)


def run(capsys, *args, code: int = 0) -> dict:
    got = main([*map(str, args), "--as-of", PINNED.isoformat(), "--json"])
    out = capsys.readouterr()
    assert got == code, out.err
    return json.loads(out.out) if code == 0 else {"err": out.err}


def pipeline(book: Path) -> pd.DataFrame:
    b = jobbook.read_book(book)
    assert b.errors == []
    return b.tables["Pipeline"]


def by_company(p: pd.DataFrame, company: str) -> dict:
    return p[p["Company"] == company].iloc[0].to_dict()


def uses(got: dict) -> dict[str, tuple[str, str]]:
    return {c["column"]: (c["use"], c["how"]) for c in got["columns"]}


def test_a_bootcamp_template(book, tmp_path, capsys):
    """A title above the header, checkboxes, 150 rows of defaults, a repeated LOCATION column,
    salary ranges, a computed column: every filled row arrives, as its owner meant it."""
    got = run(capsys, "import", book, T.bootcamp_xlsx(tmp_path / "tracker.xlsx"))
    assert len(got["added"]) == len(T.BOOTCAMP_ROWS) == 12  # both Oakmont applications too
    assert got["template_rows"] == T.BOOTCAMP_TEMPLATE_ROWS and got["skipped"] == []
    assert got["unknown_statuses"] == {}
    u = uses(got)
    assert u["#"] == ("ignored", "row numbers")
    assert u["Company Name"][0] == "Company" and u["Salary Range"][0] == "Salary"
    assert u["LOCATION"][0] == u["LOCATION#2"][0] == "Location"
    assert u["Applied?"][0] == "Date applied" and u["Interview?"][0] == "Interview date"
    assert u["Days Since Applied"][0] == "ignored"
    p = pipeline(book)
    want = {
        "Fernhill Labs": ("Offer", "Accepted"),
        "Brightwave": ("Interview", "Rejected"),  # "Rejected " with its Interview box ticked
        "Cobalt Health": ("Interview", "Active"),
        "Northgate Bank": ("Applied", "No response"),  # Ghosted
        "Pinecrest Retail": ("Final", "Active"),
        "Quarry Systems": ("Wishlist", "Active"),
        "Lattice Energy": ("Offer", "Active"),  # Negotiating Offer
        "Meridian Media": ("Applied", "Active"),  # Pending
        "Harborview Hospital": ("Screen", "Active"),
        "Silverline Logistics": ("Applied", "Withdrawn"),
    }
    assert {c: (by_company(p, c)["Stage"], by_company(p, c)["Status"]) for c in want} == want
    fern, bright = by_company(p, "Fernhill Labs"), by_company(p, "Brightwave")
    assert (fern["Salary min"], fern["Salary max"]) == (80000, 95000)
    assert (bright["Salary min"], bright["Salary max"]) == (80000, 95000)  # 80-95k
    assert bright["Location"] == "Remote"  # the first LOCATION is empty: the second gives it
    assert by_company(p, "Quarry Systems")["Notes"] == "Deadline Oct 30; Salary Range: $25/hr"
    assert by_company(p, "Cobalt Health")["Date applied"] == pd.Timestamp("2026-09-08")  # text
    oak = p[p["Company"] == "Oakmont Insurance"]
    assert sorted(oak["Date applied"].dt.date) == [dt.date(2026, 7, 1), dt.date(2026, 9, 28)]
    stats = jobbook.views.stats(jobbook.read_book(book))
    assert stats["accepted"] == 1 and stats["offer_rate"] == pytest.approx(2 / 11)
    contacts = jobbook.read_book(book).tables["Contacts"]
    assert sorted(contacts["Name"]) == ["Dana Ruiz", "Sam Oyelaran"]


def test_map_names_a_repeated_column(book, tmp_path, capsys):
    src = T.bootcamp_xlsx(tmp_path / "tracker.xlsx")
    got = run(capsys, "import", book, src, "--map", "Company=Company Name,Location=LOCATION#2")
    assert uses(got)["LOCATION#2"] == ("Location", "--map")
    assert uses(got)["LOCATION"][0] == "Notes"  # not asked for: kept, never lost
    p = pipeline(book)
    assert by_company(p, "Pinecrest Retail")["Location"] == "Hybrid - Boston"
    assert pd.isna(by_company(p, "Fernhill Labs")["Location"])
    assert "LOCATION: Denver, CO" in by_company(p, "Fernhill Labs")["Notes"]


def test_a_students_csv_all_problems_in_one_run(book, tmp_path, capsys):
    before = book.read_bytes()
    bad = T.student_csv(tmp_path / "internships.csv", bad=True)
    err = run(capsys, "import", book, bad, code=1)["err"]
    assert err.count("Error:") == 1 and "Traceback" not in err, err
    assert "3 cells cannot be read, in 3 row(s); nothing imported" in err
    for row, value, why in (
        (7, "8/82019", "is not a date"),
        (8, "8-Jul", "has no year"),
        (9, "8/3/2019 and 9/9/2019", "is not a date"),
    ):
        assert f"internships.csv row {row}: {value!r} {why} (Applied Date)" in err, err
    assert book.read_bytes() == before
    got = run(capsys, "import", book, bad, "--skip-invalid")
    assert len(got["added"]) == len(T.STUDENT_ROWS)
    assert [i["where"][-5:] for i in got["invalid"]] == ["row 7", "row 8", "row 9"]
    assert {i["column"] for i in got["invalid"]} == {"Applied Date"}


def test_a_students_jokey_status_words(book, tmp_path, capsys):
    src = T.student_csv(tmp_path / "internships.csv")
    got = run(capsys, "import", book, src)
    assert got["unknown_statuses"] == {"rip": 1, "lol no": 1, "\U0001f480": 1}
    assert got["no_response"] == 0  # every row states a status: none is No response by age
    assert uses(got)["Where I found it"][1].startswith("guess (")
    p = pipeline(book)
    want = {
        "Google": ("Applied", "Rejected"),  # reeejected
        "Jane Street": ("Applied", "Rejected"),  # Rejection :(
        "Stripe": ("Applied", "No response"),  # ghosted 👻
        "Two Sigma": ("Screen", "Active"),  # OA received
        "Palantir": ("Applied", "Active"),  # rip: not understood, kept, open
        "Datadog": ("Final", "Active"),  # final round!!
        "Duolingo": ("Offer", "Active"),  # OFFER 🎉🎉
        "Epic Systems": ("Applied", "Active"),  # pending
        "Capital One": ("Applied", "Active"),  # ongoing
        "Bloomberg": ("Applied", "No response"),  # no reply
        "Amazon": ("Interview", "Active"),
        "IBM": ("Screen", "Active"),  # HireVue done
        "Salesforce": ("Offer", "Accepted"),
        "Microsoft": ("Applied", "No response"),  # never heard back
    }
    assert {c: (by_company(p, c)["Stage"], by_company(p, c)["Status"]) for c in want} == want
    assert by_company(p, "Palantir")["Notes"] == "friend of Maya; Result: rip"
    assert by_company(p, "Jane Street")["Source"] == "Career fair"  # as the book spells it
    assert by_company(p, "Google")["Source"] == "Handshake"  # other text kept as written
    assert by_company(p, "Jane Street")["Date applied"] == pd.Timestamp("2025-09-20")


def test_status_settles_unknown_words(book, tmp_path, capsys):
    src = T.student_csv(tmp_path / "internships.csv")
    got = run(
        capsys, "import", book, src, "--status", "rip=Rejected,lol no=Withdrawn,💀=Final/Rejected"
    )
    assert got["unknown_statuses"] == {}
    p = pipeline(book)
    assert (by_company(p, "Palantir")["Status"], by_company(p, "Citadel")["Status"]) == ("Rejected", "Withdrawn")  # fmt: skip
    assert (by_company(p, "Meta")["Stage"], by_company(p, "Meta")["Status"]) == ("Final", "Rejected")  # fmt: skip


@pytest.mark.parametrize(
    "arg, message",
    [("rip", "is not WORD=STATUS"), ("rip=Frozen", "'Frozen' \\(for 'rip'\\) is not a Status")],
)
def test_status_usage_errors(book, tmp_path, capsys, arg, message):
    src = T.student_csv(tmp_path / "internships.csv")
    err = run(capsys, "import", book, src, "--status", arg, code=2)["err"]
    assert re.search(message, err), err


def test_a_script_written_sheet_with_iso_text_and_a_stage_history(book, tmp_path, capsys):
    from jobbook.importers import read_files

    src = T.script_xlsx(tmp_path / "export.xlsx")
    reading = read_files([src])
    acme = reading.found[0]
    assert [(e.day.isoformat(), e.stage, e.status) for e in acme.events] == [
        ("2026-08-03", "Applied", "Active"),
        ("2026-08-12", "Screen", "Active"),
        ("2026-08-25", "Interview", "Active"),
        ("2026-09-02", None, "Rejected"),
    ]  # the dated steps, for History to record
    got = run(capsys, "import", book, src)
    u = uses(got)
    assert u["stage_history"][0] == "Stage history" and u["interviewer"][0] == "Notes"
    p = pipeline(book)
    a = by_company(p, "Acme Analytics")
    assert (a["Stage"], a["Status"], a["First response"], a["Last contact"]) == (
        "Interview",
        "Rejected",
        pd.Timestamp("2026-08-12"),
        pd.Timestamp("2026-09-02"),
    )
    g = by_company(p, "Globex")
    assert (g["Date applied"], g["Stage"], g["Status"]) == (pd.Timestamp("2026-09-14"), "Screen", "Active")  # fmt: skip
    i = by_company(p, "Initech")  # no status, applied in June: the 30-day rule
    assert (i["Stage"], i["Status"]) == ("Applied", "No response") and got["no_response"] == 1
    assert by_company(p, "Umbrella Corp")["Stage"] == "Offer"


def test_a_linkedin_export_of_years_with_reposted_jobs(book, tmp_path, capsys):
    export = T.linkedin_years_zip(tmp_path / "Basic_LinkedInDataExport.zip")
    got = run(capsys, "import", book, export, "--dry-run")
    assert len(got["added"]) == T.LINKEDIN_DISTINCT + 1  # every application, and the saved job
    assert [s["reason"] for s in got["skipped"]] == [
        "the same application as A006, merged (the same posting)"
    ]  # the application clicked twice
    assert len(got["other_postings"]) == 5 and got["possible_duplicates"] == []
    got = run(capsys, "import", book, export, "--since", "2026-01-01")
    assert [a["company"] for a in got["added"]] == [
        "Vantage Robotics", "Vantage Robotics", "Kestrel Bank", "Kestrel Bank", "Kestrel Bank",
        "Juniper Air",
    ]  # fmt: skip
    assert got["before_since"] == 6  # rows: the Northwind application clicked twice is two
    got = run(capsys, "import", book, export)  # the rest of the history, later
    assert len(got["added"]) == 5 and len(got["skipped"]) == 7
    p = pipeline(book)
    assert (p["Company"] == "Vantage Robotics").sum() == 3


def test_a_huntr_export_of_two_boards_over_two_years(book, tmp_path, capsys):
    got = run(capsys, "import", book, T.huntr_csv(tmp_path / "huntr.csv"))
    assert len(got["added"]) == len(T.HUNTR_ROWS)
    p = pipeline(book)

    def row(company):
        r = by_company(p, company)
        return r["Date applied"], r["Stage"], r["Status"], r["Last contact"]

    ts, nat = pd.Timestamp, pd.NaT
    assert row("Birchwood Partners")[1:3] == ("Applied", "No response")  # unmoved since 2025
    assert row("Crescent Capital")[1:] == ("Applied", "Rejected", ts("2025-03-01"))
    assert row("Dovetail Labs")[1:3] == ("Screen", "No response")  # a list unmoved for 30 days
    assert row("Elmstead Foods")[:3] == (ts("2026-10-06"), "Applied", "Active")  # moved to Applied
    assert row("Foxglove Media")[1:3] == ("Applied", "No response")
    assert row("Granite Cloud")[1:] == ("Interview", "Active", ts("2026-10-15"))
    assert row("Hollyhock Bank")[1:3] == ("Offer", "Active")
    assert row("Ironbark AI")[0] is nat and row("Ironbark AI")[1] == "Wishlist"
    assert row("Juniper Air")[1:3] == ("Screen", "Active")  # the Take-home list
    notes = by_company(p, "Dovetail Labs")["Notes"]
    assert (
        notes == "Imported from Huntr (board Internships 2025, list Phone Screen); salary: $30/hr"
    )
    assert got["no_response"] == 3


def test_update_brings_rows_up_to_a_newer_export(book, tmp_path, capsys):
    src = T.huntr_csv(tmp_path / "huntr.csv")
    run(capsys, "import", book, src)
    newer = [list(r) for r in T.HUNTR_ROWS]
    for r in newer:
        if r[2] == "Elmstead Foods":
            r[4], r[7] = "Interview", "2026-10-20T10:00:00.000Z"
        if r[2] == "Foxglove Media":
            r[4], r[7] = "Rejected", "2026-10-18T10:00:00.000Z"
        if r[2] == "Granite Cloud":
            r[4] = "Applied"  # an older state of the card: says less, changes nothing
    src2 = tmp_path / "huntr-newer.csv"
    T.HUNTR_ROWS, old = newer, T.HUNTR_ROWS
    try:
        T.huntr_csv(src2)
    finally:
        T.HUNTR_ROWS = old
    got = run(capsys, "import", book, src2)
    assert got["updated"] == [] and [c["id"] for c in got["could_update"]] == ["A004", "A005"]
    before = book.read_bytes()
    got = run(capsys, "import", book, src2, "--update", "--dry-run")
    assert {(c["sheet"], c["cell"], c["old"], c["new"]) for c in got["cells"]} == {
        ("Pipeline", "I5", "Applied", "Interview"),
        ("Pipeline", "L5", None, "2026-10-20"),
        ("Pipeline", "J6", "No response", "Rejected"),
        ("Pipeline", "L6", None, "2026-10-18"),
    }
    assert book.read_bytes() == before
    got = run(capsys, "import", book, src2, "--update")
    assert [u["reason"] for u in got["updated"]] == [
        "Stage Applied -> Interview, Last contact (blank) -> 2026-10-20 (the same posting)",
        "Status No response -> Rejected, Last contact (blank) -> 2026-10-18 (the same company and role, 1 day apart)",
    ]  # fmt: skip
    p = pipeline(book)
    assert by_company(p, "Granite Cloud")["Stage"] == "Interview"


def test_every_application_arrives(book, tmp_path, capsys):
    """Two files of one's own, without postings: a file's rows on other dates are other
    applications; across files the same company and role within 30 days are one (the earliest
    date, the most telling outcome), further apart two, both listed."""
    a = tmp_path / "spring.csv"
    a.write_text(
        "Employer,Position,Submitted on,Outcome\n"
        "Acme,Analyst,2026-03-02,Applied\n"
        "Acme,Analyst,2026-05-20,Applied\n"  # the same file, months later: another application
        "Bolt,Engineer,2026-03-05,Applied\n"
        "Core,Engineer,2026-03-06,Interviewing\n"
    )
    b = tmp_path / "later.csv"
    b.write_text(
        "Company,Job title,Date applied,Status\n"
        "ACME Inc.,Analyst,2026-05-28,Rejected\n"  # within 30 days of the May one: merged
        "Bolt,Engineer,2026-03-01,Applied\n"  # earlier: Bolt's date becomes this one
        "Core,Engineer,2026-09-01,Applied\n"  # 179 days after: another application, listed
    )
    got = run(capsys, "import", book, a, b)
    assert [x["company"] for x in got["added"]] == ["Acme", "Acme", "Bolt", "Core", "Core"]
    assert [(d["company"], d["like"], d["reason"]) for d in got["possible_duplicates"]] == [
        ("Core", "A004", "the same company and role, 179 days apart")
    ]
    p = pipeline(book)
    acme = p[p["Company"] == "Acme"].sort_values("Date applied")
    assert list(acme["Status"]) == ["Active", "Rejected"]  # the later file says more
    assert by_company(p, "Bolt")["Date applied"] == pd.Timestamp("2026-03-01")


def test_header_synonyms_and_guesses(book, tmp_path, capsys):
    src = tmp_path / "mine.csv"
    src.write_text(
        "Compnay,Role Name,Date Submitted,Application Status,Job Link,Interviewer,Misc\n"
        "Acme,Analyst,2026-10-01,Phone screen,https://acme.example/j/1,Kim,\n"
    )
    got = run(capsys, "import", book, src)
    u = uses(got)
    assert u["Compnay"][0] == "Company" and u["Compnay"][1].startswith("guess (86% like")
    assert [u[c][0] for c in ("Role Name", "Date Submitted", "Application Status", "Job Link")] == [
        "Role",
        "Date applied",
        "Status",
        "Posting URL",
    ]
    assert u["Interviewer"] == ("Notes", "kept as 'Interviewer: value'")  # not a date column
    assert u["Misc"] == ("ignored", "empty")
    main(["import", str(book), str(src), "--as-of", PINNED.isoformat(), "--dry-run"])
    out = capsys.readouterr().out
    assert re.search(r"Compnay\s+Company\s+guess \(86% like 'Company'", out), out


@pytest.mark.parametrize("command", ["check", "stats", "offers", "deadlines"])
def test_ones_own_tracker_given_as_a_book(tmp_path, capsys, command):
    own = T.bootcamp_xlsx(tmp_path / "tracker.xlsx")
    assert main([command, str(own)]) == 1
    err = capsys.readouterr().err
    assert err.count("Error:") == 1 and "Traceback" not in err
    assert "no Pipeline sheet, but its sheet 'Applications' looks like a job tracker" in err
    assert f"jobbook import NEW.xlsx {own}" in err


def test_a_bad_cell_of_a_sheet_is_named_by_its_cell(book, tmp_path, capsys):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026 search"
    ws.append(["My applications"])
    ws.append(["Employer", "Position", "Applied on", "Stage history"])
    ws.append(["Acme", "Analyst", "Sept 31, 2026", "Applied 2026-09-01; Lunch 2026-09-03"])
    ws.append(["Bolt", "Engineer", dt.datetime(2026, 9, 2), "2026-09-02 applied, 2026-09-09 Phone screen"])  # fmt: skip
    wb.save(tmp_path / "mine.xlsx")
    err = run(capsys, "import", book, tmp_path / "mine.xlsx", code=1)["err"]
    # the cell, as Excel names it (a sheet name with a space in quotes)
    assert "mine.xlsx '2026 search'!C3: 'Sept 31, 2026' is not a date (Applied on)" in err, err
    assert (
        "mine.xlsx '2026 search'!D3: 'Applied 2026-09-01; Lunch 2026-09-03' has a step 'Lunch'"
        in err
    )
    got = run(capsys, "import", book, tmp_path / "mine.xlsx", "--skip-invalid")
    assert [a["company"] for a in got["added"]] == ["Bolt"]
    bolt = by_company(pipeline(book), "Bolt")
    assert (bolt["Stage"], bolt["First response"]) == ("Screen", pd.Timestamp("2026-09-09"))

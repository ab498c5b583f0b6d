"""jobbook import: LinkedIn's export (folder or .zip), Huntr, Teal, one's own CSV or sheet with
--map; duplicates skipped, near matches reported, IDs continued, errors that name file and row."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from exports import (
    HUNTR,
    LINKEDIN_ADDED,
    LINKEDIN_SKIPPED,
    OWN_CSV,
    OWN_MAP,
    TEAL,
    linkedin_folder,
    linkedin_zip,
    write,
)

import jobbook
from jobbook.cli import main
from jobbook.importers import read_files
from jobbook.importers.match import Matcher, company_key, posting_key
from jobbook.intents.importing import next_ids

from conftest import copy_of


@pytest.fixture
def book(pinned_samples, tmp_path) -> Path:
    return copy_of(pinned_samples[".xlsx"], tmp_path)


def run_json(capsys, *args) -> dict:
    assert main([*map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_linkedin_folder_and_zip_read_the_same(tmp_path):
    folder = read_files([linkedin_folder(tmp_path / "export")])
    zipped = read_files([linkedin_zip(tmp_path / "export2.zip")])
    assert [f.values for f in folder] == [f.values for f in zipped]
    assert len(folder) == LINKEDIN_ADDED + LINKEDIN_SKIPPED
    muller = next(f for f in folder if f.values["Company"].startswith("Müller"))
    assert muller.values == {
        "Company": "Müller & Söhne GmbH",
        "Role": "Data Engineer, Platform",
        "Posting URL": "https://www.linkedin.com/jobs/view/3791234567/?refId=abc&trackingId=xyz",
        "Source": "LinkedIn",
        "Stage": "Applied",
        "Date applied": dt.date(2026, 10, 14),
        # the screening questions answered with the application are kept, on one line
        "Notes": "Applied on LinkedIn with cv-2026.pdf. "
        "Screening questions: Why us?: Because, simply, you build things",
    }
    assert muller.origin.endswith("Job Applications.csv row 5")  # a blank line is a row too
    saved = [f for f in folder if "Saved Jobs" in f.origin]
    assert {f.values["Stage"] for f in saved} == {"Wishlist"}
    assert all("Date applied" not in f.values for f in saved)


def test_linkedin_export_into_the_sample(book, tmp_path, capsys):
    export = linkedin_zip(tmp_path / "Basic_LinkedInDataExport.zip")
    before = jobbook.read_book(book)
    got = run_json(capsys, "import", book, export)
    assert [a["id"] for a in got["added"]] == [f"A{n:03d}" for n in range(62, 62 + LINKEDIN_ADDED)]
    assert [s["like"] for s in got["skipped"]] == ["A001", "A002", "A062", "A066"]
    assert [(p["id"], p["like"]) for p in got["possible_duplicates"]] == [("A064", "A009")]
    assert got["written"] and got["backup"] and Path(got["backup"]).exists()
    after = jobbook.read_book(book)
    assert after.errors == []
    p = after.tables["Pipeline"].set_index("ID")
    assert len(p) == len(before.tables["Pipeline"]) + LINKEDIN_ADDED
    assert p.at["A062", "Posting URL"] == "https://www.linkedin.com/jobs/view/3791234567/"
    assert (p.at["A062", "Status"], p.at["A063", "Status"]) == ("Active", "No response")
    assert p.at["A067", "Stage"] == "Wishlist" and pd.isna(p.at["A067", "Date applied"])
    assert p.at["A063", "Company"] == "Łódź Logistics"
    assert (
        jobbook.views.stats(after)["applications"]
        == jobbook.views.stats(before)["applications"] + 5
    )
    again = run_json(capsys, "import", book, export)  # the same export once more: nothing new
    assert again["added"] == [] and len(again["skipped"]) == LINKEDIN_ADDED + LINKEDIN_SKIPPED
    assert not again["written"]


def test_huntr_teal_and_own_files(book, tmp_path, capsys):
    huntr, teal = write(tmp_path / "huntr.csv", HUNTR), write(tmp_path / "teal.csv", TEAL)
    own = write(tmp_path / "own.csv", OWN_CSV, "cp1252")
    got = run_json(capsys, "import", book, huntr, teal)
    assert [a["company"] for a in got["added"]] == [
        "Northwind Traders",
        "Contoso",
        "Fabrikam",
        "Adatum",
    ]
    assert [s["like"] for s in got["skipped"]] == ["A001"]  # Teal's Wavelength Radio
    got = run_json(capsys, "import", book, own, "--map", OWN_MAP)
    assert got["contacts_added"] == 1
    b = jobbook.read_book(book)
    assert b.errors == []
    p = b.tables["Pipeline"].set_index("Company")
    assert tuple(p.loc["Northwind Traders", ["Salary min", "Salary max", "Stage", "Location"]]) == (
        120000,
        140000,
        "Applied",
        "Remote",
    )
    assert p.at["Contoso", "Stage"] == "Wishlist" and pd.isna(p.at["Contoso", "Date applied"])
    assert (p.at["Fabrikam", "Status"], p.at["Fabrikam", "Salary min"]) == ("Rejected", 130000)
    assert (p.at["Adatum", "Stage"], p.at["Adatum", "Excitement"], p.at["Adatum", "Notes"]) == (
        "Interview",
        4,
        "Met at a meetup",
    )
    assert p.at["Adatum", "Posting URL"] == "https://adatum.example/careers/9"
    assert p.at["Tailspin Toys", "Date applied"] == pd.Timestamp("2026-10-12")
    evil = '=HYPERLINK("http://evil")'
    assert evil in p.index  # kept as text...
    ws = openpyxl.load_workbook(book)["Pipeline"]
    cell = next(c for c in ws["B"] if c.value == evil)
    assert cell.data_type == "s"  # ...never a formula
    contact = b.tables["Contacts"].iloc[-1]
    new_id = p.at["Tailspin Toys", "ID"]  # fmt: skip
    assert (contact["Name"], contact["Email"], contact["Application ID"]) == ("José Núñez", "jose@tailspin.example", new_id)  # fmt: skip


def test_a_sheet_of_ones_own_with_map(book, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["My applications"])  # a title above the header
    ws.append([])
    ws.append(["Employer", "Position", "Applied on"])
    ws.append(["Globex", "Data Analyst", dt.datetime(2026, 10, 1)])
    ws.append([None, None, None])
    ws.append(["Initech", "Analyst", "2026-10-02"])
    wb.save(tmp_path / "mine.xlsx")  # fmt: skip
    got = run_json(
        capsys,
        "import",
        book,
        tmp_path / "mine.xlsx",
        "--map",
        "Company=Employer,Role=Position,Date applied=Applied on",
    )
    assert [(a["company"], a["from"].rsplit(" ", 2)[-2:]) for a in got["added"]] == [("Globex", ["row", "4"]), ("Initech", ["row", "6"])]  # fmt: skip


@pytest.mark.parametrize(
    "content, args, code, message",
    [
        ("Application Date,Company Name,Job Title\n\"yesterday\",Acme,Dev\n", [], 1, r"bad\.csv row 2: 'yesterday' is not a date \(Application Date\)"),
        ("Lead,Thing\nAcme,Dev\n", [], 1, r"bad\.csv: row 1: not a LinkedIn, Huntr or Teal export .*--map"),
        ("Employer,Position\nAcme,Dev\n", ["--map", "Company=Firm"], 1, r"bad\.csv: row 1: no column 'Firm'"),
        ("Employer\nAcme\n", ["--map", "Company"], 2, r"--map: 'Company' is not HEADER=COLUMN"),
        ("Employer\nAcme\n", ["--map", "Boss=Employer"], 2, r"--map: 'Boss' is not a Pipeline header"),
        ("Employer\nAcme\n", ["--from", "huntr", "--map", "Company=Employer"], 2, r"--map works with --from csv"),
        ("title,companyName\nDev,Acme\n", ["--from", "teal"], 1, r"bad\.csv: row 1: not a teal export"),
    ],
)  # fmt: skip
def test_bad_files_are_errors_naming_file_and_row(
    book, tmp_path, capsys, content, args, code, message
):
    import re

    before = book.read_bytes()
    bad = write(tmp_path / "bad.csv", content)
    assert main(["import", str(book), str(bad), *args]) == code
    err = capsys.readouterr().err
    assert re.search(message, err), err
    assert "Traceback" not in err and book.read_bytes() == before


def test_dry_run_and_a_zip_without_jobs(book, tmp_path, capsys):
    before = book.read_bytes()
    export = linkedin_zip(tmp_path / "export.zip")
    assert main(["import", str(book), str(export), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Would change" in out and "Pipeline!B63: (blank) -> Müller & Söhne GmbH" in out
    assert book.read_bytes() == before and len(list(book.parent.glob("*.backup-*"))) == 0
    empty = tmp_path / "other.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("Connections.csv", "a,b\n")
    assert main(["import", str(book), str(empty)]) == 1
    assert "no Jobs/Job Applications*.csv" in capsys.readouterr().err


def test_postings_companies_and_ids():
    assert (
        posting_key("https://www.linkedin.com/jobs/view/senior-dev-at-acme-3791234567?trk=x")
        == "linkedin:3791234567"
    )
    assert (
        posting_key("linkedin.com/jobs/collections/recommended/?currentJobId=3791234567")
        == "linkedin:3791234567"
    )
    assert posting_key("https://Jobs.Example.com/a/1/?utm_source=x&b=2#top") == posting_key(
        "http://jobs.example.com/a/1?b=2"
    )
    assert company_key("ACME, Inc.") == company_key("acme") == company_key("The  Acme  LLC")
    assert company_key("Société Générale SA") == "societe generale"
    assert company_key("Inc") == "inc"  # a name that is only a suffix stays a name
    m = Matcher()
    assert m.check("Acme", "Dev", None).kind == "new"
    assert next_ids(["A060", "A059", "X1"], 2) == ["A061", "A062"]
    assert next_ids(["APP-7", "APP-9", "APP-10"], 1) == ["APP-11"]
    assert next_ids(["a9"], 1) == ["a10"] and next_ids([], 2) == ["A001", "A002"]
    assert next_ids(["A1", "A2", "A03"], 1) == ["A04"]  # zero-padded as the padded ones are

"""jobbook import, the rules that decide what a file's cells mean: which text is a posting, which
company names are one, how a column writes its dates and numbers, a wishlist row applied to since,
and a workbook to import passing the reader's guard."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from corpus import changed, far_cell
from exports import write

import jobbook
from jobbook.cli import main
from jobbook.errors import ImportFailed
from jobbook.importers._common import decimal_mark, parse_amounts, source_of
from jobbook.importers._rows import Rows
from jobbook.importers.match import Matcher, company_key, posting_key, real_host

from conftest import copy_of


@pytest.fixture
def book(pinned_samples, tmp_path) -> Path:
    return copy_of(pinned_samples[".xlsx"], tmp_path)


def test_only_an_http_address_is_a_posting():
    for text in ("see email", "n/a", "Referral from Sam", "mailto:hr@acme.example", "acme.com"):
        assert posting_key(text) is None, text
    assert posting_key("https://acme.example/") is None  # a home page names no posting
    assert posting_key("jobs.acme.example/7") == posting_key("https://jobs.acme.example/7/")
    m = Matcher()
    assert m.check("Acme", "Dev", "see email").kind == "new"


def test_legal_suffixes_with_dots_and_in_pairs_and_the_real_host():
    for name in ("Acme S.A.", "ACME, Inc.", "Acme GmbH & Co. KG", "Acme Pty Ltd", "Acme S.p.A."):
        assert company_key(name) == "acme", name
    assert (
        company_key("Maersk A/S") == "maersk" and company_key("Data/Science Ltd") == "data science"
    )
    assert company_key("Sp. z o.o.") != ""  # a name that is only suffixes keeps a word
    url = "https://jo:secret@Jobs.Acme.example:8443/x/1?utm_source=li"
    assert real_host(url) == "jobs.acme.example"
    assert posting_key(url) == posting_key("https://jobs.acme.example/x/1")
    assert source_of("https://me@www.linkedin.com/jobs/view/3791234567/") == "LinkedIn"
    assert source_of("https://www.linkedin.com@evil.example/jobs/view/1/") is None


def test_european_numbers():
    assert parse_amounts("1.234,56") == (1234.56, None)
    assert parse_amounts("85 000 €") == (85000, None)
    assert parse_amounts("85\u202f000 - 95\u202f000") == (85000, 95000)
    assert parse_amounts("$120,000 - $140,000") == (120000, 140000)
    assert parse_amounts("CHF 120'000") == (120000, None)
    assert parse_amounts("12,5k") == (12500, None)
    assert parse_amounts("85.000", decimal_comma=True) == (85000, None)
    assert parse_amounts("1,500", decimal_comma=True) == (1.5, None)
    assert parse_amounts("1,500") == (1500, None)
    assert [decimal_mark(t) for t in ("1.234,56", "12,5", "1,234,567", "1,500", "85000")] == [
        ",",
        ",",
        ".",
        None,
        None,
    ]
    # a column decides for its ambiguous values: here 12,5 says the comma is the decimal mark
    rows = Rows("f.csv", [(2, {"Pay": "12,5"}), (3, {"Pay": "1,500"})])
    assert rows.amounts(rows.rows[1][1], "Pay") == (1.5, None)


def test_dates_are_read_one_way_per_column():
    def column(values, european=False):
        return Rows("f.csv", [(n, {"D": v}) for n, v in enumerate(values, 2)], european)

    rows = column(["03/04/2026", "13/04/2026"])  # 13 can only be a day: day first, both rows
    assert [rows.date(r, "D", f"row {n}") for n, r in rows] == [
        dt.date(2026, 4, 3),
        dt.date(2026, 4, 13),
    ]
    rows = column(["03/04/2026", "04/13/2026"])  # 13 can only be a month: month first
    assert rows.date(rows.rows[0][1], "D", "x") == dt.date(2026, 3, 4)
    assert column(["03/04/2026"]).date({"D": "03/04/2026"}, "D", "x") == dt.date(2026, 3, 4)
    assert column(["03/04/2026"], european=True).date({"D": "03/04/2026"}, "D", "x") == dt.date(
        2026, 4, 3
    )
    # a column of both orders: a value that shows its order reads so, one that could be either
    # is a bad cell naming the rows that disagree
    mixed = column(["13/04/2026", "05/06/2026", "04/13/2026"])
    assert mixed.date(mixed.rows[0][1], "D", "x") == mixed.date(mixed.rows[2][1], "D", "x")
    with pytest.raises(
        ImportFailed,
        match=r"f\.csv row 3: '05/06/2026' could be either day first or month first: the column "
        r"writes dates both ways \('13/04/2026', row 2, is day first; '04/13/2026', row 4",
    ):
        mixed.date(mixed.rows[1][1], "D", "f.csv row 3")


@pytest.mark.parametrize(
    "content, message",
    [
        ("Company,Date applied\nAcme,1899-12-31\n", r"bad\.csv row 2: '1899-12-31' is before 1900 \(Date applied\)"),
        ("Company;Date applied\nAcme;02/01/1850\n", r"bad\.csv row 2: '02/01/1850' is before 1900 \(Date applied\)"),
        ("Company,Date applied\nAcme,13/04/2026\nB,04/13/2026\nC,05/06/2026\n", r"bad\.csv row 4: '05/06/2026' could be either day first or month first"),
    ],
)  # fmt: skip
def test_dates_excel_cannot_hold_or_a_column_of_both_orders(
    book, tmp_path, capsys, content, message
):
    before = book.read_bytes()
    assert main(["import", str(book), str(write(tmp_path / "bad.csv", content))]) == 1
    err = capsys.readouterr().err
    assert re.search(message, err) and err.count("Error:") == 1, err
    assert book.read_bytes() == before


def test_a_semicolon_file_and_a_wishlist_row_applied_to_since(book, tmp_path, capsys):
    """One European CSV: decimal commas, spaces between thousands, day-first dates; two rows whose
    posting is text (not a posting: both added); a company under a suffix pair; the sample's
    wishlist row A061 applied to since (updated, not added); a row saved then applied to in the
    same file (one row, merged, in the first row's spelling)."""
    text = (
        "Company;Role;Posting URL;Date applied;Salary min;Salary max\n"
        "Acme S.A.;Analyst;see email;03/04/2026;1.234,56;85 000\n"
        "Initech GmbH & Co. KG;Engineer;see email;13/04/2026;85.000;95 000 €\n"
        "Orbital Foods Inc.;Data Analyst;;20/10/2026;;\n"
        "Zeta Pty Ltd;Developer;;;;\n"
        "ZETA;Developer;;19/10/2026;;\n"
    )
    src = write(tmp_path / "mine.csv", text, "cp1252")
    before = jobbook.read_book(book).tables["Pipeline"]
    assert main(["import", str(book), str(src), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [a["company"] for a in got["added"]] == ["Acme S.A.", "Initech GmbH & Co. KG", "Zeta Pty Ltd"]  # fmt: skip
    zeta_id = got["added"][2]["id"]
    assert [(u["id"], u["from"][-5:]) for u in got["updated"]] == [("A061", "row 4")]
    assert [s["reason"] for s in got["skipped"]] == [f"the same application as {zeta_id}, merged (saved, then applied to)"]  # fmt: skip
    p = jobbook.read_book(book).tables["Pipeline"].set_index("ID")
    assert len(p) == len(before) + 3
    acme, initech, zeta = (p.loc[a["id"]] for a in got["added"])
    assert (acme["Date applied"], acme["Salary min"], acme["Salary max"]) == (pd.Timestamp("2026-04-03"), 1234.56, 85000)  # fmt: skip
    assert (initech["Date applied"], initech["Salary min"], initech["Salary max"]) == (pd.Timestamp("2026-04-13"), 85000, 95000)  # fmt: skip
    assert acme["Posting URL"] == "see email"  # kept as written, only not a posting key
    assert (zeta["Company"], zeta["Stage"], zeta["Date applied"], zeta["Status"]) == ("Zeta Pty Ltd", "Applied", pd.Timestamp("2026-10-19"), "Active")  # fmt: skip
    a061 = p.loc["A061"]
    assert (a061["Stage"], a061["Date applied"], a061["Status"]) == ("Applied", pd.Timestamp("2026-10-20"), "Active")  # fmt: skip
    assert a061["Company"] == "Orbital Foods" and a061["Notes"] == "Opens in January"


def test_a_workbook_to_import_passes_the_readers_guard(book, tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active.append(["Company", "Role"])
    wb.active.append(["Globex", "Analyst"])
    wb.save(tmp_path / "good.xlsx")
    bad = changed(
        tmp_path / "good.xlsx",
        tmp_path / "far.xlsx",
        xl_worksheets_sheet1_xml=far_cell("XFD1048576"),
    )
    before = book.read_bytes()
    assert main(["import", str(book), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("Error:") == 1 and "Traceback" not in err, err
    assert "far.xlsx" in err and "XFD1048576 holds a value far outside" in err
    assert book.read_bytes() == before


def test_a_text_longer_than_a_cell_holds_is_cut(book, tmp_path, capsys):
    src = write(tmp_path / "long.csv", "Company,Notes\nAcme," + "x" * 40_000 + "\n")
    assert main(["import", str(book), str(src), "--dry-run", "--json"]) == 0
    cells = json.loads(capsys.readouterr().out)["cells"]
    note = next(c["new"] for c in cells if c["new"] and c["new"].startswith("xxx"))
    assert len(note) == 32_767 and note.endswith("\u2026")

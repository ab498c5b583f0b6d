"""jobbook import on the files of the two reviews of issue 19 (round B), each fixture one of a class
of real files (tests/own_trackers.py): day-first dates read as the book's Country writes them and
said, a Notion export dated by its Created time, links behind "Apply here", checkboxes said once,
an unclosed quote and an empty file refused, and what is cut, swapped or refused said."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import own_trackers as T
import pandas as pd
import pytest

import jobbook
from jobbook.cli import main

from conftest import PINNED


@pytest.fixture(scope="module")
def blanks(tmp_path_factory) -> dict[str, Path]:
    from jobbook.template import new_workbook

    d = tmp_path_factory.mktemp("blanks")
    return {
        cc: new_workbook(d / f"search-{cc}.xlsx", country=cc, as_of=PINNED)
        for cc in ("US", "GB", "DE")
    }


def book_of(blanks, tmp_path: Path, country: str = "US") -> Path:
    path = tmp_path / "search.xlsx"
    path.write_bytes(blanks[country].read_bytes())
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([*map(str, args), "--as-of", PINNED.isoformat()])
    out = capsys.readouterr()
    return code, out.out, out.err


def pipeline(book: Path) -> pd.DataFrame:
    b = jobbook.read_book(book, as_of=PINNED)
    assert b.errors == []
    return b.tables["Pipeline"].set_index("Company")


def day(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


# -- 2. day-first dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["GB", "DE"])
def test_a_day_first_country_reads_slash_dates_day_first_and_says_so(
    blanks, tmp_path, capsys, country
):
    book = book_of(blanks, tmp_path, country)
    code, out, err = run(capsys, "import", book, T.uk_csv(tmp_path / "uk.csv"))
    assert code == 0, err
    p = pipeline(book)
    assert {c: day(p.at[c, "Date applied"]) for c in T.UK_DAY_FIRST} == T.UK_DAY_FIRST
    assert day(p.at["Cotswold Bank", "Last contact"]) == dt.date(2026, 10, 7)  # 07/10: 7 Oct
    line = next(ln for ln in out.splitlines() if "'Date of application'" in ln)
    assert line == (
        "6 date(s) in 'Date of application' (uk.csv) could be day or month first: read as day "
        f"first, as in {country}, the book's Country; say --dates mdy to read them the other way."
    )


def test_dates_option_reads_them_the_other_way(blanks, tmp_path, capsys):
    book = book_of(blanks, tmp_path, "GB")
    code, out, _ = run(capsys, "import", book, T.uk_csv(tmp_path / "uk.csv"), "--dates", "mdy")
    assert code == 0
    assert day(pipeline(book).at["Brunel Water", "Date applied"]) == dt.date(2026, 5, 10)
    assert "could be day or month first" not in out  # the user said how: nothing to report


def test_a_us_book_reads_them_month_first_and_says_so_too(blanks, tmp_path, capsys):
    book = book_of(blanks, tmp_path, "US")
    code, out, _ = run(capsys, "import", book, T.uk_csv(tmp_path / "uk.csv"), "--json")
    got = json.loads(out)
    assert got["ambiguous_dates"][0] == {
        "file": str(tmp_path / "uk.csv"),
        "column": "Date of application",
        "dates": 6,
        "read_as": "month first",
        "why": "as in US, the book's Country",
    }
    assert day(pipeline(book).at["Brunel Water", "Date applied"]) == dt.date(2026, 5, 10)


def test_a_column_that_shows_its_order_needs_no_word(blanks, tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text("Company,Date applied\nAcme,25/09/2026\nBolt,05/10/2026\n")
    book = book_of(blanks, tmp_path, "US")
    code, out, _ = run(capsys, "import", book, src)
    assert code == 0 and "could be day or month first" not in out
    assert day(pipeline(book).at["Bolt", "Date applied"]) == dt.date(2026, 10, 5)


def test_dates_option_settles_a_column_written_both_ways(blanks, tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text("Company,Date applied\nAcme,25/09/2026\nBolt,09/26/2026\nCore,05/10/2026\n")
    book = book_of(blanks, tmp_path)
    code, _, err = run(capsys, "import", book, src)
    assert code == 1 and "or say --dates dmy or --dates mdy" in err
    code, _, err = run(capsys, "import", book, src, "--dates", "dmy")
    assert code == 0, err
    p = pipeline(book)
    assert day(p.at["Core", "Date applied"]) == dt.date(2026, 10, 5)
    assert day(p.at["Bolt", "Date applied"]) == dt.date(2026, 9, 26)  # it shows its order


# -- 3. a Notion export: Created time, Last edited time ----------------------------------------------


def test_a_notion_export_is_dated_by_its_created_time(blanks, tmp_path, capsys):
    book = book_of(blanks, tmp_path)
    code, out, err = run(capsys, "import", book, T.notion_csv(tmp_path / "Jobs.csv"), "--json")
    assert code == 0, err
    uses = {c["column"]: (c["use"], c["how"]) for c in json.loads(out)["columns"]}
    assert uses["Created time"] == (
        "Date applied",
        "the day the row was added: the file has no date applied column",
    )
    assert uses["Last edited time"][0] == "Last contact"
    p = pipeline(book)
    assert day(p.at["Aurora Labs", "Date applied"]) == dt.date(2026, 9, 2)
    assert day(p.at["Beacon Health", "Last contact"]) == dt.date(2026, 10, 14)
    assert (p.at["Beacon Health", "Stage"], p.at["Beacon Health", "Status"]) == (
        "Interview",
        "Active",
    )
    assert p.at["Delta Freight", "Stage"] == "Wishlist"
    assert pd.isna(p.at["Delta Freight", "Date applied"])
    assert p.at["Delta Freight", "Notes"] == "Created time: 2026-10-19"
    assert pd.isna(p.at["Delta Freight", "Last contact"])


def test_rows_past_the_wishlist_without_a_date_are_named(blanks, tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(
        "Company,Role,Date applied,Stage\nAcme,Analyst,2026-10-01,Applied\n"
        "Bolt,Engineer,,Interview\nCore,Analyst,,Wishlist\nDyn,Dev,,Rejected\n"
    )
    book = book_of(blanks, tmp_path)
    code, out, _ = run(capsys, "import", book, src)
    assert code == 0
    line = next(ln for ln in out.splitlines() if "with no Date applied" in ln)
    assert line == (
        "2 application(s) past the wishlist with no Date applied, which statistics leave out "
        f"until you fill it: A002 ({src} row 3), A004 ({src} row 5)."
    )


# -- 4. files that cannot be read whole --------------------------------------------------------------


def test_an_unclosed_quote_is_an_error_naming_the_row(blanks, tmp_path, capsys):
    book = book_of(blanks, tmp_path)
    before = book.read_bytes()
    src = T.unclosed_csv(tmp_path / "internships.csv")
    code, _, err = run(capsys, "import", book, src)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"Error: {src}: row 3: a quote opened in this row is not closed")
    assert "'Cobalt AI,ML Intern,9/22/2026,Interviewing,'" in err
    assert book.read_bytes() == before


def test_line_breaks_inside_quotes_are_fine(blanks, tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(
        'Company,Role,Date applied,Notes\nAcme,Analyst,2026-10-01,"Met Sam, nice\n'
        'second line, more"\nBolt,Dev,2026-10-02,x\n'
    )
    book = book_of(blanks, tmp_path)
    assert run(capsys, "import", book, src)[0] == 0
    assert pipeline(book).at["Acme", "Notes"] == "Met Sam, nice second line, more"  # one line


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "the file is empty: nothing to import"),
        ("\r\n\r\n", "the file is empty: nothing to import"),
        (
            "Company,Role,Date applied\r\n",
            "row 1 is a header (Company, Role, Date applied) with no",
        ),
    ],
)
def test_an_empty_file_is_an_error(blanks, tmp_path, capsys, text, message):
    src = tmp_path / "t.csv"
    src.write_text(text)
    code, _, err = run(capsys, "import", book_of(blanks, tmp_path), src)
    assert code == 1 and err == f"Error: {src}: {message}" + err.split(message, 1)[1]
    assert err.count("\n") == 1


# -- 5. links ----------------------------------------------------------------------------------------


def test_links_behind_apply_here_give_the_posting(blanks, tmp_path, capsys):
    book = book_of(blanks, tmp_path)
    code, _, err = run(capsys, "import", book, T.linked_xlsx(tmp_path / "jobs.xlsx"))
    assert code == 0, err
    p = pipeline(book)
    assert {c: p.at[c, "Posting URL"] for c in T.LINKS} == T.LINKS
    assert p.at["Dune Media", "Posting URL"] == "see email"  # a mailto or sheet link is no posting
    assert p.at["Crane Robotics", "Role"] == "Data Engineer"  # the text stays the text


# -- 6. said, not silent ------------------------------------------------------------------------------


def test_a_text_cut_to_a_cell_is_named(blanks, tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(f"Company,Role,Date applied,Notes\nAcme,Analyst,2026-10-01,{'x' * 40000}\n")
    book = book_of(blanks, tmp_path)
    code, out, _ = run(capsys, "import", book, src)
    assert code == 0
    assert "1 text(s) longer than a cell holds (32,767 characters) cut there" in out
    assert "A001 Notes (40,000 characters)" in out
    assert len(pipeline(book).at["Acme", "Notes"]) == 32_767


def test_map_naming_a_target_twice_is_a_usage_error(blanks, tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text("Company,Role\nAcme,Analyst\n")
    code, _, err = run(
        capsys, "import", book_of(blanks, tmp_path), src, "--map", "Company=Company,Company=Role"
    )
    assert code == 2 and "--map names Company twice (Company=Company, Company=Role)" in err


def test_salaries_below_zero_are_bad_cells_and_ranges_high_to_low_are_turned(
    blanks, tmp_path, capsys
):
    src = tmp_path / "t.csv"
    src.write_text(
        "Company,Role,Date applied,Salary\nAcme,Analyst,2026-10-01,-5000\n"
        'Bolt,Dev,2026-10-02,"$95,000 - $80,000"\nCore,Dev,2026-10-03,"$80,000 - $95,000"\n'
    )
    book = book_of(blanks, tmp_path)
    code, _, err = run(capsys, "import", book, src)
    assert code == 1 and f"{src} row 2: '-5000' is below 0 (Salary)" in err
    code, out, _ = run(capsys, "import", book, src, "--skip-invalid")
    assert code == 0
    p = pipeline(book)
    assert (p.at["Bolt", "Salary min"], p.at["Bolt", "Salary max"]) == (80000, 95000)
    assert (
        "1 salary range(s) written high to low, read low to high (Salary min, Salary max): "
        f"{src} row 3 ($95,000 - $80,000)."
    ) in out


# -- 7. what the summary says of each column ---------------------------------------------------------


def test_checkboxes_places_and_referrals(blanks, tmp_path, capsys):
    book = book_of(blanks, tmp_path)
    code, out, err = run(capsys, "import", book, T.checks_xlsx(tmp_path / "t.xlsx"), "--json")
    assert code == 0, err
    uses = {c["column"]: (c["use"], c["how"]) for c in json.loads(out)["columns"]}
    assert (
        uses["\u2714"][0] == "ignored"
        and "a checkbox with no name, ticked in 4" in (uses["\u2714"][1])
    )
    assert uses["Followed up?"] == (
        "Notes",
        "yes/no, not dates (Last contact left blank): 'Followed up?: yes' in the Notes of the 2 "
        "row(s) ticked",
    )
    assert (
        uses["Cover letter?"][1]
        == "a checkbox: 'Cover letter?: yes' in the Notes of the 2 row(s) ticked"
    )
    assert (
        uses["Referral?"][0] == "Source" and uses["Location/Remote?"][0] == "Location or work mode"
    )
    p = pipeline(book)
    got = {
        c: (p.at[c, "Location"], p.at[c, "Work mode"], p.at[c, "Source"], p.at[c, "Notes"])
        for c in ("Nimbus Analytics", "Orchid Retail", "Pelican Insurance")
    }
    nan = got["Orchid Retail"][0]
    assert pd.isna(nan) and pd.isna(got["Nimbus Analytics"][1])
    assert got["Nimbus Analytics"][0] == "Austin, TX" and got["Nimbus Analytics"][2] == "Referral"
    assert got["Nimbus Analytics"][3] == "Cover letter?: yes; Followed up?: yes"
    assert got["Orchid Retail"][1] == "Remote" and pd.isna(got["Orchid Retail"][3])
    assert got["Pelican Insurance"][:2] == ("Boston", "Hybrid")
    assert not any("\u2714" in str(n) for n in p["Notes"])


def test_a_bad_date_is_shown_as_the_column_writes_dates(blanks, tmp_path, capsys):
    src = tmp_path / "t.csv"
    src.write_text(
        "Company,Date Applied\nAcme,9/15/2026\nBolt,10/2/2026\nCore,8/82019\nDyn,8-Jul\n"
        "Echo,Sep 3 2026\n"
    )
    code, _, err = run(capsys, "import", book_of(blanks, tmp_path), src)
    assert code == 1
    assert f"{src} row 4: '8/82019' is not a date (Date Applied); write it as 11/20/2024" in err
    assert f"{src} row 5: '8-Jul' has no year (Date Applied); write it as 11/20/2024" in err
    src.write_text("Company,Applied\nAcme,14 Sep 2026\nBolt,8-Jul\n")
    code, _, err = run(capsys, "import", book_of(blanks, tmp_path), src)
    assert "'8-Jul' has no year (Applied); write it as 20 Nov 2024" in err


# -- 8. a CSV given where a book belongs ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["stats", "check", "offers", "deadlines"])
def test_a_tracker_csv_given_as_a_book_says_how_to_import_it(tmp_path, capsys, command):
    src = T.uk_csv(tmp_path / "tracker.csv")
    code, out, err = run(capsys, command, src)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err == (
        f"Error: {src}: not an Excel workbook but a CSV file that looks like a job tracker; make "
        f"a jobbook workbook and import it: jobbook new NEW.xlsx, then jobbook import NEW.xlsx "
        f"{src}\n"
    )

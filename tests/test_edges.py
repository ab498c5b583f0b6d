"""Edge cases found in review: far dates, unticked checkboxes, odd settings, empty or renamed
sheets, duplicate headers, blank IDs, folders where files belong."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import openpyxl
import pandas as pd
import pytest

import jobbook
from jobbook.cli import main
from jobbook.core.computed import lookup
from jobbook.template import new_workbook

from handmade import new_workbook as blank_workbook
from handmade import save, write_settings, write_sheet

D = dt.date
AS_OF = D(2026, 10, 21)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return new_workbook(tmp_path_factory.mktemp("e") / "s.xlsx", sample=True, as_of=AS_OF)


def edited(sample, tmp_path, edit) -> str:
    wb = openpyxl.load_workbook(sample)
    edit(wb)
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def test_a_date_far_in_the_future_counts_in_its_own_month(tmp_path, capsys):
    wb = blank_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Source": "Other",
                "Date applied": D(2999, 1, 5),
                "Stage": "Applied",
                "Status": "Active",
            },
            {
                "ID": "A2",
                "Company": "Y",
                "Source": "Other",
                "Date applied": D(2026, 7, 1),
                "Stage": "Applied",
                "Status": "Active",
            },
        ],
        table=True,
    )
    book = save(wb, tmp_path / "far.xlsx")
    code, out, err = run(capsys, "stats", book, "--month", "2999-01", "--json")
    assert code == 0 and json.loads(out)["applications"] == 1
    assert "looks wrong" in err  # and the user is told
    s = json.loads(run(capsys, "stats", book, "--json")[1])
    assert next(iter(s["by_month"])) == "2026-07" and s["by_month"]["2999-01"]["applications"] == 1


def test_an_unticked_checkbox_is_not_done(tmp_path):
    wb = blank_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Source": "Other",
                "Date applied": D(2026, 1, 5),
                "Stage": "Interview",
                "Status": "Active",
            }
        ],
        table=True,
    )
    write_sheet(
        wb,
        "Interviews",
        [
            {"ID": "I1", "Application ID": "A1", "Date": D(2026, 1, 12), "Thank-you sent": False},
            {"ID": "I2", "Application ID": "A1", "Date": D(2026, 1, 13), "Thank-you sent": True},
        ],
        table=True,
    )
    book = jobbook.read_book(save(wb, tmp_path / "tick.xlsx"), as_of=D(2026, 1, 20))
    assert list(book.tables["Interviews"]["Thank-you flag"]) == ["Overdue", "Done"]
    from jobbook.schema import INTERVIEWS

    assert "<>FALSE" in INTERVIEWS["Thank-you flag"].formula  # and the workbook agrees


def test_horizon_zero_and_out_of_range_settings_are_warnings(tmp_path, capsys):
    wb = blank_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Source": "Other",
                "Date applied": D(2026, 1, 5),
                "Stage": "Offer",
                "Status": "Active",
            }
        ],
        table=True,
    )
    write_sheet(
        wb,
        "Offers",
        [
            {
                "ID": "O1",
                "Application ID": "A1",
                "Offer date": D(2026, 1, 9),
                "Base salary": 100000,
                "Signing bonus": 1000,
            }
        ],
        table=True,
    )
    write_settings(wb, {"AsOf": D(2026, 1, 12), "HorizonYears": 0, "FollowUpDays": 1e9})
    book = save(wb, tmp_path / "h.xlsx")
    code, out, err = run(capsys, "offers", book, "--json")
    assert code == 0
    offer = json.loads(out)[0]
    assert offer["average_annual_total"] is None and offer["first_year_total"] == 101000
    assert "FollowUpDays" in err and "using 5" in err
    code, out, _ = run(capsys, "deadlines", book, "--json")
    assert code == 0
    follow = next(d for d in json.loads(out) if d["kind"] == "follow-up")
    assert follow["due"] == "2026-01-12"  # Monday 01-05 + 5 business days, the default
    code, out, _ = run(capsys, "check", book)
    assert code == 0 and "Warnings" in out


def test_an_empty_optional_sheet_is_an_empty_table(sample, tmp_path, capsys):
    def empty(wb):
        for name in ("Interviews", "Lessons"):
            ws = wb[name]
            for t in list(ws.tables):
                del ws.tables[t]
            ws.delete_rows(1, ws.max_row)

    book = edited(sample, tmp_path, empty)
    # as of today: on the sample's own (past) day its History, which saw the interviews, and
    # their rows gone since (not recorded: today's) would bring them back (docs/definitions.md § History)
    today = dt.date.today().isoformat()
    code, out, err = run(capsys, "stats", book, "--json", "--as-of", today)
    assert code == 0, err
    assert all(v["interviews"] == 0 for v in json.loads(out)["by_month"].values())
    code, out, err = run(capsys, "stats", book, "--json")
    assert code == 0 and "as History says it stood" in err
    assert sum(v["interviews"] for v in json.loads(out)["by_month"].values()) > 0
    assert run(capsys, "deadlines", book)[0] == 0


def test_a_renamed_sheet_is_found_by_its_table(sample, tmp_path):
    book = edited(sample, tmp_path, lambda wb: setattr(wb["Pipeline"], "title", "My applications"))
    b = jobbook.read_book(book)
    assert b.sheets["Pipeline"] == "My applications" and len(b.inputs["Pipeline"]) == 61


def test_a_second_column_with_the_same_header_is_a_warning(tmp_path):
    wb = blank_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "Status": "Active",
                "ID": "A1",
                "Company": "X",
                "Source": "Other",
                "Date applied": D(2026, 1, 5),
                "Stage": "Applied",
                "status ": "Rejected",
            }
        ],
    )
    b = jobbook.read_book(save(wb, tmp_path / "dup.xlsx"))
    assert b.inputs["Pipeline"].iloc[0]["Status"] == "Active"
    assert [str(p) for p in b.warnings] == [
        "Pipeline!G1: a second 'status ' column; jobbook reads the first, in column A"
    ]


def test_blank_ids_never_match():
    table = pd.DataFrame({"ID": ["A1", None, "nan"], "Company": ["Acme", "Blank", "Nan Ltd"]})
    got = lookup(pd.Series(["a1", None, np.nan, ""]), table, "ID", "Company")
    assert got.iloc[0] == "Acme" and got.iloc[1:].isna().all()


def test_files_and_folders(tmp_path, capsys, sample):
    folder = tmp_path / "looks.xlsx"
    folder.mkdir()
    code, _, err = run(capsys, "stats", folder)
    assert code == 1 and err.strip() == f"Error: {folder}: is a folder, not a workbook"
    missing = tmp_path / "nowhere" / "r.pdf"
    code, _, err = run(capsys, "report", sample, "--month", "2026-10", "--pdf", missing)
    assert code == 2 and "does not exist" in err and not missing.parent.exists()
    code, _, err = run(capsys, "new", tmp_path / "nowhere" / "x.xlsx")
    assert code == 2 and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    "company", ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]
)
def test_csv_never_holds_a_live_formula(tmp_path, capsys, company):
    """OWASP: a CSV cell starting with = + - @ is written with a leading '."""
    import csv
    import io

    from jobbook.looks.safe import set_text_cell

    wb = blank_workbook()
    row = {"ID": "A1", "Company": "X", "Source": "Other", "Stage": "Applied", "Status": "Active"}
    write_sheet(wb, "Pipeline", [row | {"Date applied": D(2026, 10, 1)}])
    set_text_cell(wb["Pipeline"]["B2"], company)  # text, as a user or an import would have it
    code, out, err = run(
        capsys, "deadlines", save(wb, tmp_path / "b.xlsx"), "--csv", "--as-of", AS_OF
    )
    assert code == 0, err
    (got,) = list(csv.DictReader(io.StringIO(out)))
    assert got["company"] == "'" + company
    assert got["due"][0].isdigit()  # a date is not text to escape


def test_csv_cell_escapes_owasp_starts_and_keeps_numbers():
    from jobbook.looks.safe import csv_cell

    for risky in ("=1", "+1", "-1", "@x", "\tx", "\rx"):
        assert csv_cell(risky) == "'" + risky
    assert [csv_cell(v) for v in (-5, -2.5, "Acme", "", None)] == [-5, -2.5, "Acme", "", None]


def test_json_never_holds_infinity(tmp_path, capsys):
    wb = blank_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [{"ID": "A1", "Company": "X", "Source": "Other", "Stage": "Offer", "Status": "Active"}],
    )
    write_sheet(
        wb,
        "Offers",
        [
            {
                "ID": "O1",
                "Application ID": "A1",
                "Offer date": D(2026, 10, 1),
                "Base salary": 1e308,
                "Benefits value": 1e308,
            }
        ],
    )
    code, out, err = run(
        capsys, "offers", save(wb, tmp_path / "b.xlsx"), "--json", "--as-of", AS_OF
    )
    assert "Infinity" not in out and "NaN" not in out
    (offer,) = json.loads(out)
    assert offer["base_salary"] == 1e308
    assert offer["recurring_total"] is None  # 2e308 overflows: unknown, never Infinity

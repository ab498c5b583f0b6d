"""read_book on workbooks made by hand, the way people make them."""

from __future__ import annotations

import datetime as dt
import zipfile

import pandas as pd
import pytest

import jobbook
from jobbook.errors import NotAWorkbook, WorkbookEncrypted, WorkbookNotFound

from handmade import new_workbook, save, write_settings, write_sheet

D = dt.date


@pytest.fixture
def messy(tmp_path):
    """Title above the header, reordered and extra columns, odd header spelling, blank rows, a
    Table beside a plain range, an ISO text date, n/a in a number column, a company named NA."""
    wb = new_workbook()
    rows = [
        {
            "id": 1,
            "COMPANY ": "NA",
            "source": "LinkedIn",
            "Date Applied": D(2026, 1, 5),
            "stage": "screen",
            "status": "active",
            "Salary Min": 90000,
            "Extra": "x",
            "Excitement": 4,
        },
        {
            "id": 2,
            "COMPANY ": "Bolt",
            "source": "Meetup",
            "Date Applied": "2026-01-06",
            "stage": "Applied",
            "status": "Rejected",
            "Salary Min": "n/a",
        },
        {
            "id": "A3",
            "COMPANY ": "Core",
            "source": "Job board",
            "Date Applied": dt.datetime(2026, 1, 7, 16, 30),
            "stage": "Applied",
            "status": "No response",
            "Salary Min": "$120,000",
            "Excitement": 9,
        },
    ]
    headers = [
        "Extra",
        "COMPANY ",
        "id",
        "stage",
        "status",
        "source",
        "Date Applied",
        "Salary Min",
        "Excitement",
    ]
    write_sheet(
        wb,
        "pipeline",
        rows,
        headers=headers,
        title="Job hunt",
        start_col=2,
        blank_rows_after=(0, 1),
    )
    write_sheet(
        wb,
        "Interviews",
        [
            {
                "ID": "I1",
                "Application ID": 1,
                "Date": D(2026, 1, 12),
                "Self-rating": 4,
                "Thank-you sent": True,
            },
            {"ID": "I1", "Application ID": "A9", "Date": "next week"},
        ],
        table=True,
    )
    wb.create_sheet("My notes").append(["anything", "goes", "here"])
    return save(wb, tmp_path / "messy.xlsx")


def problems(book) -> dict[str, str]:
    return {f"{p.sheet}!{p.cell}": p.message for p in book.problems}


def test_reads_messy_pipeline(messy):
    book = jobbook.read_book(messy, as_of=D(2026, 1, 20))
    p = book.inputs["Pipeline"]
    assert book.sheets["Pipeline"] == "pipeline"
    assert book.header_rows["Pipeline"] == 3
    assert list(p.index) == [4, 6, 8]  # Excel row numbers; the blank rows are gone
    assert list(p["ID"]) == ["1", "2", "A3"]  # IDs are text, never 1.0
    assert list(p["Company"]) == ["NA", "Bolt", "Core"]  # a company named NA stays NA
    assert list(p["Stage"]) == ["Screen", "Applied", "Applied"]  # canonical spelling
    assert list(p["Status"]) == ["Active", "Rejected", "No response"]
    assert list(p["Source"]) == ["LinkedIn", "Meetup", "Job board"]  # other text kept as written
    assert [x.date() for x in p["Date applied"]] == [D(2026, 1, 5), D(2026, 1, 6), D(2026, 1, 7)]
    assert p["Salary min"].tolist()[0] == 90000 and pd.isna(p["Salary min"].tolist()[1])
    assert p["Salary min"].tolist()[2] == 120000  # "$120,000" typed as text still reads
    assert book.letters["Pipeline"]["Salary min"] == "I"


def test_problems_name_their_cells(messy):
    book = jobbook.read_book(messy)
    got = problems(book)
    assert got["pipeline!I6"] == '"n/a" is not a number (Salary min)'
    assert "is text" in got["pipeline!H6"]  # the ISO text date is read, with a warning
    assert got["pipeline!J8"] == "9 is out of range: it must be from 1 to 5 (Excitement)"
    assert got["Interviews!C3"].startswith('"next week" is not a date')
    assert got["Interviews!A3"] == "duplicate ID I1 (first on row 2)"
    assert got["Interviews!B3"] == "Application ID A9 is not an ID in Pipeline"
    severities = {f"{p.sheet}!{p.cell}": p.severity for p in book.problems}
    assert severities["pipeline!I6"] == "error" and severities["pipeline!H6"] == "warning"


def test_done_marks_and_lookups(messy):
    book = jobbook.read_book(messy, as_of=D(2026, 1, 20))
    i = book.tables["Interviews"]
    assert i.iloc[0]["Thank-you flag"] == "Done"  # TRUE counts as sent
    assert i.iloc[0]["Company"] == "NA"  # numeric Application ID 1 finds Pipeline ID 1


def test_missing_sheets_are_empty_and_settings_default(messy):
    book = jobbook.read_book(messy)
    assert book.sheets["Offers"] is None and book.inputs["Offers"].empty
    assert list(book.inputs["Offers"].columns) == [c.header for c in jobbook.schema.OFFERS.inputs]
    assert book.settings == jobbook.Settings()
    assert book.holiday_source == "package"
    assert D(2026, 1, 19) in {d.date() for d in book.holidays["Date"]}  # US: Martin Luther King Day


def test_settings_and_holidays_from_the_book(tmp_path):
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Source": "Other",
                "Date applied": D(2026, 5, 1),
                "Stage": "Applied",
                "Status": "Active",
            }
        ],
        table=True,
    )
    write_settings(
        wb,
        {"AsOf": D(2026, 5, 4), "Country": "GB", "FollowUpDays": 3, "HorizonYears": "three"},
        holidays=[(D(2026, 5, 5), "Made-up day")],
    )
    path = save(wb, tmp_path / "s.xlsx")
    book = jobbook.read_book(path)
    assert book.as_of == D(2026, 5, 4)
    assert book.settings.Country == "GB" and book.settings.FollowUpDays == 3
    assert book.settings.HorizonYears == 4  # unreadable: the default, and a problem
    assert problems(book)["Settings!B4"] == '"three" is not a number (HorizonYears); using 4'
    assert book.holiday_source == "table" and len(book.holidays) == 1
    # Friday 05-01 + 3 business days, skipping the book's own holiday on Tuesday 05-05 -> Thursday 05-07
    assert book.tables["Pipeline"].iloc[0]["Follow-up due"].date() == D(2026, 5, 7)


def test_header_not_found(tmp_path):
    wb = new_workbook()
    write_sheet(wb, "Pipeline", [{"Firm": "X", "When": D(2026, 1, 1)}])
    book = jobbook.read_book(save(wb, tmp_path / "b.xlsx"))
    assert [str(p) for p in book.errors] == [
        "Pipeline: no header row with ID, Company, Source, Date applied, Stage, Status in the top 20 rows"
    ]


def test_missing_required_column_in_a_table(tmp_path):
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Date applied": D(2026, 1, 1),
                "Stage": "Applied",
                "Status": "Active",
                "Source": "Other",
            }
        ],
        table=True,
    )
    write_sheet(
        wb,
        "Offers",
        [{"ID": "O1", "Application ID": "A1", "Offer date": D(2026, 1, 2)}],
        table=True,
    )
    book = jobbook.read_book(save(wb, tmp_path / "b.xlsx"))
    assert (
        "Offers: the header row (row 1) has no 'Base salary' column; add it or fix its spelling"
        in [str(p) for p in book.errors]
    )


def test_xlsm_is_read(tmp_path, search_book):
    """A macro-enabled workbook reads like an .xlsx (here: same zip, the .xlsm content type)."""
    src = zipfile.ZipFile(search_book)
    out = tmp_path / "search.xlsm"
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
            z.writestr(item, data)
    book = jobbook.read_book(out)
    assert len(book.inputs["Pipeline"]) == 10


def test_cached_formula_results_are_not_trusted(tmp_path):
    """A computed column holding a stale value (or a formula) is recomputed, never read."""
    wb = new_workbook()
    ws = write_sheet(
        wb,
        "Interviews",
        [
            {
                "ID": "I1",
                "Application ID": "A1",
                "Date": D(2026, 1, 15),
                "Thank-you due": D(2030, 1, 1),
                "Thank-you flag": "Done",
            }
        ],
        table=True,
    )
    assert ws is not None
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "Acme",
                "Source": "Other",
                "Date applied": D(2026, 1, 5),
                "Stage": "Interview",
                "Status": "Active",
            }
        ],
        table=True,
    )
    book = jobbook.read_book(save(wb, tmp_path / "c.xlsx"), as_of=D(2026, 1, 20))
    row = book.tables["Interviews"].iloc[0]
    assert row["Thank-you due"].date() == D(2026, 1, 16)
    assert row["Thank-you flag"] == "Overdue"


# -- files that are not workbooks -----------------------------------------------------------------


def test_bad_files(tmp_path, search_book):
    with pytest.raises(WorkbookNotFound, match="no such file"):
        jobbook.read_book(tmp_path / "missing.xlsx")
    csv = tmp_path / "export.xlsx"
    csv.write_text("ID,Company\nA1,Acme\n")
    with pytest.raises(NotAWorkbook, match="CSV file renamed"):
        jobbook.read_book(csv)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(search_book.read_bytes()[:4000])
    with pytest.raises(NotAWorkbook, match="damaged or incomplete"):
        jobbook.read_book(cut)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(NotAWorkbook, match="empty"):
        jobbook.read_book(empty)


def test_password_protected(tmp_path, search_book):
    from msoffcrypto.format.ooxml import OOXMLFile

    locked = tmp_path / "locked.xlsx"
    with search_book.open("rb") as src, locked.open("wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    with pytest.raises(WorkbookEncrypted, match="password-protected"):
        jobbook.read_book(locked)


def test_headers_as_spec_prints_them(tmp_path):
    """`Work mode (Onsite/Hybrid/Remote)`, `Excitement (1-5)`, `Status (Pending/...)`: the allowed
    values in brackets are not part of the name."""
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Source": "Other",
                "Date applied": D(2026, 1, 1),
                "Stage": "Offer",
                "Status": "Active",
                "Work mode (Onsite/Hybrid/Remote)": "remote",
                "Excitement (1-5)": 4,
            }
        ],
    )
    write_sheet(
        wb,
        "Offers",
        [
            {
                "ID": "O1",
                "Application ID": "A1",
                "Offer date": D(2026, 1, 2),
                "Base salary": 100000,
                "Status (Pending/Negotiating/Accepted/Declined/Expired/Rescinded)": "Declined",
                "Flexible hours (Yes/Partial/No)": "Partial",
            }
        ],
        table=True,
    )
    book = jobbook.read_book(save(wb, tmp_path / "b.xlsx"), as_of=D(2026, 3, 1))
    p, o = book.tables["Pipeline"], book.tables["Offers"]
    assert (p.at[2, "Work mode"], p.at[2, "Excitement"]) == ("Remote", 4)
    assert (o.at[2, "Status"], o.at[2, "Flexible hours"], o.at[2, "Decision flag"]) == (
        "Declined",
        "Partial",
        "Done",
    )
    assert book.problems == []


def test_rows_below_the_table_are_read_and_reported(tmp_path):
    """A row typed under an Excel Table (LibreOffice does not extend it): jobbook counts it and says
    that the workbook's own formulas do not."""
    wb = new_workbook()
    row = {
        "ID": "A1",
        "Company": "X",
        "Source": "Other",
        "Date applied": D(2026, 1, 1),
        "Stage": "Applied",
        "Status": "Active",
    }
    ws = write_sheet(wb, "Pipeline", [row], table=True)
    ws.append([])
    ws.append(["A2", "Y", "Other", D(2026, 1, 2), "Applied", "Active"])
    book = jobbook.read_book(save(wb, tmp_path / "b.xlsx"))
    assert list(book.tables["Pipeline"]["ID"]) == ["A1", "A2"]
    assert [str(p) for p in book.problems] == [
        "Pipeline!A4: row 4 below the Pipeline table (A1:F2): jobbook reads them, but the workbook's own formulas "
        "and Dashboard skip them; extend the table over them (Excel: Table Design > Resize Table; LibreOffice: "
        "Data > Define Range)"
    ]
    assert not book.errors


def test_a_missing_column_is_one_problem_not_one_per_row(tmp_path):
    wb = new_workbook()
    rows = [
        {
            "ID": f"A{i}",
            "Company": "X",
            "Source": "Other",
            "Stage": "Applied",
            "Status": "Active",
            "First response": D(2026, 1, 9),
        }
        for i in range(5)
    ]
    write_sheet(wb, "Pipeline", rows)
    write_sheet(
        wb, "Offers", [{"ID": "O1", "Application ID": "A1", "Offer date": D(2026, 1, 2)}] * 3
    )
    book = jobbook.read_book(save(wb, tmp_path / "b.xlsx"))
    assert sorted(str(p) for p in book.problems) == [
        "Offers!A3: duplicate ID O1 (first on row 2)",
        "Offers!A4: duplicate ID O1 (first on row 2)",
        "Offers: the header row (row 1) has no 'Base salary' column; add it or fix its spelling",
        "Pipeline: the header row (row 1) has no 'Date applied' column; add it or fix its spelling",
    ]


def test_an_unreadable_date_is_reported_once(tmp_path):
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "X",
                "Source": "Other",
                "Date applied": "soon",
                "Stage": "Applied",
                "Status": "Active",
            }
        ],
    )
    book = jobbook.read_book(save(wb, tmp_path / "b.xlsx"))
    assert [str(p) for p in book.problems if p.cell == "D2"] == [str(book.problems[0])]
    assert len(book.problems) == 1 and "soon" in str(book.problems[0])


def test_text_after_the_first_thousand_rows_is_not_lost(tmp_path):
    """fastexcel guesses a column's type from its first 1,000 rows; jobbook gives the types itself,
    so text far down a number column is still reported by its cell, and numeric IDs stay whole."""
    wb = new_workbook()
    rows = [
        {
            "ID": i,
            "Company": f"C{i}",
            "Source": "Other",
            "Date applied": D(2026, 1, 5),
            "Stage": "Applied",
            "Status": "Active",
            "Salary min": 50000 + i,
        }
        for i in range(1, 1501)
    ]
    rows[1399]["Salary min"] = "n/a"
    rows[1449]["Date applied"] = "#N/A"
    write_sheet(wb, "Pipeline", rows)
    book = jobbook.read_book(save(wb, tmp_path / "big.xlsx"))
    p = book.tables["Pipeline"]
    assert len(p) == 1500 and p.at[2, "ID"] == "1" and p.at[1501, "ID"] == "1500"
    assert pd.isna(p.at[1401, "Salary min"]) and p.at[1402, "Salary min"] == 51401
    found = problems(book)
    assert "n/a" in found["Pipeline!G1401"] and "#N/A" in found["Pipeline!D1451"]


@pytest.mark.parametrize("big", [False, True], ids=["careful", "fast"])
def test_a_tables_totals_row_is_not_data(tmp_path, monkeypatch, big):
    """Table Design > Total Row: the row at the bottom of the Table's range (totalsRowCount) is not
    an application, holiday or schedule; a row typed under it is still read and reported."""
    from openpyxl.worksheet.table import Table

    from jobbook.reader import _fast
    from jobbook.reader._layout import inspect

    if big:
        monkeypatch.setattr(_fast, "PLAIN_BYTES", 0)  # the fast path for every sheet

    wb = new_workbook()
    rows = [
        {
            "ID": f"A{i}",
            "Company": "X",
            "Source": "Other",
            "Date applied": D(2026, 1, i),
            "Stage": "Applied",
            "Status": "Active",
            "Salary min": 1000 * i,
        }
        for i in (1, 2)
    ]
    ws = wb.create_sheet("Pipeline")
    ws.append(list(rows[0]))
    for r in rows:
        ws.append(list(r.values()))
    ws.append(["Total", "=SUBTOTAL(103,Pipeline[Company])", None, None, None, None, 3000])
    ws.add_table(Table(displayName="Pipeline", ref="A1:G4", totalsRowCount=1))
    ws.append(["A3", "Y", "Other", D(2026, 1, 3), "Applied", "Active"])
    settings = write_settings(wb, {"Country": "US"})
    settings.append([])
    for r, values in enumerate([("Date", "Name"), (D(2026, 7, 4), "Fourth"), (1, "Total")], 10):
        settings.cell(r, 4, values[0])
        settings.cell(r, 5, values[1])
    settings.add_table(Table(displayName="Holidays", ref="D10:E12", totalsRowCount=1))
    for r, values in enumerate([("Schedule", "Year 1 %"), ("Cliff", 1.0), ("Total", 0.5)], 10):
        settings.cell(r, 7, values[0])
        settings.cell(r, 8, values[1])
    settings.add_table(Table(displayName="Vesting", ref="G10:H12", totalsRowCount=1))
    path = save(wb, tmp_path / "b.xlsx")
    pipeline = next(t for t in inspect(path).tables if t.name == "Pipeline")
    assert (pipeline.last_row, pipeline.totals_rows, list(pipeline.totals)) == (4, 1, [4])

    book = jobbook.read_book(path)
    assert list(book.tables["Pipeline"]["ID"]) == ["A1", "A2", "A3"]
    assert list(book.tables["Pipeline"].index) == [2, 3, 5]
    assert [str(p) for p in book.problems] == [
        "Pipeline!A5: row 5 below the Pipeline table (A1:G4): jobbook reads them, but the "
        "workbook's own formulas and Dashboard skip them; insert rows above the table's totals "
        "row and move them there"
    ]
    assert list(book.holidays["Name"]) == ["Fourth"]
    assert list(book.vesting["Schedule"]) == ["Cliff"]

"""Formulas in the columns jobbook reads whose value it cannot know (docs/definitions.md § Deadlines, issue 20):
none saved (jobbook's change dropped it, or a program that computes nothing wrote the book), or
the 0 XlsxWriter saves for every formula, in a date or text column. Such a cell is named in one
warning, read as blank and never reported as "X is required"; a command that needs its column
says so in its one Error: line. The Table rows that hold only such formulas are empty rows."""

from __future__ import annotations

import json
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO

from userbooks import AS_OF, col, saved_values, scripted_book, user_book

import jobbook
from jobbook.cli import main

SAVE = "open the workbook in Excel (or in LibreOffice, with Data > Calculate > Recalculate Hard)"


def run(*args) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*map(str, args), "--as-of", AS_OF.isoformat()])
    return code, out.getvalue(), err.getvalue()


def errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("Error:")]


def test_xlsxwriters_zeros_are_unknown_not_1899_12_31_nor_the_word_0(tmp_path):
    book = scripted_book(tmp_path / "script.xlsx")
    b = jobbook.read_book(book)
    p = b.inputs["Pipeline"]
    assert len(p) == 40 and p["Next action due"].isna().all() and p["Posting URL"].isna().all()
    assert b.errors == [] and len(b.warnings) == 1, b.warnings
    said = str(b.warnings[0])
    assert "80 formula cell(s)" in said and "Next action due N2 =H2+14 and 39 more" in said
    assert "Posting URL G2 =HYPERLINK(" in said and SAVE in said
    assert b.unknown["Pipeline"]["Next action due"][2] == "H2+14"
    code, out, err = run("deadlines", book)  # it needs Next action due: it says why it stops
    assert code == 1 and len(errors(err)) == 1, err
    assert "Pipeline!N2: Next action due is the formula =H2+14" in errors(err)[0]
    assert "and 39 more such cells" in errors(err)[0] and SAVE in errors(err)[0]
    assert "1899" not in out + err
    code, out, err = run("stats", book)  # it does not: one warning, and its figures
    assert code == 0 and "Applications           40" in out
    assert err.count("warning:") == 1 and "Next action due N2" in err
    code, out, err = run("check", book)
    assert code == 0 and "0 error(s), 1 warning(s)" in out


def test_table_rows_holding_only_calculated_formulas_are_empty_rows(tmp_path):
    """30 empty Table rows whose Posting URL is the Table's calculated HYPERLINK: with the 0
    XlsxWriter saves, and with the text LibreOffice saves ("posting"); then an import lands on
    the first of them."""
    book = scripted_book(tmp_path / "empty.xlsx", empty=30)
    b = jobbook.read_book(book)
    assert b.errors == [] and len(b.inputs["Pipeline"]) == 40, b.errors[:3]
    code, out, err = run("stats", book)
    assert code == 0 and errors(err) == [], err
    saved_values(book, "46252", text={col("Posting URL"): "posting"})  # =H2+14: a date
    b = jobbook.read_book(book)
    assert b.problems == [] and len(b.inputs["Pipeline"]) == 40, b.problems[:3]
    assert b.inputs["Pipeline"].loc[2, "Posting URL"] == "posting"
    code, out, err = run("deadlines", book, "--json")
    assert code == 0 and errors(err) == [], err
    assert {d["id"] for d in json.loads(out)} >= {"I01", "O01"}
    csv = tmp_path / "one.csv"
    csv.write_text("Company,Role,Date applied\nOne Row Ltd,Analyst,2026-10-20\n")
    code, out, err = run("import", book, csv)
    assert code == 0, err
    p = jobbook.read_book(book).inputs["Pipeline"]
    assert p.loc[42, "Company"] == "One Row Ltd" and len(p) == 41  # the first empty row


def test_a_users_formula_the_change_reaches_is_named_then_unknown_until_saved(tmp_path):
    """Status as the user's formula over Last contact; `done follow-up` writes Last contact of
    A002: its Status loses its saved value; the next commands say so instead of "Status is
    required", and nothing else is lost."""
    book = user_book(tmp_path / "own.xlsx")
    status, last = col("Status"), col("Last contact")
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["Pipeline"]
    for r in range(2, 63):
        typed = ws[f"{status}{r}"].value
        ws[f"{status}{r}"] = f'=IF({last}{r}<>"","Active","{typed}")'
    wb.save(book)
    saved_values(book, text={status: "Active"})
    assert jobbook.read_book(book).warnings == []
    code, out, err = run("done", book, "follow-up", "A002")
    assert code == 0, err
    assert f"Pipeline!{status}3 (=IF({last}3" in err and "read cells this change writes" in err
    b = jobbook.read_book(book)
    assert b.unknown == {"Pipeline": {"Status": {3: f'IF({last}3<>"","Active","Active")'}}}
    assert [p.severity for p in b.problems] == ["warning"]
    assert "Status is required" not in str(b.problems)
    code, out, err = run("stats", book)
    assert code == 1 and len(errors(err)) == 1, err
    assert f"Pipeline!{status}3: Status is the formula =IF(" in errors(err)[0] and SAVE in err
    code, out, err = run("offers", book)  # offers need no Status of the Pipeline
    assert code == 0 and f"Status {status}3" in err
    code, out, err = run("check", book)
    assert code == 0 and "0 error(s), 1 warning(s)" in out


def test_formula_cells_are_found_however_the_sheet_spells_them(tmp_path):
    """A namespace prefix, r="" after other attributes, shared formulas, an empty text result
    (a value), a 0 in a money column (a value) and in a date column (not)."""
    import zipfile

    from jobbook.reader._formulas import formula_cells
    from jobbook.schema import TABLES

    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    cells = (
        '<x:row r="2"><x:c t="str" r="A2"><x:f>"A"&amp;ROW()</x:f><x:v></x:v></x:c>'
        '<x:c s="1" r="H2"><x:f t="shared" ref="H2:H3" si="0">TODAY()-1</x:f><x:v>0</x:v></x:c>'
        '<x:c r="O2"><x:f>1-1</x:f><x:v>0</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="A3" t="str"><x:f>"A"&amp;ROW()</x:f></x:c>'
        '<x:c r="H3" s="1"><x:f t="shared" si="0"/><x:v>0</x:v></x:c>'
        '<x:c r="O3"><x:f>B3</x:f><x:v/></x:c></x:row>'
    )
    xml = f'<x:worksheet xmlns:x="{ns}"><x:sheetData>{cells}</x:sheetData></x:worksheet>'
    path = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", xml)
    pipeline = TABLES["Pipeline"]
    columns = {
        c.header: c for c in pipeline.inputs if c.header in ("ID", "Date applied", "Salary min")
    }
    positions = {"ID": 1, "Date applied": 8, "Salary min": 15}
    found = formula_cells(path, "xl/worksheets/sheet1.xml", positions, columns, 1, range(0))
    assert found.rows == {"ID": {2, 3}, "Date applied": {2, 3}, "Salary min": {2, 3}}
    assert found.unknown == {
        "ID": {3: '"A"&ROW()'},  # no value; A2's empty text is one
        "Date applied": {2: "TODAY()-1", 3: "TODAY()-1"},  # the shared formula's text
        "Salary min": {3: "B3"},  # <v/>; O2's 0 is a number like any other
    }

"""The template's structure: sheets, Tables, notes, validation, formats, formulas, names."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import jobbook
from jobbook.cli import main
from jobbook.sample import sample_search
from jobbook.schema import DATE_KINDS, SETTINGS, SHEET_ORDER, TABLES
from jobbook.template import build_workbook, new_workbook
from jobbook.template.committed import (
    MACRO_TEMPLATE_PATH,
    TEMPLATE_PATH,
    build_committed,
    differences,
)

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 10, 21)
# Functions LibreOffice 7.4 computes from an .xlsx; nothing else may appear in a formula.
ALLOWED = {
    "AND",
    "COUNT",
    "COUNTIFS",
    "DATE",
    "IF",
    "IFERROR",
    "INDEX",
    "INT",
    "ISNUMBER",
    "LARGE",
    "MATCH",
    "MAX",
    "MEDIAN",
    "MIN",
    "MONTH",
    "N",
    "NOT",  # closed means closed (Follow-up due), checked in test_workbook_lo
    "NETWORKDAYS",
    "OR",
    "SUM",
    "SUMPRODUCT",
    "TODAY",
    "WORKDAY",
    "YEAR",
    "_xlfn.TEXTJOIN",
    "CHOOSE",
    "MOD",
    "ROUND",
    "ROW",
    "SMALL",
    "ISNA",
    "DATEDIF",  # LibreOffice 7.4 computes DATEDIF(...,"m") as Excel does (checked in test_workbook_lo)
    # the mailto: link columns (schema/_links.py)
    "CHAR",
    "FIND",
    "HYPERLINK",
    "LEFT",
    "LEN",
    "SEARCH",
    "SUBSTITUTE",
    "TRIM",
    "_xlfn.ENCODEURL",
    # the Thank-you link's greeting (names in slots, first names compared at once): LibreOffice's
    # results equal the drafts' in test_drafts_lo
    "MID",
    "MMULT",
    "REPT",
    "TRANSPOSE",
    # time in each stage over History (template/_dashboard_stages.py): LibreOffice's results
    # equal stats' time_in_stage in test_workbook_lo (the Dashboard oracle)
    "_xlfn.MINIFS",
    "_xlfn.QUARTILE.INC",
    # Follow-up due's Last contact known on the as-of date (schema last_contact_known): the
    # latest interview or offer on or before it; LibreOffice's results equal the core's in
    # test_workbook_lo
    "_xlfn.MAXIFS",
    # the Dashboard's other sources in alphabetical order (template/_dashboard_sources.py): the
    # rank of each Source among the others; LibreOffice's table equals stats' in test_workbook_lo
    "COUNTIF",
}
FUNCTION = re.compile(r"((?:_xlfn\.)?[A-Z][A-Z0-9.]*)\(")


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory) -> Path:
    return new_workbook(tmp_path_factory.mktemp("t") / "sample.xlsx", sample=True, as_of=AS_OF)


@pytest.fixture(scope="module")
def wb(sample_path):
    return openpyxl.load_workbook(sample_path)


def formulas(wb) -> list[tuple[str, str, str]]:
    out = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                text = v.text if hasattr(v, "text") else v
                if isinstance(text, str) and text.startswith("="):
                    out.append((ws.title, c.coordinate, text))
    return out


def test_sheets_in_spec_order(wb):
    assert wb.sheetnames == list(SHEET_ORDER)


@pytest.mark.parametrize("name", list(TABLES))
def test_table_sheet(wb, name):
    ws = wb[name]
    schema = TABLES[name]
    assert list(ws.tables) == [name]
    t = ws.tables[name]
    assert t.ref.startswith("A1:")
    headers = [ws.cell(1, i).value for i in range(1, len(schema.columns) + 1)]
    assert headers == schema.headers
    assert all(
        ws.cell(1, i).comment and ws.cell(1, i).comment.text.strip()
        for i in range(1, len(headers) + 1)
    )
    assert ws.freeze_panes in ("A2", "B2", "C2")
    last = int(t.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    covered = {
        str(r).split(":")[0].rstrip("0123456789")
        for dv in ws.data_validations.dataValidation
        for r in dv.sqref.ranges
    }
    for i, col in enumerate(schema.columns, 1):
        letter = openpyxl.utils.get_column_letter(i)
        if not col.computed and (
            col.kind in ("choice", "rating", "percent", *DATE_KINDS)
            or (col.kind == "id" and col.ref)
        ):
            assert letter in covered, f"{name}.{col.header} has no validation"
        if col.fmt:
            assert (
                ws[f"{letter}2"].number_format == col.fmt
                and ws[f"{letter}{last}"].number_format == col.fmt
            )
        if col.computed:
            tc = t.tableColumns[i - 1]
            assert tc.calculatedColumnFormula is not None, f"{col.header}: not a calculated column"
            for r in range(2, last + 1):
                v = ws[f"{letter}{r}"].value
                assert str(getattr(v, "text", v)).startswith("="), (
                    f"{name}!{letter}{r} has no formula"
                )


def test_table_sheets_print_the_rows_in_use(wb, sample_path):
    """Each table sheet's print area is its header and the rows in use (not the pre-filled rows,
    which would print as pages of headers); an empty book prints the header row."""
    book = jobbook.read_book(sample_path)
    empty = build_workbook()
    for name, table in TABLES.items():
        last = openpyxl.utils.get_column_letter(len(table.columns))
        rows = 1 + len(book.tables[name])
        assert rows >= 2, name  # the sample fills every table
        assert wb[name].print_area == f"'{name}'!$A$1:${last}${rows}", name
        area = empty[name].defined_names["_xlnm.Print_Area"].attr_text
        assert area == f"{name}!$A$1:${last}$1", name


def test_text_beside_a_date_is_indented(wb):
    """A right-aligned date or number never runs into the text column on its right."""
    ws = wb["Pipeline"]
    col = {c.value: c.column_letter for c in ws[1]}
    assert ws[f"{col['Stage']}2"].alignment.indent == 1  # right of Date applied
    assert ws[f"{col['Stage']}1"].alignment.indent == 1
    assert ws[f"{col['Role']}2"].alignment.indent == 0  # right of Company (text)


def test_flags_are_coloured(wb):
    for name, header in (
        ("Pipeline", "Flag"),
        ("Interviews", "Thank-you flag"),
        ("Offers", "Decision flag"),
        ("Lessons", "Flag"),
    ):
        ws = wb[name]
        letter = openpyxl.utils.get_column_letter(TABLES[name].headers.index(header) + 1)
        rules = [
            (str(rng.sqref), r.formula[0]) for rng in ws.conditional_formatting for r in rng.rules
        ]
        texts = {f for sq, f in rules if sq.startswith(f"{letter}2:")}
        assert {'"Overdue"', '"Due today"', '"Due soon"', '"Done"'} <= texts, (name, header)
    rules = [r.formula[0] for rng in wb["Pipeline"].conditional_formatting for r in rng.rules]
    assert '"Accepted"' in rules and '"Offer"' in rules  # Status and Stage


def test_formulas_are_written_as_excel_stores_them(wb):
    found = formulas(wb)
    assert len(found) > 500
    for sheet, cell, text in found:
        assert "[@" not in text, f"{sheet}!{cell}: short [@Col] form"
        for fn in FUNCTION.findall(text):
            assert fn in ALLOWED, (
                f"{sheet}!{cell}: {fn} is not a function LibreOffice 7.4 computes as written"
            )
        for day_fn in ("WORKDAY(", "NETWORKDAYS("):
            for call in text.split(day_fn)[1:]:
                assert "Holidays[Date]" in call.split(")")[0] + ")" or "Holidays[Date]" in call, (
                    f"{sheet}!{cell}"
                )
    assert any("Pipeline[[#This Row],[Status]]" in t for _, _, t in found)


def test_settings_names_and_holidays(wb):
    names = set(wb.defined_names)
    assert {s.name for s in SETTINGS} | {"AsOfDate", "MonthStart", "MonthNext"} <= names
    ws = wb["Settings"]
    assert list(ws.tables) == ["Holidays", "Vesting", "CompanyAliases"]
    assert wb.defined_names["AsOf"].attr_text == "Settings!$B$2"
    assert ws["B2"].value == AS_OF or ws["B2"].value.date() == AS_OF
    days = [ws.cell(r, 5).value for r in range(2, ws.max_row + 1) if ws.cell(r, 5).value]
    years = {d.year for d in days}
    assert years == {2025, 2026, 2027, 2028}  # last year to two years ahead


def test_country_holidays(tmp_path):
    p = new_workbook(tmp_path / "gb.xlsx", country="GB", as_of=AS_OF)
    book = jobbook.read_book(p)
    assert book.settings.Country == "GB" and book.holiday_source == "table"
    assert dt.date(2026, 5, 25) in {d.date() for d in book.holidays["Date"]}  # Spring Bank Holiday


def test_sample_reads_back_exactly(sample_path):
    """read_book(jobbook new --sample) gives back the sample data, value for value."""
    book = jobbook.read_book(sample_path)
    assert book.errors == []
    records = sample_search(AS_OF)
    for name, rows in records.items():
        headers = {c.header for c in TABLES[name].inputs}
        assert [k for row in rows for k in row if k not in headers] == [], (
            name
        )  # no misspelt header
        df = book.inputs[name]
        assert len(df) == len(rows), name
        for (_, got), want in zip(df.iterrows(), rows):
            for col in TABLES[name].inputs:
                w = want.get(col.header)
                g = got[col.header]
                if w is None:
                    assert pd.isna(g), (name, col.header, g)
                elif isinstance(w, dt.datetime):  # the day, and its time of day beside it
                    assert pd.Timestamp(g) == pd.Timestamp(w.date()), (name, col.header)
                    assert book.times[(name, col.header)][got.name] == pd.Timestamp(w)
                elif isinstance(w, dt.date):
                    assert pd.Timestamp(g).date() == w, (name, col.header)
                elif isinstance(w, int | float):
                    assert float(g) == float(w), (name, col.header)
                else:
                    assert g == w, (name, col.header)


def test_sample_is_believable():
    t = sample_search(AS_OF)
    apps = [a for a in t["Pipeline"] if a["Date applied"]]
    assert 55 <= len(apps) <= 65
    first = min(a["Date applied"] for a in apps)
    assert 100 <= (AS_OF - first).days <= 130  # about four months
    assert len({a["Source"] for a in apps}) >= 6
    assert len(t["Offers"]) == 3 and {o["Status"] for o in t["Offers"]} == {
        "Declined",
        "Accepted",
        "Pending",
    }
    assert any(o["Final base"] for o in t["Offers"]) and len(t["Negotiation"]) >= 2
    assert t["Lessons"] and all(les["Lesson"] for les in t["Lessons"]) and len(t["Transition"]) == 1
    assert all(i["Interviewers"] for i in t["Interviews"]) and len(t["Contacts"]) >= len(
        t["Interviews"]
    )
    assert {q["Self-rating"] for q in t["Questions"]} >= {2, 3, 4, 5}
    future = [i for i in t["Interviews"] if i["Date"].date() > AS_OF]
    assert all(i["Thank-you sent"] is None for i in future)
    assert sample_search(AS_OF) == t  # deterministic


def test_outside_text_never_becomes_a_formula(tmp_path):
    evil = '=HYPERLINK("http://evil.example","click")'
    wb = build_workbook(
        {
            "Pipeline": [
                {
                    "ID": "A1",
                    "Company": evil,
                    "Notes": "+1 555 0100",
                    "Source": "@home",
                    "Stage": "Applied",
                    "Status": "Active",
                    "Date applied": AS_OF,
                }
            ]
        },
        as_of=AS_OF,
    )
    path = tmp_path / "evil.xlsx"
    wb.save(path)
    ws = openpyxl.load_workbook(path)["Pipeline"]
    assert ws["B2"].data_type == "s" and ws["B2"].value == evil
    assert ws["B2"].quotePrefix
    book = jobbook.read_book(path)
    assert book.inputs["Pipeline"].iloc[0]["Company"] == evil


def test_settings_notes_never_run_over_the_next_row(wb):
    """A note longer than one line of its column (about 1.1 characters per unit of width at 11
    points) sits in a row tall enough for its lines, its setting at the top beside it: the AsOf
    note ran over the Country note in LibreOffice's rendering."""
    ws = wb["Settings"]
    per_line = ws.column_dimensions["C"].width * 1.1
    long = 0
    for row in range(2, ws.max_row + 1):
        note = ws.cell(row, 3).value
        if isinstance(note, str) and len(note) > per_line:
            long += 1
            lines = -(-len(note) // int(per_line))
            assert (ws.row_dimensions[row].height or 0) >= 15 * lines, (row, note)
            assert ws.cell(row, 1).alignment.vertical == "top"
    assert long >= 1  # AsOf's note is one of them


def test_only_the_xlsm_dashboard_speaks_of_buttons():
    """The .xlsx has no buttons: its Dashboard names the command to run instead; the .xlsm's
    Dashboard keeps the Deadlines button's name."""

    def text(name: str) -> str:
        ws = openpyxl.load_workbook(ROOT / "workbook" / name)["Dashboard"]
        return " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)

    xlsx, xlsm = text("jobbook.xlsx"), text("jobbook.xlsm")
    assert "button" not in xlsx.lower() and "or run jobbook deadlines" in xlsx
    assert "or the Deadlines button, or jobbook deadlines" in xlsm


@pytest.mark.parametrize("committed", [TEMPLATE_PATH, MACRO_TEMPLATE_PATH])
def test_committed_template_is_current(tmp_path, committed):
    """workbook/jobbook.xlsx and .xlsm equal a fresh build (zip parts, timestamps aside)."""
    fresh = build_committed(tmp_path / committed.name)
    assert differences(ROOT / committed, fresh) == [], "run: python scripts/build_template.py"


def test_new_command(tmp_path, capsys):
    out = tmp_path / "search.xlsx"
    assert main(["new", str(out), "--sample", "--as-of", "2026-10-21"]) == 0
    assert out.exists() and out.stat().st_mode & 0o044  # readable like any other file
    before = out.read_bytes()
    assert main(["new", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_bytes() == before  # untouched
    assert main(["new", str(out), "--force"]) == 0
    assert jobbook.read_book(out).inputs["Pipeline"].empty
    assert main(["new", str(tmp_path / "x.csv")]) == 2
    assert main(["new", str(tmp_path / "y.xlsx"), "--country", "XX"]) == 2  # a usage error
    assert "unknown holiday country" in capsys.readouterr().err
    assert not (tmp_path / "y.xlsx").exists()


def test_demo_command(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["demo", str(folder), "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["search-report-2026-11.pdf", "search-report-2026-11.xlsx", "search.xlsx"]
    assert "Applications" in out and "open deadlines" in out
    assert main(["demo", str(folder), "--as-of", "2026-11-25"]) == 1  # files exist: --force needed
    assert main(["demo", str(folder), "--as-of", "2026-11-25", "--force"]) == 0


def test_new_force_keeps_a_backup(tmp_path, capsys):
    path = tmp_path / "search.xlsx"
    assert main(["new", str(path), "--sample", "--as-of", "2026-11-25"]) == 0
    before = path.read_bytes()
    assert main(["new", str(path), "--force"]) == 0
    kept = sorted(tmp_path.glob("search.backup-*.xlsx"))
    assert len(kept) == 1 and kept[0].read_bytes() == before and path.read_bytes() != before
    assert f"Kept the old workbook as {kept[0]}" in capsys.readouterr().out

"""LibreOffice as installed (its default profile, which trusts cached values and ignores
fullCalcOnLoad) opens books it saved itself, changed by `import`, `done` and `accept`, and shows
current figures on every sheet: the Dashboard's equal the core's (`jobbook stats`, `deadlines`),
the user's own formulas read the same in jobbook before and after an unrelated change, and a
name over a sheet whose name needs quotes (written by LibreOffice as &apos;) follows the rows."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_change_lo import change
from test_userbooks import change_all, parts, run
from test_workbook_lo import error_cells, mismatches
from userbooks import lo_saved, user_book

import jobbook
from jobbook import views

from conftest import copy_of

pytestmark = pytest.mark.libreoffice


def as_installed(src: Path, outdir: Path, fmt: str = "xlsx:Calc MS Excel 2007 XML") -> Path:
    """`src` opened by LibreOffice with a fresh default profile (no OOXMLRecalcMode: cached
    values are trusted, as on a user's machine) and saved as `fmt`."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    (outdir / "in").mkdir(parents=True, exist_ok=True)
    copy = outdir / "in" / src.name
    shutil.copy(src, copy)
    profile = outdir / "profile"
    subprocess.run(
        [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir / "out"), str(copy)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return outdir / "out" / f"{src.stem}.{fmt.split(':')[0]}"


def test_libreoffice_as_installed_shows_current_dashboard_figures_after_each_change(
    soffice, pinned_samples, tmp_path
):
    (tmp_path / "src").mkdir()
    book = lo_saved(copy_of(pinned_samples[".xlsx"], tmp_path / "src"), tmp_path / "saved")
    before = jobbook.read_book(book)
    c = change(book, tmp_path)
    after = jobbook.read_book(book)
    assert views.stats(after)["applications"] > views.stats(before)["applications"]
    wb = openpyxl.load_workbook(as_installed(book, tmp_path / "shown"), data_only=True)
    assert error_cells(wb) == []
    assert mismatches(after, wb) == []  # every computed cell and Dashboard figure
    assert wb["Dashboard"]["B5"].value == views.stats(after)["applications"]
    assert c["import"]["added"]


def test_a_book_libreoffice_saved_reads_the_same_after_each_change(soffice, tmp_path):
    """IDs and Next action due typed as formulas, a sheet name that needs quotes, a totals row:
    after import, done and accept jobbook reads every formula as LibreOffice shows it."""
    src = user_book(
        tmp_path / "Zoës search.xlsx", sheet="Zoë's Pipeline 2026", totals="Total",
        own_formulas=True, formula_ids=True,
    )  # fmt: skip
    book = lo_saved(src, tmp_path / "saved")
    assert "&apos;" in parts(book)["xl/workbook.xml"].decode()  # as LibreOffice writes it
    first = jobbook.read_book(book)
    assert first.errors == [] and first.warnings == []
    due = first.inputs["Pipeline"]["Next action due"].dropna()
    assert len(due) == 61
    steps = change_all(book, tmp_path)
    b = steps[-1]["book"]
    p = b.inputs["Pipeline"]
    assert p["ID"].tolist()[:61] == first.inputs["Pipeline"]["ID"].tolist()
    assert p.loc[due.index[5:], "Next action due"].notna().all()  # unrelated rows: still known
    wbxml = parts(book)["xl/workbook.xml"].decode()
    assert "Pipeline 2026&apos;!$A$2:$A$63" in wbxml or "Pipeline 2026'!$A$2:$A$63" in wbxml
    shown = openpyxl.load_workbook(as_installed(book, tmp_path / "shown"), data_only=True)
    ws = shown["Zoë's Pipeline 2026"]
    assert ws["A64"].value == "Total" and ws["B64"].value == len(
        p
    )  # the totals row, moved down, counts every application
    assert shown["Summary"]["B1"].value == len(p) + 1  # COUNTA over column A counts "Total"
    assert shown["Summary"]["B2"].value == int((p["Status"] == "Active").sum())
    with zipfile.ZipFile(book) as z:
        assert z.testzip() is None


def shown_and_current(book: Path, work: Path, sheet: str) -> list[str]:
    """The cells of `sheet` where LibreOffice as installed shows another value than a full
    recalculation: stale cached values."""
    from openpyxl.utils.datetime import to_excel

    from jobbook.libreoffice import recalculate

    def value(cell):  # a date and its serial number are one value (formats may differ)
        return to_excel(cell.value) if hasattr(cell.value, "year") else cell.value

    shown = openpyxl.load_workbook(as_installed(book, work / "shown"), data_only=True)[sheet]
    fresh = openpyxl.load_workbook(recalculate(book, work / "fresh"), data_only=True)[sheet]
    return [
        f"{c.coordinate}: shown {shown[c.coordinate].value!r}, current {c.value!r}"
        for row in fresh.iter_rows()
        for c in row
        if value(shown[c.coordinate]) != value(c)
    ]


def shapes_book(path: Path) -> Path:
    """user_book with two columns of the user's in the Table ("Weight (raw)", typed, and
    "Weight (adj)", a formula over Status), names (one naming another, a relative one, two ends
    of a range) and a sheet "Mine" reading the Pipeline every way the editor must follow."""
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.formula import ArrayFormula
    from openpyxl.worksheet.table import TableColumn

    user_book(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Pipeline"]
    t = ws.tables["Pipeline"]
    for i, name in enumerate(["Weight (raw)", "Weight (adj)"]):
        ws.cell(1, 19 + i, name)
        t.tableColumns.append(TableColumn(id=19 + i, name=name))
    t.ref = "A1:T62"
    for r in range(2, 63):
        ws.cell(r, 19, 10)
        ws.cell(r, 20, f'=IF(J{r}="Active",S{r},0)')
    names = {
        "StatusCol": "Pipeline!$J$2:$J$62", "MyStatus": "StatusCol", "RowStatus": "Pipeline!$J1",
        "FirstStatus": "Pipeline!$J$2", "LastStatus": "Pipeline!$J$62",
        "RowContact": "Pipeline!$L1",
    }  # fmt: skip
    for name, text in names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=text)
    m = wb.create_sheet("Mine")
    formulas = [
        '=COUNTIF(MyStatus,"Active")',
        '=COUNTIF(FirstStatus:LastStatus,"Active")',
        '=COUNTIF(Pipeline!$J$2:LastStatus,"Active")',
        "=SUM(Pipeline[Weight (adj)])",
        "=COUNTA(Pipeline:Interviews!L3)",
        '=IF(TODAY()>0,COUNTIF(Pipeline!J2:J20,"Active"),0)',
        '=SUMPRODUCT((Pipeline!L2:INDEX(Pipeline!L:L,62)<>"")*1)',
    ]
    for i, f in enumerate(formulas, start=2):
        m.cell(i, 2, f)
    m["B13"] = ArrayFormula(
        "B13:B15", "=MMULT(--(TRANSPOSE(Pipeline!J2:J62)=D13:D15),ROW(Pipeline!J2:J62)^0)"
    )
    m["D13"], m["D14"], m["D15"] = "Active", "Withdrawn", "Rejected"
    m["B16"], m["B17"] = "=B14", "=B15"
    for r in range(2, 63):
        m.cell(r, 3, "=RowStatus")
        m.cell(r, 5, '=IF(RowContact="","",RowContact)')
    wb.save(path)
    return path


def test_libreoffice_as_installed_shows_current_values_of_every_formula_shape(soffice, tmp_path):
    """A book LibreOffice saved (so every formula holds a value), changed by `accept` (the
    Status of A001) and by `done follow-up` (one Last contact): what
    LibreOffice as installed shows equals a full recalculation on the user's sheet."""
    import shutil

    book = lo_saved(shapes_book(tmp_path / "shapes.xlsx"), tmp_path / "saved")
    for cmd in (["accept", "O01"], ["done", "follow-up", "A002"]):
        copy = tmp_path / f"{cmd[0]}.xlsx"
        shutil.copy(book, copy)
        code, _, err = run(cmd[0], copy, *cmd[1:])
        assert code == 0, err
        assert shown_and_current(copy, tmp_path / cmd[0], "Mine") == [], cmd


def test_a_dropped_value_is_back_once_libreoffice_saved_the_book(soffice, tmp_path):
    """Status as the user's own formula over Last contact: after `done` jobbook cannot know it
    and says to open and save the book; LibreOffice as installed computes it on opening, and
    the book it saves reads whole again."""
    import shutil

    src = user_book(tmp_path / "own.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb["Pipeline"]
    for r in range(2, 63):
        ws[f"J{r}"] = f'=IF(L{r}<>"","Active","{ws[f"J{r}"].value}")'
    wb.save(src)
    book = lo_saved(src, tmp_path / "saved")
    assert jobbook.read_book(book).problems == []
    code, _, err = run("done", book, "follow-up", "A003")  # A003: Rejected, now Active
    assert code == 0, err
    code, _, err = run("stats", book)
    assert code == 1 and "open the workbook in Excel (or in LibreOffice" in err
    resaved = tmp_path / "resaved.xlsx"
    shutil.copy(as_installed(book, tmp_path / "lo"), resaved)
    b = jobbook.read_book(resaved)
    assert b.problems == [] and b.unknown == {}
    assert b.inputs["Pipeline"].loc[4, "Status"] == "Active"


def test_a_scripted_tables_empty_rows_of_formulas_as_libreoffice_saved_them(soffice, tmp_path):
    """XlsxWriter's Table with 30 empty rows of its calculated Posting URL, re-saved by
    LibreOffice (which keeps the formulas and their values, not the Table's calculated column):
    empty rows to jobbook's reader as to its editor. LibreOffice as installed keeps XlsxWriter's
    0 for =H2+14 (so the advice names Recalculate Hard); recalculated, it is a date."""
    from userbooks import scripted_book

    from jobbook.libreoffice import recalculate

    book = lo_saved(scripted_book(tmp_path / "script.xlsx", empty=30), tmp_path / "saved")
    b = jobbook.read_book(book)
    assert b.errors == [] and len(b.inputs["Pipeline"]) == 40
    assert b.inputs["Pipeline"].loc[2, "Posting URL"] == "posting"
    assert set(b.unknown["Pipeline"]) == {"Next action due"}  # still XlsxWriter's 0
    code, _, err = run("deadlines", book)
    assert code == 1 and "Recalculate Hard" in err
    hard = recalculate(book, tmp_path / "hard")  # Data > Calculate > Recalculate Hard, saved
    b = jobbook.read_book(hard)
    assert b.problems == [] and b.inputs["Pipeline"]["Next action due"].notna().all()
    code, _, err = run("deadlines", hard)
    assert code == 0, err
    csv = tmp_path / "one.csv"
    csv.write_text("Company,Role,Date applied\nOne Row Ltd,Analyst,2026-10-20\n")
    code, _, err = run("import", book, csv)
    assert code == 0, err
    p = jobbook.read_book(book).inputs["Pipeline"]
    assert len(p) == 41 and p.loc[42, "Company"] == "One Row Ltd"

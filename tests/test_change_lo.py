"""done, accept and import on the .xlsm sample and on a book saved by LibreOffice, judged by
LibreOffice: every other zip member byte for byte, the VBA project intact, and after a full
recalculation no error cell, every computed cell and Dashboard figure equal to the Python core, a
thank-you note Done, the Transition dates those of `jobbook deadlines`, the imports counted."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from exports import HUNTR, LINKEDIN_ADDED, linkedin_zip, write
from oletools.olevba import VBA_Parser
from test_workbook_lo import error_cells, mismatches

import jobbook
from jobbook import views
from jobbook.cli import main
from jobbook.libreoffice import convert, recalculate
from jobbook.reader._layout import inspect
from jobbook.vba.xlsm import VBA_MODULE, bas_source

from conftest import copy_of

pytestmark = pytest.mark.libreoffice


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def run(*args) -> dict:
    from contextlib import redirect_stdout
    from io import StringIO

    buf = StringIO()
    with redirect_stdout(buf):
        assert main([*map(str, args), "--json"]) == 0
    return json.loads(buf.getvalue())


def change(book: Path, d: Path) -> dict:
    """done, accept --withdraw, import on `book`: what each printed and the zip after each."""
    b = jobbook.read_book(book)
    thank_you = next(x["id"] for x in views.deadlines(b) if x["kind"] == "thank-you")
    offers = b.tables["Offers"]
    accepted = offers[offers["Status"] == "Accepted"]["ID"].iloc[0]  # O02, with the button
    out = {"thank_you": thank_you, "offer": accepted, "before": b, "parts": [parts(book)]}
    iv = b.tables["Interviews"]
    met = iv.loc[iv["ID"] == thank_you, "Date"].iloc[0].date().isoformat()
    out["done"] = run(
        "done", book, "thank-you", thank_you, "--as-of", met
    )  # on the day, not before
    out["parts"].append(parts(book))
    # the acceptance completed: the notice date, the others withdrawn, their interviews Cancelled
    out["accept"] = run("accept", book, accepted, "--notice-given", "2026-10-26", "--withdraw")
    out["parts"].append(parts(book))
    export = linkedin_zip(d / "export.zip") if not (d / "export.zip").exists() else d / "export.zip"
    out["import"] = run("import", book, export, write(d / "huntr.csv", HUNTR))
    out["parts"].append(parts(book))
    return out


@pytest.fixture(scope="module")
def changed(tmp_path_factory, soffice, pinned_samples) -> dict[str, dict]:
    d = tmp_path_factory.mktemp("changed")
    xlsm = copy_of(pinned_samples[".xlsm"], d)
    (d / "lo-in").mkdir()
    shutil.copy(xlsm, d / "lo-in" / "saved.xlsm")
    lo_saved = convert(d / "lo-in" / "saved.xlsm", "xlsx:Calc MS Excel 2007 XML", d / "lo-saved")
    books = {"xlsm": xlsm, "lo-saved": lo_saved}
    out = {k: change(p, d) | {"path": p} for k, p in books.items()}
    for k, p in books.items():
        out[k]["lo"] = openpyxl.load_workbook(recalculate(p, d / f"recalc-{k}"), data_only=True)
    return out


def test_each_command_changes_only_its_sheets(changed):
    c = changed["xlsm"]
    path = c["path"]
    layout = inspect(path)
    sheets = {
        "done": {"Interviews"},
        "accept": {"Offers", "Pipeline", "Transition", "Lists", "Interviews"},
        "import": {"Pipeline"},
    }
    for step, (a, b) in zip(sheets, zip(c["parts"], c["parts"][1:])):
        assert list(a) == list(b)
        touched = {n for n in a if a[n] != b[n]}
        # each step appends its History rows (the History sheet, its Table grown, its print
        # area in workbook.xml, which also follows the Pipeline rows an import adds)
        log = {layout.parts["History"], "xl/workbook.xml"}
        log |= {n for n in b if n.startswith("xl/tables/") and b'name="History"' in b[n]}
        assert touched == {layout.parts[s] for s in sheets[step]} | log, step
    code = {n: t for _, _, n, t in VBA_Parser(str(path)).extract_macros()}
    assert code[f"{VBA_MODULE}.bas"] == bas_source()


@pytest.mark.parametrize("kind", ["xlsm", "lo-saved"])
def test_libreoffice_agrees_after_the_changes(changed, kind):
    c = changed[kind]
    wb = c["lo"]
    book = jobbook.read_book(c["path"])
    assert book.errors == []
    assert error_cells(wb) == []
    assert mismatches(book, wb) == []  # every computed cell and Dashboard figure
    iv = book.tables["Interviews"].set_index("ID")
    row = int(book.tables["Interviews"].index[book.tables["Interviews"]["ID"] == c["thank_you"]][0])
    assert iv.at[c["thank_you"], "Thank-you flag"] == "Done"
    assert wb["Interviews"][book.cell("Interviews", "Thank-you flag", row)].value == "Done"
    t = book.tables["Transition"]
    t_row = int(t.index[t["Offer ID"] == c["offer"]][0])
    shown = {
        h: wb["Transition"][book.cell("Transition", h, t_row)].value
        for h in ("Last day", "Earliest start")
    }
    start = next(x for x in views.deadlines(book) if x["kind"] == "start" and x["id"] == c["offer"])
    agreed = wb["Transition"][book.cell("Transition", "Agreed start", t_row)].value
    assert start["due"] == agreed.date().isoformat()  # the start agreed, not before the earliest
    assert (
        shown["Earliest start"].date().isoformat() == c["accept"]["earliest_start"] <= start["due"]
    )
    assert shown["Last day"].date().isoformat() == c["accept"]["last_day"]
    cancelled = c["accept"]["cancelled"]
    assert cancelled and {iv.at[i, "Outcome"] for i in cancelled} == {"Cancelled"}
    added = len(c["import"]["added"])
    assert added == LINKEDIN_ADDED + 3  # Huntr: Northwind, Contoso, Fabrikam
    applications = views.stats(book)["applications"]
    assert applications == views.stats(c["before"])["applications"] + added - 2  # two wishlist rows
    assert wb["Dashboard"]["B5"].value == applications


def test_libreoffice_computes_every_formula_of_a_shared_group_written_over(soffice, tmp_path):
    """A hand-made book with shared formulas (test_edit's), its masters written over: the other
    cells of each group still compute what they did before, in LibreOffice's own recalculation."""
    from test_edit import shared_edit

    from handmade import shared_formula_book

    path = shared_formula_book(tmp_path / "shared.xlsx")
    shared_edit(path)
    ws = openpyxl.load_workbook(recalculate(path, tmp_path / "lo"), data_only=True)["Plan"]
    got = {k: ws[k].value for k in ("J3", "J5", "M2", "L3", "M5", "O2", "O5", "C8", "E8")}
    base = {r: 100 * (r - 1) for r in range(2, 6)}  # column E
    assert got == {
        "J3": base[3] + 7,
        "J5": base[5] + 7,
        "M2": base[2] * 10 + 2,  # $E2*10+M$1, in the master's own row
        "L3": base[3] * 10 + 1,
        "M5": base[5] * 10 + 2,
        "O2": base[2] * 3,  # a group whose member (O3) was written: still shared
        "O5": base[5] * 3,
        "C8": 4,  # B8:E8 = B7*2 filled right, B8 cleared
        "E8": 8,
    }
    assert {k: ws[k].value for k in ("L2", "O3")} == {"L2": 5, "O3": 9}
    assert error_cells([ws]) == []

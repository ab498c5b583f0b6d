"""Workbooks laid out the way people lay them out (test helper for issue 21): a Pipeline Table
with a totals row, the user's own formulas in typed columns, collapsed groups of empty rows, a
sheet name that needs quotes, a plain range with an AutoFilter, a sparse date column under a
title, a row typed below the Table. Built with openpyxl as Excel lays them out; ``lo_saved``
gives the same book as LibreOffice saves it.

Every book also has Interviews (one thank-you note due), Offers (one pending offer), an empty
Transition Table and a "Summary" sheet of the user's own formulas over the Pipeline, so that
``done``, ``accept`` and ``import`` each have something to do.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

D = dt.date
PIPELINE = [
    "ID", "Company", "Role", "Location", "Work mode", "Source", "Posting URL", "Date applied",
    "Stage", "Status", "First response", "Last contact", "Next action", "Next action due",
    "Salary min", "Salary max", "Excitement (1-5)", "Notes",
]  # fmt: skip
COMPANIES = ["Acme", "Bolt", "Core", "Dyn", "Echo", "Flux", "Grid", "Hex", "Iota", "Jolt"]
AS_OF = D(2026, 10, 21)


def col(header: str) -> str:
    return get_column_letter(PIPELINE.index(header) + 1)


def _application(i: int) -> dict:
    applied = D(2026, 8, 3) + dt.timedelta(days=i)
    status = "Active" if i % 3 else "Rejected"
    return {
        "ID": f"A{i:03d}",
        "Company": f"{COMPANIES[i % 10]} {i}",
        "Role": "Data Analyst",
        "Source": "LinkedIn" if i % 2 else "Referral",
        "Posting URL": f"https://jobs.example.com/{i}",
        "Date applied": applied,
        "Stage": "Interview" if i == 1 else "Applied",
        "Status": "Active" if i == 1 else status,
        "First response": applied + dt.timedelta(days=4) if i % 5 == 0 else None,
        "Salary min": 60000 + 1000 * i,
    }


def user_book(
    path: Path,
    *,
    rows: int = 61,
    empty: int = 0,
    totals: str | None = None,
    own_formulas: bool = False,
    formula_ids: bool = False,
    grouped: bool = False,
    sheet: str = "Pipeline",
    plain: bool = False,
    sparse_dates: bool = False,
    typed_below: bool = False,
    date_format: str = "yyyy-mm-dd",
) -> Path:
    """A book whose Pipeline holds `rows` applications A001...; `empty` empty Table rows after
    them; `totals`: None, "" (a totals row without a label) or its label ("Total"); `own_formulas`:
    HYPERLINK Posting URLs, Next action and its due date as formulas; `formula_ids`: IDs as
    formulas (="A"&TEXT(ROW()-1,"000"));
    `grouped`: the empty rows grouped and collapsed; `sheet`: the Pipeline sheet's name (the
    Table keeps the name Pipeline); `plain`: a plain range with an AutoFilter, under a title, no
    Table; `sparse_dates`: First response mostly blank and unstyled, its dates dd/mm/yyyy, a
    title date formatted mmmm yyyy; `typed_below`: an incomplete row typed two rows below;
    `date_format`: the format of the applications' dates."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    top = 3 if (plain or sparse_dates) else 1
    if top > 1:
        ws.cell(1, 1, "My search")
        title_date = ws.cell(1, 3, D(2026, 8, 1))
        title_date.number_format = "mmmm yyyy"
    for j, h in enumerate(PIPELINE, 1):
        ws.cell(top, j, h)
    for i in range(1, rows + 1):
        r = top + i
        app = _application(i)
        for j, h in enumerate(PIPELINE, 1):
            v = app.get(h)
            if v is None:
                continue
            c = ws.cell(r, j, v)
            if isinstance(v, D):
                c.number_format = date_format
        if sparse_dates:
            fr = ws[f"{col('First response')}{r}"]
            if fr.value is not None:
                fr.number_format = "dd/mm/yyyy"
            else:
                fr.number_format = "General"
        if formula_ids:
            ws[f"A{r}"] = f'="A"&TEXT(ROW()-{top},"000")'
        if own_formulas:
            ws[f"{col('Posting URL')}{r}"] = (
                f'=HYPERLINK("https://jobs.example.com/"&ROW()-{top},"posting")'
            )
            ws[f"{col('Next action')}{r}"] = f'=IF({col("Status")}{r}="Active","chase "&B{r},"")'
            ws[f"{col('Next action due')}{r}"] = f"={col('Date applied')}{r}+30"
            ws[f"{col('Next action due')}{r}"].number_format = "yyyy-mm-dd"
    last_data = top + rows + empty
    last = last_data + (1 if totals is not None else 0)
    if grouped and empty:
        for r in range(top + rows + 1, last_data + 1):
            ws.row_dimensions[r].outlineLevel = 1
            ws.row_dimensions[r].hidden = True
        ws.row_dimensions[last_data + 1].collapsed = True  # Excel marks the row after the group
    end_col = get_column_letter(len(PIPELINE))
    if plain:
        ws.auto_filter.ref = f"A{top}:{end_col}{top + rows}"
    else:
        t = Table(displayName="Pipeline", ref=f"A{top}:{end_col}{last}")
        t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        t._initialise_columns()
        for j, h in enumerate(PIPELINE):
            t.tableColumns[j].name = h
        if totals is not None:
            t.totalsRowCount = 1
            if totals:
                ws[f"A{last}"] = totals
                t.tableColumns[0].totalsRowLabel = totals
            company: TableColumn = t.tableColumns[1]
            company.totalsRowFunction = "count"
            ws[f"B{last}"] = "=SUBTOTAL(103,Pipeline[Company])"
            salary = t.tableColumns[PIPELINE.index("Salary min")]
            salary.totalsRowFunction = "average"
            ws[f"{col('Salary min')}{last}"] = "=SUBTOTAL(101,Pipeline[Salary min])"
        ws.add_table(t)
        quoted = "'" + sheet.replace("'", "''") + "'" if not sheet.isalnum() else sheet
        wb.defined_names["PipelineIDs"] = DefinedName(
            "PipelineIDs", attr_text=f"{quoted}!$A${top + 1}:$A${last_data}"
        )
    if typed_below:
        below = last + 2
        ws[f"A{below}"] = "A900"
        ws[f"B{below}"] = "Typed Below Ltd"
        ws[f"H{below}"] = D(2026, 10, 1)
        ws[f"H{below}"].number_format = "yyyy-mm-dd"  # no Source, Stage or Status: incomplete
    _others(wb, sheet, top, rows)
    wb.save(path)
    return path


def _table(wb: Workbook, name: str, headers: list[str], rows: list[list]) -> None:
    ws = wb.create_sheet(name)
    ws.append(headers)
    for row in rows:
        ws.append(row)
        for c in ws[ws.max_row]:
            if isinstance(c.value, D):
                c.number_format = "yyyy-mm-dd"
    end = get_column_letter(len(headers))
    t = Table(displayName=name, ref=f"A1:{end}{max(2, len(rows) + 1)}")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(t)


def _others(wb: Workbook, sheet: str, top: int, rows: int) -> None:
    _table(
        wb,
        "Interviews",
        ["ID", "Application ID", "Round", "Date", "Thank-you sent"],
        [["I01", "A001", "Onsite", D(2026, 10, 20), None]],
    )
    _table(
        wb,
        "Offers",
        ["ID", "Application ID", "Offer date", "Base salary", "Status"],
        [["O01", "A001", D(2026, 10, 19), 90000, "Pending"]],
    )
    _table(wb, "Transition", ["Offer ID", "Accepted on", "Notice given"], [])
    s = wb.create_sheet("Summary")
    quoted = "'" + sheet.replace("'", "''") + "'"
    s["A1"], s["B1"] = "Applications", f"=COUNTA({quoted}!A{top + 1}:A{top + rows + 200})"
    s["A2"], s["B2"] = "Active", f'=COUNTIF({quoted}!J:J,"Active")'
    s["A3"], s["B3"] = "Twice", "=B1*2"
    s["A4"], s["B4"] = "Fixed", "=6*7"
    s["A5"], s["B5"] = "Offers", "=COUNTA(Offers[ID])"


def saved_values(book: Path, value: str = "7", text: dict[str, str] | None = None) -> Path:
    """`book` with a value saved for every formula, as a book that Excel or LibreOffice saved
    holds one for each (made here by hand: openpyxl saves none, XlsxWriter a 0): `value` (a
    number), or in the columns of `text` (letter -> text) that text, as a text result."""
    import re
    import zipfile

    text = text or {}

    def one(m: re.Match) -> bytes:
        letter, attrs = m.group(1).decode(), re.sub(rb'\st="[^"]*"', b"", m.group(3))
        if letter in text:
            saved = b' t="str"' + attrs + b">" + m.group(4) + b"<v>%s</v>" % text[letter].encode()
        else:
            saved = attrs + b">" + m.group(4) + b"<v>%s</v>" % value.encode()
        return b'<c r="' + m.group(1) + m.group(2) + b'"' + saved + b"</c>"

    cell = re.compile(rb'<c r="([A-Z]+)(\d+)"([^>]*)>(<f>[^<]*</f>)(?:<v\s*/>|<v>[^<]*</v>)?</c>')
    with zipfile.ZipFile(book) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename.startswith("xl/worksheets/"):
                data = cell.sub(one, data)
            z.writestr(info, data)
    return book


def lo_saved(src: Path, outdir: Path) -> Path:
    """`src` opened and saved as .xlsx by LibreOffice (its own default profile in a fresh folder:
    every formula gets the cached value LibreOffice computed)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "profile"
    subprocess.run(
        [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
         "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
         str(outdir), str(src)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return outdir / f"{src.stem}.xlsx"


def scripted_book(path: Path, *, rows: int = 40, empty: int = 0) -> Path:
    """A tracker as a script writes it with XlsxWriter, which computes no formula and saves 0 as
    the value of each: a Pipeline Table with a totals row labelled Total, a calculated Posting
    URL (HYPERLINK on the row's ID, filled down every row, the `empty` rows after the data
    included), Next action due typed as =H2+14 per cell, dates as d mmm yyyy; Interviews, Offers
    and Transition Tables."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Pipeline")
    date = wb.add_format({"num_format": "d mmm yyyy"})
    heads = [*PIPELINE]
    data = []
    for i in range(1, rows + 1):
        app = _application(i)
        data.append([app.get(h) for h in heads])
    columns = []
    for h in heads:
        c: dict = {"header": h}
        if h == "ID":
            c["total_string"] = "Total"
        elif h == "Company":
            c["total_function"] = "count"
        elif h == "Posting URL":
            c["formula"] = (
                '=HYPERLINK("https://jobs.example.com/"&Pipeline[[#This Row],[ID]],"posting")'
            )
        elif h in ("Date applied", "First response", "Next action due"):
            c["format"] = date
        columns.append(c)
    last = rows + empty + 1  # 0-based: the totals row
    ws.add_table(0, 0, last, len(heads) - 1, {"name": "Pipeline", "columns": columns,
                                              "total_row": True})  # fmt: skip
    for r, row in enumerate(data, start=1):
        for c, (h, v) in enumerate(zip(heads, row)):
            if h == "Posting URL":
                continue
            if h == "Next action due":
                ws.write_formula(r, c, f"=H{r + 1}+14", date)
            elif isinstance(v, D):
                ws.write_datetime(r, c, dt.datetime.combine(v, dt.time()), date)
            elif v is not None:
                ws.write(r, c, v)
    for name, hs, row in (
        ("Interviews", ["ID", "Application ID", "Round", "Date", "Thank-you sent"],
         ["I01", "A001", "Onsite", D(2026, 10, 20), None]),
        ("Offers", ["ID", "Application ID", "Offer date", "Base salary", "Status"],
         ["O01", "A001", D(2026, 10, 19), 90000, "Pending"]),
        ("Transition", ["Offer ID", "Accepted on", "Notice given"], None),
    ):  # fmt: skip
        sheet = wb.add_worksheet(name)
        sheet.add_table(
            0, 0, 1, len(hs) - 1, {"name": name, "columns": [{"header": h} for h in hs]}
        )
        for c, v in enumerate(row or []):
            if isinstance(v, D):
                sheet.write_datetime(1, c, dt.datetime.combine(v, dt.time()), date)
            elif v is not None:
                sheet.write(1, c, v)
    wb.close()
    return path


CHECKER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "ooxml_check.py"


def ooxml_clean(path: Path) -> None:
    """../shared/tools/ooxml_check.py passes `path`. It needs lxml, which is not a dev dependency:
    with lxml installed openpyxl writes other bytes and the committed templates would differ. So
    it runs under JOBBOOK_OOXML_PYTHON (a Python with lxml) when set, else this one if it has
    lxml. Without either (or without the tool) the check is said as a warning, not passed
    silently."""
    import importlib.util
    import os
    import warnings

    python = os.environ.get("JOBBOOK_OOXML_PYTHON") or (
        sys.executable if importlib.util.find_spec("lxml") else None
    )
    if not CHECKER.exists() or python is None:
        warnings.warn("ooxml_check.py not run: it needs lxml and ../shared/tools", stacklevel=2)
        return
    done = subprocess.run([python, str(CHECKER), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

"""The workbook editor on real files: only the cells written change, every other zip member stays
byte for byte, the VBA project still decodes, rows go where a person would put them, and a file
is never left half written (jobbook.edit; LibreOffice's verdict is in test_change_lo.py)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import signal
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from oletools.olevba import VBA_Parser

import jobbook
from jobbook import JobbookError
from jobbook.changes import CellWrite, RowAppend, TableWrite
from jobbook.edit import edit_workbook
from jobbook.edit._formula import shift, shift_rows
from jobbook.edit._styles import is_date_code
from jobbook.vba.xlsm import VBA_MODULE, bas_source

from conftest import PIPELINE_KEYS, build_search, copy_of
from handmade import new_workbook as blank_workbook
from handmade import save, shared_formula_book, write_sheet


@pytest.fixture
def book(pinned_samples, tmp_path) -> Path:
    return copy_of(pinned_samples[".xlsm"], tmp_path)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def raw_members(path: Path) -> dict[str, tuple[int, bytes]]:
    """Each member as stored: compression method and compressed bytes."""
    out = {}
    with zipfile.ZipFile(path) as z, path.open("rb") as fh:
        for info in z.infolist():
            fh.seek(info.header_offset + 26)
            skip = int.from_bytes(fh.read(2), "little") + int.from_bytes(fh.read(2), "little")
            fh.seek(info.header_offset + 30 + skip)
            out[info.filename] = (info.compress_type, fh.read(info.compress_size))
    return out


def sheet_part(path: Path, sheet: str) -> str:
    from jobbook.reader._layout import inspect

    return inspect(path).parts[sheet]


def test_only_the_parts_written_change_byte_for_byte(book):
    before, raw_before = parts(book), raw_members(book)
    book_before = jobbook.read_book(book)
    row = int(book_before.tables["Interviews"].index[2])
    changes = [
        TableWrite("Interviews", "Thank-you sent", row, dt.date(2026, 10, 21)),
        RowAppend("Pipeline", {"ID": "A900", "Company": "=cmd()", "Source": "LinkedIn",
                               "Date applied": dt.date(2026, 10, 20), "Stage": "Applied", "Status": "Active"}),
    ]  # fmt: skip
    result = edit_workbook(book, changes)
    after, raw_after = parts(book), raw_members(book)
    touched = {sheet_part(book, "Interviews"), sheet_part(book, "Pipeline")}
    assert list(after) == list(before)  # same members, same order
    # workbook.xml: Pipeline's print area now reaches the row appended (nothing else differs)
    assert {n for n in before if before[n] != after[n]} == touched | {"xl/workbook.xml"}
    areas = re.compile(r"(Pipeline!\$A\$1:\$T\$)\d+")
    wb_before, wb_after = before["xl/workbook.xml"].decode(), after["xl/workbook.xml"].decode()
    assert areas.sub(r"\1N", wb_before) == areas.sub(r"\1N", wb_after) != wb_after
    for name in set(before) - touched - {"xl/workbook.xml"}:  # copied as stored, not recompressed
        assert raw_after[name] == raw_before[name], name
    assert result.backup is not None and result.backup.read_bytes() != book.read_bytes()
    assert parts(result.backup) == before
    code = {n: t for _, _, n, t in VBA_Parser(str(book)).extract_macros()}
    assert code[f"{VBA_MODULE}.bas"] == bas_source()
    b = jobbook.read_book(book)
    assert b.errors == []
    assert b.tables["Interviews"].at[row, "Thank-you sent"] == pd_ts(2026, 10, 21)
    new = b.tables["Pipeline"].iloc[-1]
    assert (new["ID"], new["Company"], new["Date applied"]) == (
        "A900",
        "=cmd()",
        pd_ts(2026, 10, 20),
    )
    assert (
        new.name == int(book_before.tables["Pipeline"].index.max()) + 1
    )  # after the last row in use
    xml = after[sheet_part(book, "Pipeline")].decode()
    assert "=cmd()" in xml and "<f>=cmd" not in xml and "<f>cmd" not in xml  # text, never a formula
    assert 'fullCalcOnLoad="1"' in after["xl/workbook.xml"].decode()
    assert not re.search(r"</f><v>[^<]", xml)  # the template's formulas hold no cached value
    assert not list(book.parent.glob(".*jobbook-tmp*"))


def pd_ts(*ymd):
    import pandas as pd

    return pd.Timestamp(dt.date(*ymd))


def test_dry_run_writes_nothing_and_lists_the_cells(book):
    before = book.read_bytes()
    b = jobbook.read_book(book)
    row = int(b.tables["Pipeline"].index[0])
    old = b.tables["Pipeline"].at[row, "Status"]
    new = "Withdrawn" if old != "Withdrawn" else "Rejected"  # a change, whatever the sample holds
    result = edit_workbook(book, [TableWrite("Pipeline", "Status", row, new)], dry_run=True)
    assert book.read_bytes() == before and not result.written and result.backup is None
    assert len(list(book.parent.iterdir())) == 1
    assert [str(c) for c in result.cells] == [
        f"Pipeline!{b.cell('Pipeline', 'Status', row)}: {old} -> {new}"
    ]


def test_a_plain_range_under_a_title_gets_its_row_below_the_last_row_in_use(tmp_path):
    path = build_search(tmp_path / "mine.xlsx")
    before = jobbook.read_book(path)
    last = int(before.inputs["Pipeline"].index.max())
    edit_workbook(
        path,
        [RowAppend("Pipeline", {"ID": "A11", "Company": "Kilo", "Source": "Network", "Stage": "Applied",
                                "Status": "Active", "Date applied": dt.date(2026, 3, 9), "Posting URL": "x"})],
    )  # fmt: skip
    after = jobbook.read_book(path)
    assert after.errors == []
    row = after.inputs["Pipeline"].loc[last + 1]
    assert (row["ID"], row["Company"], row["Date applied"]) == ("A11", "Kilo", pd_ts(2026, 3, 9))
    ws = openpyxl.load_workbook(path)["Pipeline"]
    assert ws[f"C{last + 1}"].value is None  # the user's own column, between ID and Source
    assert ws.cell(last + 1, 5).number_format == "yyyy-mm-dd"  # the date column's format
    first_response = ["Company", "ID", "My notes", *PIPELINE_KEYS[2:]].index("First response") + 1
    assert ws.cell(last + 1, first_response).value is None
    assert ws.cell(last + 1, first_response).number_format == "yyyy-mm-dd"  # a blank cell too
    assert ws["A1"].value == "My job search 2026"


def test_a_full_table_grows_by_a_row_with_its_formulas(tmp_path):
    wb = blank_workbook()
    ws = write_sheet(
        wb,
        "Transition",
        [{"Offer ID": "O1", "Accepted on": dt.date(2026, 1, 31), "Last day": None, "Mine": None}],
        table=True,
    )
    ws["C2"] = "=B2*2"  # a computed column (Last day): copied down
    ws["D2"] = "=A2&B2"  # the user's own formula in a column jobbook does not compute: not copied
    ws.conditional_formatting.add(
        "B2:B2", openpyxl.formatting.rule.CellIsRule(operator="greaterThan", formula=["0"])
    )
    wb.defined_names["Accepted"] = openpyxl.workbook.defined_name.DefinedName(
        "Accepted", attr_text="Transition!$B$2:$B$2"
    )
    write_sheet(wb, "Notes", [{"Text": "below"}])
    path = save(wb, tmp_path / "full.xlsx")  # fmt: skip
    result = edit_workbook(
        path, [RowAppend("Transition", {"Offer ID": "O2", "Accepted on": dt.date(2026, 2, 3)})]
    )
    assert any("now reaches row 3" in n for n in result.notes)
    got = parts(path)
    table = next(v.decode() for k, v in got.items() if k.startswith("xl/tables/"))
    assert 'ref="A1:D3"' in table
    sheet = got[sheet_part(path, "Transition")].decode()
    assert "<f>B3*2</f>" in sheet and 'sqref="B2:B3"' in sheet
    assert "A3&amp;B3" not in sheet and 'r="D3"' not in sheet
    assert "Transition!$B$2:$B$3" in got["xl/workbook.xml"].decode()
    assert jobbook.read_book(path).inputs["Transition"]["Offer ID"].tolist() == ["O1", "O2"]


def test_a_row_in_use_below_a_full_table_is_a_clear_error(tmp_path):
    wb = blank_workbook()
    ws = write_sheet(
        wb, "Transition", [{"Offer ID": "O1", "Accepted on": dt.date(2026, 1, 31)}], table=True
    )
    ws["A3"] = "typed below"
    path = save(wb, tmp_path / "below.xlsx")
    before = path.read_bytes()
    with pytest.raises(
        JobbookError, match=r"Transition!A3: the row below the Transition table is in use"
    ):
        edit_workbook(path, [RowAppend("Transition", {"Offer ID": "O2"})])
    assert path.read_bytes() == before and len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize(
    "name, lock",
    [
        ("search.xlsm", "~$search.xlsm"),  # Excel's owner file
        ("applications.xlsm", "~$plications.xlsm"),  # ... a long name loses its first letters
        ("search.xlsm", ".~lock.search.xlsm#"),  # LibreOffice's
    ],
)
def test_a_book_open_in_excel_or_libreoffice_is_refused(book, name, lock):
    book = book.rename(book.with_name(name))
    (book.parent / lock).write_text("someone")
    before = book.read_bytes()
    app = "LibreOffice" if ".~lock" in lock else "Excel"
    with pytest.raises(JobbookError, match=f"open in {app} .{re.escape(lock)}"):
        edit_workbook(book, [CellWrite("Lists", "A1", [["x"]])])
    assert book.read_bytes() == before and not list(book.parent.glob("*.backup-*"))


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EXCEL_LIKE = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook {_NS} xmlns:r="{_R}"><sheets><sheet name="Pipeline" sheetId="1" r:id="rId1"/></sheets>'
    '<calcPr calcId="191029"/></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_R}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_R}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId4" Type="{_R}/calcChain" Target="calcChain.xml"/></Relationships>',
    "xl/styles.xml": f'<styleSheet {_NS}><fonts count="1"><font><sz val="11"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    "xl/sharedStrings.xml": f'<sst {_NS} count="10" uniqueCount="10">'
    + "".join(
        f"<si><t>{t}</t></si>"
        for t in (
            "ID",
            "Company",
            "Stage",
            "Status",
            "Length",
            "Source",
            "Date applied",
            "A1",
            "Acme",
            "Applied",
        )
    )
    + "</sst>",
    "xl/worksheets/sheet1.xml": f'<worksheet {_NS}><dimension ref="A1:G2"/><sheetData>'
    '<row r="1" spans="1:7"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>'
    '<row r="2" spans="1:7"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>8</v></c><c r="C2" t="s"><v>9</v></c>'
    '<c r="D2" t="inlineStr"><is><t>Active</t></is></c><c r="E2"><f>LEN(B2)</f><v>4</v></c></row>'
    "</sheetData></worksheet>",
    "xl/calcChain.xml": f'<calcChain {_NS}><c r="E2" i="1"/></calcChain>',
}


def test_a_book_as_excel_saves_it(tmp_path):
    """Shared strings (reused, appended, counted), a calcChain (removed with its relationship and
    content type), the cached value of a formula the change cannot reach (kept), the user's own
    formula column (not copied into the new row: only computed columns are), a date style added."""
    path = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in EXCEL_LIKE.items():
            z.writestr(name, xml)
    edit_workbook(
        path,
        [
            RowAppend("Pipeline", {"ID": "A2", "Company": "Acme", "Stage": "Ünïcode & <co>", "Date applied": dt.date(2026, 5, 4)}),
            TableWrite("Pipeline", "Status", 2, "Rejected"),
        ],
    )  # fmt: skip
    got = parts(path)
    assert "xl/calcChain.xml" not in got
    assert b"calcChain" not in got["xl/_rels/workbook.xml.rels"] + got["[Content_Types].xml"]
    sst = got["xl/sharedStrings.xml"].decode()
    assert (
        sst.count("<t>Acme</t>") == 1
        and "Ünïcode &amp; &lt;co&gt;" in sst
        and "<t>Rejected</t>" in sst
    )
    # 10 references + 4 new (A2, Acme, Ünïcode, Rejected over an inline string); 3 new texts
    assert re.search(r'count="(\d+)" uniqueCount="(\d+)"', sst).groups() == ("14", "13")
    assert sst.count("<si>") == 13
    sheet = got["xl/worksheets/sheet1.xml"].decode()
    assert "<f>LEN(B2)</f><v>4</v></c>" in sheet and "LEN(B3)" not in sheet
    assert 'fullCalcOnLoad="1"' in got["xl/workbook.xml"].decode()
    assert "numFmtId" in got["xl/styles.xml"].decode() and b"yyyy-mm-dd" in got["xl/styles.xml"]
    ws = openpyxl.load_workbook(path)["Pipeline"]
    assert [c.value for c in ws[3]][:3] == ["A2", "Acme", "Ünïcode & <co>"]
    assert ws["D2"].value == "Rejected" and ws["F3"].value is None
    assert ws["G3"].value == dt.datetime(2026, 5, 4) and is_date_code(ws["G3"].number_format)


def test_big_sheet_streams_through_chunk_boundaries(tmp_path):
    """12,000 rows (3 MB of XML, read in 1 MB chunks): the rows written change, no other."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Pipeline")
    ws.append(["ID", "Company", "Source", "Date applied", "Stage", "Status", "Follow-up due"])
    for i in range(2, 12002):
        ws.append(
            [
                f"A{i - 1:05d}",
                f"Company {i}",
                "LinkedIn",
                46000 + i % 300,
                "Applied",
                "Active",
                f"=LEN(B{i})*2",
            ]
        )
    path = tmp_path / "big.xlsx"
    wb.save(path)  # fmt: skip
    before = parts(path)["xl/worksheets/sheet1.xml"].decode()
    edit_workbook(
        path,
        [
            TableWrite("Pipeline", "Status", 9000, "Rejected"),
            RowAppend("Pipeline", {"ID": "A12001", "Company": "Last"}),
        ],
    )
    after = parts(path)["xl/worksheets/sheet1.xml"].decode()
    rows_before = re.findall(r"<row .*?</row>", before)
    rows_after = re.findall(r"<row .*?</row>", after)
    assert len(rows_after) == len(rows_before) + 1
    strip = lambda s: re.sub(r"(</f>)(<v>[^<]*</v>|<v />)", r"\1", s)  # noqa: E731 (cached values)
    changed = [i for i, (a, b) in enumerate(zip(rows_before, rows_after)) if strip(a) != strip(b)]
    assert changed == [9000 - 1]  # row 9000, nothing else
    assert "<f>LEN(B12002)*2</f>" in rows_after[-1] and ">Last<" in rows_after[-1]


def test_formula_copied_down_moves_relative_rows_only():
    assert (
        shift_rows('IF(B7>$C$2,SUM(B7:D7)&"B7",Other!E7+$F7+G$1)', 1)
        == 'IF(B8>$C$2,SUM(B8:D8)&"B7",Other!E8+$F8+G$1)'
    )
    assert (
        shift_rows("Transition[[#This Row],[Notice given]]+LOG10(A1)", 1)
        == "Transition[[#This Row],[Notice given]]+LOG10(A2)"
    )
    assert shift_rows("'My B7 sheet'!B7", 2) == "'My B7 sheet'!B9"


def test_formula_copied_right_and_down_moves_relative_columns_and_rows():
    assert shift("$E2*10+L$1", 2, 1) == "$E4*10+M$1"
    assert (
        shift("SUM(E:E)+SUM($E:F)+SUM(3:5)+SUM($3:4)", 1, 2)
        == "SUM(G:G)+SUM($E:H)+SUM(4:6)+SUM($3:5)"
    )
    # names, functions with digits, structured references and literals stay as they are
    assert shift('T1[Col]+LOG10(A1)+ABCD1+"B7"&Rate', 1, 1) == 'T1[Col]+LOG10(B2)+ABCD1+"B7"&Rate'
    assert shift("XFD1+A1048576", 1, 1) == "#REF!+#REF!"  # off the sheet, as Excel says


def shared_edit(path: Path) -> None:
    """Write over the masters of three shared-formula groups (a column filled down, a block filled
    down and right, a row filled right: cleared) and over a member of a fourth."""
    edit_workbook(
        path,
        [
            CellWrite("Plan", "J2", [[dt.date(2026, 11, 2)]]),
            CellWrite("Plan", "L2", [[5]]),
            CellWrite("Plan", "O3", [[9]]),
            CellWrite("Plan", "B8", [[None]]),
        ],
        keep_backup=False,
    )


SHARED_WRITTEN = {"J2", "L2", "O3", "B8"}


def test_writing_over_a_shared_formula_keeps_every_other_cells_formula(tmp_path):
    """Excel stores a filled-down formula once, in the group's first cell; writing that cell must
    not leave the others empty. openpyxl, which expands shared formulas, reads every formula
    before and after: the same, but for the cells written."""
    path = shared_formula_book(tmp_path / "shared.xlsx")
    formulas = {
        c.coordinate: c.value
        for row in openpyxl.load_workbook(path)["Plan"].iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    }
    assert len(formulas) == 20 and formulas["M4"] == "=$E4*10+M$1"
    shared_edit(path)
    ws = openpyxl.load_workbook(path)["Plan"]
    after = {k: ws[k].value for k in formulas}
    assert after == {k: v for k, v in formulas.items() if k not in SHARED_WRITTEN} | {
        "J2": dt.datetime(2026, 11, 2),
        "L2": 5,
        "O3": 9,
        "B8": None,
    }
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    masters = set(re.findall(r'<f t="shared" ref="[^"]+" si="(\d+)">', xml))
    members = set(re.findall(r'<f t="shared" si="(\d+)"/>', xml))
    assert masters == members == {"3"}  # the group whose member was written stays shared
    # their own formulas now, with their cached values: nothing they read was written
    assert '<c r="J3"><f>E3+7</f><v>207</v></c>' in xml
    assert '<c r="C8"><f>C7*2</f><v>4</v></c>' in xml


def _edit_in_child(path: str, changes) -> None:
    edit_workbook(path, changes)


def test_a_kill_at_any_moment_leaves_the_old_book_or_the_new_one(tmp_path):
    """kill -9 of the writer at moments spread over its run: the book is always one whole
    workbook, the old or the new; the next run removes the temporary file left behind."""
    base = build_search(tmp_path / "base.xlsx")
    changes = [
        RowAppend(
            "Pipeline", {"ID": f"A{i}", "Company": f"C{i}", "Stage": "Wishlist", "Status": "Active"}
        )
        for i in range(40)
    ]
    ctx = multiprocessing.get_context("fork")
    ref = tmp_path / "ref" / "book.xlsx"
    ref.parent.mkdir()
    ref.write_bytes(base.read_bytes())
    started = time.perf_counter()
    child = ctx.Process(target=_edit_in_child, args=(str(ref), changes))
    child.start()
    child.join()
    took = time.perf_counter() - started  # a whole run in a child, as the runs below
    old, new = base.read_bytes(), ref.read_bytes()
    assert new != old and len(jobbook.read_book(ref).inputs["Pipeline"]) == 50
    seen = set()
    for k in range(14):
        folder = tmp_path / f"k{k}"
        folder.mkdir()
        path = folder / "book.xlsx"
        path.write_bytes(old)
        child = ctx.Process(target=_edit_in_child, args=(str(path), changes))
        child.start()
        time.sleep(took * 2 * k / 13)  # from at once to twice a whole run
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        data = path.read_bytes()
        assert data in (old, new), f"a kill at {k}/13 of two runs left a broken book"
        seen.add(data == new)
        edit_workbook(path, [CellWrite("Pipeline", "C4", [["next run"]])], keep_backup=False)
        assert not [p.name for p in folder.iterdir() if ".jobbook-tmp-" in p.name]
    assert seen == {False, True}  # killed before and after the rename, both seen


def _stall_mid_write(path: str, changes) -> None:
    """A writer that stops for good half way through the new file (then is killed)."""
    from jobbook.edit import _edit

    real = _edit.rewrite

    def half(src, dst, changed, added=None):
        real(src, dst, changed, added)
        dst.flush()
        dst.truncate(dst.tell() // 2)
        time.sleep(60)

    _edit.rewrite = half
    edit_workbook(path, changes)


def test_a_writer_killed_mid_write_leaves_a_temporary_file_the_next_run_removes(tmp_path):
    path = build_search(tmp_path / "book.xlsx")
    old = path.read_bytes()
    child = multiprocessing.get_context("fork").Process(
        target=_stall_mid_write, args=(str(path), [CellWrite("Pipeline", "C4", [["x"]])])
    )
    child.start()
    for _ in range(200):
        temps = [p for p in tmp_path.iterdir() if ".jobbook-tmp-" in p.name]
        if temps and temps[0].stat().st_size:
            break
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    assert path.read_bytes() == old and len(temps) == 1 and f"-{child.pid}-" in temps[0].name
    edit_workbook(path, [CellWrite("Pipeline", "C4", [["next run"]])])
    assert not temps[0].exists() and path.read_bytes() != old


def print_areas(path: Path) -> dict[str, str]:
    """Sheet name -> its _xlnm.Print_Area text, from workbook.xml."""
    xml = zipfile.ZipFile(path).read("xl/workbook.xml").decode()
    sheets = re.findall(r'<sheet\b[^>]*?\bname="([^"]*)"', xml)
    found = re.findall(
        r'<definedName\b[^>]*name="_xlnm\.Print_Area"[^>]*localSheetId="(\d+)"[^>]*>([^<]*)<|'
        r'<definedName\b[^>]*localSheetId="(\d+)"[^>]*name="_xlnm\.Print_Area"[^>]*>([^<]*)<',
        xml,
    )
    return {sheets[int(a or c)]: b or d for a, b, c, d in found}


def test_a_print_area_that_ends_on_the_last_row_in_use_follows_rows_appended(book):
    """LibreOffice prints only a literal print area: the template's ends on the last row in use,
    and a row appended below it extends it; a print area the user chose stays."""
    before = print_areas(book)
    last = int(before["Transition"].rsplit("$", 1)[1])
    pipeline_last = int(before["Pipeline"].rsplit("$", 1)[1])
    assert pipeline_last < 200  # the rows in use, not the table's pre-filled rows
    edit_workbook(
        book,
        [
            RowAppend("Transition", {"Offer ID": "O01"}),
            RowAppend("Pipeline", {"ID": "A900", "Company": "Zeta", "Stage": "Applied"}),
            RowAppend("Pipeline", {"ID": "A901", "Company": "Eta", "Stage": "Applied"}),
        ],
        keep_backup=False,
    )
    after = print_areas(book)
    assert after["Transition"] == before["Transition"].replace(f"${last}", f"${last + 1}")
    assert after["Pipeline"].endswith(f"${pipeline_last + 2}")
    assert after["Offers"] == before["Offers"]  # a sheet not appended to keeps its area
    # a print area of the user's own (here: the first three columns of two rows) is left alone
    xml = zipfile.ZipFile(book).read("xl/workbook.xml").decode()
    own = xml.replace(after["Pipeline"], "Pipeline!$A$1:$C$2")
    with zipfile.ZipFile(book) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            zout.writestr(info, own.encode() if info.filename == "xl/workbook.xml" else data)
    edit_workbook(
        book, [RowAppend("Pipeline", {"ID": "A902", "Company": "Theta"})], keep_backup=False
    )
    assert print_areas(book)["Pipeline"] == "Pipeline!$A$1:$C$2"

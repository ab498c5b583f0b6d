"""The editor on books laid out as people lay them out (issue 21): each case made as Excel lays it
out (openpyxl), changed by `import`, `done` and `accept`; after each command the parts it does
not touch are byte for byte as they were, every part is valid against the ISO schemas, and
jobbook reads its own result back with nothing lost. LibreOffice's verdict on the same books,
re-saved by LibreOffice, is in test_userbooks_lo.py."""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import openpyxl
from userbooks import AS_OF, col, ooxml_clean, saved_values, user_book

import jobbook
from jobbook.cli import main

ONE = "Company,Role,Date applied,First response\nOne Row Ltd,Analyst,2026-10-20,2026-10-21\n"


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def run(*args) -> tuple[int, dict, str]:
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*map(str, args), "--as-of", AS_OF.isoformat(), "--json"])
    return code, json.loads(out.getvalue()) if code == 0 else {}, err.getvalue()


def commands(book: Path, tmp: Path) -> list[tuple]:
    csv = tmp / "one.csv"
    csv.write_text(ONE)
    return [
        ("import", book, csv, "--map", "First response=First response"),
        ("done", book, "thank-you", "I01"),
        ("accept", book, "O01"),
    ]


# which parts each command may change, beyond the sheets it writes
ALLOWED = re.compile(r"xl/(workbook\.xml|tables/table\d+\.xml|sharedStrings\.xml|styles\.xml)$")


def change_all(book: Path, tmp: Path) -> list[dict]:
    """import, done, accept in turn; after each: the parts outside its sheets unchanged, the book
    valid and read back without error."""
    out = []
    for cmd in commands(book, tmp):
        before = parts(book)
        code, data, err = run(*cmd)
        assert code == 0, err
        after = parts(book)
        assert list(after)[: len(before)] == list(before)
        new = list(after)[len(before) :]  # the History sheet, on the book's first change
        if new:
            assert not out and len(new) == 3, new
            assert {n.split("/")[1] for n in new} == {"worksheets", "tables"}, new
        touched = {n for n in before if before[n] != after[n]}
        sheets = {n for n in touched if n.startswith("xl/worksheets/")}
        allowed = {n for n in touched if ALLOWED.match(n)}
        if new:  # entered in the workbook's relationships and the content types
            allowed |= {"xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
        assert touched - sheets <= allowed, touched
        ooxml_clean(book)
        b = jobbook.read_book(book)
        assert b.errors == [], b.errors
        out.append({"cmd": cmd[0], "data": data, "err": err, "book": b, "touched": touched})
    return out


def test_a_full_table_with_a_totals_row_gets_the_row_above_it(tmp_path):
    book = user_book(tmp_path / "totals.xlsx", totals="")  # no label, as in the issue
    steps = change_all(book, tmp_path)
    b = steps[-1]["book"]
    p = b.inputs["Pipeline"]
    assert p.loc[63, "ID"] == "A062" and p.loc[63, "Company"] == "One Row Ltd"
    wb = openpyxl.load_workbook(book)
    ws = wb["Pipeline"]
    assert ws["B64"].value == "=SUBTOTAL(103,Pipeline[Company])"  # the total moved down
    assert ws["O64"].value == "=SUBTOTAL(101,Pipeline[Salary min])"
    assert ws.tables["Pipeline"].ref == "A1:R64" and ws.tables["Pipeline"].totalsRowCount == 1
    assert "Pipeline!$A$2:$A$63" in str(wb.defined_names["PipelineIDs"].attr_text)
    code, _, err = run("done", book, "follow-up", "A062")  # jobbook sees the application
    assert code == 0, err


def test_a_totals_row_pushed_down_is_no_formula_of_the_users_to_warn_about(tmp_path):
    """Its SUBTOTALs sit in columns jobbook reads, but on a row it does not read: they are
    recomputed (their saved values go) and not named in the warning, neither where they were
    nor where they are now."""
    book = saved_values(user_book(tmp_path / "totals.xlsx", totals="Total"))
    code, data, err = run(*commands(book, tmp_path)[0])
    assert code == 0, err
    assert "SUBTOTAL" not in err and "lose their saved values" not in err, err
    sheet = parts(book)["xl/worksheets/sheet1.xml"].decode()
    assert re.search(r'<c r="B64"[^>]*><f>SUBTOTAL\(103,Pipeline\[Company\]\)</f></c>', sheet)


def test_a_totals_row_labelled_total_never_blocks_while_empty_rows_remain(tmp_path):
    book = user_book(tmp_path / "label.xlsx", totals="Total", empty=439)
    steps = change_all(book, tmp_path)
    ws = openpyxl.load_workbook(book)["Pipeline"]
    assert ws["A63"].value == "A062" and ws["B63"].value == "One Row Ltd"
    assert ws["A502"].value == "Total" and ws.tables["Pipeline"].ref == "A1:R502"
    assert "now reaches" not in " ".join(steps[0]["data"]["notes"])


def test_new_rows_take_no_formula_of_the_users_typed_columns(tmp_path):
    book = saved_values(user_book(tmp_path / "own.xlsx", own_formulas=True, empty=3))
    code, data, err = run(*commands(book, tmp_path)[0])
    assert code == 0, err
    ws = openpyxl.load_workbook(book)["Pipeline"]
    row = 63
    assert ws[f"A{row}"].value == "A062"
    for header in ("Posting URL", "Next action", "Next action due"):
        assert ws[f"{col(header)}{row}"].value is None, header  # no other company's link
    listed = {c["cell"] for c in data["cells"]}
    written = {c.coordinate for c in ws[row] if c.value is not None}  # every cell written is listed
    assert written <= listed


def test_new_rows_in_a_collapsed_group_are_shown_and_the_rest_stays_collapsed(tmp_path):
    book = user_book(tmp_path / "grouped.xlsx", empty=20, grouped=True)
    change_all(book, tmp_path)
    ws = openpyxl.load_workbook(book)["Pipeline"]
    assert ws["A63"].value == "A062"
    assert not ws.row_dimensions[63].hidden and not ws.row_dimensions[63].outlineLevel
    assert all(ws.row_dimensions[r].hidden and ws.row_dimensions[r].outlineLevel == 1
               for r in range(64, 83))  # fmt: skip


def test_a_plain_range_keeps_its_autofilter_and_filter_database_over_new_rows(tmp_path):
    book = user_book(tmp_path / "plain.xlsx", plain=True)
    change_all(book, tmp_path)
    got = parts(book)
    sheet, wbxml = got["xl/worksheets/sheet1.xml"].decode(), got["xl/workbook.xml"].decode()
    assert '<autoFilter ref="A3:R65"' in sheet
    assert re.search(r"_xlnm\._FilterDatabase[^>]*>'Pipeline'!\$A\$3:\$R\$65<", wbxml)


def test_a_date_in_an_unstyled_cell_takes_its_columns_date_format(tmp_path):
    book = user_book(tmp_path / "sparse.xlsx", plain=True, sparse_dates=True)
    change_all(book, tmp_path)
    ws = openpyxl.load_workbook(book)["Pipeline"]
    cell = ws[f"{col('First response')}65"]
    assert ws["B65"].value == "One Row Ltd" and cell.value.date().isoformat() == "2026-10-21"
    assert cell.number_format == "dd/mm/yyyy"  # the column's, not the title's mmmm yyyy


def test_a_date_in_a_column_without_dates_takes_the_tables_format_never_the_titles(tmp_path):
    """A plain range under a title dated mmmm yyyy: Last contact holds no date yet; `done`
    writes one in the format most used by the table's dates, else in the schema's."""
    book = user_book(tmp_path / "title.xlsx", plain=True, sparse_dates=True,
                     date_format="d mmm yyyy")  # fmt: skip
    code, _, err = run("done", book, "follow-up", "A002")
    assert code == 0, err
    cell = openpyxl.load_workbook(book)["Pipeline"][f"{col('Last contact')}5"]
    assert cell.value.date() == AS_OF and cell.number_format == "d mmm yyyy"
    # no date in the table at all (dates typed as text): the schema's format
    book = user_book(tmp_path / "text.xlsx", plain=True)
    wb = openpyxl.load_workbook(book)
    ws = wb["Pipeline"]
    for r in range(4, 65):
        c = ws[f"{col('Date applied')}{r}"]
        c.value, c.number_format = c.value.isoformat(), "@"
    wb.save(book)
    code, _, err = run("done", book, "follow-up", "A002")
    assert code == 0, err
    cell = openpyxl.load_workbook(book)["Pipeline"][f"{col('Last contact')}5"]
    assert cell.number_format == "yyyy-mm-dd", cell.number_format


def test_rows_typed_below_the_table_are_a_warning_for_done_and_accept(tmp_path):
    book = user_book(tmp_path / "below.xlsx", typed_below=True)
    for cmd in commands(book, tmp_path):
        code, _, err = run(*cmd)
        assert code == 0 and "Status is required" in err  # said, not fatal
    code, _, err = run("check", book)
    assert code == 1  # check still lists them as errors


def test_a_read_only_book_is_refused_unchanged(tmp_path):
    book = user_book(tmp_path / "ro.xlsx")
    os.chmod(book, 0o444)
    before = book.read_bytes()
    for cmd in commands(book, tmp_path):
        err = StringIO()
        with redirect_stderr(err), redirect_stdout(StringIO()):
            assert main([*map(str, cmd), "--as-of", AS_OF.isoformat()]) == 1
        lines = [line for line in err.getvalue().splitlines() if line.startswith("Error:")]
        assert len(lines) == 1 and "read-only" in lines[0]
    assert book.read_bytes() == before and stat.S_IMODE(os.stat(book).st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.csv", "ro.xlsx"]


def test_strict_open_xml_is_named_as_such(tmp_path):
    src = user_book(tmp_path / "plain.xlsx")
    book = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            out.writestr(
                info,
                z.read(info).replace(
                    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                    b"http://purl.oclc.org/ooxml/spreadsheetml/main",
                ),
            )
    for cmd in [*commands(book, tmp_path), ("stats", book)]:
        err = StringIO()
        with redirect_stderr(err), redirect_stdout(StringIO()):
            assert main([*map(str, cmd)]) == 1
        assert "not Strict Open XML" in err.getvalue()


def test_formulas_the_change_cannot_reach_keep_their_cached_values(tmp_path):
    """A book as LibreOffice saves it (cached values everywhere, made here by hand): done writes
    Last contact of A002; the formulas that read it lose their value, no other does."""
    book = saved_values(user_book(tmp_path / "cached.xlsx", own_formulas=True))
    code, _, err = run("done", book, "follow-up", "A002")
    assert code == 0, err
    xml = parts(book)
    pipeline = xml["xl/worksheets/sheet1.xml"].decode()
    summary = next(v.decode() for k, v in xml.items() if k.endswith("sheet5.xml"))
    last_contact = col("Last contact")
    assert f'<c r="{last_contact}3"' in pipeline
    # Summary!B1 counts IDs, B2 counts Status, B4 is 6*7: none reads Last contact
    for cell in ("B1", "B2", "B3", "B4", "B5"):
        assert re.search(rf'<c r="{cell}"[^>]*><f>[^<]*</f><v>7</v>', summary), cell
    assert re.search(r'<c r="N3"[^>]*><f>[^<]*</f><v>7</v>', pipeline)  # H3+30: kept
    code, _, err = run("accept", book, "O01")  # Status of A001 and the offer; Withdraw actions
    assert code == 0, err
    summary = next(v.decode() for k, v in parts(book).items() if k.endswith("sheet5.xml"))
    assert re.search(r'<c r="B2"[^>]*><f>[^<]*</f></c>', summary)  # COUNTIF(J:J): dropped
    for cell in ("B1", "B3", "B4", "B5"):  # IDs, 2*B1, 6*7, Offers' IDs: kept
        assert re.search(rf'<c r="{cell}"[^>]*><f>[^<]*</f><v>7</v>', summary), cell
    assert "read cells this change writes" in err  # M2 = IF(J2="Active",...) is named
    assert "Pipeline!M2" in err


def test_a_signal_after_the_rename_does_not_stop_a_finished_write(tmp_path):
    import signal

    from jobbook._stop import critical, published, stoppable

    with stoppable():
        with critical():
            published(tmp_path / "book.xlsx")  # the rename is done
            os.kill(os.getpid(), signal.SIGTERM)  # arrives in the step that did it
        os.kill(os.getpid(), signal.SIGTERM)  # and after it, while the output is printed
    # reaching here is the point: no Stopped, the command goes on to exit 0


def test_kill_9_while_holding_the_book_leaves_no_lock_file(tmp_path):
    import signal
    import time

    from jobbook._lock import changing

    book = user_book(tmp_path / "held.xlsx")
    pid = os.fork()
    if pid == 0:  # a run killed between its reading and its writing
        with changing(book):
            time.sleep(30)
        os._exit(0)
    time.sleep(1.0)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["held.xlsx"]
    code, _, err = run(*commands(book, tmp_path)[1])  # the next run is neither blocked nor misled
    assert code == 0 and "Waiting" not in err


def test_a_column_named_like_one_of_jobbooks_plus_brackets_is_another_column(tmp_path):
    """A user's "Notes (private)" beside "Notes": jobbook reads and writes "Notes", in a Table and
    in a plain range, whichever comes first (docs/definitions.md § The workbook: headers match with or without the allowed
    values in brackets, but a header written exactly wins)."""
    from openpyxl import Workbook
    from openpyxl.worksheet.table import Table

    heads = ["ID", "Company", "Source", "Date applied", "Stage", "Status", "Notes (private)",
             "Notes"]  # fmt: skip
    for layout in ("table", "plain"):
        book = tmp_path / f"{layout}.xlsx"
        wb = Workbook()
        ws = wb.active
        ws.title = "Pipeline"
        ws.append(heads)
        ws.append(["A001", "Acme", "Referral", AS_OF, "Applied", "Active", "salary 95k", "nice"])
        ws["D2"].number_format = "yyyy-mm-dd"
        if layout == "table":
            ws.add_table(Table(displayName="Pipeline", ref="A1:H3"))
        wb.save(book)
        b = jobbook.read_book(book)
        assert b.inputs["Pipeline"].loc[2, "Notes"] == "nice"
        assert b.letters["Pipeline"]["Notes"] == "H" and b.warnings == [], b.warnings
        csv = tmp_path / "notes.csv"
        csv.write_text("Company,Date applied,Notes\nBolt,2026-10-20,call Tuesday\n")
        code, data, err = run("import", book, csv)
        assert code == 0, err
        ws = openpyxl.load_workbook(book)["Pipeline"]
        assert ws["H3"].value == "call Tuesday" and ws["G3"].value is None, layout

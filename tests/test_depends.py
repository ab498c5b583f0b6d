"""Which formulas a change reaches (``edit._depends``), shape by shape, on sheet XML as Excel and
LibreOffice write it: a formula that can read a written cell loses its cached value (else
LibreOffice as installed shows it stale), every other keeps it. The books of
test_userbooks_lo.py check the same with LibreOffice itself."""

from __future__ import annotations

import pytest

from jobbook.edit._depends import Analysis
from jobbook.edit._precedents import TableArea
from jobbook.edit._refs import refs

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEETS = ["Pipeline", "Interviews", "Offers", "Zoë's Pipeline 2026", "Mine"]
# Pipeline: a Table A1:W61 (data rows 2..61), user columns Weight (raw) U, Weight (adj) V
PIPELINE = TableArea(
    "Pipeline", "Pipeline", 1, 1, 23, 61, 1,
    {"id": 1, "status": 10, "weight (raw)": 21, "weight (adj)": 22, "out? #1 [auto]": 23},
)  # fmt: skip
NAMES = {
    (None, "StatusCol"): "Pipeline!$J$2:$J$61",
    (None, "MyStatus"): "StatusCol",  # a name naming a name
    (None, "RowStatus"): "Pipeline!$J1",  # relative: the row of the cell using it
    (None, "FirstStatus"): "Pipeline!$J$2",
    (None, "LastStatus"): "Pipeline!$J$61",
    ("Mine", "LocalStatus"): "Pipeline!$J$2:$J$61",  # sheet-scoped
    ("Mine", "LocalTwice"): "LocalStatus",  # a sheet-scoped name naming one of its sheet
    ("Offers", "LocalStatus"): "Offers!$A$1",  # the same name on another sheet
    (None, "WholeJ"): "Pipeline!$J:$J",
    (None, "Moving"): "OFFSET(Pipeline!$A$1,0,0,COUNTA(Pipeline!$A:$A),1)",
}


def sheet_xml(cells: dict[str, str | tuple[str, str]]) -> bytes:
    """A sheet whose cells are formulas (with a cached value, as LibreOffice saves them);
    a tuple gives the <f> element's attributes too."""
    rows: dict[int, list[str]] = {}
    for ref, f in cells.items():
        attrs, text = f if isinstance(f, tuple) else ("", f)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        row = int("".join(ch for ch in ref if ch.isdigit()))
        rows.setdefault(row, []).append(f'<c r="{ref}"><f{attrs}>{text}</f><v>1</v></c>')
    body = "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(rows.items()))
    return f'<worksheet xmlns="{NS}"><sheetData>{body}</sheetData></worksheet>'.encode()


def reached(cells: dict[str, dict], changed: dict[str, list[tuple[int, int, int, int]]]):
    """The cells (Sheet!A1) whose cached values a change of the `changed` areas drops."""
    a = Analysis(SHEETS, [PIPELINE], NAMES, {"Pipeline": (1, {1, 10}, {62})})
    for sheet, c in cells.items():
        a.scan(sheet, [sheet_xml(c)])
    dirty = a.mark(changed)
    from jobbook.letters import col_letters

    found = {
        f"{s}!{col_letters(c)}{r}" for s, rows in dirty.cells.items() for r, cs in rows.items()
        for c in cs
    }  # fmt: skip
    return found, dirty


J34 = {"Pipeline": [(34, 10, 34, 10)]}  # `done next-action A033` writes Pipeline!J34


@pytest.mark.parametrize(
    ("formula", "hit"),
    [
        ('IF(AND(Pipeline!J2="",TODAY()-Pipeline!H2>30),"x","y")', False),  # volatile: its refs
        ('IF(AND(Pipeline!J34="",TODAY()-Pipeline!H34>30),"x","y")', True),
        ("NOW()+RAND()", False),
        ("OFFSET(Pipeline!A1,1,1)", True),  # its target is computed: anything
        ('INDIRECT("Pipeline!J34")', True),
        ('COUNTIF(MyStatus,"Active")', True),  # name -> name -> range
        ('COUNTIF(FirstStatus:LastStatus,"Active")', True),  # a range between two names
        ('COUNTIF(Pipeline!$J$2:LastStatus,"Active")', True),  # cell to name
        ("SUM(Pipeline!J2:INDEX(Pipeline!J:J,40))", True),  # cell to INDEX(...)
        ("SUM(Pipeline!J2:INDEX(Pipeline!J2:J20,5))", False),  # the box ends on row 20
        ('COUNTIF(LocalStatus,"Active")', True),  # sheet-scoped, used on its sheet
        ('COUNTIF(Offers!LocalStatus,"Active")', False),  # another sheet's name of that name
        ('COUNTIF(Mine!LocalTwice,"Active")', True),
        ('COUNTIF(WholeJ,"Active")', True),  # a whole column in a name
        ("SUM(Moving)", True),  # a name of OFFSET
        ("COUNTA(Pipeline:Interviews!J34)", True),  # 3-D, as LibreOffice writes it
        ("COUNTA(Interviews:Offers!J34)", False),
        ("[1]Pipeline!J34", False),  # another workbook's sheet
        ("[0]Pipeline!J34", True),  # this workbook, as some writers spell it
        ("SUM(Pipeline[Weight (adj)])", True),  # V reads J (below)
        ("SUM(Pipeline[Weight (raw)])", False),  # typed numbers: no
        ("COUNTIF(Pipeline[Out? '#1 '[auto']],\"x\")", False),
        ('COUNTIF(Pipeline[[Stage]:[Status]],"Active")', True),  # the whole Table: unplaced
        ('COUNTIF(Pipeline[[#All],[Status]],"Active")', True),
        ("Pipeline[[#Totals],[Status]]", False),  # the totals row, not J34
        ("Pipeline[[#Headers],[Status]]", False),
        ('COUNTIF(Pipeline[#Data],"Active")', True),
        ("SUM((Pipeline!J30:J40 Pipeline!A30:Z35))", True),  # an intersection: both read
        ("SUM((Pipeline!J2:J5,Pipeline!J30:J40))", True),  # a union
        ('COUNTIF(CHOOSE(2,Pipeline!I2:I61,Pipeline!J2:J61),"Active")', True),
        ("SUM(Pipeline!34:34)", True),
        ("SUM(Pipeline!35:40)", False),
        ('"Pipeline!J34"&"J34"', False),  # text, not a reference
    ],
)
def test_a_formula_is_reached_exactly_when_it_can_read_a_written_cell(formula, hit):
    cells = {
        "Pipeline": {f"V{r}": f'IF(J{r}="Active",U{r},0)' for r in range(2, 62)},
        "Mine": {"B2": formula},
    }
    found, _ = reached(cells, J34)
    assert ("Mine!B2" in found) == hit, sorted(found)[:5]


def test_a_relative_name_reads_the_row_of_the_cell_using_it():
    cells = {"Mine": {f"C{r}": "RowStatus" for r in range(2, 62)}}
    found, _ = reached(cells, J34)
    assert found == {"Mine!C34"}


def test_every_cell_of_a_multi_cell_array_formula_depends_on_its_inputs():
    formula = "MMULT(--(TRANSPOSE(Pipeline!J2:J61)=D13:D15),ROW(Pipeline!J2:J61)^0)"
    cells = {
        "Mine": {
            "B13": (' t="array" ref="B13:B15"', formula),
            "B16": "B14",  # a member of the array read elsewhere
            "B17": "B15",
            "B18": "B12",  # not in the array
        }
    }
    found, _ = reached(cells, J34)
    assert {"Mine!B13", "Mine!B14", "Mine!B15", "Mine!B16", "Mine!B17"} <= found
    assert "Mine!B18" not in found


def test_a_spilled_range_is_read_whole():
    cells = {"Mine": {"B2": "SORT(Pipeline!J2:J61)", "D2": "COUNTA(B2#)", "E2": "B1"}}
    found, _ = reached(cells, J34)
    assert {"Mine!B2", "Mine!D2"} <= found and "Mine!E2" not in found


def test_a_what_if_data_table_is_recomputed_at_any_change():
    cells = {"Mine": {"B2": (' t="dataTable" ref="B2:B5" dt2D="0" dtr="0" r1="A1"', "")}}
    found, dirty = reached(cells, {"Offers": [(2, 1, 2, 1)]})
    assert {"Mine!B2", "Mine!B5"} <= found


def test_the_warning_tells_traced_from_untraced_formulas():
    cells = {
        "Pipeline": {
            "A2": 'IF(TODAY()>H2,"A"&ROW(),"")',  # volatile: only its row
            "A3": '"A"&TEXT(ROW()-1,"000")',
            "J34": 'IF(K34="","No response","Active")',  # J34 itself is written over
            "J35": 'IF(J34="Active","Active","")',  # reads J34
            "J40": 'INDIRECT("K40")',  # cannot be followed
            "J62": "SUBTOTAL(103,[Status])",  # the totals row: jobbook does not read it
        }
    }
    _, dirty = reached(cells, J34)
    assert [w[1:3] for w in dirty.watched] == [(35, 10)]
    assert [w[1:3] for w in dirty.untraced] == [(40, 10)]
    assert 2 not in dirty.of("Pipeline") and 3 not in dirty.of("Pipeline")
    assert 10 in dirty.of("Pipeline")[62]  # dropped all the same: it counts J34


def test_references_in_text_and_names_are_found_as_excel_reads_them():
    kinds = [r.kind for r in refs("SUM(FirstStatus:LastStatus)+TODAY()+OFFSET(A1,1,1)")]
    assert kinds == ["name", "join", "name", "any", "area"]
    three_d = refs("COUNTA('Zoë''s Pipeline 2026:Mine'!J5)")[0]
    assert three_d.sheet == "Zoë's Pipeline 2026:Mine" and three_d.kind == "area"


def test_a_sheet_scoped_name_used_from_another_sheet_resolves_its_names_on_its_own_sheet():
    cells = {"Interviews": {"B2": 'COUNTIF(Mine!LocalTwice,"Active")', "B3": "Offers!LocalStatus"}}
    found, _ = reached(cells, J34)
    assert found == {"Interviews!B2"}

"""The .xlsm: a VBA project written without Excel, its buttons, and how other tools read them."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import re
import zipfile
from pathlib import Path

import olefile
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream

from jobbook.libreoffice import convert
from jobbook.schema import SHEET_ORDER
from jobbook.template import new_workbook
from jobbook.template._macros import BUTTONS
from jobbook.vba._ovba import _encrypt, compress, decrypt
from jobbook.vba.xlsm import VBA_MODULE, bas_source, subs

ROOT = Path(__file__).resolve().parents[1]
BAS = ROOT / "workbook" / "vba" / f"{VBA_MODULE}.bas"


@pytest.fixture(scope="module")
def xlsm(tmp_path_factory) -> Path:
    return new_workbook(
        tmp_path_factory.mktemp("m") / "search.xlsm", sample=True, as_of=dt.date(2026, 10, 21)
    )


def test_the_committed_source_is_the_one_truth():
    assert BAS.read_bytes().decode("cp1252") == bas_source()
    assert b"\r\n" in BAS.read_bytes() and b"\n" not in BAS.read_bytes().replace(
        b"\r\n", b""
    )  # CRLF, as VBA has it


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=9000)
    | st.text(alphabet='Sub End()\r\n "abc.;', max_size=12000).map(str.encode)
)
def test_compression_round_trips_through_olevba(data):
    assert bytes(decompress_stream(bytearray(compress(data)))) == data


@settings(max_examples=50, deadline=None)
@given(
    st.binary(max_size=64),
    st.integers(0, 255),
    st.text(alphabet="{}-0123456789ABCDEF", min_size=1, max_size=40),
)
def test_project_property_encryption_round_trips(data, seed, project_id):
    assert decrypt(_encrypt(data, project_id, seed), project_id) == data
    other = project_id + "1"  # a different project: its key differs by the byte "1"
    with pytest.raises(ValueError, match="not encrypted for this project"):
        decrypt(_encrypt(data, project_id, seed), other)


def test_olevba_decodes_exactly_the_committed_source(xlsm):
    parser = VBA_Parser(str(xlsm))
    code = {name: text for _, _, name, text in parser.extract_macros()}
    assert code[f"{VBA_MODULE}.bas"] == BAS.read_bytes().decode("cp1252")
    # and byte for byte in the module stream itself
    with zipfile.ZipFile(xlsm) as z:
        ole = olefile.OleFileIO(io.BytesIO(z.read("xl/vbaProject.bin")))
    raw = bytes(decompress_stream(bytearray(ole.openstream(f"VBA/{VBA_MODULE}").read())))
    assert raw == BAS.read_bytes()
    with zipfile.ZipFile(xlsm) as z:
        count = len([m for m in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", m)])
    assert sorted(n for n in code if n.endswith(".cls")) == sorted(
        ["ThisWorkbook.cls", *(f"Sheet{k}.cls" for k in range(1, count + 1))]
    )


def test_workbook_code_names_match_the_document_modules(xlsm):
    with zipfile.ZipFile(xlsm) as z:
        wb = z.read("xl/workbook.xml").decode()
        sheets = [
            z.read(n).decode() for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)
        ]
        ct = z.read("[Content_Types].xml").decode()
    assert 'codeName="ThisWorkbook"' in wb
    assert len([s for s in sheets if re.search(r'codeName="Sheet\d+"', s)]) == len(sheets)
    assert len(sheets) == len(SHEET_ORDER) + 2  # and Lists, xlwings.conf
    assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in ct and 'Extension="bin"' in ct


def button_macros(vml: str) -> list[str]:
    return re.findall(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", vml)


def test_every_button_calls_a_sub_whose_python_target_exists(xlsm):
    with zipfile.ZipFile(xlsm) as z:
        vml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".vml"))
    macros = button_macros(vml)
    assert macros == [sub for _, sub, _ in BUTTONS]
    source = bas_source()
    assert set(macros) <= set(subs(source))
    for target in re.findall(r'RunPython "import ([\w.]+) as m; m\.(\w+)\(\)"', source):
        module, function = target
        assert callable(getattr(importlib.import_module(module), function)), target
    assert len(re.findall(r'^\s+RunPython "', source, flags=re.M)) == len(subs(source))


def test_openpyxl_keep_vba_round_trip_keeps_macros_and_buttons(xlsm, tmp_path):
    wb = openpyxl.load_workbook(xlsm, keep_vba=True)
    wb["Pipeline"]["B2"] = "Edited"
    out = tmp_path / "edited.xlsm"
    wb.save(out)
    with zipfile.ZipFile(xlsm) as a, zipfile.ZipFile(out) as b:
        assert b.read("xl/vbaProject.bin") == a.read("xl/vbaProject.bin")
        vml = "".join(b.read(n).decode() for n in b.namelist() if n.endswith(".vml"))
    assert button_macros(vml) == [sub for _, sub, _ in BUTTONS]


@pytest.mark.libreoffice
@pytest.mark.parametrize("kept", [False, True])
def test_libreoffice_imports_modules_and_buttons(xlsm, soffice, tmp_path, kept):
    src = xlsm
    if kept:  # after an openpyxl keep_vba round trip too
        wb = openpyxl.load_workbook(xlsm, keep_vba=True)
        src = tmp_path / "kept.xlsm"
        wb.save(src)
    ods = convert(src, "ods", tmp_path / "ods")
    with zipfile.ZipFile(ods) as z:
        names = z.namelist()
        module = z.read(f"Basic/VBAProject/{VBA_MODULE}.xml").decode()
        content = z.read("content.xml").decode()
    assert (
        f"Basic/VBAProject/{VBA_MODULE}.xml" in names
        and "Basic/VBAProject/ThisWorkbook.xml" in names
    )
    for sub in subs(bas_source()):
        assert f"Sub {sub}()" in module
    labels = re.findall(r'<form:button [^>]*form:label="([^"]+)"', content)
    bound = re.findall(
        r"vnd\.sun\.star\.script:VBAProject\.JobbookButtons\.(\w+)\?language=Basic", content
    )
    assert labels == [caption for caption, _, _ in BUTTONS]
    assert bound == [sub for _, sub, _ in BUTTONS]


def test_xlsm_build_is_deterministic(tmp_path):
    a = new_workbook(tmp_path / "a.xlsm", as_of=dt.date(2026, 10, 21))
    b = new_workbook(tmp_path / "b.xlsm", as_of=dt.date(2026, 10, 21))
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert za.read("xl/vbaProject.bin") == zb.read("xl/vbaProject.bin")


def _readme_buttons() -> list[str]:
    """The captions of the README's Buttons table, top to bottom (a blank line ends the table)."""
    text = (ROOT / "README.md").read_text()
    section = text.split("### Buttons (Dashboard)\n", 1)[1]
    table = section.strip("\n").split("\n\n", 1)[0]
    return re.findall(r"^\| \*\*(.+?)\*\* \|", table, flags=re.M)


def test_the_readme_names_every_button_macro_once_and_no_other():
    """Each public Sub of the .bas that a button runs (``AcceptOfferButton``) has one row in the
    README's Buttons table (**Accept offer**), in the Dashboard's order; the table has no other."""
    macros = re.findall(r"^(?:Public )?Sub (\w+Button)\(\)", BAS.read_text("cp1252"), flags=re.M)
    captions = _readme_buttons()
    assert len(captions) == len(set(captions)), captions
    named = ["".join(w[:1].upper() + w[1:] for w in c.split()) + "Button" for c in captions]
    assert sorted(named) == sorted(macros)
    by_column = [caption for caption, _, _ in sorted(BUTTONS, key=lambda b: b[2])]
    assert captions == by_column
    assert {sub for _, sub, _ in BUTTONS} == set(macros)

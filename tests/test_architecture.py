"""The shape of the house: a pure core, and docs that cannot drift from the code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobbook.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_no_face():
    """The core imports neither openpyxl, xlwings nor the command-line library."""
    code = (
        "import sys, jobbook.core, jobbook.core.stats, jobbook.core.offers, jobbook.core.deadlines; "
        "print(','.join(m for m in ('openpyxl', 'xlwings', 'click', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("name", list(TABLES))
def test_readme_names_every_sheet(name):
    assert f"| {name} |" in (ROOT / "README.md").read_text()


def test_every_data_file_of_the_package_is_shipped():
    """Files the package reads at run time (the VBA source) must be in the wheel: each non-Python
    file under jobbook/ matches a package-data pattern of pyproject.toml."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["jobbook"]
    data = [
        p.relative_to(root / "jobbook").as_posix()
        for p in (root / "jobbook").rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert "vba/bas/JobbookButtons.bas" in data
    shipped = {
        p.relative_to(root / "jobbook").as_posix()
        for pat in patterns
        for p in (root / "jobbook").glob(pat)
    }
    assert [f for f in data if f not in shipped] == []


def test_definitions_name_every_sheet_computed_column_setting_and_kind():
    """docs/definitions.md (the figures in users' words) cannot drift from the schema: every sheet,
    computed column and setting, and every deadline kind (token and words), is named in it; and
    the README links it, not a contract a clone does not have."""
    from jobbook.core.deadlines import KIND_LABELS
    from jobbook.schema import SETTINGS, SHEET_ORDER

    text = (ROOT / "docs" / "definitions.md").read_text()
    missing = [f"sheet {s}" for s in SHEET_ORDER if f"`{s}`" not in text]
    missing += [
        f"{t.name}: {c.header}"
        for t in TABLES.values()
        for c in t.computed
        if f"`{c.header}`" not in text
    ]
    missing += [f"setting {s.name}" for s in SETTINGS if f"`{s.name}`" not in text]
    missing += [f"kind {k} ({w})" for k, w in KIND_LABELS.items() if f"{w} (`{k}`)" not in text]
    assert missing == []
    readme = (ROOT / "README.md").read_text()
    assert "(docs/definitions.md)" in readme and "../shared" not in readme

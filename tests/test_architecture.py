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


"""What keeps jobbook quick (SPEC section 12), checked by what it does rather than by timings:
heavy modules load only where they are used."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pandas", "numpy", "matplotlib", "openpyxl", "pyarrow", "fastexcel", "holidays", "xlwings")


def loaded_after(code: str) -> set[str]:
    """The heavy modules imported by running `code` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def cli(*args: str) -> str:
    return (
        "import contextlib, io\nfrom jobbook.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({list(args)!r})"
    )


def test_import_jobbook_and_help_load_nothing_heavy():
    assert loaded_after("import jobbook") == set()
    assert loaded_after(cli("--help")) == set()
    for command in ("check", "stats", "new", "report", "demo"):
        assert loaded_after(cli(command, "--help")) == set(), command


def test_reading_a_book_loads_no_drawing_or_writing_library(search_book):
    for command in ("check", "stats", "offers", "deadlines"):
        loaded = loaded_after(cli(command, str(search_book), "--as-of", "2026-03-10"))
        assert "pandas" in loaded, command  # the probe itself works: the book was read
        assert not loaded & {"matplotlib", "openpyxl", "xlwings"}, (command, loaded)

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


# -- the shape of the imports (the layers are data in scripts/architecture.py, the README's map) --


def _architecture():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "architecture", ROOT / "scripts" / "architecture.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("architecture", module)  # its dataclasses look themselves up there
    spec.loader.exec_module(sys.modules["architecture"])
    module = sys.modules["architecture"]
    return module


def test_every_package_has_a_layer():
    arch = _architecture()
    packages = {arch.package(m) for m in arch.modules()}
    placed = {p for _, members in arch.LAYERS for p in members}
    assert sorted(packages - placed) == []
    assert sorted(placed - packages) == []  # no layer names a package that is gone


def test_no_import_reaches_into_another_packages_private_parts():
    """No module imports an underscore module or name of another package (tests may)."""
    arch = _architecture()
    found = arch.private_imports(arch.imports())
    assert [f"{i.where()} {i.target} {i.name or ''}" for i in found] == []


def test_every_import_points_down():
    """A module imports from its own package, its own layer or a lower one, never a higher one."""
    arch = _architecture()
    found = arch.upward_imports(arch.imports())
    assert [f"{i.where()} {i.target}" for i in found] == []


def test_no_import_loop():
    arch = _architecture()
    assert arch.cycles(arch.imports()) == []


def test_the_checks_can_fail(tmp_path):
    """The measure finds each kind of fault in a small made-up package (so an empty list above
    means none, not a blind check)."""
    arch = _architecture()
    pkg = tmp_path / "jobbook"
    for folder in ("schema", "cli", "reader"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "reader" / "_layout.py").write_text("from ..schema import x\n")
    (pkg / "schema" / "__init__.py").write_text("from ..cli import main\nfrom . import _a\n")
    (pkg / "schema" / "_a.py").write_text("from . import b\n")
    (pkg / "schema" / "b.py").write_text("from ._a import _helper\n")
    (pkg / "cli" / "__init__.py").write_text("from ..reader._layout import sniff\n")
    found = arch.imports(tmp_path)
    assert [(i.source, i.target) for i in arch.private_imports(found)] == [
        ("jobbook.cli", "jobbook.reader._layout")
    ]
    assert [(i.source, i.target) for i in arch.upward_imports(found)] == [
        ("jobbook.schema", "jobbook.cli")
    ]
    assert arch.cycles(found) == [
        ["jobbook.cli", "jobbook.reader._layout", "jobbook.schema"],  # through the packages
        ["jobbook.schema._a", "jobbook.schema.b"],
    ]
    (pkg / "schema" / "long.py").write_text("x = 1\n" * 501)
    assert arch.long_modules(tmp_path) == [("jobbook.schema.long", 501)]


def test_readme_map_shows_every_package_in_its_layer():
    """The README's map for developers names every package, in the order of the layers."""
    arch = _architecture()
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## For developers", 1)[1].split("```", 2)[1]
    names = [line.split()[0] for line in block.splitlines() if line.startswith("  ")]
    names = [n for n in names if n.endswith((".py", "/"))]
    layer_of = {}
    for i, (_, members) in enumerate(arch.LAYERS):
        for p in members:
            layer_of[p] = i
    shown = [n.removesuffix("/").removesuffix(".py") for n in names]
    assert sorted(p for p in layer_of if p not in shown) == []
    layers = [layer_of[n] for n in shown if n in layer_of]
    assert layers == sorted(layers)

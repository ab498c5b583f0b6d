"""The shape of the house, measured: which imports reach into another package's private parts,
which run up the layers, which modules import each other in a loop, which modules are long.

    python scripts/architecture.py          # a summary, then every finding
    python scripts/architecture.py --count  # the four counts only

`tests/test_architecture.py` runs the same checks and wants every list empty. The layers are
data (LAYERS below, the README's map for developers in code): a module may import from its own
package, from a package of its own layer, or from a lower layer, never from a higher one.

A package is a folder under jobbook/ (`jobbook/reader/`) or a module directly under it
(`jobbook/errors.py`). A name is private when it starts with one underscore: a private module
(`reader/_layout.py`) or name (`_header`) belongs to the package or module that holds it; the
underscore modules directly under jobbook/ (`_files.py`, `_lock.py`...) belong to the whole
package `jobbook` and any of its modules may use them, but their private names are their own.
Every import counts, also one inside a function (a lazy import still points somewhere).
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "jobbook"

# Lowest first. A package may import from its own layer and from any layer below it.
LAYERS: list[tuple[str, list[str]]] = [
    ("foundations", ["errors", "problems", "letters", "_stop", "_rates", "_lock"]),
    ("files", ["_files", "vba"]),
    ("schema", ["schema"]),
    ("looks", ["looks"]),
    ("core", ["core"]),
    ("reading", ["validate", "reader", "libreoffice"]),
    ("changes", ["changes", "history"]),
    ("services", ["edit", "importers", "drafts", "ical", "views", "sample_history"]),
    ("intents", ["intents", "sample_story", "sample", "export"]),
    ("mail", ["mail"]),
    ("faces", ["template", "report"]),
    ("excel", ["excel"]),
    ("cli", ["cli"]),
    ("api", ["__init__"]),
]
LONG = 500  # lines: a module longer than this is a finding


@dataclass(frozen=True)
class Import:
    source: str  # importing module, dotted
    target: str  # imported module, dotted
    name: str | None  # the name imported from it, if any
    line: int

    def where(self) -> str:
        path = self.source.replace(".", "/")
        return f"{path}:{self.line}"


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the package, dotted name -> path (a package's __init__ as the package)."""
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(root: Path = ROOT) -> list[Import]:
    """Every import of a jobbook module by a jobbook module."""
    mods = modules(root)
    found = []
    for source, path in mods.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == PACKAGE:
                        found.append(Import(source, alias.name, None, node.lineno))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = source.split(".") if is_package else source.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target.split(".")[0] != PACKAGE:
                    continue
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    if sub in mods:  # `from . import views`: the module itself
                        found.append(Import(source, sub, None, node.lineno))
                    else:
                        found.append(Import(source, target, alias.name, node.lineno))
    return found


def package(module: str) -> str:
    """The package a module belongs to: `jobbook.reader._layout` -> `reader`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _private_owner(module: str) -> str | None:
    """The dotted package or module that owns a private module, None for a public one."""
    parts = module.split(".")
    for i, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:i]) if i > 1 else PACKAGE
    return None


def _inside(module: str, owner: str) -> bool:
    return module == owner or module.startswith(owner + ".")


def private_imports(found: list[Import]) -> list[Import]:
    """Imports of another package's underscore module, or of an underscore name from a module of
    another package (a top-level module counts as a package of its own for its names)."""
    bad = []
    for imp in found:
        owner = _private_owner(imp.target)
        if owner is not None and not _inside(imp.source, owner):
            bad.append(imp)
            continue
        name = imp.name or ""
        if name.startswith("_") and not name.startswith("__"):
            owner = ".".join(imp.target.split(".")[:2])
            if not _inside(imp.source, owner):
                bad.append(imp)
    return bad


def private_names_across_modules(found: list[Import]) -> list[Import]:
    """Underscore names imported from another module, even of the same package (informative:
    `report/cohort.py` taking `report/xlsx.py`'s `_header`)."""
    return [
        imp
        for imp in found
        if (imp.name or "").startswith("_")
        and not (imp.name or "").startswith("__")
        and imp.target != imp.source
        and not _inside(imp.source, imp.target)
    ]


def layer_of(pkg: str) -> int:
    for i, (_, members) in enumerate(LAYERS):
        if pkg in members:
            return i
    raise KeyError(f"package {pkg!r} is in no layer: add it to LAYERS in scripts/architecture.py")


def upward_imports(found: list[Import]) -> list[Import]:
    """Imports from a lower layer to a higher one."""
    return [
        imp
        for imp in found
        if package(imp.source) != package(imp.target)
        and layer_of(package(imp.source)) < layer_of(package(imp.target))
    ]


def cycles(found: list[Import]) -> list[list[str]]:
    """Every group of modules that import each other round a loop (strongly connected
    components of more than one module), each sorted."""
    graph: dict[str, set[str]] = {}
    for imp in found:
        if imp.source != imp.target:
            graph.setdefault(imp.source, set()).add(imp.target)
            graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # Tarjan, iterative enough for a graph this small
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(groups)


def long_modules(root: Path = ROOT, limit: int = LONG) -> list[tuple[str, int]]:
    found = []
    for name, path in modules(root).items():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > limit:
            found.append((name, n))
    return found


def _statements(found: list[Import]) -> int:
    return len({(i.source, i.line) for i in found})


def main(argv: list[str]) -> int:
    found = imports()
    private = private_imports(found)
    upward = upward_imports(found)
    loops = cycles(found)
    long = long_modules()
    names = private_names_across_modules(found)
    print(f"private imports:  {_statements(private)} statements ({len(private)} names)")
    print(f"upward imports:   {_statements(upward)} statements")
    print(f"import cycles:    {len(loops)}")
    print(f"modules > {LONG}:    {len(long)}")
    print(f"(underscore names taken from another module of the same package: {len(names)})")
    if "--count" in argv:
        return 0
    for title, rows in (
        (
            "private imports",
            [f"{i.where()}  {i.target}{' ' + i.name if i.name else ''}" for i in private],
        ),
        (
            "upward imports",
            [
                f"{i.where()}  {package(i.source)} -> {package(i.target)} ({i.target})"
                for i in upward
            ],
        ),
        ("import cycles", [" <-> ".join(g) for g in loops]),
        (f"modules over {LONG} lines", [f"{m} {n}" for m, n in long]),
        ("underscore names across modules", [f"{i.where()}  {i.target} {i.name}" for i in names]),
    ):
        if rows:
            print(f"\n{title}:")
            for row in rows:
                print("  " + row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Record what jobbook writes and prints, then tell whether a later tree writes and prints the same.

For a change that must not change behaviour (a move, a rename, a split):

    python scripts/compare_outputs.py record /tmp/before     # on the old tree
    python scripts/compare_outputs.py compare /tmp/before    # on the new tree: exit 1 on a difference

What it records, with the date pinned (`--as-of`): `jobbook demo` (the workbook, the report .xlsx
and the PDF, and what it prints), every `--help`, the commands of the help examples run on a copy
of the demo workbook (what they print and every file they write or change), a cohort report of
three copies, and the committed templates built afresh (which must also equal workbook/*).

How it compares: every zip member byte for byte, except what the clock sets (the document
timestamps of docProps/core.xml, the time of day a change is logged in History, a calendar's
DTSTAMP, a backup's name); a PDF by its text (`pdftotext -layout`); every other file and every
output byte for byte, with the temporary folder's path and the checkout's replaced by fixed words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-20"
MONTH = "2026-10"
BIN = Path(sys.executable).parent / "jobbook"

# name, arguments after `jobbook` (BOOK is a fresh copy of the demo workbook, OUT a fresh folder)
RUNS: list[tuple[str, list[str]]] = [
    ("stats", ["stats", "BOOK", "--as-of", AS_OF]),
    ("stats-month-json", ["stats", "BOOK", "--month", MONTH, "--json", "--as-of", AS_OF]),
    ("deadlines-14", ["deadlines", "BOOK", "--within", "14", "--as-of", AS_OF]),
    ("deadlines-json", ["deadlines", "BOOK", "--as-of", "2026-10-15", "--json"]),
    ("offers", ["offers", "BOOK", "--as-of", AS_OF]),
    ("offers-json", ["offers", "BOOK", "--json", "--as-of", AS_OF]),
    ("check", ["check", "BOOK", "--as-of", AS_OF]),
    ("check-json", ["check", "BOOK", "--json", "--as-of", AS_OF]),
    ("export-csv", ["export", "BOOK", "OUT/data", "--as-of", AS_OF]),
    ("export-json", ["export", "BOOK", "OUT/data", "--format", "json", "--as-of", AS_OF]),
    ("export-parquet", ["export", "BOOK", "OUT/data", "--format", "parquet", "--as-of", AS_OF]),
    ("calendar", ["calendar", "BOOK", "-o", "OUT/search.ics", "--within", "30", "--as-of", AS_OF]),
    ("draft-thanks", ["draft", "BOOK", "thank-you", "I003", "--as-of", AS_OF]),
    ("draft-decline", ["draft", "BOOK", "decline", "O03", "--eml", "OUT/d.eml", "--as-of", AS_OF]),
    (
        "draft-feedback",
        ["draft", "BOOK", "feedback", "A017", "--short", "--json", "--as-of", AS_OF],
    ),
    ("done-thanks", ["done", "BOOK", "thank-you", "I012", "--as-of", AS_OF]),
    ("done-follow", ["done", "BOOK", "follow-up", "A054", "--on", "2026-10-20", "--as-of", AS_OF]),
    ("done-dry", ["done", "BOOK", "lesson", "A029", "--dry-run", "--as-of", AS_OF]),
    (
        "accept-dry",
        ["accept", "BOOK", "O02", "--notice-given", "2026-10-26", "--dry-run", "--as-of", AS_OF],
    ),
    ("accept", ["accept", "BOOK", "O02", "--withdraw", "--as-of", AS_OF]),
    ("undo-dry", ["undo", "BOOK", "--dry-run", "--as-of", AS_OF]),
    ("record", ["record", "BOOK", "--as-of", AS_OF]),
    (
        "report",
        [
            "report",
            "BOOK",
            "--month",
            MONTH,
            "--pdf",
            "OUT/r.pdf",
            "-o",
            "OUT/r.xlsx",
            "--as-of",
            AS_OF,
        ],
    ),
    ("new-xlsx", ["new", "OUT/new.xlsx", "--as-of", AS_OF]),
    ("new-sample-gb", ["new", "OUT/gb.xlsx", "--sample", "--country", "GB", "--as-of", AS_OF]),
    ("new-xlsm", ["new", "OUT/new.xlsm", "--as-of", AS_OF]),
]
COMMANDS = ["accept", "calendar", "check", "deadlines", "demo", "done", "draft", "export", "import",
            "mail", "new", "offers", "record", "report", "stats", "undo"]  # fmt: skip
BACKUP = re.compile(r"backup-\d{8}-\d{6}")  # a backup's name holds the time it was made
TIMESTAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
CHECKOUT = re.compile(rb"(?:/[\w.-]+)+/(?=jobbook/)")  # the checkout a path of the package is in
DTSTAMP = re.compile(rb"DTSTAMP:\d{8}T\d{6}Z")  # when a calendar file was written
# a change's time in History's Logged column: a serial of today with its time of day
LOGGED = re.compile(rb"<v>%d\.\d+</v>" % (dt.date.today() - dt.date(1899, 12, 30)).days)


def _run(args: list[str], cwd: Path) -> str:
    done = subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True)
    return f"exit {done.returncode}\n--- stdout\n{done.stdout}--- stderr\n{done.stderr}"


def record(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        demo = work / "demo"
        text = _run(["demo", str(demo), "--as-of", AS_OF, "--force"], work)
        _keep(work, demo, out / "demo", text)
        (out / "help").mkdir()
        (out / "help" / "jobbook.txt").write_text(_run(["--help"], work))
        for c in COMMANDS:
            (out / "help" / f"{c}.txt").write_text(_run([c, "--help"], work))
        for name, args in RUNS:
            case = work / name
            case.mkdir()
            shutil.copy(demo / "search.xlsx", case / "search.xlsx")
            argv = [
                a.replace("BOOK", str(case / "search.xlsx")).replace("OUT", str(case)) for a in args
            ]
            _keep(work, case, out / "runs" / name, _run(argv, case))
        cohort = work / "cohort"
        cohort.mkdir()
        books = []
        for who in ("ana", "ben", "chloe"):
            shutil.copy(demo / "search.xlsx", cohort / f"{who}.xlsx")
            books.append(str(cohort / f"{who}.xlsx"))
        argv = ["report", *books, "--cohort", "--month", MONTH, "-o", str(cohort / "c.xlsx")]
        _keep(work, cohort, out / "runs" / "cohort", _run([*argv, "--as-of", AS_OF], cohort))
    from jobbook.template.committed import build_committed

    (out / "templates").mkdir()
    for name in ("jobbook.xlsx", "jobbook.xlsm"):
        build_committed(out / "templates" / name)
    print(f"recorded into {out}")


def _keep(work: Path, src: Path, dest: Path, text: str) -> None:
    """Copy what a run left in `src` into `dest`, with what it printed (paths made fixed)."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.rglob("*")):
        if f.is_file():
            target = dest / BACKUP.sub("backup-TIME", f.relative_to(src).as_posix())
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, target)
    (dest / "output.txt").write_text(BACKUP.sub("backup-TIME", text.replace(str(work), "TMP")))


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    if "docProps/core.xml" in members:
        members["docProps/core.xml"] = TIMESTAMPS.sub(
            rb"<dcterms:\1/>", members["docProps/core.xml"]
        )
    for name, data in members.items():
        if name.startswith("xl/worksheets/"):
            members[name] = LOGGED.sub(b"<v>NOW</v>", data)
    return members


def _text(data: bytes) -> bytes:
    return CHECKOUT.sub(b"CHECKOUT/", DTSTAMP.sub(b"", data))


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def differences(before: Path, after: Path) -> list[str]:
    """Every file that differs between two recordings, with the zip member that differs."""
    found = []
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    for rel in sorted(names):
        a, b = before / rel, after / rel
        if not a.exists() or not b.exists():
            found.append(f"{rel}: only {'after' if b.exists() else 'before'}")
        elif rel.suffix in (".xlsx", ".xlsm"):
            za, zb = _zip_members(a), _zip_members(b)
            if list(za) != list(zb):
                found.append(f"{rel}: other members or order")
            found += [f"{rel}!{m}" for m in za if m in zb and za[m] != zb[m]]
        elif rel.suffix == ".pdf":
            if _pdf_text(a) != _pdf_text(b):
                found.append(f"{rel}: other text")
        elif _text(a.read_bytes()) != _text(b.read_bytes()):
            found.append(str(rel))
    return found


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["record", "compare"])
    ap.add_argument("folder", type=Path, help="where the recording of the old tree is (or goes)")
    args = ap.parse_args(argv)
    if args.action == "record":
        record(args.folder)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        now = Path(tmp) / "now"
        record(now)
        found = differences(args.folder, now)
        for rel in ("jobbook.xlsx", "jobbook.xlsm"):  # the committed templates rebuild identically
            za, zb = _zip_members(ROOT / "workbook" / rel), _zip_members(now / "templates" / rel)
            if za != zb:
                found.append(f"workbook/{rel}: not what a fresh build writes")
    for f in found:
        print(f"differs: {f}")
    print("same" if not found else f"{len(found)} differences")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

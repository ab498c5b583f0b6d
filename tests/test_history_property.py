"""The property of History (docs/definitions.md § History, issue 22): whatever sequence of import, done, accept,
import --update, record (after typing by hand) and undo a book goes through, replaying History
backwards from the book as it ends gives, change set by change set, each book it was before:
every typed cell of every table History names, exactly (as History's text, rows in any order).

Each step runs the real command on a real file (the pinned sample), so a handful of sequences
are tried (the commands take most of a second each)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jobbook
from jobbook.changes import RowAppend, TableWrite
from jobbook.cli import main
from jobbook.edit import edit_workbook
from jobbook.history import book_entries, rewind, to_text
from jobbook.schema import HISTORY_KEYS, STAGES, TABLES

from conftest import PINNED

OPS = ("import", "update", "done", "accept", "record", "undo", "undo")


def table_texts(inputs: dict) -> dict[str, list[tuple[str, ...]]]:
    """Every row of the tables History names as History's text, sorted (rows in any order),
    blank rows left out."""
    out = {}
    for name in HISTORY_KEYS:
        frame = inputs[name]
        cols = [c.header for c in TABLES[name].inputs if c.header in frame.columns]
        rows = []
        for values in zip(*(frame[c].tolist() for c in cols)):
            texts = tuple(to_text(v) for v in values)
            if any(texts):
                rows.append(texts)
        out[name] = sorted(rows)
    return out


def run(*args) -> int:
    return main([str(a) for a in args])


def _csv(path: Path, rows: list[list[str]]) -> Path:
    lines = ["Company,Role,Date applied,Status"] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n")
    return path


def step(book: Path, op: str, k: int, folder: Path) -> None:
    """One command (or typing then record) on `book`, steered by `k`."""
    b = jobbook.read_book(book)
    p = b.inputs["Pipeline"]
    ids = [str(i) for i in p["ID"].dropna()]
    day = (PINNED + dt.timedelta(days=k % 5)).isoformat()
    if op == "import":
        rows = [[f"Newco {k}", "Analyst", "2026-10-0" + str(1 + k % 9), "Applied"]]
        if k % 2:
            rows.append([f"Otherco {k}", "Engineer", "2026-09-2" + str(k % 9), "Rejected"])
        run("import", book, _csv(folder / f"i{k}.csv", rows), "--as-of", day)
    elif op == "update":
        live = p[p["Status"] == "Active"]
        if len(live):
            r = live.iloc[k % len(live)]
            word = ["Interviewing", "Rejected", "Final round"][k % 3]
            row = [str(r["Company"]), str(r["Role"] or ""), "", word]
            run("import", book, _csv(folder / f"u{k}.csv", [row]), "--update", "--as-of", day)
    elif op == "done":
        live = p[(p["Status"] == "Active") & p["Date applied"].notna()]
        if len(live):
            run(
                "done",
                book,
                "follow-up",
                live["ID"].iloc[k % len(live)],
                "--on",
                day,
                "--as-of",
                day,
            )
    elif op == "accept":
        offers = [str(i) for i in b.inputs["Offers"]["ID"].dropna()]
        run(
            "accept",
            book,
            offers[k % len(offers)],
            *(["--withdraw"] if k % 2 else []),
            "--as-of",
            day,
        )
    elif op == "record":
        stage = STAGES[k % len(STAGES)]
        row = int(p.index[k % len(p)])
        typed = [TableWrite("Pipeline", "Stage", row, stage)]
        if k % 3 == 0:
            typed.append(
                RowAppend("Pipeline", {"ID": f"T{k}", "Company": f"Typed {k}", "Source": "Network",
                                       "Date applied": dt.date(2026, 10, 1), "Stage": "Applied",
                                       "Status": "Active"})
            )  # fmt: skip
        if k % 4 == 1 and len(ids) > 3:  # a date moved by hand
            typed.append(
                TableWrite("Pipeline", "Date applied", int(p.index[1]), dt.date(2026, 7, 1))
            )
        edit_workbook(book, typed, keep_backup=False)
        run("record", book, "--on", day)
    else:
        run("undo", book, "--as-of", day)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 50)), min_size=4, max_size=7))
def test_history_replayed_backwards_gives_each_book_before(pinned_samples, tmp_path_factory, ops):
    folder = tmp_path_factory.mktemp("prop")
    book = folder / "search.xlsx"
    book.write_bytes(pinned_samples[".xlsx"].read_bytes())
    run("record", book, "--as-of", PINNED.isoformat())  # the sample's History: nothing typed
    first = jobbook.read_book(book)
    snapshots = {max(e.change for e in book_entries(first)): table_texts(first.inputs)}
    for op, k in ops:
        step(book, op, k, folder)
        b = jobbook.read_book(book)
        entries = book_entries(b)
        snapshots[max(e.change for e in entries)] = table_texts(b.inputs)
    final = jobbook.read_book(book)
    entries = book_entries(final)
    assert [e.change for e in entries] == sorted(e.change for e in entries)
    for change, expected in snapshots.items():
        later = [e for e in entries if e.change > change]
        got = table_texts(rewind(final.inputs, later))
        assert got == expected, json.dumps({"change": change, "ops": ops}, default=str)

"""stats --as-of counts the book as History says it stood (docs/definitions.md § History): a search built day by
day by a script of the commands a person runs (import, done, typing then record, import --update,
accept, undo, typing not yet recorded), then asked about each of those days, gives the statistics
the book gave on that day, every key of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jobbook
from jobbook import views
from jobbook.changes import TableWrite
from jobbook.cli import main
from jobbook.edit import edit_workbook
from jobbook.template import new_workbook

D = dt.date
HEAD = "Company,Role,Date applied,Status,Source\n"


def run(*args) -> None:
    assert main([str(a) for a in args]) == 0, args


def csv(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text(HEAD + "".join(r + "\n" for r in rows))
    return path


def typed(book: Path, table: str, key: str, header: str, value) -> None:
    """A cell typed by hand (no History)."""
    b = jobbook.read_book(book)
    frame = b.inputs[table]
    row = int(frame.index[frame["ID"] == key][0])
    edit_workbook(book, [TableWrite(table, header, row, value)], keep_backup=False)


def counted(book: Path, day: D, today: D) -> dict:
    return views.stats(jobbook.read_book(book, as_of=day), today=today)


def test_stats_as_of_each_day_equal_the_book_on_that_day(tmp_path):
    book = new_workbook(tmp_path / "search.xlsx", as_of=D(2026, 9, 1))
    days: dict[D, dict] = {}

    def on(day: D) -> None:  # what `jobbook stats` said that evening
        days[day] = counted(book, day, day)

    d = D(2026, 9, 1)
    run("import", book, csv(tmp_path, "a.csv", [
        f"Acme,Analyst,{d},Applied,LinkedIn", f"Bolt,Engineer,{d},Applied,Referral",
        f"Core,Analyst,{d},Applied,Job board"]), "--as-of", d)  # fmt: skip
    on(d)
    d = D(2026, 9, 3)
    run(
        "import",
        book,
        csv(tmp_path, "b.csv", [f"Dyn,Scientist,{d},Applied,LinkedIn"]),
        "--as-of",
        d,
    )
    run("done", book, "follow-up", "A001", "--on", d, "--as-of", d)
    on(d)
    d = D(2026, 9, 8)
    typed(book, "Pipeline", "A001", "Stage", "Screen")
    typed(book, "Pipeline", "A001", "First response", D(2026, 9, 8))
    typed(book, "Pipeline", "A003", "Status", "Rejected")
    run("record", book, "--on", d, "--as-of", d)
    on(d)
    d = D(2026, 9, 15)
    run("import", book, csv(tmp_path, "c.csv", ["Acme,Analyst,,Interviewing,LinkedIn",
                                                "Bolt,Engineer,,Final round,Referral"]),
        "--update", "--as-of", d)  # fmt: skip
    on(d)
    d = D(2026, 9, 22)
    typed(book, "Pipeline", "A002", "Stage", "Offer")
    run("record", book, "--on", d, "--as-of", d)
    run("import", book, csv(tmp_path, "d.csv", [f"Echo,Analyst,{d},Applied,Network"]), "--as-of", d)
    run("undo", book, "--as-of", d)  # the import was a mistake
    on(d)
    typed(book, "Pipeline", "A002", "Status", "Accepted")  # typed on 29 September, not recorded
    typed(book, "Pipeline", "A004", "Status", "Withdrawn")
    today = D(2026, 10, 5)
    assert len({v["applications"] for v in days.values()}) > 1  # the days differ
    assert len({str(v["time_in_stage"]) for v in days.values()}) > 1
    for day, then in days.items():
        now = counted(book, day, today)
        assert now == then, day
    # what was typed and not recorded counts as today's: not yet on 29 September, today it does
    assert counted(book, D(2026, 9, 29), today) == {**days[D(2026, 9, 22)], "as_of": "2026-09-29"}
    now = counted(book, today, today)
    assert now["by_status"]["Accepted"] == 1 and now["by_status"]["Withdrawn"] == 1

"""jobbook export: every table, typed, one file each; reading the files back gives what read_book
gives (CSV, JSON and Parquet), and CSV never carries a live formula."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math

import pandas as pd
import pyarrow.parquet as pq
import pytest

import jobbook
from jobbook.cli import main
from jobbook.core.offers import default_vesting
from jobbook.sample import SAMPLE_PROFILE
from jobbook.schema import HOLIDAYS_TABLE, SETTINGS, TABLES, VESTING_TABLE

import handmade

D = dt.date
NAMES = [*TABLES, "Settings", "Holidays", "Vesting"]


def canon(v: object) -> object:
    """One spelling for a value, whichever way it was read: None for blanks, ISO text for dates
    (with the time when there is one), floats for numbers, text as is."""
    if v is None or v is pd.NaT or v == "" or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, dt.datetime):  # pd.Timestamp too
        return v.date().isoformat() if v.time() == dt.time() else v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return float(v)
    return v


def links(book, header: str) -> list:
    """A mailto: link column as `jobbook draft --short` gives it, row by row: the link where the
    workbook's cell shows its words, else None."""
    from jobbook.drafts import draft
    from jobbook.schema import LINKS

    link = LINKS[header]
    df = book.tables[link.table]
    key = "ID" if link.table == "Interviews" else "Application ID"
    return [
        draft(book, link.kind, str(ident), short=True).link if shown else None
        for ident, shown in zip(df[key], df[header].fillna("") != "")
    ]


def expected(book) -> dict[str, dict[str, list]]:
    """Each table as read_book gives it (with the Interviews' times of day), canonical; the link
    columns hold the links, not the words the cells show."""
    from jobbook.schema import LINKS

    out = {}
    for name, table in TABLES.items():
        df = book.tables[name]
        out[name] = {
            c.header: links(book, c.header)
            if c.header in LINKS
            else [canon(v) for v in book.times.get((name, c.header), df[c.header])]
            for c in table.columns
        }
    values = book.settings.to_dict()
    out["Settings"] = {s.name: [canon(values[s.name])] for s in SETTINGS}
    out["Holidays"] = {
        c.header: [canon(v) for v in book.holidays[c.header]] for c in HOLIDAYS_TABLE.columns
    }
    vesting = default_vesting() if book.vesting is None else book.vesting  # a book without one
    out["Vesting"] = {
        c.header: [canon(v) for v in vesting[c.header]] for c in VESTING_TABLE.columns
    }
    return out


def read_csv(path, numeric: set[str]) -> dict[str, list]:
    """A CSV as a spreadsheet user's script would read it; escaped text loses its leading '."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    out = {}
    for j, h in enumerate(header):
        col = []
        for r in body:
            v = r[j]
            if v == "":
                col.append(None)
            elif h in numeric:
                col.append(float(v))
            elif v[:1] == "'" and v[1:2] in ("=", "+", "-", "@", "\t", "\r"):
                col.append(v[1:])
            else:
                col.append(v)
        out[h] = col
    return out


def numeric_headers(name: str) -> set[str]:
    from jobbook.schema import NUMERIC_KINDS

    if name == "Settings":
        return {s.name for s in SETTINGS if s.kind in ("int", "number")}
    if name == "Holidays":
        return set()
    if name == "Vesting":
        return {c.header for c in VESTING_TABLE.columns if c.kind in NUMERIC_KINDS}
    return {c.header for c in TABLES[name].columns if c.kind in NUMERIC_KINDS}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from jobbook.template import new_workbook

    path = new_workbook(
        tmp_path_factory.mktemp("e") / "search.xlsx", sample=True, as_of=D(2026, 3, 10)
    )
    return path, jobbook.read_book(path)


@pytest.fixture
def evil_book(tmp_path):
    """Text a spreadsheet would run, a done mark that is not a date, a time of day."""
    wb = handmade.new_workbook()
    ws = handmade.write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": '=HYPERLINK("http://x","y")',
                "Source": "Referral",
                "Date applied": D(2026, 3, 2),
                "Stage": "Applied",
                "Status": "Active",
                "Notes": "-10% pay cut",
            },
            {
                "ID": "007",
                "Company": "@home",
                "Source": "+Other",
                "Date applied": D(2026, 3, 3),
                "Stage": "Screen",
                "Status": "Active",
                "Excitement": 4,
            },
        ],
    )
    ws["B2"].data_type = "s"  # typed as text, as a user's apostrophe keeps it
    handmade.write_sheet(
        wb,
        "Interviews",
        [
            {
                "ID": "I1",
                "Application ID": "A1",
                "Date": dt.datetime(2026, 3, 5, 14, 30),
                "Thank-you sent": "x",
                "Round": "Final",
            },
            {
                "ID": "I2",
                "Application ID": "007",
                "Date": D(2026, 3, 6),
                "Thank-you sent": D(2026, 3, 6),
            },
        ],
        table=True,
    )
    return handmade.save(wb, tmp_path / "evil.xlsx")


def test_every_table_round_trips_through_csv_json_and_parquet(sample, tmp_path, capsys):
    path, book = sample
    want = expected(book)
    for fmt in ("csv", "json", "parquet"):
        out = tmp_path / fmt
        assert main(["export", str(path), str(out), "--format", fmt]) == 0
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in NAMES)
        for name in NAMES:
            file = out / f"{name}.{fmt}"
            if fmt == "csv":
                got = read_csv(file, numeric_headers(name))
            elif fmt == "json":
                rows = json.loads(file.read_text(encoding="utf-8"))
                got = {h: [canon(r[h]) for r in rows] for h in want[name]}
            else:
                rows = pq.read_table(file).to_pylist()
                got = {h: [canon(r[h]) for r in rows] for h in want[name]}
            got = {h: [canon(v) for v in vs] for h, vs in got.items()}
            assert list(got) == list(want[name]), (fmt, name)
            assert got == want[name], (fmt, name)
    assert "Wrote 12 files" in capsys.readouterr().out


def test_link_columns_hold_the_links(sample, tmp_path):
    """Thank-you link and Feedback link: the mailto: URL the workbook's HYPERLINK opens, on every
    row whose cell shows the words, never the words themselves."""
    path, book = sample
    assert main(["export", str(path), str(tmp_path)]) == 0
    for name, header, words in [
        ("Interviews", "Thank-you link", "Write thank-you"),
        ("Lessons", "Feedback link", "Ask for feedback"),
    ]:
        got = read_csv(tmp_path / f"{name}.csv", set())[header]
        shown = (book.tables[name][header].fillna("") == words).tolist()
        assert any(shown) and len(got) == len(shown)
        assert [bool(v) for v in got] == shown
        assert all(v.startswith("mailto:") and "?subject=" in v for v in got if v)
        assert words not in got


def test_parquet_columns_have_real_types(sample, tmp_path):
    path, book = sample
    assert main(["export", str(path), str(tmp_path), "--format", "parquet"]) == 0
    offers = pq.read_table(tmp_path / "Offers.parquet").schema
    assert str(offers.field("Offer date").type) == "date32[day]"
    assert str(offers.field("Base salary").type) == "double"
    assert str(offers.field("First-year total").type) == "double"  # computed columns too
    assert str(offers.field("Company").type) == "string"
    interviews = pq.read_table(tmp_path / "Interviews.parquet")
    assert str(interviews.schema.field("Date").type).startswith("timestamp")
    assert str(interviews.schema.field("Self-rating").type) == "int64"
    assert interviews.column("Date").to_pylist()[0].time() != dt.time()  # 10:00, kept
    settings = pq.read_table(tmp_path / "Settings.parquet").to_pylist()
    assert settings == [
        {
            "AsOf": D(2026, 3, 10),
            "Country": "US",
            "TimeZone": None,
            "ThankYouDays": 1,
            "FollowUpDays": 5,
            "DecisionDays": 2,
            "NoticeWeeks": 2.0,
            "RestDays": 3,
            "WorkWeeksPerYear": 48.0,
            "HoursPerWeek": 40.0,
            "HorizonYears": 4.0,
            "Backups": 5,
            **SAMPLE_PROFILE,  # the profile of message drafts: YourName...
        }
    ]


def test_csv_never_holds_a_live_formula_and_round_trips(evil_book, tmp_path):
    book = jobbook.read_book(evil_book)
    want = expected(book)
    assert main(["export", str(evil_book), str(tmp_path / "out")]) == 0
    raw = (tmp_path / "out" / "Pipeline.csv").read_text(encoding="utf-8-sig")
    assert '"\'=HYPERLINK(""http://x"",""y"")"' in raw and "'@home" in raw and "'+Other" in raw
    assert "'-10% pay cut" in raw
    assert "\n007," in raw.replace("\r\n", "\n")  # an ID stays as typed
    for name in ("Pipeline", "Interviews"):
        got = read_csv(tmp_path / "out" / f"{name}.csv", numeric_headers(name))
        assert {h: [canon(v) for v in vs] for h, vs in got.items()} == want[name], name
    iv = read_csv(tmp_path / "out" / "Interviews.csv", set())
    assert iv["Date"] == ["2026-03-05 14:30", "2026-03-06"]
    assert iv["Thank-you sent"] == ["x", "2026-03-06"]  # a mark stays a mark: a text column
    table = pq.read_table(_parquet(book, tmp_path / "pq") / "Interviews.parquet")
    assert str(table.schema.field("Thank-you sent").type) == "string"


def _parquet(book, folder):
    from jobbook.export import export_book

    export_book(book, folder, "parquet")
    return folder


def test_refusals_before_any_work(sample, tmp_path, capsys):
    path, _ = sample
    assert main(["export", str(path), str(tmp_path)]) == 0
    before = (tmp_path / "Pipeline.csv").stat().st_mtime_ns
    assert main(["export", str(path), str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "Pipeline.csv").stat().st_mtime_ns == before
    assert main(["export", str(path), str(tmp_path), "--force"]) == 0
    assert main(["export", str(path), str(path)]) == 2  # a file, not a folder
    assert main(["export", str(path), str(tmp_path), "--format", "xlsx"]) == 2
    assert not [p for p in tmp_path.iterdir() if "jobbook-tmp" in p.name]

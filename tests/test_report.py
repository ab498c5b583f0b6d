"""The monthly report: its figures, its charts (golden XML), its picture, its PDF, its edge months."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest

import jobbook
from jobbook import views
from jobbook.cli import main
from jobbook.libreoffice import convert
from jobbook.report import build, write_report
from jobbook.report.cohort import write_cohort
from jobbook.report.data import weeks_of
from jobbook.report.pdf import SECTIONS

from conftest import AS_OF, build_search
from handmade import new_workbook, save, write_sheet

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).with_name("golden")
D = dt.date


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def made(tmp_path, search_book, capsys):
    before = sha(search_book)
    out, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    code, _, err = run(
        capsys,
        "report",
        search_book,
        "--month",
        "2026-02",
        "--as-of",
        AS_OF,
        "-o",
        out,
        "--pdf",
        pdf,
    )
    assert code == 0, err
    assert sha(search_book) == before  # the book is only read
    return search_book, out, pdf


def test_summary_equals_stats_month(made, capsys):
    book, out, _ = made
    code, stdout, _ = run(capsys, "stats", book, "--month", "2026-02", "--as-of", AS_OF, "--json")
    stats = json.loads(stdout)
    ws = openpyxl.load_workbook(out)["Summary"]
    rows = {
        ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 6)]
        for r in range(1, ws.max_row + 1)
    }
    assert ws.cell(5, 2).value == "February 2026" and ws.cell(5, 3).value == "January 2026"
    for label, key in [
        ("Applications", "applications"),
        ("Responses", "responses"),
        ("Response rate", "response_rate"),
        ("Interview rate", "interview_rate"),
        ("Offer rate", "offer_rate"),
        ("Still active", "active"),
        ("Accepted", "accepted"),
        ("Median days to first response", "median_days_to_response"),
    ]:
        assert rows[label][0] == stats[key], label
    assert rows["Interviews held"][0] == stats["by_month"]["2026-02"]["interviews"]
    # January: A1 A2 applied; all time: 9 applications
    assert rows["Applications"] == [5, 2, "▲ 3", 9]
    assert rows["Response rate"][2] == "▼ 20.0 pts"  # 80% against 100%


def test_report_has_every_chart_and_the_picture(made):
    _, out, _ = made
    with zipfile.ZipFile(out) as z:
        charts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))
        images = [n for n in z.namelist() if n.startswith("xl/media/")]
        titles = [re.search(rb"<a:t>([^<]+)</a:t>", z.read(c)).group(1).decode() for c in charts]
    assert len(charts) == 9 and len(images) == 2  # the timeline (How it moved), the Sankey
    assert titles == [
        "Applications per week",
        "Funnel",
        "Outcomes by status",
        "Response rate by source (all time)",
        "Month by month",
        "Offers, ranked: first-year parts",
        "Offers year by year",
        "Self-rating by round",
        "Thank-you notes",
    ]
    with zipfile.ZipFile(out) as z:
        line = z.read("xl/charts/chart5.xml")
        bars = [z.read(c) for c in charts if b"<barChart>" in z.read(c)]
    # every category labelled: LibreOffice hides every other label of a crowded axis otherwise
    assert len(bars) == 8 and all(b'<tickLblSkip val="1" />' in x for x in bars)
    assert (
        line.count(b'<smooth val="0" />') == 3 and b'<smooth val="1"' not in line
    )  # straight lines
    assert (
        b'<showSerName val="0" />' in line and b'<showCatName val="0" />' in line
    )  # explicit label flags


def normalise(xml: bytes) -> str:
    """Chart XML with one element per line, so that a golden diff reads well."""
    return re.sub(rb">\s*<", b">\n<", xml).decode()


def test_chart_xml_golden(made):
    _, out, _ = made
    update = os.environ.get("JOBBOOK_UPDATE_GOLDEN") == "1"
    with zipfile.ZipFile(out) as z:
        for name in sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
            got = normalise(z.read(name))
            golden = GOLDEN / f"report_{Path(name).stem}.xml"
            if update:
                golden.parent.mkdir(exist_ok=True)
                golden.write_text(got)
            assert golden.exists(), f"no golden file {golden}; run with JOBBOOK_UPDATE_GOLDEN=1"
            assert got == golden.read_text(), f"{name} differs from {golden.name}"


C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
COUNT_CHARTS = (
    "Applications per week",
    "Funnel",
    "Outcomes by status",
    "Month by month",
    "Thank-you notes",
)


def test_no_label_on_a_zero_point_and_whole_count_axes(made):
    """LibreOffice ignores a label's `0;-0;;` format: every zero point of a labelled chart has its
    label deleted (<c:dLbl><c:idx/><c:delete val="1"/>), no other point has; count axes step by
    whole numbers (never 0.5)."""
    _, out, _ = made
    ws = openpyxl.load_workbook(out)["Charts"]
    seen = 0
    with zipfile.ZipFile(out) as z:
        for name in (n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
            xml = z.read(name)
            root = ET.fromstring(xml)
            title = re.search(rb"<a:t>([^<]+)</a:t>", xml).group(1).decode()
            labelled = title in COUNT_CHARTS  # a 0% response rate is a figure: it keeps a label
            for ser in root.iter(f"{C}ser"):
                cells = ser.find(f"{C}val/{C}numRef/{C}f").text.split("!")[1].replace("$", "")
                c1, r1, c2, r2 = openpyxl.utils.range_boundaries(cells)
                values = [ws.cell(r, c1).value for r in range(r1, r2 + 1)]
                deleted = {
                    int(d.find(f"{C}idx").get("val"))
                    for d in ser.iterfind(f"{C}dLbls/{C}dLbl")
                    if d.find(f"{C}delete") is not None
                }
                if labelled:
                    assert deleted == {i for i, v in enumerate(values) if not v}, (title, values)
                    seen += len(deleted)
            if title in COUNT_CHARTS:
                unit = float(root.find(f".//{C}valAx/{C}majorUnit").get("val"))
                assert unit >= 1 and unit.is_integer(), (title, unit)
    assert seen > 0  # the fixture's month has empty weeks and stages


def test_pdf_has_a_page_per_section(made):
    _, _, pdf = made
    assert pdf_pages(pdf) == len(SECTIONS) == 10


@pytest.mark.libreoffice
def test_libreoffice_converts_the_report(made, soffice, tmp_path):
    _, out, _ = made
    pdf = convert(out, "pdf", tmp_path / "lo")
    assert pdf_pages(pdf) >= 3  # Summary, Charts (several pages), Search flow


def test_refuses_to_overwrite(made, capsys):
    book, out, _ = made
    before = sha(out)
    code, _, err = run(capsys, "report", book, "--month", "2026-02", "-o", out)
    assert code == 1 and "already exists; use --force" in err
    assert sha(out) == before
    code, _, err = run(capsys, "report", book, "--month", "2026-02", "-o", book, "--force")
    assert code == 2 and "never writes over it" in err
    assert run(capsys, "report", book, "--month", "2026-02", "-o", out, "--force")[0] == 0


def test_a_month_after_the_as_of_date_warns(capsys, search_book, tmp_path):
    out = tmp_path / "r.xlsx"
    code, stdout, err = run(
        capsys, "report", search_book, "--month", "2026-04", "--as-of", AS_OF, "-o", out
    )
    assert code == 0 and out.exists()
    assert "warning: 2026-04 is after the as-of date 2026-03-10" in err
    assert "due in the next 14 days." in stdout
    code, _, err = run(
        capsys, "report", search_book, "--month", "2026-03", "--as-of", AS_OF, "-o", out, "--force"
    )
    assert code == 0 and "after the as-of date" not in err


def test_usage(capsys, search_book, tmp_path):
    assert run(capsys, "report", search_book)[0] == 2  # --month is required
    assert run(capsys, "report", search_book, "--month", "Feb")[0] == 2
    assert (
        run(capsys, "report", search_book, search_book, "--month", "2026-02")[0] == 2
    )  # needs --cohort
    code, _, err = run(
        capsys, "report", search_book, "--month", "2026-02", "-o", tmp_path / "r.csv"
    )
    assert code == 2 and "must end in .xlsx" in err


@pytest.mark.parametrize(
    ("month", "applications", "previous", "trend"),
    [
        ("2025-06", 0, "2025-05", ["Jun 2025"]),  # a month with no data at all
        ("2026-01", 2, "2025-12", ["Jan 2026"]),  # the first month; December -> January
        # not over on the as-of date (2026-03-10): its first ten days
        ("2026-03", 2, "2026-02", ["Jan 2026", "Feb 2026", "1\u201310 Mar 2026"]),
    ],
)
def test_edge_months(search_book, tmp_path, month, applications, previous, trend):
    book = jobbook.read_book(search_book, as_of=AS_OF)
    r = build(book, month)
    assert r.stats["applications"] == applications
    assert str(r.month - 1) == previous and list(r.stats["by_month"]) == [month]
    assert list(r.trend["Month"]) == trend  # from the first month with activity, not 12 empty
    assert sum(r.per_week["Applications"]) == applications
    data, written, _ = write_report(
        search_book, month, tmp_path / f"{month}.xlsx", tmp_path / f"{month}.pdf", as_of=AS_OF
    )
    assert [p.exists() for p in written] == [True, True]


def test_leap_day(tmp_path):
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "Leap",
                "Source": "Other",
                "Date applied": D(2028, 2, 29),
                "Stage": "Applied",
                "Status": "Active",
            },
            {
                "ID": "A2",
                "Company": "Day",
                "Source": "Other",
                "Date applied": D(2028, 3, 1),
                "Stage": "Applied",
                "Status": "Active",
            },
        ],
        table=True,
    )
    path = save(wb, tmp_path / "leap.xlsx")
    book = jobbook.read_book(path, as_of=D(2028, 3, 15))
    feb = build(book, "2028-02")
    assert weeks_of(feb.month)[-1] == (D(2028, 2, 28), D(2028, 2, 29))
    assert (
        list(feb.per_week["Week"])[-1] == "Feb 28-29"
        and list(feb.per_week["Applications"])[-1] == 1
    )
    # March is not over on the 15th: compared with 1-15 February, which misses the 29th
    march = build(book, "2028-03")
    assert (march.window.label, march.before.label) == ("1\u201315 Mar 2028", "1\u201315 Feb 2028")
    assert march.summary.set_index("Figure").loc["Applications", "Previous month"] == 0
    # on the 30th: days 1-30 against the whole of February (29 days)
    march = build(jobbook.read_book(path, as_of=D(2028, 3, 30)), "2028-03")
    assert (march.window.label, march.before.label) == ("1\u201330 Mar 2028", "February 2028")
    assert march.summary.set_index("Figure").loc["Applications", "Previous month"] == 1
    march = build(jobbook.read_book(path, as_of=D(2028, 3, 31)), "2028-03")  # over: whole months
    assert (march.window.label, march.before.label) == ("March 2028", "February 2028")


def test_report_text_is_never_a_formula(tmp_path):
    wb = new_workbook()
    ws = write_sheet(
        wb,
        "Pipeline",
        [
            {
                "ID": "A1",
                "Company": "Acme",
                "Source": "Other",
                "Date applied": D(2026, 1, 5),
                "Stage": "Applied",
                "Status": "Active",
                "Next action due": D(2026, 1, 6),
            }
        ],
        table=True,
    )
    ws["B2"].value = "=1+1"
    ws["B2"].data_type = "s"  # text that looks like a formula, as a CSV import leaves it
    path = save(wb, tmp_path / "=SUM(1,2)+0.xlsx")  # the file name is the report's title
    assert jobbook.read_book(path).inputs["Pipeline"].iloc[0]["Company"] == "=1+1"
    write_report(path, "2026-01", tmp_path / "r.xlsx", as_of=D(2026, 1, 6))
    cohort = tmp_path / "cohort.xlsx"
    write_cohort([path], "2026-01", cohort, as_of=D(2026, 1, 6))
    for report in (tmp_path / "r.xlsx", cohort):
        wb = openpyxl.load_workbook(report)
        cells = [c for ws in wb for row in ws.iter_rows() for c in row]
        assert [
            f"{c.parent.title}!{c.coordinate}" for c in cells if c.data_type == "f"
        ] == []  # no live formula anywhere
        assert any(c.value == "=1+1" for c in cells) and any(
            str(c.value).startswith("=SUM(1,2)+0") for c in cells
        )


def test_cohort(tmp_path, capsys):
    a = build_search(tmp_path / "ana.xlsx")
    b = build_search(tmp_path / "ben.xlsx")
    bad = tmp_path / "chloe.xlsx"
    bad.write_text("not a workbook")
    out = tmp_path / "cohort.xlsx"
    pdf = tmp_path / "cohort.pdf"
    code, stdout, err = run(
        capsys,
        "report",
        a,
        b,
        a,
        bad,
        "--cohort",
        "--month",
        "2026-02",
        "--as-of",
        AS_OF,
        "-o",
        out,
        "--pdf",
        pdf,
    )
    assert code == 0, err
    assert "chloe.xlsx was not reported" in err and "Cohort of 2" in stdout
    assert "ana.xlsx was given more than once; reported once" in err
    # the per-person page first; no page of how applications moved: each book keeps its History
    assert pdf_pages(pdf) == len(SECTIONS) + 1 - 1
    ws = openpyxl.load_workbook(out)["Cohort"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=1, max_row=ws.max_row)]
    people = [r for r in rows if r[0] in ("ana", "ben", "Cohort")]
    assert [r[0] for r in people] == ["ana", "ben", "Cohort"]
    assert [r[2] for r in people] == [5, 5, 10]  # applications in February
    assert people[2][4] == pytest.approx(0.8)  # the cohort's response rate from the sums
    assert any(r[0] == str(bad) for r in rows)  # the unreadable book is listed with its error
    with zipfile.ZipFile(out) as z:
        assert len([n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]) == 9


def test_cohort_with_no_readable_book_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "chloe.xlsx"
    bad.write_text("not a workbook")
    out = tmp_path / "cohort.xlsx"
    code, _, err = run(
        capsys, "report", bad, tmp_path / "nope.xlsx", "--cohort", "--month", "2026-02", "-o", out
    )
    assert (
        code == 1
        and err.startswith("Error: no book of the cohort could be read")
        and "chloe.xlsx" in err
    )
    assert not out.exists()


def test_monthly_script_all_months(tmp_path, search_book):
    done = subprocess.run(
        [
            sys.executable,
            ROOT / "scripts" / "monthly_report.py",
            search_book,
            "--all-months",
            "--out-dir",
            tmp_path / "out",
            "--as-of",
            str(AS_OF),
            "--pdf",
            "-v",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [f"search-report-2026-0{m}.{x}" for m in (1, 2, 3) for x in ("pdf", "xlsx")]
    again = subprocess.run(
        [
            sys.executable,
            ROOT / "scripts" / "monthly_report.py",
            search_book,
            "--month",
            "2026-02",
            "--out-dir",
            tmp_path / "out",
        ],
        capture_output=True,
        text=True,
    )
    assert (
        again.returncode == 1
        and again.stderr.startswith("Error: ")
        and "already exists" in again.stderr
    )
    (tmp_path / "out" / "search-report-2026-02.pdf").unlink()
    before = (tmp_path / "out" / "search-report-2026-01.xlsx").stat().st_mtime_ns
    missing = subprocess.run(
        [
            sys.executable,
            ROOT / "scripts" / "monthly_report.py",
            search_book,
            "--all-months",
            "--out-dir",
            tmp_path / "out",
            "--as-of",
            str(AS_OF),
            "--pdf",
            "-v",
        ],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 0, (
        missing.stderr
    )  # the reports already there are kept, the missing one written
    assert missing.stdout.splitlines() == [
        f"Wrote {tmp_path / 'out' / 'search-report-2026-02.pdf'}"
    ]
    assert "2026-01: kept" in missing.stderr and "2026-03: kept" in missing.stderr
    assert (tmp_path / "out" / "search-report-2026-01.xlsx").stat().st_mtime_ns == before


def test_report_with_only_pdf_named_writes_both(capsys, tmp_path, search_book):
    book = tmp_path / "search.xlsx"
    book.write_bytes(search_book.read_bytes())
    code, out, err = run(
        capsys, "report", book, "--month", "2026-02", "--as-of", AS_OF, "--pdf", tmp_path / "r.pdf"
    )
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "r.pdf",
        "search-report-2026-02.xlsx",
        "search.xlsx",
    ]


def test_report_of_views_matches(search_book):
    """The data the report draws is the same as the command line's."""
    book = jobbook.read_book(search_book, as_of=AS_OF)
    r = build(book, "2026-03")
    month, every = views.stats(book, "2026-03"), views.stats(book)
    steps = every.pop("time_in_stage")
    month.pop("time_in_stage")
    assert r.stats == month
    assert r.all_time == every
    assert r.time_in_stage["Applications"].tolist() == [s["n"] for s in steps.values()]
    assert len(r.overdue) == sum(1 for d in views.deadlines(book) if d["flag"] == "Overdue")


def test_monthly_script_records_history_first_unless_told_not_to(tmp_path, search_book):
    """docs/definitions.md § History: the cron script records what was typed before it reports; --no-record
    leaves the book as it is."""
    from jobbook.history import book_entries

    def script(*more):
        return subprocess.run(
            [sys.executable, ROOT / "scripts" / "monthly_report.py", search_book, "--month",
             "2026-02", "--out-dir", tmp_path / "out", "--as-of", str(AS_OF), "--force", *more],
            capture_output=True, text=True,
        )  # fmt: skip

    before = search_book.read_bytes()
    done = script("--no-record")
    assert done.returncode == 0, done.stderr
    assert search_book.read_bytes() == before
    done = script("-v")
    assert done.returncode == 0, done.stderr
    assert "History begins" in done.stderr
    rows = book_entries(jobbook.read_book(search_book))
    assert rows and {e.source for e in rows} == {"record"} and {e.when for e in rows} == {AS_OF}

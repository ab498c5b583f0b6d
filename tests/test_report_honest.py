"""Honest charts in the monthly report (issue 20, item 6): a month not over is compared with the
same days of the month before, weeks still to come are not drawn, every rate stands beside its
count and sources of fewer than 5 applications are drawn apart - in the data, in the workbook as
LibreOffice shows it, and in the PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser

import openpyxl
import pytest

import jobbook
from jobbook.report import build, write_report
from jobbook.report.periods import Window, windows

from handmade import new_workbook, save, write_sheet

D = dt.date
AS_OF = D(2026, 12, 7)  # a Monday: the December report, a week in


def _app(k: int, day: dt.date, source: str = "LinkedIn", stage: str = "Applied") -> dict:
    return {"ID": f"A{k:02}", "Company": f"Co {k}", "Source": source, "Date applied": day,
            "Stage": stage, "Status": "Active"}  # fmt: skip


@pytest.fixture(scope="module")
def december(tmp_path_factory):
    """A steady search: one application every other day of November (15), three in December's
    first week; a recruiter who answered the one application through them; referrals that did."""
    apps = [_app(k, D(2026, 11, 2 * k - 1)) for k in range(1, 16)]
    apps += [_app(16, D(2026, 12, 1)), _app(17, D(2026, 12, 3)), _app(18, D(2026, 12, 6))]
    apps += [_app(19, D(2026, 10, 5), "Recruiter", "Screen")]
    apps += [_app(20 + k, D(2026, 10, 10 + k), "Referral", "Screen") for k in range(6)]
    wb = new_workbook()
    write_sheet(wb, "Pipeline", apps, table=True)
    write_sheet(
        wb,
        "Interviews",
        [{"ID": f"I{k}", "Application ID": "A19", "Date": d}
         for k, d in enumerate([D(2026, 11, 3), D(2026, 11, 20), D(2026, 12, 2)], 1)],
        table=True,
    )  # fmt: skip
    path = save(wb, tmp_path_factory.mktemp("dec") / "search.xlsx")
    out = path.with_name("report.xlsx")
    write_report(path, "2026-12", out, path.with_name("report.pdf"), as_of=AS_OF)
    return path, out, path.with_name("report.pdf")


def test_a_month_not_over_is_compared_with_the_same_days(december):
    path, _, _ = december
    r = build(jobbook.read_book(path, as_of=AS_OF), "2026-12")
    assert (r.window.label, r.before.label) == ("1\u20137 Dec 2026", "1\u20137 Nov 2026")
    figures = r.summary.set_index("Figure")
    # 1-7 November: the applications of the 1st, 3rd, 5th and 7th, and the interview of the 3rd
    assert figures.loc["Applications", ["This month", "Previous month"]].tolist() == [3, 4]
    assert figures.loc["Interviews held", ["This month", "Previous month"]].tolist() == [1, 1]
    assert figures.loc["Applications", "Change"] == "\u25bc 1"  # not "▼ 12" against all of November
    assert "1\u20137 Dec 2026 is compared with the same days of the month before" in r.summary_note
    # the month by month chart names the month so far for what it is
    assert r.trend["Month"].tolist()[-2:] == ["Nov 2026", "1\u20137 Dec 2026"]
    assert r.trend["Applications"].tolist()[-2:] == [15, 3]


@pytest.mark.parametrize(
    "month, as_of, this, before",
    [
        ("2026-12", D(2026, 12, 31), "December 2026", "November 2026"),  # its last day: over
        ("2026-12", D(2027, 1, 2), "December 2026", "November 2026"),
        ("2026-12", D(2026, 11, 30), "December 2026", "November 2026"),  # not begun: whole
        ("2026-12", D(2026, 12, 1), "1 Dec 2026", "1 Nov 2026"),
        ("2027-03", D(2027, 3, 30), "1\u201330 Mar 2027", "February 2027"),  # February is shorter
        ("2027-03", D(2027, 3, 28), "1\u201328 Mar 2027", "February 2027"),
        ("2027-03", D(2027, 3, 27), "1\u201327 Mar 2027", "1\u201327 Feb 2027"),
    ],
)
def test_windows(month, as_of, this, before):
    got = windows(jobbook.core.parse_month(month), as_of)
    assert all(isinstance(w, Window) for w in got)
    assert (got[0].label, got[1].label) == (this, before)


def test_weeks_still_to_come_are_not_drawn(december):
    path, out, _ = december
    r = build(jobbook.read_book(path, as_of=AS_OF), "2026-12")
    assert r.per_week["Week"].tolist() == ["Dec 1-6", "Dec 7"]  # the week so far, none after
    with zipfile.ZipFile(out) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    ws = openpyxl.load_workbook(out)["Charts"]
    categories = re.search(r"<cat>.*?<f>'?Charts'?!\$?A\$?(\d+):\$?A\$?(\d+)</f>", chart, re.S)
    first, last = (int(x) for x in categories.groups())
    assert [ws.cell(k, 1).value for k in range(first, last + 1)] == ["Dec 1-6", "Dec 7"]
    headings = [c.value for c in ws["A"] if isinstance(c.value, str)]
    assert "Applications per week of December 2026 (to 7 December)" in headings


def test_every_rate_beside_its_count_and_few_apart(december):
    path, out, _ = december
    r = build(jobbook.read_book(path, as_of=AS_OF), "2026-12")
    sources = r.sources.set_index("Source")
    assert sources.at["Recruiter (1 of 1)", "Fewer than 5 applications"] == 1.0
    assert sources["Response rate"].isna()["Recruiter (1 of 1)"]  # not among the judged ones
    assert sources.at["Referral (6 of 6)", "Response rate"] == 1.0
    assert sources.at["LinkedIn (0 of 18)", "Response rate"] == 0.0
    # the workbook's chart: two series, the second the sources too small to judge
    with zipfile.ZipFile(out) as z:
        chart = z.read("xl/charts/chart4.xml").decode()
    titles = re.findall(r"<tx><strRef><f>'?Charts'?!\$?([A-Z]+)\$?(\d+)</f>", chart)
    ws = openpyxl.load_workbook(out)["Charts"]
    assert [ws[f"{c}{r}"].value for c, r in titles] == [
        "Response rate",
        "Fewer than 5 applications",
    ]


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())


@pytest.mark.libreoffice
def test_libreoffice_shows_the_counts_and_the_days(december, soffice, tmp_path):
    """The report as LibreOffice shows it: each rate cell reads "100.0% (1 of 1)" (a number
    format; the cell stays a number), the columns are named by their days."""
    from jobbook.libreoffice import convert

    _, out, _ = december
    cells = _Cells()
    cells.feed(convert(out, "html", tmp_path).read_text(encoding="utf-8"))
    text = cells.text
    assert "1\u20137 Dec 2026" in text and "1\u20137 Nov 2026" in text
    assert "0.0% (0 of 3)" in text and "0.0% (0 of 4)" in text  # response rate, both weeks
    assert "28.0% (7 of 25)" in text  # all time: the recruiter and the six referrals answered
    assert "Recruiter (1 of 1)" in text
    wb = openpyxl.load_workbook(out)
    summary = wb["Summary"]
    row = next(r for r in summary.iter_rows() if r[0].value == "Response rate")
    assert isinstance(row[1].value, int | float) and '" (0 of 3)"' in row[1].number_format


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_pdf_says_the_same(december):
    _, _, pdf = december
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "1\u20137 Dec 2026" in text and "1\u20137 Nov 2026" in text
    assert "0.0% (0 of 3)" in text and "Recruiter (1 of 1)" in text
    assert "Fewer than 5 applications" in text
    assert "Applications per week of December 2026 (to 7 December)" in text
    assert "Dec 14" not in text  # no week still to come


def test_a_month_after_the_as_of_date_draws_no_time_to_come(december):
    """A report of January, made on 7 December (written with a warning): no week drawn, and the
    month by month line stops at the days known, not at a January of zeros."""
    path, _, _ = december
    r = build(jobbook.read_book(path, as_of=AS_OF), "2027-01")
    assert r.per_week.empty
    assert r.trend["Month"].tolist()[-1] == "1\u20137 Dec 2026"
    assert r.trend["Applications"].tolist()[-1] == 3
    assert (r.window.label, r.before.label) == ("January 2027", "December 2026")

"""Every Excel function (``JB_*``) against LibreOffice: the functions are called the way Excel calls
them, on the values of a book that LibreOffice recalculated, and must give what LibreOffice's
native formulas give for the same cells (and what the command line prints).

The book is the pinned sample as a user leaves it: unticked checkboxes (FALSE), ticked ones, text
marks, choices typed in lower case (``screen``, ``active``, ``negotiating``), a date with a time
of day. A ``Parity`` sheet adds the native formulas the template has no column for (NETWORKDAYS).
One LibreOffice recalculation checks them all.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import openpyxl
import pytest
from test_excel import excel_values

from jobbook.cli import main
from jobbook.excel import functions as f
from jobbook.libreoffice import recalculate
from jobbook.schema import FUNNEL_STAGES
from jobbook.template import new_workbook
from jobbook.template._dashboard import FUNNEL_TOP, KPI_TOP, KPIS

pytestmark = pytest.mark.libreoffice
AS_OF = dt.date(2026, 10, 21)
ASOF = dt.datetime(2026, 10, 21)
PARITY_ROWS = 60


def _columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def as_a_user_leaves_it(src, dst):
    """FALSE, TRUE and text marks; lower-case choices; a time of day; native NETWORKDAYS."""
    wb = openpyxl.load_workbook(src)
    iv, les, off, pipe = wb["Interviews"], wb["Lessons"], wb["Offers"], wb["Pipeline"]
    c = _columns(iv)
    for row, mark in ((3, False), (4, True), (5, "yes"), (7, False)):
        iv.cell(row, c["Thank-you sent"], mark)
    iv.cell(6, c["Date"], dt.datetime(2026, 10, 20, 17, 45))
    c = _columns(les)
    les.cell(2, c["Done"], False)
    les.cell(3, c["Done"], True)
    c = _columns(pipe)
    lowered = 0
    for row in range(2, pipe.max_row + 1):
        stage, status = pipe.cell(row, c["Stage"]), pipe.cell(row, c["Status"])
        if stage.value in ("Screen", "Interview") and lowered < 3:
            stage.value = stage.value.lower()
            lowered += 1
        if status.value == "Active" and row % 2:
            status.value = "active"
    c = _columns(off)
    for row in range(2, off.max_row + 1):
        if off.cell(row, c["Status"]).value in ("Pending", "Negotiating"):
            off.cell(row, c["Status"]).value = off.cell(row, c["Status"]).value.lower()
            break
    ws = wb.create_sheet("Parity")  # native NETWORKDAYS from the day after AsOf to each due date
    ws.cell(1, 1, "NETWORKDAYS")
    due = openpyxl.utils.get_column_letter(_columns(iv)["Thank-you due"])
    for row in range(2, PARITY_ROWS + 2):
        ws.cell(
            row,
            1,
            f'=IF(Interviews!{due}{row}="","",NETWORKDAYS(AsOfDate+1,Interviews!{due}{row},Holidays[Date]))',
        )
    wb.save(dst)
    return dst


@pytest.fixture(scope="module")
def parity(tmp_path_factory, soffice):
    d = tmp_path_factory.mktemp("functions")
    sample = new_workbook(d / "sample.xlsx", sample=True, as_of=AS_OF)
    book = as_a_user_leaves_it(sample, d / "parity.xlsx")
    lo = openpyxl.load_workbook(recalculate(book, d / "lo"), data_only=True)
    typed = openpyxl.load_workbook(book)  # the inputs as Excel holds them: FALSE is a boolean
    inputs = {ws.title: excel_values(ws) for ws in typed}
    return book, lo, inputs, {ws.title: excel_values(ws) for ws in lo}


def column(block: list[list], header: str) -> list[list]:
    """One column of a sheet, without its header, as Excel sends a range: [[v], [v], ...]."""
    j = block[0].index(header)
    return [[row[j] if j < len(row) else None] for row in block[1:]]


def blank(v: object) -> object:
    return None if v in (None, "") else v


def same(got: object, want: object) -> bool:
    got, want = blank(got), blank(want)
    if isinstance(got, float | int) and isinstance(want, float | int):
        return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(got, dt.datetime) and isinstance(want, dt.datetime):
        return got.date() == want.date()
    return got == want


def holidays(lo) -> list[list]:
    """The Holidays table's dates, as Excel sends Holidays[Date]."""
    ws = lo["Settings"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "Date" and ws.cell(cell.row, cell.column + 1).value == "Name":
                return [
                    [ws.cell(r, cell.column).value]
                    for r in range(cell.row + 1, ws.max_row + 1)
                    if ws.cell(r, cell.column).value is not None
                ]
    raise AssertionError("no Holidays table on Settings")


def settings(lo) -> list[list]:
    return [[c.value for c in row[:2]] for row in lo["Settings"].iter_rows(min_row=1, max_row=20)]


def mismatches(got: list, want: list, what: str) -> list[str]:
    return [
        f"{what} row {k + 2}: JB {g!r}, LibreOffice {w!r}"
        for k, (g, w) in enumerate(zip(got, want))
        if not same(g, w)
    ]


def test_flags_workdays_and_networkdays(parity):
    _, lo, v, out = parity
    hol = holidays(lo)

    def cells(block, header, n=None):
        return [r[0] for r in column(block, header)][:n]

    iv, les = v["Interviews"], v["Lessons"]
    n = min(len(iv), len(out["Interviews"])) - 1  # the rows both sheets reach
    due = cells(out["Interviews"], "Thank-you due", n)  # LibreOffice's WORKDAY
    want = cells(out["Interviews"], "Thank-you flag", n)
    assert want[:6].count("Done") >= 2  # some marks are done, the FALSE ones are not
    got = f.JB_FLAG([[d] for d in due], column(iv, "Thank-you sent")[:n], ASOF, hol)
    bad = mismatches([r[0] for r in got], want, "Thank-you flag")
    n = min(len(les), len(out["Lessons"])) - 1
    got = f.JB_FLAG(column(les, "Due")[:n], column(les, "Done")[:n], ASOF, hol)
    bad += mismatches([r[0] for r in got], cells(out["Lessons"], "Flag", n), "Lesson flag")
    dates = column(iv, "Date")[: len(due)]
    got = f.JB_WORKDAY(dates, 1.0, hol)
    # no thank-you is due for an interview not yet held (docs/definitions.md § Deadlines): blank there
    held = [r[0] if d[0] is None or d[0].date() <= ASOF.date() else "" for r, d in zip(got, dates)]
    bad += mismatches(held, due, "Thank-you due")
    ahead = [d for d in dates if d[0] is not None and d[0].date() > ASOF.date()]
    assert 0 < len(ahead) < 10  # the sample's interviews ahead: blank, the others computed
    start = ASOF + dt.timedelta(days=1)
    got = [f.JB_NETWORKDAYS(start, d, hol) if d else "" for d in due[:PARITY_ROWS]]
    bad += mismatches(got, cells(out["Parity"], "NETWORKDAYS", PARITY_ROWS), "NETWORKDAYS")
    assert bad == []


def test_offer_functions(parity, capsys):
    book, lo, v, out = parity
    off, hol = v["Offers"], holidays(lo)
    heads = off[0]
    bad = []
    for k, (row, lo_row) in enumerate(zip(off[1:], out["Offers"][1:])):
        if row[heads.index("ID")] is None:
            continue
        for label, value in f.JB_OFFER_VALUE([heads], [row], settings(lo)):
            want = lo_row[heads.index(label)]
            if not same(value, want):
                bad.append(f"Offers row {k + 2} {label}: JB {value!r}, LibreOffice {want!r}")
    ranked = f.JB_OFFERS(off, v["Pipeline"], settings(lo), ASOF, hol)
    by_id = {row[heads.index("ID")]: row for row in out["Offers"][1:]}
    for r in ranked[1:]:
        lo_row = by_id[r[1]]
        for k, name in enumerate(ranked[0][3:], 3):
            want = lo_row[heads.index(name)]
            if name == "Status":  # typed in lower case: the function gives its canonical spelling
                want = want.capitalize() if want else want
            if not same(r[k], want):
                bad.append(
                    f"JB_OFFERS {r[1]} {name}: JB {r[k]!r}, LibreOffice {lo_row[heads.index(name)]!r}"
                )
    assert bad == []
    assert main(["offers", str(book), "--json"]) == 0  # in the order the command line ranks them
    cli = json.loads(capsys.readouterr().out)
    assert [[r[0], r[1]] for r in ranked[1:]] == [[o["rank"] or "", o["id"]] for o in cli]


def test_funnel_and_statistics(parity):
    _, lo, v, _ = parity
    dash = lo["Dashboard"]
    month = dt.datetime(2026, 10, 1)
    for col, arg in (("B", None), ("C", month)):
        funnel = dict(f.JB_FUNNEL(v["Pipeline"], arg)[1:])
        want = {s: dash[f"{col}{FUNNEL_TOP + 1 + k}"].value for k, s in enumerate(FUNNEL_STAGES)}
        assert funnel == want, col
        stats = dict(f.JB_STATS(v["Pipeline"], v["Interviews"], v["Offers"], arg)[1:])
        for k, (label, _) in enumerate(KPIS):
            assert same(stats[label], dash[f"{col}{KPI_TOP + 1 + k}"].value), (col, label)
    assert sum(funnel.values()) > 0


def test_deadlines_and_notice(parity, capsys):
    book, lo, v, out = parity
    hol = holidays(lo)
    got = f.JB_DEADLINES(
        v["Pipeline"],
        v["Interviews"],
        v["Offers"],
        v["Lessons"],
        v["Transition"],
        ASOF,
        hol,
        settings(lo),
    )
    assert main(["deadlines", str(book), "--json", "--as-of", AS_OF.isoformat()]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert [[r[0].date().isoformat(), *r[1:]] for r in got[1:]] == [
        [d["due"], d["flag"], d["kind"], d["sheet"], d["id"], d["company"] or ""] for d in cli
    ]
    tr = out["Transition"]  # inputs and LibreOffice's Last day and Earliest start
    heads = tr[0]
    rows = [r for r in tr[1:] if r[heads.index("Notice given")]]
    assert rows, "the sample has a Transition row"
    for r in rows:
        weeks, rest = r[heads.index("Notice weeks")], r[heads.index("Rest days")]
        last, start = f.JB_NOTICE(r[heads.index("Notice given")], weeks, rest, hol)[0]
        assert same(last, r[heads.index("Last day")]) and same(
            start, r[heads.index("Earliest start")]
        )

"""Excel's side: worksheet functions called the way Excel calls them, their xlwings metadata, and
the buttons' actions.

Excel cannot run here. Two stand-ins, both tiny and named as such: minimal pywin32 modules so that
``xlwings.udfs`` imports (to check the metadata xlwings builds), and a fake ``xw.Book.caller()``
workbook that holds values in memory (to run the buttons' few lines of xlwings code).
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import sys
import types

import openpyxl
import pandas as pd
import pytest

import jobbook
from jobbook import views
from jobbook.core import BusinessCalendar, as_date
from jobbook.core.deadlines import KIND_LABELS
from jobbook.core.offers import YEAR_COLUMNS
from jobbook.excel import actions
from jobbook.excel import functions as f
from jobbook.reader.frames import book_from_sheets
from jobbook.template import new_workbook

D = dt.date
DT = dt.datetime


def excel_values(ws) -> list[list]:
    """A sheet's used range as Excel gives it to Python: values, not formulas (computed cells are
    blank here because openpyxl holds no results; the core never reads them anyway)."""
    rows = []
    for r in ws.iter_rows():
        row = []
        for c in r:
            v = c.value
            if hasattr(v, "text") or (isinstance(v, str) and v.startswith("=")):
                v = None
            elif isinstance(v, dt.datetime):
                v = v  # Excel sends dates as datetimes
            elif isinstance(v, int) and not isinstance(v, bool):
                v = float(v)  # and numbers as floats
            row.append(v)
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = new_workbook(
        tmp_path_factory.mktemp("x") / "search.xlsx", sample=True, as_of=D(2026, 10, 21)
    )
    wb = openpyxl.load_workbook(path)
    blocks = {ws.title: (1, 1, excel_values(ws)) for ws in wb}
    return path, blocks


def table(blocks, name):
    return blocks[name][2]


def before_accepting(blocks):
    """The sample as it stood before O02 was accepted (with the button): O02 still Negotiating,
    its application Active, no Transition row, so that a button can accept an offer afresh (a
    second acceptance is refused)."""
    blocks = dict(blocks)
    out = {}
    for name, status, key in (("Offers", "Negotiating", "O02"), ("Pipeline", "Active", None)):
        rows = [list(r) for r in blocks[name][2]]
        head = rows[0]
        i, st = head.index("ID"), head.index("Status")
        for r in rows[1:]:
            if (key and r[i] == key) or (not key and r[st] == "Accepted"):
                r[st] = status
        out[name] = (1, 1, rows)
    tr = blocks["Transition"][2]
    out["Transition"] = (1, 1, [list(tr[0])] + [[None] * len(tr[0]) for _ in tr[1:]])
    return blocks | out


# -- the worksheet functions -----------------------------------------------------------------------


def test_workday_as_excel_sends_it():
    hol = [[DT(2026, 1, 19)], [None]]  # a column with an empty cell
    assert f.JB_WORKDAY(DT(2026, 1, 16), 1.0, hol) == DT(2026, 1, 20)
    assert f.JB_WORKDAY([[DT(2026, 1, 3), None, DT(2026, 1, 5)]], -1.0) == [
        [DT(2026, 1, 2), "", DT(2026, 1, 2)]
    ]
    assert f.JB_WORKDAY([DT(2026, 1, 2), DT(2026, 1, 9)], 1.0) == [
        [DT(2026, 1, 5), DT(2026, 1, 12)]
    ]  # 1-D row
    assert f.JB_NETWORKDAYS(DT(2026, 1, 16), DT(2026, 1, 20), hol) == 2
    cal = BusinessCalendar([D(2026, 1, 19)])
    for start in (D(2026, 1, 10), D(2026, 1, 16), D(2026, 1, 19)):
        for n in (-3, 0, 2, 7):
            assert f.JB_WORKDAY(
                DT(start.year, start.month, start.day), float(n), hol
            ).date() == as_date(cal.workday(start, n))


def test_flag_as_excel_sends_it():
    due = [[DT(2026, 3, 11)], [DT(2026, 3, 9)], [DT(2026, 3, 10)], [None], [DT(2026, 3, 20)]]
    done = [[None], [None], [None], [None], ["x"]]
    assert f.JB_FLAG(due, done, DT(2026, 3, 10)) == [
        ["Due soon"],
        ["Overdue"],
        ["Due today"],
        [""],
        ["Done"],
    ]
    assert f.JB_FLAG(DT(2026, 3, 13), None, DT(2026, 3, 10)) == ""
    with pytest.raises(jobbook.JobbookError, match="same shape"):
        f.JB_FLAG(due, [[None]], DT(2026, 3, 10))


def test_notice():
    assert f.JB_NOTICE(DT(2026, 2, 2), None, None, [[DT(2026, 2, 16)]]) == [
        [DT(2026, 2, 17), DT(2026, 2, 23)]
    ]
    assert f.JB_NOTICE(DT(2026, 2, 2), 1.0, 0.0) == [[DT(2026, 2, 9), DT(2026, 2, 10)]]


def test_offer_functions_equal_the_core(sample):
    path, blocks = sample
    book = jobbook.read_book(path)
    offers = table(blocks, "Offers")
    got = f.JB_OFFERS(offers, table(blocks, "Pipeline"), None, DT(2026, 10, 21))
    want = views.offers(book)
    assert got[0][:3] == ["Rank", "ID", "Company"]
    assert [r[:3] for r in got[1:]] == [[o["rank"], o["id"], o["company"]] for o in want]
    assert [r[3] for r in got[1:]] == pytest.approx([o["first_year_total"] for o in want])
    assert [r[8] for r in got[1:]] == [o["decision_flag"] for o in want]
    first = book.tables["Offers"].iloc[0]
    value = dict(f.JB_OFFER_VALUE([offers[0]], [offers[1]]))
    assert value["First-year total"] == pytest.approx(first["First-year total"], rel=1e-12)
    assert value["Effective hourly"] == pytest.approx(first["Effective hourly"], rel=1e-12)
    empty = f.JB_OFFER_VALUE([offers[0]], [[None] * len(offers[0])])
    assert [v for _, v in empty] == [""] * len(f.VALUE_LABELS) == [""] * 15


def test_offer_value_gives_the_years(sample):
    """docs/definitions.md § Year by year through JB_OFFER_VALUE: the Vesting table as Excel sends it (Vesting[#All]), the
    start from Transition and today, against the core (O02: a clawback not yet started)."""
    path, blocks = sample
    book = jobbook.read_book(path)
    offers = table(blocks, "Offers")
    vesting = [row[7:12] for row in blocks["Settings"][2][:11]]  # H1:L11
    assert vesting[0] == ["Schedule", "Year 1 %", "Year 2 %", "Year 3 %", "Year 4 %"]
    o = book.tables["Offers"].set_index("ID")
    start = book.tables["Transition"].set_index("Offer ID").at["O02", "Agreed start"]
    for k, oid in enumerate(o.index, 1):
        got = dict(
            f.JB_OFFER_VALUE(
                [offers[0]],
                [offers[k]],
                None,
                vesting,
                start.to_pydatetime() if oid == "O02" else None,
                DT(2026, 10, 21),
            )
        )
        for label in YEAR_COLUMNS:
            want = o.at[oid, label]
            assert (got[label] == "") if pd.isna(want) else got[label] == pytest.approx(want), (
                oid,
                label,
            )
    assert dict(f.JB_OFFER_VALUE([offers[0]], [offers[2]]))["Clawback at risk"] == 10000


def test_stats_and_funnel_equal_the_core(sample):
    path, blocks = sample
    book = jobbook.read_book(path)
    s = views.stats(book)
    got = dict(
        f.JB_STATS(table(blocks, "Pipeline"), table(blocks, "Interviews"), table(blocks, "Offers"))[
            1:
        ]
    )
    assert got["Applications"] == s["applications"] and got["Response rate"] == pytest.approx(
        s["response_rate"]
    )
    assert got["Median days to first response"] == s["median_days_to_response"]
    funnel = dict(f.JB_FUNNEL(table(blocks, "Pipeline"))[1:])
    assert funnel == s["funnel"]
    october = dict(f.JB_FUNNEL(table(blocks, "Pipeline"), "2026-10")[1:])
    assert october == views.stats(book, "2026-10")["funnel"]
    # a month as Excel sends it: a typed 2026-10 becomes a date; MonthStart is a date; a serial number
    for month in (dt.datetime(2026, 10, 1), dt.datetime(2026, 10, 17, 9, 30), 46296.0):
        assert dict(f.JB_FUNNEL(table(blocks, "Pipeline"), month)[1:]) == october, month
    stats_oct = dict(f.JB_STATS(table(blocks, "Pipeline"), month=dt.datetime(2026, 10, 1))[1:])
    assert stats_oct["Applications"] == views.stats(book, "2026-10")["applications"]


def test_xlwings_conf_sheet_reads_as_xlwings_reads_it(tmp_path):
    """xlwings (Config.bas, GetConfigFromSheet) reads A:B from row 1 down to the first blank cell in
    column A: the settings are all there, and nothing in column A lies beyond (a note there would
    invite a setting that xlwings never sees)."""
    ws = openpyxl.load_workbook(new_workbook(tmp_path / "x.xlsm"), keep_vba=True)["xlwings.conf"]
    col_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 2)]
    n = col_a.index(None)
    assert {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, n + 1)} == {
        "UDF Modules": "jobbook.excel.functions"
    }
    assert [v for v in col_a[n:] if v is not None] == []


def test_deadlines_equal_the_core(sample):
    path, blocks = sample
    book = jobbook.read_book(path)
    holidays = [[DT(d.year, d.month, d.day)] for d in book.holidays["Date"].dt.date]
    got = f.JB_DEADLINES(
        *(table(blocks, n) for n in ("Pipeline", "Interviews", "Offers", "Lessons", "Transition")),
        DT(2026, 10, 21),
        holidays,
    )
    want = views.deadlines(book)
    assert got[0] == ["Due", "Flag", "Kind", "Sheet", "ID", "Company"]
    assert [[r[0].date().isoformat(), *r[1:]] for r in got[1:]] == [
        [d["due"], d["flag"], d["kind"], d["sheet"], d["id"], d["company"] or ""] for d in want
    ]


def test_empty_ranges():
    header_only = [["ID", "Company", "Source", "Date applied", "Stage", "Status"]]
    assert f.JB_FUNNEL(header_only)[1:] == [
        [s, 0] for s in ("Applied", "Screen", "Interview", "Final", "Offer")
    ]
    stats = dict(f.JB_STATS(header_only)[1:])
    assert stats["Applications"] == 0 and stats["Response rate"] == ""
    assert f.JB_WORKDAY(None, 1.0) == ""


# -- xlwings metadata, with pywin32 stand-ins ------------------------------------------------------


@pytest.fixture
def xlwings_udfs(monkeypatch):
    """xlwings.udfs imported with minimal STAND-INS for pywin32 (pythoncom, pywintypes, win32com),
    and jobbook.excel.functions re-imported with xlwings' real decorators."""
    pythoncom = types.ModuleType("pythoncom")
    pythoncom.CoInitialize = lambda: None
    pythoncom.IID_IDispatch = None
    pywintypes = types.ModuleType("pywintypes")
    pywintypes.com_error = type("com_error", (Exception,), {})
    win32com = types.ModuleType("win32com")
    client = types.ModuleType("win32com.client")
    client.Dispatch = lambda *a, **k: None
    win32com.client = client
    for name, module in (
        ("pythoncom", pythoncom),
        ("pywintypes", pywintypes),
        ("win32com", win32com),
        ("win32com.client", client),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.delitem(sys.modules, "xlwings.udfs", raising=False)
    udfs = importlib.import_module("xlwings.udfs")
    import xlwings

    monkeypatch.setattr(xlwings, "func", udfs.xlfunc)
    monkeypatch.setattr(xlwings, "arg", udfs.xlarg)
    monkeypatch.setattr(xlwings, "ret", udfs.xlret)
    module = importlib.reload(f)
    yield udfs, module
    monkeypatch.undo()
    importlib.reload(f)


EXPECTED_ARGS = {
    "JB_WORKDAY": ["start", "days", "holidays"],
    "JB_NETWORKDAYS": ["start", "end", "holidays"],
    "JB_FLAG": ["due", "done", "as_of", "holidays"],
    "JB_OFFER_VALUE": ["headers", "row", "settings", "vesting", "start", "as_of"],
    "JB_OFFERS": ["offers", "pipeline", "settings", "as_of", "holidays"],
    "JB_FUNNEL": ["pipeline", "month"],
    "JB_STATS": ["pipeline", "interviews", "offers", "month"],
    "JB_DEADLINES": [
        "pipeline",
        "interviews",
        "offers",
        "lessons",
        "transition",
        "as_of",
        "holidays",
        "settings",
    ],
    "JB_NOTICE": ["notice_given", "weeks", "rest_days", "holidays"],
}


def test_xlwings_metadata(xlwings_udfs):
    udfs, module = xlwings_udfs
    found = {
        name: getattr(module, name)
        for name in dir(module)
        if hasattr(getattr(module, name), "__xlfunc__")
    }
    assert sorted(found) == sorted(EXPECTED_ARGS)
    for name, fn in found.items():
        meta = fn.__xlfunc__
        assert meta["name"] == name and meta["category"] == "jobbook"
        assert meta["volatile"] is False and meta["sub"] is False
        assert [a["name"] for a in meta["args"]] == EXPECTED_ARGS[name]
        assert all(not a["doc"].startswith("Positional argument") for a in meta["args"]), name
        doc = meta["ret"]["doc"]
        assert (
            doc == fn.__doc__ == doc.splitlines()[0] and len(doc) <= 255
        )  # the wizard shows the first line
        required = [a["name"] for a in meta["args"] if "optional" not in a]
        assert required == EXPECTED_ARGS[name][: len(required)]


def test_import_functions_wrapper(xlwings_udfs):
    """What Excel's 'Import Functions' writes into the workbook for each function."""
    udfs, module = xlwings_udfs
    out = io.StringIO()
    udfs.generate_vba_wrapper(
        "jobbook.excel.functions", module, out, types.SimpleNamespace(Name="search.xlsm")
    )
    vba = out.getvalue()
    assert "Function JB_FLAG(due, Optional done, Optional as_of, Optional holidays)" in vba
    assert (
        'XLPy.CallUDF("jobbook.excel.functions", "JB_WORKDAY", Array(start, days, holidays), ThisWorkbook, Application.Caller)'
        in vba
    )
    assert vba.count("End Function") == len(EXPECTED_ARGS) and "Application.Volatile" not in vba


# -- the buttons' actions --------------------------------------------------------------------------


def test_values_from_excel_read_like_the_file(sample):
    path, blocks = sample
    from_values = book_from_sheets(blocks, path=path)
    from_file = jobbook.read_book(path)
    for name in from_file.inputs:
        a, b = from_values.inputs[name], from_file.inputs[name]
        assert list(a.index) == list(b.index), name
        for col in a.columns:
            assert (
                a[col].astype(object).where(a[col].notna(), None).tolist()
                == b[col].astype(object).where(b[col].notna(), None).tolist()
            ), (name, col)
    assert from_values.letters == from_file.letters and from_values.settings == from_file.settings


def test_checkboxes_from_excel_values(sample):
    """Excel sends a ticked box as True and an unticked one as False; a column may hold nothing
    else (all booleans) or mix them with blanks: unticked is never done, and nothing breaks."""
    path, blocks = sample
    name = "Interviews"
    first, col, rows = blocks[name]
    rows = [list(r) for r in rows]
    at = rows[0].index("Thank-you sent")
    filled = [k for k, r in enumerate(rows[1:], 1) if r[0] is not None]
    for k in filled:
        rows[k][at] = False  # every box unticked
    book = book_from_sheets({**blocks, name: (first, col, rows)}, path=path)
    assert (book.tables[name]["Thank-you flag"] != "Done").all()
    rows[filled[0]][at], rows[filled[1]][at] = True, None  # one ticked, one blank
    book = book_from_sheets({**blocks, name: (first, col, rows)}, path=path)
    flags = book.tables[name]["Thank-you flag"]
    assert flags.iloc[0] == "Done" and (flags.iloc[1:] != "Done").all()


def test_a_tables_totals_row_from_excel_is_not_data(sample):
    """The buttons read used ranges; the Pipeline Table's totals row (xlwings: show_totals,
    totals_row_range) is left out, and Settings cells beside a Holidays totals row are kept."""
    path, blocks = sample
    first, col, rows = blocks["Pipeline"]
    rows = [list(r) for r in rows]
    last = max(k for k, r in enumerate(rows) if r[0] is not None)
    width = len(rows[0])
    rows.insert(last + 1, ["Total", 12, *[None] * (width - 3), 3.5])
    changed = {**blocks, "Pipeline": (first, col, rows)}
    before = book_from_sheets(blocks, path=path)
    assert "Total" in set(book_from_sheets(changed, path=path).tables["Pipeline"]["ID"])
    totals = {"Pipeline": [(first + last + 1, col, col + width - 1)], "Settings": [(3, 5, 6)]}
    book = book_from_sheets(changed, path=path, totals=totals)
    assert list(book.tables["Pipeline"]["ID"]) == list(before.tables["Pipeline"]["ID"])
    assert not book.errors and book.settings == before.settings
    gone = set(before.holidays["Date"]) - set(book.holidays["Date"])
    assert gone == {pd.Timestamp(2025, 1, 20)} and book.settings.Country == "US"


def writes(result, sheet=None) -> dict[str, object]:
    return {w.cell: w.values for w in result.writes if sheet is None or w.sheet == sheet}


def test_accept_offer_marks_exactly_the_other_active_applications(sample):
    path, blocks = sample
    book = book_from_sheets(before_accepting(blocks), path=path)
    offers = book.tables["Offers"]
    pending = offers[offers["Status"] == "Pending"].iloc[0]
    result = actions.accept_offer(book, offer_id=pending["ID"])
    pipe = book.tables["Pipeline"]
    others = pipe[
        (pipe["Status"] == "Active")
        & pipe["Date applied"].notna()
        & (pipe["ID"] != pending["Application ID"])
    ]
    wishlist = pipe[(pipe["Status"] == "Active") & pipe["Date applied"].isna()]
    assert len(wishlist) == 1  # the sample's wishlist row: not an application, left alone
    next_day = book.calendar.workday(book.as_of, 1).item()
    w = writes(result, "Pipeline")
    letter = book.letters["Pipeline"]
    marked = {
        int(c[len(letter["Next action"]) :])
        for c, v in w.items()
        if c.startswith(letter["Next action"])
        and not c.startswith(letter["Next action due"])
        and v != [[None]]  # the accepted application's own "Withdraw: ..." is cleared
    }
    assert marked == {int(r) for r in others.index} and not marked & {
        int(r) for r in wishlist.index
    }
    # a decline's reminder is its offer's decision deadline: no due date beside it
    declines = {
        r for r in others.index if str(w[f"{letter['Next action']}{r}"][0][0]).startswith("Decline")
    }
    assert all(w[f"{letter['Next action due']}{r}"] == [[None]] for r in declines)
    assert all(
        w[f"{letter['Next action due']}{r}"] == [[next_day]]
        for r in others.index
        if r not in declines
    )
    app_row = int(pipe.index[pipe["ID"] == pending["Application ID"]][0])
    assert w[f"{letter['Status']}{app_row}"] == [["Accepted"]]
    assert writes(result, "Offers")[f"{book.letters['Offers']['Status']}{int(pending.name)}"] == [
        ["Accepted"]
    ]
    t = writes(result, "Transition")
    new_row = book.header_rows["Transition"] + len(book.tables["Transition"]) + 1
    assert t[f"A{new_row}"] == [[pending["ID"]]] and t[f"B{new_row}"] == [[book.as_of]]
    steps = writes(result, actions.LISTS)[f"AA{actions.FIRST_ROW}"]
    text = " ".join(str(s[1]) for s in steps[1:])
    assert f"Accept {pending['ID']}" in text and all(
        i in text for i in others["ID"] if i not in set(offers["Application ID"])
    )
    declined = others["ID"].isin(set(offers["Application ID"])).sum()  # O02's, to decline
    assert f"{len(others) - declined} other application(s) marked to withdraw" in result.message
    assert f"{declined} other offer(s) to decline" in result.message and declined == 1


def test_accept_offer_by_selected_row_and_errors(sample):
    path, blocks = sample
    book = book_from_sheets(before_accepting(blocks), path=path)
    offers = book.tables["Offers"]
    row = int(offers.index[offers["ID"] == "O02"][0])
    result = actions.accept_offer(book, selected_row=row)
    assert writes(result, "Offers")[f"{book.letters['Offers']['Status']}{row}"] == [["Accepted"]]
    with pytest.raises(jobbook.JobbookError, match="choose the offer"):
        actions.accept_offer(book)
    with pytest.raises(jobbook.JobbookError, match="choose the offer"):
        actions.accept_offer(book, offer_id="O99")


def test_deadlines_check_refresh_actions(sample, tmp_path):
    path, blocks = sample
    book = book_from_sheets(blocks, path=path)
    d = writes(actions.deadlines(book))
    rows = d[f"A{actions.FIRST_ROW}"]
    assert rows[0] == ["Due", "Flag", "Kind", "Sheet", "ID", "Company"]
    got = [[r[0].isoformat(), *r[1:]] for r in rows[1:]]
    assert got == [  # kinds in words, as on the Dashboard
        [x["due"], x["flag"], KIND_LABELS[x["kind"]], x["sheet"], x["id"], x["company"]]
        for x in views.deadlines(book)
    ]
    assert "Lesson action" in {r[2] for r in got} and "lesson" not in {r[2] for r in got}
    r = writes(actions.refresh(book))
    assert [row[1] for row in r[f"L{actions.FIRST_ROW}"][1:]] == [
        o["id"] for o in views.offers(book)
    ]
    assert [row[0] for row in r[f"V{actions.FIRST_ROW}"][1:]] == list(views.stats(book)["by_month"])
    blocks2 = dict(blocks)
    rows2 = [list(x) for x in blocks["Pipeline"][2]]
    rows2[3][14] = "n/a"  # Salary min of Pipeline row 4
    blocks2["Pipeline"] = (1, 1, rows2)
    c = actions.check(book_from_sheets(blocks2, path=path))
    problems = writes(c)[f"H{actions.FIRST_ROW}"][1:]
    assert problems[0][0] == actions.Formula('=HYPERLINK("#\'Pipeline\'!O4","Pipeline!O4")')
    assert problems[0][1:] == ["error", '"n/a" is not a number (Salary min)']
    report = actions.monthly_report(book, tmp_path)
    assert sorted(p.name for p in report.files) == [
        "search-report-2026-10.pdf",
        "search-report-2026-10.xlsx",
    ]


# -- the few lines of xlwings, against a FAKE workbook ---------------------------------------------


class FakeRange:
    def __init__(self, sheet, address):
        self.sheet, self.address = sheet, address

    @property
    def value(self):
        return self.sheet.cells.get(self.address)

    @value.setter
    def value(self, values):
        self.sheet.cells[self.address] = values

    def clear_contents(self):
        self.sheet.cleared.append(self.address)


class FakeSheet:
    """STAND-IN for an xlwings Sheet: a used range of values and a record of writes."""

    def __init__(self, name, rows):
        self.name, self.rows, self.cells, self.cleared = name, rows, {}, []
        self.used_range = types.SimpleNamespace(
            row=1, column=1, options=lambda **k: types.SimpleNamespace(value=rows)
        )
        # xlwings' sheet.tables: one Table without a totals row (Table Design > Total Row off)
        self.tables = [types.SimpleNamespace(show_totals=False, totals_row_range=None)]

    def range(self, address):
        return FakeRange(self, address)

    def activate(self):
        self.book.sheets.active = self


class FakeBook:
    """STAND-IN for xw.Book.caller(): sheets (one active, each with its selected row), a path,
    names, an app whose selection is the active sheet's."""

    def __init__(self, blocks, path, chosen=None, selected=None, names=None):
        self.sheets = _Names(FakeSheet(name, rows) for name, (_, _, rows) in blocks.items())
        for sheet in self.sheets:
            sheet.book, sheet.selected_row = self, (selected or {}).get(sheet.name)
        self.sheets.active = self.sheets["Dashboard"]
        self.fullname = str(path)
        chooser = types.SimpleNamespace(
            name=actions.OFFER_TO_ACCEPT, refers_to_range=types.SimpleNamespace(value=chosen)
        )
        self.names = _Names(
            [chooser]
            + [
                types.SimpleNamespace(name=k, refers_to_range=types.SimpleNamespace(value=v))
                for k, v in (names or {}).items()
            ]
        )
        book = self

        class App:
            status_bar, screen_updating = "", True

            @property
            def selection(self):
                row = book.sheets.active.selected_row
                return (
                    None
                    if row is None
                    else types.SimpleNamespace(row=row, sheet=book.sheets.active)
                )

        self.app = App()


class _Names(list):
    def __getitem__(self, key):
        return (
            next(n for n in self if n.name == key)
            if isinstance(key, str)
            else super().__getitem__(key)
        )


def test_buttons_through_xlwings_with_a_fake_workbook(sample, monkeypatch):
    import xlwings as xw

    from jobbook.excel import buttons

    path, blocks = sample
    blocks = before_accepting(blocks)
    blocks["Lists"] = (1, 1, [[None]])
    evil = [list(r) for r in blocks["Pipeline"][2]]
    evil[1][1] = "=cmd()"  # a company name that looks like a formula
    blocks["Pipeline"] = (1, 1, evil)
    book = FakeBook(blocks, path)
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    buttons.deadlines()
    written = book.sheets["Lists"].cells[f"A{actions.FIRST_ROW}"]
    assert written[0] == ["Due", "Flag", "Kind", "Sheet", "ID", "Company"] and len(written) > 5
    assert all(isinstance(r[0], dt.datetime) for r in written[1:])  # dates go to Excel as datetimes
    assert book.sheets["Lists"].cleared == [f"A{actions.FIRST_ROW - 1}:F{actions.CLEAR_TO}"]
    assert "Open deadlines" in book.app.status_bar
    offer = pd.Series([r[0] for r in blocks["Offers"][2][1:] if r[0]]).iloc[-1]
    chosen = FakeBook(blocks, path, chosen=offer)
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: chosen))
    buttons.accept_offer()
    steps = chosen.sheets["Lists"].cells[f"AA{actions.FIRST_ROW}"]
    assert steps[1][1].startswith(f"Accept {offer}")
    assert all(
        not str(v).startswith("=") for r in steps for v in r
    )  # user text never becomes a formula
    flat = [v for cells in chosen.sheets["Pipeline"].cells.values() for r in cells for v in r]
    assert not any(isinstance(v, str) and v.startswith("=") for v in flat)
    # from the Dashboard with the chooser blank: the row selected on the Offers sheet
    offers_rows = blocks["Offers"][2]
    row = next(r for r, values in enumerate(offers_rows, 1) if values[0] == offer)
    picked = FakeBook(blocks, path, selected={"Offers": row, "Dashboard": 3})
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: picked))
    buttons.accept_offer()
    assert (
        picked.sheets["Lists"].cells[f"AA{actions.FIRST_ROW}"][1][1].startswith(f"Accept {offer}")
    )
    assert (
        picked.sheets.active.name == "Dashboard" and picked.app.screen_updating
    )  # the user's sheet comes back


def test_check_links_keep_sheet_names_as_text():
    """A sheet name with quotes stays text inside the HYPERLINK (quotes doubled), never formula."""
    assert (
        str(actions._link('Pipeline ("&A1&")', "A7"))
        == '=HYPERLINK("#\'Pipeline (""&A1&"")\'!A7","Pipeline (""&A1&"")!A7")'
    )
    assert str(actions._link("Bob's", "B2")) == "=HYPERLINK(\"#'Bob''s'!B2\",\"Bob's!B2\")"
    assert actions._link("Pipeline", None) == "Pipeline"


def test_draft_button_writes_the_chosen_message_on_lists(sample, monkeypatch):
    """The Draft button: kind and ID chosen on the Dashboard, the draft on the Lists sheet (To,
    Subject, then the body one line per row), the same text as `jobbook draft`."""
    import xlwings as xw

    from jobbook.drafts import draft
    from jobbook.excel import buttons

    path, blocks = sample
    blocks = dict(blocks)
    blocks["Lists"] = (1, 1, [[None]])
    book = FakeBook(blocks, path, names={actions.DRAFT_KIND: "Thank-You", actions.DRAFT_ID: "i001"})
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    buttons.draft()
    first, last = actions.BANDS["draft"]
    lists = book.sheets["Lists"]
    assert lists.cleared == [f"{first}{actions.FIRST_ROW - 1}:{last}{actions.CLEAR_TO}"]
    expected = draft(jobbook.read_book(path), "thank-you", "I001")
    title = f"Draft: thank-you I001 ({expected.company})"
    assert lists.cells[f"{first}{actions.FIRST_ROW - 1}"] == [[title]]
    rows = lists.cells[f"{first}{actions.FIRST_ROW}"]
    assert rows[1][0] == "To" and rows[1][1] == ", ".join(
        f"{p.name} <{p.email}>" for p in expected.to
    )
    assert expected.notes and rows[2] == ["Note", expected.notes[0]]  # marked sent already
    assert rows[3] == ["Subject", expected.subject]
    # a line such as "- Market data..." goes in with Excel's text prefix ', which Excel does not show
    shown = [r[1][1:] if r[1].startswith("'-") else r[1] for r in rows[5:]]
    assert "\n".join(shown) == expected.body
    assert "Draft: thank-you I001" in book.app.status_bar
    blank = FakeBook(blocks, path, names={actions.DRAFT_KIND: "thank-you", actions.DRAFT_ID: None})
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: blank))
    with pytest.raises(jobbook.JobbookError, match="type its ID next to the Draft button"):
        buttons.draft()


def test_every_button_band_has_its_label_on_the_lists_sheet():
    """Row 2 of the committed .xlsm's Lists sheet says, above each band, which button fills it
    (Draft and Export calendar too); the bands do not overlap."""
    from pathlib import Path

    from openpyxl.utils import column_index_from_string as col

    committed = Path(__file__).resolve().parents[1] / "workbook" / "jobbook.xlsm"
    lists = openpyxl.load_workbook(committed)[actions.LISTS]
    spans = sorted((col(a), col(b)) for a, b in actions.BANDS.values())
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    for name, (first, _) in actions.BANDS.items():
        label = lists[f"{first}{actions.FIRST_ROW - 1}"].value
        assert label and "click" in label, name
    assert "Export calendar" in lists[f"{actions.BANDS['calendar'][0]}2"].value
    assert "Draft" in lists[f"{actions.BANDS['draft'][0]}2"].value

"""The template's native formulas, recalculated by headless LibreOffice, equal the Python core.

Every formula is forced to recalculate on load (a private LibreOffice profile with
OOXMLRecalcMode=0), then the result is read back with openpyxl: no cell anywhere may hold an error,
and every computed column and Dashboard figure must equal what jobbook's Python core computes from
the same inputs - dates and text exactly, money to 1e-9 relative.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import subprocess
from pathlib import Path

import closed_book
import openpyxl
import pandas as pd
import pytest
from dashboard_oracle import expected_values

import jobbook
from jobbook import views
from jobbook.core.deadlines import KIND_LABELS, KINDS
from jobbook.libreoffice import convert, recalculate
from jobbook.schema import OFFER_YEARS_SHEET, OFFERS, TABLES
from jobbook.template import new_workbook
from jobbook.template._dashboard import (
    NEXT_TOP,
    OFFER_TOP,
    OFFERS_HEADING,
    TOP_OFFERS,
)
from jobbook.template._dashboard import SHEET as DASHBOARD
from jobbook.template._years import HEAD_ROW, LABEL_COL, VESTING_COL, YEAR_SHEET_COLUMNS

pytestmark = pytest.mark.libreoffice
AS_OF = dt.date(2026, 10, 21)  # a Wednesday


def norm(value: object) -> object:
    """LibreOffice's cached values and the core's, on one footing: None for blank, dates as dates."""
    if (
        value is None
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
        or value == ""
    ):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date() if (value.hour, value.minute, value.second) == (0, 0, 0) else value
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return value


def same(got: object, want: object) -> bool:
    got, want = norm(got), norm(want)
    if isinstance(got, int | float) and isinstance(want, int | float) and not isinstance(got, bool):
        return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)
    return got == want


ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"}


def error_cells(wb) -> list[str]:
    """Cells showing an Excel error or a LibreOffice Err:nnn."""
    return [
        f"{ws.title}!{c.coordinate}={c.value}"
        for ws in wb
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and (c.value in ERRORS or c.value.startswith("Err:"))
    ]


def mismatches(book: jobbook.Book, wb) -> list[str]:
    """Every computed cell of every table, and every Dashboard figure, against the core."""
    bad = []
    for name, table in TABLES.items():
        ws = wb[name]
        letters = {
            ws.cell(1, c).value: openpyxl.utils.get_column_letter(c)
            for c in range(1, ws.max_column + 1)
        }
        df = book.tables[name]
        for col in table.computed:
            for row in range(2, ws.max_row + 1):
                got = ws[f"{letters[col.header]}{row}"].value
                want = df.at[row, col.header] if row in df.index else None
                if not same(got, want):
                    bad.append(
                        f"{name}!{letters[col.header]}{row} ({col.header}): LibreOffice {got!r}, Python {want!r}"
                    )
    ws = wb[DASHBOARD]
    for cell, want in expected_values(book).items():
        if not same(ws[cell].value, want):
            bad.append(f"Dashboard!{cell}: LibreOffice {ws[cell].value!r}, Python {want!r}")
    ws = wb[OFFER_YEARS_SHEET]  # offers in the order of `jobbook offers`, years across
    ranked = [r for r in views.offers(book) if r["rank"] is not None]
    for k in range(1, wb["Offers"].max_row):
        rec = ranked[k - 1] if k <= len(ranked) else {}
        keys = ["rank", *(OFFERS[h].key for h in YEAR_SHEET_COLUMNS)]
        for col, key in enumerate(keys, 1):
            cell = ws.cell(HEAD_ROW + k, col)
            if not same(cell.value, rec.get(key)):
                bad.append(
                    f"Offer years!{cell.coordinate}: LibreOffice {cell.value!r}, Python {rec.get(key)!r}"
                )
        # the chart's label: two offers can share a company
        label = f"{rec['company']} ({rec['id']})" if rec.get("company") else rec.get("id")
        cell = ws[f"{LABEL_COL}{HEAD_ROW + k}"]
        if not same(cell.value, label):
            bad.append(
                f"Offer years!{cell.coordinate}: LibreOffice {cell.value!r}, Python {label!r}"
            )
    return bad


def with_marks(src: Path, dst: Path) -> Path:
    """The pinned sample as a user leaves it: checkboxes (TRUE/FALSE) and text marks in the done
    columns, a datetime with a time of day, a blank Status on an offer."""
    wb = openpyxl.load_workbook(src)
    iv, les, off = wb["Interviews"], wb["Lessons"], wb["Offers"]
    col = {c.value: c.column for c in iv[1]}
    iv.cell(3, col["Thank-you sent"], False)
    iv.cell(4, col["Thank-you sent"], True)
    iv.cell(5, col["Thank-you sent"], "yes")
    iv.cell(6, col["Date"], dt.datetime(2026, 10, 20, 17, 45))
    lcol = {c.value: c.column for c in les[1]}
    les.cell(2, lcol["Done"], False)
    les.cell(3, lcol["Done"], True)
    ocol = {c.value: c.column for c in off[1]}
    off.cell(4, ocol["Status"], None)
    wb.save(dst)
    return dst


PAST = dt.date(2026, 10, 14)  # before the pinned sample's acceptance of O02 (2026-10-16)


def with_as_of(src: Path, dst: Path, day: dt.date) -> Path:
    """`src` with its AsOf setting moved back to `day` (a past day: the Withdraw next actions
    History wrote on the acceptance, the Last contacts and done marks after it, are not known)."""
    wb = openpyxl.load_workbook(src)
    sheet, cell = wb.defined_names["AsOf"].attr_text.replace("$", "").split("!")
    wb[sheet][cell] = day
    wb.save(dst)
    return dst


RANKED_OFFERS = (  # ID, application, base, signing bonus (HorizonYears 4), rows 9-13
    ("O8", "P2", 190000, 60001),  # first year 250,001; average 205,000.25
    ("O9", "P1", 204000, 0),  # 204,000 both
    ("O10", "P1", 200000, 20001),  # first year 220,001; average 205,000.25 (tie with O8)
    ("O11", "P2", 206000, 0),  # 206,000 both: first by average, third by first year
    ("O12", "P2", 204000, 0),  # the same as O9 in both: after O9, in sheet order
)


def few_items(src: Path, dst: Path) -> Path:
    """A handful of deadlines, so that every kind shows in the Dashboard's "Up next" list: a text
    in a date column (skipped, not an error), a next action with a time of day, a start too soon."""
    wb = openpyxl.load_workbook(src)

    def fill(sheet: str, row: int, **values: object) -> None:
        ws = wb[sheet]
        col = {c.value: c.column for c in ws[1]}
        for header, value in values.items():
            ws.cell(row, col[header.replace("_", " ")], value)

    d = dt.date
    fill(
        "Pipeline",
        2,
        ID="P1",
        Company="Acme",
        Source="Referral",
        Date_applied=d(2026, 10, 14),
        Stage="Applied",
        Status="Active",
        Next_action_due="soon",
    )
    fill(
        "Pipeline",
        3,
        ID="P2",
        Company="Beta",
        Source="LinkedIn",
        Date_applied=d(2026, 10, 20),
        Stage="Screen",
        Status="Active",
        Next_action_due=dt.datetime(2026, 10, 22, 15, 30),
    )
    fill("Interviews", 2, ID="I1", Application_ID="P2", Date=d(2026, 10, 20))
    fill(
        "Offers",
        2,
        ID="O1",
        Application_ID="P2",
        Offer_date=d(2026, 10, 20),
        Base_salary=100000,
        Status="Pending",
    )
    fill(
        "Lessons",
        2,
        Application_ID="P1",
        Due=d(2026, 10, 19),
        Action="Practise the system design answer",
    )
    fill("Transition", 2, Offer_ID="O1", Notice_given=d(2026, 10, 21), Agreed_start=d(2026, 10, 26))
    offer_years(wb, fill)
    # declined offers (no deadline) above the others that rank differently by first-year total and
    # by average, with a tie on the average (broken by first-year total) and a tie on both
    for row, (oid, app, base, signing) in enumerate(RANKED_OFFERS, 9):
        fill(
            "Offers",
            row,
            ID=oid,
            Application_ID=app,
            Offer_date=d(2026, 10, 5),
            Base_salary=base,
            Signing_bonus=signing,
            Status="Declined",
        )
    wb.save(dst)
    return dst


def offer_years(wb, fill) -> None:
    """Offers over the years (docs/definitions.md § Year by year): a schedule the user added (named in another case), an
    unknown one, a refresh, fractional vesting years, a clawback before (O1), during (O2) and
    after (O3) its months, blank optional parts, and ties in the rank order (O5 = O6, O7)."""
    d = dt.date
    settings = wb["Settings"]
    for j, v in enumerate(("Back 10/20/30/40", 0.1, 0.2, 0.3, 0.4)):
        settings.cell(6, VESTING_COL + j, v)
    fill("Offers", 2, Signing_bonus=6000, **{"Sign-on clawback months": 12})
    common = {"Application ID": "P1", "Offer date": d(2025, 12, 1), "Status": "Declined"}
    rows = [
        {
            "ID": "O2",
            "Base salary": 90000,
            "Signing bonus": 12000,
            "Sign-on clawback months": 24,
            "Equity grant value": 50000,
            "Vesting years": 4,
            "Vesting schedule": "BACK 10/20/30/40",
            "Refresh % per year": 0.15,
            "Tax rate %": 0.25,
            "Cost of living index": 80,
        },
        {
            "ID": "O3",
            "Base salary": 80000,
            "Signing bonus": 3000,
            "Sign-on clawback months": 6,
            "Equity grant value": 20000,
            "Vesting years": 2.5,
            "Refresh % per year": 0.2,
        },
        {
            "ID": "O4",
            "Base salary": 75000,
            "Equity grant value": 10000,
            "Vesting years": 4,
            "Vesting schedule": "6/6/6",
            "Sign-on clawback months": 0,
        },
        {"ID": "O5", "Base salary": 70000, "Signing bonus": 4000},
        {"ID": "O6", "Base salary": 70000, "Signing bonus": 4000},
        {"ID": "O7", "Base salary": 70500, "Signing bonus": 2000},
    ]
    for r, values in enumerate(rows, 3):
        fill("Offers", r, **{k.replace(" ", "_"): v for k, v in (common | values).items()})
    fill("Transition", 3, Offer_ID="O2", Agreed_start=d(2025, 12, 31))  # 9 whole months served
    fill("Transition", 4, Offer_ID="O3", Notice_given=d(2026, 1, 5))  # earliest start, January


@pytest.fixture(scope="module")
def built(tmp_path_factory, soffice) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("workbooks")
    out = {
        "pinned": new_workbook(d / "pinned.xlsx", sample=True, as_of=AS_OF),
        "today": new_workbook(d / "today.xlsx", sample=True),
        "empty": new_workbook(d / "empty.xlsx"),
        "few": new_workbook(d / "few0.xlsx", as_of=AS_OF),
    }
    out["few"] = few_items(out["few"], d / "few.xlsx")
    out["closed"] = closed_book.closed_book(d / "closed.xlsx")
    out["marks"] = with_marks(out["pinned"], d / "marks.xlsx")
    out["past"] = with_as_of(out["pinned"], d / "past.xlsx", PAST)
    out.update({f"{k}-lo": recalculate(v, d / "lo") for k, v in list(out.items())})
    return out


@pytest.mark.parametrize("kind", ["pinned", "today", "empty", "marks", "few", "closed", "past"])
def test_no_error_cells(built, kind):
    wb = openpyxl.load_workbook(built[f"{kind}-lo"], data_only=True)
    assert error_cells(wb) == []


def test_formulas_equal_python_with_asof_pinned(built):
    book = jobbook.read_book(built["pinned"])
    assert book.as_of == AS_OF  # read from the AsOf cell
    wb = openpyxl.load_workbook(built["pinned-lo"], data_only=True)
    assert mismatches(book, wb) == []


def test_formulas_equal_python_with_asof_blank(built):
    book = jobbook.read_book(built["today"])
    assert book.settings.AsOf is None and book.as_of == dt.date.today()
    wb = openpyxl.load_workbook(built["today-lo"], data_only=True)
    assert mismatches(book, wb) == []


def test_formulas_equal_python_on_a_past_as_of(built):
    """AsOf before the acceptance (SPEC sections 3 and 13, as far as formulas reach): the
    Withdraw next actions History wrote on 2026-10-16 are left out (no Up next entry, a follow-up
    again), a Last contact after AsOf does not move the follow-up, a thank-you sent after it is
    not Done; LibreOffice computes what the core computes."""
    book = jobbook.read_book(built["past"])
    assert book.as_of == PAST
    p = book.tables["Pipeline"]
    withdrawing = p["Next action"].str.startswith("Withdraw", na=False)
    known = (p["Date applied"] <= pd.Timestamp(PAST)) & (p["Status"] == "Active")
    assert (withdrawing & known).sum() >= 5
    assert p.loc[withdrawing & known, "Follow-up due"].notna().all()  # no Withdraw yet that day
    assert not {d["id"] for d in views.deadlines(book) if d["kind"] == "next-action"} & set(
        p.loc[withdrawing, "ID"]
    )
    later = known & (p["Last contact"] > pd.Timestamp(PAST))
    assert later.any()  # a Last contact after AsOf, left out of the follow-up clock
    # had it counted, the follow-up would fall FollowUpDays business days after the Last contact
    after = p.loc[later, "Last contact"] + pd.Timedelta(days=book.settings.FollowUpDays)
    assert (
        p.loc[later, "Follow-up due"].dropna() < after[p.loc[later, "Follow-up due"].notna()]
    ).all()
    assert p.loc[later, "Follow-up due"].notna().any()
    iv = book.tables["Interviews"]
    sent_later = iv["Thank-you sent"] > pd.Timestamp(PAST)
    assert sent_later.any() and (iv.loc[sent_later, "Thank-you flag"] != "Done").all()
    wb = openpyxl.load_workbook(built["past-lo"], data_only=True)
    assert mismatches(book, wb) == []


def test_formulas_equal_python_with_marks_and_checkboxes(built):
    book = jobbook.read_book(built["marks"])
    i = book.tables["Interviews"]
    assert (
        i.at[4, "Thank-you flag"] == "Done"
        and i.at[5, "Thank-you flag"] == "Done"
        and i.at[3, "Thank-you flag"] != "Done"
    )
    wb = openpyxl.load_workbook(built["marks-lo"], data_only=True)
    assert mismatches(book, wb) == []


def test_empty_workbook_shows_blanks(built):
    book = jobbook.read_book(built["empty"])
    wb = openpyxl.load_workbook(built["empty-lo"], data_only=True)
    assert mismatches(book, wb) == []
    ws = wb[DASHBOARD]
    assert [ws[f"B{r}"].value for r in range(5, 13)] == [0, 0, 0, 0, None, None, None, None]


def test_the_sample_is_lively(built):
    """The pinned sample has something to show in every block the user looks at first."""
    book = jobbook.read_book(built["pinned"])
    kinds = {d["kind"] for d in views.deadlines(book, within=14)}
    assert {"next-action", "decision", "lesson"} <= kinds
    # after accepting Lumen Health every Active application is to be withdrawn: that Withdraw is
    # its only reminder, no follow-up beside it (docs/definitions.md § Deadlines)
    assert "follow-up" not in kinds
    flags = set(book.tables["Pipeline"]["Flag"]) | set(book.tables["Interviews"]["Thank-you flag"])
    assert {"Overdue", "Done"} <= flags


def test_up_next_lists_every_kind_in_order(built):
    """The Dashboard's list of open deadlines equals `jobbook deadlines` item by item, a start too
    soon included, and a text in a date column hides only its own row."""
    book = jobbook.read_book(built["few"])
    wb = openpyxl.load_workbook(built["few-lo"], data_only=True)
    assert mismatches(book, wb) == []
    ws = wb[DASHBOARD]
    shown = [
        tuple(norm(ws[f"{c}{r}"].value) for c in "ABCDG") for r in range(NEXT_TOP + 1, NEXT_TOP + 8)
    ]
    assert shown == [
        (dt.date(2026, 10, 19), "Lesson action", "P1", "Acme", "Overdue"),
        (dt.date(2026, 10, 21), "Thank-you note", "I1", "Beta", "Due today"),
        (dt.date(2026, 10, 21), "Follow-up", "P1", "Acme", "Due today"),
        (dt.date(2026, 10, 22), "Next action", "P2", "Beta", "Due soon"),
        (dt.date(2026, 10, 22), "Offer decision", "O1", "Beta", "Due soon"),
        (dt.date(2026, 10, 26), "Start", "O1", "Beta", "Too soon"),
        (dt.date(2026, 10, 27), "Follow-up", "P2", "Beta", None),
    ]


def test_closed_and_unknown_rows_leave_every_list_as_in_python(built):
    """docs/definitions.md § Deadlines in the workbook: a Cancelled interview, the interviews of a Withdrawn
    application after the as-of date, a follow-up beside a Withdraw or Decline next action, and
    rows dated after the as-of date owe nothing; LibreOffice's columns, Up next and counts per day
    equal the core's, which equal the list worked out by hand."""
    book = jobbook.read_book(built["closed"])
    assert [
        (d["due"], d["kind"], d["id"], d["company"], d["flag"]) for d in views.deadlines(book)
    ] == closed_book.EXPECTED
    wb = openpyxl.load_workbook(built["closed-lo"], data_only=True)
    assert mismatches(book, wb) == []
    ws = wb[DASHBOARD]
    shown = [
        tuple(norm(ws[f"{c}{r}"].value) for c in "ABCDG")
        for r in range(NEXT_TOP + 1, NEXT_TOP + 2 + len(closed_book.EXPECTED))
    ]
    labels = dict(zip(KINDS, KIND_LABELS.values()))
    assert shown == [
        (dt.date.fromisoformat(d), labels[k], i, c, f or None)
        for d, k, i, c, f in closed_book.EXPECTED
    ] + [(None,) * 5]
    iv = wb["Interviews"]
    col = {c.value: c.column_letter for c in iv[1]}
    # no thank-you for the interview ahead, the Cancelled one, nor one not yet held
    assert [iv[f"{col['Thank-you due']}{r}"].value for r in (2, 3, 5, 6)] == [None] * 4
    # nor a link to write one: the interview ahead, the Cancelled one; the one held has its link
    links = [iv[f"{col['Thank-you link']}{r}"].value for r in (2, 3, 4)]
    assert links == [None, None, "Write thank-you"]


def test_dashboard_ranks_offers_as_the_offers_command(built):
    """ "Offers compared" lists the offers in `jobbook offers` order (average annual total, ties by
    first-year total, then sheet order), although a big signing bonus puts another offer first by
    first-year total."""
    book = jobbook.read_book(built["few"])
    ranked = [o for o in views.offers(book) if o["rank"] is not None]
    assert [o["id"] for o in ranked[:6]] == ["O11", "O8", "O10", "O9", "O12", "O2"]
    by_first_year = sorted(ranked, key=lambda o: -o["first_year_total"])
    assert by_first_year[0]["id"] == "O8"  # the order the Dashboard used to show
    ws = openpyxl.load_workbook(built["few-lo"], data_only=True)[DASHBOARD]
    shown = [
        tuple(norm(ws[f"{c}{r}"].value) for c in "ABCD")
        for r in range(OFFER_TOP + 1, OFFER_TOP + 1 + TOP_OFFERS)
    ]
    assert shown == [
        (o["rank"], o["company"], o["average_annual_total"], o["first_year_total"])
        for o in ranked[:TOP_OFFERS]
    ]
    assert ws.cell(OFFER_TOP - 1, 1).value == OFFERS_HEADING


def _page_texts(pdf: Path) -> list[str]:
    """The text of each page of `pdf` (pdftotext, pages split at form feeds)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return out.stdout.split("\f")[:-1]


def test_printed_sample_has_no_page_of_headers_only(built, tmp_path):
    """The sample printed by LibreOffice: every page holds data, none only the repeated header row
    of a table's pre-filled empty rows (their print areas end at the rows in use)."""
    pdf = convert(built["pinned"], "pdf", tmp_path)
    pages = _page_texts(pdf)
    header_words = {w for t in TABLES.values() for h in t.headers for w in re.findall(r"\w+", h)}
    bare = [
        k
        for k, text in enumerate(pages, 1)
        if not set(re.findall(r"\w+", text)) - header_words  # nothing but header words
    ]
    assert bare == []
    # each table sheet prints on as few pages as its rows need (16 in all when this was written;
    # 30 when the pre-filled rows printed); History's rows (a log: one per cell changed) on
    # pages of their own, as many as its rows fill
    log = [t for t in pages if re.search(r"Change\s+When\s+Recorded", t)]
    rows = len(jobbook.read_book(built["pinned"]).inputs["History"])
    assert 0 < len(log) <= rows // 30 + 1, (len(log), rows)
    assert len(pages) - len(log) <= 20, len(pages)

"""One story on every day (SPEC sections 3 and 13): a past --as-of reads the book as that day knew
it, interviews count as held only once they took place, and accept/done refuse what that day did
not know. On the pinned sample (as of 2026-10-21), whose History records the acceptance of O02 on
2026-10-16 and the Withdraw next actions it wrote on the other applications."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import jobbook
from jobbook import views
from jobbook.core.known import contacts_known, held_by
from jobbook.core.stats import by_month

from conftest import copy_of, run_cli

BEFORE, AFTER = "2026-10-14", "2026-10-17"  # the days before and after the acceptance (10-16)


@pytest.fixture
def book(pinned_samples, tmp_path) -> Path:
    return copy_of(pinned_samples[".xlsx"], tmp_path)


def _withdrawing(book: Path) -> set[str]:
    p = jobbook.read_book(book).tables["Pipeline"]
    closing = p["Next action"].str.match(r"(Withdraw|Decline)\b", na=False)
    return set(p.loc[closing & (p["Date applied"] <= pd.Timestamp(BEFORE)), "ID"])


def test_deadlines_before_the_acceptance_show_no_withdrawal(book, capsys):
    """Item 1: on a day before the acceptance the other applications are not yet to withdraw:
    their Next action is the one they had (History), a follow-up beside it; the day after, the
    Withdraws, without a follow-up."""
    withdrawing = _withdrawing(book)
    assert len(withdrawing) >= 5
    code, out, err = run_cli(capsys, "deadlines", book, "--as-of", BEFORE, "--json")
    assert code == 0, err
    assert withdrawing <= {r["id"] for r in json.loads(out) if r["kind"] == "follow-up"}
    assert "note:" not in err  # History covers that day: nothing to say
    b = jobbook.read_book(book).at(dt.date.fromisoformat(BEFORE))
    shown, _ = views.as_known(b)
    actions = shown.tables["Pipeline"].set_index("ID").loc[sorted(withdrawing), "Next action"]
    assert not actions.str.match(r"(Withdraw|Decline)\b", na=False).any(), actions
    code, out, err = run_cli(capsys, "deadlines", book, "--as-of", AFTER, "--json")
    rows = json.loads(out)
    assert withdrawing <= {r["id"] for r in rows if r["kind"] == "next-action"}
    assert not withdrawing & {r["id"] for r in rows if r["kind"] == "follow-up"}


def test_draft_and_calendar_before_the_acceptance(book, capsys, tmp_path):
    """Item 1: the withdrawal letter of a day before the acceptance does not say it was
    accepted; the day after it does. The calendar of that day has no Withdraw event."""
    app = sorted(_withdrawing(book))[0]
    code, out, err = run_cli(capsys, "draft", book, "withdraw", app, "--as-of", BEFORE)
    assert code == 0, err
    assert "accepted another offer" not in out and "After careful thought" in out
    assert "note:" not in err
    code, out, err = run_cli(capsys, "draft", book, "withdraw", app, "--as-of", AFTER)
    assert code == 0 and "I have accepted another offer" in out, out
    ics = tmp_path / "past.ics"
    code, out, err = run_cli(capsys, "calendar", book, "-o", ics, "--as-of", BEFORE)
    assert code == 0, err
    assert "Withdraw" not in ics.read_text() and "note:" not in err


def test_without_history_a_later_last_contact_is_not_that_days(tmp_path, pinned_samples, capsys):
    """Item 1 without History: the follow-up of a past day counts from the latest contact known
    that day (an interview held, the First response), else Date applied; the note says the rows
    were read as they stand."""
    src = pinned_samples[".xlsx"]
    wb = openpyxl.load_workbook(src)  # a fixture: the sample with its History emptied
    for row in wb["History"].iter_rows(min_row=2):
        for c in row:
            c.value = None
    path = tmp_path / "nohistory.xlsx"
    wb.save(path)
    b = jobbook.read_book(path).at(dt.date(2026, 10, 15))
    shown, note = views.as_known(b, today=dt.date(2026, 12, 7))
    assert "no History yet" in note and "Last contact" in note
    p, q = b.tables["Pipeline"].set_index("ID"), shown.tables["Pipeline"].set_index("ID")
    later = p.index[p["Last contact"] > pd.Timestamp("2026-10-15")]
    assert len(later) >= 2
    assert (
        q.loc[later, "Last contact"].fillna(pd.Timestamp(0)) <= pd.Timestamp("2026-10-15")
    ).all()


def test_contacts_known_takes_the_latest_contact_of_that_day():
    """A Last contact after the as-of date gives way to the latest contact shown by then: an
    interview held (not one Cancelled), else the First response, else none (Date applied)."""
    d = pd.Timestamp
    pipeline = pd.DataFrame(
        {
            "ID": ["A1", "A2", "A3", "A4"],
            "Date applied": [d("2026-10-01")] * 4,
            "Last contact": [d("2026-10-20"), d("2026-10-20"), d("2026-10-05"), d("2026-10-20")],
            "First response": [d("2026-10-03"), d("2026-10-08"), pd.NaT, pd.NaT],
        }
    )
    interviews = pd.DataFrame(
        {
            "Application ID": ["A1", "a1", "A2", "A1"],
            "Date": [d("2026-10-10"), d("2026-10-12"), d("2026-10-16"), d("2026-10-19")],
            "Outcome": ["Advanced", "Cancelled", None, None],
        }
    )
    offers = pd.DataFrame({"Application ID": [], "Offer date": []})
    got = contacts_known(pipeline, dt.date(2026, 10, 15), interviews, offers)
    want = ["2026-10-10", "2026-10-08", "2026-10-05", "NaT"]
    assert [str(x) for x in got] == want


def test_interviews_held_leave_out_cancelled_and_ahead(book, capsys):
    """Item 2: stats' interviews per month are those held: not Cancelled, on or before the
    as-of date. Withdrawing A054 cancels its interview ahead; it is not counted, on its day or
    after."""
    code, _, err = run_cli(capsys, "done", book, "next-action", "A054")
    assert code == 0, err
    b = jobbook.read_book(book)
    iv = b.tables["Interviews"]
    cancelled = iv[iv["Outcome"] == "Cancelled"]
    assert len(cancelled) and (cancelled["Date"] > pd.Timestamp(b.as_of)).all()
    october = (iv["Date"] >= pd.Timestamp("2026-10-01")) & (iv["Date"] < pd.Timestamp("2026-11-01"))
    took_place = october & (iv["Outcome"] != "Cancelled") & (iv["Date"] <= pd.Timestamp(b.as_of))
    assert (october & ~took_place).sum() >= 2  # ahead and cancelled ones to leave out
    got = views.stats(b)["by_month"]["2026-10"]["interviews"]
    assert got == int(took_place.sum())
    later = b.at(dt.date(2026, 10, 31))  # every October day passed: the Cancelled one still out
    assert views.stats(later)["by_month"]["2026-10"]["interviews"] == int(
        (october & (iv["Outcome"] != "Cancelled")).sum()
    )
    assert list(held_by(iv, None)) == list(iv["Outcome"] != "Cancelled")
    months = by_month(b.tables["Pipeline"], iv, b.tables["Offers"], as_of=b.as_of)
    assert months["2026-10"]["interviews"] == got


def test_report_counts_interviews_held(book):
    """Item 2: the report's "Interviews held" of a month counts those held."""
    from jobbook.report.data import build

    b = jobbook.read_book(book)
    iv = b.tables["Interviews"]
    october = (iv["Date"] >= pd.Timestamp("2026-10-01")) & (iv["Date"] <= pd.Timestamp(b.as_of))
    data = build(b, "2026-10")
    held = data.stats["by_month"]["2026-10"]["interviews"]
    assert held == int((october & (iv["Outcome"] != "Cancelled")).sum())
    assert held < int(
        (
            (iv["Date"] >= pd.Timestamp("2026-10-01")) & (iv["Date"] < pd.Timestamp("2026-11-01"))
        ).sum()
    )


@pytest.mark.parametrize(
    "args, cell",
    [
        (["accept", "O03", "--as-of", "2026-10-19"], r"Offers!E4: O03 was made on 20 October 2026"),
        (["done", "follow-up", "A060", "--as-of", "2026-10-18"], r"Pipeline!H61: A060 was applied to on 19 October 2026"),
        (["done", "next-action", "A060", "--as-of", "2026-10-18"], r"Pipeline!H61: A060 was applied to"),
    ],
)  # fmt: skip
def test_a_row_after_the_as_of_date_is_refused(book, capsys, args, cell):
    """Item 3: accept and done on a day before the offer or application existed: one Error line
    naming the cell that says so, nothing written."""
    import re

    before = book.read_bytes()
    code, out, err = run_cli(capsys, args[0], book, *args[1:])
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
    assert err.startswith("Error: ") and re.search(cell, err), err
    assert book.read_bytes() == before


def test_accept_forced_before_the_offer_warns_and_withdraws_only_known(book, capsys):
    """Item 3: --force accepts anyway, with the warning; the applications to withdraw are those
    the day knew (applied on or before it)."""
    code, out, err = run_cli(
        capsys, "accept", book, "O03", "--as-of", "2026-10-15", "--force", "--json", "--dry-run"
    )
    assert code == 0, err
    got = json.loads(out)
    assert any("O03 was made on 20 October 2026" in w for w in got["warnings"])
    p = jobbook.read_book(book).tables["Pipeline"]
    rows = {
        int(r) + 0
        for r in p.index[
            (p["Date applied"] > pd.Timestamp("2026-10-15")) & (p["Status"] == "Active")
        ]
    }
    written = {c["cell"] for c in got["cells"] if c["sheet"] == "Pipeline"}
    assert rows and not {f"M{r}" for r in rows} & written
    assert any(c.startswith("M") for c in written)  # the others known that day: to withdraw


def test_thank_you_on_a_cancelled_interview_refused_and_checked(book, capsys, tmp_path):
    """Item 4: done thank-you on a Cancelled interview is refused naming Outcome (as draft
    refuses it); check warns about a Thank-you sent on one."""
    assert run_cli(capsys, "done", book, "next-action", "A054")[0] == 0
    iv = jobbook.read_book(book).tables["Interviews"]
    row = int(iv.index[iv["Outcome"] == "Cancelled"][0])
    ident = iv.at[row, "ID"]
    before = book.read_bytes()
    later = (iv.at[row, "Date"] + pd.Timedelta(days=1)).date().isoformat()
    code, out, err = run_cli(capsys, "done", book, "thank-you", ident, "--as-of", later)
    assert code == 1 and f"Interviews!L{row}: {ident} is Cancelled" in err, err
    assert book.read_bytes() == before
    wb = openpyxl.load_workbook(book)  # a fixture: a mark typed on it by hand
    col = [c.value for c in wb["Interviews"][1]].index("Thank-you sent") + 1
    wb["Interviews"].cell(row, col, "x")
    marked = tmp_path / "marked.xlsx"
    wb.save(marked)
    code, out, err = run_cli(capsys, "check", marked)
    letter = openpyxl.utils.get_column_letter(col)
    assert code == 0 and f"Interviews!{letter}{row}: Thank-you sent on a Cancelled interview" in out

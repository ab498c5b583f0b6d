"""jobbook done and jobbook accept on the pinned sample: the cells they write, the deadlines that
follow, and the Accept offer button's own writes (the same intent) found in the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import jobbook
from jobbook import views
from jobbook.excel import actions
from jobbook.intents.accept import accept

from conftest import PINNED, copy_of, run_cli

AS_OF = PINNED


@pytest.fixture
def book(pinned_samples, tmp_path) -> Path:
    return copy_of(pinned_samples[".xlsx"], tmp_path)


def test_done_marks_each_kind(book, capsys):
    """thank-you, follow-up, next-action, lesson and feedback (a new Lessons row when the
    application has none), each gone from the deadlines after; a second time changes nothing. The
    next action done here is "Decline O03: ..." (the sample's open offer after accepting O02): it
    closes the application (docs/definitions.md § Deadlines)."""
    b = jobbook.read_book(book)
    first = {}
    for d in views.deadlines(b):
        first.setdefault(d["kind"], d["id"])
    p = b.tables["Pipeline"]
    lessons = set(b.tables["Lessons"]["Application ID"])
    feedback = next(i for i in p[p["Status"] == "Rejected"]["ID"] if i not in lessons)
    # the sample's story: the application with an open offer is to decline it; that next action
    # has no due date of its own (the offer's decision deadline is its one reminder)
    declining = p[p["Next action"].str.startswith("Decline", na=False)]["ID"].iloc[0]
    action = p.set_index("ID").at[declining, "Next action"]
    assert action == "Decline O03: accepted Lumen Health"
    assert pd.isna(p.set_index("ID").at[declining, "Next action due"])
    assert ("decision", "O03") in {(d["kind"], d["id"]) for d in views.deadlines(b)}
    for kind, args in [
        ("thank-you", [first["thank-you"]]),
        ("follow-up", ["a054", "--on", "2026-10-20"]),  # an application still Active
        ("next-action", [declining]),
        ("lesson", [first["lesson"]]),
        ("feedback", [feedback]),
    ]:
        code, out, err = run_cli(capsys, "done", book, kind, *args)
        assert code == 0 and "Wrote" in out, err
    after = jobbook.read_book(book)
    iv = after.tables["Interviews"].set_index("ID")
    assert iv.at[first["thank-you"], "Thank-you sent"] == pd.Timestamp(AS_OF)
    assert iv.at[first["thank-you"], "Thank-you flag"] == "Done"
    pa = after.tables["Pipeline"].set_index("ID")
    assert pa.at["A054", "Last contact"] == pd.Timestamp("2026-10-20")
    # A054's Withdraw next action is its only reminder: no follow-up beside it
    assert pd.isna(pa.at["A054", "Follow-up due"])
    assert pd.isna(pa.at[declining, "Next action due"])
    assert pa.at[declining, "Next action"] == f"Done 2026-10-21: {action}"
    assert pa.at[declining, "Status"] == "Offer declined"
    assert after.tables["Offers"].set_index("ID").at["O03", "Status"] == "Declined"
    still = {(d["kind"], d["id"]) for d in views.deadlines(after)}
    for kind in ("thank-you", "lesson"):
        assert (kind, first[kind]) not in still
    assert ("decision", "O03") not in still
    les = after.tables["Lessons"]
    row = les[les["Application ID"] == feedback].iloc[0]
    assert row["Feedback requested"] == pd.Timestamp(AS_OF)
    assert int(row.name) == int(b.tables["Lessons"].index.max()) + 1  # after the last row in use
    before = book.read_bytes()
    for kind, item in [("feedback", feedback), ("next-action", declining)]:
        code, out, _ = run_cli(capsys, "done", book, kind, item)  # once more: already done
        assert code == 0 and "already marked done" in out, out
        assert out.lower().count("nothing to change") == 1 and "is left as it was" in out
    assert book.read_bytes() == before


def test_done_withdraw_closes_the_application_and_cancels_its_interviews_ahead(book, capsys):
    """A "Withdraw: ..." next action done: the application Withdrawn, its interview ahead marked
    Cancelled (Outcome date = the day), cancelled in the calendar and owing no thank-you note
    when its day comes; an interview already held is left as it was."""
    b = jobbook.read_book(book)
    iv = b.tables["Interviews"]
    mine = iv[iv["Application ID"] == "A054"].set_index("ID")
    ahead = [i for i, d in mine["Date"].items() if d.date() > AS_OF]
    held = [i for i, d in mine["Date"].items() if d.date() <= AS_OF]
    assert ahead and held
    code, out, err = run_cli(capsys, "done", book, "next-action", "A054")
    assert code == 0, err
    assert "A054 is now Withdrawn." in out
    assert f"Its interview(s) ahead marked Cancelled: {ahead[0]} on" in out
    after = jobbook.read_book(book)
    assert after.tables["Pipeline"].set_index("ID").at["A054", "Status"] == "Withdrawn"
    a = after.tables["Interviews"].set_index("ID")
    assert list(a.loc[ahead, "Outcome"]) == ["Cancelled"] * len(ahead)
    assert list(a.loc[ahead, "Outcome date"]) == [pd.Timestamp(AS_OF)] * len(ahead)
    assert list(a.loc[held, "Outcome"]) == list(mine.loc[held, "Outcome"])
    from jobbook.ical import calendar_events

    cancelled = {e.id for e in calendar_events(after) if e.cancelled}
    assert set(ahead) <= cancelled and not set(held) & cancelled
    # when the interview's day has passed, it still owes no thank-you note
    later = after.at(dt.date(2026, 10, 30))
    assert not {d["id"] for d in views.deadlines(later) if d["kind"] == "thank-you"} & set(ahead)


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["thank-you", "I999"], 1, r"no interview 'I999' on the Interviews sheet \(column ID\)"),
        (
            ["decision", "O01"],
            2,
            r"decision: an offer decision is done when the offer's Status is set",
        ),
        (["start", "O02"], 2, r"start: a start date is not a task to mark done"),
        (["bogus", "A1"], 2, r"Invalid value for 'KIND'"),
    ],
)
def test_done_errors(book, capsys, args, code, message):
    import re

    before = book.read_bytes()
    got, _, err = run_cli(capsys, "done", book, *args)
    assert got == code and re.search(message, err), err
    assert book.read_bytes() == before


def test_accept_writes_what_the_button_writes(pinned_samples, tmp_path, capsys):
    """The sample accepted O02 with the button; accepting it again completes that acceptance, the
    same from the terminal as from the button."""
    path = copy_of(pinned_samples[".xlsm"], tmp_path)
    b = jobbook.read_book(path)
    button = actions.accept_offer(b, offer_id="O02")
    code, out, _ = run_cli(capsys, "accept", path, "O02")
    # the same summary; the button adds where its steps went, the terminal prints them
    assert code == 0 and button.message.startswith(out.splitlines()[0].rstrip("."))
    assert "Lists" not in out.splitlines()[0] and "Next steps:" in out
    wb = openpyxl.load_workbook(path)
    for w in button.writes:
        r0, c0 = openpyxl.utils.cell.coordinate_to_tuple(w.cell)
        for i, row in enumerate(w.values):
            for j, want in enumerate(row):
                got = wb[w.sheet].cell(r0 + i, c0 + j).value
                if isinstance(want, dt.date):
                    want = dt.datetime.combine(want, dt.time())
                assert got == want, f"{w.sheet}!{w.cell}+({i},{j})"
    after = jobbook.read_book(path)
    assert after.errors == []
    assert after.tables["Offers"].set_index("ID").at["O02", "Status"] == "Accepted"


def test_accept_with_notice_and_withdraw(book, capsys):
    """The accepted offer once more, with the notice date and --withdraw: the others withdrawn
    (O03's application declined), their interviews ahead Cancelled, the last day from the notice."""
    b = jobbook.read_book(book)
    outcome = accept(b, offer_id="O02", notice_given=dt.date(2026, 10, 26), withdraw=True)
    to_withdraw = outcome.data["to_withdraw"]
    assert to_withdraw and outcome.data["withdrawn"] == to_withdraw
    iv = b.tables["Interviews"]
    later = iv["Date"] > pd.Timestamp(AS_OF)
    ahead = set(iv["ID"][later & iv["Application ID"].isin(to_withdraw)])
    assert ahead and set(outcome.data["cancelled"]) == ahead
    code, out, _ = run_cli(
        capsys, "accept", book, "o02", "--notice-given", "2026-10-26", "--withdraw", "--json"
    )
    assert code == 0
    got = json.loads(out)
    after = jobbook.read_book(book)
    t = after.tables["Transition"].set_index("Offer ID").loc["O02"]
    assert (got["last_day"], got["earliest_start"]) == (
        t["Last day"].date().isoformat(),
        t["Earliest start"].date().isoformat(),
    )
    start = next(d for d in views.deadlines(after) if d["kind"] == "start" and d["id"] == "O02")
    assert start["due"] == t["Agreed start"].date().isoformat()  # agreed in the sample
    p = after.tables["Pipeline"].set_index("ID")
    assert set(p.loc[to_withdraw, "Status"]) == {"Withdrawn"}
    outcomes = after.tables["Interviews"].set_index("ID").loc[sorted(ahead), "Outcome"]
    assert set(outcomes) == {"Cancelled"}
    assert t["Notice given"] == pd.Timestamp("2026-10-26")
    assert t["Accepted on"] == pd.Timestamp("2026-10-16")  # kept: accepted three days before


def test_accept_withdraw_declines_an_open_offer(book, capsys):
    """--withdraw: an application with an open offer of its own takes the decline path (its offer
    Declined, the application Offer declined, a decline draft), never Withdrawn with a letter."""
    code, out, err = run_cli(capsys, "accept", book, "O02", "--withdraw", "--json")
    assert code == 0, err
    got = json.loads(out)
    assert got["to_decline"] == got["declined"] == ["O03"]
    assert "A033" not in got["withdrawn"] and got["withdrawn"]
    kinds = {(d["kind"], d["id"]) for d in got["drafts"]}
    assert ("decline", "O03") in kinds and ("withdraw", "A033") not in kinds
    assert (book.parent / "search.decline-O03.eml").exists()
    assert not (book.parent / "search.withdraw-A033.eml").exists()
    after = jobbook.read_book(book)
    assert after.tables["Offers"].set_index("ID").at["O03", "Status"] == "Declined"
    p = after.tables["Pipeline"].set_index("ID")
    assert p.at["A033", "Status"] == "Offer declined"
    assert p.at["A033", "Next action"] == "Decline O03: accepted Lumen Health"
    assert set(p.loc[got["withdrawn"], "Status"]) == {"Withdrawn"}


@pytest.mark.parametrize(
    "offer, message",
    [
        ("O03", r"Offers!AB3: O02 \(Lumen Health\) is already Accepted: accepting O03 too would "
                r"leave two accepted offers"),
        ("O01", r"Offers!AB2: O01 \([\w ]+\) is Declined: an acceptance is for an open offer"),
    ],
)  # fmt: skip
def test_accept_refuses_what_it_cannot_mean(book, capsys, offer, message):
    """README § Changing your workbook: a second acceptance, a closed offer: exit 1, one Error line, nothing
    written; --force accepts it anyway, with a warning."""
    import re

    before = book.read_bytes()
    code, out, err = run_cli(capsys, "accept", book, offer, "--withdraw")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
    assert re.search(message, err), err
    assert book.read_bytes() == before and not list(book.parent.glob("*.eml"))
    code, out, err = run_cli(capsys, "accept", book, offer, "--force", "--json", "--dry-run")
    assert code == 0, err
    got = json.loads(out)
    assert got["warnings"] and all(w in err for w in got["warnings"])
    if offer == "O03":
        assert "warning: YOU ALREADY ACCEPTED O02 (Lumen Health) (Offers!" in err
        assert any("O02" in s for s in got["steps"])
        # O03's own "Decline O03: accepted Lumen Health" (from accepting O02) is cleared
        row = jobbook.read_book(book).tables["Pipeline"].set_index("ID").index.get_loc("A033") + 2
        cleared = {(c["cell"], c["new"]) for c in got["cells"] if c["sheet"] == "Pipeline"}
        assert (f"M{row}", None) in cleared  # (its Next action due was blank: a decline's)


def test_accept_refuses_an_offer_whose_application_is_closed(book, capsys):
    from jobbook.changes import TableWrite
    from jobbook.edit import edit_workbook

    b = jobbook.read_book(book)
    row = int(b.tables["Pipeline"].index[b.tables["Pipeline"]["ID"] == "A033"][0])
    edit_workbook(book, [TableWrite("Pipeline", "Status", row, "Withdrawn")])
    code, _, err = run_cli(capsys, "accept", book, "O03", "--dry-run")
    assert code == 1 and f"Pipeline!J{row}: O03's application A033 (" in err, err
    assert ") is Withdrawn: that process is closed" in err


def test_check_reports_two_acceptances_as_errors_that_stop_nothing_else(book, capsys):
    code, _, err = run_cli(capsys, "accept", book, "O03", "--force")
    assert code == 0, err
    code, out, _ = run_cli(capsys, "check", book)
    assert code == 1
    assert "Offers!AB4: O03 is Accepted, and so is O02 (row 3): a search ends with one" in out
    assert "Transition!A3: a second Transition row (O03; the first, row 2, is for O02)" in out
    code, out, err = run_cli(capsys, "deadlines", book)  # a warning, not a stop, elsewhere
    assert code == 0 and "warning: Offers!AB4: O03 is Accepted" in err


@pytest.mark.parametrize(
    "notice, message",
    [
        ("2026-10-19", r"--notice-given 2026-10-19 is before O03's offer date 2026-10-20 \(Offers!E4\)"),
        ("2026-10-20", r"--notice-given 2026-10-20 is before O03 was accepted \(2026-10-21, the as-of date"),
    ],
)  # fmt: skip
def test_accept_notice_before_offer_or_acceptance_is_an_error(book, capsys, notice, message):
    import re

    before = book.read_bytes()
    # --force: past the refusal of a second acceptance, to the notice date's own errors
    code, _, err = run_cli(capsys, "accept", book, "O03", "--notice-given", notice, "--force")
    assert code == 1 and re.search(message, err), err
    assert book.read_bytes() == before


def test_accept_an_offer_whose_application_is_not_in_the_pipeline(book, capsys):
    from jobbook.changes import TableWrite
    from jobbook.edit import edit_workbook

    edit_workbook(book, [TableWrite("Offers", "Application ID", 4, "A999")])
    before = book.read_bytes()
    code, _, err = run_cli(capsys, "accept", book, "O03", "--withdraw")
    assert code == 1, err
    assert "Offers!B4: offer O03 names application 'A999', which is not on the Pipeline" in err
    assert book.read_bytes() == before and not list(book.parent.glob("*.eml"))


def test_done_refuses_days_that_cannot_be(book, capsys):
    """--on after the as-of date, and a thank-you note sent before the interview: errors."""
    b = jobbook.read_book(book)
    iv = b.tables["Interviews"]
    first = next(d["id"] for d in views.deadlines(b) if d["kind"] == "thank-you")
    row = int(iv.index[iv["ID"] == first][0])
    day = iv.at[row, "Date"].date()
    before = book.read_bytes()
    code, _, err = run_cli(capsys, "done", book, "follow-up", "A054", "--on", "2026-10-22")
    assert code == 1 and "--on 2026-10-22 is after the as-of date (2026-10-21)" in err, err
    early = (day - dt.timedelta(days=1)).isoformat()
    code, _, err = run_cli(capsys, "done", book, "thank-you", first, "--on", early, "--as-of", day)
    assert code == 1, err
    assert f"before the interview (Interviews!E{row} = {day.isoformat()})" in err
    assert book.read_bytes() == before


def test_done_keeps_a_later_contact_and_starts_no_clock_on_a_wishlist_row(book, capsys):
    before = book.read_bytes()
    code, out, _ = run_cli(capsys, "done", book, "follow-up", "a033", "--on", "2026-10-15")
    assert code == 0 and book.read_bytes() == before
    assert "Last contact of A033 is 2026-10-20 (Pipeline!L34), later than 2026-10-15: kept" in out
    code, out, _ = run_cli(capsys, "done", book, "next-action", "a061", "--dry-run")
    assert code == 0 and out.startswith("Would mark: next action for A061 (Orbital Foods)")
    assert "Marked" not in out and "Pipeline!L62" not in out  # no Last contact for a wishlist row
    code, out, _ = run_cli(capsys, "done", book, "next-action", "a061")
    assert code == 0 and out.startswith("Marked: next action for A061 (Orbital Foods)")
    p = jobbook.read_book(book).tables["Pipeline"].set_index("ID")
    assert pd.isna(p.at["A061", "Last contact"]) and pd.isna(p.at["A061", "Next action due"])
    assert p.at["A061", "Next action"] == "Done 2026-10-21: Ask Priya for a referral"


def test_readme_refusal_is_what_the_command_prints(book, capsys, monkeypatch):
    """The README's `accept O03` example prints what the command prints on the sample."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    block = readme.split("```console\n$ jobbook accept ", 1)[1].split("```", 1)[0]
    command, _, shown = block.partition("\n")
    monkeypatch.chdir(book.parent)
    code, out, err = run_cli(capsys, "accept", *command.split())
    assert code == 1 and out == "" and err == shown

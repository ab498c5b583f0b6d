"""Message drafts that must fit their row (README § Message drafts, docs/spec-notes.md): a letter the row's
Status or dates contradict stops with one Error line naming the cell; whom a letter goes to when
Contacts has no recruiter or hiring manager; a withdrawal that cancels the interviews ahead; a
counteroffer argued from the offer as made; subjects on one line."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from test_drafts import handmade_drafts, run

import jobbook
from jobbook.drafts import draft, write_eml

ACCEPTED = {"O1": {"Status": "Accepted"}, "O2": {"Status": "Declined"}}


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("checks")
    return {
        "hand": handmade_drafts(folder / "hand.xlsx"),
        "decided": handmade_drafts(
            folder / "decided.xlsx",
            offers=ACCEPTED,
            pipeline={"P2": {"Status": "Offer declined"}, "P3": {"Status": " withdrawn "}},
        ),
        "unsent": handmade_drafts(
            folder / "unsent.xlsx", pipeline={"P3": {"Date applied": None, "Stage": "Wishlist"}}
        ),
    }


@pytest.mark.parametrize(
    "name, kind, ident, error",
    [
        ("hand", "feedback", "P1", "Pipeline!G4: P1 is still Active: a feedback request follows a "
         "rejection or a decline; set its Status to Rejected or Offer declined first"),
        ("hand", "follow-up", "P2", "Pipeline!G5: P2 is Rejected: a follow-up is for an Active "
         "application; set its Status to Active first if the process is still open"),
        ("hand", "withdraw", "P2", "Pipeline!G5: P2 is Rejected: a withdrawal is for an open "
         "(Active) application"),
        ("hand", "thank-you", "I4", "Interviews!D5: I4 is on 12 March 2026, after the as-of date "
         "10 March 2026: a thank-you follows the interview"),
        ("hand", "resign", "O1", "Offers!L2: O1 is Negotiating: a resignation follows accepting an "
         "offer; accept it first"),
        ("decided", "counter", "O1", "Offers!L2: O1 is Accepted: a counter-proposal is for an open "
         "offer (Pending or Negotiating)"),
        ("decided", "decline", "O1", "Offers!L2: O1 is Accepted: a decline is for an open offer "
         "(Pending or Negotiating); set its Status to Declined first if you are going back on it"),
        ("decided", "accept", "O2", "Offers!L3: O2 is Declined: an acceptance is for an open offer"),
        ("decided", "follow-up", "P3", "Pipeline!G6: P3 is Withdrawn: a follow-up is for an Active"),
        ("unsent", "withdraw", "P3", "Pipeline!E6: P3 has no Date applied: there is no application "
         "to withdraw"),
    ],
)  # fmt: skip
def test_a_letter_the_row_contradicts_is_one_error_line(capsys, books, name, kind, ident, error):
    code, out, err = run(capsys, "draft", books[name], kind, ident)
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {books[name]}: {error}") and err.count("\n") == 1, err


@pytest.mark.parametrize(
    "name, kind, ident, args",
    [
        ("hand", "thank-you", "I4", ["--as-of", "2026-03-12"]),  # on the day of the interview
        ("hand", "thank-you", "I1", []),
        ("decided", "feedback", "P2", []),  # Offer declined
        ("decided", "withdraw", "P3", []),  # Withdrawn already: as `accept --withdraw` writes it
        ("decided", "accept", "O1", []),
        ("decided", "resign", "O1", []),
        ("decided", "decline", "O2", []),
        ("hand", "counter", "O1", []),  # Negotiating
        ("hand", "decline", "O2", []),  # Pending
    ],
)
def test_a_letter_that_fits_its_row_is_written(capsys, books, name, kind, ident, args):
    code, out, err = run(capsys, "draft", books[name], kind, ident, *args)
    assert code == 0 and out.startswith("Subject: "), err


def test_feedback_after_declining_an_offer_thanks_for_the_offer(books):
    body = draft(jobbook.read_book(books["decided"]), "feedback", "P2").body
    assert "Thank you again for the offer for the role at Bolt Bank" in body
    assert "I respect your decision" not in body


# -- whom to ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, as_",
    [("Interviewer", "(Interviewer)"), (None, "(no Role in process)")],
)
def test_without_recruiter_or_hiring_manager_any_contact_with_an_email(tmp_path, role, as_):
    contacts = [
        ("Kim Ode", "Cask Labs", "P3", "Recruiter", None),
        ("Lu Chen", "Cask Labs", "P3", role, "lu@cask.test"),
    ]
    book = jobbook.read_book(handmade_drafts(tmp_path / "b.xlsx", contacts=contacts))
    d = draft(book, "withdraw", "P3")
    assert [(p.name, p.email) for p in d.to] == [("Lu Chen", "lu@cask.test")] and d.send_to is None
    assert d.body.startswith("Hi Lu,\n")
    assert d.notes == [
        f"to Lu Chen {as_}: Contacts has no recruiter or hiring manager with an email for P3"
    ]


def test_nobody_with_an_email_is_one_clear_line_and_an_empty_to(tmp_path, capsys):
    contacts = [("Kim Ode", "Cask Labs", "P3", "Recruiter", None)]
    book = handmade_drafts(tmp_path / "b.xlsx", contacts=contacts)
    eml = tmp_path / "w.eml"
    code, out, err = run(capsys, "draft", book, "withdraw", "P3", "--eml", eml)
    assert code == 0 and out.startswith("Subject: Withdrawing my application for Analyst\n")
    assert err.splitlines() == [
        "To: empty (for the recruiter or hiring manager at Cask Labs): Contacts has no email for "
        "Kim Ode (P3): add it there, or type the address",
        f"Wrote {eml} (an unsent draft: open it, edit and send); its To is empty: add the email on "
        "the Contacts sheet, or type it",
        # the book pins a past AsOf and has no History: the draft says how it read that day
        "note: the draft reads every row as it stands now, not as it stood on 2026-03-10: the "
        "book has no History yet (jobbook record starts it); a Last contact or a done mark dated "
        "after that day is left out",
    ]
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert "To" not in msg and msg["X-Unsent"] == "1"


# -- what the letters say --------------------------------------------------------------------------


def test_a_withdrawal_cancels_the_interviews_ahead(books):
    book = jobbook.read_book(books["hand"])
    ahead = draft(book, "withdraw", "P3").body  # I4 on 12 March, after the as-of date
    assert (
        "I am withdrawing my application. Could you please cancel our Final interview on "
        "Thursday 12 March 2026?"
    ) in ahead
    assert "cancel" not in draft(book, "withdraw", "P1").body  # its interviews have taken place
    follow_up = draft(book, "follow-up", "P3").body  # asks what to prepare, not where things stand
    assert "Thank you for arranging our Final interview on Thursday 12 March 2026." in follow_up
    assert "where the process stands" not in follow_up


def test_a_counteroffer_argues_from_the_base_salary_not_the_final_base(tmp_path, books):
    plain = draft(jobbook.read_book(books["hand"]), "counter", "O1")
    final = handmade_drafts(tmp_path / "f.xlsx", offers={"O1": {"Final base": 108000}})
    d = draft(jobbook.read_book(final), "counter", "O1")
    assert d.body == plain.body  # the same figures: the offer as it was made
    assert "the offered base of 100,000" in d.body and "108,000" not in d.body
    assert "against 107,810 for this one" in d.body
    assert d.notes[0] == (
        "O1 has a Final base (108,000): the counter-proposal argues from the offer as made "
        "(Base salary 100,000)"
    )


def test_the_thank_you_reads_with_and_without_went_well(books):
    book = jobbook.read_book(books["hand"])
    first = draft(book, "thank-you", "I1").body.split("\n\n")[1]
    assert first == (
        "Thank you for meeting me on 20 February 2026 for the Technical interview at Acme "
        "Robotics. We got on well from the start."
    )
    second = draft(book, "thank-you", "I2").body.split("\n\n")[1]  # no Went well
    assert second == "Thank you for meeting me on 25 February 2026 for the interview at Bolt Bank."


def test_line_breaks_never_reach_a_subject(tmp_path, capsys):
    """A cell typed with Alt+Enter, or a template that writes a carriage return or another line
    separator, gives one subject line: no header injected into the .eml."""
    book = handmade_drafts(tmp_path / "b.xlsx", pipeline={"P1": {"Role": "Data\nEngineer\r\n"}})
    d = draft(jobbook.read_book(book), "thank-you", "I1")
    assert d.subject == "Thank you for the Technical interview (Data Engineer)"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "decline.j2").write_text(
        "Subject: {{ company }}{{ '\\r' }}Bcc: spy@evil.test{{ '\\u2028' }}x\n\nBody\n"
    )
    d = draft(jobbook.read_book(book), "decline", "O2", templates=mine)
    assert d.subject == "Cask Labs Bcc: spy@evil.test x"
    msg = email.message_from_bytes(
        write_eml(d, tmp_path / "d.eml").read_bytes(), policy=email.policy.default
    )
    assert msg["Subject"] == "Cask Labs Bcc: spy@evil.test x" and "Bcc" not in msg
    code, out, _ = run(capsys, "draft", book, "thank-you", "I1")
    assert code == 0 and out.split("\n")[:2] == [
        "Subject: Thank you for the Technical interview (Data Engineer)",
        "",
    ]

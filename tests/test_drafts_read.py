"""Drafts that read right (README § Message drafts, settled in issue 20): greetings that stay distinct, a
thank-you without Went well built from what the book knows of the round, the short link greeting
as the letter does, a counteroffer that states the base offered and the cost of living, and
recipients found among the company's people met on other applications."""

from __future__ import annotations

import datetime as dt

import pytest
from test_drafts import handmade_drafts

import jobbook
from jobbook.cli import main
from jobbook.drafts import draft
from jobbook.drafts._people import greeted

D = dt.date


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "met, greeting",
    [
        ("Diego Alvarez, Diego Brandt", "Diego Alvarez and Diego Brandt"),  # the case
        ("Grace Okafor, Aisha Moreau, Omar Haddad", "Grace, Aisha and Omar"),
        ("Aisha Haddad, Aisha Kim, Grace Silva", "Aisha Haddad, Aisha Kim and Grace"),
        ("diego alvarez & DIEGO Brandt", "diego alvarez and DIEGO Brandt"),  # any case collides
        ("Noah Moreau", "Noah"),
        ("  Noah   Moreau ", "Noah"),
        ("Ana Ruiz;Bo Li\nCy Dunn", "Ana, Bo and Cy"),
        ("Ana Ruiz, , Bo Li,", "Ana and Bo"),  # empty names between separators are skipped
        ("Jo, Jo Kim", "Jo and Jo Kim"),
        ("Mei", "Mei"),
    ],
)
def test_greetings_stay_distinct(met, greeting):
    assert greeted(met) == greeting


def test_a_thank_you_greets_two_diegos_by_full_name(tmp_path):
    book = jobbook.read_book(
        handmade_drafts(
            tmp_path / "b.xlsx", interviews={"I1": {"Interviewers": "Diego Alvarez\nDiego Brandt"}}
        )
    )
    full, short = draft(book, "thank-you", "I1"), draft(book, "thank-you", "I1", short=True)
    assert full.body.startswith("Hi Diego Alvarez and Diego Brandt,\n\n")
    assert short.body.startswith("Hi Diego Alvarez and Diego Brandt,\n\n")  # the link's greeting


# -- a thank-you without Went well: the round, the people's titles, a question they asked ----------

TEAM = [
    ("Ana Ruiz", "Acme Robotics", "P1", "Interviewer", "ana@acme.test", "Engineering Manager"),
    ("Bo Li", "Acme Robotics", "P1", "Interviewer", None, "Staff Data Engineer"),
    ("Bo Li", "Other Corp", None, "Other", "bo@other.test", "Chef"),  # another Bo Li: not him
]
ASKED = [
    {"ID": "Q1", "Interview ID": "I1", "Question": "What are your salary expectations?",
     "Category": "Salary"},
    {"ID": "Q2", "Interview ID": "I1", "Question": "Tell me about a time you disagreed with a "
     "stakeholder", "Category": "Behavioral"},
    {"ID": "Q3", "Interview ID": "I1", "Question": "How would you backfill a year of events "
     "without double counting?", "Category": "Technical"},
    {"ID": "Q4", "Interview ID": "I2", "Question": "Do you have any questions for us?",
     "Category": "Other"},
]  # fmt: skip


def test_a_thank_you_without_went_well_draws_on_the_round(tmp_path):
    path = handmade_drafts(
        tmp_path / "b.xlsx",
        interviews={"I1": {"Went well": None}},
        contacts=TEAM,
        questions=ASKED,
    )
    book = jobbook.read_book(path)
    body = draft(book, "thank-you", "I1").body
    assert body.split("\n\n")[1] == (
        "Thank you for meeting me on 20 February 2026 for the Technical interview at Acme "
        "Robotics. It was good to hear how the team works, seen from the Engineering Manager and "
        'Staff Data Engineer sides. I have kept thinking about your question "How would you '
        'backfill a year of events without double counting?"'
    )  # the Technical question, not the salary one; Bo Li's title at Acme, not the chef's
    assert "Data Engineer role" in body.split("\n\n")[2]  # the role closes it
    # with Went well, the letter quotes it instead
    with_it = draft(
        jobbook.read_book(handmade_drafts(tmp_path / "w.xlsx", contacts=TEAM, questions=ASKED)),
        "thank-you",
        "I1",
    ).body
    assert "We got on well from the start." in with_it and "your question" not in with_it


def test_a_thank_you_with_nothing_known_says_only_what_is_known(tmp_path):
    """No titles, only a question not worth recalling (Other): the round and the role only."""
    path = handmade_drafts(tmp_path / "b.xlsx", questions=ASKED)
    body = draft(jobbook.read_book(path), "thank-you", "I2").body
    assert body.split("\n\n")[1] == (
        "Thank you for meeting me on 25 February 2026 for the interview at Bolt Bank."
    )


def test_one_title_one_side(tmp_path):
    path = handmade_drafts(
        tmp_path / "b.xlsx",
        interviews={"I1": {"Went well": None, "Interviewers": "Ana Ruiz and Bo Li"}},
        contacts=[(*TEAM[0][:5], "Staff Engineer"), (*TEAM[1][:5], "staff engineer")],
    )
    body = draft(jobbook.read_book(path), "thank-you", "I1").body
    assert "seen from the Staff Engineer side. " not in body  # no question: the sentence ends
    assert body.split("\n\n")[1].endswith("seen from the Staff Engineer side.")


# -- a counteroffer: the base it was offered, and what the pay is worth in a dearer city -----------


@pytest.mark.parametrize(
    "index, location, line",
    [
        (
            122,
            "Lisbon",
            "- Living costs in Lisbon are about 22% higher than where I live now: a base of "
            "100,000 there buys what about 81,967 buys here.",
        ),
        (
            130.5,
            "Remote",
            "- Living costs where the job is are about 30.5% higher than where I live now: a base "
            "of 100,000 there buys what about 76,628 buys here.",
        ),
        (100, "Lisbon", None),
        (None, "Lisbon", None),
        (90, "Porto", None),  # a cheaper city is no argument for more
    ],
)
def test_a_counter_states_the_base_offered_and_the_cost_of_living(tmp_path, index, location, line):
    path = handmade_drafts(
        tmp_path / "b.xlsx",
        offers={"O1": {"Cost of living index": index}},
        pipeline={"P1": {"Location": location}},
    )
    body = draft(jobbook.read_book(path), "counter", "O1").body
    assert body.split("\n\n")[1] == (
        "Thank you again for the offer for the Data Engineer role, with a base salary of "
        "100,000. I am excited about joining Acme Robotics, and I would like to ask for a base "
        "salary of 112,000."
    )
    lines = body.split("\n")
    if line is None:
        assert not any("Living costs" in x for x in lines)
    else:
        assert line in lines


# -- recipients: the company's people met on other applications ----------------------------------


def test_recipients_fall_back_to_the_company_on_other_applications(tmp_path, capsys):
    """P3 (Cask Labs) has nobody in Contacts; Cask Labs' recruiter was met on an older application
    (P0, and one on none): the follow-up goes to the first of them with an email."""
    contacts = [
        ("Lee Varga", " cask labs ", "P0", "Interviewer", None),  # no email: passed over
        ("Kai Ito", "CASK LABS", "P0", "Recruiter", "kai@cask.test"),
        ("Uma Roy", "Cask Labs", None, "Referral", "uma@cask.test"),
    ]
    path = handmade_drafts(tmp_path / "b.xlsx", contacts=contacts)
    d = draft(jobbook.read_book(path), "follow-up", "P3")
    assert [(p.name, p.email) for p in d.to] == [("Kai Ito", "kai@cask.test")]
    assert d.body.startswith("Hi Kai,\n\n")
    assert d.notes[0] == (
        "to Kai Ito (Recruiter, on P0), the first contact of Cask Labs with an email: Contacts "
        "has nobody for P3"
    )
    code, _, err = run(capsys, "draft", path, "follow-up", "P3")
    assert code == 0 and "To: Kai Ito <kai@cask.test>" in err


def test_the_application_s_own_people_come_first(tmp_path):
    """An application's own contact without an email is said, and the company's colleague used;
    one with an email is used, whoever else the company has."""
    colleague = ("Kai Ito", "Cask Labs", "P0", "Recruiter", "kai@cask.test")
    path = handmade_drafts(
        tmp_path / "a.xlsx",
        contacts=[("Kim Ode", "Cask Labs", "P3", "Hiring manager", None), colleague],
    )
    d = draft(jobbook.read_book(path), "follow-up", "P3")
    assert [p.email for p in d.to] == ["kai@cask.test"]
    assert d.notes[0].endswith("with an email: Contacts has no email for Kim Ode (P3)")
    path = handmade_drafts(
        tmp_path / "b.xlsx",
        contacts=[colleague, ("Kim Ode", "Cask Labs", "P3", "Hiring manager", "kim@cask.test")],
    )
    d = draft(jobbook.read_book(path), "follow-up", "P3")
    assert [p.email for p in d.to] == ["kim@cask.test"] and d.notes == []


def test_nobody_at_the_company_is_still_one_clear_line(tmp_path, capsys):
    path = handmade_drafts(
        tmp_path / "b.xlsx", contacts=[("Kai Ito", "Cask Labs Two", None, "Recruiter", "k@x.test")]
    )
    code, _, err = run(capsys, "draft", path, "follow-up", "P3")
    assert code == 0 and err.startswith("To: empty (for the recruiter or hiring manager at Cask")
    assert "Contacts has nobody for P3: add the recruiter or hiring manager there" in err

"""The mail tables and readers one by one (issue 24): phrase tables that compile, times and
deadlines read relative to the mail's date, salaries, employers named by tracking systems."""

from __future__ import annotations

import datetime as dt
import re
import sys
from zoneinfo import ZoneInfo

import pytest
from mailmaker import message, named, when

from jobbook.mail import phrases as P
from jobbook.mail import senders as S
from jobbook.mail.classify import classify, phrase_regex
from jobbook.mail.decode import decode
from jobbook.mail.match import App, Applications
from jobbook.mail.sources import Raw
from jobbook.mail.when import due_in, salary_in, times_in

BERLIN = ZoneInfo("Europe/Berlin")
MAIL = dt.datetime(2026, 3, 5, 9, 12, tzinfo=dt.UTC)  # a Thursday


def test_every_row_of_the_tables_is_well_formed():
    for kind, language, phrase, weight in P.PHRASES:
        assert kind in P.KINDS and language in P.LANGUAGES and 1 <= weight <= 5, phrase
        re.compile(phrase_regex(phrase))
    assert len({(k, p) for k, _, p, _ in P.PHRASES}) == len(P.PHRASES)  # no row twice
    for kind, weight in P.SENDER_EVIDENCE.values():
        assert kind in P.KINDS and 1 <= weight <= 5
    assert set(P.HEDGED_KINDS) | set(P.NEGATED_KINDS) <= set(P.KINDS)
    for table in ("SCHEDULING_LINKS", "VIDEO_HOSTS"):
        for pattern in getattr(S, table):
            re.compile(pattern)
    for phrase, _label, stage in P.ROUNDS:
        re.compile(phrase_regex(phrase))
        assert stage in ("Screen", "Interview", "Final")
    for table in ("ATS", "BOARDS", "ASSESSMENT_SENDERS", "SCHEDULERS"):
        for row in getattr(S, table):
            re.compile(row[1])
    assert set(P.PRECEDENCE) | {"other"} == set(P.KINDS)


@pytest.mark.parametrize(
    ("phrase", "text", "hit"),
    [
        ("thank(s| you) for (applying|your application)", "Thanks for applying!", True),
        ("thank(s| you) for (applying|your application)", "thank you for your application", True),
        ("(an|a|the)? interview", "interview", True),
        ("confirm(ing)? receipt", "receipt", False),  # an optional ending, not an optional word
        ("offer letter", "offer letters", False),  # whole words
        ("decided * other candidates", "decided to move forward with other candidates", True),
    ],
)
def test_phrase_syntax(phrase, text, hit):
    assert bool(re.search(phrase_regex(phrase), text.casefold())) is hit


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("We'd like to invite you on Tuesday, March 10 at 2:30 PM.", "en", [dt.datetime(2026, 3, 10, 14, 30)]),
        ("Your interview: Thu, Mar 12, 2026 3:00pm - 3:45pm (CET)", "en", [dt.datetime(2026, 3, 12, 15, 0)]),
        ("Date: Tuesday, March 10\nTime: 14:00 - 15:00", "en", [dt.datetime(2026, 3, 10, 14, 0)]),
        ("The call is at 9:30 AM PST on March 12.", "en", [dt.datetime(2026, 3, 12, 18, 30)]),
        ("See you tomorrow at 10am!", "en", [dt.datetime(2026, 3, 6, 10, 0)]),
        ("am Dienstag, 10. März um 14:30 Uhr", "de", [dt.datetime(2026, 3, 10, 14, 30)]),
        ("Termin: 12.03. um 10 Uhr", "de", [dt.datetime(2026, 3, 12, 10, 0)]),
        ("Could you do Tuesday 10am or Wednesday 2pm?", "en", [dt.datetime(2026, 3, 10, 10, 0), dt.datetime(2026, 3, 11, 14, 0)]),
        ("You applied on March 2, 2026; office hours 9:00 to 17:00.", "en", []),
    ],
)  # fmt: skip
def test_times_are_read_relative_to_the_mail_in_the_books_zone(text, language, expected):
    assert times_in(text, MAIL, BERLIN, language) == expected


def test_deadlines_and_salaries():
    def workday(day, n):  # the book's calendar, here without holidays
        while n:
            day += dt.timedelta(days=1)
            n -= day.weekday() < 5
        return day

    assert due_in("complete it within 5 business days", MAIL, BERLIN, "en", workday) == dt.date(
        2026, 3, 12
    )
    assert due_in("please reply by Friday, March 13", MAIL, BERLIN, "en") == dt.date(2026, 3, 13)
    assert due_in("bis zum 20.03.2026 bearbeiten", MAIL, BERLIN, "de") == dt.date(2026, 3, 20)
    assert due_in("no deadline here", MAIL, BERLIN, "en") is None
    assert salary_in("a base salary of $125,000 per year") == 125000
    assert salary_in("Jahresgehalt von 75.000 € brutto") == 75000
    assert salary_in("base salary of 120k") == 120000
    assert salary_in("we offer a competitive salary") is None


@pytest.mark.parametrize(
    ("sender", "subject", "text", "company"),
    [
        ("relx@myworkday.com", "Your application", "We received your application.", "Elsevier"),
        (named("Acme via SmartRecruiters", "noreply@smartrecruiters.com"), "Application received", "Thanks for applying.", "Acme Analytics"),
        (named("Talent at Lumen Health", "no-reply@ashbyhq.com"), "Thanks for applying", "We have received your application.", "Lumen Health"),
        ("no-reply@us.greenhouse-mail.io", "Thank you for applying to Brightwave", "We have received your application.", "Brightwave"),
        (named("Jobs", "jobs-noreply@linkedin.com"), "Your application was sent to Lumen Health", "Your application was sent.", "Lumen Health"),
        (named("Recruiting", "careers@lumen-health.example"), "Application received", "We have received your application.", "Lumen Health"),
        (named("HR", "hr@brightwave.example"), "Application received", "We have received your application.", "Brightwave"),
    ],
)  # fmt: skip
def test_the_employer_behind_a_tracking_system(sender, subject, text, company):
    apps = Applications(
        [
            App("A1", "Acme Analytics", "Data Analyst", "Active"),
            App("A2", "Elsevier", "Data Engineer", "Active"),
            App("A3", "Lumen Health", "Analytics Engineer", "Active"),
            App("A4", "Brightwave", "Data Scientist", "Active"),
        ],
        aliases=(("RELX", "Elsevier"), ("Acme", "Acme Analytics")),
    )
    mail = decode(
        Raw(message(sender=sender, subject=subject, date=when("2026-03-02"), text=text), "x")
    )
    got = apps.match(mail, classify(mail))
    assert (got.match, got.app.company if got.app else None) == ("matched", company), got.why


def test_a_new_role_at_a_known_company_is_a_new_application():
    apps = Applications(
        [App("A1", "Acme Analytics", "Data Analyst", "Rejected", "Applied", dt.date(2025, 6, 1))]
    )
    raw = message(
        sender=named("Acme Analytics Recruiting", "no-reply@us.greenhouse-mail.io"),
        subject="Thank you for applying to Acme Analytics",
        date=when("2026-03-02"),
        text="We have received your application for the Staff Data Engineer position.",
    )
    mail = decode(Raw(raw, "x"))
    assert apps.match(mail, classify(mail)).match == "new"


def test_mail_says_so_without_the_mail_extra(tmp_path, capsys, monkeypatch):
    from jobbook.cli import main

    monkeypatch.setitem(sys.modules, "dateparser", None)  # as if it were not installed
    code = main(["mail", str(tmp_path / "search.xlsx"), str(tmp_path / "x.mbox")])
    err = capsys.readouterr().err
    assert code == 2 and "pip install 'jobbook[mail]'" in err

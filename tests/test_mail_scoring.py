"""How mail is weighed (issue 24 follow-up): the strongest evidence wins, hedges and negations take
a phrase back, senders and links count, and the employer is named where tracking systems put it."""

from __future__ import annotations

import dataclasses

import pytest
from mailcorpus import development
from mailheldout import heldout
from mailmaker import message, named, when
from mailphrasings import phrasings

from jobbook.mail import classify as C
from jobbook.mail import matcher
from jobbook.mail.classify import classify, norm
from jobbook.mail.decode import decode
from jobbook.mail.match import Applications
from jobbook.mail.sources import Raw


def _read(sender, subject, text=None, html=None, **extra):
    raw = message(
        sender=sender, subject=subject, date=when("2026-03-05"), text=text, html=html, **extra
    )
    mail = decode(Raw(raw, "x"))
    return mail, classify(mail, frozenset({"jamie@example.org"}))


def test_one_clear_rejection_sentence_outweighs_every_thank_you():
    text = (
        "Thank you for applying! We have received your application and our team has reviewed "
        "your resume. We appreciate the time you invested and your interest in Acme. We review "
        "every application carefully. After careful consideration, we have decided to move "
        "forward with other candidates."
    )
    mail, reading = _read(named("Acme", "no-reply@ashbyhq.com"), "Thank you for applying", text)
    assert reading.kind == "rejection"
    assert reading.why[0].endswith("(rejection 5)"), reading.why  # the evidence, strongest first
    assert any("(confirmation" in w for w in reading.why)  # the thank-yous are listed too


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a negation takes an invitation, an offer or a confirmation back
        ("Unfortunately we are not able to invite you to an interview this time.", "rejection"),
        ("Leider können wir Sie nicht zu einem Vorstellungsgespräch einladen.", "rejection"),
        ("We are unable to extend an offer of employment at this time.", "rejection"),
        ("Leider können wir Ihnen keine positive Rückmeldung geben.", "rejection"),
        # "do not hesitate" is politeness, not a negation
        ("Please do not hesitate to call us: your interview is scheduled for Tuesday.", "interview"),
        # a hedge opens the sentence: said in a confirmation
        ("We have received your application. Candidates who are not selected will be notified by "
         "email.", "confirmation"),
        ("Thanks for applying! If your background matches, we will invite you to an interview.",
         "confirmation"),
        ("Vielen Dank für Ihre Bewerbung. Sollten wir Sie nicht berücksichtigen können, erhalten "
         "Sie eine Nachricht.", "confirmation"),
    ],
)  # fmt: skip
def test_negations_and_hedges(text, kind):
    _, reading = _read(named("Acme", "jobs@acme.example"), "Your application", text)
    assert reading.kind == kind, reading.why


def test_senders_and_links_count_as_evidence():
    _, reading = _read(
        named("GoodTime", "no-reply@goodtime.io"), "Acme", "Your time with Acme: Tue 3 pm."
    )
    assert reading.kind == "interview" and "sent by GoodTime" in reading.why[0]
    _, reading = _read(
        named("Acme", "jobs@acme.example"),
        "Next steps",
        "Thanks! Pick whichever slot suits you: https://calendly.com/acme-talent/30min",
    )
    assert reading.kind == "interview"
    assert any("scheduling link (https://calendly.com" in w for w in reading.why)
    # a personal booking page is not a recruiter's
    _, reading = _read(
        named("Calendly", "notifications@calendly.com"), "New Event: Haircut", "Booked for 9:00."
    )
    assert reading.kind == "other"


def test_outreach_needs_a_person_even_through_a_job_board():
    text = "Hi Jamie, I came across your profile. Would you be open to a chat about a role?"
    _, reading = _read(named("Sam Osei via LinkedIn", "messages-noreply@linkedin.com"), "Hi", text)
    assert reading.kind == "outreach"
    _, reading = _read(named("LinkedIn", "messages-noreply@linkedin.com"), "Open to work?", text)
    assert reading.kind == "other"  # LinkedIn itself asking is not a recruiter


def _no_prefilter() -> tuple:
    return tuple(dataclasses.replace(p, words=frozenset(), pieces=()) for p in matcher.compiled())


def test_the_quick_word_test_never_loses_a_phrase(monkeypatch):
    """The words a phrase needs are only a shortcut: every labelled message finds the same
    evidence with the shortcut as with every expression run on every message."""
    items = development() + heldout() + phrasings()
    texts = []
    for it in items:
        mail = decode(Raw(it.raw, "x"))
        texts.append((norm(mail.subject), norm(mail.text[: C.MAX_BODY])))
    fast = [C.evidence(s, b) for s, b in texts]
    monkeypatch.setattr(C, "compiled", _no_prefilter)
    slow = [C.evidence(s, b) for s, b in texts]
    assert fast == slow
    assert sum(len(v) for e in fast for v in e.values()) > 1000  # the check compared something


@pytest.mark.parametrize(
    ("sender", "subject", "text", "company"),
    [
        # a subject made of mail's words names nobody; the real name follows
        (named("Hiring", "no-reply@bamboohr.com"), "Interview Confirmation - Oakridge Capital", "Your interview is confirmed.", "Oakridge Capital"),
        # a tenant run together, spelt out in the signature
        ("granitehealth@myworkday.com", "Application Submitted: Data Analyst II", "We have received your application.\n\nGranite Health Talent Acquisition", "Granite Health"),
        # a company's own domain and its display name
        (named("Lindenbaum Software", "karriere@lindenbaum.example"), "Bestätigung: Bewerbung als Werkstudentin", "Deine Bewerbung ist eingegangen.", "Lindenbaum Software"),
        # a person writing through a job board is not the employer; the text names it
        (named("Sam Osei via LinkedIn", "inmail-hit-reply@linkedin.com"), "Sam sent you a new message", "Sam Osei\nHead of Data at Kite Mobility\n\nI came across your profile. Open to a chat?", "Kite Mobility"),
        # signature lines, English and German
        ("no-reply@us.greenhouse-mail.io", "Application received", "We have received your application.\n\nYour Harbor Freight Systems Talent Acquisition Team", "Harbor Freight Systems"),
        (named("Personio", "noreply@personio.de"), "Eingangsbestätigung", "Wir haben Ihre Unterlagen erhalten.\n\nIhr Ostwind-Team", "Ostwind"),
        (named("Careers", "noreply@smartrecruiters.com"), "Danke", "Wir haben Ihre Unterlagen erhalten. Vielen Dank für Ihr Interesse an einer Tätigkeit bei der Rheinwerk Software GmbH.", "Rheinwerk Software"),
    ],
)  # fmt: skip
def test_the_employer_of_a_new_application(sender, subject, text, company):
    from jobbook.importers.match import company_key

    mail, reading = _read(sender, subject, text)
    got = Applications().match(mail, reading)
    assert company_key(got.company or "") == company_key(company), got.why


def test_a_reply_to_address_names_the_employer_behind_a_tracking_system():
    mail, reading = _read(
        named("Greenhouse", "no-reply@us.greenhouse-mail.io"),
        "Interview invitation",
        "We'd like to schedule an interview. Reply with your availability.",
        headers={"Reply-To": "Mia Chen <mia.chen@tallowreed.example>"},
    )
    got = Applications().match(mail, reading)
    assert reading.kind == "interview" and got.company == "Tallowreed", got.why

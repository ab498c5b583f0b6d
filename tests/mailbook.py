"""A small search and the mail it received, for the mail tests (issue 24): a workbook built from
the template (TimeZone Europe/Berlin, Your email jamie@example.org, a Company alias), and one
message in each style the issue lists, dated in March 2026."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mailmaker import ics, mbox, message, named, when, write_folder, write_zip

from jobbook.template import build_workbook

D = dt.date
ME = "jamie@example.org"

PIPELINE = [
    # ID, Company, Role, Date applied, Stage, Status
    ("A001", "Acme Analytics", "Data Analyst", D(2026, 2, 20), "Applied", "Active"),
    ("A002", "Elsevier", "Data Engineer", D(2026, 2, 21), "Applied", "Active"),
    ("A003", "Lumen Health", "Analytics Engineer", D(2026, 2, 22), "Screen", "Active"),
    ("A004", "Northwind Traders", "BI Developer", None, "Wishlist", "Active"),
    ("A005", "Quill Publishing", "Data Analyst", D(2026, 2, 10), "Applied", "Active"),
    ("A006", "Quill Publishing", "Data Engineer", D(2026, 2, 12), "Applied", "Active"),
    ("A007", "Müller Logistik GmbH", "Datenanalyst", D(2026, 2, 25), "Applied", "Active"),
    ("A008", "Brightwave", "Data Scientist", D(2026, 2, 26), "Applied", "Active"),
    ("A009", "Cobalt Mining Software", "Analytics Engineer", D(2026, 2, 27), "Applied", "Active"),
]
INTERVIEWS = [
    # an interview of Lumen Health ahead of the rejection below: it will be Cancelled
    ("I001", "A003", dt.datetime(2026, 3, 20, 10, 0), "Technical interview", "Pending"),
]


def build_book(path: Path) -> Path:
    records = {
        "Pipeline": [
            {
                "ID": i,
                "Company": c,
                "Role": r,
                "Source": "Company site" if d else None,
                "Date applied": d,
                "Stage": s,
                "Status": st,
            }
            for i, c, r, d, s, st in PIPELINE
        ],
        "Interviews": [
            {"ID": i, "Application ID": a, "Date": d, "Round": r, "Format": "Video", "Outcome": o}
            for i, a, d, r, o in INTERVIEWS
        ],
    }
    wb = build_workbook(
        records,
        as_of=D(2026, 3, 25),
        year=2026,
        profile={"TimeZone": "Europe/Berlin", "YourEmail": ME, "YourName": "Jamie Rivera"},
    )
    ws = wb["Settings"]
    ws["N2"], ws["O2"] = "RELX", "Elsevier"  # Workday's tenant relx is Elsevier's parent
    wb.save(path)
    return path


def _gh(company: str) -> str:
    return named(f"{company} Recruiting", "no-reply@us.greenhouse-mail.io")


def mailbox() -> dict[str, bytes]:
    """The messages of the search, by a name saying what each is."""
    return {
        # Greenhouse confirmation whose text holds rejection words in a hedge
        "confirm_acme": message(
            sender=_gh("Acme Analytics"),
            subject="Thank you for applying to Acme Analytics",
            date=when("2026-03-02", 8, 5),
            text=(
                "Hi Jamie,\n\nThank you for your interest in Acme Analytics! We have received "
                "your application for the Data Analyst position and our team will review it.\n\n"
                "If we do not move forward with your application, we will keep your CV on file "
                "for future openings.\n\nBest,\nThe Acme Analytics Recruiting Team"
            ),
        ),
        # Workday tenant relx: Elsevier through Company aliases; HTML only, latin-1, QP
        "reject_relx": message(
            sender="relx@myworkday.com",
            subject="Your application for Data Engineer",
            date=when("2026-03-03", 15, 40),
            html=(
                "<html><head><style>p{color:#333}</style><script>alert('x')</script></head><body>"
                "<p>Dear Jamie,</p><p>Thank you for applying. After careful consideration we "
                "have decided to move forward with other candidates whose experience more "
                "closely matches the role.</p><p>We wish you every success in your job "
                "search.</p><p>RELX Talent Acquisition &ndash; Zürich</p>"
                '<img src="https://track.example/p.gif"></body></html>'
            ),
            charset="iso-8859-1",
            cte="quoted-printable",
        ),
        # Google Calendar invitation from Lumen Health, then a reschedule (same UID, SEQUENCE 1)
        "invite_lumen": message(
            sender="Google Calendar <calendar-notification@google.com>",
            subject=(
                "Invitation: Hiring manager interview with Lumen Health @ Tue Mar 10, 2026 "
                "2:30pm - 3:15pm (CET) (jamie@example.org)"
            ),
            date=when("2026-03-04", 10, 0),
            text="Mei Rossi has invited you to this event.",
            calendar=ics(
                uid="7kq2lumen@google.com",
                start=dt.datetime(2026, 3, 10, 14, 30),
                summary="Hiring manager interview with Lumen Health",
                organizer=("Mei Rossi", "mei.rossi@lumen-health.example"),
                attendees=(("Jamie Rivera", ME), ("Ken Ito", "ken.ito@lumen-health.example")),
                location="https://meet.google.com/abc-defg-hij",
            ),
        ),
        "reschedule_lumen": message(
            sender="Google Calendar <calendar-notification@google.com>",
            subject="Updated invitation: Hiring manager interview with Lumen Health @ Thu Mar 12, 2026",
            date=when("2026-03-06", 11, 0),
            text="This event has been changed.",
            calendar=ics(
                uid="7kq2lumen@google.com",
                sequence=1,
                start=dt.datetime(2026, 3, 12, 9, 0),
                summary="Hiring manager interview with Lumen Health",
                organizer=("Mei Rossi", "mei.rossi@lumen-health.example"),
                location="https://meet.google.com/abc-defg-hij",
            ),
        ),
        # a SmartRecruiters invitation in the text (no calendar), base64 UTF-8
        "invite_northwind": message(
            sender=named("Northwind Traders via SmartRecruiters", "noreply@smartrecruiters.com"),
            subject="Interview invitation: BI Developer",
            date=when("2026-03-05", 9, 30),
            text=(
                "Hello Jamie,\n\nWe would like to invite you to a phone screen with Sarah Chen "
                "on Wednesday, March 11 at 4:00 PM CET. She will call you on the number in your "
                "application.\n\nKind regards,\nNorthwind Traders Talent Team"
            ),
            cte="base64",
        ),
        # German rejection from a company's own domain, latin-1 base64
        "reject_mueller": message(
            sender=named("Personalabteilung Müller Logistik", "bewerbung@mueller-logistik.example"),
            subject="Ihre Bewerbung als Datenanalyst",
            date=when("2026-03-06", 7, 45),
            text=(
                "Sehr geehrte Frau Rivera,\n\nvielen Dank für Ihr Interesse an einer Tätigkeit "
                "bei uns. Leider müssen wir Ihnen mitteilen, dass wir uns für eine andere "
                "Kandidatin entschieden haben.\n\nWir wünschen Ihnen für Ihren weiteren Weg "
                "viel Erfolg.\n\nMit freundlichen Grüßen\nIhre Personalabteilung"
            ),
            charset="iso-8859-1",
            cte="base64",
        ),
        # a HackerRank assessment with a deadline
        "assessment_brightwave": message(
            sender=named("HackerRank", "support@hackerrankmail.com"),
            subject="Brightwave has invited you to take a coding assessment",
            date=when("2026-03-06", 12, 0),
            text=(
                "Hi Jamie,\n\nBrightwave has invited you to complete the Data Scientist coding "
                "challenge. Please complete the test within 5 business days.\n\nGood luck!"
            ),
        ),
        # an offer from Acme (Ashby), salary and deadline in the text
        "offer_acme": message(
            sender=named("Acme Analytics Hiring Team", "no-reply@ashbyhq.com"),
            subject="Your offer from Acme Analytics",
            date=when("2026-03-18", 16, 0),
            text=(
                "Hi Jamie,\n\nWe are delighted to offer you the position of Data Analyst at "
                "Acme Analytics, with a base salary of $118,000. Please let us know by "
                "March 25, 2026. The offer letter is attached.\n\nWarmly,\nAcme"
            ),
            attachments=(("Offer letter.pdf", "application/pdf", b"%PDF-1.4 not opened"),),
        ),
        # Lumen rejects after the rescheduled interview; the technical interview ahead is cancelled
        "reject_lumen": message(
            sender=named("Lumen Health Careers", "careers@lumen-health.example"),
            subject="Update on your application",
            date=when("2026-03-16", 9, 0),
            text=(
                "Dear Jamie,\n\nThank you for taking the time to meet our team. Unfortunately "
                "we will not be moving forward with your candidacy.\n\nLumen Health"
            ),
        ),
        # a recruiter's approach from a company not in the book
        "outreach_orbit": message(
            sender=named("Priya Nair", "priya.nair@orbitlabs.example"),
            subject="Senior Data Analyst role at Orbit Labs",
            date=when("2026-03-09", 13, 0),
            text=(
                "Hi Jamie,\n\nI came across your profile and was impressed by your analytics "
                "background. I'm a recruiter at Orbit Labs and we are hiring for a Senior Data "
                "Analyst. Would you be open to a quick chat this week?\n\nPriya"
            ),
        ),
        # ambiguous: Quill Publishing has two applications and the mail names no role
        "ambiguous_quill": message(
            sender=named("Quill Publishing", "jobs@quillpublishing.example"),
            subject="Your application to Quill Publishing",
            date=when("2026-03-07", 10, 0),
            text="Hello,\n\nunfortunately we have decided not to proceed with your application.",
        ),
        # distractors: alerts, codes, newsletters, your own mail, a dinner invitation
        "alert_linkedin": message(
            sender=named("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
            subject="Data Analyst at Brightwave and 9 more jobs for you",
            date=when("2026-03-05", 6, 0),
            html="<p>Jobs you may be interested in</p><p>Interview tips inside</p>",
            headers={"List-Unsubscribe": "<https://linkedin.example/unsub>"},
        ),
        "code_workday": message(
            sender="elsevier@myworkday.com",
            subject="Verify your email address",
            date=when("2026-02-21", 9, 0),
            text="Your verification code is 482913. Please verify your email to activate your account.",
        ),
        "newsletter": message(
            sender=named("The Muse", "newsletter@themuse.example"),
            subject="5 tips to ace your next interview",
            date=when("2026-03-08", 7, 0),
            text="This week: how to answer 'tell me about yourself'. Unsubscribe any time.",
            headers={"List-Unsubscribe": "<mailto:unsub@themuse.example>"},
        ),
        "sent_by_me": message(
            sender=named("Jamie Rivera", ME),
            subject="Re: Interview invitation: BI Developer",
            date=when("2026-03-05", 12, 0),
            text="Thank you, Wednesday at 4 PM works for me. I look forward to speaking with you.",
        ),
        "dinner": message(
            sender="Google Calendar <calendar-notification@google.com>",
            subject="Invitation: Dinner at Lisa's @ Sat Mar 14, 2026 7pm",
            date=when("2026-03-08", 18, 0),
            text="Lisa invited you.",
            calendar=ics(
                uid="dinner@google.com",
                start=dt.datetime(2026, 3, 14, 19, 0),
                summary="Dinner at Lisa's",
                organizer=("Lisa", "lisa@gmail.com"),
            ),
        ),
    }


# what each message is (kind) and which application it is about
EXPECTED = {
    "confirm_acme": ("confirmation", "matched", "A001"),
    "reject_relx": ("rejection", "matched", "A002"),
    "invite_lumen": ("interview", "matched", "A003"),
    "reschedule_lumen": ("interview", "matched", "A003"),
    "invite_northwind": ("interview", "matched", "A004"),
    "reject_mueller": ("rejection", "matched", "A007"),
    "assessment_brightwave": ("assessment", "matched", "A008"),
    "offer_acme": ("offer", "matched", "A001"),
    "reject_lumen": ("rejection", "matched", "A003"),
    "outreach_orbit": ("outreach", "new", None),
    "ambiguous_quill": ("rejection", "ambiguous", None),
    "alert_linkedin": ("other", None, None),
    "code_workday": ("other", None, None),
    "newsletter": ("other", None, None),
    "sent_by_me": ("other", None, None),
    "dinner": ("other", None, None),
}


def example_mail(folder: Path) -> None:
    """What the README's and --help's mail examples name: a Takeout .zip in Downloads, an
    Inbox.mbox and a folder mail/ of .eml files, holding the message their --pick names."""
    msgs = list(mailbox().values())
    picked = [
        message(
            sender="jobs@example.com",
            subject="Your application",
            date=when("2026-03-02"),
            text="Unfortunately we will not be moving forward.",
            message_id=mid,
        )  # fmt: skip
        for mid in ("<CAF12@mail.example>", "<CAF12ab@mail.example>")
    ]
    (folder / "Downloads").mkdir(exist_ok=True)
    write_zip(folder / "Downloads" / "takeout-20260310.zip", {"Mail/All.mbox": mbox(msgs)})
    (folder / "Inbox.mbox").write_bytes(mbox([*msgs, *picked]))
    write_folder(folder / "mail", [*msgs[:3], *picked])

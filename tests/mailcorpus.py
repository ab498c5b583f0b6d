"""A labelled set of job-search mail for measuring the classifier (issue 24): the development part
(``development()``), against which the phrase tables were tuned. The held-out part, written after
the tables were settled and never tuned against, is in ``mailheldout.py``.

Each message is built with the stdlib email package in the styles of real job-search mail: the
tracking systems' senders (the employer hidden in the display name, subject, tenant or body),
HTML-only bodies, quoted-printable and base64 in UTF-8 and latin-1, German mail, calendar
invitations with cancellations and reschedules, and distractors (alerts, codes, newsletters,
account mail, receipts, social networks) outnumbering the real ones.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from mailmaker import ics, message, named, when

COMPANIES = [
    "Acme Analytics", "Lumen Health", "Northwind Traders", "Quill Publishing", "Brightwave",
    "Cobalt Mining Software", "Fernhill Labs", "Harbor Freight Systems", "Vireo Bank",
    "Kestrel Robotics", "Sola Energy", "Tidewater Insurance", "Juniper Logistics", "Mosaic Media",
]  # fmt: skip
GERMAN = [
    "Müller Logistik GmbH",
    "Bergmann Versicherung AG",
    "Rheinwerk Software GmbH",
    "Elbtal Energie",
]
ROLES = ["Data Analyst", "Data Engineer", "Analytics Engineer", "BI Developer", "Data Scientist"]


@dataclass(frozen=True)
class Labelled:
    raw: bytes
    kind: str
    company: str | None  # the employer the message is about (None: none, or other)
    style: str


def _slug(company: str) -> str:
    return company.lower().split()[0].replace("ü", "ue").replace("ö", "oe")


def _ats(company: str, k: int) -> tuple[str, str]:
    """(sender, how the employer is named) of a tracking system, in turn."""
    slug = _slug(company)
    options = [
        (named(f"{company} Recruiting", "no-reply@us.greenhouse-mail.io"), "greenhouse"),
        (named(company, "no-reply@hire.lever.co"), "lever"),
        (f"{slug}@myworkday.com", "workday"),
        (named(f"{company} Hiring Team", "no-reply@ashbyhq.com"), "ashby"),
        (named(f"{company} via SmartRecruiters", "noreply@smartrecruiters.com"), "smartrecruiters"),
        (named(company, f"{slug}-careers@talent.icims.com"), "icims"),
        (named(company, "noreply@candidates.workablemail.com"), "workable"),
        (named(f"{company} Talent", "no-reply@ats.rippling.com"), "rippling"),
        (named(f"Careers at {company}", f"careers@{slug}.example"), "own domain"),
    ]
    return options[k % len(options)]


CONFIRM_EN = [
    ("Thank you for applying to {c}", "Hi {n},\n\nThank you for applying to the {r} role at {c}. We have received your application and our recruiting team will review it shortly.\n\nIf we do not move forward with your application, we will keep your resume on file for future openings.\n\nBest regards,\n{c} Recruiting"),
    ("Your application to {c}", "Dear {n},\n\nThanks for your interest in {c}! This email confirms that your application for {r} was successfully submitted.\n\nWhat happens next? Our team reviews every application. Should your background match our needs, we'll be in touch."),
    ("{c} - Application Received", "Hello {n},\n\nWe've received your application for the position of {r}. We're currently reviewing applications and will reach out if your qualifications match.\n\nThank you,\nTalent Acquisition"),
    ("We received your application", "<p>Hi {n},</p><p>Thanks for applying to <b>{c}</b>. Your application for <i>{r}</i> has been received.</p><p>Unfortunately, due to the volume of applications, we cannot respond to every candidate individually.</p>"),
    ("Application confirmation: {r}", "Dear candidate,\n\nThis is to confirm that we received your application for {r}. You can check your application status at any time in the candidate portal.\n\n{c}"),
]  # fmt: skip
CONFIRM_DE = [
    ("Eingangsbestätigung Ihrer Bewerbung", "Sehr geehrte Frau Rivera,\n\nvielen Dank für Ihre Bewerbung als {r}. Hiermit bestätigen wir den Eingang Ihrer Unterlagen.\n\nWir prüfen Ihre Bewerbung sorgfältig und melden uns in Kürze.\n\nMit freundlichen Grüßen\n{c}"),
    ("Ihre Bewerbung bei {c}", "Hallo {n},\n\nherzlichen Dank für Ihre Bewerbung! Ihre Bewerbung ist bei uns eingegangen. Sollten wir Sie nicht berücksichtigen können, erhalten Sie selbstverständlich eine Nachricht.\n\nIhr Recruiting-Team"),
]  # fmt: skip
REJECT_EN = [
    ("Update on your application", "Dear {n},\n\nThank you for your interest in the {r} position at {c}. After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.\n\nWe wish you the best in your job search."),
    ("Your application to {c}", "Hi {n},\n\nThanks so much for applying. Unfortunately we will not be moving forward with your application at this time. We'll keep your details on file.\n\nAll the best,\n{c}"),
    ("{c}: {r}", "Hello {n},\n\nWe regret to inform you that the position has been filled. We appreciate the time you invested in our process."),
    ("Regarding your application", "<div>Dear {n},</div><div><br></div><div>Thank you for applying to {c}. We received many strong applications and unfortunately you were not selected for the next stage.</div>"),
    ("Thank you from {c}", "Hi {n},\n\nThank you for taking the time to interview with us. We have decided not to proceed with your candidacy. We were impressed by your background and wish you success."),
]  # fmt: skip
REJECT_DE = [
    ("Ihre Bewerbung als {r}", "Sehr geehrte Frau Rivera,\n\nvielen Dank für Ihr Interesse. Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.\n\nFür Ihren weiteren beruflichen Weg wünschen wir Ihnen viel Erfolg.\n\n{c}"),
    ("Absage: {r}", "Hallo {n},\n\nnach sorgfältiger Prüfung können wir Ihre Bewerbung leider nicht weiter berücksichtigen.\n\nViele Grüße\n{c}"),
]  # fmt: skip
INVITE_EN = [
    ("Interview invitation - {c}", "Hi {n},\n\nWe were impressed by your application for {r} and would like to invite you to a video interview on {when}. You'll meet with Dana Ruiz, our hiring manager.\n\nPlease confirm that this time works.\n\n{c} Recruiting"),
    ("Next steps with {c}", "Hello {n},\n\nThanks for applying! We'd love to speak with you about the {r} role. Please use the link below to select a time for a 30-minute phone screen.\n\nhttps://calendly.com/{s}-recruiting/30min"),
    ("Your interview with {c} is confirmed", "Hi {n},\n\nYour technical interview is scheduled for {when}.\nJoin Zoom Meeting: https://zoom.us/j/93812345678\n\nGood luck!"),
]  # fmt: skip
INVITE_DE = [
    ("Einladung zum Vorstellungsgespräch", "Sehr geehrte Frau Rivera,\n\nwir freuen uns, Sie zu einem Vorstellungsgespräch am {when_de} in unserem Büro in Hamburg einzuladen.\n\nMit freundlichen Grüßen\n{c}"),
]  # fmt: skip
ASSESS = [
    ("{c} has invited you to take a test", "Hi {n},\n\n{c} has invited you to complete an online assessment for the {r} role. Please complete the test within 7 days.\n\nHackerRank"),
    ("Next step: take-home assignment", "Hello {n},\n\nAs the next step we'd like you to complete a take-home assignment. Please send it back by Friday, March 20.\n\n{c}"),
    ("Online-Test für Ihre Bewerbung", "Hallo {n},\n\nals nächsten Schritt bitten wir Sie, unseren Online-Test zu bearbeiten. Bitte bearbeiten Sie die Aufgabe bis zum 20.03.2026.\n\n{c}"),
]  # fmt: skip
OFFER = [
    ("Offer of employment - {r}", "Dear {n},\n\nWe are delighted to offer you the position of {r} at {c} with a base salary of $112,000. Please find the offer letter attached and let us know by March 27, 2026.\n\nCongratulations!"),
    ("Your offer from {c}", "Hi {n},\n\nI'm thrilled to extend an offer for the {r} role! Details are in the attached offer letter."),
    ("Vertragsangebot", "Liebe Frau Rivera,\n\nwir freuen uns, Ihnen ein Vertragsangebot für die Position als {r} zu unterbreiten. Das Jahresgehalt beträgt 68.000 € brutto.\n\n{c}"),
]  # fmt: skip
OUTREACH = [
    ("Opportunity at {c}", "Hi {n},\n\nI came across your profile on LinkedIn and was impressed by your background in analytics. I'm a recruiter at {c} and we're hiring for a {r}. Would you be open to a quick chat next week?\n\nBest,\nPriya"),
    ("{r} role - interested?", "Hello {n},\n\nI'm reaching out about an exciting opportunity at {c}. Are you open to new opportunities at the moment?\n\nThanks,\nMarco"),
    ("Spannende Position als {r}", "Hallo {n},\n\nich bin auf Ihr Profil aufmerksam geworden und habe eine spannende Position bei {c}. Wären Sie offen für eine neue Herausforderung?\n\nBeste Grüße\nJulia"),
]  # fmt: skip
OTHER = [
    ("jobalerts-noreply@linkedin.com", "LinkedIn", "{r} at {c} and 14 more jobs for you", "<p>Jobs you may be interested in</p><p>{r} - {c}</p><p>Easy Apply</p>"),
    ("alert@indeed.com", "Indeed", "{r} jobs in Berlin", "New jobs matching your search: {r} at {c}. Apply now."),
    ("noreply@glassdoor.com", "Glassdoor", "Interview tips: how to answer salary questions", "Top stories this week. Unsubscribe."),
    ("{s}@myworkday.com", "", "Verify your email address", "Please verify your email address to activate your account. Your verification code is 551203."),
    ("no-reply@accounts.google.com", "Google", "Security alert", "A new sign-in on Linux. Your security code is 834112."),
    ("newsletter@themuse.example", "The Muse", "This week in careers: negotiating your offer", "5 ways to ace your next interview. Unsubscribe any time."),
    ("receipts@shop.example", "Shop", "Your order confirmation #4412", "Thank you for your order. Your receipt is attached."),
    ("notifications@github.com", "GitHub", "[repo] New issue opened", "Someone opened an issue in your repository."),
    ("messages-noreply@linkedin.com", "LinkedIn", "You appeared in 12 searches this week", "See who viewed your profile."),
    ("info@stepstone.de", "StepStone", "Neue Jobs für Sie: {r}", "Passende Jobs für Ihre Suche. Jobagent abbestellen."),
    ("noreply@xing.com", "XING", "Ihre Jobempfehlungen", "Jobempfehlungen für Sie: {r} bei {c}."),
    ("{s}@myworkday.com", "", "Your account has been created", "Welcome! Your candidate account has been created. Reset your password any time."),
    ("friend@gmail.com", "Sam", "Dinner on Friday?", "Hey, are you free for dinner on Friday at 7pm? Let me know!"),
    ("billing@cloud.example", "Cloud", "Your invoice for March", "Your invoice is ready. Payment will be taken on March 15."),
]  # fmt: skip


def _when(rng: random.Random) -> tuple[dt.datetime, str, str]:
    day = dt.datetime(
        2026, 3, rng.randint(10, 27), rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 30])
    )
    hour12 = day.hour % 12 or 12
    ampm = "AM" if day.hour < 12 else "PM"
    en = f"{day:%A}, {day:%B} {day.day} at {hour12}:{day:%M} {ampm} CET"
    months = ["", "Januar", "Februar", "März"]
    weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    de = f"{weekdays[day.weekday()]}, {day.day}. {months[day.month]} um {day:%H:%M} Uhr"
    return day, en, de


def development(seed: int = 24) -> list[Labelled]:
    """The development set (about 190 messages)."""
    rng = random.Random(seed)
    out: list[Labelled] = []
    k = 0
    encodings = [
        ("utf-8", None),
        ("utf-8", "base64"),
        ("utf-8", "quoted-printable"),
        ("iso-8859-1", "quoted-printable"),
        ("iso-8859-1", "base64"),
    ]

    def add(kind, company, sender, subject, body, style, **extra):
        nonlocal k
        k += 1
        charset, cte = encodings[k % len(encodings)]
        try:
            (body + subject).encode(charset)
        except UnicodeEncodeError:  # a euro sign is not in latin-1
            charset = "utf-8"
        html = body.lstrip().startswith("<")
        raw = message(
            sender=sender, subject=subject, date=when(f"2026-03-{1 + k % 9:02d}", 8 + k % 9, k % 60),
            text=None if html else body, html=body if html else None, charset=charset, cte=cte,
            message_id=f"<dev{k}@corpus.example>", **extra,
        )  # fmt: skip
        out.append(Labelled(raw, kind, company, style))

    def fill(t: str, c: str, r: str, whens=("", "")) -> str:
        return t.format(c=c, r=r, n="Jamie", s=_slug(c), when=whens[0], when_de=whens[1])

    for group, kind, times, german in (
        (CONFIRM_EN, "confirmation", 5, CONFIRM_DE),
        (REJECT_EN, "rejection", 5, REJECT_DE),
    ):
        for i in range(times):
            for j, (subj, body) in enumerate(group):
                c, r = rng.choice(COMPANIES), rng.choice(ROLES)
                sender, style = _ats(c, i * len(group) + j)
                add(kind, c, sender, fill(subj, c, r), fill(body, c, r), style)
        for i, (subj, body) in enumerate(german * 3):
            c, r = GERMAN[i % len(GERMAN)], "Datenanalyst"
            sender = named(f"Personalabteilung {c}", f"bewerbung@{_slug(c)}.example")
            add(kind, c, sender, fill(subj, c, r), fill(body, c, r), "german")
    for i in range(4):
        for j, (subj, body) in enumerate(INVITE_EN + INVITE_DE):
            c, r = (
                (GERMAN[i], "Datenanalyst")
                if (subj, body) in INVITE_DE
                else (rng.choice(COMPANIES), rng.choice(ROLES))
            )
            _, en, de = _when(rng)
            sender, style = _ats(c, i * 4 + j)
            add("interview", c, sender, fill(subj, c, r), fill(body, c, r, (en, de)), style)
    for i in range(10):  # calendar invitations, cancellations, reschedules
        c = rng.choice(COMPANIES)
        start, _, _ = _when(rng)
        uid = f"cal{i}@google.com"
        method = "CANCEL" if i % 4 == 3 else "REQUEST"
        seq = 1 if i % 4 == 2 else 0
        title = {
            "REQUEST": "Invitation" if seq == 0 else "Updated invitation",
            "CANCEL": "Canceled event",
        }[method]
        summary = f"{rng.choice(['Phone screen', 'Technical interview', 'Interview', 'Final round'])} with {c}"
        cal = ics(uid=uid, start=start, method=method, sequence=seq, summary=summary,
                  organizer=("Recruiter", f"recruiter@{_slug(c)}.example"),
                  location="https://meet.google.com/xyz-abcd-efg")  # fmt: skip
        add("interview", c, "Google Calendar <calendar-notification@google.com>",
            f"{title}: {summary} @ {start:%a %b %d, %Y %I:%M%p} (CET)", f"{summary}\n\nJoin with Google Meet", "calendar", calendar=cal)  # fmt: skip
    for i in range(4):
        for j, (subj, body) in enumerate(ASSESS):
            c, r = rng.choice(COMPANIES), rng.choice(ROLES)
            sender = (
                named("HackerRank", "support@hackerrankmail.com") if j == 0 else _ats(c, i + j)[0]
            )
            add("assessment", c, sender, fill(subj, c, r), fill(body, c, r), "assessment")
    for _ in range(3):
        for j, (subj, body) in enumerate(OFFER):
            c, r = rng.choice(COMPANIES), rng.choice(ROLES)
            sender = (
                named(f"{c} Hiring Team", "no-reply@ashbyhq.com")
                if j
                else named("Dana Ruiz", f"dana@{_slug(c)}.example")
            )
            add("offer", c, sender, fill(subj, c, r), fill(body, c, r), "offer")
    for _ in range(4):
        for subj, body in OUTREACH:
            c, r = rng.choice(COMPANIES + GERMAN), rng.choice(ROLES)
            person = rng.choice(["Priya Nair", "Marco Rossi", "Julia Weber", "Tom Baker"])
            add(
                "outreach",
                c,
                named(person, f"{person.split()[0].lower()}@{_slug(c)}.example"),
                fill(subj, c, r),
                fill(body, c, r),
                "outreach",
            )
    for i in range(6):
        for addr, name, subj, body in OTHER:
            c, r = rng.choice(COMPANIES), rng.choice(ROLES)
            sender = named(name, fill(addr, c, r)) if name else fill(addr, c, r)
            extra = {"headers": {"List-Unsubscribe": "<https://x.example/u>"}} if i % 2 else {}
            add("other", None, sender, fill(subj, c, r), fill(body, c, r), "distractor", **extra)
    return out

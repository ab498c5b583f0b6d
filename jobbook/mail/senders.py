"""Who sends job-search mail, as data: applicant-tracking systems (whose sender hides the employer),
job boards, assessment platforms, schedulers, personal mail services and video-call hosts. A new
system is a row here, not code.

``ATS`` rows: (system, pattern of the sender's address, where the employer is named, in order).
The pattern may capture the employer as ``(?P<tenant>...)``: Workday sends as
``relx@myworkday.com``. Places: ``tenant``, ``display`` (the sender's display name, without
``DISPLAY_NOISE``), ``subject``, ``body``.
"""

from __future__ import annotations

_ORDER = ("display", "subject", "tenant", "body")

ATS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Greenhouse", r"@(?:[\w-]+\.)*greenhouse(?:-mail)?\.io$", _ORDER),
    ("Lever", r"@(?:[\w-]+\.)*lever\.co$", _ORDER),
    ("Workday", r"^(?P<tenant>[\w.-]+)@(?:[\w-]+\.)*myworkday(?:site)?\.com$", ("tenant", "display", "subject", "body")),
    ("Ashby", r"@(?:[\w-]+\.)*ashbyhq\.com$", _ORDER),
    ("SmartRecruiters", r"@(?:[\w-]+\.)*smartrecruiters(?:mail)?\.com$", _ORDER),
    ("iCIMS", r"@(?:(?P<tenant>[\w-]+)\.)?(?:[\w-]+\.)*icims\.com$", _ORDER),
    ("Workable", r"@(?:[\w-]+\.)*workable(?:mail)?\.com$", _ORDER),
    ("Rippling", r"@(?:[\w-]+\.)*rippling(?:-mail)?\.com$", _ORDER),
    ("Jobvite", r"@(?:[\w-]+\.)*jobvite\.com$", _ORDER),
    ("Taleo", r"^(?P<tenant>[\w.-]+)@(?:[\w-]+\.)*taleo\.net$", _ORDER),
    ("Oracle Recruiting", r"@(?:[\w-]+\.)*oraclecloud\.com$", _ORDER),
    ("SuccessFactors", r"@(?:[\w-]+\.)*successfactors\.(?:com|eu)$", _ORDER),
    ("BambooHR", r"@(?:[\w-]+\.)*bamboohr\.com$", _ORDER),
    ("Teamtailor", r"@(?:[\w-]+\.)*teamtailor(?:-mail)?\.com$", _ORDER),
    ("Personio", r"@(?:[\w-]+\.)*personio\.(?:de|com)$", _ORDER),
    ("Recruitee", r"@(?:[\w-]+\.)*recruitee\.com$", _ORDER),
    ("JazzHR", r"@(?:[\w-]+\.)*(?:jazzhr|applytojob)\.com$", _ORDER),
    ("softgarden", r"@(?:[\w-]+\.)*softgarden\.(?:io|de)$", _ORDER),
    ("JOIN", r"@(?:[\w-]+\.)*join\.com$", _ORDER),
    ("Breezy HR", r"@(?:[\w-]+\.)*breezy(?:hr|-mail)?\.com$", _ORDER),
    ("Pinpoint", r"@(?:[\w-]+\.)*pinpointhq\.com$", _ORDER),
    ("Comeet", r"@(?:[\w-]+\.)*comeet\.(?:co|com)$", _ORDER),
    ("Gem", r"@(?:[\w-]+\.)*gem\.com$", _ORDER),
    ("Dover", r"@(?:[\w-]+\.)*dover\.(?:com|io)$", _ORDER),
    ("d.vinci", r"@(?:[\w-]+\.)*dvinci(?:-hr)?\.(?:de|com)$", _ORDER),
    ("Avature", r"@(?:[\w-]+\.)*avature\.net$", _ORDER),
    ("Phenom", r"@(?:[\w-]+\.)*phenompeople\.com$", _ORDER),
    ("Eightfold", r"@(?:[\w-]+\.)*eightfold\.ai$", _ORDER),
    ("Paradox", r"@(?:[\w-]+\.)*paradox\.ai$", _ORDER),
)  # fmt: skip

# Job boards: their mail names employers but is not from one; most of it is alerts. (name, pattern,
# the Source an application found there gets)
BOARDS: tuple[tuple[str, str, str], ...] = (
    ("LinkedIn", r"@(?:[\w-]+\.)*linkedin\.com$", "LinkedIn"),
    ("Indeed", r"@(?:[\w-]+\.)*indeed(?:mail)?\.com$", "Job board"),
    ("Glassdoor", r"@(?:[\w-]+\.)*glassdoor\.com$", "Job board"),
    ("StepStone", r"@(?:[\w-]+\.)*stepstone\.(?:de|com|at|be|nl)$", "Job board"),
    ("XING", r"@(?:[\w-]+\.)*xing\.com$", "Job board"),
    ("ZipRecruiter", r"@(?:[\w-]+\.)*ziprecruiter\.com$", "Job board"),
    ("Monster", r"@(?:[\w-]+\.)*monster\.(?:com|de)$", "Job board"),
    ("Dice", r"@(?:[\w-]+\.)*dice\.com$", "Job board"),
    ("Wellfound", r"@(?:[\w-]+\.)*(?:wellfound|angel)\.(?:com|co)$", "Job board"),
    ("Otta", r"@(?:[\w-]+\.)*otta\.com$", "Job board"),
    ("Welcome to the Jungle", r"@(?:[\w-]+\.)*welcometothejungle\.com$", "Job board"),
    ("Handshake", r"@(?:[\w-]+\.)*joinhandshake\.com$", "Career fair"),
    ("Hired", r"@(?:[\w-]+\.)*hired\.com$", "Job board"),
    ("Arbeitsagentur", r"@(?:[\w-]+\.)*arbeitsagentur\.de$", "Job board"),
)  # fmt: skip

# Assessment platforms: mail from them is an assessment (the employer is in the subject or body).
ASSESSMENT_SENDERS: tuple[tuple[str, str], ...] = (
    ("HackerRank", r"@(?:[\w-]+\.)*hackerrank(?:mail)?\.com$"),
    ("Codility", r"@(?:[\w-]+\.)*codility(?:mail)?\.com$"),
    ("CodeSignal", r"@(?:[\w-]+\.)*codesignal\.com$"),
    ("TestGorilla", r"@(?:[\w-]+\.)*testgorilla\.com$"),
    ("Coderbyte", r"@(?:[\w-]+\.)*coderbyte\.com$"),
    ("HireVue", r"@(?:[\w-]+\.)*hirevue\.com$"),
    ("Pymetrics", r"@(?:[\w-]+\.)*pymetrics\.com$"),
    ("SHL", r"@(?:[\w-]+\.)*shl\.com$"),
    ("Criteria", r"@(?:[\w-]+\.)*criteriacorp\.com$"),
    ("Karat", r"@(?:[\w-]+\.)*karat\.(?:io|com)$"),
)  # fmt: skip

# Calendars and schedulers: an invitation they send is about the organiser's meeting.
SCHEDULERS: tuple[tuple[str, str], ...] = (
    ("Google Calendar", r"^calendar-notification@google\.com$"),
    ("Calendly", r"@(?:[\w-]+\.)*calendly\.com$"),
    ("GoodTime", r"@(?:[\w-]+\.)*goodtime\.io$"),
    ("Prelude", r"@(?:[\w-]+\.)*prelude\.co$"),
    ("ModernLoop", r"@(?:[\w-]+\.)*modernloop\.io$"),
    ("Outlook", r"@(?:[\w-]+\.)*(?:outlook|office365|microsoft)\.com$"),
    ("Zoom", r"@(?:[\w-]+\.)*zoom\.us$"),
)  # fmt: skip

# Mail services of people: their domain names no employer.
PERSONAL_DOMAINS: tuple[str, ...] = (
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "yahoo.de", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com",
    "aol.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de",
    "proton.me", "protonmail.com", "pm.me", "posteo.de", "mailbox.org", "fastmail.com",
    "zoho.com", "yandex.com", "mail.com", "hey.com", "tutanota.com", "online.de", "arcor.de",
)  # fmt: skip
# Sub-domains a company's mail comes from that are not its name: mail.acme.com is acme.
MAIL_SUBDOMAINS: tuple[str, ...] = (
    "mail", "email", "e", "em", "news", "info", "careers", "career", "jobs", "talent", "hr",
    "recruiting", "notifications", "notification", "noreply", "no-reply", "reply", "bounce",
    "send", "mg", "mailer", "smtp", "eu", "us", "uk", "de", "hire", "apply", "people", "team",
)  # fmt: skip
# Second-level suffixes under which the name is one label further: acme.co.uk is acme.
PUBLIC_SUFFIXES: tuple[str, ...] = (
    "co.uk", "org.uk", "ac.uk", "com.au", "co.nz", "co.jp", "co.in", "com.br", "com.mx",
    "co.za", "com.sg", "com.tr", "co.il", "com.cn", "com.hk", "co.kr",
)  # fmt: skip

# Video-call links (kept as an interview's Location; never followed)
VIDEO_HOSTS = (
    r"https?://(?:[\w-]+\.)*zoom\.us/\S+",
    r"https?://meet\.google\.com/\S+",
    r"https?://teams\.(?:microsoft|live)\.com/\S+",
    r"https?://(?:[\w-]+\.)*webex\.com/\S+",
    r"https?://(?:[\w-]+\.)*whereby\.com/\S+",
    r"https?://(?:[\w-]+\.)*chime\.aws/\S+",
    r"https?://(?:[\w-]+\.)*bluejeans\.com/\S+",
    r"https?://(?:[\w-]+\.)*gotomeet(?:ing)?\.(?:me|com)/\S+",
    r"https?://(?:[\w-]+\.)*jit\.si/\S+",
)  # fmt: skip

# Local parts that are machines, not people (an outreach comes from a person)
MACHINE_LOCAL_PARTS = (
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|alerts?|jobs?-?noreply|mailer|"
    r"bounce|info|news|newsletter|support|hello|team|careers|jobs|recruiting|talent|hr|"
    r"calendar-notification|invitations?|messages?-noreply|updates?|system|automated|auto)"
    r"(?:[-+_.].*)?$"
)

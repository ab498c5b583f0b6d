"""Who sends job-search mail, as data: applicant-tracking systems (whose sender hides the employer),
job boards, assessment platforms, schedulers, personal mail services and video-call hosts. A new
system is a row here, not code.

``ATS`` rows: (system, pattern of the sender's address, where the employer is named, in order).
The pattern may capture the employer as ``(?P<tenant>...)``: Workday sends as
``relx@myworkday.com``. Places: ``tenant``, ``display`` (the sender's display name, without
``DISPLAY_NOISE``), ``subject``, ``reply`` (the domain of a Reply-To address, often the
recruiter's own), ``body``.
"""

from __future__ import annotations

_ORDER = ("display", "subject", "tenant", "reply", "body")

ATS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Greenhouse", r"@(?:[\w-]+\.)*greenhouse(?:-mail)?\.io$", _ORDER),
    ("Lever", r"@(?:[\w-]+\.)*lever\.co$", _ORDER),
    ("Workday", r"^(?P<tenant>[\w.-]+)@(?:[\w-]+\.)*myworkday(?:site)?\.com$", ("tenant", "display", "subject", "reply", "body")),
    ("Ashby", r"@(?:[\w-]+\.)*ashbyhq\.com$", _ORDER),
    ("SmartRecruiters", r"@(?:[\w-]+\.)*smartrecruiters(?:mail)?\.com$", _ORDER),
    ("iCIMS", r"^(?:careers?-|jobs-|recruiting-)?(?P<tenant>[\w.-]+?)(?:-careers?|-jobs|-recruiting)?@(?:[\w-]+\.)*icims\.com$", _ORDER),
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
    ("ADP", r"@(?:[\w-]+\.)*adp\.com$", _ORDER),
    ("UKG", r"@(?:[\w-]+\.)*(?:ultipro|ukg)\.com$", _ORDER),
    ("Paylocity", r"@(?:[\w-]+\.)*paylocity\.com$", _ORDER),
    ("Paycom", r"@(?:[\w-]+\.)*paycom(?:online)?\.(?:com|net)$", _ORDER),
    ("Cornerstone", r"@(?:[\w-]+\.)*csod\.com$", _ORDER),
    ("Zoho Recruit", r"@(?:[\w-]+\.)*zohorecruit(?:mail)?\.(?:com|eu|in)$", _ORDER),
    ("Freshteam", r"@(?:[\w-]+\.)*freshteam\.com$", _ORDER),
    ("HiBob", r"@(?:[\w-]+\.)*hibob\.(?:com|io)$", _ORDER),
    ("Factorial", r"@(?:[\w-]+\.)*factorialhr\.com$", _ORDER),
    ("Homerun", r"@(?:[\w-]+\.)*homerun\.(?:co|team)$", _ORDER),
    ("Manatal", r"@(?:[\w-]+\.)*manatal\.com$", _ORDER),
    ("Hireology", r"@(?:[\w-]+\.)*hireology\.com$", _ORDER),
    ("ApplicantPro", r"@(?:[\w-]+\.)*applicantpro\.com$", _ORDER),
    ("ClearCompany", r"@(?:[\w-]+\.)*clearcompany\.com$", _ORDER),
    ("Jobylon", r"@(?:[\w-]+\.)*jobylon\.com$", _ORDER),
    ("TalentLyft", r"@(?:[\w-]+\.)*talentlyft\.com$", _ORDER),
    ("Kenjo", r"@(?:[\w-]+\.)*kenjo\.io$", _ORDER),
    ("JobScore", r"@(?:[\w-]+\.)*jobscore\.com$", _ORDER),
    ("HireHive", r"@(?:[\w-]+\.)*hirehive\.(?:com|io)$", _ORDER),
    ("Trakstar Hire", r"@(?:[\w-]+\.)*(?:recruiterbox|trakstar)\.com$", _ORDER),
    ("Bullhorn", r"@(?:[\w-]+\.)*bullhorn(?:mail)?\.com$", _ORDER),
    ("Fountain", r"@(?:[\w-]+\.)*fountain\.com$", _ORDER),
    ("rexx systems", r"@(?:[\w-]+\.)*rexx-(?:systems|recruitment)\.(?:com|de)$", _ORDER),
    ("Haufe Umantis", r"@(?:[\w-]+\.)*umantis\.com$", _ORDER),
    ("onlyfy", r"@(?:[\w-]+\.)*(?:prescreen|onlyfy)\.(?:io|de|com)$", _ORDER),
    ("concludis", r"@(?:[\w-]+\.)*concludis\.(?:de|com)$", _ORDER),
    ("Coveto", r"@(?:[\w-]+\.)*coveto\.(?:de|com)$", _ORDER),
    ("BITE", r"@(?:[\w-]+\.)*b-ite\.(?:de|com)$", _ORDER),
    ("Eploy", r"@(?:[\w-]+\.)*eploy\.(?:net|co\.uk)$", _ORDER),
    ("Tribepad", r"@(?:[\w-]+\.)*tribepad\.com$", _ORDER),
    ("Oleeo", r"@(?:[\w-]+\.)*oleeo\.com$", _ORDER),
    ("Beamery", r"@(?:[\w-]+\.)*beamery\.com$", _ORDER),
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
    ("Cronofy", r"@(?:[\w-]+\.)*cronofy\.com$"),
    ("YouCanBookMe", r"@(?:[\w-]+\.)*youcanbook\.me$"),
    ("Cal.com", r"@(?:[\w-]+\.)*cal\.com$"),
    ("SavvyCal", r"@(?:[\w-]+\.)*savvycal\.com$"),
)  # fmt: skip

# Booking pages (a link to one in a message asks you to pick an interview time; never followed)
SCHEDULING_LINKS = (
    r"https?://(?:[\w-]+\.)*calendly\.com/\S+",
    r"https?://(?:[\w-]+\.)*goodtime\.io/\S+",
    r"https?://(?:[\w-]+\.)*modernloop\.io/\S+",
    r"https?://(?:[\w-]+\.)*prelude\.co/\S+",
    r"https?://(?:[\w-]+\.)*cal\.com/\S+",
    r"https?://(?:[\w-]+\.)*savvycal\.com/\S+",
    r"https?://(?:[\w-]+\.)*youcanbook\.me\S*",
    r"https?://(?:[\w-]+\.)*doodle\.com/\S+",
    r"https?://(?:[\w-]+\.)*cronofy\.com/\S+",
    r"https?://(?:[\w-]+\.)*zcal\.co/\S+",
    r"https?://(?:[\w-]+\.)*tidycal\.com/\S+",
    r"https?://meetings\.hubspot\.com/\S+",
    r"https?://calendar\.app\.google/\S+",
    r"https?://outlook\.office(?:365)?\.com/(?:owa/calendar|book)\S*",
    r"https?://(?:[\w-]+\.)*(?:greenhouse\.io|ashbyhq\.com|lever\.co|gem\.com)/\S*(?:schedul|availability|self-schedul)\S*",
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

# Subjects of a job board's notice that a person wrote to you (the recruiter is the sender)
RELAYED_MESSAGE = (
    r"(?:sent you a (?:new )?(?:message|inmail)|new (?:message|inmail) from|"
    r"hat (?:ihnen|dir) eine (?:neue )?nachricht|neue nachricht von|inmail)"
)

# Local parts that are machines, not people (an outreach comes from a person)
MACHINE_LOCAL_PARTS = (
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|alerts?|jobs?-?noreply|mailer|"
    r"bounce|info|news|newsletter|support|hello|team|careers|jobs|recruiting|talent|hr|"
    r"calendar-notification|invitations?|messages?-noreply|updates?|system|automated|auto)"
    r"(?:[-+_.].*)?$"
)

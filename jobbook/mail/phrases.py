"""What mail says, as data: phrases per kind and language (README § Your mail), the words that hedge
or deny a phrase, rounds and formats of interviews, and the patterns that name an employer or a
role. A new phrase or a new language is a row (or a module of rows, ``phrases_en``,
``phrases_de``), not code.

A phrase is lower-case words; between two words any spacing or punctuation matches; ``*`` stands
for up to four words; ``(a|b)`` for one of several words and ``(a|b)?`` or ``(a )?`` for an
optional one; a letter followed by ``?`` is optional (``candidates?``). It must match whole
words. Each row: (kind, language, phrase, weight), the weight from 1 (a hint) to 5 (the phrase
alone says the kind).

How a message is scored (``classify``), so that the strongest evidence wins:
- a phrase found in the subject counts its weight plus ``SUBJECT_BONUS``;
- a kind scores its strongest phrase, plus ``SUPPORT`` for each further phrase of weight 2 or
  more, at most ``MAX_SUPPORT`` (one clear rejection sentence outweighs any number of "thank you
  for applying" words);
- a phrase of ``HEDGED_KINDS`` does not count in a sentence a hedge opens ("if we do not move
  forward..."); a phrase of ``NEGATED_KINDS`` does not count right after a negation ("we are not
  able to invite you to an interview");
- who sent it and what it links to count as phrases do (``SENDER_EVIDENCE``);
- the kind with the highest score wins when it reaches ``THRESHOLD``, ties going to the kind first
  in ``PRECEDENCE``; ``other`` (alerts, account mail, newsletters, surveys) wins when it scores
  higher than every kind.
"""

from __future__ import annotations

from .phrases_de import PHRASES as _DE
from .phrases_en import PHRASES as _EN

KINDS = ("confirmation", "rejection", "interview", "assessment", "offer", "outreach", "other")
# a tie goes to the first: a rejection that thanks you for applying is a rejection; an invitation
# to interview that thanks you for applying is an invitation
PRECEDENCE = ("rejection", "offer", "interview", "assessment", "confirmation", "outreach")
THRESHOLD = 3  # the score a kind needs: a clear phrase, or a supporting one in the subject
SUBJECT_BONUS = 1
SUPPORT = 0.5  # each further phrase of a kind (weight 2 or more) adds this much...
MAX_SUPPORT = 1.0  # ...up to this
LANGUAGES = ("en", "de")

PHRASES: tuple[tuple[str, str, str, int], ...] = _EN + _DE

# Evidence that is not words: (what, kind, weight). ``assessment sender``: mail from an assessment
# platform (``senders.ASSESSMENT_SENDERS``); ``recruiting scheduler``: mail from an interview
# scheduler (``senders.SCHEDULERS`` but the personal calendars); ``scheduling link``: a link to a
# booking page (``senders.SCHEDULING_LINKS``); ``video link``: a video-call link
# (``senders.VIDEO_HOSTS``); ``bulk``: a List-Unsubscribe or Precedence: bulk header.
SENDER_EVIDENCE: dict[str, tuple[str, int]] = {
    "assessment sender": ("assessment", 5),
    "recruiting scheduler": ("interview", 4),
    "scheduling link": ("interview", 3),
    "video link": ("interview", 2),
    "bulk": ("other", 2),
}
# Calendars anyone uses (a dinner invitation comes from them too): not evidence of an interview.
PERSONAL_CALENDARS = ("Google Calendar", "Outlook", "Zoom", "Calendly")

# A phrase of these kinds does not count in a sentence where one of these words comes before it:
# "if we do not move forward, we will keep your CV on file" is said in a confirmation.
HEDGED_KINDS = ("rejection", "offer", "interview", "assessment")
HEDGES: dict[str, tuple[str, ...]] = {
    "en": (
        "if", "should", "in case", "in the event", "unless", "whether", "even if", "once",
        "whatever the outcome", "either way", "regardless", "in either case", "candidates who",
        "applicants who", "those who", "anyone who", "everyone who", "people who",
        "candidates that", "applicants that", "for candidates", "for applicants", "otherwise",
    ),
    "de": (
        "falls", "sollte", "sollten", "wenn", "sofern", "im falle", "ob", "unabhängig",
        "so oder so", "bewerber die", "bewerberinnen die", "kandidaten die", "andernfalls",
    ),
}  # fmt: skip
# A phrase of these kinds does not count when one of these words is at most ``NEGATION_REACH``
# characters before it in its sentence ("we will not invite you to an interview", "keine positive
# Rückmeldung"); ``NEGATION_EXCEPTIONS`` are said for politeness, not to deny.
NEGATED_KINDS = ("interview", "offer", "assessment", "confirmation")
NEGATION_REACH = 30
NEGATIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "not", "never", "unable", "cannot", "can't", "won't", "couldn't", "wouldn't", "isn't",
        "wasn't", "aren't", "weren't", "no longer", "neither", "nor",
    ),
    "de": (
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "niemals", "weder",
    ),
}  # fmt: skip
NEGATION_EXCEPTIONS = (
    "do not hesitate", "don't hesitate", "not hesitate", "zögern sie nicht", "zögere nicht",
    "not only", "nicht nur", "if not already", "nicht zögern",
)  # fmt: skip

# Words that tell the language of a message (dates are read in it): each is a whole word.
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the", "and", "you", "your", "we", "with", "for", "thank", "our", "to", "of", "is"),
    "de": ("der", "die", "und", "sie", "ihre", "wir", "mit", "für", "ihnen", "uns", "zu", "ist"),
}

# Interview rounds: (phrase, the Round written, the Stage it reaches), first match wins.
ROUNDS: tuple[tuple[str, str, str], ...] = (
    ("final (round|interview|stage|conversation)", "Final round", "Final"),
    ("(last|final) (step|round)", "Final round", "Final"),
    ("(abschlussgespräch|finales gespräch|letzte runde|finale runde)", "Abschlussgespräch", "Final"),
    ("(virtual )?(onsite|on-site|on site) (interview|round|loop|day)?", "Onsite", "Interview"),
    ("(panel|loop|superday|super day) (interview)?", "Panel interview", "Interview"),
    ("hiring manager (interview|call|chat|conversation|screen)?", "Hiring manager interview", "Interview"),
    ("(technical|coding|tech|system design|pair programming) (interview|screen|round|call)", "Technical interview", "Interview"),
    ("case (interview|study interview)", "Case interview", "Interview"),
    ("(second|2nd) (round|interview|stage)", "Second round", "Interview"),
    ("(third|3rd) (round|interview|stage)", "Third round", "Interview"),
    ("(fachgespräch|fachinterview|fachliches (gespräch|interview)|technisches interview)", "Fachgespräch", "Interview"),
    ("(zweitgespräch|zweites (gespräch|interview))", "Zweitgespräch", "Interview"),
    ("(phone|telephone|recruiter|intro|introductory|initial|screening) (screen|call|interview|chat|conversation)", "Phone screen", "Screen"),
    ("(first|1st) (round|interview|call)", "First round", "Screen"),
    ("(telefoninterview|telefonisches (erst)?gespräch|erstgespräch|kennenlerngespräch)", "Erstgespräch", "Screen"),
    ("(vorstellungsgespräch|bewerbungsgespräch|videointerview)", "Vorstellungsgespräch", "Screen"),
)  # fmt: skip
DEFAULT_ROUND = ("Interview", "Screen")

# Interview formats (docs/definitions.md § The workbook: Phone/Video/Onsite), from the words of the message or its
# invitation; a video link decides first.
FORMATS: tuple[tuple[str, str], ...] = (
    ("(video call|video interview|videointerview|videocall|video-call|videogespräch|zoom|google meet|microsoft teams|teams meeting|webex|video conference|videokonferenz)", "Video"),
    ("(onsite|on-site|on site|in person|in-person|at our office|our office at|vor ort|in unserem büro|in unseren räumlichkeiten)", "Onsite"),
    ("(phone|telephone|call you|telefon|telefonisch|anrufen)", "Phone"),
)  # fmt: skip

# Subject and body patterns that name the employer ({company}) and the job ({role}). {company} is a
# run of capitalised words; {role} any words up to punctuation. Case matters for {company} only.
COMPANY_PATTERNS: tuple[str, ...] = (
    r"your application (?:was sent|has been sent) to {company}",
    r"(?:applying|applied|application|apply) (?:to|at|with) {company}",
    r"application (?:for|as) (?:the |an? )?{role} (?:position |role |job )?(?:at|with) {company}",
    r"{role} (?:position |role )?at {company}",
    r"(?:interest|interested) in (?:joining |working (?:at|for|with) )?{company}",
    r"(?:interview|call|chat|conversation|screen|meeting) (?:with|at) {company}",
    r"(?:offer|news) from {company}",
    r"(?:invitation|einladung)(?: to)?:? .{{0,40}}? (?:with|at|bei|mit) {company}",
    r"(?:update|news) (?:on|about|regarding) your (?:application|candidacy) (?:to|at|with|for) {company}",
    r"your {company} application",
    r"(?:next steps?|update|news|a message|thank you|thanks) (?:with|from) {company}",
    r"^{company} (?:has invited you|invites you|would like|is inviting you)",
    r"{company} (?:has )?(?:invited|invites|requested|asked|requests) you",
    r"\bbei der {company}",
    r"(?:opportunity|role|position|opening|vacancy|stelle) (?:at|with|bei) (?:der |die |das )?{company}",
    r"(?:round|screen|interview) (?:with|at) {company}",
    r"^{company} ?[-|–—:] ",
    r" [-|–—] {company}$",
    r"(?:the|das) {company} (?:team|recruiting team|hiring team|talent team)",
    r"(?:bewerbung|interesse) (?:bei|an|für) (?:der |die |das )?{company}",
    r"bewerbung als {role} bei (?:der |die |das )?{company}",
    r"(?:gespräch|vorstellungsgespräch|interview) bei (?:der |die |das )?{company}",
    r"thank you for (?:your )?(?:applying|application) (?:to|at|with) {company}",
    r"(?:team|recruiting|talent acquisition|people team|hr) (?:at|@|bei) {company}",
    r"(?:the|your|das|dein|ihr|euer) {company}[ -](?:recruiting |recruitment |talent acquisition |talent |hiring |people |careers |hr |recruiting-|personal-|karriere-)?(?:team|crew)",
    r"(?m)^(?:the |your )?{company} (?:recruiting|recruitment|talent acquisition|talent|hiring|people|careers|hr|people & culture|people and culture)(?: team)?[ .!]*$",
    r"(?:on behalf of|im auftrag (?:der|von)) {company}",
    r"(?:^|[.!?] )at {company}, we",
    r"{company} (?:has|have) (?:received|reviewed|decided|carefully)",
)  # fmt: skip
ROLE_PATTERNS: tuple[str, ...] = (
    r"application (?:for|as) (?:the |an? )?(?:position of |role of )?{role}(?: position| role| job)?(?: at| with| -|,|$)",
    r"applying (?:for|to) (?:the |an? )?{role} (?:position|role|job|opening)",
    r"for the {role} (?:position|role|job|opening)",
    r"(?:^|: |- ){role} (?:position |role )?(?:at|@) ",
    r"bewerbung als {role}(?: bei| \(|$|,)",
    r"(?:stelle|position) als {role}(?: bei| \(|$|,)",
    r"interview(?: invitation)? for (?:the )?{role}(?: position| role)?(?: at| with|$)",
)  # fmt: skip

# A name ending in one of these words is a job, not an employer ("Offer - Analytics Engineer")
ROLE_WORDS: tuple[str, ...] = (
    "engineer", "analyst", "developer", "scientist", "manager", "designer", "consultant",
    "specialist", "intern", "internship", "lead", "director", "architect", "administrator",
    "associate", "coordinator", "officer", "assistant", "representative", "executive",
    "entwickler", "entwicklerin", "berater", "beraterin", "referent", "referentin",
    "werkstudent", "werkstudentin", "praktikant", "praktikantin", "ingenieur", "ingenieurin",
    "datenanalyst", "sachbearbeiter", "leiter", "leiterin",
)  # fmt: skip

# Words around an employer's name in a sender's display name: "Acme Recruiting", "Talent at Acme",
# "Acme via SmartRecruiters" -> "Acme".
DISPLAY_NOISE: tuple[str, ...] = (
    "via smartrecruiters", "via workable", "via greenhouse", "via lever", "via ashby", "via",
    "recruiting team", "recruitment team", "hiring team", "talent acquisition team",
    "talent acquisition", "talent team", "people team", "careers team", "recruiting",
    "recruitment", "talent", "careers", "career", "jobs", "hiring", "hr team", "hr",
    "human resources", "people", "team", "no-reply", "noreply", "no reply", "do not reply",
    "donotreply", "mailer", "system",
    "notifications", "karriere", "recruiting-team", "personalabteilung", "bewerbermanagement",
    "personal", "das team", "team der", "on behalf of",
)  # fmt: skip
# A display name that ends or starts with one of these words names the employer, not a person.
EMPLOYER_MARKERS: tuple[str, ...] = (
    "recruiting", "recruitment", "hiring", "talent", "careers", "career", "jobs", "hr",
    "people", "team", "karriere", "personalabteilung", "bewerbermanagement", "via",
)  # fmt: skip

# Words of mail, not of an employer: a name made of these only is not one ("Application
# Submitted", "Interview Confirmation", "Remote", "Bestätigung").
NOT_EMPLOYER: tuple[str, ...] = (
    "we", "you", "your", "our", "the", "a", "an", "i", "hi", "hello", "dear", "thank", "thanks",
    "team", "us", "re", "fwd", "fw", "aw", "wg", "ihre", "sie", "uns", "wir", "die", "der", "das",
    "unfortunately", "leider", "next", "this", "that", "it", "position", "role", "job", "jobs",
    "careers", "career", "recruiting", "hiring", "absage", "zusage", "offer", "angebot",
    "vertragsangebot", "confirmation", "confirmed", "reminder", "action", "required", "important",
    "urgent", "hallo", "guten", "tag", "application", "applications", "applied", "apply",
    "applying", "submitted", "received", "receipt", "update", "updates", "status", "interview",
    "interviews", "invitation", "invite", "invited", "einladung", "steps", "step", "news", "new",
    "message", "messages", "regarding", "about", "online", "test", "assessment", "remote",
    "hybrid", "onsite", "on-site", "home", "office", "vor", "ort", "candidate", "candidacy",
    "request", "scheduled", "schedule", "rescheduled", "cancelled", "canceled", "event", "updated",
    "feedback", "bestätigung", "eingangsbestätigung", "bewerbung", "rückmeldung",
    "vorstellungsgespräch", "gespräch", "termin", "stellenangebot", "stelle", "mitteilung",
    "information", "automatic", "reply", "no", "noreply", "donotreply", "notifications",
    "notification", "mailer", "system", "out", "of", "m", "w", "d", "f", "x", "all", "genders",
    "full", "time", "part", "fulltime", "parttime", "vollzeit", "teilzeit", "opportunity",
    "opportunities", "quick", "question", "chat", "call", "intro", "introduction", "follow", "up",
    "follow-up", "today", "tomorrow", "week", "congratulations", "welcome", "to", "at", "with",
    "from", "for", "and",
)  # fmt: skip

# What a proposal writes, in the book's words
NEXT_ACTION_ASSESSMENT = "Complete assessment"
NEXT_ACTION_SCHEDULE = "Schedule the interview"

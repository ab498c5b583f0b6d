"""What mail says, as data: phrases per kind and language (README § Your mail), the words that hedge
a phrase, rounds and formats of interviews, and the patterns that name an employer or a role in a
subject. A new phrase or a new language is a row here, not code.

A phrase is lower-case words; between two words any spacing or punctuation matches; ``*`` stands
for up to four words; ``(a|b)`` for one of several words and ``(a|b)?`` for an optional one. It
must match whole words. Each row: (kind, language, phrase, weight). A phrase found in the subject
counts twice its weight; the kind with the highest score wins when it reaches ``THRESHOLD``, ties
going to the kind first in ``PRECEDENCE``; ``other`` phrases (alerts, account mail, newsletters)
count against every kind.
"""

from __future__ import annotations

KINDS = ("confirmation", "rejection", "interview", "assessment", "offer", "outreach", "other")
# a tie goes to the first: a rejection that thanks you for applying is a rejection; an invitation
# to interview that thanks you for applying is an invitation
PRECEDENCE = ("rejection", "offer", "interview", "assessment", "confirmation", "outreach")
THRESHOLD = 2  # the score a kind needs (a strong phrase in the body, or a weak one in the subject)
SUBJECT_FACTOR = 2
LANGUAGES = ("en", "de")

S, W = 2, 1  # strong and weak phrases

PHRASES: tuple[tuple[str, str, str, int], ...] = (
    # -- confirmation: the application arrived --------------------------------------------------
    ("confirmation", "en", "thank(s| you) for (applying|your application)", S),
    ("confirmation", "en", "thank(s| you) for (your )?(interest in|applying to|applying for)", S),
    ("confirmation", "en", "(we have|we've|we) received your application", S),
    ("confirmation", "en", "your application (has been|was|is) (received|submitted|sent)", S),
    ("confirmation", "en", "application (received|submitted|confirmation|acknowledg(e)?ment)", S),
    ("confirmation", "en", "your application was sent to", S),
    ("confirmation", "en", "successfully (submitted|applied|received)", S),
    ("confirmation", "en", "(we are|we're|we will be) (currently )?reviewing your (application|resume|cv|profile)", S),
    ("confirmation", "en", "(will|we'll) (carefully )?review your (application|resume|cv|qualifications|background)", S),
    ("confirmation", "en", "confirm(ing)? (that )?(we have )?received your (application|resume|cv)", S),
    ("confirmation", "en", "thanks for applying", S),
    ("confirmation", "en", "we('ll| will) be in touch", W),
    ("confirmation", "en", "your application for", W),
    ("confirmation", "en", "application status", W),
    ("confirmation", "de", "(vielen|herzlichen) dank für (ihre|deine) bewerbung", S),
    ("confirmation", "de", "(ihre|deine) bewerbung (ist|wurde) (bei uns )?(erfolgreich )?(eingegangen|übermittelt|versendet|angekommen)", S),
    ("confirmation", "de", "eingangsbestätigung", S),
    ("confirmation", "de", "bestätigen (hiermit )?den eingang", S),
    ("confirmation", "de", "(wir haben|haben wir) (ihre|deine) (bewerbung|unterlagen) (erhalten|bekommen)", S),
    ("confirmation", "de", "(ihre|deine) bewerbung (ist bei uns|ging bei uns)", S),
    ("confirmation", "de", "(prüfen|sichten) (ihre|deine) (bewerbung|unterlagen)", S),
    ("confirmation", "de", "dank für (ihr|dein) interesse an", S),
    ("confirmation", "de", "bewerbung erhalten", S),
    # -- rejection ---------------------------------------------------------------------------------
    ("rejection", "en", "(not|no longer) (be )?(moving|move|going|proceed(ing)?|progress(ing)?) forward with (your|you)", S),
    ("rejection", "en", "(decided|chosen|opted|decision) to (move|proceed|go) forward with (other|another|a different)", S),
    ("rejection", "en", "(decided|chosen) to (pursue|proceed with|progress with) (other|another)", S),
    ("rejection", "en", "(decided|decision) not to (proceed|move forward|progress|continue)", S),
    ("rejection", "en", "(will|won't|will not|cannot|can't|not) (be )?(progress(ing)?|proceed(ing)?|tak(e|ing)) your (application|candidacy) (any )?further", S),
    ("rejection", "en", "(position|role|vacancy|job) has (now )?been filled", S),
    ("rejection", "en", "(regret|sorry) to (inform|let you know|tell you)", S),
    ("rejection", "en", "(unable|not able) to offer you", S),
    ("rejection", "en", "(not|unable to) (be )?(selected|shortlisted|invited)", S),
    ("rejection", "en", "you (have|were) not (been )?(selected|successful|shortlisted)", S),
    ("rejection", "en", "(other|another) candidates? whose (experience|background|skills|qualifications)", S),
    ("rejection", "en", "more closely (match|matches|aligned|align)", W),
    ("rejection", "en", "(not|no longer) (a|the) (right )?(fit|match) for", S),
    ("rejection", "en", "will not be (moving|taking) (forward|your)", S),
    ("rejection", "en", "(we have|we've) (decided|made the decision) (to|not)", W),
    ("rejection", "en", "unfortunately", W),
    ("rejection", "en", "keep your (resume|cv|details|profile) on file", W),
    ("rejection", "en", "(wish|wishing) you (the best|(every|much) success|all the best|luck) (in|with) your (job )?search", S),
    ("rejection", "en", "the role (is|has been) (closed|cancelled|put on hold)", S),
    ("rejection", "de", "leider (müssen|mussten) wir (ihnen|dir) mitteilen", S),
    ("rejection", "de", "(ihnen|dir) (leider )?(keine|eine) (positive )?(rückmeldung|zusage) geben", W),
    ("rejection", "de", "(keine|nicht) (positive|berücksichtigen|berücksichtigt)", W),
    ("rejection", "de", "(nicht|leider nicht) (weiter )?berücksichtigen", S),
    ("rejection", "de", "(für|zu) (einem|einer) anderen (kandidaten|kandidatin|bewerber|bewerberin)", S),
    ("rejection", "de", "(anderen|andere) (kandidaten|bewerbern|bewerber) (entschieden|den vorzug)", S),
    ("rejection", "de", "absage", S),
    ("rejection", "de", "(bewerbung|bewerbungsprozess) nicht (weiter )?(fortsetzen|fortführen|berücksichtigen)", S),
    ("rejection", "de", "(stelle|position) (ist|wurde) (bereits )?(vergeben|besetzt)", S),
    ("rejection", "de", "(wünschen|wünschen ihnen) (ihnen|dir)? (für (ihren|deinen) (weiteren )?(beruflichen )?weg|viel erfolg)", W),
    ("rejection", "de", "leider", W),
    # -- interview --------------------------------------------------------------------------------
    ("interview", "en", "(invite|inviting|invitation) (you )?(to|for) (an|a|the|your)? (interview|phone screen|video call|call|chat|conversation|onsite)", S),
    ("interview", "en", "interview (invitation|invite|confirmation|confirmed|scheduled|request)", S),
    ("interview", "en", "(schedule|scheduling|book|set up|arrange) (a|an|the|your)? (interview|call|phone screen|screen|chat|conversation|time to (talk|chat|speak))", S),
    ("interview", "en", "(would|we'd) (like|love) to (speak|talk|chat|meet) with you", S),
    ("interview", "en", "next (step|round) (is|will be|in (our|the) process)", W),
    ("interview", "en", "(your|the) (interview|call|phone screen|onsite) (is )?(scheduled|confirmed|booked)", S),
    ("interview", "en", "(looking forward|look forward) to (speaking|talking|meeting|chatting) with you", W),
    ("interview", "en", "(phone|video|technical|onsite|on-site|panel|final|hiring manager) (interview|screen|round)", W),
    ("interview", "en", "(select|pick|choose) a time", S),
    ("interview", "en", "your availability", W),
    ("interview", "en", "interview", W),
    ("interview", "de", "(einladung|laden sie|lade sie|möchten sie) (gerne )?(zu|zum|zu einem|ein) (ersten )?(vorstellungsgespräch|gespräch|interview|telefoninterview|kennenlernen|videointerview)", S),
    ("interview", "de", "(vorstellungsgespräch|telefoninterview|videointerview|bewerbungsgespräch|kennenlerngespräch)", S),
    ("interview", "de", "(persönlich|näher) kennenlernen", S),
    ("interview", "de", "(termin|terminvorschlag|terminvorschläge) für (ein|das|unser)", S),
    ("interview", "de", "gespräch (am|mit)", W),
    # -- assessment --------------------------------------------------------------------------------
    ("assessment", "en", "(online|coding|technical|skills?|cognitive|personality) (assessment|test|challenge|exercise)", S),
    ("assessment", "en", "(take-home|take home|takehome) (assignment|exercise|challenge|task|test|project)", S),
    ("assessment", "en", "(complete|completing|finish) (the|an|a|your|our) (assessment|test|challenge|exercise|assignment|questionnaire)", S),
    ("assessment", "en", "(hackerrank|codility|codesignal|testgorilla|coderbyte|hirevue|pymetrics|criteria corp|shl)", S),
    ("assessment", "en", "case study", W),
    ("assessment", "en", "assessment", W),
    ("assessment", "de", "(online-test|online test|onlinetest|online-assessment|online assessment|eignungstest|fallstudie|probeaufgabe|programmieraufgabe|testaufgabe)", S),
    ("assessment", "de", "(aufgabe|test|assessment) (bis zum|innerhalb)", W),
    # -- offer -------------------------------------------------------------------------------------
    ("offer", "en", "(pleased|delighted|happy|excited|thrilled) to (extend|offer|make) (you )?(an|a|the|our)? (formal |verbal |written )?(offer|position)", S),
    ("offer", "en", "(pleased|delighted|happy|excited|thrilled) to offer you", S),
    ("offer", "en", "offer (letter|of employment|details|package)", S),
    ("offer", "en", "(your|an|our) (job )?offer (from|with|at)", S),
    ("offer", "en", "(employment|job) offer", S),
    ("offer", "en", "(we|i) (would like|want) to (offer|extend an offer)", S),
    ("offer", "en", "(sign|countersign|accept) (the|your) offer", W),
    ("offer", "en", "compensation package", W),
    ("offer", "de", "(freuen|freue) (uns|mich),? (ihnen|dir) (ein|das|unser) (vertrags)?angebot", S),
    ("offer", "de", "(vertragsangebot|arbeitsvertrag|jobangebot|stellenangebot für sie)", S),
    ("offer", "de", "(ihnen|dir) die stelle anbieten", S),
    ("offer", "de", "zusage", W),
    # -- outreach: a recruiter's approach ----------------------------------------------------------
    ("outreach", "en", "(came across|found|saw|noticed|impressed by) your (profile|background|resume|cv|experience)", S),
    ("outreach", "en", "(would you be|are you) (open|interested) (to|in) (a|an|exploring|hearing|discussing|new)", S),
    ("outreach", "en", "(open|interested) to (new )?(opportunities|a new role|a conversation|hearing more)", S),
    ("outreach", "en", "(i'm|i am) (a |the )?(recruiter|talent partner|sourcer|headhunter|talent acquisition)", S),
    ("outreach", "en", "(exciting|great|new) (opportunity|role|position) (that|which|i think|at)", W),
    ("outreach", "en", "(reaching|reach) out (to you )?(about|regarding|because)", W),
    ("outreach", "en", "(your|a) (quick )?(call|chat) (this|next) week", W),
    ("outreach", "en", "(i|we) (am|are) (hiring|recruiting) for", S),
    ("outreach", "de", "(bin|sind) (auf|über) (ihr|dein) profil (aufmerksam geworden|gestoßen)", S),
    ("outreach", "de", "(spannende|interessante) (position|stelle|möglichkeit|vakanz)", W),
    ("outreach", "de", "(offen|interesse) für (eine )?(neue|berufliche) (herausforderung|herausforderungen|perspektive)", S),
    ("outreach", "de", "(ich bin|als) (recruiter|recruiterin|personalberater|personalberaterin|headhunter)", S),
    # -- other: alerts, account mail, newsletters, codes (count against every kind) ----------------
    ("other", "en", "job alert", S),
    ("other", "en", "(new |recommended |similar |more )?jobs (for you|you may (like|be interested in)|matching|recommended)", S),
    ("other", "en", "(recommended|suggested|new) (jobs|roles|positions) (for|based|matching)", S),
    ("other", "en", "(verify|confirm|activate) your (email|e-mail|account|address)", S),
    ("other", "en", "(verification|security|one-time|login|sign-in|confirmation) code", S),
    ("other", "en", "(reset|change|set) your password", S),
    ("other", "en", "(your )?account (has been|was) (created|activated|set up)", S),
    ("other", "en", "(welcome to|thanks for (joining|signing up|registering))", W),
    ("other", "en", "(newsletter|webinar|digest|this week in|weekly roundup|top stories)", S),
    ("other", "en", "(who viewed your profile|people you may know|appeared in .* searches|new connection)", S),
    ("other", "en", "(your (order|receipt|invoice|subscription|payment)|order confirmation)", S),
    ("other", "en", "(apply now|easy apply|be an early applicant|actively recruiting|promoted)", W),
    ("other", "en", "(tips|advice|ways|mistakes|secrets) (for|to|on) (ace|acing|nail|your)", S),
    ("other", "en", "(complete|finish|update) your (profile|application draft)", W),
    ("other", "en", "(unsubscribe|manage (your )?(notifications|preferences|alerts))", W),
    ("other", "de", "(jobempfehlungen|jobvorschläge|passende jobs|neue jobs|jobs für sie|job-alarm|jobagent)", S),
    ("other", "de", "(bestätigen|verifizieren) sie (ihre|ihr|deine) (e-mail|e-mail-adresse|konto|registrierung)", S),
    ("other", "de", "(passwort|kennwort) (zurücksetzen|ändern|vergessen)", S),
    ("other", "de", "(ihr|dein) (konto|profil|benutzerkonto) (wurde|ist) (erstellt|angelegt|aktiviert)", S),
    ("other", "de", "(newsletter|bestätigungscode|sicherheitscode|ihre bestellung|rechnung)", S),
    ("other", "de", "(abmelden|abbestellen)", W),
)  # fmt: skip

# A phrase of these kinds does not count in a sentence where one of these words comes before it:
# "if we do not move forward, we will keep your CV on file" is said in a confirmation.
HEDGED_KINDS = ("rejection", "offer", "interview")
HEDGES: dict[str, tuple[str, ...]] = {
    "en": (
        "if", "should", "in case", "in the event", "unless", "whether", "even if", "once",
        "whatever the outcome", "either way", "regardless", "in either case",
    ),
    "de": (
        "falls", "sollte", "sollten", "wenn", "sofern", "im falle", "ob", "unabhängig",
        "so oder so",
    ),
}  # fmt: skip

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
    "human resources", "people", "team", "no-reply", "noreply", "do not reply",
    "notifications", "karriere", "recruiting-team", "personalabteilung", "bewerbermanagement",
    "personal", "das team", "team der", "on behalf of",
)  # fmt: skip
# A display name that ends or starts with one of these words names the employer, not a person.
EMPLOYER_MARKERS: tuple[str, ...] = (
    "recruiting", "recruitment", "hiring", "talent", "careers", "career", "jobs", "hr",
    "people", "team", "karriere", "personalabteilung", "bewerbermanagement", "via",
)  # fmt: skip

# What a proposal writes, in the book's words
NEXT_ACTION_ASSESSMENT = "Complete assessment"
NEXT_ACTION_SCHEDULE = "Schedule the interview"

"""The second held-out part of the labelled mail set (issue 24 follow-up): written after the
broadened phrase tables were committed (f7d8a8b), in wordings of its own, and never tuned
against: the tables were not changed after its score was seen. ``benchmarks/bench_mail.py``
reports it beside the development parts; its mistakes are what the tables still miss."""

from __future__ import annotations

import datetime as dt

from mailcorpus import Labelled
from mailmaker import ics, labelled_message, message, named, when

# (kind, company, sender, subject, body); a body starting with "<" is sent as HTML only
REAL = [
    # -- confirmations ---------------------------------------------------------------------------
    ("confirmation", "Bluefin Insurance", named("Bluefin Insurance Careers", "bluefin@myworkday.com"), "We've received your application for Claims Data Analyst", "Hello Jamie,\n\nThanks for taking the time to apply for Claims Data Analyst at Bluefin Insurance. Our team will look at your application and be in touch if your experience matches what we need.\n\nKind regards,\nBluefin Insurance Talent Acquisition"),
    ("confirmation", "Corvid Security", named("Corvid Security", "no-reply@hire.lever.co"), "Corvid Security application received", "Jamie - thank you! Your application for Security Data Engineer has landed with our recruiting team. We aim to reply to everyone within two weeks."),
    ("confirmation", "Driftwood Games", named("Driftwood Games Recruiting", "no-reply@us.greenhouse-mail.io"), "Thanks for your application to Driftwood Games", "<p>Hi Jamie,</p><p>We just wanted to let you know that your application for <b>Player Insights Analyst</b> is in and will be reviewed by the hiring team.</p><p>Driftwood Games</p>"),
    ("confirmation", "Elmstead Bank", named("Elmstead Bank", "elmstead-careers@talent.icims.com"), "Elmstead Bank - Application Confirmation", "Dear Jamie Rivera,\n\nThis is a confirmation that your application for Risk Analyst, requisition 55120, was submitted on 03/04/2026. You may check the status of your application at any time by logging in to your profile."),
    ("confirmation", "Fennel Foods", named("Fennel Foods", "noreply@candidates.workablemail.com"), "Your application was submitted", "Hi Jamie,\n\nThanks for applying to Fennel Foods! The team will review your submission shortly. Good luck!"),
    ("confirmation", "Glasshouse Media", named("Glasshouse Media via SmartRecruiters", "noreply@smartrecruiters.com"), "Thank you for your interest", "Dear Jamie, we confirm that we have your application for the Audience Analyst role. We will review it and contact you regarding next steps."),
    ("confirmation", "Hollis & Grant", named("Hollis & Grant Recruitment", "recruitment@hollisgrant.example"), "Acknowledgement of your application", "Dear Ms Rivera,\n\nWe acknowledge receipt of your application for the position of Graduate Data Analyst. Due to the number of applications we receive, we are only able to respond to shortlisted candidates."),
    ("confirmation", "Isarwerk Energie", named("Isarwerk Energie GmbH", "jobs@isarwerk.example"), "Ihre Bewerbung ist bei uns eingegangen", "Sehr geehrte Frau Rivera,\n\nherzlichen Dank für Ihre Bewerbung als Energiedatenanalystin. Wir haben Ihre Unterlagen erhalten und werden diese nun prüfen. Wir bitten um etwas Geduld.\n\nIhr Team Personal"),
    ("confirmation", "Juniperus Software", named("Juniperus Software", "noreply@join.com"), "Danke für deine Bewerbung!", "Hey Jamie,\n\ncool, dass du dich bei Juniperus beworben hast! Deine Bewerbung ist sicher bei uns angekommen. Wir melden uns innerhalb von 10 Tagen."),
    ("confirmation", "Kestrel Robotics", named("Kestrel Robotics", "no-reply@ashbyhq.com"), "Application submitted: ML Data Engineer", "Thanks for applying to Kestrel Robotics! We'll review your profile and reach out if it's a fit."),
    ("confirmation", "Larchmont Health", named("Larchmont Health Talent", "noreply@successfactors.eu"), "Application Received - Healthcare Analyst", "Dear Jamie,\n\nThank you for submitting your application. Our recruitment team is currently reviewing candidates and will contact you should your profile be selected for the next step."),
    ("confirmation", "Mistral Airways", named("Mistral Airways", "careers@mistral-airways.example"), "Bewerbungseingang: Data Scientist (m/w/d)", "Guten Tag Frau Rivera,\n\nhiermit bestätigen wir Ihnen den Erhalt Ihrer Bewerbung. Wir melden uns, sobald die Sichtung abgeschlossen ist.\n\nMistral Airways Recruiting"),
    ("confirmation", "Northgate Retail", named("Northgate Retail", "no-reply@jobvite.com"), "Northgate Retail: next steps for your application", "Hi Jamie, you're all set! We've got your application for Merchandising Analyst. Here's what to expect: our recruiters review applications in the order they arrive."),
    ("confirmation", "Orchid Pharma", named("Orchid Pharma", "noreply@taleo.net"), "Orchid Pharma - Thank you for applying", "Thank you for applying for Clinical Data Analyst at Orchid Pharma. Your profile has been submitted to the hiring manager."),
    # -- rejections -----------------------------------------------------------------------------
    ("rejection", "Bluefin Insurance", named("Bluefin Insurance Careers", "bluefin@myworkday.com"), "Your application for Claims Data Analyst", "Hello Jamie,\n\nThank you for your interest in Bluefin Insurance. We have now reviewed all applications and I'm afraid we won't be taking your application further for this position.\n\nBluefin Insurance Talent Acquisition"),
    ("rejection", "Corvid Security", named("Corvid Security", "no-reply@hire.lever.co"), "Corvid Security - update", "Hi Jamie,\n\nThank you for your time speaking with our team. We were impressed by your background, however we've decided to proceed with candidates who have more hands-on SIEM experience.\n\nBest wishes,\nCorvid"),
    ("rejection", "Driftwood Games", named("Driftwood Games Recruiting", "no-reply@us.greenhouse-mail.io"), "Driftwood Games - Player Insights Analyst", "<div>Hi Jamie,</div><div>Thanks again for your interest in Driftwood. Unfortunately, we've concluded that we won't be moving ahead with your application for this opening.</div><div>Wishing you the best,<br>Driftwood Games</div>"),
    ("rejection", "Elmstead Bank", named("Elmstead Bank", "elmstead-careers@talent.icims.com"), "Risk Analyst - application status", "Dear Jamie Rivera,\n\nWe appreciate your interest in Elmstead Bank. After review, your application for Risk Analyst has not been selected to move forward in the hiring process."),
    ("rejection", "Fennel Foods", named("Fennel Foods", "noreply@candidates.workablemail.com"), "About the Supply Chain Analyst role", "Hi Jamie, Thank you for your patience. The Supply Chain Analyst role has now been filled, so we are closing all remaining applications."),
    ("rejection", "Glasshouse Media", named("Lena Park", "lena.park@glasshousemedia.example"), "Re: Audience Analyst", "Hi Jamie,\n\nI wanted to get back to you after your conversation with Marcus. It was close, but we're going to offer the role to someone who has worked on subscription products before. I'm sorry this isn't better news.\n\nLena"),
    ("rejection", "Hollis & Grant", named("Hollis & Grant Recruitment", "recruitment@hollisgrant.example"), "Graduate Data Analyst", "Dear Ms Rivera,\n\nThank you for attending the assessment centre. We regret to inform you that on this occasion your application has not been successful."),
    ("rejection", "Isarwerk Energie", named("Isarwerk Energie GmbH", "jobs@isarwerk.example"), "Ihre Bewerbung als Energiedatenanalystin", "Sehr geehrte Frau Rivera,\n\nwir danken Ihnen für Ihre Bewerbung. Nach sorgfältiger Prüfung haben wir uns für eine Kandidatin entschieden, deren Profil noch genauer unseren Anforderungen entspricht.\n\nFür Ihre berufliche Zukunft wünschen wir Ihnen alles Gute."),
    ("rejection", "Juniperus Software", named("Juniperus Software", "noreply@join.com"), "Update zu deiner Bewerbung", "Hey Jamie,\n\ndanke dir für deine Geduld. Wir haben uns die Entscheidung nicht leicht gemacht, werden aber nicht mit dir weitergehen. Wir drücken dir die Daumen für deine Suche!"),
    ("rejection", "Kestrel Robotics", named("Kestrel Robotics", "no-reply@ashbyhq.com"), "Kestrel Robotics - ML Data Engineer", "Hi Jamie, thank you for applying. The team has reviewed your profile and won't be advancing it to interviews. We hope you'll consider Kestrel again in the future."),
    ("rejection", "Larchmont Health", named("Larchmont Health Talent", "noreply@successfactors.eu"), "Healthcare Analyst - status of your application", "Dear Jamie,\n\nWe would like to thank you for your application. Following a review of all candidates, the position has been offered to another applicant and has now been accepted."),
    ("rejection", "Mistral Airways", named("Mistral Airways", "careers@mistral-airways.example"), "Ihre Bewerbung bei Mistral Airways", "Guten Tag Frau Rivera,\n\nbedauerlicherweise können wir Ihre Bewerbung für die ausgeschriebene Stelle nicht weiter berücksichtigen. Wir bedanken uns für Ihr Vertrauen."),
    ("rejection", "Northgate Retail", named("Northgate Retail", "no-reply@jobvite.com"), "Your Northgate Retail application", "Hi Jamie, we appreciate you applying for Merchandising Analyst. The hiring team has decided to pursue candidates whose retail background more closely fits the role."),
    ("rejection", "Orchid Pharma", named("Orchid Pharma", "noreply@taleo.net"), "Orchid Pharma - Application Update", "Thank you for your interest in Clinical Data Analyst at Orchid Pharma. This requisition has been cancelled and we are no longer recruiting for it."),
    ("rejection", "Pelican Logistics", named("Pelican Logistics", "jobs@pelican.example"), "Data Analyst application", "Dear Jamie,\n\nMany thanks for applying. Whilst your experience is impressive, it is not quite what we are looking for at the moment. We will hold your CV on file for six months."),
    ("rejection", "Quartzline", named("Quartzline HR", "hr@quartzline.example"), "Application outcome", "Hello Jamie, we are writing to let you know the outcome of your application. Regrettably, you were not shortlisted for interview."),
    ("rejection", "Riverbend Capital", named("Riverbend Capital", "no-reply@us.greenhouse-mail.io"), "Following up on your application", "Hi Jamie,\n\nThank you for your interest in Riverbend Capital. We received a large number of applications for the Quant Data Analyst role and, after careful review, we have decided not to invite you for an interview."),
    ("rejection", "Salzach Medien", named("Salzach Medien", "bewerbung@salzach-medien.example"), "Absage - Data Analyst", "Liebe Frau Rivera, vielen Dank für das angenehme Gespräch. Leider müssen wir Ihnen heute eine Absage erteilen."),
    # -- interviews -------------------------------------------------------------------------------
    ("interview", "Corvid Security", named("Corvid Security", "no-reply@hire.lever.co"), "Corvid Security - let's find a time", "Hi Jamie,\n\nWe enjoyed reading your application and would like to meet you! Could you send over a few time slots next week for a 45-minute video call with our Head of Detection?\n\nCorvid"),
    ("interview", "Driftwood Games", named("Driftwood Games Recruiting", "no-reply@us.greenhouse-mail.io"), "Driftwood Games: Interview Invitation", "<p>Hi Jamie,</p><p>Congratulations, you've been invited to interview for Player Insights Analyst! Please choose a time that works for you here: <a href=\"https://app.greenhouse.io/scheduling/invite/abc\">self-schedule</a></p>"),
    ("interview", "Elmstead Bank", named("Priya Anand", "priya.anand@elmsteadbank.example"), "Risk Analyst - first conversation", "Hi Jamie,\n\nI'm the recruiter supporting the Risk Analyst role and would like to arrange an initial 30-minute call. Are you free on Wednesday afternoon or Thursday morning?\n\nPriya"),
    ("interview", "Fennel Foods", named("Fennel Foods", "noreply@candidates.workablemail.com"), "Interview scheduled: Supply Chain Analyst", "Hi Jamie, your interview for Supply Chain Analyst is booked for Monday, March 16 at 11:00 AM (GMT). Location: Fennel House, 4 Mill Lane, Bristol. Ask for Sam at reception."),
    ("interview", "Isarwerk Energie", named("Isarwerk Energie GmbH", "jobs@isarwerk.example"), "Ihre Bewerbung - Einladung", "Sehr geehrte Frau Rivera,\n\nIhre Unterlagen haben uns überzeugt. Gerne möchten wir Sie zu einem ersten Gespräch via Microsoft Teams einladen. Hätten Sie am 18.03. um 14 Uhr Zeit?"),
    ("interview", "Juniperus Software", named("Anna from Juniperus", "anna@juniperus.example"), "Kurzer Call?", "Hey Jamie,\n\nwir würden dich gern besser kennenlernen! Such dir einfach hier einen Slot für ein 20-minütiges Gespräch aus: https://calendly.com/juniperus-anna/20min\n\nAnna"),
    ("interview", "Kestrel Robotics", named("ModernLoop", "notifications@modernloop.io"), "Action needed: share your availability for Kestrel Robotics", "Hi Jamie, Kestrel Robotics would like to schedule your onsite interviews. Please share your availability by Friday."),
    ("interview", "Larchmont Health", named("Larchmont Health Talent", "noreply@successfactors.eu"), "Invitation: panel interview", "Dear Jamie,\n\nWe are pleased to invite you to a panel interview for the Healthcare Analyst position on 24 March 2026 at 09:30 at our Manchester office."),
    ("interview", "Northgate Retail", named("Tariq Malik", "tariq.malik@northgateretail.example"), "Second round", "Hi Jamie, great chatting yesterday! The team would like to bring you back for a second round with the Merchandising Director - does next Tuesday at 3pm suit?"),
    ("interview", "Pelican Logistics", named("Pelican Logistics", "jobs@pelican.example"), "Interview details", "Dear Jamie, thank you for confirming. Your interview will take place on Zoom on Thursday 19 March at 10:00. Link: https://zoom.us/j/5551234567"),
    ("interview", "Salzach Medien", named("Salzach Medien", "bewerbung@salzach-medien.example"), "Terminbestätigung", "Liebe Frau Rivera, hiermit bestätigen wir Ihren Termin am Dienstag, 17. März, 10:00 Uhr in unserem Büro in Salzburg. Wir freuen uns auf Sie!"),
    ("interview", "Riverbend Capital", "Google Calendar <calendar-notification@google.com>", "Invitation: Riverbend Capital <> Jamie Rivera (Quant Data Analyst) @ Thu Mar 19, 2026 4pm - 4:45pm (CET)", "Riverbend Capital <> Jamie Rivera\nJoin with Google Meet"),
    ("interview", "Hollis & Grant", "Google Calendar <calendar-notification@google.com>", "Canceled event: Hollis & Grant - Interview", "This event has been canceled and removed from your calendar."),
    ("interview", "Glasshouse Media", named("Lena Park", "lena.park@glasshousemedia.example"), "Updated invitation: Audience Analyst - final conversation", "This event has been updated: the time has changed."),
    # -- assessments ----------------------------------------------------------------------------------
    ("assessment", "Bluefin Insurance", named("HackerRank", "no-reply@hackerrankmail.com"), "Bluefin Insurance has invited you to a test", "Hi Jamie, you have been invited by Bluefin Insurance to take the Data Analyst (SQL) test. Duration: 90 minutes."),
    ("assessment", "Corvid Security", named("Corvid Security", "no-reply@hire.lever.co"), "Corvid Security - technical task", "Hi Jamie, thanks for the call! As a next step we'd like you to work through a short technical task (log parsing in Python). Please send it back within four days."),
    ("assessment", "Hollis & Grant", named("Hollis & Grant Recruitment", "recruitment@hollisgrant.example"), "Online assessments - Graduate Data Analyst", "Dear Ms Rivera,\n\nCongratulations on progressing to the next stage. Please complete the numerical and verbal reasoning tests using the links below by 20 March."),
    ("assessment", "Mistral Airways", named("Mistral Airways", "careers@mistral-airways.example"), "Nächster Schritt: Online-Assessment", "Guten Tag Frau Rivera, im nächsten Schritt bitten wir Sie, unser Online-Assessment zu absolvieren. Der Link ist sieben Tage gültig."),
    ("assessment", "Northgate Retail", named("Codility", "no-reply@codility.com"), "Northgate Retail - coding test", "Hello Jamie, Northgate Retail would like you to complete a coding test on Codility."),
    # -- offers ------------------------------------------------------------------------------------------
    ("offer", "Fennel Foods", named("Fennel Foods", "noreply@candidates.workablemail.com"), "Offer - Supply Chain Analyst", "Hi Jamie,\n\nWe're delighted to offer you the role of Supply Chain Analyst at Fennel Foods! Your starting salary will be £48,000 per year. Please review the attached offer and let us know by 27 March."),
    ("offer", "Pelican Logistics", named("Ruth Osei", "ruth.osei@pelican.example"), "Good news from Pelican", "Hi Jamie, I'm really pleased to tell you that we would like to offer you the Data Analyst position. I'll call you this afternoon to talk through the package."),
    ("offer", "Salzach Medien", named("Salzach Medien", "bewerbung@salzach-medien.example"), "Ihr Angebot", "Liebe Frau Rivera,\n\nwir freuen uns, Ihnen die Position als Data Analyst anbieten zu dürfen. Den Vertragsentwurf erhalten Sie in Kürze per Post."),
    ("offer", "Kestrel Robotics", named("Kestrel Robotics", "no-reply@ashbyhq.com"), "Your Kestrel Robotics offer is ready", "Hi Jamie, congratulations! Your offer for ML Data Engineer is ready to view and sign in the candidate portal."),
    # -- outreach -------------------------------------------------------------------------------------
    ("outreach", "Tidewell Analytics", named("Grace Liu", "grace.liu@tidewell.example"), "Data role at Tidewell", "Hi Jamie,\n\nI head up talent at Tidewell Analytics. Your posts about experimentation caught my attention, and we have an opening on our product analytics team that I think matches your experience. Would you have 15 minutes next week to hear about it?\n\nGrace"),
    ("outreach", "Summit Talent", named("Ben Carter", "ben.carter@summittalent.example"), "Lead Analyst - fully remote", "Hi Jamie, I'm a specialist recruiter at Summit Talent. I'm currently working with a well-known e-commerce brand on a Lead Analyst search and your profile looks like a strong match. Are you open to a conversation?"),
    ("outreach", "Umbra Labs", named("Felix Wagner via LinkedIn", "inmail-hit-reply@linkedin.com"), "Felix Wagner sent you a message", "Felix Wagner\nTalent Partner at Umbra Labs\n\nHi Jamie, we're growing our data platform team at Umbra Labs and I'd love to tell you more. Open to a chat?"),
    ("outreach", "Vantage Personal", named("Sophie Krüger", "s.krueger@vantage-personal.example"), "Spannende Data-Position in München", "Hallo Frau Rivera,\n\nals Personalberaterin bei Vantage Personal unterstütze ich einen Kunden aus der Versicherungsbranche bei der Suche nach einer Data Analystin. Ihr Profil passt sehr gut. Hätten Sie Zeit für ein kurzes Telefonat?"),
    ("outreach", "Wavecrest", named("Omar Haddad", "omar@wavecrest.example"), "Hello from Wavecrest", "Hi Jamie, I'm the Head of Data at Wavecrest. A former colleague of yours, Ana, suggested I reach out. We're hiring a senior analyst and I'd love to get your thoughts - would a coffee next week work?"),
    ("outreach", "Xenon Recruitment", named("Jake Miller", "jake.miller@xenonrecruitment.example"), "Opportunity", "Hi Jamie, hope you're well. I've got a permanent Data Analyst role with a client in Leeds paying up to £55k. Let me know if you'd like details."),
    ("outreach", "Yonder Mobility", named("Mara Stein", "mara.stein@yonder.example"), "Quick question about your next move", "Hi Jamie, I lead recruiting at Yonder Mobility. I noticed you've been at your current company for a few years - would you consider a move to a scale-up?"),
]  # fmt: skip

OTHER = [
    (named("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"), "\"data analyst\": Corvid Security - Security Data Analyst and more", "Your job alert for data analyst in Berlin. 30+ new jobs."),
    (named("Indeed", "alert@indeed.com"), "New jobs for Data Scientist in Munich", "Here are the latest jobs that match your search. Mistral Airways - Data Scientist (m/w/d)."),
    (named("LinkedIn", "jobs-noreply@linkedin.com"), "Your application was viewed by Elmstead Bank", "Elmstead Bank viewed your application for Risk Analyst. See how you compare to other applicants."),
    (named("Indeed", "no-reply@indeed.com"), "Fennel Foods reviewed your application", "Good news! An employer has viewed your application. Keep applying to improve your chances."),
    (named("Greenhouse", "no-reply@us.greenhouse-mail.io"), "How did we do? Driftwood Games interview survey", "Thanks for interviewing with Driftwood Games. Please take two minutes to answer a few questions about your candidate experience."),
    (named("Workday", "bluefin@myworkday.com"), "Your candidate account", "Your candidate account for Bluefin Insurance has been created. Username: jamie.rivera."),
    (named("Ashby", "no-reply@ashbyhq.com"), "Your verification code", "Your verification code is 448120."),
    (named("Teamtailor", "no-reply@teamtailor.com"), "Don't forget to complete your application", "You started applying to Analytics Engineer at Juniperus Software. Complete your application to be considered."),
    (named("Data Council", "events@datacouncil.example"), "Last chance: free webinar on analytics engineering", "Join 2,000 data professionals live on Thursday. Register today."),
    (named("The Analyst Digest", "hello@analystdigest.example"), "This week: SQL window functions and hiring trends", "Issue 112 of your favourite newsletter. Unsubscribe any time."),
    (named("XING Stellenmarkt", "jobs@mail.xing.com"), "15 neue Jobs passend zu Ihrem Profil", "Entdecken Sie Stellenangebote, die zu Ihnen passen. Isarwerk Energie sucht Data Analyst."),
    (named("StepStone", "noreply@stepstone.de"), "Ihr Bewerbungsstatus: gelesen", "Gute Nachrichten: Ihre Bewerbung wurde vom Arbeitgeber gelesen."),
    (named("Corvid Security", "no-reply@hire.lever.co"), "Please confirm your email", "Confirm your email address to keep your application up to date."),
    (named("Jamie Rivera", "jamie@example.org"), "Re: Second round", "Hi Tariq, Tuesday at 3pm works well for me. See you then! Jamie"),
    (named("Jamie Rivera", "jamie@example.org"), "Application: Data Analyst", "Dear Ms Osei, please find attached my application for the Data Analyst position."),
    (named("Priya Anand", "priya.anand@elmsteadbank.example"), "Automatic reply: Risk Analyst - first conversation", "Thank you for your email. I am out of the office until 23 March with no access to email."),
    (named("Glassdoor", "noreply@glassdoor.com"), "Top questions asked at Larchmont Health interviews", "See what candidates were asked in Healthcare Analyst interviews at Larchmont Health."),
    (named("Wellfound", "team@wellfound.com"), "Startups hiring data people this week", "7 startups are hiring analysts. Update your job preferences."),
    (named("Google Calendar", "calendar-notification@google.com"), "Invitation: Yoga @ Sat Mar 21, 2026 10am", "Mia invited you to Yoga."),
    (named("Deutsche Bahn", "noreply@bahn.example"), "Ihre Fahrkarte", "Vielen Dank für Ihre Buchung. Ihre Fahrkarte finden Sie im Anhang."),
    (named("Zoom", "no-reply@zoom.us"), "Your Zoom account password was changed", "The password for your Zoom account was changed."),
    (named("Coursera", "no-reply@coursera.example"), "You're almost there!", "Finish the last module of Data Visualization to earn your certificate."),
    (named("HR Department", "hr@currentco.example"), "Updated holiday policy", "Please read the updated holiday policy attached."),
    (named("LinkedIn", "messages-noreply@linkedin.com"), "Jamie, you appeared in 9 searches this week", "Recruiters from Umbra Labs searched for profiles like yours."),
    (named("Hackajob", "hello@hackajob.example"), "Companies want to talk to you", "3 companies have shown interest in your profile. Log in to see who."),
]  # fmt: skip


def heldout2() -> list[Labelled]:
    out: list[Labelled] = []
    encodings = [("utf-8", None), ("iso-8859-1", "quoted-printable"), ("utf-8", "base64")]
    for k, (kind, company, sender, subject, body) in enumerate(REAL):
        extra = {}
        if subject.startswith("Invitation: Riverbend"):
            extra["calendar"] = ics(
                uid="riverbend-1@google.com", start=dt.datetime(2026, 3, 19, 16, 0),
                summary="Riverbend Capital <> Jamie Rivera (Quant Data Analyst)",
                organizer=("Noah Brandt", "noah.brandt@riverbendcapital.example"),
            )  # fmt: skip
        elif subject.startswith("Canceled event: Hollis"):
            extra["calendar"] = ics(
                uid="hollis-int@google.com", start=dt.datetime(2026, 3, 23, 11, 0), method="CANCEL",
                summary="Hollis & Grant - Interview", organizer=("Recruitment", "recruitment@hollisgrant.example"),
            )  # fmt: skip
        elif subject.startswith("Updated invitation: Audience"):
            extra["calendar"] = ics(
                uid="glasshouse-final@glasshousemedia.example", start=dt.datetime(2026, 3, 25, 15, 0), sequence=1,
                summary="Audience Analyst - final conversation", organizer=("Lena Park", "lena.park@glasshousemedia.example"),
            )  # fmt: skip
        raw = labelled_message(
            k, sender, subject, body, encodings, date=when(f"2026-03-{2 + k % 25:02d}", 8 + k % 10),
            message_id=f"<heldtwo{k}@corpus.example>", **extra,
        )  # fmt: skip
        out.append(Labelled(raw, kind, company, "held-out 2"))
    for k, (sender, subject, body) in enumerate(OTHER):
        extra = {}
        if subject.startswith("Invitation: Yoga"):
            extra["calendar"] = ics(
                uid="yoga@google.com", start=dt.datetime(2026, 3, 21, 10, 0),
                summary="Yoga", organizer=("Mia", "mia@gmail.com"),
            )  # fmt: skip
        if k % 3 == 0:
            extra["headers"] = {"List-Unsubscribe": "<https://x.example/u>"}
        raw = message(
            sender=sender, subject=subject, date=when(f"2026-03-{2 + k % 25:02d}", 7),
            text=body, message_id=f"<heldtwoother{k}@corpus.example>", **extra,
        )  # fmt: skip
        out.append(Labelled(raw, "other", None, "held-out 2"))
    return out

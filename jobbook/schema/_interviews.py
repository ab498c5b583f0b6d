"""The Interviews sheet: one row per interview, with its thank-you note."""

from __future__ import annotations

from ._base import (
    INTERVIEW_FORMATS,
    INTERVIEW_OUTCOMES,
    OUTCOME_CANCELLED,
    Column,
    Table,
    after_as_of,
    done_by,
    flag_formula,
    lookup_formula,
)
from ._links import THANK_YOU_LINK
from ._parts import link_column

INTERVIEWS = Table(
    "Interviews",
    (
        Column("ID", "id", True, True, note="A short unique ID for this interview, e.g. I001."),
        Column(
            "Application ID",
            "id",
            True,
            True,
            note="The Pipeline ID of the application.",
            width=14,
            ref="Pipeline",
        ),
        Column(
            "Company",
            "text",
            formula=lookup_formula("Pipeline", "Company", "[@Application ID]"),
            width=20,
            note="Computed from Pipeline.",
        ),
        Column("Round", "text", note="e.g. Recruiter screen, Technical, Final.", width=16),
        Column(
            "Date",
            "date",
            True,
            True,
            note="Day of the interview, with its time if you know it (2026-03-05 14:30).",
            width=18,
            keeps_time=True,
        ),
        Column("Format", "choice", choices=INTERVIEW_FORMATS, note="Phone, Video or Onsite."),
        Column(
            "Location",
            "text",
            width=24,
            note="Where: the address, or the video-call link (shown in the calendar export).",
        ),
        Column("Interviewers", "text", width=24, note="Who you met (add them to Contacts)."),
        Column("Thank-you sent", "done", note="Day you sent the thank-you note (any mark counts)."),
        Column(
            "Thank-you due",
            "date",
            formula=(
                'IF([@Date]="","",IF(OR([@Outcome]="'
                + OUTCOME_CANCELLED
                + '",'
                + after_as_of("Date")
                + '),"",WORKDAY([@Date],ThankYouDays,{HOLIDAYS})))'
            ),
            note="Computed: ThankYouDays business days after the interview, once it has taken "
            "place; none for a Cancelled one.",
        ),
        Column(
            "Thank-you flag",
            "text",
            formula=flag_formula("[@Thank-you due]", done_by("Thank-you sent")),
            width=14,
            note="Computed: Done, Overdue, Due today, Due soon.",
        ),
        Column(
            "Outcome",
            "choice",
            choices=INTERVIEW_OUTCOMES,
            note="Pending, Advanced, Rejected, Offer or Cancelled (it will not take place: no "
            "thank-you is due).",
        ),
        Column("Outcome date", "date", note="Day you heard the outcome."),
        Column("Self-rating", "rating", lo=1, hi=5, note="How it went, 1 (badly) to 5 (great)."),
        Column("Went well", "text", width=26, note="What worked."),
        Column("To improve", "text", width=26, note="What to do better next time."),
        link_column(THANK_YOU_LINK),
    ),
    note="One row per interview round.",
    id_column="ID",
)

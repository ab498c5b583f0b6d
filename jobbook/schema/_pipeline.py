"""The Pipeline sheet: one row per application."""

from __future__ import annotations

from ._base import (
    SOURCES,
    STAGES,
    STATUSES,
    WORK_MODES,
    Column,
    Table,
    action_unknown,
    after_as_of,
    closing_action,
    flag_formula,
    last_contact_known,
)

# The follow-up clock's Last contact as the as-of date knows it.
_CONTACT = last_contact_known()

PIPELINE = Table(
    "Pipeline",
    (
        Column("ID", "id", True, True, note="A short unique ID for this application, e.g. A001."),
        Column("Company", "text", True, True, note="The employer.", width=22),
        Column("Role", "text", note="Job title as posted.", width=26),
        Column("Location", "text", note="City or region."),
        Column("Work mode", "choice", choices=WORK_MODES, note="Onsite, Hybrid or Remote."),
        Column(
            "Source",
            "choice",
            True,
            choices=SOURCES,
            strict=False,
            note="Where you found it: Referral, Company site, LinkedIn, Job board, Recruiter, "
            "Career fair, Network or Other (other text is kept as written).",
        ),
        Column("Posting URL", "text", note="Link to the job posting.", width=24),
        Column(
            "Date applied",
            "date",
            True,
            note="The day you applied. Leave blank while the job is on your wishlist.",
        ),
        Column(
            "Stage",
            "choice",
            True,
            True,
            choices=STAGES,
            note="Furthest stage reached: Wishlist < Applied < Screen < Interview < Final < Offer.",
        ),
        Column(
            "Status",
            "choice",
            True,
            True,
            choices=STATUSES,
            note="Active, Rejected, Withdrawn, No response, Offer declined or Accepted.",
        ),
        Column("First response", "date", note="Day of the first reply (call, email, rejection)."),
        Column(
            "Last contact", "date", note="Day of the latest exchange; restarts the follow-up clock."
        ),
        Column("Next action", "text", note="What you will do next.", width=24),
        Column("Next action due", "date", note="When the next action is due."),
        Column("Salary min", "money", lo=0, note="Low end of the posted or discussed range."),
        Column("Salary max", "money", lo=0, note="High end of the posted or discussed range."),
        Column("Excitement", "rating", lo=1, hi=5, note="How much you want it, 1 (meh) to 5."),
        Column("Notes", "text", width=30, note="Anything worth remembering."),
        Column(
            "Follow-up due",
            "date",
            formula=(
                f'IF(AND([@Status]="Active",MAX([@Date applied],{_CONTACT})>0,'
                f"NOT({after_as_of('Date applied')}),"
                f"NOT(AND({closing_action()},NOT({action_unknown()})))),"
                f'WORKDAY(MAX([@Date applied],{_CONTACT}),FollowUpDays,{{HOLIDAYS}}),"")'
            ),
            note="Computed: FollowUpDays business days after the later of Date applied and "
            "Last contact (one after the as-of date does not count yet), for Active "
            "applications; none while the Next action is to withdraw or decline, or before "
            "Date applied.",
        ),
        Column(
            "Flag",
            "text",
            formula=(
                'IF(OR([@Status]<>"Active",'
                + after_as_of("Date applied")
                + ',COUNT([@Follow-up due],[@Next action due])=0),"",'
                + f"IF({action_unknown()},"
                + flag_formula("[@Follow-up due]")
                + ","
                + flag_formula("MIN([@Follow-up due],[@Next action due])", raw=True)
                + "))"
            ),
            width=11,
            note="Computed: the flag of the sooner of Follow-up due and Next action due "
            "(Active applications).",
        ),
    ),
    note="One row per job: applications and your wishlist.",
    id_column="ID",
)

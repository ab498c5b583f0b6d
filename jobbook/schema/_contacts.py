"""The Contacts sheet: the people met in the search."""

from __future__ import annotations

from ._base import CONTACT_ROLES, Column, Table

CONTACTS = Table(
    "Contacts",
    (
        Column("Name", "text", True, True, note="Full name.", width=20),
        Column("Title", "text", note="Their job title.", width=20),
        Column("Company", "text", True, True, note="Their employer.", width=20),
        Column(
            "Application ID",
            "id",
            note="Pipeline ID this contact belongs to.",
            width=14,
            ref="Pipeline",
        ),
        Column(
            "Role in process",
            "choice",
            choices=CONTACT_ROLES,
            note="Recruiter, Hiring manager, Interviewer, Referral or Other.",
        ),
        Column("Email", "text", width=24, note="Email address."),
        Column("Phone", "text", note="Phone number (kept as text)."),
        Column("LinkedIn", "text", width=24, note="Profile link."),
        Column("Met on", "date", note="Day you first met or spoke."),
        Column("Notes", "text", width=30, note="What you talked about."),
    ),
    note="The people you meet.",
)

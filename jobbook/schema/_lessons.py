"""The Lessons sheet: feedback after a decision and the improvement plan."""

from __future__ import annotations

from ._base import ACTION_TYPES, Column, Table, after_as_of, done_by, flag_formula
from ._links import FEEDBACK_LINK
from ._parts import link_column

LESSONS = Table(
    "Lessons",
    (
        Column(
            "Application ID", "id", True, True, note="The Pipeline ID.", width=14, ref="Pipeline"
        ),
        Column("Decision date", "date", note="Day of the decision (rejection or your decline)."),
        Column("Feedback requested", "done", note="Day you asked for feedback."),
        Column("Feedback received", "done", note="Day feedback arrived."),
        Column("Feedback", "text", width=30, note="What they said."),
        Column("Lesson", "text", width=30, note="What you take from it."),
        Column("Action", "text", width=28, note="What you will do about it."),
        Column(
            "Action type",
            "choice",
            choices=ACTION_TYPES,
            note="Practice answers, Rehearsal, Training, Book, Coaching or Other.",
        ),
        Column("Due", "date", note="When the action is due."),
        Column("Done", "done", note="Day the action was done (any mark counts)."),
        Column(
            "Flag",
            "text",
            formula=flag_formula(
                "[@Due]", done_by("Done"), raw=True, unless=after_as_of("Decision date")
            ),
            width=11,
            note="Computed: Done, Overdue, Due today, Due soon.",
        ),
        link_column(FEEDBACK_LINK),
    ),
    note="Feedback after a decision and the improvement plan.",
    id_column="Application ID",
)

# The one array formula: IDs of Active applications other than the accepted offer's.

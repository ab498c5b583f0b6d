"""The History table (docs/definitions.md § History): one row per cell a change set changed, and the words it
is written in. Defined once here; the editor, ``record``, ``undo``, the statistics over time, the
template and the docs read them from here."""

from __future__ import annotations

from ._base import DATE_TIME_FORMAT, Column, Table

HISTORY = Table(
    "History",
    (
        Column(
            "Change",
            "int",
            True,
            True,
            lo=1,
            width=9,
            note="The change set: one number per change jobbook wrote (undo takes back the last).",
        ),
        Column(
            "When",
            "date",
            True,
            note="The day the change took effect in your search (done --on, else the as-of date); "
            "blank when the file it came from does not say.",
        ),
        Column(
            "Recorded",
            "date",
            keeps_time=True,
            number_format=DATE_TIME_FORMAT,
            width=17,
            note="When jobbook wrote it (this computer's clock).",
        ),
        Column("Sheet", "text", True, True, width=12, note="The sheet of the cell."),
        Column(
            "ID",
            "text",
            True,
            width=10,
            note="The row's ID (Lessons: Application ID; Transition and Negotiation: Offer ID; "
            "Contacts: Name).",
        ),
        Column(
            "Column",
            "text",
            True,
            True,
            width=16,
            note="The column changed; (row) for a row added or removed.",
        ),
        Column(
            "Old",
            "text",
            True,
            width=18,
            note="The value before (text as typed; a leading ' keeps a text that starts with = "
            "or ' apart from a formula).",
        ),
        Column("New", "text", True, width=18, note="The value after; added or removed for (row)."),
        Column(
            "Source",
            "text",
            True,
            width=12,
            note="What wrote it: import, update, done, accept, record, undo, or a button.",
        ),
        Column("Note", "text", width=36, note="Where it came from or why."),
    ),
    note="Every change jobbook wrote, cell by cell: how the search moved.",
)

ROW_COLUMN = "(row)"  # Column of a row added or removed
ADDED, REMOVED = "added", "removed"  # New of a (row) row
SEEN = "seen"  # Old and New of a (row) row of a baseline: a row that was there (a no-op)

# Source of each command's change sets (the buttons name themselves: "Accept offer button")
SOURCE_IMPORT, SOURCE_UPDATE, SOURCE_DONE, SOURCE_ACCEPT = "import", "update", "done", "accept"
SOURCE_RECORD, SOURCE_UNDO = "record", "undo"
SOURCE_MAIL = "mail"  # jobbook mail --apply (README § Your mail)
BASELINE_NOTE = "where History begins: the book as it stood"
UNDATED_NOTE = "the file does not say when"

# The row's key written in History's ID, per table: its ID column, else the column rows are
# known by.
HISTORY_KEYS = {
    "Pipeline": "ID",
    "Interviews": "ID",
    "Contacts": "Name",
    "Questions": "ID",
    "Offers": "ID",
    "Negotiation": "Offer ID",
    "Lessons": "Application ID",
    "Transition": "Offer ID",
}

# The columns ``record`` compares with what History last saw (and a first change writes as the
# baseline): what the statistics and the time in each stage stand on. Changes jobbook itself
# writes are recorded whatever the column.
TRACKED = {
    "Pipeline": ("Date applied", "Stage", "Status", "First response", "Source"),
    "Interviews": ("Date",),
    "Offers": ("Offer date",),
}

# Time in each stage (docs/definitions.md § History): (JSON key, label, from, to). "response" is the first
# response (Screen or later, or a rejection); "decision" the application closed after an offer.
STEPS = (
    ("applied_to_first_response", "Applied → first response", "Applied", "response"),
    ("screen_to_interview", "Screen → Interview", "Screen", "Interview"),
    ("interview_to_final", "Interview → Final", "Interview", "Final"),
    ("final_to_offer", "Final → Offer", "Final", "Offer"),
    ("offer_to_decision", "Offer → decision", "Offer", "decision"),
)
STEP_FIGURES = ("n", "median_days", "q1_days", "q3_days")

MAX_SHEET_ROWS = 1_048_576  # Excel's rows per sheet: History can hold one less (its header)

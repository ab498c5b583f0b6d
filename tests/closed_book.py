"""A template workbook holding what docs/definitions.md § Deadlines leaves out of every list (test helper):
closed processes (a Withdrawn application's interviews, a Cancelled one, Next actions that close an
application) and rows dated after the as-of date (an application, its interview, an offer, a lesson
decision, an acceptance). Built from jobbook's own template with openpyxl (a new file, not a user's
book), so LibreOffice can compute its formulas.

As of AS_OF (Wednesday 2026-10-21), its open deadlines are exactly EXPECTED.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

AS_OF = dt.date(2026, 10, 21)
D = dt.date

PIPELINE = [
    # closing next action: the Withdraw is the only reminder (no follow-up beside it)
    dict(ID="P1", Company="Acme", Source="Referral", Date_applied=D(2026, 10, 1), Stage="Screen",
         Status="Active", Next_action="Withdraw: accepted Delta", Next_action_due=D(2026, 10, 22)),
    # closed: its interview ahead is cancelled, the Cancelled one owes nothing, a past one does
    dict(ID="P2", Company="Beta", Source="LinkedIn", Date_applied=D(2026, 10, 5), Stage="Interview",
         Status="Withdrawn"),
    # applied after the as-of date: not known that day
    dict(ID="P3", Company="Gamma", Source="Job board", Date_applied=D(2026, 10, 28),
         Stage="Applied", Status="Active", Next_action_due=D(2026, 10, 22)),
    # a closing action typed in another case, after spaces
    dict(ID="P4", Company="Delta", Source="Network", Date_applied=D(2026, 10, 10), Stage="Offer",
         Status="Active", Last_contact=D(2026, 10, 15), Next_action="  decline O2: accepted Zeta",
         Next_action_due=D(2026, 10, 21)),
    # an ordinary application: its follow-up is overdue, its interview tomorrow owes nothing yet
    dict(ID="P5", Company="Eps", Source="Recruiter", Date_applied=D(2026, 10, 13), Stage="Screen",
         Status="Active"),
]  # fmt: skip
INTERVIEWS = [
    dict(ID="I1", Application_ID="P2", Date=dt.datetime(2026, 10, 23, 10, 0), Round="Final",
         Interviewers="Rae Lund"),
    dict(ID="I2", Application_ID="P2", Date=D(2026, 10, 14), Outcome="Cancelled",
         Interviewers="Rae Lund"),
    dict(ID="I3", Application_ID="P2", Date=D(2026, 10, 12), Round="Technical",
         Interviewers="Rae Lund"),
    dict(ID="I4", Application_ID="P3", Date=D(2026, 10, 29)),
    dict(ID="I5", Application_ID="P5", Date=D(2026, 10, 22)),
]  # fmt: skip
OFFERS = [
    dict(ID="O1", Application_ID="P5", Offer_date=D(2026, 10, 26), Base_salary=90000),
    dict(ID="O2", Application_ID="P4", Offer_date=D(2026, 10, 19), Base_salary=95000,
         Status="Pending"),
]  # fmt: skip
LESSONS = [
    dict(Application_ID="P2", Decision_date=D(2026, 10, 30), Due=D(2026, 10, 22), Action="Later"),
    dict(Application_ID="P1", Decision_date=D(2026, 10, 10), Due=D(2026, 10, 23), Action="Now"),
]
TRANSITION = [  # accepted after the as-of date: no start yet
    dict(Offer_ID="O1", Accepted_on=D(2026, 10, 27), Agreed_start=D(2026, 10, 30)),
]

# (due, kind, id, company, flag) of `jobbook deadlines` as of AS_OF
EXPECTED = [
    ("2026-10-13", "thank-you", "I3", "Beta", "Overdue"),
    ("2026-10-20", "follow-up", "P5", "Eps", "Overdue"),
    ("2026-10-21", "next-action", "P4", "Delta", "Due today"),
    ("2026-10-21", "decision", "O2", "Delta", "Due today"),
    ("2026-10-22", "next-action", "P1", "Acme", "Due soon"),
    ("2026-10-23", "lesson", "P1", "Acme", "Due soon"),
]


def closed_book(path: Path) -> Path:
    """The workbook at `path` (.xlsx), AsOf pinned to AS_OF."""
    from jobbook.template import new_workbook

    tmp = new_workbook(path.with_name(f"template-{path.name}"), as_of=AS_OF)
    wb = openpyxl.load_workbook(tmp)
    for sheet, rows in (
        ("Pipeline", PIPELINE),
        ("Interviews", INTERVIEWS),
        ("Offers", OFFERS),
        ("Lessons", LESSONS),
        ("Transition", TRANSITION),
    ):
        ws = wb[sheet]
        col = {c.value: c.column for c in ws[1]}
        for r, values in enumerate(rows, 2):
            for key, value in values.items():
                ws.cell(r, col[key.replace("_", " ")], value)
    settings = wb["Settings"]
    for row in settings.iter_rows(min_col=1, max_col=2):
        if row[0].value == "Your name":  # drafts sign with it
            row[1].value = "Sam Carter"
    wb.save(path)
    tmp.unlink()
    return path

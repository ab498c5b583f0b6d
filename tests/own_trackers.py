"""More trackers as job seekers keep them, made by hand for the import fixes of the two reviews
(issue 19, round B), each in the style of a class of real files: a UK graduate's tracker saved
from Google Sheets (day-first dates), a Notion database exported as CSV (Created time, Last edited
time, no date applied), a personal Excel tracker whose link column shows "Apply here" (cell
hyperlinks, =HYPERLINK formulas, job titles linking to their posting), a bootcamp sheet with an
unnamed tick column, a Referral? checkbox and a Location/Remote? column, and a student's CSV in
which one quote is never closed. Dates are set against the pinned as-of day (2026-10-21)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

D = dt.date


def _csv(path: Path, header: list[str], rows: list[list[object]], crlf: bool = True) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n" if crlf else "\n").writerows([header, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


# -- a UK graduate's tracker, downloaded from Google Sheets (en-GB: dd/mm/yyyy) ----------------------
UK_HEADER = ["Organisation", "Job", "Date of application", "Assessment centre", "Outcome", "Notes"]
UK_ROWS = [
    ["Brunel Water", "Graduate Data Analyst", "05/10/2026", "", "Awaiting response", ""],
    ["Cotswold Bank", "Risk Analyst", "01/09/2026", "07/10/2026", "Invited to interview", ""],
    ["Exmoor Energy", "Analyst", "03/09/2026", "", "Unsuccessful", "Feedback: more SQL"],
    ["Fenland Rail", "Operations Analyst", "11/08/2026", "09/09/2026", "Offer made", ""],
    ["Grampian Foods", "Supply Analyst", "02/10/2026", "", "Applied", "via Bright Network"],
    ["Hebden Media", "Insight Analyst", "06/10/2026", "", "Applied", ""],
]  # every Date of application could be read either way; Assessment centre too
UK_DAY_FIRST = {  # as a GB reader means them
    "Brunel Water": D(2026, 10, 5),
    "Cotswold Bank": D(2026, 9, 1),
    "Exmoor Energy": D(2026, 9, 3),
    "Fenland Rail": D(2026, 8, 11),
    "Grampian Foods": D(2026, 10, 2),
    "Hebden Media": D(2026, 10, 6),
}


def uk_csv(path: Path) -> Path:
    return _csv(path, UK_HEADER, UK_ROWS)


# -- a Notion database exported as CSV -----------------------------------------------------------------
NOTION_HEADER = ["Company", "Position", "Status", "Link", "Created time", "Last edited time"]
NOTION_ROWS = [
    ["Aurora Labs", "Data Analyst", "Applied", "https://aurora.example/jobs/12",
     "September 2, 2026 9:14 AM", "September 3, 2026 10:01 AM"],
    ["Beacon Health", "BI Developer", "Interviewing", "",
     "September 10, 2026 8:00 AM", "October 14, 2026 5:40 PM"],
    ["Cinder Games", "Analytics Engineer", "Rejected", "",
     "August 28, 2026 7:30 PM", "September 30, 2026 11:12 AM"],
    ["Delta Freight", "Data Engineer", "Wishlist", "",
     "October 19, 2026 8:45 PM", "October 19, 2026 8:45 PM"],
]  # fmt: skip


def notion_csv(path: Path) -> Path:
    return _csv(path, NOTION_HEADER, NOTION_ROWS, crlf=False)


# -- a personal Excel tracker with links -------------------------------------------------------------
LINKS = {
    "Acme Analytics": "https://careers.acme.example/jobs/123",  # "Apply here", a cell hyperlink
    "Bolt Energy": "https://bolt.example/j/9",  # =HYPERLINK("...","Link")
    "Crane Robotics": "https://jobs.crane.example/postings/77",  # the job title links to it
}


def linked_xlsx(path: Path) -> Path:
    """A tracker made in Excel: a title row, a link column of "Apply here" hyperlinks and
    =HYPERLINK formulas (no saved value: openpyxl writes none), a job title that links to its
    posting, a mailto link that is no posting, an internal link to another sheet."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "My applications"
    ws.append(["Job hunt autumn 2026"])
    ws.append(["Company", "Job Title", "Date Applied", "Status", "Job Link", "Contact"])
    ws.append(["Acme Analytics", "Analyst", D(2026, 10, 2), "Applied", "Apply here", None])
    ws["E3"].hyperlink = LINKS["Acme Analytics"]
    ws.append(["Bolt Energy", "Engineer", D(2026, 10, 5), "Applied",
               f'=HYPERLINK("{LINKS["Bolt Energy"]}","Link")', None])  # fmt: skip
    ws.append(["Crane Robotics", "Data Engineer", D(2026, 10, 6), "Phone screen", None, None])
    ws["B5"].hyperlink = LINKS["Crane Robotics"]
    ws.append(["Dune Media", "Analyst", D(2026, 10, 7), "Applied", "see email", "Ann Lee"])
    ws["F6"].hyperlink = "mailto:ann@dune.example"
    ws["E6"].hyperlink = "#Notes!A1"
    wb.create_sheet("Notes").append(["nothing here"])
    wb.save(path)
    return path


# -- a bootcamp sheet: an unnamed tick column, Referral?, Location/Remote? ----------------------------
CHECKS_HEADER = ["\u2714", "Employer", "Role", "Applied On", "Status", "Location/Remote?",
                 "Referral?", "Cover letter?", "Followed up?"]  # fmt: skip
CHECKS_ROWS = [
    [True, "Nimbus Analytics", "Junior Data Analyst", D(2026, 9, 8), "Rejected", "Austin, TX", True, True, "yes"],
    [True, "Orchid Retail", "Data Analyst", D(2026, 9, 15), "Interviewing", "Remote", False, False, "no"],
    [True, "Pelican Insurance", "BI Analyst", D(2026, 10, 14), "Applied", "Hybrid - Boston", False, True, "no"],
    [True, "Quill Publishing", "Data Analyst", D(2026, 10, 1), "Offer", "NYC", True, False, "yes"],
    [False, "Rook Chess Co", "Analyst", None, "Not started", "Remote", False, False, "no"],
]  # fmt: skip


def checks_xlsx(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Tick \u2714 when sent."])
    ws.append(CHECKS_HEADER)
    for r in CHECKS_ROWS:
        ws.append(r)
    for _ in range(20):  # the template's empty rows: unticked boxes
        ws.append([False, None, None, None, None, None, False, False, "no"])
    wb.save(path)
    return path


# -- a student's CSV with a quote never closed ---------------------------------------------------------
def unclosed_csv(path: Path) -> Path:
    """Google Sheets quotes a field that holds a comma or a line break; this file was edited by
    hand afterwards and a quote typed before a role was never closed: rows 4-6 would vanish into
    one cell."""
    text = (
        "Company,Role,Date Applied,Status,Notes\r\n"
        'Aster Labs,SWE Intern,9/15/2026,Applied,"Met Sam at the fair,\r\nsent a thank-you"\r\n'
        'Birch Bank,"Quant Intern,9/20/2026,Applied,\r\n'
        "Cobalt AI,ML Intern,9/22/2026,Interviewing,\r\n"
        "Dahlia Co,Data Intern,9/25/2026,Rejected,\r\n"
        'Elm Health,"Product Intern",9/28/2026,Applied,"two quoted, ok"\r\n'
    )
    path.write_text(text, encoding="utf-8")
    return path

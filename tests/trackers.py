"""Trackers as job seekers keep them, made by hand for the import tests (issue 19), each in the
style of a class of real files: a bootcamp's Excel template (a title above the header, checkboxes,
a dropdown's default status on hundreds of empty rows, a repeated LOCATION column, salary ranges,
a computed column), a student's internship CSV (messy dates, jokey status words, emoji), a sheet
written by a script (ISO dates as text, snake_case headers, a stage history), LinkedIn's export of
years of applications with reposted jobs, and Huntr's export of two boards over two years. Dates are
set against the pinned as-of day of the sample book (2026-10-21)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

D = dt.date

# -- a bootcamp's template ---------------------------------------------------------------------------
BOOTCAMP_HEADER = [
    "#", "Company Name", "Job Title", "Link", "Date Applied", "Status", "Applied?",
    "Followed Up?", "Interview?", "Contact", "Contact Email", "Salary Range", "LOCATION",
    "LOCATION", "Days Since Applied", "Notes",
]  # fmt: skip
# company, role, link, applied, status, applied?, followed up?, interview?, contact, email,
# salary, location (first), location (second), notes
BOOTCAMP_ROWS = [
    ("Fernhill Labs", "Junior Data Analyst", "https://fernhill.example/jobs/11", D(2026, 9, 2), "Accepted!", True, True, True, "Dana Ruiz", "dana@fernhill.example", "$80,000 - $95,000", "Denver, CO", None, "Start Nov 3"),
    ("Brightwave", "Data Analyst", "https://brightwave.example/careers/7", D(2026, 9, 5), "Rejected ", True, False, True, None, None, "80-95k", None, "Remote", None),
    ("Cobalt Health", "BI Analyst", None, "2026-09-08", "Interviewing", True, True, True, None, None, "$70k", "Austin, TX", None, "2nd round next week"),
    ("Northgate Bank", "Reporting Analyst", "https://northgate.example/j/4411", D(2026, 9, 10), "Ghosted", True, True, False, None, None, "DOE", "Chicago, IL", None, None),
    ("Pinecrest Retail", "Data Analyst I", "https://pinecrest.example/jobs/1", D(2026, 9, 12), "Final Round", True, False, True, "Sam Oyelaran", None, None, None, "Hybrid - Boston", None),
    ("Quarry Systems", "Analytics Intern", None, None, "Not Started", False, False, False, None, None, "$25/hr", None, None, "Deadline Oct 30"),
    ("Lattice Energy", "Data Analyst", "https://lattice.example/careers/92", D(2026, 9, 20), "Negotiating Offer", True, True, True, None, None, "$90,000-$100,000", "Houston, TX", None, None),
    ("Meridian Media", "Marketing Analyst", None, D(2026, 10, 1), "Pending", True, False, False, None, None, None, "NYC", None, None),
    ("Harborview Hospital", "Data Coordinator", None, D(2026, 10, 3), "Phone Screen", True, False, False, None, None, None, "Seattle, WA", None, None),
    ("Silverline Logistics", "Ops Analyst", None, D(2026, 9, 1), "Withdrew", True, False, False, None, None, None, "Dallas, TX", None, "Took the Fernhill offer"),
    ("Oakmont Insurance", "Data Analyst", None, D(2026, 7, 1), "Applied", True, False, False, None, None, None, "Hartford, CT", None, None),
    ("Oakmont Insurance", "Data Analyst", None, D(2026, 9, 28), "Applied", True, False, False, None, None, None, "Hartford, CT", None, "Re-applied to the reposted role"),
]  # fmt: skip
BOOTCAMP_TEMPLATE_ROWS = 150  # empty rows the template ships: numbered, unticked, "Not Started"


def bootcamp_xlsx(path: Path) -> Path:
    """A bootcamp tracker: two title lines, the header on row 4, 12 filled rows, then 150 rows of
    the template's defaults (row number, unticked boxes, "Not Started", a Days formula)."""
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    ws.append(["\U0001f680 JOB SEARCH TRACKER \u2014 Cohort 12"])
    ws.append(["Update it every Friday. Statuses come from the dropdown."])
    ws.append([])
    ws.append(BOOTCAMP_HEADER)
    dv = DataValidation(type="list", formula1='"Not Started,Applied,Interviewing,Offer,Rejected"')
    ws.add_data_validation(dv)
    for i, r in enumerate(BOOTCAMP_ROWS, 1):
        company, role, link, applied, status, a, f, iv, contact, email, pay, loc1, loc2, note = r
        row = ws.max_row + 1
        days = f'=IF(E{row}="","",TODAY()-E{row})'
        ws.append([i, company, role, link, applied, status, a, f, iv, contact, email, pay,
                   loc1, loc2, days, note])  # fmt: skip
    for i in range(len(BOOTCAMP_ROWS) + 1, len(BOOTCAMP_ROWS) + BOOTCAMP_TEMPLATE_ROWS + 1):
        row = ws.max_row + 1
        ws.append([i, None, None, None, None, "Not Started", False, False, False, None, None,
                   None, None, None, f'=IF(E{row}="","",TODAY()-E{row})', None])  # fmt: skip
    dv.add(f"F5:F{ws.max_row}")
    wb.create_sheet("Resources").append(["Tips", "Tailor every resume"])
    wb.save(path)
    return path


# -- a student's internship CSV ----------------------------------------------------------------------
STUDENT_HEADER = ["Company", "Role name", "Applied Date", "Result", "Link", "Where I found it", "Comments"]  # fmt: skip
STUDENT_ROWS = [
    ["Google", "STEP Intern", "9/15/2025", "reeejected", "https://careers.google.example/jobs/123", "Handshake", "applied w/ referral code"],
    ["Jane Street", "Software Engineer Intern", "Sept 20, 2025", "Rejection :(", "", "career fair", ""],
    ["Stripe", "SWE Intern", "10/2/25", "ghosted \U0001f47b", "https://stripe.example/jobs/9", "LinkedIn", ""],
    ["Two Sigma", "Quant Research Intern", "2025-10-05", "OA received", "", "company website", "HackerRank, 2 hours"],
    ["Palantir", "Forward Deployed Intern", "Oct 7th 2025", "rip", "", "referral", "friend of Maya"],
    ["Citadel", "SWE Intern", "10/9/2025", "lol no", "", "Handshake", ""],
    ["Meta", "Software Engineer Intern", "10/10/2025", "\U0001f480", "", "LinkedIn", ""],
    ["Datadog", "SWE Intern", "10/12/2025", "final round!!", "", "LinkedIn", "onsite in NYC"],
    ["Duolingo", "SWE Intern", "10/15/2025", "OFFER \U0001f389\U0001f389", "", "referral", "$50/hr"],
    ["Epic Systems", "SWE Intern", "10/16/2025", "pending", "", "career fair", ""],
    ["Capital One", "Tech Intern", "10/20/2025", "ongoing", "", "Handshake", ""],
    ["Bloomberg", "SWE Intern", "10/22/2025", "no reply", "", "company website", ""],
    ["Amazon", "SDE Intern", "10/25/2025", "Interviewing", "", "LinkedIn", ""],
    ["IBM", "Data Science Intern", "11/1/2025", "HireVue done", "", "Handshake", ""],
    ["Salesforce", "Futureforce Intern", "11/3/2025", "Accepted offer", "", "referral", "signed!!"],
    ["Microsoft", "Explore Intern", "11/5/2025", "never heard back", "", "career fair", ""],
]  # fmt: skip
# the three dates of the tracker that no one can read, in rows of their own
STUDENT_BAD = [
    ["Nvidia", "Intern", "8/82019", "rejected", "", "", ""],
    ["Intel", "Intern", "8-Jul", "rejected", "", "", ""],
    ["AMD", "Intern", "8/3/2019 and 9/9/2019", "Interviewing", "", "", ""],
]  # fmt: skip


def student_csv(path: Path, bad: bool = False) -> Path:
    """The student's CSV as Google Sheets downloads it (UTF-8, CRLF); with `bad`, the three
    unreadable dates too, among the others."""
    rows = [*STUDENT_ROWS[:5], *(STUDENT_BAD if bad else []), *STUDENT_ROWS[5:]]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(STUDENT_HEADER)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


# -- a sheet written by a script -------------------------------------------------------------------
SCRIPT_HEADER = ["organization", "position_title", "date_submitted", "application_status",
                 "job_link", "city", "platform", "stage_history", "interviewer"]  # fmt: skip
SCRIPT_ROWS = [
    ["Acme Analytics", "Data Engineer", "2026-08-03", "rejected", "https://acme.example/jobs/77", "Berlin", "StepStone",
     "applied:2026-08-03 -> phone_screen:2026-08-12 -> onsite:2026-08-25 -> rejected:2026-09-02", "K. Meyer"],
    ["Globex", "Analytics Engineer", "2026-09-14T10:22:31", "in_progress", "https://globex.example/careers/5", "Munich", "LinkedIn",
     "applied:2026-09-14 -> phone_screen:2026-09-30", "A. Chen"],
    ["Initech", "Data Engineer", "2026-06-01", None, "https://initech.example/j/3", "Hamburg", "Indeed",
     "applied:2026-06-01", None],
    ["Umbrella Corp", "BI Engineer", "2026-10-10", "offer", None, "Remote", "Referral",
     "applied:2026-10-10 -> screen:2026-10-12 -> final_round:2026-10-16 -> offer:2026-10-19", None],
]  # fmt: skip


def script_xlsx(path: Path) -> Path:
    """What a script writes with openpyxl: one sheet, snake_case headers, every date as ISO text."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "export"
    ws.append(SCRIPT_HEADER)
    for r in SCRIPT_ROWS:
        ws.append(r)
    wb.save(path)
    return path


# -- LinkedIn's export of years -----------------------------------------------------------------------
LINKEDIN_HEADER = "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers"  # fmt: skip
# (applied, company, title, job id): reposts of one job (other ids), the same title years apart
LINKEDIN_YEARS = [
    (dt.datetime(2026, 10, 18, 9, 5), "Vantage Robotics", "Data Engineer", 4012000001),
    (dt.datetime(2026, 10, 2, 14, 40), "Vantage Robotics", "Data Engineer", 4011000002),  # repost
    (dt.datetime(2026, 9, 28, 8, 15), "Kestrel Bank", "Senior Data Analyst", 4010000003),
    (dt.datetime(2026, 9, 27, 8, 15), "Kestrel Bank", "Senior Data Analyst", 4010000004),  # repost
    (
        dt.datetime(2026, 6, 3, 11, 0),
        "Kestrel Bank",
        "Senior Data Analyst",
        3990000005,
    ),  # months before
    (dt.datetime(2025, 3, 14, 16, 30), "Northwind Health", "Data Analyst", 3700000006),
    (
        dt.datetime(2025, 3, 14, 16, 35),
        "Northwind Health",
        "Data Analyst",
        3700000006,
    ),  # clicked twice
    (dt.datetime(2024, 11, 20, 8, 15), "Orion Freight", "BI Developer", 3600000007),
    (
        dt.datetime(2024, 11, 20, 9, 0),
        "Orion Freight",
        "BI Developer",
        3600000008,
    ),  # the same day, repost
    (
        dt.datetime(2023, 5, 9, 10, 10),
        "Vantage Robotics",
        "Data Engineer",
        3300000009,
    ),  # years before
    (dt.datetime(2022, 1, 12, 12, 0), "Pelican Games", "Junior Analyst", 2800000010),
]
LINKEDIN_DISTINCT = 10  # the Northwind click twice is one application; every other row is one


def _linkedin_row(when: dt.datetime, company: str, title: str, job: int) -> str:
    stamp = (
        f"{when.month}/{when.day}/{when.year % 100:02d}, {when.strftime('%I:%M %p').lstrip('0')}"
    )
    url = f"https://www.linkedin.com/jobs/view/{job}/"
    return f'"{stamp}",me@example.com,+1 555 0100,{company},{title},{url},resume.pdf,'


def linkedin_years_zip(path: Path) -> Path:
    """LinkedIn's export: the applications in two batch files, newest first, and a saved job."""
    rows = [_linkedin_row(*r) for r in LINKEDIN_YEARS]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("Jobs/Job Applications.csv", "\r\n".join([LINKEDIN_HEADER, *rows[:6]]) + "\r\n")
        zf.writestr(
            "Jobs/Job Applications_1.csv", "\r\n".join([LINKEDIN_HEADER, *rows[6:]]) + "\r\n"
        )
        zf.writestr(
            "Jobs/Saved Jobs.csv",
            "Saved Date,Job Url,Job Title,Company Name\r\n"
            '"10/20/26, 7:00 PM",https://www.linkedin.com/jobs/view/4013000011/,Staff Analyst,Juniper Air\r\n',
        )
        zf.writestr("Profile.csv", "First Name,Last Name\r\nAda,Lovelace\r\n")
    return path


# -- Huntr's export of two boards over two years ------------------------------------------------------
HUNTR_HEADER = ["_id", "title", "companyName", "url", "listName", "boardName", "createdAt",
                "lastMovedAt", "location", "salary", "description"]  # fmt: skip
HUNTR_ROWS = [
    # an old search: its Applied cards never moved again
    ["6401", "Data Analyst Intern", "Birchwood Partners", "https://birchwood.example/jobs/1", "Applied", "Internships 2025", "2025-02-01T10:00:00.000Z", "2025-02-03T09:00:00.000Z", "Boston, MA", "-", "<p>Intern...</p>"],
    ["6402", "Analyst Intern", "Crescent Capital", "-", "Rejected", "Internships 2025", "2025-02-05T10:00:00.000Z", "2025-03-01T12:00:00.000Z", "NYC", "-", "-"],
    ["6403", "Research Intern", "Dovetail Labs", "-", "Phone Screen", "Internships 2025", "2025-02-07T10:00:00.000Z", "2025-02-20T12:00:00.000Z", "-", "$30/hr", "-"],
    # this year's search
    ["7101", "Data Analyst", "Elmstead Foods", "https://elmstead.example/careers/3", "Applied", "2026 Job Search", "2026-10-01T08:00:00.000Z", "2026-10-06T08:00:00.000Z", "Remote", "$70,000 - $85,000", "-"],
    ["7102", "BI Analyst", "Foxglove Media", "-", "Applied", "2026 Job Search", "2026-08-20T08:00:00.000Z", "2026-08-21T08:00:00.000Z", "Portland, OR", "-", "-"],
    ["7103", "Analytics Engineer", "Granite Cloud", "https://granite.example/jobs/88", "Interview", "2026 Job Search", "2026-09-10T08:00:00.000Z", "2026-10-15T16:00:00.000Z", "Remote", "120k-140k", "-"],
    ["7104", "Data Analyst", "Hollyhock Bank", "-", "Offer", "2026 Job Search", "2026-08-01T08:00:00.000Z", "2026-10-19T16:00:00.000Z", "Charlotte, NC", "$95,000", "-"],
    ["7105", "Data Scientist", "Ironbark AI", "-", "Wishlist", "2026 Job Search", "2026-10-20T08:00:00.000Z", "-", "-", "-", "-"],
    ["7106", "Analyst", "Juniper Air", "-", "Take-home", "2026 Job Search", "2026-10-05T08:00:00.000Z", "2026-10-14T08:00:00.000Z", "-", "-", "-"],
]  # fmt: skip


def huntr_csv(path: Path) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HUNTR_HEADER)
    w.writerows(HUNTR_ROWS)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path

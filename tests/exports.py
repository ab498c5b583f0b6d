"""Export files as other trackers write them, made by hand for the import tests: LinkedIn's data
export (several Job Applications files, a BOM, CRLF line ends, quoted commas and line breaks,
blank lines, a ragged row, non-ASCII names, tracking parameters), Huntr's and Teal's CSV exports
and a CSV and a sheet of one's own. They are written against the pinned sample search
(``jobbook new --sample --as-of 2026-10-21``), whose applications some of them repeat."""

from __future__ import annotations

import zipfile
from pathlib import Path

APPLICATIONS_1 = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\r\n"
    # the sample's A001 under its legal name: the same company and role -> skipped
    '"7/2/26, 9:14 AM",me@example.com,+1 555 0100,"Wavelength Radio, Inc.",Product Analyst,https://www.linkedin.com/jobs/view/4100000001/,cv.pdf,\r\n'
    # the sample's A002 posting with tracking parameters, another spelling -> skipped
    '"7/3/26, 10:00 AM",me@example.com,,OAKRIDGE PHARMA LLC,Sr. Analytics Engineer,https://jobs.example.com/oakridge-pharma/3937?utm_source=linkedin&refId=Zx9&trackingId=a1b2,cv.pdf,\r\n'
    "\r\n"
    # new, recent: Active; a quoted comma, an ampersand, umlauts, a multi-line answer
    '"10/14/26, 8:15 AM",me@example.com,,Müller & Söhne GmbH,"Data Engineer, Platform",https://www.linkedin.com/jobs/view/3791234567/?refId=abc&trackingId=xyz,cv-2026.pdf,"Why us?: Because, simply,\r\nyou build things"\r\n'
    # new, old: No response
    '"7/20/26, 4:30 PM",me@example.com,,Łódź Logistics,Analytics Engineer,https://www.linkedin.com/jobs/view/3790000002/,cv.pdf,\r\n'
    # a typo of the sample's A009 (Quill Publishing, Data Analyst): added, reported
    '"10/1/26, 11:02 AM",me@example.com,,Quill Publishng,Data Analyst,https://www.linkedin.com/jobs/view/3790000003/,cv.pdf,\r\n'
    # no Job Url, an extra field at the end
    '"10/16/26, 2:45 PM",me@example.com,,Harbor Analytics,Data Analyst,,cv.pdf,,extra\r\n'
)
APPLICATIONS_2 = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n"
    # the Müller posting again, its LinkedIn job id inside another address -> skipped
    '"10/14/26, 8:20 AM",me@example.com,,Mueller and Soehne,Data Engineer - Platform,https://www.linkedin.com/jobs/view/data-engineer-platform-at-muller-3791234567?trk=public_jobs,cv.pdf,\n'
    '"10/18/26, 9:00 AM",me@example.com,,Ørsted Wind,Data Analyst (Energy),https://www.linkedin.com/jobs/view/3790000004/,cv.pdf,\n'
)
SAVED = (
    "Saved Date,Job Url,Job Title,Company Name\r\n"
    '"10/19/26, 7:00 PM",https://www.linkedin.com/jobs/view/3790000005/,Staff Data Scientist,Kōbe Robotics\r\n'
    # saved, then applied to (Ørsted above): the same posting -> skipped
    '"10/17/26, 7:00 PM",https://www.linkedin.com/jobs/collections/recommended/?currentJobId=3790000004,Data Analyst (Energy),Ørsted Wind\r\n'
)
# what the LinkedIn files add: A062 Müller, A063 Łódź (No response), A064 Quill typo, A065 Harbor,
# A066 Ørsted, A067 Kōbe (Wishlist); skipped: Wavelength, Oakridge, Müller again, Ørsted saved
LINKEDIN_ADDED = 6
LINKEDIN_SKIPPED = 4

HUNTR = (
    "title,companyName,url,listName,createdAt,location,salary,description\n"
    'Data Engineer,Northwind Traders,https://boards.greenhouse.io/northwind/jobs/123?gh_src=abc,Applied,2026-10-02T14:03:11.000Z,Remote,"$120,000 - $140,000",-\n'
    "Analytics Lead,Contoso,-,Wishlist,2026-10-10T09:00:00.000Z,-,-,-\n"
    'BI Developer,Fabrikam,https://jobs.example.com/fabrikam/77,Rejected,2026-08-01T10:00:00.000Z,"Austin, TX",130k,-\n'
)
TEAL = (
    "company_name,role,url,applied_at,statusName,location,excitement,notes\n"
    "Adatum,Data Scientist,https://adatum.example/careers/9?utm_campaign=x,2026-10-05,Interviewing,Berlin,4,Met at a meetup\n"
    "Wavelength Radio,Product Analyst,,2026-06-23,Applied,,,\n"
)
OWN_CSV = (
    "Employer;Position;Applied on;Link;Recruiter;Recruiter email\n"
    "Tailspin Toys;Data Analyst;2026-10-12;https://tailspin.example/jobs/1;José Núñez;jose@tailspin.example\n"
    '=HYPERLINK("http://evil");Analyst;2026-10-13;;;\n'
)
OWN_MAP = (
    "Company=Employer,Role=Position,Date applied=Applied on,Posting URL=Link,"
    "Contact=Recruiter,Contact email=Recruiter email"
)


def linkedin_folder(root: Path) -> Path:
    """LinkedIn's export unpacked: other files beside Jobs/, which holds the job files."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "Connections.csv").write_text("First Name,Last Name\nAda,Lovelace\n")
    jobs = root / "Jobs"
    jobs.mkdir(exist_ok=True)
    (jobs / "Job Applications.csv").write_bytes(b"\xef\xbb\xbf" + APPLICATIONS_1.encode())
    (jobs / "Job Applications_1.csv").write_text(APPLICATIONS_2, encoding="utf-8")
    (jobs / "Saved Jobs.csv").write_bytes(b"\xef\xbb\xbf" + SAVED.encode())
    (jobs / "Job Seeker Preferences.csv").write_text("Locations\nRemote\n")
    return root


def linkedin_zip(path: Path) -> Path:
    """The export as LinkedIn sends it: one .zip."""
    folder = linkedin_folder(path.with_suffix(""))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return path


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path

"""The workbook's mailto: links, computed by LibreOffice, equal `jobbook draft --short`.

LibreOffice recalculates the sample (with a few awkward rows added: separators, accents, an
apostrophe, a blank Round, people met who share a first name, an application nobody in Contacts
belongs to, one whose company's people were met on another application) and exports it to HTML,
where each HYPERLINK becomes <a href="...">: the link exactly as computed. Each link must be the
short draft's link character for character, a valid mailto: URL whose decoded subject and body
are the draft's.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import openpyxl
import pandas as pd
import pytest

import jobbook
from jobbook.drafts import draft
from jobbook.libreoffice import convert
from jobbook.schema import LINK_LIMIT, LINKS
from jobbook.template import new_workbook

pytestmark = pytest.mark.libreoffice
AS_OF = dt.date(2026, 10, 21)


class Links(HTMLParser):
    """{(sheet, first cell of the row): href} of LibreOffice's HTML export."""

    def __init__(self) -> None:
        super().__init__()
        self.sheet, self.row, self.cell, self.href = "", [], None, None
        self.links: dict[tuple[str, str], str] = {}
        self._heading = False

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self._heading, self.sheet = True, ""
        elif tag == "tr":
            self.row, self.href = [], None
        elif tag == "td":
            self.cell = ""
        elif tag == "a" and dict(attrs).get("href", "").startswith("mailto:"):
            self.href = dict(attrs)["href"]

    def handle_endtag(self, tag):
        if tag == "h1":
            self._heading = False
            self.sheet = self.sheet.split(": ", 1)[-1]  # "Sheet 2: Interviews"
        elif tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.href:
            self.links[(self.sheet, self.row[0])] = self.href

    def handle_data(self, data):
        if self._heading:
            self.sheet += data
        elif self.cell is not None:
            self.cell += data


# Interviewers cells in the shapes people type them, and the greeting each gets (README § Message drafts:
# first names, full names where two share one)
PEOPLE_MET = [
    ("Ana Ruiz ;  Zoë O'Brien & Bo Li", "Ana, Zoë and Bo"),
    ("Diego Alvarez, Diego Brandt", "Diego Alvarez and Diego Brandt"),
    ("diego alvarez and DIEGO Brandt, and Mei Rossi,,", "diego alvarez, DIEGO Brandt and Mei"),
    ("Aisha Haddad\nAisha Kim\nGrace Silva", "Aisha Haddad, Aisha Kim and Grace"),
    ("  Noah   Moreau  ", "Noah"),
    ("Jo, Jo Kim", "Jo and Jo Kim"),
]


def awkward(path: Path) -> Path:
    """The sample with rows that test the formulas' text handling."""
    wb = openpyxl.load_workbook(path)
    iv, contacts, lessons = wb["Interviews"], wb["Contacts"], wb["Lessons"]
    col = {c.value: c.column for c in iv[1]}
    company = {r[0].value: r[1].value for r in wb["Pipeline"].iter_rows(min_row=2) if r[0].value}
    app = iv.cell(2, col["Application ID"]).value
    for r, (met, _) in enumerate(PEOPLE_MET, 2):
        iv.cell(r, col["Interviewers"], met)
    iv.cell(2, col["Round"]).value = None  # cell(r, c, None) would leave the old value
    iv.cell(3, col["Round"], "Final interview")
    free = next(r for r in range(2, contacts.max_row + 1) if contacts.cell(r, 1).value is None)
    for k, (name, email) in enumerate(
        [("Ana Ruiz", "ana.ruiz@x.test"), ("Zoë O'Brien", "zoe@x.test"), ("Bo Li", None)]
    ):
        contacts.cell(free + k, 1, name)
        contacts.cell(free + k, 3, company[app].upper())  # companies match whatever their case
        contacts.cell(free + k, 4, app)
        contacts.cell(free + k, 5, "Interviewer")
        contacts.cell(free + k, 6, email)
    free = next(r for r in range(2, lessons.max_row + 1) if lessons.cell(r, 1).value is None)
    met = {c.value for c in contacts["D"]}
    known = {str(c.value).strip().lower() for c in contacts["C"] if c.value}
    alone = [a for a in company if a not in met and company[a].lower() not in known]
    pipeline = wb["Pipeline"]
    status = next(c.column for c in pipeline[1] if c.value == "Status")
    row_of = {r[0].value: r[0].row for r in pipeline.iter_rows(min_row=2) if r[0].value}
    # nobody in Contacts: To blank, "Hello"; a contact without a role: the fallback; still Active:
    # no link (feedback follows a rejection or a decline, whatever the case and spaces); nobody
    # for the application but someone of its company met on another one: that colleague
    for k, (ident, state) in enumerate(
        zip(alone, ["rejected ", "Offer declined", "Active", "Rejected"])
    ):
        lessons.cell(free + k, 1, ident)
        pipeline.cell(row_of[ident], status, state)
    free = next(r for r in range(2, contacts.max_row + 1) if contacts.cell(r, 1).value is None)
    contacts.cell(free, 1, "Pat Quinn")
    contacts.cell(free, 4, alone[1])
    contacts.cell(free, 6, "pat@x.test")
    contacts.cell(free + 1, 1, "Lee Varga")  # no email: passed over
    contacts.cell(free + 1, 3, f"  {company[alone[3]].lower()} ")
    contacts.cell(free + 1, 4, alone[0])
    contacts.cell(free + 2, 1, "Kai  Ito Sato")
    contacts.cell(free + 2, 3, company[alone[3]].upper())
    contacts.cell(free + 2, 4, "A999")
    contacts.cell(free + 2, 5, "Interviewer")
    contacts.cell(free + 2, 6, "kai@x.test")
    settings = wb["Settings"]
    row = next(r for r in range(1, 30) if settings.cell(r, 1).value == "Your name")
    settings.cell(row, 2, "Zoë Ng-Lee")
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def computed(tmp_path_factory, soffice):
    d = tmp_path_factory.mktemp("links")
    book = awkward(new_workbook(d / "links.xlsx", sample=True, as_of=AS_OF))
    parser = Links()
    parser.feed(convert(book, "html", d / "html").read_text(encoding="utf-8"))
    return jobbook.read_book(book), parser.links


def test_mailto_links_equal_the_short_drafts(computed):
    book, links = computed
    with_body = without_body = 0
    for link in LINKS.values():
        df = book.tables[link.table]
        key = "ID" if "ID" in df.columns else "Application ID"
        for ident, label in zip(df[key], df[link.header]):
            got = links.get((link.table, ident))
            if not label:
                assert got is None, (link.table, ident)
                continue
            want = draft(book, link.kind, ident, short=True)
            assert got == want.link, (link.table, ident)
            url = urlsplit(got)
            query = parse_qs(url.query, keep_blank_values=True)
            assert url.scheme == "mailto" and len(got) <= LINK_LIMIT
            assert url.path == ",".join(p.email for p in want.to)
            assert query["subject"] == [want.subject]
            if "body" in query:
                assert query["body"] == [want.body]
                with_body += 1
            else:
                without_body += 1
    assert with_body > 5 and without_body > 5  # both cases occur in the sample


def test_awkward_rows(computed):
    book, links = computed
    iv = book.tables["Interviews"]
    first = iv["ID"].iloc[0]
    url = urlsplit(links[("Interviews", first)])
    assert url.path == "ana.ruiz@x.test,zoe@x.test"
    d = draft(book, "thank-you", first, short=True)
    assert d.body.startswith("Hi Ana, Zoë and Bo,\n\nThank you for the interview at")
    assert d.body.endswith("Zoë Ng-Lee")
    assert "the Final interview at" in draft(book, "thank-you", iv["ID"].iloc[1], short=True).body
    for ident, (_, greeted) in zip(iv["ID"], PEOPLE_MET):  # the link greets as the draft does
        link = links[("Interviews", ident)]
        assert f"body=Hi%20{quote(greeted, safe='')}%2C%0A" in link or "&body=" not in link
        short = draft(book, "thank-you", ident, short=True).body.split("\n")[0]
        full = draft(book, "thank-you", ident).body.split("\n")[0]
        assert short == full == f"Hi {greeted},"
    lonely, fallback, active, colleague = (
        book.tables["Lessons"]["Application ID"].dropna().iloc[-4:]
    )
    href = links[("Lessons", colleague)]
    assert href.startswith("mailto:kai@x.test?subject=") and "body=Hi%20Kai%2C" in href
    d = draft(book, "feedback", colleague)
    assert [p.email for p in d.to] == ["kai@x.test"] and d.body.startswith("Hi Kai,")
    assert d.notes[0].startswith("to Kai Ito Sato (Interviewer, on A999), the first contact of")
    href = links[("Lessons", lonely)]
    assert href.startswith("mailto:?subject=Feedback%20on%20my%20application&body=Hello%2C%0A")
    assert links[("Lessons", fallback)].startswith("mailto:pat@x.test?subject=")
    assert "body=Hi%20Pat%2C" in links[("Lessons", fallback)]
    assert ("Lessons", active) not in links
    ahead = iv.loc[iv["Date"] > pd.Timestamp(AS_OF), "ID"]  # a thank-you follows the interview
    assert len(ahead) and not any(("Interviews", i) in links for i in ahead)

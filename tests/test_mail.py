"""jobbook mail (issue 24, README § Your mail): mailboxes read offline, messages classified and
matched, proposals written through the editor. Fixtures are made with the stdlib email package in
the styles the issue lists (tests/mailmaker.py, tests/mailbook.py)."""

from __future__ import annotations

import datetime as dt
import email
import io
import json
from email import policy
from pathlib import Path

import pytest
from mailbook import EXPECTED, ME, build_book, mailbox
from mailmaker import ics, mbox, message, named, when, write_folder, write_mbox, write_zip

from jobbook.cli import main
from jobbook.errors import MailUnreadable
from jobbook.mail.classify import classify
from jobbook.mail.decode import BadMessage, decode
from jobbook.mail.sources import Raw, read_sources, split_mbox
from jobbook.reader import read_book


def _subject(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=policy.default)["Subject"])


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def search(tmp_path) -> tuple[Path, Path, dict[str, bytes]]:
    book = build_book(tmp_path / "search.xlsx")
    msgs = mailbox()
    box = write_mbox(tmp_path / "Inbox.mbox", list(msgs.values()))
    return book, box, msgs


# -- reading mailboxes ----------------------------------------------------------------------------


def test_mbox_is_split_as_written_and_escaped_from_lines_come_back():
    body = "First line\n\nFrom the desk of our CEO: welcome.\n>From an old quote\n"
    raws = [
        message(sender="a@x.example", subject="one", date=when("2026-03-01"), text=body),
        message(sender="b@x.example", subject="two", date=when("2026-03-02"), text="Hi"),
    ]
    got = list(split_mbox(io.BytesIO(mbox(raws)), "box"))
    assert [g.origin for g in got] == ["box #1", "box #2"]
    assert b"\nFrom the desk of our CEO" in got[0].data and b"\n>From an old quote" in got[0].data
    assert "From the desk of our CEO" in decode(got[0]).text
    assert decode(got[1]).subject == "two"


def test_mbox_streams_message_by_message():
    """The first message is handed on before the file is read further: a 1 GB mbox costs its
    largest message, not its size."""
    raws = [
        message(sender="a@x.example", subject=f"m{k}", date=when("2026-03-01"), text="x" * 2000)
        for k in range(200)
    ]
    data = io.BytesIO(mbox(raws))
    first = next(iter(split_mbox(data, "box")))
    assert decode(first).subject == "m0"
    assert data.tell() < len(data.getvalue()) / 50


def test_eml_folder_zip_and_apple_mail_folder(tmp_path):
    raws = [
        message(sender="a@x.example", subject=f"s{k}", date=when("2026-03-01"), text="t")
        for k in range(3)
    ]
    folder = write_folder(tmp_path / "eml", raws)
    (folder / "Info.plist").write_text("<plist/>")  # not mail: passed over
    apple = tmp_path / "Inbox.mbox"  # Apple Mail exports a folder holding a file "mbox"
    apple.mkdir()
    write_mbox(apple / "mbox", raws[:2])
    zipped = write_zip(
        tmp_path / "takeout.zip",
        {"Takeout/Mail/All mail Including Spam and Trash.mbox": mbox(raws), "a/1.eml": raws[0]},
    )
    subjects = [decode(r).subject for r in read_sources([folder, apple, zipped])]
    assert subjects == ["s0", "s1", "s2", "s0", "s1", "s0", "s1", "s2", "s0"]


def test_a_source_that_is_not_mail_is_one_error(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\n")
    with pytest.raises(MailUnreadable, match="not a mailbox"):
        list(read_sources([bad]))
    with pytest.raises(MailUnreadable, match="no such file"):
        list(read_sources([tmp_path / "missing.mbox"]))


# -- decoding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("charset", "cte"),
    [("utf-8", "base64"), ("utf-8", "quoted-printable"), ("iso-8859-1", "quoted-printable"),
     ("iso-8859-1", "base64"), ("utf-8", "8bit")],
)  # fmt: skip
def test_bodies_in_every_encoding_read_alike(charset, cte):
    text = "Grüße aus Zürich: leider müssen wir Ihnen mitteilen, dass die Stelle besetzt ist."
    raw = message(
        sender="hr@x.example", subject="Ihre Bewerbung", date=when("2026-03-01"), text=text,
        charset=charset, cte=cte,
    )  # fmt: skip
    assert decode(Raw(raw, "x")).text.strip() == text


def test_windows_1252_declared_as_latin_1_keeps_its_euro_and_quotes():
    body = "Salary: 60.000 \x80 \x93 negotiable \x94".encode("latin-1")
    raw = (
        b"From: hr@x.example\nSubject: Offer\nDate: Mon, 02 Mar 2026 10:00:00 +0100\n"
        b"Message-ID: <w@x>\nContent-Type: text/plain; charset=iso-8859-1\n\n" + body
    )
    assert decode(Raw(raw, "x")).text.strip() == "Salary: 60.000 € \u201c negotiable \u201d"


def test_html_only_is_read_as_text_and_never_rendered():
    raw = mailbox()["reject_relx"]
    mail = decode(Raw(raw, "x"))
    assert mail.from_html
    assert "move forward with other candidates" in " ".join(mail.text.split())
    assert "alert(" not in mail.text and "color:#333" not in mail.text
    assert "RELX Talent Acquisition – Zürich" in mail.text


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (
            b"From: a@x.example\nSubject: s\nDate: Mon, 02 Mar 2026 10:00:00 +0100\n"
            b"Content-Type: text/plain; charset=x-made-up\n\nhello",
            "unknown charset 'x-made-up'",
        ),
        (
            b"From: a@x.example\nSubject: s\nDate: Mon, 02 Mar 2026 10:00:00 +0100\n"
            b'Content-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\n'
            b"cut off here",
            "MIME structure is broken",
        ),
        (b"From: a@x.example\nSubject: s\n\nno date at all", "no readable Date"),
    ],
)
def test_a_message_that_cannot_be_read_says_why(raw, why):
    with pytest.raises(BadMessage, match=why):
        decode(Raw(raw, "x"))


def test_quotes_of_earlier_mail_are_not_read():
    text = (
        "Thanks, Tuesday works!\n\nOn Mon, Mar 2, 2026 at 9:00 AM Acme <jobs@acme.example> "
        "wrote:\n> Unfortunately we will not be moving forward.\n"
    )
    raw = message(sender="a@x.example", subject="Re: x", date=when("2026-03-01"), text=text)
    assert "moving forward" not in decode(Raw(raw, "x")).text


def test_calendar_parts_are_parsed_in_memory_attachments_only_named():
    raw = message(
        sender="calendar-notification@google.com",
        subject="Invitation: Interview",
        date=when("2026-03-01"),
        text="x",
        calendar=ics(uid="u@x", start=dt.datetime(2026, 3, 10, 14, 30), sequence=2),
        attachments=(("cv.pdf", "application/pdf", b"%PDF"),),
    )
    mail = decode(Raw(raw, "x"))
    assert [(i.uid, i.sequence, i.method) for i in mail.invites] == [("u@x", 2, "REQUEST")]
    assert mail.attachments == ("cv.pdf",)


# -- classification --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_style_is_read_as_its_kind(name):
    mail = decode(Raw(mailbox()[name], "x"))
    assert classify(mail, frozenset({ME})).kind == EXPECTED[name][0]


@pytest.mark.parametrize(
    "text",
    [
        "We have received your application. If we do not move forward, we will keep your CV on file.",
        "Thank you for applying! Should we decide not to proceed, we will let you know by email.",
        "Vielen Dank für Ihre Bewerbung. Falls wir Sie nicht berücksichtigen können, melden wir uns.",
        "Thanks for applying. Whatever the outcome, unfortunately we cannot reply to every "
        "applicant individually, but we regret to inform nobody without a reason.",
    ],
)
def test_confirmations_with_words_of_a_rejection_stay_confirmations(text):
    raw = message(
        sender=named("Acme Hiring", "no-reply@ashbyhq.com"),
        subject="Application received",
        date=when("2026-03-01"),
        text=text,
    )
    assert classify(decode(Raw(raw, "x"))).kind == "confirmation"


# -- the command -----------------------------------------------------------------------------------


def test_every_message_is_proposed_as_it_should_be(search, capsys):
    book, box, msgs = search
    code, out, err = _run(capsys, "mail", book, box, "--json")
    assert code == 0, err
    records = {r["subject"]: r for r in json.loads(out)}
    assert len(records) == len(msgs)
    for name, raw in msgs.items():
        r = records[_subject(raw)]
        kind, match, app = EXPECTED[name]
        assert (r["kind"], r["match"]) == (kind, match), name
        if app:
            assert r["application_id"] == app, name
        assert set(r) >= {
            "message_id", "date", "subject", "kind", "match", "application_id", "company",
            "changes",
        }  # fmt: skip
        for c in r["changes"]:
            assert set(c) == {"sheet", "id", "column", "old", "new"}
    quill = records[_subject(msgs["ambiguous_quill"])]
    assert quill["changes"] == [] and quill["candidates"] == ["A005", "A006"]
    assert records[_subject(msgs["dinner"])]["changes"] == []


def test_nothing_is_written_without_apply(search, capsys):
    book, box, _ = search
    before = book.read_bytes()
    code, out, _ = _run(capsys, "mail", book, box)
    assert code == 0 and "nothing is written without --apply" in out
    assert book.read_bytes() == before and sorted(p.name for p in book.parent.iterdir()) == [
        "Inbox.mbox",
        "search.xlsx",
    ]


def test_apply_writes_the_search_up_to_date_and_twice_adds_nothing(search, capsys):
    book, box, _ = search
    code, out, err = _run(capsys, "mail", book, box, "--apply")
    assert code == 0, err
    assert "Wrote" in out
    b = read_book(book)
    p = b.tables["Pipeline"].set_index("ID")
    assert p.loc["A002", "Status"] == "Rejected"  # Workday tenant relx = Elsevier (alias)
    assert p.loc["A007", "Status"] == "Rejected"  # German, latin-1, base64
    assert p.loc["A003", "Status"] == "Rejected"
    assert p.loc["A004", "Stage"] == "Screen"  # the Wishlist row got its phone screen
    assert p.loc["A001", "Stage"] == "Offer"
    assert p.loc["A008", "Next action"] == "Complete assessment"
    assert p.loc["A008", "Next action due"].date() == dt.date(2026, 3, 13)  # 5 business days
    assert p.loc["A005", "Status"] == p.loc["A006", "Status"] == "Active"  # ambiguous: not applied
    orbit = p[p["Company"] == "Orbit Labs"]
    assert list(orbit["Source"]) == ["Recruiter"] and list(orbit["Stage"]) == ["Wishlist"]
    iv = b.tables["Interviews"].set_index("ID")
    times = b.times[("Interviews", "Date")]
    lumen = iv[(iv["Application ID"] == "A003") & (iv["Round"] == "Hiring manager interview")]
    assert len(lumen) == 1  # invited, then rescheduled: one row, the new time
    row = int(b.tables["Interviews"].index[b.tables["Interviews"]["ID"] == lumen.index[0]][0])
    assert times.loc[row] == dt.datetime(2026, 3, 12, 9, 0)
    assert lumen.iloc[0]["Outcome"] == "Rejected"  # held, then the rejection
    assert iv.loc["I001", "Outcome"] == "Cancelled"  # ahead of the rejection: closed means closed
    northwind = iv[iv["Application ID"] == "A004"].iloc[0]
    assert northwind["Round"] == "Phone screen" and northwind["Format"] == "Phone"
    assert northwind["Interviewers"] == "Sarah Chen"
    offers = b.tables["Offers"]
    assert list(offers["Base salary"]) == [118000] and list(offers["Application ID"]) == ["A001"]
    lessons = b.tables["Lessons"]
    assert sorted(lessons["Application ID"]) == ["A002", "A003", "A007"]
    contacts = b.tables["Contacts"]
    assert list(contacts["Email"]) == ["priya.nair@orbitlabs.example"]
    before = book.read_bytes()
    code, out, err = _run(capsys, "mail", book, box, "--apply")
    assert code == 0, err
    assert "Nothing to change" in out and book.read_bytes() == before


def test_pick_settles_an_ambiguous_message(search, capsys):
    book, box, msgs = search
    mid = str(
        email.message_from_bytes(msgs["ambiguous_quill"], policy=policy.default)["Message-ID"]
    )
    code, _, err = _run(capsys, "mail", book, box, "--apply", "--pick", f"{mid}=A006")
    assert code == 0, err
    p = read_book(book).tables["Pipeline"].set_index("ID")
    assert (p.loc["A005", "Status"], p.loc["A006", "Status"]) == ("Active", "Rejected")


def test_a_pick_of_no_such_message_or_application_is_refused(search, capsys):
    book, box, msgs = search
    code, _, err = _run(capsys, "mail", book, box, "--pick", "<nope@x>=A001")
    assert code == 2 and "no message with that Message-ID" in err
    mid = str(
        email.message_from_bytes(msgs["ambiguous_quill"], policy=policy.default)["Message-ID"]
    )
    code, _, err = _run(capsys, "mail", book, box, "--pick", f"{mid}=A999")
    assert code == 1 and "no application A999" in err


def test_a_broken_message_costs_that_message_only(tmp_path, capsys):
    book = build_book(tmp_path / "search.xlsx")
    good = mailbox()["reject_mueller"]
    bad_charset = (
        b"From: hr@brightwave.example\nSubject: Unfortunately\nMessage-ID: <bc@x>\n"
        b"Date: Mon, 02 Mar 2026 10:00:00 +0100\nContent-Type: text/plain; charset=x-klingon\n\n"
        b"we will not be moving forward with you"
    )
    bad_mime = (
        b"From: hr@brightwave.example\nSubject: Broken\nMessage-ID: <bm@x>\n"
        b"Date: Mon, 02 Mar 2026 10:00:00 +0100\nContent-Type: multipart/mixed\n\nno boundary"
    )
    truncated = message(
        sender="no-reply@us.greenhouse-mail.io", subject="Thank you for applying to Brightwave",
        date=when("2026-03-09"), text="We have received your application.",
        attachments=(("cv.pdf", "application/pdf", b"%PDF" * 500),),
    )  # fmt: skip
    data = mbox([bad_charset, good, bad_mime]) + mbox([truncated])[:-700]  # cut mid-attachment
    (tmp_path / "Inbox.mbox").write_bytes(data)
    code, out, err = _run(capsys, "mail", book, tmp_path / "Inbox.mbox", "--apply")
    assert code == 0, err
    assert "Inbox.mbox #1: its text is in an unknown charset 'x-klingon'; skipped" in err
    assert "Inbox.mbox #3: its MIME structure is broken" in err
    assert "Inbox.mbox #4: the mailbox ends in the middle of it" in err
    assert "Traceback" not in err
    p = read_book(book).tables["Pipeline"].set_index("ID")
    assert p.loc["A007", "Status"] == "Rejected" and p.loc["A008", "Status"] == "Active"


def test_text_from_mail_never_becomes_a_formula(tmp_path, capsys):
    book = build_book(tmp_path / "search.xlsx")
    raw = message(
        sender=named("=SUM(1+1)*cmd Recruiting", "no-reply@ashbyhq.com"),
        subject="Application received",
        date=when("2026-03-03"),
        text="We have received your application. @SUM(A1) +1 -1",
    )
    box = write_mbox(tmp_path / "x.mbox", [raw])
    code, out, _ = _run(capsys, "mail", book, box, "--csv")
    assert "'=SUM(1+1)*cmd" in out  # escaped in CSV (OWASP), as every --csv output
    code, _, err = _run(capsys, "mail", book, box, "--apply")
    assert code == 0, err
    p = read_book(book).tables["Pipeline"]
    assert "=SUM(1+1)*cmd" in list(p["Company"])  # kept as the text it is
    import zipfile

    with zipfile.ZipFile(book) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "SUM(1+1)" not in "".join(xml.split("<f>")[1:]).split("</f>")[0]
    assert not any("SUM(1+1)" in f.split("</f>")[0] for f in xml.split("<f>")[1:])


def test_since_leaves_out_older_mail(search, capsys):
    book, box, _ = search
    code, out, _ = _run(capsys, "mail", book, box, "--since", "2026-03-10", "--json")
    assert code == 0
    dates = [r["date"][:10] for r in json.loads(out)]
    assert dates and min(dates) >= "2026-03-09"  # UTC dates of mail from 2026-03-10 in Berlin


def test_attachments_are_never_written(search, capsys, monkeypatch):
    book, box, _ = search
    monkeypatch.chdir(book.parent)
    before = sorted(p.name for p in book.parent.iterdir())
    code, _, _ = _run(capsys, "mail", book, box, "--json")
    assert code == 0 and sorted(p.name for p in book.parent.iterdir()) == before


def test_history_names_each_message_and_a_reschedule_finds_its_row_in_a_later_run(tmp_path, capsys):
    from jobbook.history import book_entries

    book = build_book(tmp_path / "search.xlsx")
    msgs = mailbox()
    first = write_mbox(tmp_path / "March.mbox", [msgs["invite_lumen"]])
    later = write_mbox(tmp_path / "April.mbox", [msgs["reschedule_lumen"]])
    assert _run(capsys, "mail", book, first, "--apply")[0] == 0
    entries = [e for e in book_entries(read_book(book)) if e.source == "mail"]
    added = next(e for e in entries if e.sheet == "Interviews" and e.column == "(row)")
    assert added.when == dt.date(2026, 3, 4)  # the mail's day, not the day of the run
    assert 'Subject "Invitation: Hiring manager interview with Lumen Health' in added.note
    assert "Message-ID <" in added.note and "calendar UID 7kq2lumen@google.com" in added.note
    code, out, err = _run(capsys, "mail", book, later, "--apply")
    assert code == 0, err
    assert f"{added.id} Date: 2026-03-10 14:30 -> 2026-03-12 09:00" in out
    b = read_book(book)
    iv = b.tables["Interviews"]
    rows = iv.index[iv["Application ID"] == "A003"]
    assert len(rows) == 2  # the technical interview typed by hand, and this one: not a third
    row = int(iv.index[iv["ID"] == added.id][0])
    assert b.times[("Interviews", "Date")].loc[row] == dt.datetime(2026, 3, 12, 9, 0)
    both = write_mbox(tmp_path / "All.mbox", [msgs["invite_lumen"], msgs["reschedule_lumen"]])
    code, out, _ = _run(capsys, "mail", book, both, "--apply")
    assert code == 0 and "2 message(s) were applied before (History): not again." in out

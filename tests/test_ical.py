"""jobbook calendar: the .ics parses with two independent parsers (icalendar, which writes it, and
vobject), holds one event per open deadline of `deadlines --json` and per interview, keeps its UIDs,
and a re-export updates and cancels what changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import icalendar
import pandas as pd
import pytest
import vobject

import jobbook
from jobbook import ical
from jobbook.cli import main
from jobbook.core.deadlines import KINDS
from jobbook.excel import actions
from jobbook.reader.frames import book_from_frames
from jobbook.template import new_workbook

import handmade
from conftest import AS_OF, INTERVIEWS, build_search

D = dt.date
SAMPLE_AS_OF = D(2026, 3, 10)
ZONE = "Europe/Berlin"


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory) -> Path:
    return new_workbook(
        tmp_path_factory.mktemp("s") / "search.xlsx", sample=True, as_of=SAMPLE_AS_OF
    )


@pytest.fixture(scope="module")
def sample(sample_book):
    return jobbook.read_book(sample_book)


def run(argv, capsys) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def unfolded(data: bytes) -> list[str]:
    """Content lines with RFC 5545 folding undone."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def split_uid(uid: str) -> tuple[str, str]:
    """(kind, ID) from ``kind-id[-n]-bookkey@jobbook``."""
    rest = uid.removesuffix("@jobbook").rsplit("-", 1)[0]
    kind = next(k for k in ("interview", *KINDS) if rest.startswith(k + "-"))
    rid = rest[len(kind) + 1 :]
    if kind == "lesson":
        rid = rid.rsplit("-", 1)[0]  # the lesson's number among its application's lessons
    return kind, unquote(rid)


def vevents(data: bytes):
    """The events as vobject (the independent parser) reads them."""
    return vobject.readOne(data.decode("utf-8")).vevent_list


def test_events_are_the_deadlines_and_interviews_one_to_one(sample_book, sample, capsys, tmp_path):
    code, out, _ = run(["deadlines", sample_book, "--json"], capsys)
    assert code == 0
    deadlines = json.loads(out)
    book = sample
    iv = book.tables["Interviews"]
    want = Counter((d["kind"], d["id"].casefold(), d["due"]) for d in deadlines)
    want += Counter(
        ("interview", i.casefold(), d.date().isoformat()) for i, d in zip(iv["ID"], iv["Date"])
    )

    ics = tmp_path / "search.ics"
    code, out, _ = run(["calendar", sample_book, "-o", ics], capsys)
    assert code == 0 and "new" in out
    data = ics.read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    got = Counter()
    for ev in cal.walk("VEVENT"):
        kind, rid = split_uid(str(ev["UID"]))
        start = ev["DTSTART"].dt
        got[
            (kind, rid, (start.date() if isinstance(start, dt.datetime) else start).isoformat())
        ] += 1
    assert got == want and len(deadlines) > 15 and len(iv) > 20

    # the independent parser reads the same events, with the same UIDs, days and summaries
    mine = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    theirs = vevents(data)
    assert sorted(e.uid.value for e in theirs) == sorted(mine)
    for e in theirs:
        ours = mine[e.uid.value]
        assert e.summary.value == str(ours["SUMMARY"])
        assert e.dtstart.value == ours["DTSTART"].dt
        assert int(e.sequence.value) == 0


def test_all_day_events_carry_value_date_and_end_the_next_day(sample_book, sample, tmp_path):
    book = sample
    data, _ = ical.calendar_bytes(book)
    lines = unfolded(data)
    starts = [ln for ln in lines if ln.startswith("DTSTART")]
    ends = [ln for ln in lines if ln.startswith("DTEND")]
    assert len(starts) == len(ends) == len(ical.calendar_events(book))
    all_day = 0
    for s, e in zip(starts, ends):
        if ";VALUE=DATE:" in s:
            all_day += 1
            day = D.fromisoformat(re.sub(r"(\d{4})(\d\d)(\d\d)", r"\1-\2-\3", s[-8:]))
            assert e == f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"
        else:  # a timed interview: an hour, in the same zone
            assert re.fullmatch(r"DTSTART(;TZID=[\w/+-]+)?:\d{8}T\d{6}Z?", s), s
    deadlines = len(jobbook.views.deadlines(book))
    assert all_day == deadlines  # the sample's interviews all have a time of day
    # RFC 5545 line length: 75 octets at most
    assert max(len(x) for x in data.split(b"\r\n")) <= 75


def test_an_interview_says_who_where_and_for_what(sample):
    iv = sample.tables["Interviews"]
    row = iv[iv["Format"] == "Video"].iloc[0]
    app = sample.tables["Pipeline"].set_index("ID").loc[row["Application ID"]]
    contacts = sample.tables["Contacts"]
    mine = contacts[contacts["Application ID"] == row["Application ID"]]
    data, _ = ical.calendar_bytes(sample)
    (ev,) = [e for e in vevents(data) if e.uid.value.startswith(f"interview-{row['ID'].lower()}-")]
    assert ev.summary.value == f"Interview: {app['Company']} — {row['Round']}"
    assert ev.location.value == row["Location"] and ev.url.value == row["Location"]
    assert ev.location.value.startswith("https://meet.example.com/")
    text = ev.description.value
    assert f"Role: {app['Role']}" in text and f"Interviewers: {row['Interviewers']}" in text
    assert all(
        f"{c['Name']} ({c['Role in process']}, {c['Email']})" in text for _, c in mine.iterrows()
    )
    when = sample.times[("Interviews", "Date")][row.name]
    assert ev.dtstart.value.replace(tzinfo=None) == when.to_pydatetime()
    assert ev.dtend.value - ev.dtstart.value == dt.timedelta(hours=1)
    onsite = iv[iv["Format"] == "Onsite"].iloc[0]
    (ev,) = [
        e for e in vevents(data) if e.uid.value.startswith(f"interview-{onsite['ID'].lower()}-")
    ]
    assert ev.location.value == onsite["Location"] and not hasattr(ev, "url")


def test_uids_stay_the_same_and_a_rerun_writes_the_same_file(sample_book, sample, tmp_path):
    book = sample
    first = ical.export_calendar(book, tmp_path / "a.ics").data
    again = ical.export_calendar(jobbook.read_book(sample_book), tmp_path / "b.ics").data

    def uids(data):
        return [str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]

    assert uids(first) == uids(again) and len(set(uids(first))) == len(uids(first))
    # over itself, with nothing changed: the same bytes (same SEQUENCE and DTSTAMP)
    assert ical.export_calendar(book, tmp_path / "a.ics").data == first
    # the book moved to another folder: the same UIDs (they hash the file name, not its folder)
    moved = dataclasses.replace(book, path=tmp_path / "elsewhere" / sample_book.name)
    assert uids(ical.calendar_bytes(moved)[0]) == uids(first)


def test_timed_interview_in_the_books_time_zone(tmp_path):
    path = build_search(tmp_path / "search.xlsx")
    book = jobbook.read_book(path, as_of=AS_OF)
    book = dataclasses.replace(book, settings=book.settings.with_values(TimeZone=ZONE))
    data, _ = ical.calendar_bytes(book)
    lines = unfolded(data)
    assert "DTSTART;TZID=Europe/Berlin:20260305T140000" in lines  # I4 at 14:00
    assert "DTEND;TZID=Europe/Berlin:20260305T150000" in lines
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Europe/Berlin" in lines
    (i4,) = [e for e in vevents(data) if e.uid.value.startswith("interview-i4-")]
    start = i4.dtstart.value
    assert start.utcoffset() == dt.timedelta(hours=1)  # CET in March, from the VTIMEZONE
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 3, 5, 13, tzinfo=dt.UTC)
    assert i4.summary.value == "Interview: Flux"
    # the other interviews have no time: all day
    (i1,) = [e for e in vevents(data) if e.uid.value.startswith("interview-i1-")]
    assert i1.dtstart.value == D(2026, 1, 15)


def test_reexport_cancels_a_thank_you_sent_and_raises_sequences(tmp_path, monkeypatch):
    path = build_search(tmp_path / "search.xlsx")
    ics = tmp_path / "search.ics"
    first = ical.export_calendar(jobbook.read_book(path, as_of=AS_OF), ics)
    assert first.counts.new == len(ical.calendar_events(jobbook.read_book(path, as_of=AS_OF)))

    # I2's thank-you note is sent, I7 moves a day: rebuild the book as the user edits it
    rows = [
        (i, a, D(2026, 3, 4) if i == "I7" else d, D(2026, 3, 9) if i == "I2" else s)
        for i, a, d, s in INTERVIEWS
    ]
    import conftest

    monkeypatch.setattr(conftest, "INTERVIEWS", rows)
    path.unlink()
    conftest.build_search(path)
    second = ical.export_calendar(jobbook.read_book(path, as_of=AS_OF), ics)
    events = {e.uid.value: e for e in vevents(second.data)}

    def one(prefix):
        (e,) = [e for uid, e in events.items() if uid.startswith(prefix)]
        return e

    sent = one("thank-you-i2-")
    assert sent.status.value == "CANCELLED" and int(sent.sequence.value) == 1
    assert second.counts.cancelled == ["Thank-you note to Bolt"]
    moved = one("interview-i7-")
    assert int(moved.sequence.value) == 1 and moved.dtstart.value == D(2026, 3, 4)
    assert one("interview-i1-").sequence.value == "0"  # unchanged
    assert second.counts.updated == 1 and second.counts.new == 0

    # once more: the cancellation stays in the file, its SEQUENCE does not climb again
    third = ical.export_calendar(jobbook.read_book(path, as_of=AS_OF), ics)
    again = [e for e in vevents(third.data) if e.uid.value.startswith("thank-you-i2-")]
    assert [(e.status.value, e.sequence.value) for e in again] == [("CANCELLED", "1")]
    assert third.counts.cancelled == [] and third.data == ics.read_bytes()
    assert "X-JOBBOOK-CANCELLED:2026-03-10" in unfolded(third.data)
    # a month later the cancellation has had its time: it leaves the file
    later = ical.export_calendar(jobbook.read_book(path, as_of=AS_OF + dt.timedelta(days=31)), ics)
    assert not [e for e in vevents(later.data) if e.uid.value.startswith("thank-you-i2-")]


def test_reminder_on_the_business_day_before_across_a_weekend_and_a_holiday():
    """US holidays: Memorial Day is Monday 2026-05-25."""
    pipeline = pd.DataFrame(
        {
            "ID": ["A1", "A2", "A3"],
            "Company": ["Acme", "Bolt", "Core"],
            "Stage": ["Applied"] * 3,
            "Status": ["Active"] * 3,
            "Next action": ["Call back", "Send portfolio", "Ask about team"],
            "Next action due": [D(2026, 5, 26), D(2026, 6, 1), D(2026, 5, 28)],
        }
    )
    book = book_from_frames({"Pipeline": pipeline}, as_of=D(2026, 5, 20))
    data, _ = ical.calendar_bytes(book)
    rings = {}
    for e in vevents(data):
        if e.uid.value.startswith("next-action-"):
            trigger = e.valarm.trigger.value
            rings[e.summary.value] = dt.datetime.combine(e.dtstart.value, dt.time()) + trigger
    assert rings == {
        "Next step with Acme: Call back": dt.datetime(2026, 5, 22, 9),  # Tuesday after the holiday
        "Next step with Bolt: Send portfolio": dt.datetime(2026, 5, 29, 9),  # a Monday: Friday
        "Next step with Core: Ask about team": dt.datetime(2026, 5, 27, 9),  # the day before
    }
    lines = unfolded(data)
    assert "TRIGGER:-P3DT15H" in lines and "TRIGGER:-P2DT15H" in lines and "TRIGGER:-PT15H" in lines


def test_within_limits_new_events_and_stdout(sample_book, sample, capsys, tmp_path):
    code, out, _ = run(["deadlines", sample_book, "--within", "7", "--json"], capsys)
    soon = json.loads(out)
    code, out, _ = run(["calendar", sample_book, "--within", "7", "-o", "-"], capsys)
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")
    cal = icalendar.Calendar.from_ical(out.encode())
    got = Counter(split_uid(str(e["UID"])) for e in cal.walk("VEVENT"))
    want = Counter((d["kind"], d["id"].casefold()) for d in soon)
    book = sample
    days = (book.tables["Interviews"]["Date"].dt.date - book.as_of).map(lambda d: d.days)
    iv = book.tables["Interviews"]["ID"][(days >= 0) & (days <= 7)]
    want += Counter(("interview", i.casefold()) for i in iv)
    assert got == want and len(iv) >= 1


def test_refuses_a_file_that_is_not_its_calendar(search_book, capsys, tmp_path):
    notes = tmp_path / "notes.ics"
    notes.write_text("my own notes\n")
    code, _, err = run(["calendar", search_book, "-o", notes], capsys)
    assert code == 1 and err.startswith(f"Error: {notes}: is not a calendar that jobbook wrote")
    assert notes.read_text() == "my own notes\n"
    other = tmp_path / "other.xlsx"
    build_search(other)
    assert run(["calendar", other, "-o", tmp_path / "shared.ics"], capsys)[0] == 0
    code, _, err = run(["calendar", search_book, "-o", tmp_path / "shared.ics"], capsys)
    assert code == 1 and err.startswith(f"Error: {tmp_path / 'shared.ics'}: holds the calendar")
    assert f"another workbook (other.xlsx), not of {search_book.name};" in err
    assert run(["calendar", search_book, "-o", notes, "--force"], capsys)[0] == 0
    assert notes.read_text().startswith("BEGIN:VCALENDAR")
    code, _, err = run(["calendar", search_book, "-o", tmp_path / "x.txt"], capsys)
    assert code == 2 and "must end in .ics" in err
    assert sorted(p.name for p in tmp_path.iterdir() if "jobbook-tmp" in p.name) == []


def test_time_zone_setting_is_read_and_checked(tmp_path, capsys):
    def book_with(zone):
        wb = handmade.new_workbook()
        handmade.write_sheet(
            wb,
            "Pipeline",
            [
                {
                    "ID": "A1",
                    "Company": "Acme",
                    "Stage": "Applied",
                    "Source": "Other",
                    "Status": "Active",
                    "Date applied": AS_OF,
                }
            ],
        )
        handmade.write_settings(wb, {"Country": "US", "TimeZone": zone})
        return handmade.save(wb, tmp_path / "tz.xlsx")

    assert jobbook.read_book(book_with("america/new_york")).settings.TimeZone == "America/New_York"
    assert jobbook.read_book(book_with(None)).settings.TimeZone is None  # blank: this computer's
    path = book_with("Mars/Olympus")
    assert jobbook.read_book(path).settings.TimeZone is None
    code, out, _ = run(["check", path], capsys)
    assert code == 0 and 'Settings!B2: "Mars/Olympus" is not a time zone name' in out


def test_export_calendar_button_writes_beside_the_book(sample_book, sample, tmp_path):
    import openpyxl
    from test_excel import excel_values

    from jobbook.reader.frames import book_from_sheets

    wb = openpyxl.load_workbook(sample_book)
    blocks = {ws.title: (1, 1, excel_values(ws)) for ws in wb}
    book = book_from_sheets(blocks, path=tmp_path / sample_book.name)
    result = actions.export_calendar(book)
    assert result.files == [tmp_path / "search.ics"]
    band = {w.cell: w.values for w in result.writes}[f"AG{actions.FIRST_ROW}"]
    assert band[1] == ["File", str(tmp_path / "search.ics")] and band[2] == [
        "Interviews",
        "36 event(s)",
    ]
    assert result.message.startswith("Wrote search.ics: 36 interview(s)")
    # the values Excel sends (datetimes with their time) give the file's calendar, event for event
    from_file = ical.calendar_bytes(sample)[0]
    assert [(e.uid.value, e.dtstart.value) for e in vevents(from_file)] == [
        (e.uid.value, e.dtstart.value) for e in vevents(result.files[0].read_bytes())
    ]


def test_closed_and_unknown_interviews(tmp_path, capsys):
    """docs/definitions.md § Deadlines in the calendar: the interview of a Withdrawn application after the as-of
    date and one marked Cancelled are STATUS:CANCELLED (and stay so, their SEQUENCE unchanged, when
    exported again); the interview of an application applied to after the as-of date is left out;
    the others are confirmed. Marking an interview Cancelled later bumps its SEQUENCE."""
    import closed_book

    from jobbook.changes import TableWrite
    from jobbook.edit import edit_workbook

    book = closed_book.closed_book(tmp_path / "closed.xlsx")
    ics = tmp_path / "closed.ics"
    code, out, err = run(["calendar", book, "-o", ics], capsys)
    assert code == 0, err
    assert "2 cancelled" in out  # I1 and I2
    events = {e.uid.value.split("-")[1]: e for e in vevents(ics.read_bytes())}
    status = {k: e.status.value for k, e in events.items() if e.uid.value.startswith("interview")}
    assert status == {"i1": "CANCELLED", "i2": "CANCELLED", "i3": "CONFIRMED", "i5": "CONFIRMED"}
    first = ics.read_bytes()
    code, out, _ = run(["calendar", book, "-o", ics], capsys)
    assert code == 0 and "0 cancelled" in out and ics.read_bytes() == first
    edit_workbook(book, [TableWrite("Interviews", "Outcome", 6, "Cancelled")])  # I5
    code, out, _ = run(["calendar", book, "-o", ics], capsys)
    assert code == 0 and "1 cancelled" in out
    i5 = next(e for e in vevents(ics.read_bytes()) if e.uid.value.startswith("interview-i5-"))
    assert i5.status.value == "CANCELLED" and int(i5.sequence.value) == 1
    # an Outcome that says it took place (Advanced) is never read as cancelled
    edit_workbook(book, [TableWrite("Interviews", "Outcome", 2, "Advanced")])  # I1
    code, out, _ = run(["calendar", book, "-o", ics], capsys)
    i1 = next(e for e in vevents(ics.read_bytes()) if e.uid.value.startswith("interview-i1-"))
    assert code == 0 and i1.status.value == "CONFIRMED" and int(i1.sequence.value) == 1

"""The words of other trackers (jobbook/importers/vocabulary.py): what each status word means,
how headers and values are normalised, the tables consistent with the schema and with README,
and the importers reading them rather than spelling them."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from jobbook.errors import UsageError
from jobbook.importers import CellError, parse_amounts, parse_date
from jobbook.importers import vocabulary as V
from jobbook.importers.words import (
    concept_of,
    header_key,
    meaning,
    parse_statuses,
    phrase_key,
    source_word,
    work_mode,
)
from jobbook.schema import STAGES, STATUSES, TABLES

ROOT = Path(__file__).resolve().parents[1]
F = "the furthest"  # a status word with no stage of its own: the row's furthest stage stands


@pytest.mark.parametrize(
    "word, stage, status",
    [
        # the words of the issue
        ("Offer", "Offer", "Active"),
        ("Accepted!", "Offer", "Accepted"),
        ("accepted offer", "Offer", "Accepted"),
        ("reeejected", F, "Rejected"),
        ("Rejection :(", F, "Rejected"),
        ("Rejected ", F, "Rejected"),
        ("declined by the company", F, "Rejected"),
        ("Pending", F, "Active"),
        ("ongoing", F, "Active"),
        ("in progress", F, "Active"),
        ("Interviewing", "Interview", "Active"),
        ("phone screen", "Screen", "Active"),
        ("onsite", "Interview", "Active"),
        ("Negotiating Offer", "Offer", "Active"),
        ("Ghosted", F, "No response"),
        ("no reply", F, "No response"),
        ("Final Round", "Final", "Active"),
        ("assessment", "Screen", "Active"),
        ("OA", "Screen", "Active"),
        ("Not Started", "Wishlist", "Active"),
        ("to apply", "Wishlist", "Active"),
        ("saved", "Wishlist", "Active"),
        ("wishlist", "Wishlist", "Active"),
        ("Withdrew", F, "Withdrawn"),
        ("Declined the offer", "Offer", "Offer declined"),
        # other people's spellings
        ("OFFER \U0001f389\U0001f389", "Offer", "Active"),
        ("ghosted \U0001f47b", F, "No response"),
        ("REJECTED \U0001f62d", F, "Rejected"),
        ("Haven't heard back!!", F, "No response"),
        ("I Withdrew", F, "Withdrawn"),
        ("Not Selected", F, "Rejected"),
        ("Bookmarked", "Wishlist", "Active"),
        ("Accceepted", "Offer", "Accepted"),
        ("Final round!!!", "Final", "Active"),
        ("HireVue done", "Screen", "Active"),
        ("Rejected after phone screen", "Screen", "Rejected"),  # by its parts
        ("got the offer", "Offer", "Active"),
        ("Interview scheduled 3/4", "Interview", "Active"),
        ("Application submitted - waiting", "Applied", "Active"),
        ("haven't heard", F, "No response"),
        ("No word yet...", F, "No response"),
        ("In limbo", F, "Active"),
        ("on hold", F, "Active"),
    ],
)
def test_status_words(word, stage, status):
    m = meaning(word)
    assert m is not None, word
    assert (m.stage or F, m.status) == (stage, status)


@pytest.mark.parametrize(
    "word",
    ["rip", "lol no", "no offer", "not yet", "accepted, then rejected", "\U0001f480", "??", ""],
)
def test_words_not_understood(word):
    """Unknown, a negation left over ('no offer' is not an offer), or a contradiction."""
    assert meaning(word) is None


def test_the_book_s_own_words_mean_themselves():
    for status in STATUSES:
        assert meaning(status).status == status, status
    for stage in STAGES:
        assert meaning(stage).stage == stage, stage


def test_normalising():
    assert header_key("Date Applied (MM/DD/YYYY)") == header_key("date_applied") == "dateapplied"
    assert header_key("companyName") == header_key("Company Name*") == "companyname"
    assert phrase_key("Rejected :(") == phrase_key("  REEEJECTED 😭") == "rejected"
    assert phrase_key("Offer") == phrase_key("offfer")  # repeated letters squeezed both sides
    assert phrase_key("\U0001f480") == "\U0001f480"  # emoji alone: nameable by --status
    assert concept_of("Role name") == ("Role", 5) and concept_of("E-mail")[0] == "Contact email"
    assert (
        source_word("company website") == "Company site" and source_word("Handshake") == "Handshake"
    )
    assert work_mode("WFH") == "Remote" and work_mode("sometimes") is None


def test_the_tables_agree_with_the_schema_and_each_other():
    pipeline = {c.header for c in TABLES["Pipeline"].inputs}
    concepts = pipeline | set(V.EXTRA_CONCEPTS) | set(V.CONTACT_FIELDS)
    assert set(V.HEADERS) <= concepts
    for table in (V.LINKEDIN_APPLIED, V.LINKEDIN_SAVED, V.HUNTR, V.TEAL):
        assert {c for c in table.values() if not isinstance(c, V.Ignored)} <= concepts
    assert set(V.CONTACT_FIELDS.values()) <= {c.header for c in TABLES["Contacts"].columns}
    # one header key names one concept; one squeezed word says one thing
    seen: dict[str, str] = {}
    for concept, names in V.HEADERS.items():
        for name in (concept, *names):
            assert seen.setdefault(header_key(name), concept) == concept, name
    said: dict[str, V.Meaning] = {}
    for word, m in V.STATUS_WORDS.items():
        assert said.setdefault(phrase_key(word), m) == m, word
    assert all(m.stage in (None, *STAGES) for m in V.STATUS_WORDS.values())
    assert all(m.status in (V.DECLINED, *STATUSES) for m in V.STATUS_WORDS.values())
    assert set(V.SOURCE_WORDS.values()) <= set(TABLES["Pipeline"]["Source"].choices)


def test_readme_holds_the_tables():
    spec = importlib.util.spec_from_file_location("vd", ROOT / "scripts" / "vocabulary_docs.py")
    vd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vd)
    assert vd.section((ROOT / "README.md").read_text()) == vd.markdown(), (
        "README's import tables are stale: run python scripts/vocabulary_docs.py"
    )


def test_the_importers_read_the_words_never_spell_them():
    """No module of jobbook/importers but the vocabulary holds a header synonym or a status word
    (the schema's own headers, stages and statuses aside: they are the book's words)."""
    own = {c.header.casefold() for t in TABLES.values() for c in t.columns}
    own |= {x.casefold() for t in TABLES.values() for c in t.columns for x in c.choices or ()}
    own |= {c.casefold() for c in (*V.HEADERS, *V.EXTRA_CONCEPTS)}
    words = {w for names in V.HEADERS.values() for w in names} | set(V.STATUS_WORDS)
    words = {w for w in words if w not in own and len(w) > 3}
    spelled = []
    for path in (ROOT / "jobbook" / "importers").glob("*.py"):
        if path.name == "vocabulary.py":
            continue
        tree = ast.parse(path.read_text())
        names = {
            elt.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__"
            for elt in getattr(node.value, "elts", ())
        }
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and text not in names and text.casefold() in words:
                spelled.append(f"{path.name}: {text!r}")
    assert spelled == []


def test_status_option():
    got = parse_statuses(
        "Ghosted=No response, Parked=Withdrawn,Superday=Final,Meh=Interview/Rejected"
    )
    assert got == {
        "ghosted": V.Meaning(None, "No response"),
        "parked": V.Meaning(None, "Withdrawn"),
        "superday": V.Meaning("Final", "Active"),
        "meh": V.Meaning("Interview", "Rejected"),
    }
    assert parse_statuses("done=accepted")["done"] == V.Meaning("Offer", "Accepted")
    assert meaning("PARKED!!", got) == V.Meaning(None, "Withdrawn")
    for bad in ("Parked", "=Withdrawn", "Parked=Frozen", "Parked=Final/Nope"):
        with pytest.raises(UsageError):
            parse_statuses(bad)


@pytest.mark.parametrize(
    "text, day",
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024-03-05T14:22:10.123Z", dt.date(2024, 3, 5)),
        ("2024/03/05", dt.date(2024, 3, 5)),
        ("3/5/2024", dt.date(2024, 3, 5)),
        ("3-5-2024", dt.date(2024, 3, 5)),
        ("05.03.2024", dt.date(2024, 3, 5)),
        ("Sept 5, 2024", dt.date(2024, 9, 5)),
        ("Sept. 5th 2024", dt.date(2024, 9, 5)),
        ("September 5th, 2024", dt.date(2024, 9, 5)),
        ("Thu, Sep 5, 2024", dt.date(2024, 9, 5)),
        ("5 Sep 2024", dt.date(2024, 9, 5)),
        ("5-Sep-24", dt.date(2024, 9, 5)),
        (45356, dt.date(2024, 3, 5)),  # a spreadsheet's serial number
    ],
)
def test_dates_people_write(text, day):
    assert parse_date(text, "f row 2", "Date applied") == day


@pytest.mark.parametrize(
    "text, why",
    [
        ("8/82019", "is not a date"),
        ("8-Jul", "has no year"),
        ("9/15", "has no year"),
        ("8/3/2019 and 9/9/2019", "is not a date"),
        ("2/30/2024", "is not a date (read month first, as the rest of the column)"),
        (2019, "is not a date"),
    ],
)
def test_dates_nobody_can_read(text, why):
    with pytest.raises(CellError) as got:
        parse_date(text, "f row 2", "Date applied")
    assert got.value.why == why and got.value.column == "Date applied"


def test_salary_ranges():
    assert parse_amounts("$80,000 - $95,000") == (80000, 95000)
    assert parse_amounts("80-95k") == (80000, 95000)
    assert parse_amounts("$80k\u2013$95k") == (80000, 95000)
    assert parse_amounts("1-2k") == (1000, 2000)
    assert parse_amounts("5 - 95k") == (5000, 95000)  # the k said once, for both


@pytest.mark.parametrize(
    "history, steps",
    [
        ("Applied 2026-01-05; Phone screen 2026-01-20; Rejected 2026-02-01",
         [("Applied", None), ("Screen", None), (None, "Rejected")]),
        ("2026-01-05 applied \u2192 2026-02-01 offer (verbal)", [("Applied", None), ("Offer", None)]),
        ("Applied: Jan 5, 2026 | Round 2 interview: 12 Feb 2026",
         [("Applied", None), ("Interview", None)]),
        ("applied:1/5/26 -> final_round:1/29/26", [("Applied", None), ("Final", None)]),
    ],
)  # fmt: skip
def test_stage_history_forms(tmp_path, history, steps):
    from jobbook.importers import read_files

    src = tmp_path / "h.csv"
    src.write_text(f'Company,Stage history\nAcme,"{history}"\n', encoding="utf-8")
    reading = read_files([src])
    assert reading.problems == []
    got = [(e.stage, None if e.status == "Active" else e.status) for e in reading.found[0].events]
    assert got == steps

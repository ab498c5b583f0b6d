"""A property of import (issue 19): any tracker a person could keep - headers under any of their
synonyms and spellings, dates in any of the usual forms, status words in any case, with emoji,
punctuation and letters repeated for effect - imported into a book and exported again (README
§ Your calendar and your data's CSV) keeps every row's company, role, date applied and the meaning of its status.

The import is computed (``import_rows``) and applied to the book in memory (``changes.applied``),
as the Excel buttons see it, and exported with ``jobbook.export``: no file is written but the
tracker, so that many trackers can be tried."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobbook.changes import applied
from jobbook.export import export_tables, to_csv
from jobbook.importers import read_files
from jobbook.importers import vocabulary as V
from jobbook.intents.importing import import_rows
from jobbook.reader import read_book

from conftest import PINNED

ROLES = ["Data Analyst", "Software Engineer Intern", "BI Developer", "Product Manager", "SRE"]
WORDS = sorted(V.STATUS_WORDS)
FORMS = {  # how a column writes its dates: one way per column, as people do
    "iso": lambda d: d.isoformat(),
    "us": lambda d: f"{d.month}/{d.day}/{d.year}",
    "words": lambda d: d.strftime("%b %d, %Y"),
    "long": lambda d: f"{d.strftime('%B')} {d.day}th {d.year}",
}


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    from jobbook.template import new_workbook

    return read_book(new_workbook(tmp_path_factory.mktemp("p") / "b.xlsx", as_of=PINNED))


def header(concept: str):
    """A header people write for `concept`: one of its synonyms, in some case and spacing."""
    styles = (str, str.upper, str.title, lambda s: s.replace(" ", "_"), lambda s: f" {s}: ")
    return st.tuples(st.sampled_from((concept, *V.HEADERS[concept])), st.sampled_from(styles)).map(
        lambda t: t[1](t[0])
    )


@st.composite
def spelled(draw, word: str) -> str:
    """`word` as a person types it: case, a letter repeated, punctuation, an emoji, spaces."""
    text = draw(st.sampled_from((word, word.upper(), word.title(), word.capitalize())))
    vowels = [i for i, ch in enumerate(text) if ch.lower() in "aeiou"]
    if vowels and draw(st.booleans()):
        i = draw(st.sampled_from(vowels))
        text = text[:i] + text[i] * draw(st.integers(2, 4)) + text[i + 1 :]
    tail = draw(st.sampled_from(("", "!", "!!", " :(", " \U0001f389", " \U0001f62d", ".", " ")))
    return draw(st.sampled_from(("", " "))) + text + tail


@st.composite
def trackers(draw):
    n = draw(st.integers(1, 8))
    stems = draw(
        st.lists(
            st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8),
            min_size=n,
            max_size=n,
            unique=True,
        )
    )
    rows = []
    for i, stem in enumerate(stems):
        word = draw(st.one_of(st.none(), st.sampled_from(WORDS)))
        wish = word is not None and V.STATUS_WORDS[word].stage == "Wishlist"
        day = None if wish else draw(st.dates(dt.date(2015, 1, 1), dt.date(2026, 10, 21)))
        rows.append(
            {
                "company": f"{stem.title()} Works {i}",  # distinct companies: distinct applications
                "role": draw(st.sampled_from(ROLES)),
                "day": day,
                "word": word,
                "status": draw(spelled(word)) if word else "",
            }
        )
    heads = [draw(header(c)) for c in ("Company", "Role", "Date applied", "Status")]
    return heads, draw(st.sampled_from(sorted(FORMS))), rows


def expected(word: str | None, day: dt.date | None) -> set[tuple[str, str]]:
    """The (Stage, Status) pairs that keep the meaning of `word` on a row with no other stage."""
    if word is None:  # no status from the file: Active, or No response by the 30-day rule
        stage = "Applied" if day else "Wishlist"
        return {(stage, "Active"), (stage, "No response")} if day else {(stage, "Active")}
    m = V.STATUS_WORDS[word]
    status = "Rejected" if m.status == V.DECLINED else m.status
    return {(m.stage or "Applied", status)}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tracker=trackers())
def test_a_tracker_comes_in_whole(blank, tracker):
    heads, form, rows = tracker
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(heads)
    for r in rows:
        w.writerow(
            [r["company"], r["role"], FORMS[form](r["day"]) if r["day"] else "", r["status"]]
        )
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "tracker.csv"
        src.write_text(buf.getvalue(), encoding="utf-8")
        reading = read_files([src])
    assert reading.problems == [] and reading.unknown == {}
    outcome = import_rows(blank, reading)
    assert len(outcome.data["added"]) == len(rows)
    exported = to_csv(export_tables(applied(blank, outcome.changes))["Pipeline"])
    back = {r["Company"]: r for r in csv.DictReader(io.StringIO(exported))}
    for r in rows:
        got = back[r["company"]]
        assert got["Role"] == r["role"]
        assert got["Date applied"] == (r["day"].isoformat() if r["day"] else "")
        assert (got["Stage"], got["Status"]) in expected(r["word"], r["day"]), (r, got)

"""The sample search is consistent on every day (issue 20, item 5): over 730 consecutive as-of days
its rows (built in memory, as ``jobbook new --sample`` fills them) keep the story's promises, and on
a spread of those days every README and --help example that names one of the story's rows runs.

The examples name rows by ID (O02, A054, I012...): the sample gives the story's rows the same ID on
every day (its ordinary applications are sent on fixed days apart from the story's), so the same
line works whatever the day. Their dates are written for the README's day (2026-10-21) and move with
the day here (--notice-given five days after it on every day)."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from mailbook import example_mail

from jobbook.cli import main
from jobbook.core.calendar import BusinessCalendar, public_holidays
from jobbook.core.computed import notice_dates
from jobbook.core.offers import offer_values, offer_years
from jobbook.core.settings import Settings
from jobbook.sample import ACCEPTED_COMPANY, sample_search
from jobbook.schema import CLOSED_OFFER_STATUSES, OFFERS, STATUSES
from jobbook.template import new_workbook

FIRST_DAY = dt.date(2026, 1, 1)
DAYS = 730
SPREAD = 61  # the examples run on every 61st day (12 days): each day's book and lines take ~10 s
README_DAY = dt.date(2026, 10, 21)  # the day the README's and --help's lines are written for
ROOT = Path(__file__).resolve().parents[1]

# The story's rows, the same on every day (the examples name them)
STORY = {
    "lessons": ["A006", "A017", "A029"],  # finals ending in a rejection, each with a lesson
    "offers": {"O01": "A014", "O02": "A019", "O03": "A033"},
    "withdrawn": "A010",
    "interview_ahead": "A054",  # an application with a technical interview coming up
}
DATED = {  # the dates of each table that the as-of date must know (all but what is ahead)
    "Pipeline": ["Date applied", "First response", "Last contact"],
    "Offers": ["Offer date"],
    "Negotiation": ["Date"],
    "Lessons": ["Decision date", "Feedback requested", "Feedback received", "Done"],
    "Transition": ["Accepted on", "Notice given"],
    "Interviews": ["Thank-you sent", "Outcome date"],
    "Questions": ["Last practiced"],
}


def _day(value) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _offers_frame(offers: list[dict]) -> pd.DataFrame:
    inputs = [c.header for c in OFFERS.inputs]
    return pd.DataFrame([{h: o.get(h) for h in inputs} for o in offers]).set_index("ID", drop=False)


def story_problems(day: dt.date, calendar: BusinessCalendar) -> list[str]:
    """Every way the sample of `day` breaks its story (empty when it keeps it)."""
    s = sample_search(day)
    p = {a["ID"]: a for a in s["Pipeline"]}
    iv, offers = s["Interviews"], s["Offers"]
    bad = []

    def check(ok: bool, what: str) -> None:
        if not ok:
            bad.append(f"{day}: {what}")

    for table in ("Pipeline", "Interviews", "Offers", "Questions"):
        ids = Counter(r["ID"] for r in s[table])
        check(max(ids.values()) == 1, f"{table} IDs repeat: {ids.most_common(1)}")
    for table in ("Interviews", "Offers", "Lessons"):
        check(all(r["Application ID"] in p for r in s[table]), f"{table}: unknown application")
    # only what the day knows, but the interviews still ahead (of open applications, not held)
    for table, cols in DATED.items():
        for r in s[table]:
            for c in cols:
                d = _day(r.get(c))
                check(d is None or d <= day, f"{table} {c} {d} after the as-of date")
    for i in iv:
        if _day(i["Date"]) > day:
            app = p[i["Application ID"]]
            check(app["Status"] == "Active", f"{i['ID']} ahead for a {app['Status']} application")
            check(i["Outcome"] == "Pending" and not i["Thank-you sent"], f"{i['ID']} held ahead")
    # offers: one open or accepted per application, one company each, one acceptance
    live = Counter(o["Application ID"] for o in offers if o["Status"] not in CLOSED_OFFER_STATUSES)
    check(max(live.values()) == 1, f"two open or accepted offers for {live.most_common(1)}")
    companies = Counter(p[o["Application ID"]]["Company"] for o in offers)
    check(max(companies.values()) == 1, f"two offers from {companies.most_common(1)}")
    check(
        [a["ID"] for a in p.values() if a["Company"] == ACCEPTED_COMPANY]
        == [STORY["offers"]["O02"]],
        f"{ACCEPTED_COMPANY} is not one application",
    )
    check({o["ID"]: o["Application ID"] for o in offers} == STORY["offers"], "offers moved")
    status = {o["ID"]: o["Status"] for o in offers}
    check(status == {"O01": "Declined", "O02": "Accepted", "O03": "Pending"}, f"{status}")
    apps = {oid: p[a]["Status"] for oid, a in STORY["offers"].items()}
    check(apps == {"O01": "Offer declined", "O02": "Accepted", "O03": "Active"}, f"{apps}")
    check(all(p[a]["Stage"] == "Offer" for a in STORY["offers"].values()), "offer stages")
    check(all(a["Status"] in STATUSES for a in p.values()), "an unknown Status")
    # the acceptance: one Transition row, O03 arrived after it ("Arrived after accepting ...")
    (t,) = s["Transition"]
    o = {x["ID"]: x for x in offers}
    check(t["Offer ID"] == "O02", "Transition is not O02's")
    check(o["O02"]["Offer date"] <= t["Accepted on"] < o["O03"]["Offer date"], "O03 not after")
    check(ACCEPTED_COMPANY in o["O03"]["Notes"] and "Decline" in o["O03"]["Notes"], "O03 notes")
    _, earliest = notice_dates(
        np.datetime64(t["Notice given"]), t["Notice weeks"], t["Rest days"], calendar
    )
    check(np.datetime64(t["Agreed start"]) >= earliest, "the agreed start is too soon")
    # after accepting: every other open application to withdraw tomorrow; O03's to decline, with
    # no due date of its own (O03's decision deadline is its one reminder, as `accept` writes it)
    tomorrow = BusinessCalendar().workday(day, 1).item()
    for a in p.values():
        if a["Status"] == "Active" and a["Date applied"] is not None:
            declines = a["ID"] == STORY["offers"]["O03"]
            want = "Decline O03" if declines else "Withdraw"
            check(
                (a.get("Next action"), a.get("Next action due"))
                == (f"{want}: accepted {ACCEPTED_COMPANY}", None if declines else tomorrow),
                f"{a['ID']}: {a.get('Next action')}",
            )
    # the rows the examples name
    check([r["Application ID"] for r in s["Lessons"]] == STORY["lessons"], "lessons moved")
    check(all(p[a]["Status"] == "Rejected" for a in STORY["lessons"]), "a lesson not rejected")
    check(p[STORY["withdrawn"]]["Status"] == "Withdrawn", "the withdrawn application")
    ahead = [i for i in iv if i["Application ID"] == STORY["interview_ahead"]]
    check(any(_day(i["Date"]) > day for i in ahead), "no interview ahead for A054")
    check(any(_day(i["Date"]) <= day for i in ahead), "no interview held for A054")
    check(p[STORY["interview_ahead"]]["Status"] == "Active", "A054 not Active")
    held = {i["ID"] for i in iv if _day(i["Date"]) <= day}
    check({"I001", "I003", "I012"} <= held, "I001, I003, I012 not held")
    # the notes say what the rows hold
    frame = _offers_frame(offers)
    values = offer_values(frame, Settings())
    years = offer_years(frame, values, None, None, day)
    o2, o3 = ("O02", "O03")
    check(values.at[o3, "Average annual total"] > values.at[o2, "Average annual total"], "paper")
    check(years.at[o3, "Year 1 total"] < years.at[o2, "Year 1 total"], "less in year 1")
    adjusted = "Cost-of-living adjusted average"
    check(years.at[o3, adjusted] < years.at[o2, adjusted], "less after the cost of living")
    check(o["O03"]["Vesting schedule"] == "5/15/40/40" and o["O03"]["Cost of living index"] == 122,
          "O03's grant and city")  # fmt: skip
    check(o["O01"]["Onsite days/week"] == 5 and o["O01"]["Commute minutes one-way"] >= 45, "O01")
    check(0 < o["O02"]["Onsite days/week"] < 5, "O02 is not hybrid")
    final_round = [i for i in iv if i["Round"] == "Final" and i["Application ID"] != "A019"]
    argued = s["Negotiation"][0]["Date"]  # "in the final round of another process"
    check(any(_day(i["Date"]) >= argued for i in final_round), "no other final round then")
    wish = [a for a in p.values() if a["Date applied"] is None]
    month = (day.replace(day=1) + dt.timedelta(days=92)).strftime("%B")
    check(len(wish) == 1 and wish[0]["Notes"] == f"Opens in {month}", "the wishlist's note")
    return bad


def test_the_sample_keeps_its_story_on_730_days():
    years = range(FIRST_DAY.year - 1, FIRST_DAY.year + 4)
    calendar = BusinessCalendar([d for d, _ in public_holidays("US", years)])
    bad = []
    for k in range(DAYS):
        bad += story_problems(FIRST_DAY + dt.timedelta(days=k), calendar)
    assert bad == [], "\n".join(bad[:20])


# -- the examples on a spread of days ------------------------------------------------------------

_ID = re.compile(r"\b(?:[AI]\d{3}|O0\d)\b")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _readme_lines() -> list[tuple[str, int]]:
    """(command, exit code) of the README's lines that name one of the story's rows: its sh
    blocks, and its console examples (exit 1 where the README shows an Error:)."""
    text = (ROOT / "README.md").read_text()
    out = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            for part in line.split("#", 1)[0].split("&&"):
                if part.strip().startswith("jobbook ") and _ID.search(part):
                    out.append((part.strip(), 0))
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        command, _, shown = block.partition("\n")
        if command.startswith("$ jobbook "):
            out.append((command[2:], 1 if shown.startswith("Error:") else 0))
    return out


def _help_lines() -> list[tuple[str, int]]:
    from test_examples import examples

    return [
        (shlex.join(["jobbook", *argv]), 0) for _, argv in examples() if _ID.search(" ".join(argv))
    ]


def _moved(line: str, day: dt.date) -> list[str]:
    """The line's arguments, its dates moved by as many days as `day` is from README_DAY."""
    shift = day - README_DAY
    moved = _DATE.sub(lambda m: (dt.date.fromisoformat(m.group()) + shift).isoformat(), line)
    return shlex.split(moved)[1:]


@pytest.fixture(scope="module")
def lines() -> list[tuple[str, int]]:
    got = list(dict.fromkeys(_readme_lines() + _help_lines()))
    assert len(got) >= 15
    text = " ".join(c for c, _ in got)
    for needed in ("accept search.xlsx O02 --notice-given", "accept search.xlsx O03",
                   "draft search.xlsx decline O03", "done search.xlsx next-action A054"):  # fmt: skip
        assert needed in text, needed
    return got


@pytest.mark.parametrize("k", range(0, DAYS, SPREAD))
def test_every_example_naming_a_row_runs_on_the_sample_of_the_day(k, lines, tmp_path, capsys,
                                                                  monkeypatch):  # fmt: skip
    day = FIRST_DAY + dt.timedelta(days=k)
    book = new_workbook(tmp_path / "search.xlsx", sample=True, as_of=day)
    failed = []
    for n, (line, code) in enumerate(lines):
        folder = tmp_path / f"{n:02d}"
        folder.mkdir()
        shutil.copy(book, folder / "search.xlsx")
        if line.startswith("jobbook mail "):  # the mailboxes its examples read
            example_mail(folder)
        monkeypatch.chdir(folder)
        got = main(_moved(line, day))
        out, err = capsys.readouterr()
        if got != code or "Traceback" in err:
            failed.append(f"{line} -> exit {got} (want {code}): {err.strip()[-300:]}")
    assert not failed, f"{day}:\n" + "\n".join(failed)

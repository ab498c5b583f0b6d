"""Every figure of docs/definitions.md § Deadlines and § Statistics and § What an offer is worth on the hand-made search of conftest.py, worked out on paper.

As of Tuesday 2026-03-10, US holidays (2026-01-19 and 2026-02-16 matter here), defaults:
ThankYouDays 1, FollowUpDays 5, DecisionDays 2, NoticeWeeks 2, RestDays 3, 48 weeks, 40 hours,
HorizonYears 4.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import jobbook
from jobbook import views
from jobbook.core import Settings, offer_value
from jobbook.core.stats import outcome_stats

from conftest import AS_OF

D = dt.date


@pytest.fixture
def book(search_book):
    return jobbook.read_book(search_book, as_of=AS_OF)


def by_id(df: pd.DataFrame, key: str = "ID") -> pd.DataFrame:
    return df.set_index(key)


def day(v) -> dt.date | None:
    return None if pd.isna(v) else pd.Timestamp(v).date()


# -- section 4 ------------------------------------------------------------------------------------

ALL_TIME = {
    # 9 applications (A7 is on the wishlist). Stage ranks: A1 5, A2 3, A3 1, A4 1, A5 2, A6 4,
    # A8 1, A9 5, A10 5. Responses: Stage >= Screen (A1 A2 A5 A6 A9 A10) or Rejected (A3) = 7.
    "applications": 9,
    "active": 4,  # A5 A6 A9 A10
    "accepted": 1,  # A1
    "responses": 7,
    "response_rate": 7 / 9,
    "interview_rate": 5 / 9,  # A1 A2 A6 A9 A10
    "offer_rate": 3 / 9,  # A1 A9 A10
    "funnel": {"Applied": 9, "Screen": 6, "Interview": 5, "Final": 4, "Offer": 3},
    # days to first response: 3, 8, 10, 1, 2, 2, 7 -> sorted 1 2 2 3 7 8 10 -> 3
    "median_days_to_response": 3.0,
    "by_status": {
        "Active": 4,
        "Rejected": 2,
        "Withdrawn": 1,
        "No response": 1,
        "Offer declined": 0,
        "Accepted": 1,
    },
    "by_source": {
        "Referral": {
            "applications": 1,
            "responses": 1,
            "response_rate": 1.0,
            "interviews": 1,
            "offers": 1,
        },
        "Company site": {
            "applications": 1,
            "responses": 0,
            "response_rate": 0.0,
            "interviews": 0,
            "offers": 0,
        },
        "LinkedIn": {
            "applications": 2,
            "responses": 2,
            "response_rate": 1.0,
            "interviews": 1,
            "offers": 0,
        },
        "Job board": {
            "applications": 2,
            "responses": 1,
            "response_rate": 0.5,
            "interviews": 0,
            "offers": 0,
        },
        "Recruiter": {
            "applications": 1,
            "responses": 1,
            "response_rate": 1.0,
            "interviews": 1,
            "offers": 1,
        },
        "Career fair": {
            "applications": 0,
            "responses": 0,
            "response_rate": None,
            "interviews": 0,
            "offers": 0,
        },
        "Network": {
            "applications": 1,
            "responses": 1,
            "response_rate": 1.0,
            "interviews": 1,
            "offers": 1,
        },
        "Other": {
            "applications": 0,
            "responses": 0,
            "response_rate": None,
            "interviews": 0,
            "offers": 0,
        },
        "Meetup": {
            "applications": 1,
            "responses": 1,
            "response_rate": 1.0,
            "interviews": 1,
            "offers": 0,
        },
    },
    "by_month": {
        "2026-01": {"applications": 2, "interviews": 3, "offers": 1},
        "2026-02": {"applications": 5, "interviews": 2, "offers": 0},
        "2026-03": {"applications": 2, "interviews": 2, "offers": 2},
    },
}

FEBRUARY = {
    # applied in February: A3 A4 A5 A9 A10
    "applications": 5,
    "active": 3,
    "accepted": 0,
    "responses": 4,  # A3 (rejected) A5 A9 A10
    "response_rate": 0.8,
    "interview_rate": 0.4,
    "offer_rate": 0.4,
    "funnel": {"Applied": 5, "Screen": 3, "Interview": 2, "Final": 2, "Offer": 2},
    "median_days_to_response": 4.5,  # 10 1 2 7
    "by_status": {
        "Active": 3,
        "Rejected": 1,
        "Withdrawn": 0,
        "No response": 1,
        "Offer declined": 0,
        "Accepted": 0,
    },
    "by_source": {
        "Referral": {
            "applications": 0,
            "responses": 0,
            "response_rate": None,
            "interviews": 0,
            "offers": 0,
        },
        "Company site": {
            "applications": 0,
            "responses": 0,
            "response_rate": None,
            "interviews": 0,
            "offers": 0,
        },
        "LinkedIn": {
            "applications": 1,
            "responses": 1,
            "response_rate": 1.0,
            "interviews": 0,
            "offers": 0,
        },
        "Job board": {
            "applications": 2,
            "responses": 1,
            "response_rate": 0.5,
            "interviews": 0,
            "offers": 0,
        },
        "Recruiter": {
            "applications": 1,
            "responses": 1,
            "response_rate": 1.0,
            "interviews": 1,
            "offers": 1,
        },
        "Career fair": {
            "applications": 0,
            "responses": 0,
            "response_rate": None,
            "interviews": 0,
            "offers": 0,
        },
        "Network": {
            "applications": 1,
            "responses": 1,
            "response_rate": 1.0,
            "interviews": 1,
            "offers": 1,
        },
        "Other": {
            "applications": 0,
            "responses": 0,
            "response_rate": None,
            "interviews": 0,
            "offers": 0,
        },
    },
    "by_month": {"2026-02": {"applications": 5, "interviews": 2, "offers": 0}},
}


# the hand-checked book keeps no History: no day a stage was entered is known
NO_HISTORY = {
    key: {"n": 0, "median_days": None, "q1_days": None, "q3_days": None}
    for key in (
        "applied_to_first_response", "screen_to_interview", "interview_to_final",
        "final_to_offer", "offer_to_decision",
    )
}  # fmt: skip


def test_stats_all_time(book):
    assert views.stats(book) == {**ALL_TIME, "time_in_stage": NO_HISTORY, "as_of": "2026-03-10"}


def test_stats_one_month(book):
    want = {**FEBRUARY, "time_in_stage": NO_HISTORY, "as_of": "2026-03-10"}
    assert views.stats(book, "2026-02") == want


def test_rates_over_zero_applications_are_null(book):
    s = views.stats(book, "2025-12")
    assert s["applications"] == 0
    assert s["response_rate"] is None and s["interview_rate"] is None and s["offer_rate"] is None
    assert s["median_days_to_response"] is None
    assert s["by_month"] == {"2025-12": {"applications": 0, "interviews": 0, "offers": 0}}


def test_empty_tables_give_zeros_and_nulls():
    empty = jobbook.read_book  # noqa: F841 - the reader's empty frames are tested in test_reader
    from jobbook.reader._table import empty_frame
    from jobbook.schema import TABLES

    t = {n: empty_frame(tb) for n, tb in TABLES.items()}
    s = outcome_stats(t["Pipeline"], t["Interviews"], t["Offers"])
    assert s["applications"] == 0 and s["response_rate"] is None and s["by_month"] == {}
    assert s["funnel"] == {"Applied": 0, "Screen": 0, "Interview": 0, "Final": 0, "Offer": 0}


# -- section 5 ------------------------------------------------------------------------------------

# O1: base 100,000; bonus 10% = 10,000; equity 40,000/4 = 10,000; match 5% = 5,000; benefits 6,000;
#     commute 3 days x 48 weeks x 10 = 1,440. Recurring 129,560; one-time 5,000+3,000-2,000 = 6,000;
#     first year 135,560; average 129,560 + 6,000/4 = 131,060; hours 40x48 + 2x30/60x3x48 = 2,064.
# O2: Final base 115,000 replaces the 110,000 offered; equity with no vesting years = 0; match 4% =
#     4,600. Recurring = first year = average = 119,600; hours 1,920.
# O3: base 120,000; bonus 15% = 18,000; commute 5x48x20 = 4,800; relocation cost -10,000.
#     Recurring 133,200; first year 123,200; average 133,200 - 2,500 = 130,700; hours 1,920 + 2x1x5x48
#     = 2,400.
OFFER_VALUES = {
    "O1": {
        "Annual bonus": 10000,
        "Equity per year": 10000,
        "Retirement match": 5000,
        "Commute cost/year": 1440,
        "Recurring total": 129560,
        "First-year total": 135560,
        "Average annual total": 131060,
        "Effective hourly": 129560 / 2064,
    },
    "O2": {
        "Annual bonus": 0,
        "Equity per year": 0,
        "Retirement match": 4600,
        "Commute cost/year": 0,
        "Recurring total": 119600,
        "First-year total": 119600,
        "Average annual total": 119600,
        "Effective hourly": 119600 / 1920,
    },
    "O3": {
        "Annual bonus": 18000,
        "Equity per year": 0,
        "Retirement match": 0,
        "Commute cost/year": 4800,
        "Recurring total": 133200,
        "First-year total": 123200,
        "Average annual total": 130700,
        "Effective hourly": 55.5,
    },
}


def test_offer_values(book):
    o = by_id(book.tables["Offers"])
    for oid, expected in OFFER_VALUES.items():
        for col, value in expected.items():
            assert o.at[oid, col] == pytest.approx(value, rel=1e-12), (oid, col)


def test_offer_ranking_and_decisions(book):
    rows = views.offers(book)
    assert [(r["id"], r["rank"]) for r in rows] == [("O1", 1), ("O3", 2), ("O2", 3)]
    # O1 offered Friday 01-30, no deadline: WORKDAY(+2) = Tuesday 02-03; Accepted -> Done.
    # O2 deadline given 03-12: NETWORKDAYS(03-11, 03-12) = 2 -> Due soon.
    # O3 offered Friday 03-06: WORKDAY(+2) = Tuesday 03-10 = as-of -> Due today.
    got = {r["id"]: (r["decision_due"], r["decision_flag"]) for r in rows}
    assert got == {
        "O1": ("2026-02-03", "Done"),
        "O2": ("2026-03-12", "Due soon"),
        "O3": ("2026-03-10", "Due today"),
    }


def test_offer_value_single_and_settings():
    v = offer_value(
        {"Base salary": 100000, "Bonus target %": 0.1, "Signing bonus": 8000},
        Settings(HorizonYears=2),
    )
    assert v["Recurring total"] == 110000
    assert v["First-year total"] == 118000
    assert v["Average annual total"] == 114000
    assert v["Effective hourly"] == pytest.approx(110000 / 1920)
    assert offer_value({"Signing bonus": 5000})["First-year total"] is None  # no base: blank
    with pytest.raises(KeyError, match="Salary"):
        offer_value({"Salary": 1})


def test_horizon_zero_gives_blank_average():
    v = offer_value({"Base salary": 1000, "Signing bonus": 100}, Settings(HorizonYears=0))
    assert v["Average annual total"] is None and v["First-year total"] == 1100


# -- section 3 ------------------------------------------------------------------------------------


def test_pipeline_follow_up_and_flags(book):
    p = by_id(book.tables["Pipeline"])
    # A5: later of 02-10 and 03-04 (Wed) + 5 business days = Wed 03-11; NETWORKDAYS(03-11,03-11)=1.
    # A6: Mon 03-02 + 5 = Mon 03-09 < 03-10: Overdue (sooner than its next action on 03-20).
    # A7: wishlist, no dates; next action due today.  A9: Thu 03-05 + 5 = Thu 03-12: Due soon.
    # A10: Fri 03-06 + 5 = Fri 03-13: three business days away, no flag.
    expected = {
        "A5": (D(2026, 3, 11), "Due soon"),
        "A6": (D(2026, 3, 9), "Overdue"),
        "A7": (None, "Due today"),
        "A9": (D(2026, 3, 12), "Due soon"),
        "A10": (D(2026, 3, 13), ""),
        "A1": (None, ""),
        "A2": (None, ""),
    }
    for pid, (due, flag) in expected.items():
        assert (day(p.at[pid, "Follow-up due"]), p.at[pid, "Flag"]) == (due, flag), pid


def test_interview_thank_you(book):
    i = by_id(book.tables["Interviews"])
    # I5 on Friday 02-13: the next business day, Monday 02-16, is Presidents' Day -> Tuesday 02-17.
    assert day(i.at["I5", "Thank-you due"]) == D(2026, 2, 17)
    assert day(i.at["I4", "Thank-you due"]) == D(2026, 3, 6)  # a 14:00 interview counts by its day
    flags = i["Thank-you flag"].to_dict()
    assert flags == {
        "I1": "Done",
        "I2": "Overdue",
        "I3": "Done",
        "I4": "Overdue",
        "I5": "Done",
        "I6": "Done",
        "I7": "Done",
    }
    assert i.at["I4", "Company"] == "Flux"


def test_lessons_and_transition(book):
    les = book.tables["Lessons"]
    assert list(les["Flag"]) == ["", "Done"]  # 03-13 is three business days away
    t = book.tables["Transition"].iloc[0]
    # Notice Monday 02-02 + 10 business days, skipping Presidents' Day 02-16 -> Tuesday 02-17;
    # + 3 rest days = Friday 02-20; next business day Monday 02-23. Agreed 02-20 is too soon.
    assert day(t["Last day"]) == D(2026, 2, 17)
    assert day(t["Earliest start"]) == D(2026, 2, 23)
    assert t["Start flag"] == "Too soon"
    assert (
        t["Applications to withdraw"] == "A5, A6, A9, A10"
    )  # not A7: a wishlist row is no application


EXPECTED_DEADLINES = [
    {
        "kind": "thank-you",
        "sheet": "Interviews",
        "id": "I2",
        "company": "Bolt",
        "due": "2026-01-23",
        "flag": "Overdue",
    },
    {
        "kind": "thank-you",
        "sheet": "Interviews",
        "id": "I4",
        "company": "Flux",
        "due": "2026-03-06",
        "flag": "Overdue",
    },
    {
        "kind": "follow-up",
        "sheet": "Pipeline",
        "id": "A6",
        "company": "Flux",
        "due": "2026-03-09",
        "flag": "Overdue",
    },
    {
        "kind": "next-action",
        "sheet": "Pipeline",
        "id": "A7",
        "company": "Grid",
        "due": "2026-03-10",
        "flag": "Due today",
    },
    {
        "kind": "decision",
        "sheet": "Offers",
        "id": "O3",
        "company": "Jolt",
        "due": "2026-03-10",
        "flag": "Due today",
    },
    {
        "kind": "follow-up",
        "sheet": "Pipeline",
        "id": "A5",
        "company": "Echo",
        "due": "2026-03-11",
        "flag": "Due soon",
    },
    {
        "kind": "follow-up",
        "sheet": "Pipeline",
        "id": "A9",
        "company": "Iota",
        "due": "2026-03-12",
        "flag": "Due soon",
    },
    {
        "kind": "decision",
        "sheet": "Offers",
        "id": "O2",
        "company": "Iota",
        "due": "2026-03-12",
        "flag": "Due soon",
    },
    {
        "kind": "follow-up",
        "sheet": "Pipeline",
        "id": "A10",
        "company": "Jolt",
        "due": "2026-03-13",
        "flag": "",
    },
    {
        "kind": "lesson",
        "sheet": "Lessons",
        "id": "A2",
        "company": "Bolt",
        "due": "2026-03-13",
        "flag": "",
    },
    {
        "kind": "next-action",
        "sheet": "Pipeline",
        "id": "A6",
        "company": "Flux",
        "due": "2026-03-20",
        "flag": "",
    },
]


def test_deadlines(book):
    assert views.deadlines(book) == EXPECTED_DEADLINES
    assert views.deadlines(book, within=3) == EXPECTED_DEADLINES[:10]
    assert views.deadlines(book, within=0) == EXPECTED_DEADLINES[:5]  # overdue ones always show


def test_start_deadline_before_the_start(book):
    early = book.at(D(2026, 2, 18))
    starts = [d for d in views.deadlines(early) if d["kind"] == "start"]
    assert starts == [
        {
            "kind": "start",
            "sheet": "Transition",
            "id": "O1",
            "company": "Acme",
            "due": "2026-02-20",
            "flag": "Too soon",
        }
    ]

"""Offers over the years (docs/definitions.md § Year by year), worked out on paper.

Year k = Base x (1 + Bonus % + Match %) + Benefits - Commute/year + Grant x (schedule's Year k %,
or the even share) + refresh grants still vesting + in year 1 the one-time amounts. The workbook's
formulas are held against the same core in test_workbook_lo.py (the `few` book covers a user's
schedule, an unknown one, a refresh, fractional vesting and clawbacks before, during and after).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import jobbook
from jobbook import views
from jobbook.core import offer_value
from jobbook.core.offers import whole_months

from handmade import new_workbook, save, write_settings, write_sheet

D = dt.date
YEARS = [f"Year {k} total" for k in range(1, 5)]


def years(**offer) -> list[float | None]:
    return [offer_value(offer)[y] for y in YEARS]


# Base 100,000 and a 40,000 grant, nothing else: year k = 100,000 + 40,000 x share of year k.
GRANT = {"Base salary": 100000, "Equity grant value": 40000, "Vesting years": 4}


@pytest.mark.parametrize(
    ("schedule", "want"),
    [
        ("5/15/40/40", [102000, 106000, 116000, 116000]),  # 2,000 6,000 16,000 16,000
        ("40/30/20/10", [116000, 112000, 108000, 104000]),  # 16,000 12,000 8,000 4,000
        ("25/25/25/25", [110000, 110000, 110000, 110000]),  # 10,000 a year
        ("34/33/33/0", [113600, 113200, 113200, 100000]),  # 13,600 13,200 13,200, then nothing
        ("  34/33/33/0  ", [113600, 113200, 113200, 100000]),  # trimmed as the reader trims
        (None, [110000, 110000, 110000, 110000]),  # blank: even, 40,000 / 4
    ],
)
def test_each_schedule(schedule, want):
    assert years(**GRANT, **{"Vesting schedule": schedule}) == pytest.approx(want, rel=1e-12)


def test_even_share_over_three_years_leaves_year_four_empty():
    # 40,000 / 3 = 13,333.33 in each of years 1-3; year 4 has no equity.
    got = years(**(GRANT | {"Vesting years": 3}))
    assert got == pytest.approx([100000 + 40000 / 3] * 3 + [100000], rel=1e-12)


def test_a_schedule_of_the_users_own_and_the_averages_keep_counting_evenly():
    vesting = pd.DataFrame(
        [("Cliff 0/50/50/0", 0.0, 0.5, 0.5, None)],
        columns=["Schedule", "Year 1 %", "Year 2 %", "Year 3 %", "Year 4 %"],
    )
    v = offer_value(GRANT | {"Vesting schedule": "cliff 0/50/50/0"}, vesting=vesting)
    # 0, 20,000, 20,000, blank = 0: 100,000 120,000 120,000 100,000
    assert [v[y] for y in YEARS] == [100000, 120000, 120000, 100000]
    # Section 5 still counts 40,000 / 4 = 10,000 a year, so that offers compare on one footing.
    assert v["Equity per year"] == 10000 and v["Average annual total"] == 110000
    # a schedule that is not in the table: the years are blank (check names the cell)
    unknown = offer_value(GRANT | {"Vesting schedule": "6/6/6"}, vesting=vesting)
    assert [unknown[y] for y in YEARS] == [None] * 4 and unknown["After-tax year 1"] is None
    assert unknown["Average annual total"] == 110000  # section 5 does not need the schedule


def test_refresh_one_time_amounts_tax_and_cost_of_living():
    v = offer_value(
        {
            "Base salary": 120000,
            "Final base": 125000,  # agreed: the base from now on
            "Bonus target %": 0.10,  # 12,500
            "Retirement match %": 0.05,  # 6,250
            "Benefits value": 5000,
            "Onsite days/week": 2,
            "Commute cost/day": 10,  # 2 x 48 x 10 = 960 a year
            "Equity grant value": 80000,
            "Vesting years": 4,  # even: 20,000 a year
            "Refresh % per year": 0.25,  # year k: (k - 1) x 25% x 80,000 / 4 = (k - 1) x 5,000
            "Signing bonus": 15000,
            "Relocation allowance": 5000,
            "Relocation cost": 3000,  # one-time: 15,000 + 5,000 - 3,000 = 17,000
            "Tax rate %": 0.30,
            "Cost of living index": 125,
        }
    )
    # without equity: 125,000 + 12,500 + 6,250 + 5,000 - 960 = 147,790
    assert [v[y] for y in YEARS] == pytest.approx(
        [
            147790 + 20000 + 17000,  # 184,790
            147790 + 20000 + 5000,  # 172,790
            147790 + 20000 + 10000,  # 177,790
            147790 + 20000 + 15000,  # 182,790
        ],
        rel=1e-12,
    )
    assert v["After-tax year 1"] == pytest.approx(184790 * 0.7, rel=1e-12)  # 129,353
    # average: recurring 167,790 + 17,000 / 4 = 172,040; at an index of 125: x 100 / 125 = 137,632
    assert v["Average annual total"] == pytest.approx(172040, rel=1e-12)
    assert v["Cost-of-living adjusted average"] == pytest.approx(137632, rel=1e-12)
    assert v["First-year total"] == v["Year 1 total"]  # even vesting: year 1 = first year
    assert v["Clawback at risk"] is None  # no clawback months


def test_refresh_follows_spec_formula_also_for_short_vesting():
    # 10,000 over 2 years: 5,000 in years 1-2. docs/definitions.md § Year by year as written: year k adds
    # (k - 1) x 10% x 10,000 / 2 = 500 x (k - 1): 500, 1,000, 1,500 in years 2-4 (the contract's words
    # would stop counting a refresh once it has vested; see docs/spec-notes.md).
    got = years(
        **{
            "Base salary": 50000,
            "Equity grant value": 10000,
            "Vesting years": 2,
            "Refresh % per year": 0.1,
        }
    )
    assert got == pytest.approx([55000, 55500, 51000, 51500], rel=1e-12)


def test_blank_optional_parts():
    v = offer_value({"Base salary": 90000})
    assert [v[y] for y in YEARS] == [90000] * 4
    assert v["After-tax year 1"] == 90000  # Tax rate blank = 0
    assert v["Cost-of-living adjusted average"] == 90000  # index blank = 100
    assert v["Clawback at risk"] is None  # no clawback months: blank
    none = offer_value({"Signing bonus": 5000, "Sign-on clawback months": 12})
    assert all(none[k] is None for k in (*YEARS, "Clawback at risk"))  # no base: all blank
    # a refresh with no Vesting years vests nothing; the grant follows its schedule
    v = offer_value(GRANT | {"Vesting years": None, "Vesting schedule": "5/15/40/40"})
    assert years(**(GRANT | {"Vesting years": None, "Refresh % per year": 0.5})) == [100000] * 4
    assert [v[y] for y in YEARS] == [102000, 106000, 116000, 116000]


def test_whole_months_as_datedif():
    # Excel's and LibreOffice's DATEDIF(start, end, "m"): complete months, the day of month decides
    starts = np.array(["2026-01-31", "2024-02-29", "2026-03-30", "2026-01-15", "2026-05-15"])
    ends = [D(2026, 2, 28), D(2025, 2, 28), D(2026, 4, 30), D(2026, 3, 10), D(2026, 5, 15)]
    got = [whole_months(np.array([s], dtype="datetime64[D]"), e)[0] for s, e in zip(starts, ends)]
    assert got == [0, 11, 1, 1, 0]


# -- a book: the Vesting table read from Settings, clawbacks counted from Transition ---------------

AS_OF = D(2026, 3, 10)


@pytest.fixture
def book(tmp_path):
    wb = new_workbook()
    write_sheet(
        wb,
        "Pipeline",
        [{"ID": "A1", "Company": "Acme", "Source": "Other", "Stage": "Offer", "Status": "Active"}],
    )
    offer = {"Application ID": "A1", "Offer date": D(2026, 1, 2), "Base salary": 100000}
    claw = {"Signing bonus": 12000, "Sign-on clawback months": 12}
    write_sheet(
        wb,
        "Offers",
        [
            offer | claw | {"ID": "O1"},  # starts after the as-of date: all 12,000 at risk
            offer | claw | {"ID": "O2"},  # started 2026-01-15: 1 whole month served
            offer | claw | {"ID": "O3"},  # started 2025-02-28: 12 months served, nothing left
            offer | claw | {"ID": "O4", "Vesting schedule": "front 50/50"},  # no start: all
            offer | {"ID": "O5", "Signing bonus": 6000, "Sign-on clawback months": 6},
            offer | {"ID": "O6", "Signing bonus": 5000, "Vesting schedule": "nope"},
        ],
        table=True,
    )
    write_sheet(
        wb,
        "Transition",
        [
            {"Offer ID": "O1", "Agreed start": D(2026, 4, 1)},
            {"Offer ID": "O2", "Agreed start": D(2026, 1, 15)},
            {"Offer ID": "O3", "Agreed start": D(2025, 2, 28)},
            # notice Monday 01-05, 2 weeks: WORKDAY(+10, MLK Day 01-19) = Tuesday 01-20; rest 3
            # days: Friday 01-23; earliest start WORKDAY(+1) = Monday 01-26
            {"Offer ID": "O5", "Notice given": D(2026, 1, 5)},
        ],
        table=True,
    )
    ws = write_settings(wb, {"AsOf": AS_OF})
    # a Vesting table without an Excel Table, found by its header row; a five-year schedule
    rows = [
        ("Schedule", "Year 1 %", "Year 2 %", "Year 3 %", "Year 4 %", "Year 5 %"),
        ("Front 50/50", 0.5, 0.5, None, None, None),
        ("Five years", 0.2, 0.2, 0.2, 0.2, 0.2),
        ("Short", 0.5, 0.45, None, None, None),  # 95%: a warning
        ("front 50/50", 1, None, None, None, None),  # named twice: the first is used
        ("Typo", "forty", 0.6, None, None, None),  # not a number: an error
    ]
    for i, row in enumerate(rows, 1):
        for j, v in enumerate(row):
            ws.cell(i, 8 + j, v)
    return jobbook.read_book(save(wb, tmp_path / "years.xlsx"))


def test_clawback_before_during_and_after(book):
    o = book.tables["Offers"].set_index("ID")
    assert book.as_of == AS_OF
    assert o.at["O1", "Clawback at risk"] == 12000  # before the start
    # 01-15 to 03-10: 2 months by the calendar, but the 10th is before the 15th: 1 whole month;
    # 12,000 x (12 - 1) / 12 = 11,000
    assert o.at["O2", "Clawback at risk"] == 11000
    assert o.at["O3", "Clawback at risk"] == 0  # after: 12 whole months served
    assert o.at["O4", "Clawback at risk"] == 12000  # no start in Transition
    # from the earliest start 01-26: 1 whole month; 6,000 x 5 / 6 = 5,000
    assert o.at["O5", "Clawback at risk"] == 5000
    assert pd.isna(o.at["O6", "Clawback at risk"])  # no clawback months
    # O4 follows the user's schedule, matched whatever its case: 50,000... of no grant = base only
    assert o.at["O4", "Year 1 total"] == 100000 + 12000


def test_vesting_table_and_check(book):
    got = {(p.cell, p.severity): p.message for p in book.problems}
    assert got[("I6", "error")] == '"forty" is not a number (Vesting, Year 1 %)'
    assert "Short on row 4 adds up to 95%, not 100%" in got[("H4", "warning")]
    assert "named twice (first on row 2)" in got[("H5", "warning")]
    assert not any(c == "H3" for c, _ in got)  # five years of 20% add up with Year 5 %
    assert list(book.vesting["Schedule"]) == ["Front 50/50", "Five years", "Short", "Typo"]
    letter = book.letters["Offers"]["Vesting schedule"]
    (bad,) = [p for p in book.errors if p.sheet == "Offers"]
    assert (bad.cell, bad.column) == (f"{letter}7", "Vesting schedule")
    assert '"nope" is not a schedule of the Vesting table' in bad.message
    years = views.offers(book.at(AS_OF))
    assert [r["year_totals"] for r in years if r["id"] == "O6"] == [[None] * 4]


def test_no_settings_sheet_gives_the_default_schedules(search_book):
    book = jobbook.read_book(search_book)
    assert book.vesting is None and not [p for p in book.problems if "schedule" in p.message]

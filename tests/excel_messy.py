"""Tables as people leave them, sent as Excel sends them: blanks, text in number columns, dates as
datetimes, as date serial numbers (floats), as ISO text and as text with spaces, done marks of
every kind, choices in any case. ``outputs`` gives what JB_OFFERS, JB_DEADLINES and JB_STATS
return on them, with dates written as ISO text, to compare with ``golden/excel_messy.json``."""

from __future__ import annotations

import datetime as dt
import random

from jobbook.schema import INTERVIEWS, LESSONS, OFFERS, PIPELINE, TRANSITION

AS_OF = dt.datetime(2026, 10, 21)
EPOCH = dt.datetime(1899, 12, 30)


def _date(rng: random.Random, span: int = 900):
    """A date as a person's sheet holds it: datetime, serial number, ISO text, or blank."""
    day = dt.datetime(2025, 1, 1) + dt.timedelta(days=rng.randint(0, span))
    return rng.choice(
        [day, day, float((day - EPOCH).days), f" {day:%Y-%m-%d} ", day.replace(hour=14), None]
    )


def _money(rng: random.Random):
    return rng.choice(
        [float(rng.randint(60, 200) * 1000), f"${rng.randint(60, 200)},000", "n/a", None, "  "]
    )


def tables(n: int = 120, seed: int = 7) -> dict[str, list[list]]:
    rng = random.Random(seed)

    def rows(table, make, count=n):
        out = [list(table.headers)]
        for i in range(1, count + 1):
            values = make(i)
            out.append([None if c.computed else values.get(c.header) for c in table.columns])
        out.append([None] * len(table.headers))  # a blank row at the end, as ranges often have
        return out

    def pipeline(i):
        return {
            "ID": rng.choice([f"A{i}", f" A{i} ", float(i)]),
            "Company": rng.choice([f"Company {i % 40}", None, "  "]),
            "Date applied": _date(rng),
            "Stage": rng.choice(["Applied", "screen", "Onsite", "OFFER", None]),
            "Status": rng.choice(["Active", "active", "Rejected", "Ghosted", "Withdrawn", None]),
            "Source": rng.choice(["LinkedIn", "referral", None]),
            "First response": _date(rng),
            "Last contact": _date(rng),
            "Next action": rng.choice(["Call", None]),
            "Next action due": _date(rng, 1000),
            "Salary min": _money(rng),
        }

    def interview(i):
        return {
            "ID": f"I{i}",
            "Application ID": rng.choice([f"A{rng.randint(1, n)}", float(rng.randint(1, n))]),
            "Date": _date(rng),
            "Thank-you sent": rng.choice([None, False, True, "x", _date(rng), "yes"]),
            "Outcome": rng.choice(["Passed", "rejected", None]),
        }

    def offer(i):
        return {
            "ID": f"O{i}",
            "Application ID": f"A{rng.randint(1, n)}",
            "Offer date": _date(rng),
            "Deadline given": _date(rng, 1000) if i % 3 == 0 else None,
            "Base salary": _money(rng),
            "Bonus target %": rng.choice([0.1, "15%", None]),
            "Equity grant value": _money(rng),
            "Vesting years": rng.choice([4.0, "4", None]),
            "Onsite days/week": rng.choice([float(rng.randint(0, 5)), None]),
            "Commute cost/day": rng.choice([12.0, "$9.50", None]),
            "Status": rng.choice(["Pending", "negotiating", "Declined", "Accepted", None]),
        }

    def lesson(i):
        return {
            "Application ID": f"A{rng.randint(1, n)}",
            "Decision date": _date(rng),
            "Action": "Practise",
            "Due": _date(rng, 1000),
            "Done": rng.choice([None, False, True, "x", " ", _date(rng)]),
        }

    def transition(i):
        return {"Offer ID": f"O{i}", "Notice given": _date(rng, 1000)}

    out = {
        "Pipeline": rows(PIPELINE, pipeline),
        "Interviews": rows(INTERVIEWS, interview),
        "Offers": rows(OFFERS, offer),
        "Lessons": rows(LESSONS, lesson),
    }
    out["Transition"] = rows(TRANSITION, transition, 5)  # a few accepted offers
    return out


def _plain(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def outputs(t: dict[str, list[list]] | None = None) -> dict[str, list[list]]:
    """What the three functions return on the messy tables (dates as ISO text)."""
    from jobbook.excel import functions as f

    t = t or tables()
    holidays = [[dt.datetime(2026, 1, 1) + dt.timedelta(days=7 * k)] for k in range(20)]
    got = {
        "JB_OFFERS": f.JB_OFFERS(t["Offers"], t["Pipeline"], None, AS_OF, holidays),
        "JB_DEADLINES": f.JB_DEADLINES(
            t["Pipeline"],
            t["Interviews"],
            t["Offers"],
            t["Lessons"],
            t["Transition"],
            AS_OF,
            holidays,
        ),
        "JB_STATS": f.JB_STATS(t["Pipeline"], t["Interviews"], t["Offers"]),
    }
    return {k: [[_plain(v) for v in row] for row in rows] for k, rows in got.items()}

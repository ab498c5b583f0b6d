#!/usr/bin/env python3
"""Time every Excel function (``JB_*``) over N rows, called as Excel calls it: 2-D lists of floats,
None for blanks, datetimes and text, tables with their header row.

    python benchmarks/excel_functions.py 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobbook.schema import (  # noqa: E402
    INTERVIEWS,
    LESSONS,
    OFFERS,
    PIPELINE,
    SOURCES,
    STAGES,
    STATUSES,
    TRANSITION,
)

AS_OF = dt.datetime(2026, 10, 21)
START = dt.datetime(2024, 1, 1)


def _day(rng: random.Random, span: int = 1000) -> dt.datetime:
    return START + dt.timedelta(days=rng.randint(0, span))


def _table(table, n: int, row) -> list[list]:
    """Header + n rows; computed columns blank, as Excel sends a table whose formulas it owns."""
    heads = table.headers
    rows = [heads]
    for i in range(1, n + 1):
        values = row(i)
        rows.append([None if c.computed else values.get(c.header) for c in table.columns])
    return rows


def excel_tables(n: int, seed: int = 1) -> dict[str, list[list]]:
    """Pipeline, Interviews, Offers and Lessons of n rows each (Transition: up to 10), with
    lower-case choices and unticked checkboxes sprinkled in (as people type them)."""
    rng = random.Random(seed)

    def pipeline(i):
        applied = _day(rng)
        stage = rng.choice(STAGES[1:])
        return {
            "ID": f"A{i}",
            "Company": f"Company {rng.randint(1, 5000)}",
            "Source": rng.choice(SOURCES),
            "Date applied": applied,
            "Stage": stage.lower() if i % 5 == 0 else stage,
            "Status": rng.choice(STATUSES).lower() if i % 7 == 0 else rng.choice(STATUSES),
            "First response": applied + dt.timedelta(days=rng.randint(1, 20)) if i % 2 else None,
            "Last contact": applied + dt.timedelta(days=rng.randint(1, 40)) if i % 3 else None,
            "Next action due": _day(rng, 1100) if i % 4 == 0 else None,
            "Salary min": float(70000 + rng.randint(0, 60) * 1000),
            "Excitement": float(rng.randint(1, 5)),
        }

    def interview(i):
        day = _day(rng)
        return {
            "ID": f"I{i}",
            "Application ID": f"A{rng.randint(1, n)}",
            "Date": day,
            "Thank-you sent": (day if i % 3 else False) if i % 2 else None,
            "Self-rating": float(rng.randint(1, 5)),
        }

    def offer(i):
        return {
            "ID": f"O{i}",
            "Application ID": f"A{rng.randint(1, n)}",
            "Offer date": _day(rng),
            "Base salary": float(rng.randint(80, 200) * 1000),
            "Bonus target %": 0.1,
            "Equity grant value": float(rng.randint(0, 100) * 1000),
            "Vesting years": 4.0,
            "Onsite days/week": float(rng.randint(0, 5)),
            "Commute cost/day": 12.0,
            "Commute minutes one-way": 30.0,
            "Status": rng.choice(["Pending", "negotiating", "Declined", None]),
        }

    def lesson(i):
        return {
            "Application ID": f"A{rng.randint(1, n)}",
            "Action": "Practise",
            "Due": _day(rng, 1100),
            "Done": rng.choice([None, False, True, "x"]),
        }

    def transition(i):
        return {"Offer ID": f"O{i}", "Notice given": _day(rng, 1100)}

    return {
        "Pipeline": _table(PIPELINE, n, pipeline),
        "Interviews": _table(INTERVIEWS, n, interview),
        "Offers": _table(OFFERS, n, offer),
        "Lessons": _table(LESSONS, n, lesson),
        "Transition": _table(TRANSITION, min(n, 10), transition),  # a few accepted offers
    }


def calls(n: int) -> dict[str, object]:
    """Each function with arguments over n rows, ready to call."""
    from jobbook.excel import functions as f

    t = excel_tables(n)
    col = lambda name, header: [[r[t[name][0].index(header)]] for r in t[name][1:]]  # noqa: E731
    holidays = [[dt.datetime(2026, 1, 1) + dt.timedelta(days=7 * k)] for k in range(50)]
    dues = col("Interviews", "Date")
    done = col("Interviews", "Thank-you sent")
    offers = t["Offers"]
    return {
        "JB_WORKDAY": lambda: f.JB_WORKDAY(dues, 5.0, holidays),
        "JB_NETWORKDAYS": lambda: f.JB_NETWORKDAYS(dues, AS_OF, holidays),
        "JB_FLAG": lambda: f.JB_FLAG(dues, done, AS_OF, holidays),
        "JB_OFFER_VALUE": lambda: f.JB_OFFER_VALUE([offers[0]], [offers[1]]),
        "JB_OFFERS": lambda: f.JB_OFFERS(offers, t["Pipeline"], None, AS_OF, holidays),
        "JB_FUNNEL": lambda: f.JB_FUNNEL(t["Pipeline"]),
        "JB_STATS": lambda: f.JB_STATS(t["Pipeline"], t["Interviews"], t["Offers"]),
        "JB_DEADLINES": lambda: f.JB_DEADLINES(
            t["Pipeline"], t["Interviews"], offers, t["Lessons"], t["Transition"], AS_OF, holidays
        ),
        "JB_NOTICE": lambda: f.JB_NOTICE(AS_OF, 2.0, 3.0, holidays),
    }


def time_functions(n: int, repeat: int = 5, only=()) -> dict[str, float]:
    """Seconds of CPU time of each function's call (the best of `repeat`; imports excluded)."""
    out = {}
    for name, call in calls(n).items():
        if only and name not in only:
            continue
        call()  # warm: first-call caches (holiday calendars, pandas internals)
        best = float("inf")
        for _ in range(repeat):
            t = time.process_time()
            call()
            best = min(best, time.process_time() - t)
        out[name] = best
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=int, nargs="?", default=10_000)
    ap.add_argument("only", nargs="*", help="function names (default: all)")
    args = ap.parse_args()
    for name in calls(1):
        if args.only and name not in args.only:
            continue
        s = time_functions(args.rows, only=(name,))[name]
        print(f"{name:<16} {s * 1000:8.1f} ms", flush=True)


if __name__ == "__main__":
    main()

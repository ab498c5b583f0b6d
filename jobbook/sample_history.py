"""The sample search's History (docs/definitions.md § History): how its applications moved, told from its own
rows, as if the person had recorded each day's changes that evening (``jobbook record`` or the
Refresh button): each application arrives on the day it was applied to (a wish a month before the
as-of date), reaches Screen with its first response, Interview and Final a few days before the
first interview of that round, Offer on its offer's day, and closes on the day its rows say; each
interview arrives three business days before it, each offer on its day.

Derived from the finished tables, without a random draw, so that the rest of the sample stays as
it is; every row is dated on or before the as-of date, and the book's tracked cells are what its
History last saw (``jobbook record`` on a new sample finds nothing typed)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .history import Entry, to_text
from .schema import ADDED, FUNNEL_STAGES, ROW_COLUMN, SOURCE_RECORD, STAGES, TRACKED

Record = dict[str, object]
LEAD_DAYS = 3  # an interview is booked this many days before it


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _stage_days(app: Record, rounds: list[Record], offer: Record | None, applied: dt.date):
    """The day the application entered each stage it reached (Screen to Offer)."""
    reached = STAGES.index(app["Stage"]) if app.get("Stage") in STAGES else 0
    days: dict[str, dt.date] = {}
    last = applied
    for stage in FUNNEL_STAGES[1:]:
        if STAGES.index(stage) > reached:
            break
        if stage == "Screen":
            day = _day(app.get("First response")) or last
        elif stage == "Offer":
            day = _day(offer.get("Offer date")) if offer else None
        else:
            first = next((_day(r["Date"]) for r in rounds if _round_stage(r) == stage), None)
            day = first - dt.timedelta(days=LEAD_DAYS) if first else None
        day = max(day or last, last)
        days[stage] = day
        last = day
    return days


def _round_stage(interview: Record) -> str:
    name = str(interview.get("Round") or "").casefold()
    return "Screen" if "screen" in name else "Final" if "final" in name else "Interview"


def _closed_day(app, rounds, offer, transition, entered: dt.date, as_of: dt.date) -> dt.date:
    status = app["Status"]
    if status == "Accepted" and transition:
        day = _day(transition.get("Accepted on"))
    elif status in ("Accepted", "Offer declined") and offer:
        day = _day(offer.get("Deadline given")) or _day(offer.get("Offer date"))
    elif status == "Rejected":
        done = [_day(r.get("Outcome date")) or _day(r["Date"]) for r in rounds]
        day = max([d for d in done if d], default=_day(app.get("First response")))
    elif status == "No response":
        day = entered + dt.timedelta(days=28)
    else:
        day = _day(app.get("Last contact"))
    return min(max(day or entered, entered), as_of)


def sample_history(tables: dict[str, list[Record]], as_of: dt.date) -> list[Record]:
    """History rows for the sample's tables (see the module's note), as History records."""
    rows: list[tuple[dt.date, int, str, str, str, str, str]] = []  # day, order, sheet, id, ...
    by_app: dict[str, list[Record]] = defaultdict(list)
    for iv in sorted(tables["Interviews"], key=lambda r: r["Date"]):
        by_app[iv["Application ID"]].append(iv)
    offers = {o["Application ID"]: o for o in tables["Offers"]}
    moves = {t["Offer ID"]: t for t in tables["Transition"]}
    apps = tables["Pipeline"]
    first = min((_day(a["Date applied"]) for a in apps if a["Date applied"]), default=as_of)
    wish_day = max(first, as_of - dt.timedelta(days=30))

    def add(day, sheet, key, column, old, new, order=1):
        rows.append((min(day, as_of), order, sheet, key, column, old, new))

    for app in apps:
        key = str(app["ID"])
        applied = _day(app.get("Date applied"))
        arrival = applied or wish_day
        add(arrival, "Pipeline", key, ROW_COLUMN, "", ADDED, 0)
        for column in ("Date applied", "Source"):
            if app.get(column) is not None:
                add(arrival, "Pipeline", key, column, "", to_text(app[column]))
        add(arrival, "Pipeline", key, "Stage", "", "Applied" if applied else "Wishlist")
        add(arrival, "Pipeline", key, "Status", "", "Active")
        if app.get("First response") is not None:
            reply = _day(app["First response"])
            add(max(reply, arrival), "Pipeline", key, "First response", "", to_text(reply))
        if applied is None:
            continue
        offer = offers.get(key)
        before, entered = "Applied", applied
        for stage, day in _stage_days(app, by_app[key], offer, applied).items():
            add(day, "Pipeline", key, "Stage", before, stage, 2)
            before, entered = stage, day
        if app["Status"] != "Active":
            transition = moves.get(offer["ID"]) if offer else None
            day = _closed_day(app, by_app[key], offer, transition, entered, as_of)
            add(day, "Pipeline", key, "Status", "Active", str(app["Status"]), 3)
    for iv in tables["Interviews"]:
        when = _day(iv["Date"]) - dt.timedelta(days=LEAD_DAYS)
        key = str(iv["ID"])
        add(when, "Interviews", key, ROW_COLUMN, "", ADDED, 0)
        add(when, "Interviews", key, "Date", "", to_text(iv["Date"]))
    for o in tables["Offers"]:
        day = _day(o["Offer date"])
        add(day, "Offers", str(o["ID"]), ROW_COLUMN, "", ADDED, 0)
        add(day, "Offers", str(o["ID"]), "Offer date", "", to_text(o["Offer date"]))
    assert {c for t in TRACKED.values() for c in t} >= {r[4] for r in rows if r[4] != ROW_COLUMN}
    rows.sort(key=lambda r: (r[0], r[2] != "Pipeline", r[3], r[1]))
    changes = {day: n for n, day in enumerate(sorted({r[0] for r in rows}), 1)}
    out = []
    for day, _order, sheet, key, column, old, new in rows:
        recorded = dt.datetime.combine(day, dt.time(18, 0))
        e = Entry(changes[day], day, recorded, sheet, key, column, old, new, SOURCE_RECORD)
        out.append(e.values())
    return out

"""The sample search's History (docs/definitions.md § History): how its applications moved, told from its own
rows, as if the person had recorded each day's changes that evening (``jobbook record`` or the
Refresh button): each application arrives on the day it was applied to (a wish a month before the
as-of date), reaches Screen with its first response, Interview and Final a few days before the
first interview of that round, Offer on its offer's day, and closes on the day its rows say; each
interview arrives three business days before it, each offer on its day.

The acceptance is recorded as ``jobbook accept`` writes it, on its day (Accepted on): the offer
and its application Accepted, the Transition row, and every other open application's next action
(to withdraw; the one with an offer of its own, to decline it once that offer came), each over
the next action it had before (``earlier``). So the sample read on a day before the acceptance
(``--as-of``) shows no withdrawal yet.

Derived from the finished tables, without a random draw, so that the rest of the sample stays as
it is; every row is dated on or before the as-of date, and the book's tracked cells are what its
History last saw (``jobbook record`` on a new sample finds nothing typed)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .history import Entry, to_text
from .schema import (
    ADDED,
    FUNNEL_STAGES,
    ROW_COLUMN,
    SOURCE_ACCEPT,
    SOURCE_RECORD,
    STAGES,
    TRACKED,
)

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


def _acceptance(tables, as_of: dt.date, earlier: dict, add) -> None:
    """The change set of the acceptance (see the module's note), through `add`."""
    offers = {str(o["ID"]): o for o in tables["Offers"]}
    for move in tables["Transition"]:
        offer = offers.get(str(move["Offer ID"]))
        day = _day(move.get("Accepted on"))
        if offer is None or day is None or day > as_of or offer["Status"] != "Accepted":
            continue
        oid = str(offer["ID"])
        add(day, "Offers", oid, "Status", "Negotiating", "Accepted", 4, SOURCE_ACCEPT)
        add(day, "Transition", oid, ROW_COLUMN, "", ADDED, 4, SOURCE_ACCEPT)
        add(day, "Transition", oid, "Accepted on", "", to_text(day), 4, SOURCE_ACCEPT)
        notice = _day(move.get("Notice given"))
        if notice is not None and notice <= as_of:
            add(notice, "Transition", oid, "Notice given", "", to_text(notice), 4, SOURCE_RECORD)
        apps = {str(a["ID"]): a for a in tables["Pipeline"]}
        withdraw_due = next(
            (a.get("Next action due") for a in apps.values()
             if str(a.get("Next action")).startswith("Withdraw")),
            None,
        )  # fmt: skip
        for key, (action, due) in earlier.items():
            app = apps[key]
            when = max(day, _day(app.get("Date applied")) or day)
            now, now_due = app.get("Next action"), app.get("Next action due")
            if str(now).startswith("Decline "):  # to withdraw, then to decline once it came
                declined = _day(offers[str(now).split()[1].rstrip(":")]["Offer date"]) or when
                withdraw = f"Withdraw: {str(now).split(': ', 1)[1]}"
                written = (withdraw, withdraw_due)
                _next_action(add, when, key, (action, due), written, SOURCE_ACCEPT)
                _next_action(add, max(declined, when), key, written, (now, now_due))
            else:  # typed, for an application sent after the acceptance
                source = SOURCE_ACCEPT if when == day else SOURCE_RECORD
                _next_action(add, when, key, (action, due), (now, now_due), source)


def _next_action(add, day, key, old, new, source=SOURCE_RECORD) -> None:
    for column, a, b in zip(("Next action", "Next action due"), old, new):
        if to_text(a) != to_text(b):
            add(day, "Pipeline", key, column, to_text(a), to_text(b), 4, source)


def sample_history(
    tables: dict[str, list[Record]], as_of: dt.date, earlier: dict | None = None
) -> list[Record]:
    """History rows for the sample's tables (see the module's note), as History records.
    `earlier`: by application ID, the (Next action, Next action due) the acceptance wrote over."""
    rows: list[tuple] = []  # day, order, sheet, id, column, old, new, source
    by_app: dict[str, list[Record]] = defaultdict(list)
    for iv in sorted(tables["Interviews"], key=lambda r: r["Date"]):
        by_app[iv["Application ID"]].append(iv)
    offers = {o["Application ID"]: o for o in tables["Offers"]}
    moves = {t["Offer ID"]: t for t in tables["Transition"]}
    apps = tables["Pipeline"]
    first = min((_day(a["Date applied"]) for a in apps if a["Date applied"]), default=as_of)
    wish_day = max(first, as_of - dt.timedelta(days=30))

    def add(day, sheet, key, column, old, new, order=1, source=SOURCE_RECORD):
        rows.append((min(day, as_of), order, sheet, key, column, old, new, source))

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
            source = SOURCE_ACCEPT if app["Status"] == "Accepted" and transition else SOURCE_RECORD
            add(day, "Pipeline", key, "Status", "Active", str(app["Status"]), 3, source)
    for iv in tables["Interviews"]:
        when = _day(iv["Date"]) - dt.timedelta(days=LEAD_DAYS)
        key = str(iv["ID"])
        add(when, "Interviews", key, ROW_COLUMN, "", ADDED, 0)
        add(when, "Interviews", key, "Date", "", to_text(iv["Date"]))
    for o in tables["Offers"]:
        day = _day(o["Offer date"])
        add(day, "Offers", str(o["ID"]), ROW_COLUMN, "", ADDED, 0)
        add(day, "Offers", str(o["ID"]), "Offer date", "", to_text(o["Offer date"]))
    recorded_cells = {r[4] for r in rows if r[4] != ROW_COLUMN and r[7] == SOURCE_RECORD}
    assert {c for t in TRACKED.values() for c in t} >= recorded_cells
    _acceptance(tables, as_of, earlier or {}, add)
    rows.sort(key=lambda r: (r[0], r[7] != SOURCE_RECORD, r[2] != "Pipeline", r[3], r[1]))
    sets = sorted({(r[0], r[7] != SOURCE_RECORD) for r in rows})  # a day's record, then accept
    changes = {s: n for n, s in enumerate(sets, 1)}
    out = []
    for day, _order, sheet, key, column, old, new, source in rows:
        recorded = dt.datetime.combine(day, dt.time(18, 0 if source == SOURCE_RECORD else 30))
        number = changes[(day, source != SOURCE_RECORD)]
        e = Entry(number, day, recorded, sheet, key, column, old, new, source)
        out.append(e.values())
    return out

"""Every computed column of the workbook (docs/definitions.md § Deadlines and § What an offer is worth), computed from the inputs alone.

Each function takes the typed tables (DataFrames with the schema's headers, as ``read_book`` gives
them) and returns a DataFrame of the computed columns on the same index. ``compute_all`` fills them
all. Cached formula results in a workbook are never used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..schema import (
    CLOSING_ACTIONS,
    FLAG_TOO_SOON,
    HELD_OUTCOMES,
    OPEN_OFFER_STATUSES,
    OUTCOME_CANCELLED,
)
from .calendar import DAY, NAT, BusinessCalendar, to_days
from .context import Context, id_key, lookup  # noqa: F401  (Context and id_key: their old home)
from .flags import flags, is_set
from .known import actions_known, contacts_known, known, marked_done
from .offers import offer_values, offer_years


def _days(series: pd.Series) -> np.ndarray:
    return to_days(series)


def _as_series(values: np.ndarray, index: pd.Index) -> pd.Series:
    if np.issubdtype(values.dtype, np.datetime64):
        return pd.Series(values.astype("datetime64[s]"), index=index)
    return pd.Series(values, index=index)


def _active(status: pd.Series) -> np.ndarray:
    return (status == "Active").fillna(False).to_numpy(dtype=bool)


def closing(next_action: pd.Series) -> np.ndarray:
    """A Next action that closes the application ("Withdraw: ...", "Decline O05: ..."): it is
    the application's only reminder (the formula's LEFT(TRIM(...)) = word, any case)."""
    text = next_action.astype("string").str.lstrip(" ").str.casefold()
    hit = np.zeros(len(next_action), dtype=bool)
    for word in CLOSING_ACTIONS:
        hit |= text.str.startswith(word.casefold()).fillna(False).to_numpy(dtype=bool)
    return hit


def closed_applications(ids: pd.Series, pipeline: pd.DataFrame) -> np.ndarray:
    """For each application ID: its application is closed (a Status other than Active; an ID
    not on the Pipeline or a blank Status counts as open, as the formulas' lookups do)."""
    status = lookup(ids, pipeline, "ID", "Status").astype("string").fillna("")
    return ((status != "") & (status != "Active")).to_numpy(dtype=bool)


def held(interviews: pd.DataFrame) -> np.ndarray:
    """Interviews the book says took place: an Outcome such as Advanced or Rejected, or a
    thank-you sent."""
    outcome = interviews["Outcome"].isin(HELD_OUTCOMES).to_numpy(dtype=bool)
    return outcome | is_set(interviews["Thank-you sent"])


def cancelled_interviews(
    interviews: pd.DataFrame,
    pipeline: pd.DataFrame,
    today: dt.date,
    closed: pd.Series | None = None,
) -> np.ndarray:
    """Interviews that will not take place (docs/definitions.md § Deadlines, "closed means closed"): Outcome
    Cancelled, or an application no longer Active and the interview, not held, after the day the
    application closed (`closed`: by application ID folded, from History, ``stages.closed_on``)
    or, when that day is not known, after the as-of date."""
    marked = (interviews["Outcome"] == OUTCOME_CANCELLED).fillna(False).to_numpy(dtype=bool)
    cutoff = np.full(len(interviews), np.datetime64(today, "D"))
    if closed is not None and len(closed):
        keys = interviews["Application ID"].map(
            lambda v: None if v is None or v != v else str(v).strip().casefold()
        )
        days = pd.to_datetime(keys.map(closed), errors="coerce").to_numpy(dtype="datetime64[D]")
        cutoff = np.where(np.isnat(days), cutoff, np.minimum(days, cutoff))
    later = (_days(interviews["Date"]) > cutoff) & ~held(interviews)
    return marked | (later & closed_applications(interviews["Application ID"], pipeline))


def pipeline_columns(
    pipeline: pd.DataFrame,
    ctx: Context,
    interviews: pd.DataFrame | None = None,
    offers: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Follow-up due and Flag: for Active applications known on the as-of date; no follow-up
    beside a Next action that closes the application. What the as-of date did not know is left
    out (``core.known``): a Last contact after it, a Next action it cannot show was known."""
    applied = _days(pipeline["Date applied"])
    contact = contacts_known(pipeline, ctx.today, interviews, offers)
    latest = np.where(
        np.isnat(applied),
        contact,
        np.where(np.isnat(contact), applied, np.maximum(applied, contact)),
    )
    active = _active(pipeline["Status"]) & known(pipeline["Date applied"], ctx.today)
    action = actions_known(pipeline, ctx.past)
    follows = active & ~(closing(pipeline["Next action"]) & action)
    follow = ctx.calendar.workday(np.where(follows, latest, NAT), ctx.settings.FollowUpDays)
    nxt = np.where(action, _days(pipeline["Next action due"]), NAT)
    soonest = np.where(
        np.isnat(follow), nxt, np.where(np.isnat(nxt), follow, np.minimum(follow, nxt))
    )
    soonest = np.where(active, soonest, NAT)
    flag = flags(soonest, False, ctx.today, ctx.calendar)
    return pd.DataFrame(
        {
            "Follow-up due": _as_series(follow, pipeline.index),
            "Flag": _as_series(flag, pipeline.index),
        }
    )


def interviews_columns(
    interviews: pd.DataFrame, pipeline: pd.DataFrame, ctx: Context
) -> pd.DataFrame:
    """Company, Thank-you due and Thank-you flag: no thank-you is due for an interview after the
    as-of date (not yet held) or with Outcome Cancelled."""
    company = lookup(interviews["Application ID"], pipeline, "ID", "Company")
    dates = _days(interviews["Date"])
    cancelled = (interviews["Outcome"] == OUTCOME_CANCELLED).fillna(False).to_numpy(dtype=bool)
    held = known(interviews["Date"], ctx.today) & ~cancelled
    due = ctx.calendar.workday(np.where(held, dates, NAT), ctx.settings.ThankYouDays)
    flag = flags(due, marked_done(interviews["Thank-you sent"], ctx.today), ctx.today, ctx.calendar)
    return pd.DataFrame(
        {
            "Company": company.astype(object),
            "Thank-you due": _as_series(due, interviews.index),
            "Thank-you flag": _as_series(flag, interviews.index),
        }
    )


def offer_decided(offers: pd.DataFrame) -> np.ndarray:
    """An offer is decided once Status is set and no longer Pending or Negotiating."""
    status = offers["Status"]
    return (status.notna() & ~status.isin(OPEN_OFFER_STATUSES)).to_numpy(dtype=bool)


def offers_columns(
    offers: pd.DataFrame,
    pipeline: pd.DataFrame,
    ctx: Context,
    transition: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Company, Decision due, Decision flag, the offer value columns of section 5 and the years of
    section 5.1 (the clawback counted from the offer's start in `transition`)."""
    company = lookup(offers["Application ID"], pipeline, "ID", "Company")
    given = _days(offers["Deadline given"])
    computed = ctx.calendar.workday(_days(offers["Offer date"]), ctx.settings.DecisionDays)
    due = np.where(np.isnat(given), computed, given)
    due = np.where(known(offers["Offer date"], ctx.today), due, NAT)
    flag = flags(due, offer_decided(offers), ctx.today, ctx.calendar)
    out = pd.DataFrame(
        {
            "Company": company.astype(object),
            "Decision due": _as_series(due, offers.index),
            "Decision flag": _as_series(flag, offers.index),
        }
    )
    values = offer_values(offers, ctx.settings)
    starts = None if transition is None else offer_starts(offers, transition, ctx)
    years = offer_years(offers, values, ctx.vesting, starts, ctx.today)
    return pd.concat([out, values, years], axis=1)


def offer_starts(offers: pd.DataFrame, transition: pd.DataFrame, ctx: Context) -> np.ndarray:
    """Each offer's start: Agreed start, else Earliest start, of its first Transition row (NaT)."""
    _, earliest = _notice(transition, ctx)
    agreed = _days(transition["Agreed start"])
    start = pd.Series(np.where(np.isnat(agreed), earliest, agreed), index=transition.index)
    found = lookup(offers["ID"], transition.assign(_start=start), "Offer ID", "_start")
    return to_days(found)


def lessons_columns(lessons: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Flag of the lesson's action (none for a decision after the as-of date)."""
    due = np.where(known(lessons["Decision date"], ctx.today), _days(lessons["Due"]), NAT)
    flag = flags(due, marked_done(lessons["Done"], ctx.today), ctx.today, ctx.calendar)
    return pd.DataFrame({"Flag": _as_series(flag, lessons.index)})


def _or_default(values: pd.Series, default: float) -> np.ndarray:
    return pd.to_numeric(values, errors="coerce").fillna(default).to_numpy(dtype=float)


def transition_columns(
    transition: pd.DataFrame, offers: pd.DataFrame, pipeline: pd.DataFrame, ctx: Context
) -> pd.DataFrame:
    """Last day, Earliest start, Start flag and Applications to withdraw."""
    last, earliest = _notice(transition, ctx)
    agreed = _days(transition["Agreed start"])
    too_soon = ~np.isnat(agreed) & ~np.isnat(earliest) & (agreed < earliest)
    start_flag = np.where(too_soon, FLAG_TOO_SOON, "").astype(object)
    return pd.DataFrame(
        {
            "Last day": _as_series(last, transition.index),
            "Earliest start": _as_series(earliest, transition.index),
            "Start flag": _as_series(start_flag, transition.index),
            "Applications to withdraw": applications_to_withdraw(
                transition["Offer ID"], offers, pipeline
            ),
        }
    )


def _notice(transition: pd.DataFrame, ctx: Context) -> tuple[np.ndarray, np.ndarray]:
    """Last day and Earliest start of each Transition row (Settings for blank weeks and rest)."""
    s = ctx.settings
    weeks = _or_default(transition["Notice weeks"], s.NoticeWeeks)
    rest = _or_default(transition["Rest days"], s.RestDays)
    return notice_dates(_days(transition["Notice given"]), weeks, rest, ctx.calendar)


def notice_dates(
    notice_given, weeks, rest_days, cal: BusinessCalendar
) -> tuple[np.ndarray, np.ndarray]:
    """Last day = WORKDAY(notice, 5 x weeks); earliest start = WORKDAY(last day + rest days, 1).
    Scalars or arrays; NaT where the notice date is blank."""
    last = cal.workday(notice_given, 5 * np.asarray(weeks, dtype=float))
    rest = np.floor(np.asarray(rest_days, dtype=float)).astype(np.int64)
    rested = np.where(np.isnat(last), NAT, last + rest * DAY)
    return last, cal.workday(rested, 1)


def other_active_ids(pipeline: pd.DataFrame, keep_application: object) -> list[str]:
    """IDs of the Active applications (rows with a Date applied: a wishlist row is no application)
    other than `keep_application`, in Pipeline order."""
    ids = pipeline["ID"]
    keep = id_key(pd.Series([keep_application], dtype=object)).iloc[0]
    applied = pipeline["Date applied"].notna().to_numpy()
    mask = (
        _active(pipeline["Status"])
        & applied
        & ids.notna().to_numpy()
        & (id_key(ids) != keep).fillna(True).to_numpy()
    )
    return [str(i) for i in ids[mask]]


def applications_to_withdraw(
    offer_ids: pd.Series, offers: pd.DataFrame, pipeline: pd.DataFrame
) -> pd.Series:
    """For each accepted Offer ID: the other Active applications, joined with ", "."""
    app = lookup(offer_ids, offers, "ID", "Application ID")
    if app.isna().all():
        return pd.Series("", index=offer_ids.index, dtype=object)
    ids = pipeline["ID"]
    mask = _active(pipeline["Status"]) & pipeline["Date applied"].notna().to_numpy()
    mask &= ids.notna().to_numpy()
    names = [str(i) for i in ids[mask]]
    keys = id_key(ids[mask]).tolist()
    joined: dict[object, str] = {}  # one list per accepted application, however many rows

    def others(key: object) -> str:
        if key not in joined:
            joined[key] = ", ".join(n for n, k in zip(names, keys) if k != key)
        return joined[key]

    out = [others(k) if pd.notna(k) else "" for k in id_key(app)]
    return pd.Series(out, index=offer_ids.index, dtype=object)


def _interviews(t: dict[str, pd.DataFrame], ctx: Context) -> pd.DataFrame:
    from .links import thank_you_links

    cols = interviews_columns(t["Interviews"], t["Pipeline"], ctx)
    return pd.concat([cols, thank_you_links(t["Interviews"], cols["Company"], ctx)], axis=1)


def _lessons(t: dict[str, pd.DataFrame], ctx: Context) -> pd.DataFrame:
    from .links import feedback_links

    cols = lessons_columns(t["Lessons"], ctx)
    return pd.concat([cols, feedback_links(t["Lessons"], t["Pipeline"], ctx)], axis=1)


COMPUTERS = {
    "Pipeline": lambda t, ctx: pipeline_columns(
        t["Pipeline"], ctx, t.get("Interviews"), t.get("Offers")
    ),
    "Interviews": _interviews,
    "Offers": lambda t, ctx: offers_columns(t["Offers"], t["Pipeline"], ctx, t["Transition"]),
    "Lessons": _lessons,
    "Transition": lambda t, ctx: transition_columns(
        t["Transition"], t["Offers"], t["Pipeline"], ctx
    ),
}


def computed_table(name: str, tables: Mapping[str, pd.DataFrame], ctx: Context) -> pd.DataFrame:
    """Table `name` with its computed columns filled from the input `tables` (a new frame; a table
    without computed columns is returned as it is). No computed column reads another table's
    computed columns: each table can be computed alone."""
    fn = COMPUTERS.get(name)
    if fn is None:
        return tables[name]
    df = tables[name].copy()
    cols = fn(tables, ctx)
    for c in cols.columns:
        df[c] = cols[c]
    return df


def compute_all(tables: dict[str, pd.DataFrame], ctx: Context) -> dict[str, pd.DataFrame]:
    """The tables with every computed column filled from the inputs (new frames; inputs untouched)."""
    return {name: computed_table(name, tables, ctx) for name in tables}

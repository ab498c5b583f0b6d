"""The list of open deadlines (docs/definitions.md § Deadlines; README § The command line), soonest first."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import FLAG_DONE, FLAG_TOO_SOON
from .calendar import to_days
from .computed import Context, _active, lookup
from .flags import flags
from .known import actions_known, known

KINDS = ("thank-you", "follow-up", "next-action", "decision", "lesson", "start")
# each kind as people read it (the Dashboard, reports); --json and `done`/`draft` keep the tokens
KIND_LABELS = dict(
    zip(
        KINDS,
        ("Thank-you note", "Follow-up", "Next action", "Offer decision", "Lesson action", "Start"),
    )
)
COLUMNS = ["kind", "sheet", "id", "company", "due", "flag"]


def _frame(kind: str, sheet: str, ids, company, due, flag) -> pd.DataFrame:
    n = len(ids)
    return pd.DataFrame(
        {
            "_k": np.full(n, KINDS.index(kind) if kind in KINDS else -1, dtype=np.int8),
            "kind": np.full(n, kind, dtype=object),
            "sheet": np.full(n, sheet, dtype=object),
            "id": pd.Series(ids).reset_index(drop=True),
            "company": pd.Series(company).reset_index(drop=True),
            "due": to_days(due) if n else np.array([], dtype="datetime64[D]"),
            "flag": np.asarray(flag, dtype=object),
            "row": np.asarray(pd.Series(ids).index, dtype=np.int64),  # the source row
        }
    )


def deadlines(
    tables: dict[str, pd.DataFrame], ctx: Context, within: int | None = None, rows: bool = False
) -> pd.DataFrame:
    """Every open deadline: not done, with a due date; overdue ones always, the rest up to
    `within` calendar days after the as-of date when given. Sorted by due date, then kind (in the
    order of ``KINDS``), then sheet order - the order the Dashboard's list uses too.

    `tables` are the computed tables (``compute_all``). `rows` adds a column ``row``: the row of
    each deadline in its sheet (the tables' index)."""
    p, i, o = tables["Pipeline"], tables["Interviews"], tables["Offers"]
    les, tr = tables["Lessons"], tables["Transition"]
    parts = []

    open_ty = i["Thank-you flag"] != FLAG_DONE
    parts.append(
        _frame(
            "thank-you",
            "Interviews",
            i["ID"][open_ty],
            i["Company"][open_ty],
            i["Thank-you due"][open_ty],
            i["Thank-you flag"][open_ty],
        )
    )

    # rows dated after the as-of date were not known that day (docs/definitions.md § Deadlines): the computed
    # columns leave them blank; next actions, lessons and starts are masked here
    active = _active(p["Status"]) & known(p["Date applied"], ctx.today)
    action = actions_known(p, ctx.past)  # a Next action History wrote after that day: none
    for kind, col in (("follow-up", "Follow-up due"), ("next-action", "Next action due")):
        due = to_days(p[col])
        if kind == "next-action":
            due = np.where(action, due, np.datetime64("NaT", "D"))
        fl = flags(due, False, ctx.today, ctx.calendar)
        parts.append(
            _frame(kind, "Pipeline", p["ID"][active], p["Company"][active], due[active], fl[active])
        )

    open_o = o["Decision flag"] != FLAG_DONE
    parts.append(
        _frame(
            "decision",
            "Offers",
            o["ID"][open_o],
            o["Company"][open_o],
            o["Decision due"][open_o],
            o["Decision flag"][open_o],
        )
    )

    open_l = (les["Flag"] != FLAG_DONE) & known(les["Decision date"], ctx.today)
    parts.append(
        _frame(
            "lesson",
            "Lessons",
            les["Application ID"][open_l],
            lookup(les["Application ID"], p, "ID", "Company")[open_l],
            les["Due"][open_l],
            les["Flag"][open_l],
        )
    )

    agreed = to_days(tr["Agreed start"])
    start = np.where(np.isnat(agreed), to_days(tr["Earliest start"]), agreed)
    today = np.datetime64(ctx.today, "D")
    upcoming = ~np.isnat(start) & (start >= today) & known(tr["Accepted on"], ctx.today)
    start_flag = np.where(
        tr["Start flag"].to_numpy() == FLAG_TOO_SOON,
        FLAG_TOO_SOON,
        flags(start, False, ctx.today, ctx.calendar),
    )
    offer_company = lookup(tr["Offer ID"], o, "ID", "Company")
    parts.append(
        _frame(
            "start",
            "Transition",
            tr["Offer ID"][upcoming],
            offer_company[upcoming],
            start[upcoming],
            start_flag[upcoming],
        )
    )

    out = (
        pd.concat([x for x in parts if len(x)], ignore_index=True)
        if any(len(x) for x in parts)
        else _frame("", "", [], [], [], [])
    )
    due = out["due"].to_numpy(dtype="datetime64[D]")
    keep = ~np.isnat(due)
    if within is not None:
        keep &= due <= today + np.timedelta64(int(within), "D")
    out, due = out[keep], due[keep]
    order = np.lexsort((out["_k"].to_numpy(), due))  # by due, then kind; parts in sheet order
    return out.iloc[order].reset_index(drop=True)[[*COLUMNS, "row"] if rows else COLUMNS]


def deadline_records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """JSON-ready records: ISO dates, None for blanks."""
    due = np.datetime_as_string(frame["due"].to_numpy(dtype="datetime64[D]"), unit="D")

    def text(col: str) -> list:
        s = frame[col].astype(object)
        return [None if (v is None or v != v or v == "") else str(v) for v in s]

    return [
        {
            "kind": k,
            "sheet": sh,
            "id": i,
            "company": c,
            "due": None if d == "NaT" else str(d),
            "flag": f or "",
        }
        for k, sh, i, c, d, f in zip(
            frame["kind"], frame["sheet"], text("id"), text("company"), due, frame["flag"]
        )
    ]

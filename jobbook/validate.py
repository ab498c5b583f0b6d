"""Rules across rows and tables: required values, unique IDs, references, consistent stages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .core.computed import id_key
from .core.flags import is_set
from .problems import ERROR, WARNING, Problem
from .schema import OUTCOME_CANCELLED, TABLES

Letters = dict[str, dict[str, str]]  # table -> header -> column letter, for the columns present


def repeated(keys: pd.Series) -> np.ndarray:
    """Which keys an earlier row holds too (``keys.duplicated()``, blanks never), found by a stable
    sort: on a million IDs a few times faster than hashing them."""
    arr = pa.array(keys, from_pandas=True)
    if len(arr) < 2:
        return np.zeros(len(arr), dtype=bool)
    order = pc.sort_indices(arr).to_numpy()  # a stable sort: equal keys stay in row order
    ranked = arr.take(order)
    same = pc.fill_null(pc.equal(ranked[1:], ranked[:-1]), False).to_numpy(zero_copy_only=False)
    out = np.zeros(len(arr), dtype=bool)
    out[order[1:]] = same
    return out


def _rows(mask: pd.Series) -> list[int]:
    return mask.index[mask.to_numpy(dtype=bool)].tolist()


def validate(
    tables: dict[str, pd.DataFrame],
    sheets: dict[str, str | None],
    letters: Letters,
    known: list[Problem] = (),
    unknown: dict[str, dict[str, dict[int, str]]] | None = None,
) -> list[Problem]:
    """Problems of the rows of every table in `tables` (a table not given is not checked, nor are
    references into it). Cell-level type problems are the reader's, in `known`: a cell already
    reported is not reported again as blank, nor is a formula whose value jobbook cannot know
    (`unknown`: table -> header -> rows; no reference into such IDs is checked either). A column
    missing from the sheet is one problem (the reader's), never one per row."""
    out: list[Problem] = []
    reported = {(p.sheet, p.cell) for p in known}
    unknown = unknown or {}  # table -> header -> rows: formulas whose value jobbook cannot know
    reported |= {
        (sheets.get(name), f"{letters.get(name, {}).get(h, '?')}{r}")
        for name, cols in unknown.items()
        for h, rows in cols.items()
        for r in rows
    }
    keyed: dict[tuple[str, str], pd.Series] = {}

    def key_of(name: str, header: str) -> pd.Series:  # each ID column keyed once
        if (name, header) not in keyed:
            keyed[name, header] = id_key(tables[name][header])
        return keyed[name, header]

    def cell(table: str, header: str, row: int) -> str:
        return f"{letters[table][header]}{row}"

    for name, table in TABLES.items():
        sheet = sheets.get(name)
        df = tables.get(name)
        if sheet is None or df is None or df.empty:
            continue
        present = set(letters.get(name, {}))
        for col in table.inputs:
            if col.header not in present:
                continue
            if col.needs_value:
                for r in _rows(df[col.header].isna()):
                    if (sheet, cell(name, col.header, r)) in reported:
                        continue
                    out.append(
                        Problem(
                            sheet,
                            cell(name, col.header, r),
                            f"{col.header} is required",
                            ERROR,
                            col.header,
                        )
                    )
            id_col = (TABLES[col.ref].id_column or "ID") if col.ref else None
            if col.ref and unknown.get(col.ref, {}).get(id_col):
                continue  # IDs jobbook cannot know: nothing to check against
            if col.ref and col.ref in tables:
                keys = key_of(name, col.header)
                known = pc.is_in(
                    pa.array(keys, from_pandas=True),
                    options=pc.SetLookupOptions(
                        value_set=pa.array(key_of(col.ref, id_col), from_pandas=True),
                        skip_nulls=True,
                    ),
                )
                missing = keys.notna().to_numpy() & ~known.to_numpy(zero_copy_only=False)
                for r in _rows(pd.Series(missing, index=keys.index)):
                    out.append(
                        Problem(
                            sheet,
                            cell(name, col.header, r),
                            f"{col.header} {df.at[r, col.header]} is not an ID in {col.ref}",
                            WARNING,
                            col.header,
                        )
                    )
        if table.id_column == "ID" and "ID" in present:
            keys = key_of(name, "ID")
            dup = pd.Series(repeated(keys), index=keys.index)
            if not dup.any():
                continue
            firsts = keys[keys.isin(set(keys[dup])) & ~dup]
            first = {k: r for r, k in firsts.items()}
            for r in _rows(dup):
                out.append(
                    Problem(
                        sheet,
                        cell(name, "ID", r),
                        f"duplicate ID {df.at[r, 'ID']} (first on row {first[keys[r]]})",
                        ERROR,
                        "ID",
                    )
                )
    out.extend(_thank_you_cancelled(tables, sheets, cell, letters))
    if "Pipeline" not in tables:
        return out
    out.extend(_one_acceptance(tables, sheets, cell, letters))
    out.extend(
        _pipeline_rules(
            tables["Pipeline"],
            sheets.get("Pipeline"),
            cell,
            set(letters.get("Pipeline", {})),
            reported,
        )
    )
    return out


def _thank_you_cancelled(tables, sheets, cell, letters: Letters) -> list[Problem]:
    """A Thank-you sent on a Cancelled interview (``done thank-you`` refuses it): the interview
    did not take place, or its Outcome is wrong; a warning on the Thank-you sent cell."""
    iv, sheet = tables.get("Interviews"), sheets.get("Interviews")
    if iv is None or not sheet or iv.empty:
        return []
    if not {"Outcome", "Thank-you sent"} <= set(letters.get("Interviews", {})):
        return []
    outcome = iv["Outcome"].astype("string").str.strip().str.casefold()
    cancelled = (outcome == OUTCOME_CANCELLED.casefold()).fillna(False)
    return [
        Problem(
            sheet,
            cell("Interviews", "Thank-you sent", r),
            f"Thank-you sent on a {OUTCOME_CANCELLED} interview ({cell('Interviews', 'Outcome', r)}"
            f" is {OUTCOME_CANCELLED}): a thank-you follows an interview that took place; set "
            "its Outcome if it did, or clear Thank-you sent",
            WARNING,
            "Thank-you sent",
        )
        for r in _rows(cancelled & pd.Series(is_set(iv["Thank-you sent"]), index=iv.index))
    ]


def _one_acceptance(tables, sheets, cell, letters: Letters) -> list[Problem]:
    """A search ends in one acceptance (README § Changing your workbook): a second Accepted offer, a second Accepted
    application and a second Transition row are errors, each named on the row after the first."""
    out = []
    offers, sheet = tables["Offers"], sheets.get("Offers")
    if sheet and not offers.empty and {"Status", "ID"} <= set(letters.get("Offers", {})):
        rows = _rows((offers["Status"] == "Accepted").fillna(False))
        for r in rows[1:]:
            out.append(
                Problem(
                    sheet,
                    cell("Offers", "Status", r),
                    f"{offers.at[r, 'ID']} is Accepted, and so is {offers.at[rows[0], 'ID']} (row "
                    f"{rows[0]}): a search ends with one acceptance; set the Status of the offer "
                    "you did not take to what happened (Declined)",
                    ERROR,
                    "Status",
                    stops=False,
                )
            )
    pipeline, sheet = tables["Pipeline"], sheets.get("Pipeline")
    if sheet and not pipeline.empty and {"Status", "ID"} <= set(letters.get("Pipeline", {})):
        rows = _rows((pipeline["Status"] == "Accepted").fillna(False))
        for r in rows[1:]:
            out.append(
                Problem(
                    sheet,
                    cell("Pipeline", "Status", r),
                    f"application {pipeline.at[r, 'ID']} is Accepted, and so is "
                    f"{pipeline.at[rows[0], 'ID']} (row {rows[0]}): a search ends with one "
                    "acceptance; set the Status of the one you did not take to what happened "
                    "(Offer declined, Withdrawn)",
                    ERROR,
                    "Status",
                    stops=False,
                )
            )
    tr, sheet = tables["Transition"], sheets.get("Transition")
    if sheet and not tr.empty and "Offer ID" in letters.get("Transition", {}):
        rows = _rows(tr["Offer ID"].notna())
        for r in rows[1:]:
            out.append(
                Problem(
                    sheet,
                    cell("Transition", "Offer ID", r),
                    f"a second Transition row ({tr.at[r, 'Offer ID']}; the first, row {rows[0]}, "
                    f"is for {tr.at[rows[0], 'Offer ID']}): a search has one move to a new job; "
                    "delete the row of the offer you did not take",
                    ERROR,
                    "Offer ID",
                    stops=False,
                )
            )
    return out


def _pipeline_rules(
    p: pd.DataFrame, sheet: str | None, cell, present: set[str], reported: set
) -> list[Problem]:
    """Stage against Date applied, First response against Date applied: only where both columns
    are in the sheet, and not on a cell whose value was already reported unreadable."""
    if sheet is None or p.empty or not {"Stage", "Date applied"} <= present:
        return []
    out = []
    applied = p["Date applied"].notna()
    wish = p["Stage"] == "Wishlist"
    for r in _rows(applied & wish.fillna(False)):
        out.append(
            Problem(
                sheet,
                cell("Pipeline", "Stage", r),
                "Stage is Wishlist but Date applied is set: set Stage to Applied or later",
                WARNING,
                "Stage",
            )
        )
    later = p["Stage"].notna() & ~wish.fillna(False)
    for r in _rows(later & ~applied):
        if (sheet, cell("Pipeline", "Date applied", r)) in reported:
            continue  # an unreadable date, already reported
        out.append(
            Problem(
                sheet,
                cell("Pipeline", "Date applied", r),
                f"Stage is {p.at[r, 'Stage']} but Date applied is blank, so it is not counted as an application",
                WARNING,
                "Date applied",
            )
        )
    if "First response" not in present:
        return out
    early = pd.to_datetime(p["First response"], errors="coerce") < pd.to_datetime(
        p["Date applied"], errors="coerce"
    )
    for r in _rows(early.fillna(False)):
        out.append(
            Problem(
                sheet,
                cell("Pipeline", "First response", r),
                "First response is before Date applied",
                WARNING,
                "First response",
            )
        )
    return out


def vesting_rules(
    offers: pd.DataFrame, vesting: pd.DataFrame | None, sheet: str | None, letters: dict[str, str]
) -> list[Problem]:
    """docs/definitions.md § Year by year: a Vesting schedule that is not in the Vesting table is an error; equity
    that follows a schedule or gets refreshers without Vesting years is a warning (section 5
    then counts no equity per year, and no refresh vests)."""
    from .core.offers import default_vesting, schedule_key

    if sheet is None or offers.empty or "Vesting schedule" not in letters:
        return []
    table = default_vesting() if vesting is None else vesting
    names = set(schedule_key(table["Schedule"]).dropna())
    keys = schedule_key(offers["Vesting schedule"])
    out = [
        Problem(
            sheet,
            f"{letters['Vesting schedule']}{r}",
            f'"{offers.at[r, "Vesting schedule"]}" is not a schedule of the Vesting table in '
            "Settings: add it there or pick one (Vesting schedule)",
            ERROR,
            "Vesting schedule",
        )
        for r in _rows(keys.notna() & ~keys.isin(names))
    ]
    if "Vesting years" in letters:
        grant = pd.to_numeric(offers["Equity grant value"], errors="coerce").fillna(0) > 0
        years = pd.to_numeric(offers["Vesting years"], errors="coerce").fillna(0) > 0
        refresh = pd.to_numeric(offers["Refresh % per year"], errors="coerce").fillna(0) > 0
        for r in _rows(grant & ~years & (keys.notna() | refresh)):
            out.append(
                Problem(
                    sheet,
                    f"{letters['Vesting years']}{r}",
                    "Vesting years is blank: the averages count no equity and no refresh vests; "
                    "enter the years the grant vests over",
                    WARNING,
                    "Vesting years",
                )
            )
    return out

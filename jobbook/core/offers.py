"""Offer value (docs/definitions.md § What an offer is worth), vectorised over the Offers table."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..schema import VESTING_SCHEDULES, YEAR_TOTALS, YEARS
from .settings import Settings

VALUE_COLUMNS = (
    "Annual bonus",
    "Equity per year",
    "Retirement match",
    "Commute cost/year",
    "Recurring total",
    "First-year total",
    "Average annual total",
    "Effective hourly",
)


def _num(df: pd.DataFrame, col: str) -> pd.Series:
    """A number column with blanks as 0."""
    values = df[col]
    if values.dtype == np.float64:  # the reader's numbers: nothing to convert
        return values.fillna(0.0)
    return pd.to_numeric(values, errors="coerce").fillna(0.0).astype(float)


def effective_base(offers: pd.DataFrame) -> pd.Series:
    """Final base once agreed, else Base salary (blank when neither is set)."""
    final = pd.to_numeric(offers["Final base"], errors="coerce")
    return final.where(final.notna(), pd.to_numeric(offers["Base salary"], errors="coerce")).astype(
        float
    )


def _array(df: pd.DataFrame, col: str) -> np.ndarray:
    """A number column with blanks as 0, as an array (``_num`` without pandas' per-call cost)."""
    values = df[col]
    if values.dtype == np.float64:
        a = values.to_numpy()
        return np.where(np.isnan(a), 0.0, a)
    return _num(df, col).to_numpy(dtype=float)


def offer_values(offers: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """The computed money columns of each offer; all blank (NaN) for a row with no base."""
    base_raw = effective_base(offers).to_numpy(dtype=float)
    has = ~np.isnan(base_raw)
    base = np.where(has, base_raw, 0.0)
    weeks = float(settings.WorkWeeksPerYear)
    vest = _array(offers, "Vesting years")
    days = _array(offers, "Onsite days/week")
    with np.errstate(all="ignore"):  # as pandas: 1e308 in a cell gives inf, not a warning
        out = {
            "Annual bonus": base * _array(offers, "Bonus target %"),
            "Equity per year": np.where(
                vest == 0,
                0.0,
                _array(offers, "Equity grant value") / np.where(vest != 0, vest, 1.0),
            ),
            "Retirement match": base * _array(offers, "Retirement match %"),
            "Commute cost/year": days * weeks * _array(offers, "Commute cost/day"),
        }
        recurring = (
            base
            + out["Annual bonus"]
            + out["Equity per year"]
            + out["Retirement match"]
            + _array(offers, "Benefits value")
            - out["Commute cost/year"]
        )
        one_time = (
            _array(offers, "Signing bonus")
            + _array(offers, "Relocation allowance")
            - _array(offers, "Relocation cost")
        )
        out["Recurring total"] = recurring
        out["First-year total"] = recurring + one_time
        horizon = float(settings.HorizonYears)
        out["Average annual total"] = (
            recurring + one_time / horizon if horizon > 0 else np.full(len(base), np.nan)
        )
        hours = (
            float(settings.HoursPerWeek) * weeks
            + 2 * _array(offers, "Commute minutes one-way") / 60 * days * weeks
        )
        out["Effective hourly"] = recurring / np.where(hours != 0, hours, np.nan)
    return pd.DataFrame(
        {c: np.where(has, out[c], np.nan) for c in VALUE_COLUMNS}, index=offers.index
    )


def offer_value(
    components: dict[str, float | None],
    settings: Settings | None = None,
    vesting: pd.DataFrame | None = None,
) -> dict[str, float]:
    """Sections 5 and 5.1 for one offer given by its Offers columns (missing or None as blank);
    `vesting`: the Vesting table (default: the four schedules of a new workbook). Without a start
    in Transition, all of a clawed-back signing bonus is at risk."""
    from ..schema import OFFERS

    row = {c.header: components.get(c.header) for c in OFFERS.inputs}
    unknown = set(components) - set(row)
    if unknown:
        raise KeyError(f"not Offers columns: {', '.join(sorted(unknown))}")
    df = pd.DataFrame([row])
    values = offer_values(df, settings or Settings())
    values = pd.concat([values, offer_years(df, values, vesting)], axis=1).iloc[0]
    return {k: (None if pd.isna(v) else float(v)) for k, v in values.items()}


# -- offers over the years (docs/definitions.md § Year by year) ------------------------------------

YEAR_COLUMNS = (
    *YEAR_TOTALS,
    "After-tax year 1",
    "Cost-of-living adjusted average",
    "Clawback at risk",
)
SHARE_COLUMNS = tuple(f"Year {k} %" for k in range(1, YEARS + 1))


def default_vesting() -> pd.DataFrame:
    """The Vesting table every new workbook starts with (docs/definitions.md § Year by year)."""
    return pd.DataFrame(
        [(name, *shares) for name, shares in VESTING_SCHEDULES],
        columns=["Schedule", *SHARE_COLUMNS],
    )


def schedule_key(names: pd.Series) -> pd.Series:
    """Schedule names compared as Excel's MATCH does: whatever their case; blanks never match."""
    text = names.astype("str").str.strip().str.casefold()
    return text.mask(names.isna() | (text == ""))


def _shares(
    offers: pd.DataFrame, vesting: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per offer: the schedule's share of each year (n x YEARS, blank shares as 0), whether the
    offer names a schedule, and whether that schedule is missing from the table (first row wins)."""
    table = vesting.assign(_key=schedule_key(vesting["Schedule"])).dropna(subset="_key")
    table = table.drop_duplicates("_key")
    rows = table[list(SHARE_COLUMNS)].apply(pd.to_numeric, errors="coerce").fillna(0.0)
    rows = rows.to_numpy(dtype=float)
    codes, names = pd.factorize(offers["Vesting schedule"])  # each name keyed once; blank: -1
    keys = schedule_key(pd.Series(names))
    found = pd.Index(table["_key"]).get_indexer(keys.fillna(""))  # -1: no such schedule
    named = np.append(keys.notna().to_numpy(), False)[codes]  # codes of -1 take the False
    at = np.append(found, -1)[codes]
    shares = np.zeros((len(codes), len(SHARE_COLUMNS)))
    if len(rows):
        shares[at >= 0] = rows[at[at >= 0]]
    missing = named & (at < 0)
    return shares, named, missing


def whole_months(start: np.ndarray, end: np.datetime64) -> np.ndarray:
    """Complete months from each start to `end`, as Excel's DATEDIF(start, end, "m") counts them
    (start <= end; Jan 31 to Feb 28 is 0 months)."""
    s = pd.DatetimeIndex(start)
    e = pd.Timestamp(end)
    months = (e.year - s.year) * 12 + (e.month - s.month)
    return np.asarray(months - (e.day < s.day), dtype=float)


def offer_years(
    offers: pd.DataFrame,
    values: pd.DataFrame,
    vesting: pd.DataFrame | None = None,
    starts: np.ndarray | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """docs/definitions.md § Year by year for each offer: Year 1-4 totals, After-tax year 1, Cost-of-living adjusted
    average and Clawback at risk. `values` are ``offer_values`` of the same offers; `starts` each
    offer's start (Transition: Agreed start, else Earliest start; NaT if none) on `today`."""
    with np.errstate(over="ignore", invalid="ignore"):  # 1e308 in a cell gives inf, not a warning
        return _offer_years(offers, values, vesting, starts, today)


def _offer_years(offers, values, vesting, starts, today) -> pd.DataFrame:
    vesting = default_vesting() if vesting is None else vesting
    has = values["Recurring total"].notna().to_numpy()
    base = effective_base(offers).fillna(0.0).to_numpy()
    fixed = (
        base
        + values["Annual bonus"].fillna(0.0).to_numpy()
        + values["Retirement match"].fillna(0.0).to_numpy()
        + _array(offers, "Benefits value")
        - values["Commute cost/year"].fillna(0.0).to_numpy()
    )
    grant = _array(offers, "Equity grant value")
    vest = _array(offers, "Vesting years")
    vesting_years = vest > 0
    years = np.where(vesting_years, vest, 1.0)  # a safe divisor; unused where vest <= 0
    refresh = _array(offers, "Refresh % per year")
    one_time = (
        _array(offers, "Signing bonus")
        + _array(offers, "Relocation allowance")
        - _array(offers, "Relocation cost")
    )
    shares, named, missing = _shares(offers, vesting)

    out = {}
    for k in range(1, YEARS + 1):
        even = np.where(vesting_years, np.clip(vest - (k - 1), 0.0, 1.0) / years, 0.0)
        share = np.where(named, shares[:, k - 1], even)
        total = fixed + grant * share
        if (
            k > 1
        ):  # docs/definitions.md § Year by year as written: (k - 1) x Refresh % x grant / Vesting years
            total = total + np.where(vesting_years, refresh * grant * (k - 1) / years, 0.0)
        else:
            total = total + one_time
        out[YEAR_TOTALS[k - 1]] = np.where(missing, np.nan, total)
    out["After-tax year 1"] = out[YEAR_TOTALS[0]] * (1 - _array(offers, "Tax rate %"))
    index = pd.to_numeric(offers["Cost of living index"], errors="coerce").fillna(100.0)
    index = index.to_numpy(dtype=float)
    out["Cost-of-living adjusted average"] = (
        values["Average annual total"].to_numpy(dtype=float)
        * 100
        / np.where(index > 0, index, np.nan)
    )
    out["Clawback at risk"] = clawback_at_risk(offers, starts, today).to_numpy()
    return pd.DataFrame(
        {c: np.where(has, out[c], np.nan).astype(float) for c in YEAR_COLUMNS}, index=offers.index
    )


def clawback_at_risk(
    offers: pd.DataFrame, starts: np.ndarray | None = None, today: dt.date | None = None
) -> pd.Series:
    """Signing bonus x clawback months not yet served on `today` / Sign-on clawback months, the
    months counted whole from each offer's start; all of it before the start or without one;
    blank (NaN) without clawback months."""
    months = _array(offers, "Sign-on clawback months")
    bonus = _array(offers, "Signing bonus")
    if starts is None:
        starts = np.full(len(offers), np.datetime64("NaT"), dtype="datetime64[D]")
    starts = np.asarray(starts, dtype="datetime64[D]")
    now = np.datetime64(today or dt.date.today(), "D")
    begun = ~np.isnat(starts) & (starts <= now)
    served = np.zeros(len(offers))
    if begun.any():
        served[begun] = whole_months(starts[begun], now)
    left = np.where(begun, np.maximum(0.0, months - served), months)
    at_risk = bonus * left / np.where(months > 0, months, 1.0)
    return pd.Series(np.where(months > 0, at_risk, np.nan), index=offers.index, dtype=float)


def rank_offers(values: pd.DataFrame) -> pd.Series:
    """Rank 1 = best Average annual total (ties: First-year total); blank offers get no rank."""
    has = values["Average annual total"].notna()
    order = values[has].sort_values(
        ["Average annual total", "First-year total"], ascending=False, kind="stable"
    )
    rank = pd.Series(np.nan, index=values.index)
    rank[order.index] = np.arange(1, len(order) + 1)
    return rank.astype("Int64")

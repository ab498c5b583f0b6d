"""Offer value (SPEC section 5), vectorised over the Offers table."""

from __future__ import annotations

import numpy as np
import pandas as pd

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
    return pd.to_numeric(df[col], errors="coerce").fillna(0.0).astype(float)


def effective_base(offers: pd.DataFrame) -> pd.Series:
    """Final base once agreed, else Base salary (blank when neither is set)."""
    final = pd.to_numeric(offers["Final base"], errors="coerce")
    return final.where(final.notna(), pd.to_numeric(offers["Base salary"], errors="coerce")).astype(
        float
    )


def offer_values(offers: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """The computed money columns of each offer; all blank (NaN) for a row with no base."""
    base_raw = effective_base(offers)
    has = base_raw.notna()
    base = base_raw.fillna(0.0)
    weeks = float(settings.WorkWeeksPerYear)
    vest = _num(offers, "Vesting years")
    days = _num(offers, "Onsite days/week")

    out = pd.DataFrame(index=offers.index)
    out["Annual bonus"] = base * _num(offers, "Bonus target %")
    out["Equity per year"] = np.where(
        vest == 0, 0.0, _num(offers, "Equity grant value") / vest.where(vest != 0, 1.0)
    )
    out["Retirement match"] = base * _num(offers, "Retirement match %")
    out["Commute cost/year"] = days * weeks * _num(offers, "Commute cost/day")
    recurring = (
        base
        + out["Annual bonus"]
        + out["Equity per year"]
        + out["Retirement match"]
        + _num(offers, "Benefits value")
        - out["Commute cost/year"]
    )
    one_time = (
        _num(offers, "Signing bonus")
        + _num(offers, "Relocation allowance")
        - _num(offers, "Relocation cost")
    )
    out["Recurring total"] = recurring
    out["First-year total"] = recurring + one_time
    horizon = float(settings.HorizonYears)
    out["Average annual total"] = recurring + one_time / horizon if horizon > 0 else np.nan
    hours = (
        float(settings.HoursPerWeek) * weeks
        + 2 * _num(offers, "Commute minutes one-way") / 60 * days * weeks
    )
    out["Effective hourly"] = (recurring / hours.where(hours != 0)).astype(float)
    out.loc[~has, list(VALUE_COLUMNS)] = np.nan
    return out


def offer_value(
    components: dict[str, float | None], settings: Settings | None = None
) -> dict[str, float]:
    """Section 5 for one offer given by its Offers columns (missing or None as blank)."""
    from ..schema import OFFERS

    row = {c.header: components.get(c.header) for c in OFFERS.inputs}
    unknown = set(components) - set(row)
    if unknown:
        raise KeyError(f"not Offers columns: {', '.join(sorted(unknown))}")
    df = pd.DataFrame([row])
    values = offer_values(df, settings or Settings()).iloc[0]
    return {k: (None if pd.isna(v) else float(v)) for k, v in values.items()}


def rank_offers(values: pd.DataFrame) -> pd.Series:
    """Rank 1 = best Average annual total (ties: First-year total); blank offers get no rank."""
    has = values["Average annual total"].notna()
    order = values[has].sort_values(
        ["Average annual total", "First-year total"], ascending=False, kind="stable"
    )
    rank = pd.Series(np.nan, index=values.index)
    rank[order.index] = np.arange(1, len(order) + 1)
    return rank.astype("Int64")

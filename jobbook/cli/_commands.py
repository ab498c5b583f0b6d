"""check, stats, offers, deadlines: read a workbook and print what it says."""

from __future__ import annotations

from pathlib import Path

import click

from ._output import bar, money, pct, text_table
from ._shared import BOOK, ISO_DATE, as_known, as_of_option, emit, load, output_options, say

# -- check --------------------------------------------------------------------------------------


@click.command()
@BOOK
@as_of_option("nothing the checks find, only the years whose holidays are read.")
@output_options
def check(book: Path, as_of, fmt: str) -> int:
    """Check BOOK and list every problem as Sheet!A12: message.

    Errors (text in a number or date column, a missing required column or value, a duplicate ID)
    make it exit 1; warnings (a text date, an unknown ID, 10 in a percent column) do not.

    \b
    Example:
      jobbook check search.xlsx
      jobbook check search.xlsx --json
    """
    from .. import views

    b = load(book, as_of, None)
    report = views.check(b)
    lines = []
    errors = [p for p in b.problems if p.is_error]
    warnings = [p for p in b.problems if not p.is_error]
    if errors:
        lines += [f"Errors ({len(errors)}):", *(f"  {p}" for p in errors)]
    if warnings:
        lines += [f"Warnings ({len(warnings)}):", *(f"  {p}" for p in warnings)]
    summary = (
        f"{book}: {len(errors)} error(s), {len(warnings)} warning(s)"
        if b.problems
        else f"{book}: no problems found"
    )
    lines.append(summary)
    emit(fmt, report, "\n".join(lines), report["problems"], views.PROBLEM_KEYS)
    return 1 if errors else 0


# -- stats --------------------------------------------------------------------------------------


def _month_option(fn):
    return click.option(
        "--month", metavar="YYYY-MM", default=None, help="Only the applications of this month."
    )(fn)


def stats_text(s: dict, book: Path, month: str | None) -> str:
    scope = f"applications of {month}" if month else "all time"
    n = s["applications"]
    median = s["median_days_to_response"]
    out = [
        f"{book.name} - {scope}, as of {s['as_of']}",
        "",
        f"Applications        {n:>5}   active {s['active']}, accepted {s['accepted']}",
        f"Responses           {s['responses']:>5}   {pct(s['response_rate'])}",
        f"Interview rate      {pct(s['interview_rate']):>6}",
        f"Offer rate          {pct(s['offer_rate']):>6}",
        f"Median days to first response: {'-' if median is None else f'{median:g}'}",
        "",
        "Funnel",
    ]
    out += [f"  {k:<10} {v:>5}  {bar(v, n)}" for k, v in s["funnel"].items()]
    out += ["", "By status"]
    out += [f"  {k:<15} {v:>5}" for k, v in s["by_status"].items() if v]
    src = [(k, v) for k, v in s["by_source"].items() if v["applications"]]
    if src:
        out += [
            "",
            text_table(
                ["Source", "Applications", "Responses", "Rate", "Interviews", "Offers"],
                [
                    [
                        k,
                        v["applications"],
                        v["responses"],
                        pct(v["response_rate"]),
                        v["interviews"],
                        v["offers"],
                    ]
                    for k, v in src
                ],
                right=range(1, 6),
            ),
        ]
    out += time_in_stage_text(s.get("time_in_stage") or {})
    if s["by_month"]:
        out += [
            "",
            text_table(
                ["Month", "Applications", "Interviews", "Offers"],
                [
                    [k, v["applications"], v["interviews"], v["offers"]]
                    for k, v in s["by_month"].items()
                ],
                right=range(1, 4),
            ),
        ]
    return "\n".join(out)


def time_in_stage_text(steps: dict) -> list[str]:
    """docs/definitions.md § History's time in each stage, as days: median, quartiles, applications."""
    from ..schema import STEPS

    if not any(v["n"] for v in steps.values()):
        return []

    def days(x) -> str:
        return "-" if x is None else f"{x:g}"

    rows = [
        [label, days(v["median_days"]), f"{days(v['q1_days'])}-{days(v['q3_days'])}", v["n"]]
        for key, label, _, _ in STEPS
        if (v := steps.get(key)) is not None
    ]
    heads = ["Time in stage (days)", "Median", "Middle half", "Applications"]
    return ["", text_table(heads, rows, right=range(1, 4))]


def _flat(prefix: str, value) -> list[dict]:
    if isinstance(value, dict):
        return [
            row for k, v in value.items() for row in _flat(f"{prefix}.{k}" if prefix else str(k), v)
        ]
    return [{"figure": prefix, "value": value}]


@click.command()
@BOOK
@_month_option
@as_of_option(
    "the day the statistics are counted on: the book as its History says it stood then (where "
    "History reaches back to it; else every row as it stands, and a note says so)."
)
@output_options
def stats(book: Path, month: str | None, as_of, fmt: str) -> None:
    """Outcome statistics of BOOK: applications, response, interview and offer rates, the funnel,
    figures by status, source and month, and the time applications spend in each stage (from the
    book's History).

    \b
    Example:
      jobbook stats search.xlsx
      jobbook stats search.xlsx --month 2026-10 --json
    """
    from .. import views

    if month is not None:
        from ..core import parse_month

        try:
            parse_month(month)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--month") from exc
    b = load(book, as_of, views.NEEDS_STATS)
    s = views.stats(b, month)
    note = views.history_note(b)
    if (
        note
    ):  # docs/definitions.md § Deadlines and § History: how a past day's statistics were counted
        click.echo(f"note: {note}", err=True)
    emit(fmt, s, stats_text(s, book, month), _flat("", s))


# -- offers -------------------------------------------------------------------------------------


def offers_text(rows: list[dict], book: Path) -> str:
    from .. import views

    if not rows:
        return f"{book.name}: no offers yet"
    heading = f"{book.name}: offers ranked by average annual total (ties by first-year total)\n\n"
    body = [
        [
            r["rank"] or "-",
            r["id"],
            r["company"] or "",
            money(r["first_year_total"]),
            money(r["average_annual_total"]),
            money(r["effective_hourly"], cents=True),
            r["status"] or "",
            r["decision_due"] or "",
            r["decision_flag"] or "",
        ]
        for r in rows
    ]
    return heading + text_table(
        [views.TERMINAL_WORDS.get(h, h) for h in views.OFFERS_RANKED_HEADER],
        body,
        right=(0, 3, 4, 5),
    )


@click.command()
@BOOK
@as_of_option("each offer's decision flag (Overdue, Due soon); values and ranks stay.")
@output_options
def offers(book: Path, as_of, fmt: str) -> None:
    """Every offer in BOOK with its real value (bonus, equity, match, commute, one-time amounts),
    ranked by average annual total, with its decision deadline and flag; then what each pays year
    by year (equity as it vests), after tax, for the cost of living, and the signing bonus at risk.

    \b
    Example:
      jobbook offers search.xlsx
      jobbook offers search.xlsx --json
    """
    from .. import views

    b = load(book, as_of, views.NEEDS_OFFERS)
    rows = views.offers(b)
    text = offers_text(rows, book) + (f"\n\n{offer_years_text(rows)}" if rows else "")
    fields = tuple(k for k in views.OFFER_KEYS if k != "year_totals")  # CSV: year_N_total columns
    emit(fmt, rows, text, rows=[{k: r[k] for k in fields} for r in rows], fields=fields)


def offer_years_text(rows: list[dict]) -> str:
    """docs/definitions.md § Year by year: what each offer pays year by year, after tax, for the cost of living, at risk."""
    body = [
        [
            r["rank"] or "-",
            r["id"],
            *(money(v) for v in r["year_totals"]),
            money(r["after_tax_year_1"]),
            money(r["cost_of_living_adjusted_average"]),
            money(r["clawback_at_risk"]),
        ]
        for r in rows
    ]
    heads = ["Rank", "ID", "Year 1", "Year 2", "Year 3", "Year 4", "After tax, year 1"]
    return "Year by year (equity as it vests):\n" + text_table(
        [*heads, "Avg/year, cost of living adj.", "Clawback at risk"],
        body,
        right=(0, 2, 3, 4, 5, 6, 7, 8),
    )


# -- deadlines ----------------------------------------------------------------------------------


def deadlines_text(rows: list[dict], book: Path, as_of, within) -> str:
    from .. import views

    scope = f"within {within} days" if within is not None else "all"
    if not rows:
        return f"{book.name}: no open deadlines ({scope}, as of {as_of})"
    return f"{book.name}: open deadlines ({scope}, as of {as_of})\n\n" + text_table(
        list(views.DEADLINE_HEADERS),
        [[r["due"], r["flag"], r["kind"], r["sheet"], r["id"], r["company"] or ""] for r in rows],
    )


@click.command()
@BOOK
@click.option(
    "--within",
    type=click.IntRange(min=0),
    default=None,
    metavar="DAYS",
    help="Only deadlines due within DAYS calendar days (overdue ones always show).",
)
@as_of_option("which deadlines are Overdue, Due today or Due soon, and where --within DAYS ends.")
@output_options
def deadlines(book: Path, within: int | None, as_of, fmt: str) -> None:
    """Every open deadline in BOOK, soonest first: thank-you notes, follow-ups, next actions,
    offer decisions, lesson actions and start dates.

    \b
    Example:
      jobbook deadlines search.xlsx --within 14
      jobbook deadlines search.xlsx --as-of 2026-10-15 --json
    """
    from .. import views

    b, note = as_known(load(book, as_of, views.NEEDS_DEADLINES))
    rows = views.deadlines(b, within)
    emit(fmt, rows, deadlines_text(rows, book, b.as_of, within), fields=views.DEADLINE_KEYS)
    say(note)


__all__ = ["ISO_DATE", "check", "deadlines", "offers", "stats"]

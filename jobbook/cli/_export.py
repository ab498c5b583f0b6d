"""calendar and export: the search in a calendar program, and every table as open data."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._shared import BOOK, as_known, as_of_option, load, say

WITHIN = click.option(
    "--within",
    type=click.IntRange(min=0),
    default=None,
    metavar="DAYS",
    help="Only what falls within DAYS calendar days (overdue deadlines always; interviews from "
    "today on); events the previous export held keep being updated.",
)


@click.command("calendar")
@BOOK
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    metavar="FILE.ics",
    help="The calendar file (default: BOOK's name with .ics, beside it); - prints it.",
)
@WITHIN
@click.option(
    "--force",
    is_flag=True,
    help="Replace FILE.ics even if it is not the calendar jobbook wrote for BOOK.",
)
@as_of_option(
    "the deadline flags in the events, where --within DAYS starts, and the 30 days a cancelled event is kept."
)
def calendar(book: Path, output: Path | None, within: int | None, force: bool, as_of) -> None:
    """Write BOOK's interviews and open deadlines as an iCalendar (.ics) file for Google
    Calendar, Outlook, Apple Calendar or Thunderbird.

    Interviews are timed events when their Date has a time (in the TimeZone setting, else this
    computer's zone), else all-day; every open deadline is an all-day event with a reminder at
    09:00 the business day before. Export again over the same file whenever the book changes:
    events keep their IDs, so importing the new file updates them, and a deadline done or gone
    since the last export is cancelled.

    \b
    Example:
      jobbook calendar search.xlsx                 # writes search.ics beside it
      jobbook calendar search.xlsx -o ~/Dropbox/search.ics --within 30
    """
    from .. import ical

    b, note = as_known(load(book, as_of, ical.NEEDS), "the calendar reads")
    if output is not None and str(output) == "-":
        data, _ = ical.calendar_bytes(b, within=within)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        say(note)
        return
    done = ical.export_calendar(b, output, within=within, force=force)
    click.echo(done.message)
    if done.counts.cancelled:
        click.echo("Cancelled: " + "; ".join(done.counts.cancelled))
    say(note)


@click.command("export")
@BOOK
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "parquet"]),
    default="csv",
    show_default=True,
    help="File format: CSV (opens in any spreadsheet), JSON, or Parquet (typed, for pandas, "
    "polars, DuckDB, Spark).",
)
@click.option("--force", is_flag=True, help="Replace files of an earlier export in DIR.")
@as_of_option("the computed flags and day counts in the files (Overdue, Due soon...).")
def export(book: Path, folder: Path, fmt: str, force: bool, as_of) -> None:
    """Write every table of BOOK into DIR, one file per table (Pipeline, Interviews, Contacts,
    Questions, Offers, Negotiation, Lessons, Transition, History, Settings, Holidays, Vesting),
    with the computed columns and ISO dates; Vesting is the vesting schedules the offers use (the
    default schedule when the book has no Vesting table); History, every change jobbook wrote.
    DIR is created if needed.

    \b
    Example:
      jobbook export search.xlsx search-data
      jobbook export search.xlsx search-data --format parquet --force
    """
    from ..export import check_export, export_book
    from ..schema import TABLES

    check_export(folder, fmt, force)  # before reading: a refusal costs nothing
    b = load(book, as_of, {name: None for name in [*TABLES, "Settings"]})
    written = export_book(b, folder, fmt, force=force)
    click.echo(f"Wrote {len(written)} files into {folder}:")
    for path, rows in written.values():
        click.echo(f"  {path.name:<20} {rows:>6} row(s)")

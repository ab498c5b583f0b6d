"""new and demo: make workbooks."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import JobbookError
from ._commands import deadlines_text, stats_text
from ._shared import ISO_DATE


def _country(ctx, param, value: str) -> str:
    """A holiday country the holidays package knows (else a usage error, before any work)."""
    if value.strip().upper() == "US":  # the default: no need to load the holidays package
        return "US"
    from ..core.calendar import public_holidays

    try:
        public_holidays(value, [2026])
    except JobbookError as exc:
        raise click.BadParameter(str(exc)) from exc
    return value.strip().upper()


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--sample", is_flag=True, help="Fill it with a believable four-month search.")
@click.option(
    "--country",
    default="US",
    show_default=True,
    metavar="CC",
    callback=_country,
    help="Holiday calendar (ISO country code).",
)
@click.option(
    "--as-of", type=ISO_DATE, default=None, help="Pin the AsOf date (and end the sample on it)."
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace PATH if it exists (the old one is kept as a backup beside it).",
)
def new(path: Path, sample: bool, country: str, as_of, force: bool) -> None:
    """Create a new jobbook workbook at PATH: .xlsx, or .xlsm with Dashboard buttons and macros.

    Every sheet (Pipeline, Interviews, Contacts, Questions, Offers, Offer years, Negotiation,
    Lessons, Transition, Settings, Dashboard, History) with Excel Tables, dropdowns and native
    formulas that work in Excel and LibreOffice without Python. Offer years shows each offer's
    total year by year (years 1 to 4, vesting included) with a chart; Settings holds the Holidays
    and Vesting tables; History keeps every change jobbook writes. The .xlsm adds the Lists sheet
    the buttons write to.

    \b
    Example:
      jobbook new search.xlsx
      jobbook new search.xlsx --sample --country GB
      jobbook new search.xlsm
    """
    from ..template import new_workbook

    out = new_workbook(
        path,
        sample=sample,
        country=country,
        as_of=as_of,
        force=force,
        on_backup=lambda kept: click.echo(f"Kept the old workbook as {kept}"),
    )
    click.echo(f"Wrote {out}")


@click.command()
@click.argument(
    "folder",
    required=False,
    default="jobbook-demo",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--as-of",
    type=ISO_DATE,
    default=None,
    help="End the sample search on this date (default today).",
)
@click.option("--force", is_flag=True, help="Replace files of an earlier demo in FOLDER.")
def demo(folder: Path, as_of, force: bool) -> None:
    """Write a sample search workbook (and its monthly report) into FOLDER (default:
    ./jobbook-demo, created if needed), from nothing, and print its statistics and deadlines.

    \b
    Example:
      jobbook demo
      jobbook demo /tmp/jobbook-demo --force
    """
    import datetime as dt

    from .. import views
    from .._files import make_folder
    from ..errors import writing
    from ..reader import read_book
    from ..report import write_report
    from ..template import new_workbook

    make_folder(folder)
    stem = folder / f"search-report-{as_of or dt.date.today():%Y-%m}"
    if force:  # never a new sample beside the old sample's report, even if killed in between
        for old in (stem.with_suffix(".xlsx"), stem.with_suffix(".pdf")):
            with writing(old):
                old.unlink(missing_ok=True)
    book_path = new_workbook(
        folder / "search.xlsx", sample=True, as_of=as_of, force=force, on_backup=False
    )
    book = read_book(book_path, as_of=as_of)
    month = f"{book.as_of:%Y-%m}"
    stem = folder / f"search-report-{month}"
    _, written, _ = write_report(
        book_path,
        month,
        stem.with_suffix(".xlsx"),
        stem.with_suffix(".pdf"),
        force=force,
        as_of=as_of,
    )
    click.echo(f"Wrote {book_path}, " + ", ".join(str(p) for p in written) + "\n")
    click.echo(stats_text(views.stats(book), book_path, None))
    click.echo("")
    click.echo(deadlines_text(views.deadlines(book, 14), book_path, book.as_of, 14))

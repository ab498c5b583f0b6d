"""report: the monthly progress report, for one person or a cohort."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from ._shared import as_of_option


def warn_future(month: str, as_of) -> None:
    """A month after the as-of date is reported as far as it is known: say so."""
    if as_of is not None and month > f"{as_of:%Y-%m}":
        click.echo(
            f"warning: {month} is after the as-of date {as_of.isoformat()}: the report shows what "
            f"is known on {as_of.isoformat()} (pass --as-of to report as of another day)",
            err=True,
        )


def progress(items: Iterable, label: str, length: int | None = None) -> Iterator:
    """A progress bar on a terminal (stderr); silent in a pipe or under cron. `items` may be a
    stream of results (then give its `length`): each is passed on as it arrives."""
    if not sys.stderr.isatty():
        yield from items
        return
    if length is None:
        items = list(items)
        length = len(items)
    with click.progressbar(
        items, length=length, label=label, file=sys.stderr, show_pos=True
    ) as bar:
        yield from bar


@click.command()
@click.argument(
    "books", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="BOOK..."
)
@click.option("--month", required=True, metavar="YYYY-MM", help="The month to report on.")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Report workbook (.xlsx). Default: BOOK-report-YYYY-MM.xlsx beside the book.",
)
@click.option(
    "--pdf",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the report as a PDF drawn with matplotlib (no LibreOffice needed).",
)
@click.option(
    "--cohort",
    is_flag=True,
    help="Several books (a coach's cohort): one row per person, totals and the same charts.",
)
@click.option(
    "--scheduler",
    metavar="tls://HOST:PORT",
    default=None,
    help="With --cohort: read the books on this Dask distributed cluster (pip install "
    "'jobbook[cluster]'; the workers must see the books at the same paths). tls:// uses the "
    "certificates of the Dask configuration; tcp:// is unencrypted and unauthenticated, for a "
    "trusted network only. Default: every core of this machine.",
)
@click.option("--force", is_flag=True, help="Replace output files that exist.")
@as_of_option(
    "the deadlines due in the 14 days after it and the thank-you states the report shows; --month still picks the month."
)
def report(
    books: tuple[Path, ...],
    month: str,
    out: Path | None,
    pdf: Path | None,
    cohort: bool,
    scheduler: str | None,
    force: bool,
    as_of,
) -> None:
    """Write the monthly progress report of BOOK: the month's figures against the previous month
    (while the month runs, its days so far against the same days of the month before), deadlines,
    lessons and questions to practise, native charts and a Sankey diagram of the whole search. BOOK
    is only read, never written.

    \b
    Example:
      jobbook report search.xlsx --month 2026-10 --pdf search-2026-10.pdf
      jobbook report ana.xlsx ben.xlsx chloe.xlsx --cohort --month 2026-10 -o cohort.xlsx
      jobbook report books/*.xlsx --cohort --month 2026-10 --scheduler tls://10.0.0.5:8786
    """
    from .. import views
    from ..core import parse_month
    from ..report import write_report
    from ..report.cohort import write_cohort
    from ..report.data import UPCOMING

    try:
        parse_month(month)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--month") from exc
    if len(books) > 1 and not cohort:
        raise click.UsageError("several books need --cohort (or report them one at a time)")
    if scheduler and not cohort:
        raise click.UsageError("--scheduler works with --cohort")
    if cohort:
        target = out or Path(f"cohort-report-{month}.xlsx")
        c, written = write_cohort(
            list(books),
            month,
            target,
            pdf,
            force=force,
            as_of=as_of,
            progress=lambda xs, n: progress(xs, "Reading books", n),
            scheduler=scheduler,
        )
        for f, err in c.failures:
            click.echo(f"warning: {f} was not reported: {err}", err=True)
        for f in c.repeated:
            click.echo(f"warning: {f} was given more than once; reported once", err=True)
        warn_future(month, c.combined.as_of if c.combined else None)
        click.echo(f"Cohort of {len(c.people)} for {month}: " + ", ".join(str(p) for p in written))
        return
    data, written, warnings = write_report(
        books[0], month, out, pdf, force=force, as_of=as_of, needs=views.NEEDS_REPORT
    )
    for p in warnings[:5]:
        click.echo(f"warning: {p}", err=True)
    if (
        data.history_note
    ):  # docs/definitions.md § Deadlines and § History: how a past day's statistics were counted
        click.echo(f"note: {data.history_note}", err=True)
    warn_future(month, data.as_of)
    s = data.stats
    click.echo(
        f"{month}: {s['applications']} applications, {s['responses']} responses; "
        f"{len(data.overdue)} overdue, {len(data.upcoming)} {UPCOMING.lower()}."
    )
    for p in written:
        click.echo(f"Wrote {p}")

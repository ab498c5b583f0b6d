"""What every command shares: the BOOK argument and --as-of, --json/--csv options, reading the
book with its warnings (``load``), printing data in the chosen form (``emit``)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._output import to_csv, to_json

if TYPE_CHECKING:  # pandas and the reader load when a command runs, not for --help
    from ..problems import Problem
    from ..reader import Book

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class IsoDate(click.ParamType):
    """A date written YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-10-31", param, ctx)


ISO_DATE = IsoDate()


def as_of_option(moves: str) -> Callable[[Callable], Callable]:
    """--as-of, with what the day moves in this command (`moves`, a clause after "it moves")."""
    return click.option(
        "--as-of",
        type=ISO_DATE,
        default=None,
        help="Read the book as of this day (default: the workbook's AsOf, else today's date); "
        f"it moves {moves}",
    )


def output_options(fn: Callable) -> Callable:
    """--json / --csv, shared by every command that prints data (a readable table by default)."""
    fn = click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")(fn)
    fn = click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (the shapes of SPEC section 6)."
    )(fn)

    @functools.wraps(fn)
    def wrapper(*args, as_json: bool, as_csv: bool, **kwargs):
        if as_json and as_csv:
            raise click.UsageError("--json and --csv cannot be used together")
        return fn(*args, fmt="json" if as_json else "csv" if as_csv else "text", **kwargs)

    return wrapper


BOOK = click.argument(
    "book", type=click.Path(path_type=Path), metavar="BOOK"
)  # jobbook judges the file
MAX_WARNINGS = 5


def load(book: Path, as_of, needs: dict | None) -> Book:
    """Read the book; raise on an error in a needed column; warn about the rest on stderr."""
    from ..errors import NotAWorkbook
    from ..reader import read_book

    try:
        b = read_book(book, as_of=as_of)
    except NotAWorkbook:
        own_text(book)
        raise
    if b.sheets.get("Pipeline") is None:
        own_tracker(book)
    if needs is not None:
        warn(b.require(needs), book)
    return b


def as_known(b: Book, what: str = "deadlines read") -> tuple[Book, str | None]:
    """The book as its as-of date knew it (``views.as_known``: History's book of a past day),
    and the line that says how a past day was read (None on today): ``say`` prints it once the
    command has done its work (an error stays one line)."""
    from .. import views

    return views.as_known(b, what=what)


def say(note: str | None) -> None:
    if note:
        click.echo(f"note: {note}", err=True)


def own_tracker(book: Path) -> None:
    """A workbook without a Pipeline sheet whose sheet looks like a job tracker (README § Changing your workbook):
    one error that says how to bring it into a jobbook workbook."""
    from ..errors import SheetMissing
    from ..importers import tracker_sheet

    sheet = tracker_sheet(book)
    if sheet is not None:
        raise SheetMissing(
            f"{book}: no Pipeline sheet, but its sheet {sheet!r} looks like a job tracker of your "
            f"own: make a jobbook workbook and import it, with jobbook new NEW.xlsx, then "
            f"jobbook import NEW.xlsx {book}"
        )


def own_text(book: Path) -> None:
    """A CSV file (a tracker kept as text, or another) given as a book: one error that says how
    to bring it into a jobbook workbook."""
    from ..errors import NotAWorkbook
    from ..importers import tracker_text

    looks = tracker_text(book)
    if looks is None:
        return
    if looks:
        what = "a CSV file that looks like a job tracker; make a jobbook workbook and import it"
    else:
        what = "a text (CSV) file; to bring a tracker kept in one into jobbook"
    raise NotAWorkbook(
        f"{book}: not an Excel workbook but {what}: jobbook new NEW.xlsx, then jobbook "
        f"import NEW.xlsx {book}"
    )


def warn(problems: list[Problem], book: Path) -> None:
    for p in problems[:MAX_WARNINGS]:
        click.echo(f"warning: {p}", err=True)
    if len(problems) > MAX_WARNINGS:
        click.echo(
            f"warning: ... and {len(problems) - MAX_WARNINGS} more; run: jobbook check {book}",
            err=True,
        )


def emit(
    fmt: str, data, text: str, rows: list[dict] | None = None, fields: tuple[str, ...] | None = None
) -> None:
    if fmt == "json":
        click.echo(to_json(data))
    elif fmt == "csv":
        click.echo(to_csv(rows if rows is not None else data, fields), nl=False)
    else:
        click.echo(text)

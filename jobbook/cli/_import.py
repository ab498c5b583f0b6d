"""import: other trackers' files into the user's own workbook (README § Changing your workbook)."""

from __future__ import annotations

from pathlib import Path

import click

from ..schema import SOURCE_IMPORT
from ._change import apply_change, dry_run_option, held
from ._output import text_table
from ._shared import BOOK, ISO_DATE, as_of_option, load, output_options


def _table(title: str, heads: list[str], rows: list[list[object]]) -> list[str]:
    return ["", title, text_table(heads, [["" if x is None else x for x in r] for r in rows])]


def _columns_text(data: dict) -> list[str]:
    """Where each file's columns went: used (and how, a guess said as such), Notes, ignored."""
    out = []
    files: dict[str, list[dict]] = {}
    for c in data["columns"]:
        files.setdefault(c["file"], []).append(c)
    for name, cols in files.items():
        shown = [c for c in cols if not (c["how"] == "empty" and c["column"].startswith("Column "))]
        rows = [[c["column"], c["use"], c["how"]] for c in shown]
        out += _table(f"Columns of {Path(name).name}:", ["Column", "Goes to", "How"], rows)
    return out


def _import_text(data: dict) -> list[str]:
    out = _columns_text(data)
    if data["unknown_statuses"]:
        words = ", ".join(f"{w!r} x{n}" for w, n in data["unknown_statuses"].items())
        out += [
            "",
            f"Status words not understood (kept in Notes; say what they mean with "
            f'--status "WORD=Status,..."): {words}',
        ]
    if data["added"]:
        out += _table(
            "Added:",
            ["ID", "Company", "Role", "From"],
            [[a["id"], a["company"], a["role"], a["from"]] for a in data["added"]],
        )
    if data.get("updated"):
        out += _table(
            "Updated:",
            ["ID", "Company", "Role", "From", "Now (why)"],
            [[u["id"], u["company"], u["role"], u["from"], u["reason"]] for u in data["updated"]],
        )
    if data.get("could_update"):
        out += _table(
            "The files say more about (--update brings them up to date):",
            ["ID", "Company", "Role", "From", "Would change"],
            [
                [u["id"], u["company"], u["role"], u["from"], u["reason"]]
                for u in data["could_update"]
            ],
        )
    if data["skipped"]:
        out += _table(
            "Skipped:",
            ["Company", "Role", "From", "Why"],
            [[s["company"], s["role"], s["from"], s["reason"]] for s in data["skipped"]],
        )
    if data["invalid"]:
        out += _table(
            "Skipped (--skip-invalid), a cell cannot be read:",
            ["Where", "Column", "Value", "Why"],
            [[p["where"], p["column"], p["value"], p["why"]] for p in data["invalid"]],
        )
    if data["possible_duplicates"]:
        out += _table(
            "Possible duplicates (added; merge or delete them yourself):",
            ["ID", "Company", "Role", "Looks like", "Why"],
            [
                [
                    p["id"],
                    p["company"],
                    p["role"],
                    f"{p['like']} {p['like_company']} ({p['like_role'] or '-'})",
                    p["reason"],
                ]
                for p in data["possible_duplicates"]
            ],
        )
    return out


@click.command(name="import")
@BOOK
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE..."
)
@click.option(
    "--from",
    "kind",
    type=click.Choice(["linkedin", "huntr", "teal", "csv"]),
    default=None,
    help="The files' format (default: recognised by their headers).",
)
@click.option(
    "--map",
    "mapping",
    metavar="HEADER=COLUMN,...",
    default=None,
    help='Which column is which, e.g. "Company=Employer,Role=Position,Date applied=Applied on"; '
    "a column whose name repeats as NAME#2.",
)
@click.option(
    "--status",
    "statuses",
    metavar="WORD=STATUS,...",
    default=None,
    help='What your own status words mean, e.g. "Ghosted=No response,Parked=Withdrawn,'
    'Superday=Final": a Status, a Stage, or Stage/Status.',
)
@click.option(
    "--since",
    type=ISO_DATE,
    default=None,
    help="Only the applications from this day on (applied, else saved or added).",
)
@click.option(
    "--update",
    is_flag=True,
    help="Also bring the Stage, Status and Last contact of applications already in BOOK up to "
    "the files, where they say more (listed; --dry-run shows the cells).",
)
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Import the rows whose cells can all be read, and list the others (default: list every "
    "cell that cannot be read, and import nothing).",
)
@click.option(
    "--dates",
    type=click.Choice(["dmy", "mdy"]),
    default=None,
    help="How your files write a date such as 05/11/2026 when a column never shows it: dmy "
    "(day first, 5 November) or mdy (month first, May 11). Default: as the book's Country writes "
    "dates (the summary says so).",
)
@dry_run_option
@as_of_option(
    "the status of an imported application without one: Active if it moved in the 30 days "
    "before it, else No response."
)
@output_options
def import_(
    book: Path,
    files: tuple[Path, ...],
    kind,
    mapping,
    statuses,
    since,
    update: bool,
    skip_invalid: bool,
    dates,
    dry_run: bool,
    as_of,
    fmt: str,
) -> None:
    """Add the applications in FILE... to BOOK's Pipeline (and Contacts where a file names a
    contact): LinkedIn's data export (its folder or .zip), Huntr's or Teal's CSV export, or any
    CSV file or sheet of your own, its columns recognised by their names (--map for others).

    Every application arrives: rows of one file are different applications unless they share a
    posting or the same company, role and date; against the book and other files, another
    posting is another application, and the same company and role more than 30 days apart are
    two (listed as possible duplicates). Status words are read as you meant them; the summary
    says where every column went and which words were not understood. Every cell that cannot be
    read is listed at once, and nothing is written (or --skip-invalid).

    \b
    Example:
      jobbook import search.xlsx ~/Downloads/Basic_LinkedInDataExport.zip --since 2026-01-01 --dry-run
      jobbook import search.xlsx huntr.csv teal.csv --update
      jobbook import search.xlsx my-tracker.xlsx --status "Ghosted=No response,Parked=Withdrawn"
      jobbook import search.xlsx old.csv --map "Company=Employer,Date applied=Applied on" --json
      jobbook import search.xlsx uk-tracker.csv --dates dmy
    """
    from ..errors import ImportFailed
    from ..importers import parse_map, parse_statuses, read_files
    from ..intents.importing import import_rows

    columns = parse_map(mapping)
    words = parse_statuses(statuses)
    with held(book, dry_run):
        b = load(
            book,
            as_of,
            {"Pipeline": ["ID", "Company", "Role", "Posting URL"], "Contacts": ["Name", "Company"]},
        )
        reading = read_files(list(files), kind, columns, words, since, dates, b.settings.Country)
        if reading.problems and not skip_invalid:
            raise ImportFailed(reading.problems_text())
        outcome = import_rows(b, reading, update=update)
        lines = [*outcome.lines, *_import_text(outcome.data)]
        apply_change(b, book, outcome, dry_run, fmt, lines, SOURCE_IMPORT)

"""draft: a message of the search (README § Message drafts) written from the workbook."""

from __future__ import annotations

from pathlib import Path

import click

from ..schema import DRAFT_KINDS
from ._shared import BOOK, as_known, as_of_option, emit, load, output_options, say


def _addresses(d) -> str:
    return ", ".join(f"{p.name} <{p.email}>" for p in d.to)


def _to_lines(d) -> list[str]:
    """Whom to, then the notes. Without an address, one line says whom it is for and what
    Contacts lacks (the first note: ``drafts.facts`` puts it first)."""
    if d.to:
        return ["To: " + _addresses(d), *(f"note: {n}" for n in d.notes)]
    why, *rest = d.notes or [""]
    whom = f" (for {d.send_to})" if d.send_to else ""
    return [f"To: empty{whom}: {why}".rstrip(": "), *(f"note: {n}" for n in rest)]


@click.command()
@BOOK
@click.argument("kind", metavar="KIND", type=click.Choice(list(DRAFT_KINDS)))
@click.argument("ident", metavar="ID")
@click.option(
    "--eml",
    "eml",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="FILE",
    help="Also write an unsent email (.eml) to open in your mail program, edit and send.",
)
@click.option("--force", is_flag=True, help="Replace the --eml file if it exists.")
@click.option(
    "--templates",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=None,
    metavar="DIR",
    help="A folder of <kind>.j2 templates that replace the built-in ones "
    "(default: a templates folder beside BOOK, if there is one).",
)
@click.option(
    "--short",
    is_flag=True,
    help="The short message of the workbook's mailto: link (thank-you and feedback), and the link.",
)
@as_of_option(
    "the open deadline the draft answers and the latest interview it quotes (on or before that day)."
)
@output_options
def draft(
    book: Path,
    kind: str,
    ident: str,
    eml: Path | None,
    force: bool,
    templates: Path | None,
    short: bool,
    as_of,
    fmt: str,
) -> None:
    """Write the KIND message for ID from BOOK: the subject line, then the body, on stdout; whom
    to send it to on stderr. KIND is one of: thank-you (Interviews ID), follow-up, feedback,
    withdraw (Pipeline ID), counter, accept, decline, resign (Offers ID).

    Names, rounds, dates and figures come from the workbook (the figures as `jobbook offers`
    prints them); the profile (Your name, Current manager...) from Settings. A value the letter
    needs and the book lacks stops it with the cell to fill, and so does a letter the row
    contradicts (feedback on an Active application, a thank-you before the interview, a counter
    on an accepted offer). Nothing is ever sent.

    \b
    Example:
      jobbook draft search.xlsx thank-you I003
      jobbook draft search.xlsx decline O03 --eml decline.eml
      jobbook draft search.xlsx feedback A017 --short --json
    """
    from ..drafts import NEEDS_DRAFT, write_eml
    from ..drafts import draft as make_draft
    from ..errors import UsageError

    if eml is not None and eml.suffix.lower() != ".eml":
        raise UsageError(f"{eml}: the file name must end in .eml")
    b, note = as_known(load(book, as_of, NEEDS_DRAFT), "the draft reads")
    d = make_draft(b, kind, ident, templates=templates, short=short)
    written = write_eml(d, eml, force=force, inputs=[book]) if eml is not None else None
    data = d.to_dict() | {"eml": str(written) if written else None}
    flat = data | {"to": _addresses(d), "notes": "; ".join(d.notes)}  # one CSV row
    emit(fmt, data, d.text().rstrip("\n"), rows=[flat])
    if fmt == "text":
        for line in _to_lines(d):
            click.echo(line, err=True)
        if d.link:
            click.echo(f"Link: {d.link}", err=True)
    if written:
        empty = "" if d.to else "; its To is empty: add the email on the Contacts sheet, or type it"
        click.echo(f"Wrote {written} (an unsent draft: open it, edit and send){empty}", err=True)
    say(note)

"""The ``jobbook`` command line.

Exit codes: 0 success; 1 a problem with the user's data or files (one ``Error: ...`` line, no
traceback); 2 a usage error.
"""

from __future__ import annotations

import sys

import click

from ..errors import JobbookError, Stopped, UsageError
from ._change import accept, done
from ._commands import check, deadlines, offers, stats
from ._draft import draft
from ._export import calendar, export
from ._history import record, undo
from ._history import record_into as record_into  # public: the monthly script records with it
from ._import import import_
from ._mail import mail
from ._make import demo, new
from ._report import report
from ._shared import CONTEXT

COMMANDS = [accept, calendar, check, deadlines, demo, done, draft, export, import_, mail, new]
COMMANDS += [offers, record, report, stats, undo]


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="jobbook", message="jobbook %(version)s")
def cli() -> None:
    """jobbook: your job search in one Excel workbook.

    \b
    Example:
      jobbook new search.xlsx --sample
      jobbook stats search.xlsx --month 2026-10
      jobbook deadlines search.xlsx --within 7
    """


for command in COMMANDS:
    cli.add_command(command)


def main(argv: list[str] | None = None) -> int:
    """Entry point: JobbookError -> 'Error: ...' and exit 1; usage errors (click's and
    jobbook's UsageError) exit 2."""
    try:
        rv = cli.main(args=argv, prog_name="jobbook", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.exceptions.NoArgsIsHelpError as exc:  # `jobbook` alone: the help
        click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message(), err=True)
        return exc.exit_code
    except click.UsageError as exc:  # click's usage errors: one Error line, then where to look
        _usage(exc.format_message(), exc.ctx.command_path if exc.ctx else _command_path(argv))
        return exc.exit_code
    except click.ClickException as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        return exc.exit_code
    except UsageError as exc:  # an argument of the wrong form (a .csv output, a folder as a file)
        _usage(str(exc), _command_path(argv))
        return 2
    except JobbookError as exc:
        click.echo(f"Error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    except SystemError as exc:  # Ctrl-C while fastexcel parses: its native code wraps it
        if not isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
            raise
        click.echo("Interrupted.", err=True)
        return 130
    except Stopped as exc:  # SIGTERM/SIGHUP while writing: the clean-up has run
        click.echo(f"Error: {exc}", err=True)
        return 128 + exc.signum
    except BrokenPipeError:
        return 0
    return rv if isinstance(rv, int) else 0


def _usage(message: str, command_path: str) -> None:
    """A usage error (README § The command line, exit 2): ``Error: ...`` on one line, then the help to read,
    instead of click's usage lines."""
    click.echo(f"Error: {' '.join(message.split())}", err=True)
    click.echo(f"Try '{command_path} --help'", err=True)


def _command_path(argv: list[str] | None) -> str:
    """``jobbook CMD`` for the first argument naming a command (``jobbook`` if none does)."""
    args = sys.argv[1:] if argv is None else argv
    name = next((a for a in args if a in cli.commands), None)
    return f"jobbook {name}" if name else "jobbook"


def run() -> None:
    sys.exit(main())

"""Every command's help ends with an Example: block; each of its lines runs, as written, on the
sample search (`jobbook demo --as-of 2026-10-21` writes it, the date the examples' IDs and months are written
for) and exits 0. Each line runs in-process in a folder of its own holding the book and the files
the line names, as a shell would see it: `~` is that folder, globs are expanded, `/tmp/...` lands
in it. The Dask address of `report --scheduler` is replaced by an in-process LocalCluster."""

from __future__ import annotations

import glob
import os
import shlex
import shutil

import click
import exports
import own_trackers
import pytest
import trackers

from jobbook.cli import cli, main

import conftest

AS_OF = "2026-10-21"


def examples() -> list[tuple[str, list[str]]]:
    """(command, argv without `jobbook`) of every Example: line of every command's help."""
    ctx = click.Context(cli)
    out = []
    for name in cli.list_commands(ctx):
        text = cli.get_command(ctx, name).help or ""
        assert "Example:" in text, name
        block = text.split("Example:", 1)[1].strip().split("\n\n", 1)[0]
        for line in block.splitlines():
            argv = shlex.split(line, comments=True)
            if not argv:
                continue
            assert argv[:2] == ["jobbook", name], line
            out.append((name, argv[1:]))
    return out


@pytest.fixture(scope="module")
def book(pinned_samples):
    """The demo's search.xlsx as of AS_OF: the sample the demo writes (new_workbook(sample=True)),
    shared with the other tests; the demo's own lines run below."""
    assert str(conftest.PINNED) == AS_OF
    return pinned_samples[".xlsx"]


def _setup(folder, book, name: str) -> None:
    """What the example lines name: the book (for every command but new and demo), the books of a
    cohort, the other trackers' exports."""
    if name not in ("new", "demo"):
        shutil.copy(book, folder / "search.xlsx")
    if name == "report":
        (folder / "books").mkdir()
        for stem in ("ana", "ben", "chloe"):
            shutil.copy(book, folder / f"{stem}.xlsx")
            shutil.copy(book, folder / "books" / f"{stem}.xlsx")
    if name == "import":
        (folder / "Downloads").mkdir()
        exports.linkedin_zip(folder / "Downloads" / "Basic_LinkedInDataExport.zip")
        exports.write(folder / "huntr.csv", exports.HUNTR)
        exports.write(folder / "teal.csv", exports.TEAL)
        exports.write(folder / "old.csv", exports.OWN_CSV.replace(";", ","))
        trackers.bootcamp_xlsx(folder / "my-tracker.xlsx")
        own_trackers.uk_csv(folder / "uk-tracker.csv")
    if name == "calendar":
        (folder / "Dropbox").mkdir()
    if name == "mail":
        from mailbook import example_mail

        example_mail(folder)


def _as_a_shell_would(folder, argv: list[str], scheduler: str | None) -> list[str]:
    out = []
    for arg in argv:
        if arg.startswith("~/"):
            arg = str(folder / arg[2:])
        elif arg.startswith("/tmp/"):
            arg = str(folder / arg[5:])
        elif arg.startswith(("tcp://", "tls://")):
            arg = scheduler
        if any(c in arg for c in "*?[") and not arg.startswith("-"):
            out += sorted(glob.glob(arg)) or [arg]
        else:
            out.append(arg)
    return out


def _tls_settings(folder, sec) -> dict[str, str]:
    """The Dask configuration of a client holding `sec`'s certificates, written as files."""
    settings = {}
    for key, pem in (
        ("ca-file", sec.tls_ca_file),
        ("client.cert", sec.tls_client_cert),
        ("client.key", sec.tls_client_key),
    ):
        path = folder / f"{key}.pem"
        path.write_text(pem)
        settings[f"distributed.comm.tls.{key}"] = str(path)
    return settings


def test_every_help_example_runs_on_the_sample(book, tmp_path, monkeypatch, capsys):
    """Every example line of every command's help, on the sample; a --scheduler example runs on
    a local cluster speaking TLS (temporary certificates, given by the Dask configuration)."""
    import dask
    from distributed import LocalCluster
    from distributed.security import Security

    lines = examples()
    assert len(lines) >= 2 * len(cli.list_commands(click.Context(cli)))
    here = os.getcwd()
    failed = []
    sec = Security.temporary()
    with (
        dask.config.set(_tls_settings(tmp_path, sec)),
        LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            protocol="tls://",
            security=sec,
            dashboard_address=None,
        ) as lc,
    ):
        for k, (name, argv) in enumerate(lines):
            folder = tmp_path / f"{k:02d}-{name}"
            folder.mkdir()
            _setup(folder, book, name)
            monkeypatch.chdir(folder)
            monkeypatch.setenv("HOME", str(folder))
            args = _as_a_shell_would(folder, argv, lc.scheduler_address)
            code = main(args)
            out, err = capsys.readouterr()
            if code != 0 or "Traceback" in err:
                failed.append(f"jobbook {shlex.join(argv)} -> exit {code}: {err.strip()[-300:]}")
    os.chdir(here)
    assert not failed, "\n".join(failed)

"""Headless LibreOffice: recalculate a workbook, convert it to PDF or ODS.

LibreOffice is jobbook's independent judge of the workbook: it recomputes every formula that
openpyxl wrote. A private user profile sets "always recalculate on load" (OOXMLRecalcMode=0), so
no cached value survives, and keeps runs from clashing with a desktop LibreOffice.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import JobbookError

_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


class LibreOfficeError(JobbookError, RuntimeError):
    """LibreOffice is missing or failed to convert a file."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@functools.cache
def _profile() -> Path:
    root = Path(tempfile.mkdtemp(prefix="jobbook-lo-"))
    (root / "user").mkdir(parents=True)
    (root / "user" / "registrymodifications.xcu").write_text(_XCU)
    return root


def convert(src: str | Path, fmt: str, outdir: str | Path, timeout: int = 240) -> Path:
    """Convert `src` to `fmt` (``xlsx``, ``pdf``, ``ods``...) in `outdir`, recalculating every
    formula on load. Returns the new file."""
    exe = find_soffice()
    if exe is None:
        raise LibreOfficeError(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        )
    src, outdir = Path(src).resolve(), Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    if target == src:
        raise LibreOfficeError(
            f"{src}: converting into its own folder would overwrite it; choose another folder"
        )
    if target.exists():
        target.unlink()
    cmd = [
        exe,
        f"-env:UserInstallation={_profile().as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        fmt,
        "--outdir",
        str(outdir),
        str(src),
    ]
    env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp"}
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as exc:
        raise LibreOfficeError(
            f"LibreOffice took longer than {timeout} s to convert {src}"
        ) from exc
    if done.returncode != 0 or not target.exists():
        raise LibreOfficeError(
            f"LibreOffice could not convert {src} to {fmt}: {done.stderr.strip() or done.stdout.strip()}"
        )
    return target


def recalculate(src: str | Path, outdir: str | Path) -> Path:
    """A copy of `src` recalculated by LibreOffice, saved as .xlsx (read it with openpyxl
    ``data_only=True`` to see LibreOffice's results)."""
    src = Path(src)
    work = Path(tempfile.mkdtemp(prefix="jobbook-recalc-"))
    try:
        (work / "in").mkdir()
        copy = work / "in" / src.name
        shutil.copy(src, copy)
        out = convert(copy, "xlsx:Calc MS Excel 2007 XML", work / "out")
        final = Path(outdir) / f"{src.stem}-recalculated.xlsx"
        Path(outdir).mkdir(parents=True, exist_ok=True)
        shutil.move(out, final)
        return final
    finally:
        shutil.rmtree(work, ignore_errors=True)


def sheets_to_pdf(src: str | Path, sheets: list[str], out_pdf: str | Path) -> Path:
    """A PDF of only `sheets` of workbook `src` (the others hidden in a temporary copy, so every
    formula still computes)."""
    import openpyxl

    src, out_pdf = Path(src), Path(out_pdf)
    work = Path(tempfile.mkdtemp(prefix="jobbook-pdf-"))
    try:
        keep_vba = src.suffix.lower() == ".xlsm"
        wb = openpyxl.load_workbook(src, keep_vba=keep_vba)
        for ws in wb.worksheets:
            ws.sheet_state = "visible" if ws.title in sheets else "hidden"
            if ws.title not in sheets:
                ws.print_area = None  # LibreOffice prints a hidden sheet's print area
        wb.active = wb.sheetnames.index(sheets[0])
        (work / "in").mkdir()
        copy = work / "in" / f"{out_pdf.stem}{src.suffix}"
        wb.save(copy)
        pdf = convert(copy, "pdf", work / "out")
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(pdf, out_pdf)
        return out_pdf
    finally:
        shutil.rmtree(work, ignore_errors=True)


def pdf_to_pngs(pdf: str | Path, prefix: str | Path, dpi: int = 80) -> list[Path]:
    """Render each page of `pdf` to ``<prefix>-<n>.png`` with pdftoppm."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise LibreOfficeError("pdftoppm is not installed: apt-get install poppler-utils")
    prefix = Path(prefix)
    subprocess.run(
        [exe, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, capture_output=True
    )
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))

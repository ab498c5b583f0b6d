#!/usr/bin/env python3
"""Build the committed empty templates, workbook/jobbook.xlsx and jobbook.xlsm, from the schema.

The build is reproducible: fixed document timestamps and holidays for TEMPLATE_YEAR (last year to
two years ahead), so that `--check` can tell whether the committed file is stale. `jobbook new`
builds the same workbook with the current year's holidays.

    python scripts/build_template.py            # rebuild workbook/jobbook.xlsx and .xlsm
    python scripts/build_template.py --check    # exit 1 if a committed file is stale
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobbook.template.committed import (  # noqa: E402
    MACRO_TEMPLATE_PATH,
    TEMPLATE_PATH,
    build_committed,
    differences,
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--check", action="store_true", help="compare with the committed file instead of writing it"
    )
    args = ap.parse_args()
    stale = 0
    for rel in (TEMPLATE_PATH, MACRO_TEMPLATE_PATH):
        target = ROOT / rel
        if not args.check:
            print(f"Wrote {build_committed(target)}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            diff = differences(target, build_committed(Path(tmp) / target.name))
        if diff:
            stale = 1
            print(f"{target} is stale; run: python scripts/build_template.py", file=sys.stderr)
            for d in diff[:20]:
                print(f"  {d}", file=sys.stderr)
        else:
            print(f"{target} is up to date")
    return stale


if __name__ == "__main__":
    sys.exit(main())

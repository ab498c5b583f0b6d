#!/usr/bin/env python3
"""Build the committed empty template, workbook/jobbook.xlsx, from the schema.

The build is reproducible: fixed document timestamps and holidays for TEMPLATE_YEAR (last year to
two years ahead), so that `--check` can tell whether the committed file is stale. `jobbook new`
builds the same workbook with the current year's holidays.

    python scripts/build_template.py            # rebuild workbook/jobbook.xlsx
    python scripts/build_template.py --check    # exit 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobbook.template.committed import TEMPLATE_PATH, build_committed, differences  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file instead of writing it")
    ap.add_argument("--out", type=Path, default=ROOT / TEMPLATE_PATH)
    args = ap.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = build_committed(Path(tmp) / args.out.name)
            diff = differences(args.out, fresh)
        if diff:
            print(f"{args.out} is stale; run: python scripts/build_template.py", file=sys.stderr)
            for d in diff[:20]:
                print(f"  {d}", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    print(f"Wrote {build_committed(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""jobbook mail: how well messages are read, and how fast.

    python benchmarks/bench_mail.py                 # precision and recall per kind, every set
    python benchmarks/bench_mail.py --mbox-mb 200   # also stream a 200 MB mbox (time, peak memory)

Precision and recall per kind on labelled sets of job-search mail, and how often the employer
found is the right one: tests/mailcorpus.py and tests/mailphrasings.py, the development parts the
phrase tables were tuned against; tests/mailheldout.py, written after the first tables (its
misses were then studied, so it is development now); tests/mailheldout2.py, written after the
tables were broadened and never tuned against; benchmarks/mailsets/blind/, 120 .eml files and
their labels written apart from the phrase tables by another hand, to a user alex.brenner@example.net
(0.725 of them read right before the tables were broadened, 0.90 after).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mailcorpus import Labelled, development  # noqa: E402

from jobbook.importers.match import company_key  # noqa: E402
from jobbook.mail.classify import classify  # noqa: E402
from jobbook.mail.decode import decode  # noqa: E402
from jobbook.mail.match import Applications  # noqa: E402
from jobbook.mail.phrases import KINDS  # noqa: E402
from jobbook.mail.sources import Raw  # noqa: E402


def score(items: list[Labelled], title: str, own: str = "jamie@example.org") -> None:
    got: list[tuple[str, str]] = []
    employer_right = employer_total = 0
    apps = Applications()  # an empty book: the employer is named for a new application
    confusions: Counter = Counter()
    for it in items:
        mail = decode(Raw(it.raw, "x"))
        reading = classify(mail, frozenset({own}))
        got.append((it.kind, reading.kind))
        if it.kind != reading.kind:
            confusions[(it.kind, reading.kind)] += 1
        if it.company and reading.kind == it.kind and reading.kind != "other":
            employer_total += 1
            m = apps.match(mail, reading)
            employer_right += bool(m.company) and company_key(m.company) == company_key(it.company)
    print(f"\n{title}: {len(items)} messages ({Counter(k for k, _ in got).most_common()})")
    print(f"{'kind':<14}{'n':>5}{'precision':>11}{'recall':>9}")
    for kind in KINDS:
        tp = sum(1 for e, g in got if e == kind and g == kind)
        fp = sum(1 for e, g in got if e != kind and g == kind)
        fn = sum(1 for e, g in got if e == kind and g != kind)
        n = tp + fn
        p = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        r = f"{tp / n:.2f}" if n else "-"
        print(f"{kind:<14}{n:>5}{p:>11}{r:>9}")
    right = sum(1 for e, g in got if e == g)
    print(
        f"accuracy {right / len(got):.2f}; employer named right {employer_right}/{employer_total}"
    )
    if confusions:
        print("mistakes: " + ", ".join(f"{e}->{g} x{n}" for (e, g), n in confusions.most_common()))


def blind() -> list[Labelled]:
    """The blind set: benchmarks/mailsets/blind/labels.csv names each .eml, its kind and employer."""
    import csv

    root = ROOT / "benchmarks" / "mailsets" / "blind"
    with (root / "labels.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Labelled(
            (root / "eml" / r["file"]).read_bytes(), r["kind"], r["company"] or None, r["notes"]
        )
        for r in rows
    ]


def stream(megabytes: int) -> None:
    """Read a generated mbox of about `megabytes` MB through the whole command's reading path."""
    from mailmaker import mbox

    from jobbook.mail.sources import read_sources

    items = development()
    blob = mbox([it.raw for it in items])
    pad = b"X-Padding: " + b"x" * 900 + b"\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.mbox"
        with path.open("wb") as fh:
            while fh.tell() < megabytes * 1024 * 1024:
                fh.write(blob.replace(b"\nSubject:", b"\n" + pad * 3 + b"Subject:"))
        size = path.stat().st_size
        t0 = time.perf_counter()
        n = 0
        for raw in read_sources([path]):
            classify(decode(raw))
            n += 1
        secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nstreamed {size / 1e6:.0f} MB, {n:,} messages in {secs:.1f} s "
        f"({size / 1e6 / secs:.1f} MB/s, {n / secs:,.0f} messages/s); peak memory {peak:.0f} MB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mbox-mb", type=int, default=0, help="also stream an mbox of this size")
    args = ap.parse_args()
    from mailphrasings import phrasings

    score(development(), "Development set (the tables were tuned against it)")
    score(phrasings(), "Development set 2: wordings gathered while broadening the tables (tuned)")
    from mailheldout import heldout

    score(
        heldout(),
        "Held-out set 1 (written after the first tables; its misses were studied when the "
        "tables were broadened, so it is no longer blind)",
    )
    try:
        from mailheldout2 import heldout2
    except ImportError:
        print("\n(no second held-out set)")
    else:
        score(
            heldout2(), "Held-out set 2 (written after the broadened tables, never tuned against)"
        )
    score(blind(), "Blind set (another hand's messages and labels)", "alex.brenner@example.net")
    if args.mbox_mb:
        stream(args.mbox_mb)


if __name__ == "__main__":
    main()

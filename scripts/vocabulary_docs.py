#!/usr/bin/env python3
"""Write README's tables of the headers and status words `jobbook import` recognises, from the
vocabulary tables themselves (jobbook/importers/vocabulary.py), between its markers:

    python scripts/vocabulary_docs.py          # rewrites the part of README.md between the markers

tests/test_import_words.py checks that README holds what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobbook.importers import vocabulary as V  # noqa: E402

START, END = "<!-- vocabulary:start -->", "<!-- vocabulary:end -->"


def _words(words) -> str:
    return ", ".join(f"`{w}`" for w in words)


def markdown() -> str:
    out = [
        "| Goes to | Headers (any case, spacing or punctuation; `(hints)` aside) |",
        "|---|---|",
    ]
    for concept, names in V.HEADERS.items():
        where = V.EXTRA_CONCEPTS.get(concept)
        if concept in V.CONTACT_FIELDS:
            where = f"Contacts: {V.CONTACT_FIELDS[concept]}"
        label = f"{concept}: {where}" if where else concept
        out.append(f"| {label} | {_words(names)} |")
    out.append(f"| left out | {_words(V.IGNORED_HEADERS)}, and empty columns |")
    out += [
        "",
        "| Status word means (Stage, Status) | Words (any case; punctuation, emoji and "
        "repeated letters aside) |",
        "|---|---|",
    ]
    for meaning, words in V.STATUS_GROUPS.items():
        stage = meaning.stage or "the furthest stage the row shows"
        said = f"{stage}, {meaning.status}"
        if meaning.status == V.DECLINED:
            said = "Offer, Offer declined on a row that shows an offer; else Rejected"
        out.append(f"| {said} | {_words(words)} |")
    out += [
        "",
        f"Blank, whatever the column: {_words(sorted(w for w in V.BLANK_WORDS if w))}. "
        f"A checkbox: ticked {_words(sorted(V.TICKED))}; unticked {_words(sorted(V.UNTICKED))}.",
    ]
    return "\n".join(out)


def section(readme: str) -> str:
    """README's text between the markers."""
    return readme.split(START, 1)[1].split(END, 1)[0].strip("\n")


def main() -> None:
    path = ROOT / "README.md"
    text = path.read_text()
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{START}\n{markdown()}\n{END}{tail}")


if __name__ == "__main__":
    main()

"""Spreadsheet column letters, the one spelling jobbook uses: ``col_letters(27)`` is ``"AA"`` and
``col_number("AA")`` is 27 (either case)."""

from __future__ import annotations


def col_number(letters: str) -> int:
    """``A`` -> 1, ``AA`` -> 27."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(n: int) -> str:
    """1 -> ``A``, 27 -> ``AA``."""
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out

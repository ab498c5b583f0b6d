"""A cell's text as every importer reads it: blanks said in words (``clean``), column letters,
amounts written the ways people write them (``parse_amounts``)."""

from __future__ import annotations

import re

from .vocabulary import BLANK_WORDS


def clean(value: object) -> str | None:
    """Text with surrounding space removed; None for blank, ``-``, ``N/A``, ``TBD``, a dropdown's
    ``Select...`` and the like (``vocabulary.BLANK_WORDS``)."""
    if value is None:
        return None
    text = " ".join(str(value).replace("\u00a0", " ").split())
    return None if text.casefold() in BLANK_WORDS else text


AMOUNT = re.compile(r"(\d(?:[\d.,'\u2019]|[ \u00a0\u202f](?=\d))*)\s*([kK])?")
_GROUPING = re.compile(r"[ '\u2019\u00a0\u202f]")


def decimal_mark(token: str) -> str | None:
    """The decimal mark `token` shows beyond doubt (``1.234,56``, ``12,5``, ``1,234,567``...),
    or None when it cannot tell (``1,500``, ``85.000``, ``120000``)."""
    t = _GROUPING.sub("", token).rstrip(".,")
    if "," in t and "." in t:
        return "," if t.rfind(",") > t.rfind(".") else "."
    for sep, other in ((",", "."), (".", ",")):
        if t.count(sep) > 1:
            return other  # a separator met twice groups thousands
        if t.count(sep) == 1:
            return None if len(t) - t.index(sep) - 1 == 3 else sep
    return None


def _number(token: str, decimal_comma: bool) -> float:
    t = _GROUPING.sub("", token).rstrip(".,")
    mark = decimal_mark(token)
    if mark is None:  # one separator before three digits (or none): the column's convention
        mark = "," if decimal_comma else "."
    return float(t.replace("." if mark == "," else ",", "").replace(mark, "."))


def parse_amounts(value: object, decimal_comma: bool = False) -> tuple[float | None, float | None]:
    """(min, max) from ``120000``, ``$120,000 - $140,000``, ``120k-140k``, ``85 000 €``,
    ``1.234,56``; (None, None) if none. `decimal_comma`: how ``1,500`` and ``85.000`` read (as
    1.5 and 85000), decided for the column (``Rows.decimal_comma``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), None
    text = clean(value)
    if text is None:
        return None, None
    found: list[tuple[float, bool]] = []  # (amount, written with a k)
    for m in AMOUNT.finditer(text):
        try:
            n = _number(m.group(1), decimal_comma)
        except ValueError:
            continue
        found.append((n * 1000 if m.group(2) else n, bool(m.group(2))))
    if not found:
        return None, None
    if len(found) == 1:
        return found[0][0], None
    (lo, lo_k), (hi, hi_k) = found[:2]
    if hi_k and not lo_k and lo < 1000 <= hi:
        lo *= 1000  # 80-95k: the k is said once, for both
    return lo, hi

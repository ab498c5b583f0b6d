"""Formulas' cached values dropped from a worksheet's XML, so that Excel and LibreOffice compute
them afresh: every formula's (``drop_cached``; ``_sheet.drop_dirty`` drops only those of the cells
an edit made dirty)."""

from __future__ import annotations

import functools
import re


@functools.cache
def _cache_patterns(p: str) -> tuple[re.Pattern, re.Pattern]:
    """(a formula followed by its cached value, the value's type on a formula cell), for
    elements with namespace prefix `p`; each starts with a literal, so that a search over
    megabytes of XML runs at C speed."""
    e = re.escape(p)
    value = re.compile(
        rf"(<{e}f\b[^>]*?(?:/>|>[^<]*</{e}f>))\s*(?:<{e}v\s*/>|<{e}v\b[^>]*>[^<]*</{e}v>)"
    )
    kind = re.compile(rf' t="(?:str|n|b|e)"(?=[^<>]*>\s*<{e}f\b)')
    return value, kind


def drop_cached(xml: str, p: str = "") -> str:
    """Every formula cell in `xml` without its cached value (and the value's type)."""
    if f"<{p}f" not in xml:
        return xml
    value, kind = _cache_patterns(p)
    return value.sub(r"\1", kind.sub("", xml))

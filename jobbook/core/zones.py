"""Time zones by their IANA name (``Europe/Berlin``): whether a name is known, and this computer's.

Interview times in the calendar export are wall-clock times in the ``TimeZone`` setting, else in
this computer's zone; when neither has a name (Windows gives none without extra packages) they are
written as floating times, which a calendar program shows at the same hour in any zone.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


@lru_cache(maxsize=64)
def zone_name(name: object) -> str | None:
    """The IANA name of zone `name`, matched case-insensitively (``europe/berlin`` ->
    ``Europe/Berlin``); None for a blank or unknown name."""
    text = str(name or "").strip()
    if not text or text.startswith(("/", ".")) or ".." in text:
        return None
    try:
        ZoneInfo(text)
        return text
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    folded = text.casefold()
    return next((z for z in sorted(available_timezones()) if z.casefold() == folded), None)


def local_zone_name() -> str | None:
    """This computer's zone: the TZ variable, else /etc/localtime's target, else /etc/timezone;
    None when none of them names a zone."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if zone_name(tz):
        return zone_name(tz)
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve()) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    if "zoneinfo/" in target and zone_name(target.split("zoneinfo/", 1)[1]):
        return zone_name(target.split("zoneinfo/", 1)[1])
    try:
        return zone_name(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        return None


def book_zone(setting: str | None) -> ZoneInfo | None:
    """The zone of a book's interview times: its TimeZone setting, else this computer's zone, else
    None (floating times)."""
    name = zone_name(setting) or local_zone_name()
    return ZoneInfo(name) if name else None

"""Times and amounts a message states: an interview's time, a deadline, an offered salary.

A time in the text is found by its shape (a day: a weekday, a date in words or digits, tomorrow;
and a time of day, in either order, or ``Date:`` and ``Time:`` lines) and read by ``dateparser``
relative to the mail's Date, in the message's language, in the book's ``TimeZone`` unless the
text names another zone (``2:30 PM PST``, ``11:00 GMT``), which is then converted. Only times
from the day before the mail to six months after it count; several different times are options
to choose from, not an appointment. dateparser reads only its own tables: no network, no model.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from zoneinfo import ZoneInfo

AHEAD_DAYS = 183  # a time more than about six months after the mail is not this appointment
SCAN_CHARS = 8000
_WD = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|"
    "fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
_MON = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|okt|nov|dec|dez"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:20\d\d)"
_H = r"(?:2[0-3]|[01]?\d)"
DATE = (
    rf"(?:(?:(?:{_WD})\.?,?\s+(?:the\s+|den\s+)?)?"
    rf"(?:{_DAY}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?:{_MON})\.?(?:,?\s+{_YEAR})?"
    rf"|(?:{_MON})\.?\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
    rf"|{_DAY}\.[01]?\d\.(?:{_YEAR}|\d\d(?!\d))?"
    rf"|{_YEAR}-[01]\d-[0-3]\d"
    rf"|[01]?\d/[0-3]?\d(?:/(?:{_YEAR}|\d\d))?)"
    rf"|(?:(?:next|this|coming|on|am|kommenden|nächsten|diesen)\s+)?(?:{_WD})\b"
    rf"|tomorrow|übermorgen|morgen)"
)
TIME = rf"(?:{_H}(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)|{_H}[:.][0-5]\d(?:\s*uhr)?(?!\d)|{_H}\s*uhr)"
# zone names people write, as dateparser knows them
ZONE_WORDS = {
    "eastern time": "ET", "eastern standard time": "EST", "eastern daylight time": "EDT",
    "central time": "CT", "central standard time": "CST", "pacific time": "PT",
    "pacific standard time": "PST", "pacific daylight time": "PDT", "mountain time": "MT",
    "central european time": "CET", "central european summer time": "CEST", "mez": "CET",
    "mesz": "CEST", "british summer time": "BST", "greenwich mean time": "GMT",
}  # fmt: skip
_ZONES = (
    r"utc[+-]\d{1,2}(?::?\d\d)?|gmt[+-]\d{1,2}(?::?\d\d)?|"
    + "|".join(sorted(map(re.escape, ZONE_WORDS), key=len, reverse=True))
    + r"|cest|cet|bst|gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|ist|eet|eest|wet|west|aest|aedt|jst|sgt"
)
_ZONE = rf"(?:\s*\(?(?P<zone>(?<!\w)(?:{_ZONES})(?!\w))\)?)?"
_RANGE = rf"(?:\s*(?:-|–|—|to|bis)\s*{TIME})?"
_SPANS = (
    rf"(?P<date>{DATE})[\s,]*(?:at|um|@|from|von|ab|-|–|,)?\s*(?:at|um|ab)?\s*(?P<time>{TIME}){_RANGE}{_ZONE}",
    rf"(?P<time>{TIME}){_RANGE}{_ZONE}[\s,]*(?:on|am)?\s*(?P<date>{DATE})",
    rf"(?:date|datum|day|tag)\s*:\s*(?P<date>{DATE})[^\n]*\n+\s*(?:time|uhrzeit|zeit)\s*:\s*(?P<time>{TIME}){_RANGE}{_ZONE}",
)
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fourteen": 14, "ein": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "zehn": 10, "vierzehn": 14,
}  # fmt: skip
_WITHIN = re.compile(
    r"(?:within|in the next|in|innerhalb (?:von|der nächsten)?|in den nächsten)\s+"
    r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")\s+"
    r"(?P<unit>business days?|working days?|days?|weeks?|hours?|werktag(?:en|e)?|arbeitstag(?:en|e)?|tag(?:en|e)?|wochen?|stunden)",
    re.I,
)
_BY = re.compile(
    rf"(?:by|before|until|no later than|deadline:?|due(?: date)?:?|expires?(?: on)?|respond by|"
    rf"bis zum|bis spätestens(?: zum| am)?|spätestens (?:am|bis)|frist:?|bis)\s+(?P<date>{DATE})",
    re.I,
)
_SALARY = re.compile(
    r"(?:base salary|annual (?:base )?salary|base pay|salary|grundgehalt|jahresgehalt|"
    r"bruttojahresgehalt|jahresbruttogehalt|fixgehalt)[^\d$€£\n]{0,40}"
    r"(?P<cur>[$€£]\s?)?(?P<amount>\d{1,3}(?:[,.\s']\d{3})+(?:[.,]\d{2})?|\d{4,7}(?:[.,]\d{2})?|\d{2,3}(?:[.,]\d)?\s?[kK])"
    r"\s?(?P<cur2>€|eur|euro|usd|gbp|chf|\$)?",
    re.I,
)


@cache
def _span_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in _SPANS)


def _local(mail_date: dt.datetime, zone: ZoneInfo | None) -> dt.datetime:
    return mail_date.astimezone(zone) if zone is not None else mail_date


def _tidy(date: str, time: str, zone: str | None, base: dt.datetime) -> str:
    """A span as dateparser reads it best: ``14 Uhr`` -> ``14:00``, ``14.30 Uhr`` -> ``14:30``, a
    ``dd.mm.`` date with its year, a zone's long name as its abbreviation."""
    time = re.sub(r"(\d)\.(\d\d)", r"\1:\2", time, flags=re.I)
    time = re.sub(r"^(\d{1,2})\s*uhr$", r"\1:00", time.strip(), flags=re.I)
    time = re.sub(r"\s*uhr$", "", time, flags=re.I)
    m = re.fullmatch(r"(.*?)(\d{1,2})\.(\d{1,2})\.", date.strip())
    if m:
        day, month = int(m.group(2)), int(m.group(3))
        year = base.year
        try:
            if dt.date(year, month, day) < base.date() - dt.timedelta(days=7):
                year += 1
        except ValueError:
            pass
        date = f"{m.group(1)}{day:02d}.{month:02d}.{year}"
    date = re.sub(r"\b(?:on|am|this|coming|next)\s+", "", date, flags=re.I)
    zone = ZONE_WORDS.get((zone or "").lower(), zone or "")
    return f"{date} {time} {zone}".strip()


def _parse(text: str, base: dt.datetime, zone: ZoneInfo | None, language: str):
    import dateparser  # jobbook[mail]: its own tables, no network

    langs = [language, *(x for x in ("en", "de") if x != language)]
    for lang in langs:
        settings = {
            "RELATIVE_BASE": base.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY" if lang == "de" else "MDY",
            "RETURN_AS_TIMEZONE_AWARE": True,
        }
        if zone is not None:
            settings["TIMEZONE"] = zone.key
            settings["TO_TIMEZONE"] = zone.key
        try:
            got = dateparser.parse(text, languages=[lang], settings=settings)
        except (ValueError, OverflowError, TypeError, KeyError):
            got = None
        if got is not None:
            return got
    return None


def times_in(
    text: str, mail_date: dt.datetime, zone: ZoneInfo | None, language: str
) -> list[dt.datetime]:
    """The distinct appointments (date and time of day) `text` states, as wall-clock times in
    `zone` (naive), in order of appearance."""
    base = _local(mail_date, zone)
    found: list[dt.datetime] = []
    spans: list[tuple[int, int]] = []
    for rx in _span_patterns():
        for m in rx.finditer(text[:SCAN_CHARS]):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue
            spans.append((m.start(), m.end()))
            got = _parse(_tidy(m["date"], m["time"], m["zone"], base), base, zone, language)
            if got is None:
                continue
            if got.tzinfo is not None and zone is not None:
                got = got.astimezone(zone)
            got = got.replace(tzinfo=None, second=0, microsecond=0)
            if not base.replace(tzinfo=None) - dt.timedelta(days=1) <= got:
                continue
            if got > base.replace(tzinfo=None) + dt.timedelta(days=AHEAD_DAYS):
                continue
            if got not in found:
                found.append(got)
    return found


def invite_time(
    start: dt.datetime | dt.date | None, zone: ZoneInfo | None
) -> dt.datetime | dt.date | None:
    """A calendar event's start as a wall-clock time in `zone` (naive); a date for an all-day one."""
    if start is None:
        return None
    if not isinstance(start, dt.datetime):
        return start
    if start.tzinfo is not None and zone is not None:
        start = start.astimezone(zone)
    return start.replace(tzinfo=None, second=0, microsecond=0)


def due_in(
    text: str, mail_date: dt.datetime, zone: ZoneInfo | None, language: str, workday=None
) -> dt.date | None:
    """The day by which the message asks for something (``within 5 business days``, ``by Friday,
    March 13``, ``bis zum 12.03.2026``); `workday(day, n)` counts business days."""
    base = _local(mail_date, zone)
    text = text[:SCAN_CHARS]
    m = _WITHIN.search(text)
    if m:
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit = m.group("unit").lower()
        if unit.startswith(("business", "working", "werktag", "arbeitstag")) and workday:
            return workday(base.date(), n)
        if unit.startswith(("week", "woche")):
            return base.date() + dt.timedelta(weeks=n)
        if unit.startswith(("hour", "stunde")):
            return (base + dt.timedelta(hours=n)).date()
        return base.date() + dt.timedelta(days=n)
    for m in _BY.finditer(text):
        got = _parse(_tidy(m["date"], "", None, base), base, zone, language)
        if got is not None:
            day = got.date()
            if base.date() <= day <= base.date() + dt.timedelta(days=AHEAD_DAYS):
                return day
    return None


def salary_in(text: str) -> float | None:
    """The base salary an offer states (``a base salary of $125,000``, ``Jahresgehalt von
    75.000 €``, ``120k``), or None."""
    m = _SALARY.search(text[:SCAN_CHARS])
    if not m:
        return None
    raw = m.group("amount").replace(" ", "").replace("'", "")
    if raw[-1] in "kK":
        return float(raw[:-1].replace(",", ".")) * 1000
    raw = re.sub(r"[.,]\d{2}$", "", raw)  # cents
    digits = re.sub(r"[.,]", "", raw)
    return float(digits) if digits.isdigit() else None

"""The date an article speaks from, which "25 years ago" and anniversaries are measured against.

The date its record declares (a JSONL `published` field) wins; then a `Published YYYY-MM-DD` line
(or `Published: 23 November 2024`); otherwise the latest full date written in the text (a story
is published on or after the last day it reports).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from factcheck.extract.patterns import alternation

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}

# A calendar year as news writes one: the one pattern every reader of years builds on.
YEAR = r"(?:1[89]|20)\d\d"
# The year of a full date; every date holds one, so a text without one is not read for dates.
_DATE_YEAR = r"(?:19|20)\d\d"
_MONTH = r"(?P<month>" + alternation(MONTHS) + r")\.?"
_ISO = rf"(?P<iso>{_DATE_YEAR}-[01]\d-[0-3]\d)"
_DAY_MONTH_YEAR = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH + rf",?\s+(?P<year>{_DATE_YEAR})"
_MONTH_DAY_YEAR = (_MONTH.replace("month", "month2") + r"\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
                   rf"(?P<year2>{_DATE_YEAR})")
# A date opens with a digit or a month's first letter: looked ahead for first, the alternatives are
# tried at those positions only.
_OPENING = "".join(sorted({name[0] for name in MONTHS}))
_HAS_YEAR = re.compile(_DATE_YEAR)
_DATE_PATTERN = rf"(?=[0-9{_OPENING}])\b(?:{_ISO}|{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR})\b"
_DATE = re.compile(_DATE_PATTERN, re.IGNORECASE)
# Its letters are all lower case: on lower-cased ASCII text (same length, same offsets), matching it
# case-sensitively finds what matching it in any case finds on the text, and costs less.
_DATE_LOWER = re.compile(_DATE_PATTERN)
# Blanks before the word are spaces and tabs only: `^\s*` would run on over every blank line below
# from each line start, quadratic in a run of blank lines.
_PUBLISHED = re.compile(r"^[ \t]*(?:published|updated|posted|date)\s*:?\s*(?:on\s+)?(?P<rest>.+)$",
                        re.IGNORECASE | re.MULTILINE)


def _to_date(match: re.Match[str]) -> date | None:
    try:
        if match["iso"]:
            return date.fromisoformat(match["iso"])
        if match["month"]:
            return date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        return date(int(match["year2"]), MONTHS[match["month2"].lower()], int(match["day2"]))
    except ValueError:  # 31 February and the like: not a date
        return None


def dates_in(text: str) -> list[date]:
    """Every full (day, month, year) date written in `text`, in order of appearance."""
    if not _HAS_YEAR.search(text):
        return []
    matches = _DATE_LOWER.finditer(text.lower()) if text.isascii() else _DATE.finditer(text)
    return [found for match in matches if (found := _to_date(match)) is not None]


def published_date(text: str, declared: str | None = None) -> date | None:
    """The article's date: the date `declared` for it (an ISO date or timestamp, or a date as
    articles write them) if it is one, else its `Published ...` line, else the latest full date
    in the text."""
    if declared:
        try:
            return datetime.fromisoformat(declared.strip()).date()
        except ValueError:
            found = dates_in(declared)
            if found:
                return found[0]
    for line in _PUBLISHED.finditer(text):
        found = dates_in(line["rest"])
        if found:
            return found[0]
    found = dates_in(text)
    return max(found) if found else None

"""Numbers that are not quantities to check: dates, times, ordinals, names and idioms.

"in 2009", "September 8", "10:27 PM", "21st", "iPhone 11", "COVID-19", "No. 3", "one of the
best": a fact-checker reads none of these as a figure, and each one would be a false alarm
later on. Decisions use the words around the number only, so they are cheap and local.
"""

from __future__ import annotations

import re

from factcheck.extract.numbers import Reading
from factcheck.extract.units import Unit

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
          "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?,?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"(?:th|st|nd|rd)?(?:\s+of)?\s+(?:{MONTHS})\b")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"(?::\d\d|\.\d\d\s?(?:am|pm|a\.m\.|p\.m\.))|\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
                         r"|\s?(?:GMT|BST|EST|EDT|PST|PDT|CET|UTC)\b", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"\d:$")
_SLASHED = re.compile(r"/\d")
_DECADE = re.compile(r"'?s\b")
_YEAR_PREPOSITIONS = {
    "in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "between", "and",
    "to", "through", "the", "circa", "early", "late", "mid", "fiscal", "year", "season", "for", "or",
    "than", "at", "on", "around", "about", "spring", "summer", "autumn", "fall", "winter", "last",
    "next", "this", "that", "its", "their", "election", "budget", "census", "s", "class",
}
_NUMBER_WORDS = re.compile(r"\b(?:no\.?|nos\.?|number|#|page|pages|chapter|section|article|room|"
                           r"route|flight|gate|level|grade|tier|phase|stage|round|rank|ranked|"
                           r"episode|season|series|version|v|channel|platform|line|pg|p|vol|"
                           r"ward|district|zone|block|highway|interstate|bus|exit|unit|apt)\.?\s*#?$",
                           re.IGNORECASE)
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'.-]*)[,:]?\s+$")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'-]*)")
# Capitalised words that start clauses rather than name a product ("With 275", "About 40").
_FUNCTION_WORDS = {
    "the", "a", "an", "about", "around", "some", "with", "of", "for", "and", "but", "or", "in", "on",
    "at", "by", "to", "from", "only", "just", "nearly", "almost", "over", "under", "more", "less",
    "than", "all", "another", "after", "before", "since", "until", "while", "when", "if", "as",
    "roughly", "approximately", "another", "these", "those", "this", "that", "its", "their", "his",
    "her", "our", "my", "your", "were", "was", "are", "is", "had", "has", "have", "top", "first",
    "last", "past", "next", "every", "each", "between", "among", "up", "down", "least", "most",
    "estimated", "killing", "including", "some", "than", "reported", "cost", "costs", "paid",
}
_ONE_NOT_A_NUMBER_BEFORE = re.compile(
    r"\b(?:no|any|every|some|the|this|that|which|each|such|a|another|last|only)\s+$", re.IGNORECASE)
_ONE_NOT_A_NUMBER_AFTER = re.compile(r"\s+(?:of|another|by\s+one|or\s+(?:another|other|two))\b"
                                     r"|'s\b|\s+(?:day|time)\s*,", re.IGNORECASE)


def _name_like(word: str) -> bool:
    return any(ch.isupper() for ch in word)


def not_a_quantity(sentence: str, reading: Reading, unit: Unit | None, figure_end: int) -> bool:
    """Whether `reading` (with its `unit` if any; its figure ends at `figure_end`) is no quantity."""
    text = sentence[reading.start:reading.end]
    before, after = sentence[:reading.start], sentence[reading.end:]
    if reading.kind != "number":
        return False
    if reading.spelled:
        return _spelled_idiom(before, after, text)
    if reading.currency is not None:
        return False
    if _TIME_BEFORE.search(before) or _TIME_AFTER.match(after) or _ORDINAL.match(after):
        return True
    if _SLASHED.match(after) or re.search(r"\d/$", before) or before.endswith(("#", "[", "'")):
        return True
    if unit is not None and unit.dimension not in ("count",) and not _DECADE.match(after):
        return False
    whole = reading.decimals == 0 and reading.magnitude == 1.0 and "," not in text
    if whole and _DECADE.match(after):
        return True  # "the 1990s", "in her 40s"
    if whole and 1000 <= reading.value <= 2100 and len(text) == 4 \
            and _is_year(before, after, sentence[figure_end:]):
        return True
    if whole and 1 <= reading.value <= 31 and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return True
    if _NUMBER_WORDS.search(before):
        return True
    return whole and _after_a_name(before)


def _is_year(before: str, after: str, after_figure: str) -> bool:
    """A four-digit number reads as a year unless a plural noun follows it ("2000 workers")."""
    if re.match(r"[-–/]\d\d\b", after):
        return True  # "2019-20"
    previous = _PREVIOUS_WORD.search(before)
    if previous and (previous.group(1).lower().rstrip(".") in _YEAR_PREPOSITIONS
                     or re.fullmatch(MONTHS, previous.group(1).rstrip(".,"))):
        return True
    following = _NEXT_WORD.match(after_figure)
    if following:
        word = following.group(1)
        return not (word.islower() and word.endswith("s") and len(word) > 3)
    return True


def _after_a_name(before: str) -> bool:
    """'iPhone 11', 'Windows 10', 'Big 12': a bare number right after a capitalised name."""
    previous = _PREVIOUS_WORD.search(before)
    if not previous or not before[:previous.start()].strip():
        return False  # sentence-initial words are capitalised anyway
    word = previous.group(1)
    if before.rstrip()[-1:] in ",:":
        return False
    return _name_like(word) and word.lower().rstrip(".") not in _FUNCTION_WORDS


def _spelled_idiom(before: str, after: str, text: str) -> bool:
    """'one of the best', 'no one', 'Formula One': spelled numbers that count nothing."""
    lowered = text.lower()
    if lowered == "one" and (_ONE_NOT_A_NUMBER_BEFORE.search(before) or _ONE_NOT_A_NUMBER_AFTER.match(after)):
        return True
    if lowered in ("one", "ones") and re.match(r"\s+(?:who|that|which|whose)\b", after):
        return True  # "the one who", "one that was"
    return text[:1].isupper() and bool(before.strip()) and _after_a_name(before)

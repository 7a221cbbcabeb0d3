"""Numbers that are not quantities to check: dates, times, ordinals, names and idioms.

"in 2009", "September 8", "9:45 PM", "21st", "Galaxy 7", "COVID-19", "No. 3", "one of the
best": a fact-checker reads none of these as a figure, and each one would be a false alarm
later on. Decisions use the words around the number only, so they are cheap and local.
"""

from __future__ import annotations

import re

from factcheck.extract.dates import MONTHS as MONTH_NUMBERS
from factcheck.extract.numbers import Reading
from factcheck.extract.patterns import ending
from factcheck.extract.units import Unit

# The one month list (extract/dates.py), as capitalised names: "in May" is a date, "may" a verb.
MONTHS = "|".join(name.capitalize() for name in sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH = re.compile(MONTHS)
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?,?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"(?:th|st|nd|rd)?(?:\s+of)?\s+(?:{MONTHS})\b")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"(?::\d\d|\.\d\d\s?(?:am|pm|a\.m\.|p\.m\.))|\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
                         r"|\s?(?:GMT|BST|EST|EDT|PST|PDT|CET|UTC)\b", re.IGNORECASE)
# These three and `_NUMBER_WORDS`, `_PREVIOUS_WORD` end the text before a number: searched with
# `ending`, from its last word only.
_TIME_BEFORE = re.compile(r"\d:$")
_SLASH_BEFORE = re.compile(r"\d/$")
_HYPHEN_BEFORE = re.compile(r"[^\W\d_]-$")
_SLASHED = re.compile(r"/\d")
# The second year of a span written short: "the 2013-14 season", "in 1998–99" (a fiscal year or a
# season), which names a period, not a count of 14 or 99.
_YEAR_SPAN_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d[-–]$")
_DECADE = re.compile(r"'?s\b")
_YEAR_PREPOSITIONS = {
    "in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "between",
    "through", "the", "circa", "early", "late", "mid", "fiscal", "season", "spring", "summer",
    "autumn", "fall", "winter", "election", "budget", "census", "class", "year",
}
# Plural nouns that a year describes ("their 2004 earnings") rather than a number counts.
_YEAR_NOUNS = {
    "earnings", "results", "profits", "sales", "figures", "accounts", "elections", "games", "olympics",
    "levels", "prices", "rates", "budgets", "forecasts", "finals", "awards", "nominations",
    "exams", "championships", "riots", "attacks", "floods", "talks", "polls", "rules", "reforms",
    "plans", "targets", "losses", "revenues", "returns", "statistics", "totals", "holidays", "winners",
}
_NUMBER_WORDS = re.compile(r"\b(?:no\.?|nos\.?|number|#|page|pages|chapter|section|article|room|"
                           r"route|flight|gate|level|grade|tier|phase|stage|round|rank|ranked|stages|levels|grades|"
                           r"tiers|phases|rounds|articles|sections|chapters|clauses|pages|"
                           r"episode|season|series|version|v|channel|platform|line|pg|p|vol|category|"
                           r"cat|gen|generation|mark|mk|type|model|size|studio|track|act|scene|"
                           r"ward|district|zone|block|highway|interstate|bus|exit|unit|apt)\.?\s*#?$",
                           re.IGNORECASE)


def _names_a_number(before: str) -> bool:
    """'No. 3', 'Grade 5', 'world number seven': a word that labels the number after it."""
    return ending(_NUMBER_WORDS, before, blanks="#") is not None


# Airliner model numbers (7x7), read as names where the sentence is about aviation.
_AIRLINER = re.compile(r"7[0-8]7")
_AVIATION = re.compile(r"\b(?:jets?|jetliners?|airliners?|aircraft|planes?|aeroplanes?|airlines?|airways|"
                       r"fleets?|Boeing|Dreamliners?|jumbos?|freighters?|flights?|aviation|airports?)\b",
                       re.IGNORECASE)
_LIST_MARKER = re.compile(r"\)\s")
_LIST_MARKER_BEFORE = re.compile(r"(?:^|[:;,]\s*|\s(?:and|or)\s+|\()\s*\(?$")
# "12 Mill Lane", "40 W 53rd St", "8 Rue Cler": a house number before its street.
_STREET = r"(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Drive|Boulevard|Blvd|Place|Square|Court|Terrace|Close|" \
          r"Crescent|Highway)\b"
_ADDRESS = re.compile(rf"(?:\s+[A-Z][\w.]*){{1,4}}\s+{_STREET}"
                      rf"|(?:\s+[NSEW]\.?)?\s+\d{{1,3}}(?:st|nd|rd|th)\s+{_STREET}"
                      r"|\s+(?:Ave|Avenue|Rue|Via|Calle|Avenida)\s+[A-Z]")
# "the 90210 ZIP code", "an 0161 area code": the number is the code.
_CODE_AFTER = re.compile(r"\s+(?:ZIP|zip|Zip|postal|post|area|dialling|dialing)[\s-]?codes?\b", re.IGNORECASE)
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'.-]*)[,:]?\s+$")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'-]*)")
# Capitalised words that start clauses rather than name a product ("With 275", "About 40").
_FUNCTION_WORDS = {
    "the", "a", "an", "about", "around", "some", "with", "of", "for", "and", "but", "or", "in", "on",
    "at", "by", "to", "from", "only", "just", "nearly", "almost", "over", "under", "more", "less",
    "than", "all", "another", "after", "before", "since", "until", "while", "when", "if", "as",
    "roughly", "approximately", "these", "those", "this", "that", "its", "their", "his",
    "her", "our", "my", "your", "were", "was", "are", "is", "had", "has", "have", "top", "first",
    "last", "past", "next", "every", "each", "between", "among", "up", "down", "least", "most",
    "estimated", "killing", "including", "reported", "cost", "costs", "paid",
}
_ONE_NOT_A_NUMBER_BEFORE = re.compile(
    r"\b(?:no|any|every|some|the|this|that|which|each|such|a|another|last|same)(?:\s+|-)$",
    re.IGNORECASE)
# "one" with no noun after it stands for a noun said before ("a deal similar to one between").
_ONE_AS_PRONOUN = re.compile(
    r"\s*(?:[^\w\s]|$)|\s+(?:who|that|which|whose|in|on|at|for|to|from|with|between|and|or|but|is|was|"
    r"are|were|has|have|had|will|would|can|could|planned|called|named|like|as)\b")
_ONE_NOT_A_NUMBER_AFTER = re.compile(r"\s+(?:of|another|by\s+one|or\s+(?:another|other|two))\b|\s+\d"
                                     r"|'s\b|\s+(?:day|time)\s*,", re.IGNORECASE)


# "a five-year plan" (but "a five-year-old"), "one-off", "2019-20", "one can only hope".
_DESCRIBING = re.compile(r"-(?!\w+-old)")
_HYPHEN_WORD = re.compile(r"-[^\W\d_]")
_SPAN_AFTER = re.compile(r"[-–/]\d\d\b")
_MODAL_AFTER = re.compile(r"\s+(?:can|could|would|should|must|might|may|will|shall)\b")


def _name_like(word: str) -> bool:
    return any(ch.isupper() for ch in word)


def not_a_quantity(sentence: str, reading: Reading, unit: Unit | None, figure_end: int) -> bool:
    """Whether `reading` (with its `unit` if any; its figure ends at `figure_end`) is no quantity."""
    text = sentence[reading.start:reading.end]
    # Bounded windows around the number: reading all of a long sentence per number is quadratic.
    before = sentence[max(0, reading.start - 120):reading.start]
    after = sentence[reading.end:reading.end + 120]
    if reading.kind != "number":
        return False
    if unit is not None and unit.dimension == "time" and _DESCRIBING.match(after):
        return True  # "a five-year plan", "a two-month contract": part of a description
    if reading.spelled and unit is not None and unit.dimension == "currency" and after.startswith("-"):
        return True  # "a billion-dollar deal" describes the deal's size class
    if unit is None and _names_a_number(before):
        return True  # "No. 3", "world number seven", "Grade 5"
    if unit is None and text.lower() == "one" and _HYPHEN_WORD.match(after):
        return True  # "one-off gains", "a one-sided game"; "a four-wheel buggy" does count
    if reading.spelled:
        return _spelled_idiom(before, after, text)
    if reading.currency is not None:
        return False
    if _LIST_MARKER.match(after) and (_LIST_MARKER_BEFORE.search(before) or _follows_a_marker(before, text)):
        return True  # "1) cut costs, 2) sell land", "1) cut costs 2) sell land": the items' numbers
    if ending(_TIME_BEFORE, before) or _TIME_AFTER.match(after) or _ORDINAL.match(after):
        return True
    if _SLASHED.match(after) or ending(_SLASH_BEFORE, before) or before.endswith(("#", "[", "'")):
        return True
    if len(text) in (2, 4) and text.isdigit() and ending(_YEAR_SPAN_BEFORE, before):
        return True  # "2013-14", "1990-2000"
    whole = reading.decimals == 0 and reading.magnitude == 1.0 and "," not in text
    if whole and _ADDRESS.match(sentence, reading.end):
        return True  # before the unit: "14 W 12th St" is no wattage
    if unit is not None and unit.dimension not in ("count",) and not _DECADE.match(after):
        return False
    if ending(_HYPHEN_BEFORE, before) or (after[:1].isalpha() and not _DECADE.match(after)):
        return True  # "COVID-19", "F-16", "MX-200", "round-16", "3D", "5G"
    if whole and _DECADE.match(after):
        return True  # "the 1990s", "in her 40s"
    if whole and 1000 <= reading.value <= 2200 and len(text) == 4 \
            and _is_year(before, after, sentence[figure_end:figure_end + 40]):
        return True
    if whole and 1 <= reading.value <= 31 and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)
                                                or _MONTH_AFTER.match(sentence, figure_end)):
        return True  # "May 3", "3 May", and the days of "on 3 or 4 May"
    if whole and _AIRLINER.fullmatch(text) and _AVIATION.search(sentence):
        return True  # "its 787 fleet", "ten 777 jets": airliner models, not counts
    if whole and (_ADDRESS.match(sentence, figure_end) or _CODE_AFTER.match(after)):
        return True  # "5 Park Lane", "the 10023 ZIP code"
    return whole and _after_a_name(before)


def _follows_a_marker(before: str, text: str) -> bool:
    """Whether the list item before this one was marked with the number just below ("1) ... 2)")."""
    if not text.isdigit() or not 2 <= int(text) <= 99:
        return False
    return re.search(rf"(?:^|[\s(:;,]){int(text) - 1}\)\s", before) is not None


_LIST_JOIN = re.compile(r"(?:\s*,)?\s*(?:and|or|&)\s+|\s*,\s*")


def is_label(sentence: str, reading: Reading, unit: Unit | None) -> bool:
    """Whether a rejected bare number names something ("Stage 2", "Boeing 737") rather than
    being a date or a time: the numbers listed after it are names too."""
    before = sentence[max(0, reading.start - 120):reading.start]
    plain = unit is None and reading.kind == "number" and not reading.spelled
    return plain and (_names_a_number(before) or _after_a_name(before))


def continues_labels(sentence: str, label_end: int, reading: Reading, unit: Unit | None) -> bool:
    """"Stages 2, 3 and 4", "Articles 5 or 6": a bare number listed right after a label."""
    plain = unit is None and reading.kind == "number" and reading.decimals == 0 and reading.value < 1000
    join = _LIST_JOIN.fullmatch(sentence, label_end, reading.start)
    if not plain or not join:
        return False
    # after a bare comma the list must go on ("2, 3 and 4"); "Boeing 737, 40 of which" ends it
    return join.group().strip() != "," or bool(_LIST_GOES_ON.match(sentence, reading.end))


_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)")


def _is_year(before: str, after: str, after_figure: str) -> bool:
    """A four-digit number reads as a year unless a plural noun follows it ("2000 workers")."""
    if _SPAN_AFTER.match(after):
        return True  # "2019-20"
    previous = ending(_PREVIOUS_WORD, before, blanks=",:")
    if previous and (previous.group(1).lower().rstrip(".") in _YEAR_PREPOSITIONS
                     or _MONTH.fullmatch(previous.group(1).rstrip(".,"))):
        return True
    following = _NEXT_WORD.match(after_figure)
    if following:
        word = following.group(1)
        verb = _OBJECT_AFTER.match(after_figure, following.end())  # "2004 offers the chance"
        if word.islower() and word.endswith("s") and len(word) > 3 and word not in _YEAR_NOUNS \
                and not verb:
            return False
    return True


_OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|its|their|this|that|these|those|us|them|me|him|her|our|"
                           r"some|more|no)\b")


def _after_a_name(before: str) -> bool:
    """'Galaxy 7', 'Windows 10', 'Route 66': a bare number right after a capitalised name."""
    previous = ending(_PREVIOUS_WORD, before, blanks=",:")
    if not previous or before.rstrip()[-1:] == ",":
        return False
    word = previous.group(1)
    if word.endswith(("'s", "’s", "s'", "s’")):
        return False  # "the union's 70": a possessive owns the figure, it does not name it
    if not before[:previous.start()].strip() and not any(ch.isupper() for ch in word[1:]):
        return False  # any sentence-initial word is capitalised; "eReader 4" still reads as a name
    return _name_like(word) and word.lower().rstrip(".") not in _FUNCTION_WORDS \
        and not _MONTH.fullmatch(word.rstrip("."))


def _spelled_idiom(before: str, after: str, text: str) -> bool:
    """'one of the few', 'no one', 'Formula One': spelled numbers that count nothing."""
    lowered = text.lower()
    if lowered == "one" and (_ONE_NOT_A_NUMBER_BEFORE.search(before) or _ONE_NOT_A_NUMBER_AFTER.match(after)):
        return True
    if lowered in ("one", "ones") and _ONE_AS_PRONOUN.match(after):
        return True  # "the one who", "a thorny one and", "you will find one in every machine"
    if lowered == "one" and _MODAL_AFTER.match(after):
        return True  # "one can only hope"
    return text[:1].isupper() and bool(before.strip())  # "the Six Nations", "Channel Four"

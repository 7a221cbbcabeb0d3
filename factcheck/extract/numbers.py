"""Read the numbers of a sentence the ways newspapers write them.

Digits with commas and decimals ("12,000", "2.5"), magnitude words and suffixes ("3.4
million", "$2.5bn", "£600m", "25k"), spelled-out numbers ("three million", "twenty-five"),
vague amounts ("several billion", "tens of thousands", "dozens"), fractions ("half", "a
third", "one in five") and multipliers ("doubled", "tenfold"). quantulum3 misreads the
suffixes and drops the vague forms, so numbers are read here and only units are looked up
in its table.

Each reading keeps what its precision needs (decimals, trailing zeros, magnitude): "2.1
million" is rounded to 0.1 million, which `hedges.interval` turns into 2.05-2.15 million.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.extract.patterns import alternation
from factcheck.extract.units import POUND_STERLING, TRANSLITERATED, YEN, Unit, currency_prefix, currency_word

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15}
# Suffixes and abbreviations: "$2.5bn", "£600m" (million only after a currency), "25k", "$1tn".
SUFFIXES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12,
            "trn": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
            "quadrillion": 1e15, "hundred": 1e2, "dozen": 12, "crore": 1e7, "lakh": 1e5}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
             "tenth": 10, "tenths": 10}
MULTIPLIERS = {"twice": 2, "doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3,
               "quadrupled": 4, "halved": 0.5, "halving": 0.5}
# Vague amounts as intervals: "several billion" is 2-9 billion, "millions" 1-10 million.
VAGUE_COUNTS = {"several": (2, 9), "a few": (2, 5), "a couple of": (2, 3)}
PLURAL_SCALES = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
                 "billions": 1e9, "trillions": 1e12}

_WORD_NUMBER = "|".join([*SMALL, *TENS, "hundred", *SCALES, "dozen"])
_SCALE_WORD = "hundred|thousand|million|billion|trillion|quadrillion|dozen"


@dataclass
class Reading:
    """One number in a sentence; offsets are relative to the sentence.

    `decimals` and `trailing_zeros` describe the written mantissa ("2.1" in "2.1 million",
    "12,000" in "12,000"), `magnitude` the multiplier written after it.
    """

    start: int
    end: int
    value: float
    kind: str = "number"  # number, vague, fraction, multiplier
    decimals: int = 0
    trailing_zeros: int = 0
    magnitude: float = 1.0
    vague: tuple[float, float] | None = None
    currency: Unit | None = None
    spelled: bool = False

    @property
    def has_magnitude(self) -> bool:
        return self.magnitude != 1.0 or self.kind == "vague"


def _mantissa(text: str) -> tuple[float, int, int]:
    """(value, decimals, trailing zeros of the integer) of a digit string like '12,000' or '2.50'."""
    plain = text.replace(",", "")
    whole, _, decimals = plain.partition(".")
    zeros = len(whole) - len(whole.rstrip("0")) if not decimals and whole.strip("0") else 0
    return float(plain), len(decimals), zeros


_DIGITS = re.compile(r"\.?\d(?:[\d,.]*\d)?")
_VALID_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")
_SUFFIX_AFTER = re.compile(
    r"(?:(?P<attached>bn|mn|mln|tn|trn|[mMkKbB])|[\s-]?(?P<hundred>hundred\s)?(?P<word>hundred|thousand|"
    r"million|billion|trillion|quadrillion|dozen|crore|lakh)s?)(?![^\W\d_])", re.IGNORECASE)
_FOLD = re.compile(r"-?fold\b", re.IGNORECASE)
# Nouns that "5m" counts in millions, never measures in metres.
_COUNTED_IN_MILLIONS = re.compile(
    r"(?:people|workers|users|barrels|shares|customers|viewers|homes|households|visitors|votes|copies|"
    r"subscribers|passengers|tonnes|tons|jobs|children|adults|members|patients|students|listeners|fans|"
    r"tickets|vehicles|cars|phones|devices|accounts|downloads|units|residents|citizens|voters|"
    r"consumers|readers|animals|trees|doses|cases|hits|pages|sales)\b")
# "2m Europeans", "1.5m Muslims": a capitalised plural after "m" names people, counted in millions.
_PEOPLE_IN_MILLIONS = re.compile(r"[A-Z][a-z]+(?:ans|ims|ics|ers|ons|ists|ites|ese)\b")
# The nouns a whole in millions counts: a plural ("3m voters"), not a measured thing ("a 50m pool").
_PLURAL = r"(?:people|[^\W\d_]+s)\b"
# "1.2m of the country's 3m voters": a part read on the scale of its whole.
_PART_OF_MILLIONS = re.compile(
    r"of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w.]*(?:'s|’s))\s[^.;:\d]{0,40}"
    r"\d[\d,.]*\s?(?:million\b|(?:m|mn)\s+" + _PLURAL + ")")
# "0.8m of the county's 1.3m Hindus": the whole of a part in millions is in millions too.
_WHOLE_OF_MILLIONS = re.compile(
    r"\d\s?(?:m|mn|million)\s+of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w.]*(?:'s|’s))\s"
    r"[^.;:\d]{0,40}\d[\d,.]*$")
_MINUS = re.compile(r"\bminus[\s-]$", re.IGNORECASE)
_EXPONENT = re.compile(r"\s?[×x]\s?10\^?([−–-]?\d{1,2})\b")


def _suffix(sentence: str, end: int, currency: Unit | None) -> tuple[int, float] | None:
    """A magnitude written right after the digits ending at `end`: (new end, multiplier); a second
    scale word right after the first multiplies it, as written ("3 thousand million" is 3e9, and a
    slip such as "$4bn trillion" reads as the impossible amount it says, not as $4bn)."""
    found = _single_suffix(sentence, end, currency)
    if found is None:
        return None
    more = _SECOND_SCALE.match(sentence, found[0])
    if more:
        return more.end(), found[1] * SCALES[more.group(1).lower()]
    return found


_SECOND_SCALE = re.compile(r"\s(thousand|million|billion|trillion)(?![\w-])", re.IGNORECASE)


def _single_suffix(sentence: str, end: int, currency: Unit | None) -> tuple[int, float] | None:
    match = _SUFFIX_AFTER.match(sentence, end)
    if not match:
        return None
    if match.group("word"):  # "4 hundred million" too
        return match.end(), SUFFIXES[match.group("word").lower()] * (100 if match.group("hundred") else 1)
    letters = match.group("attached")
    if letters == "m":  # "£600m" is money, "100m hurdles" metres, "1.2m people" and "5m euros" millions
        following = sentence[match.end():match.end() + 40].lstrip()
        counted = currency_word(following, True) or _COUNTED_IN_MILLIONS.match(following) \
            or _PEOPLE_IN_MILLIONS.match(following) or _PART_OF_MILLIONS.match(following) \
            or (_WHOLE_OF_MILLIONS.search(sentence, max(0, match.start() - 80), match.start())
                and re.match(_PLURAL, following))
        if currency is None and not counted:
            return None
    elif letters in ("b", "B") and currency is None:
        return None
    return match.end(), SUFFIXES[letters.lower()]


def _digit_readings(sentence: str) -> list[Reading]:
    readings = []
    for match in _DIGITS.finditer(sentence):
        text, start, end = match.group(), match.start(), match.end()
        if not _VALID_DIGITS.fullmatch(text):
            continue
        before = sentence[max(0, start - 12):start]  # enough for "US$" or "$-", and linear overall
        value, decimals, zeros = _mantissa(text)
        signed = before[-1:] in ("-", "−") and currency_prefix(before[:-1])  # "$-12.3bn"
        if signed:
            before, value = before[:-1], -value
        prefix = currency_prefix(before) or _transliterated(sentence, before, text, end)
        currency = None
        if prefix:
            start -= prefix[0] + (1 if signed else 0)
            currency = prefix[1]
        elif before[-1:].isalpha() or before[-1:] == "_":
            continue  # "F35", "A380", "PS5": part of a name
        minus = _MINUS.search(sentence, max(0, start - 8), start)
        if minus:
            start, value = minus.start(), -value
        elif _is_negative(sentence, start):
            start -= 1
            value = -value
        reading = Reading(start, end, value, decimals=decimals, trailing_zeros=zeros, currency=currency)
        exponent = _EXPONENT.match(sentence, end)
        if exponent:  # "6.02×10^23"
            reading.magnitude = 10.0 ** int(exponent.group(1).replace("−", "-").replace("–", "-"))
            reading.end, reading.value = exponent.end(), value * reading.magnitude
            readings.append(reading)
            continue
        suffix = _suffix(sentence, end, currency)
        if suffix:
            reading.end, reading.magnitude = suffix
            reading.value *= reading.magnitude
        else:
            fold = _FOLD.match(sentence, end)
            if fold:
                reading.end, reading.kind = fold.end(), "multiplier"
        readings.append(reading)
    return readings


def _transliterated(sentence: str, before: str, digits: str, end: int) -> tuple[int, Unit] | None:
    """"Y=590 billion", "PS2.7m": a transliterated yen or pound sign (`units.TRANSLITERATED`)."""
    if not before.endswith(("PS", "Y=")):
        return None
    match = TRANSLITERATED.search(before)
    if match is None:
        return None
    if match.group("yen"):
        return 2, YEN
    money_like = "," in digits or "." in digits or _suffix(sentence, end, POUND_STERLING) is not None
    return (2, POUND_STERLING) if money_like else None


def _is_negative(sentence: str, start: int) -> bool:
    """A minus sign written against the number, not a hyphen between two numbers."""
    if start == 0 or sentence[start - 1] not in "-−":
        return False
    if start == 1:
        return True
    before = sentence[max(0, start - 20):start - 1]
    return before[-1] in " (\u00a0" and not before.rstrip()[-1:].isdigit()


def _parse_words(words: list[str]) -> tuple[float, int, float] | None:
    """Value, words used and magnitude of a spelled-out number ("two hundred and fifty thousand")."""
    total, current, used, magnitude, last = 0.0, 0.0, 0, 1.0, ""
    for word in words:
        if word in SMALL and last not in SMALL and not (last in TENS and SMALL[word] >= 10):
            current += SMALL[word]
        elif word in TENS and last not in SMALL and last not in TENS:
            current += TENS[word]
        elif word == "hundred" and last in (*SMALL, *TENS, "a", "an"):
            current = (current or 1) * 100
        elif word == "dozen" and last in (*SMALL, "a", "an"):
            current = (current or 1) * 12
        elif word in SCALES and last not in SCALES:
            total += (current or 1) * SCALES[word]
            current, magnitude = 0.0, SCALES[word]
        elif (word == "and" and last == "hundred") or (word in ("a", "an") and used == 0):
            pass
        else:
            break
        used += 1
        last = word
    while used and words[used - 1] in ("and", "a", "an"):
        used -= 1
    if used == 0 or (words[0] in ("a", "an") and used == 1):
        return None
    value = total + current
    if magnitude != 1.0 and current:  # "two million three hundred": precision is the last word
        magnitude = 1.0
    return value, used, magnitude


# Each word of a run stands between blanks, hyphens or word boundaries, so it is a whole word:
# which word is tried first cannot change a match, and the factored alternation tries fewer.
_WORD_NUMBERS = alternation([*SMALL, *TENS, "hundred", *SCALES, "dozen"])
_WORD_RUN = re.compile(
    rf"\b(?:(?:an?|half an?)[\s-]+(?={_SCALE_WORD}\b))?{_WORD_NUMBERS}"
    rf"(?:(?:[\s-]++|\s++and\s++){_WORD_NUMBERS})*\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+")


def _word_readings(sentence: str) -> list[Reading]:
    readings = []
    position = 0
    while match := _WORD_RUN.search(sentence, position):
        tokens = list(_TOKEN.finditer(match.group()))
        words = [t.group().lower() for t in tokens]
        half = words[0] == "half"
        if half:
            tokens, words = tokens[1:], words[1:]
        parsed = _parse_words(words)
        if parsed is None:  # "billion and two": read on from the next word
            position = match.start() + tokens[0].end()
            continue
        value, used, magnitude = parsed
        end = match.start() + tokens[used - 1].end()
        position = end
        value = value / 2 if half else value
        mantissa = value / magnitude
        zeros = 0
        if mantissa == int(mantissa) and mantissa:
            digits = str(int(mantissa))
            zeros = len(digits) - len(digits.rstrip("0"))
        start = match.start()
        minus = _MINUS.search(sentence, max(0, start - 8), start)
        if minus:  # "minus five percent"
            start, value = minus.start(), -value
        readings.append(Reading(start, end, value, trailing_zeros=zeros,
                                decimals=1 if half else 0, magnitude=magnitude, spelled=True))
    return readings


_VAGUE = re.compile(
    r"\b(?:(?P<count>several|a few|a couple of)\s+(?P<scale>hundred|thousand|million|billion|trillion"
    r"|dozen)|(?P<plural>tens|dozens|hundreds|thousands|millions|billions|trillions)"
    r"(?:\s+of\s+(?P<of>thousand|million|billion|trillion)s?)?)\b", re.IGNORECASE)


def _vague_readings(sentence: str) -> list[Reading]:
    readings = []
    for match in _VAGUE.finditer(sentence):
        if match.group("count"):
            low, high = VAGUE_COUNTS[match.group("count").lower()]
            scale = SUFFIXES[match.group("scale").lower()]
        else:
            scale = PLURAL_SCALES[match.group("plural").lower()]
            if match.group("of"):  # "tens of thousands", and the slip "tens of thousand"
                scale *= SCALES[match.group("of").lower()]
            low, high = 1, 10
        readings.append(Reading(match.start(), match.end(), low * scale, kind="vague",
                                magnitude=scale, vague=(low * scale, high * scale), spelled=True))
    return readings


_NUMERATOR = "a|an|one|two|three|four|five|six|seven|eight|nine"
# "3/8 of an inch": a fraction only with "of" after it; "24/7" and "9/11" are not.
_SLASH_FRACTION = re.compile(r"\b(\d{1,3})\s?[/\u2044]\s?(\d{1,4})\b(?=\s+of\b)")
_FRACTION = re.compile(
    rf"\b(?P<num>{_NUMERATOR})[\s-]+(?P<den>{'|'.join(FRACTIONS)})\b(?!-\w)"
    r"|\bhalf\b(?=\s+(?:of|the|its|their|his|her|our|all|them|those|these|that|this|a|an)\b)"
    r"|\b(?P<n>one|two|three|four|five|\d{1,3})\s+(?:in|out of)\s+"
    r"(?P<m>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,4})\b",
    re.IGNORECASE)
_FRACTION_END = re.compile(r"\s+of\b|\s*[^\w\s-]|\s*$")
_NOT_BEFORE_HALF = re.compile(r"\b(?:first|second|third|fourth|other|final|opening|latter|better|"
                              r"each|the)\s+$", re.IGNORECASE)


def _number_word(word: str) -> float:
    word = word.lower()
    if word.isdigit():
        return float(word)
    return float({"a": 1, "an": 1, "hundred": 100, "dozen": 12, **SMALL, **TENS, **SCALES}[word])


def _fraction_readings(sentence: str) -> list[Reading]:
    readings = []
    for match in _FRACTION.finditer(sentence):
        if match.group("den"):
            end = _FRACTION_END.match(sentence, match.end())
            single = match.group("num").lower() in ("a", "an", "one")
            if "-" not in match.group() and not (end and (single or end.group().strip() == "of")):
                continue  # "a third penalty", "the preceding three quarters": ordinals and periods
            value = _number_word(match.group("num")) / FRACTIONS[match.group("den").lower()]
        elif match.group("n"):
            whole = _number_word(match.group("m"))
            if whole == 0 or 1000 <= whole <= 2100:
                continue  # "one in 2019" is a date
            value = _number_word(match.group("n")) / whole
            if value > 1:
                continue
        else:
            if _NOT_BEFORE_HALF.search(sentence, max(0, match.start() - 20), match.start()):
                continue
            value = 0.5
        readings.append(Reading(match.start(), match.end(), value, kind="fraction", spelled=True))
    for match in _SLASH_FRACTION.finditer(sentence) if "/" in sentence or "\u2044" in sentence else ():
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if 0 < numerator < denominator:
            readings.append(Reading(match.start(), match.end(), numerator / denominator, kind="fraction"))
    return readings


# "a quarter of a million", "three quarters of a billion": one number, not a fraction and a scale.
_FRACTION_OF_SCALE = re.compile(
    rf"\b(?P<num>{_NUMERATOR})[\s-]+(?P<den>{'|'.join(FRACTIONS)})\s+of\s+an?\s+"
    r"(?P<scale>thousand|million|billion|trillion)\b", re.IGNORECASE)
# "a six-figure salary": an amount with that many digits before the decimal point.
_DIGIT_COUNT = re.compile(
    r"\b(?P<n>[2-9]|two|three|four|five|six|seven|eight|nine|ten)[\s-]figures?(?=\s+[^\W\d_])",
    re.IGNORECASE)


# "8 1/2 miles", "a 3/4 inch gap": a written fraction measuring something, not a share of a whole.
_MIXED = re.compile(r"\b(?:(?P<whole>\d{1,4})\s)?(?P<num>\d)/(?P<den>[234568]|16|10|12)\b"
                    r"(?=[\s-][^\W\d_])(?![\s-](?:of|in|out)\b)")


# "three and a half years", "two-and-a-half times", "1½ per cent", "2¾ million": a whole and a
# written fraction are one number, and a scale after them multiplies both.
_SMALL_WHOLE = "|".join([*SMALL, *TENS])
_AND_A_HALF = re.compile(rf"\b(?P<whole>\d{{1,3}}|{_SMALL_WHOLE})(?:\s+and\s+a\s+|-and-a-)half\b",
                         re.IGNORECASE)
_VULGAR = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8}
_VULGAR_CHAR = re.compile("[" + "".join(_VULGAR) + "]")
_VULGAR_NUMBER = re.compile(r"(?<![\d.,])(?P<whole>\d{1,3})?(?P<part>[½¼¾⅓⅔⅛])")


def _whole_and_part_readings(sentence: str, lower: str) -> list[Reading]:
    readings = []
    for match in _AND_A_HALF.finditer(sentence) if "half" in lower else ():
        whole = match["whole"]
        value = (float(whole) if whole.isdigit() else _number_word(whole)) + 0.5
        readings.append(_scaled(sentence, match.start(), match.end(), value, not whole.isdigit()))
    for match in _VULGAR_NUMBER.finditer(sentence) if not sentence.isascii() else ():
        value = float(match["whole"] or 0) + _VULGAR[match["part"]]
        of = sentence.startswith(" of ", match.end())
        reading = _scaled(sentence, match.start(), match.end(), value, False)
        if match["whole"] is None and of:  # "½ of the vote" is a share, "½ mile" a measure
            reading.kind = "fraction"
        readings.append(reading)
    return readings


def _scaled(sentence: str, start: int, end: int, value: float, spelled: bool) -> Reading:
    """A number to the half or quarter, with the magnitude written after it ("two and a half million")."""
    reading = Reading(start, end, value, decimals=1, spelled=spelled)
    suffix = _suffix(sentence, end, None)
    if suffix:
        reading.end, reading.magnitude = suffix
        reading.value *= reading.magnitude
    return reading


def _sized_readings(sentence: str) -> list[Reading]:
    # Each pattern below needs a character or word looked for first: "half", "½", "/", "of" (their
    # letters match no character but themselves and their capitals, so the lower-cased sentence
    # holds them wherever a pattern could match).
    lower = sentence.lower()
    readings = _whole_and_part_readings(sentence, lower)
    for match in _MIXED.finditer(sentence) if "/" in sentence else ():
        numerator, denominator = int(match.group("num")), int(match.group("den"))
        if not 0 < numerator < denominator or sentence[match.start() - 1:match.start()] in ("/", "-"):
            continue
        value = int(match.group("whole") or 0) + numerator / denominator
        readings.append(Reading(match.start(), match.end(), value, decimals=2))
    for match in _FRACTION_OF_SCALE.finditer(sentence) if "of" in lower else ():
        scale = SCALES[match.group("scale").lower()]
        share = _number_word(match.group("num")) / FRACTIONS[match.group("den").lower()]
        readings.append(Reading(match.start(), match.end(), share * scale, decimals=2, magnitude=scale,
                                spelled=True))
    for match in _DIGIT_COUNT.finditer(sentence):
        digits = int(_number_word(match.group("n")))
        low, high = 10.0 ** (digits - 1), 10.0 ** digits
        readings.append(Reading(match.start(), match.end(), low, kind="vague", vague=(low, high)))
    return readings


# "twice as tall" multiplies; "won twice" counts occasions and is left alone.
_MULTIPLIER = re.compile(
    rf"\b(?:twice(?=\s+(?:as\s+(?-i:[a-z])|the\b|that\b|than\b|what\b))"
    rf"|(?P<word>{'|'.join(m for m in MULTIPLIERS if m != 'twice')})"
    rf"|(?P<fold>{_WORD_NUMBER})-?fold)\b", re.IGNORECASE)


def _multiplier_readings(sentence: str) -> list[Reading]:
    readings = []
    for match in _MULTIPLIER.finditer(sentence):
        if match.group("fold"):
            value = _number_word(match.group("fold"))
        else:
            value = MULTIPLIERS[(match.group("word") or "twice").lower()]
        readings.append(Reading(match.start(), match.end(), float(value), kind="multiplier",
                                spelled=True))
    return readings


def read_numbers(sentence: str) -> list[Reading]:
    """Every number in `sentence`, left to right; where readings overlap the longest wins."""
    # Each reader's pattern needs one of a few whole words (or a character) to match at all: the
    # sentence's words among those are found first, and most readers never scan a sentence.
    lower = sentence.lower()
    words = set(_GATE_WORD.findall(lower))
    slash = "/" in sentence or "\u2044" in sentence
    found = [  # in this order: of readings with the same span, the first one wins
        *(_sized_readings(sentence) if slash or "figure" in lower or not _FRACTION_WORDS.isdisjoint(words)
          or (not sentence.isascii() and _VULGAR_CHAR.search(sentence)) else ()),
        *(_vague_readings(sentence) if not _VAGUE_WORDS.isdisjoint(words) else ()),
        *(_fraction_readings(sentence) if slash or not _SHARE_WORDS.isdisjoint(words) else ()),
        *(_word_readings(sentence) if not _RUN_WORDS.isdisjoint(words) else ()),
        *_digit_readings(sentence),
        *(_multiplier_readings(sentence) if "fold" in lower or not _MULTIPLIER_WORDS.isdisjoint(words)
          else ()),
    ]
    found = [reading for reading in found if math.isfinite(reading.value)]  # "1e400" overflows
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    chosen: list[Reading] = []
    for reading in found:
        if chosen and reading.start < chosen[-1].end:
            continue
        chosen.append(reading)
    return chosen


_DIGIT = re.compile(r"\d")
# The words each reader's pattern cannot match without (see `read_numbers`).
_RUN_WORDS = frozenset(word.lower() for word in (*SMALL, *TENS, "hundred", *SCALES, "dozen"))
_VAGUE_WORDS = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen", *PLURAL_SCALES))
_FRACTION_WORDS = frozenset(FRACTIONS)
_SHARE_WORDS = frozenset((*FRACTIONS, "half", "in", "out"))
_MULTIPLIER_WORDS = frozenset(MULTIPLIERS)
# Any of them as a whole word: a set of the words found by it shares with each of them what the set
# of all the sentence's words would.
_GATE_WORD = re.compile(
    rf"\b{alternation(_RUN_WORDS | _VAGUE_WORDS | _FRACTION_WORDS | _SHARE_WORDS | _MULTIPLIER_WORDS)}\b")
_NUMBER_WORDS = frozenset(word.lower() for word in (*SMALL, *TENS, "hundred", *SCALES, "dozen",
                                                    *PLURAL_SCALES, *FRACTIONS, *MULTIPLIERS))


def has_number(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] may hold a figure: a digit, "½", a number word or a "-fold" word.

    Most sentences that hold one hold a digit, found at once; the words are then looked for with
    one alternation factored by their common beginnings (`patterns.alternation`).
    """
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end):
        return True
    chunk = text[start:end].lower()
    if not chunk.isascii() and _VULGAR_CHAR.search(chunk):
        return True
    if _NUMBER_WORD.search(chunk):
        return True
    return "fold" in chunk and _FOLD_WORD.search(chunk) is not None


_NUMBER_WORD = re.compile(rf"\b{alternation(_NUMBER_WORDS)}\b")
_FOLD_WORD = re.compile(r"(?<=\w)fold\b")  # the end of a word longer than "fold" ("tenfold")

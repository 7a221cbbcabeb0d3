"""Quantity extraction, one sentence at a time: numbers, units, ranges, filters, hedges, concepts.

Sentences without a digit or a number word are skipped, and every step looks only at the
sentence and a few words around each number, so the cost grows linearly with the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factcheck.documents import Document
from factcheck.extract.concepts import sentence_concepts
from factcheck.extract.filters import continues_labels, is_label, not_a_quantity
from factcheck.extract.hedges import HEDGE_PATTERN, hedge_after, hedge_before, interval
from factcheck.extract.numbers import Reading, has_number, read_numbers
from factcheck.extract.patterns import ending
from factcheck.extract.schema import Row, row_order, to_table
from factcheck.extract.sentences import split_sentences
from factcheck.extract.units import (
    COUNT,
    CURRENCY_PREFIXES,
    DOLLAR,
    FRACTION,
    MULTIPLIER,
    Unit,
    compound_after,
    currency_word,
    unit_after,
)

if TYPE_CHECKING:
    import pandas as pd

AGE = Unit("year", "time")
# Degrees with no scale, in a sentence about heat, are a temperature (or a difference of one) whose
# scale the text leaves open: no conversion between Celsius and Fahrenheit can be checked on it.
TEMPERATURE = Unit("degree", "temperature")
_TEMPERATURE_WORDS = re.compile(r"\b(?:temperatures?|thermostat|thermometer|fever|heat(?:ing|wave)?|"
                                r"warm(?:er|est|ing)?|cool(?:er|est|ing)?|hot(?:ter|test)?|cold(?:er|est)?|"
                                r"oven|freezing|boiling|weather|forecast|celsius|fahrenheit)\b",
                                re.IGNORECASE)
# How far around a number its words are read: bounded, so a long sentence costs linear time.
_AROUND = 120


@dataclass(frozen=True)
class SetAside:
    """A number read but judged no quantity ("in 2009", "5 May", "21st"), in document offsets."""

    start: int
    end: int
    value: float


@dataclass
class Figure:
    """A quantity being assembled: one reading, or two joined as a range."""

    readings: list[Reading]
    unit: Unit
    start: int
    end: int
    qualifier: str = "exact"
    mode: str = "exact"
    bounds: tuple[float, float] | None = None

    @property
    def first(self) -> Reading:
        return self.readings[0]


# A rate after the unit: "$900 a week", "40 cents per share", "2 metres per decade".
_RATE = re.compile(
    r"(?P<sep>\s+(?:per|a|an|each)\s+|\s?/\s?)(?P<per>hour|day|week|month|year|annum|share|barrel|"
    r"gallon|litre|liter|ounce|gram|kilo|kilogram|kg|tonne|ton|square (?:foot|feet|metre|meter|mile)|"
    r"sq ft|sq m|sq km|head|person|night|mile|kilometre|km|century|decade|kWh|MWh|unit|seat|mmBtu|"
    r"MMBtu|mmBTU|MMBTU)\b")
# Between an amount and its rate: a bracketed conversion after it, or the bracket it stands in.
_ASIDE = re.compile(r"\s?\([^()]{1,40}\)|\)")
# "tonnes of carbon dioxide a year", "litres of water per second": what is measured, then the rate.
_MATERIAL_MEASURES = {"mass", "volume", "energy"}
_OF_MATERIAL = re.compile(r"\s+of\s+(?:[^\W\d_][\w-]*\s+)?[^\W\d_][\w-]*(?=\s?/|\s+(?:per|a|an|each)\s)")
_SPEED_OVER = {"hour", "day", "week", "month", "year", "century", "decade"}
_NOT_A_RATE = re.compile(r"\s+(?:earlier|ago|before|later|after|on)\b")
_OF = re.compile(r"\s+of\s+")
_DOLLAR_NATIONS = {"U.S.": "US$", "US": "US$", "USD": "US$", "Cdn": "C$", "CDN": "C$", "CAD": "C$"}
_DOLLAR_NATION = re.compile(r"\s(U\.S\.|USD?|Cdn|CDN|CAD)(?=[\s,.;)]|$)")
_OF_ONE = re.compile(r"\s+(?:of\s+)?(?:an?|one)\s(?:(?:US|U\.S\.|imperial)\s)?")
# Words that may stand between a number and its unit.
_BRIDGE = re.compile(r"\s+(?:more|extra|additional|further|full|whole|straight|consecutive|successive|"
                     r"long|short|rushing|passing|receiving|square|cubic|US|U\.S\.|imperial)\s")
# "nine times as much", "3.5 times higher": a multiplier; "won three times" counts occasions.
_TIMES = re.compile(r"\s+times(?=\s+(?:as|more|less|larger|bigger|higher|greater|smaller|faster|slower|"
                    r"lower|longer|cheaper|taller|heavier|wider|deeper|stronger|older|richer|hotter|louder|"
                    r"brighter|costlier|likelier|the|that|what|over)\b)")
# Ages: "aged 35", "over the age of 18", "life expectancy is about 79", "she turns 40 in May",
# and "Okoro, 71, said" (a name, then the age between commas).
_AGED = re.compile(r"\b(?:aged|age of|died\b[^.,;:]{0,30}\bat)\s$", re.IGNORECASE)
_AGED_LONGEST = len("died") + 30 + len("at")
_LIFE_EXPECTANCY = re.compile(r"\bexpectancy\b[^.,;:\d]{0,40}?\b(?:of|is|was|at|to|reached|reaches|stands at|"
                              r"stood at)(?:\s(?:around|about|roughly|nearly|almost|just|over|under|only))?"
                              r"\s$", re.IGNORECASE)
_TURNED = re.compile(r"\bturn(?:s|ed|ing)\s$", re.IGNORECASE)
_TURNED_AFTER = re.compile(r"[,.;:)]|\s*$|\s+(?:and|but|on|in|this|next|last|later|soon|years?)\b")
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][\w'-]+,\s$")
_AGE_AFTER = re.compile(r"[,.;:)]|\s*$|\s+(?:and|or|to)\b")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")
# "from 36 to just 21 days": a word that stresses the second figure still joins the two.
_RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|to|and|or)\s*(?:(?:just|only|merely|a mere)\s+)?")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_CHANGE_WORDS = (r"by|rose|rise|rises|rising|fell|fall|falls|falling|increased?|increases|increasing|"
                 r"decreased?|decreases|decreasing|grew|grow|grown|growing|jumped|climbed|dropped|"
                 r"declined|slipped|slumped|soared|surged|plunged|cut|raised|reduced|lowered|boosted|"
                 r"up|down|widened|narrowed|went|moved|swung|revised|changed|shrank|expanded|slow|"
                 r"slowed|doubled|tripled|halved|lifted|hiked|trimmed|eased|tightened|relaxed|switched|shifted|"
                 r"leapt|leaped|rocketed|spiked|swelled|tumbled|plummeted|sank|dipped|slid|trebled|quadrupled")
# "fell by more than £600 to £4,850": a hedge may stand between the change and its figure.
_CHANGE_BEFORE = re.compile(rf"\b(?:{_CHANGE_WORDS})\s+(?:(?:{HEDGE_PATTERN})\s+)?$", re.IGNORECASE)
_CHANGE = re.compile(rf"\b(?:{_CHANGE_WORDS})\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
# The last of a list of starting points ("from 1,200 and 800 to 1,500 and 1,000 respectively"): two figures.
_FROM_LIST = re.compile(r"\bfrom\s+[\w$£€¥.,%]+(?:,\s+[\w$£€¥.,%]+){0,4},?\s+and\s+$", re.IGNORECASE)
_TO_NUMBER = re.compile(r"\s+to\s+(?:[$£€¥]|[A-Z]{1,3}\$?\s?)?\d")


def _unit_of(sentence: str, reading: Reading) -> tuple[Unit, int]:
    """The unit written with `reading` and where the figure's span ends."""
    if reading.kind == "fraction":  # "a quarter of a mile", "1/16 of a pint": a measure, not a share
        measured = _OF_ONE.match(sentence, reading.end)
        found = unit_after(sentence[measured.end() - 1:measured.end() + _AROUND], False) if measured else None
        worded = measured is not None and sentence[measured.end():measured.end() + 1].isalpha()
        if found is None or found[1].dimension == "count" or not worded:  # "a third of a £2bn budget"
            return FRACTION, reading.end
        if found[1].name in ("decade", "century"):
            return FRACTION, reading.end  # "half a century": a round length the date relations read
        return found[1], measured.end() - 1 + found[0]
    if reading.kind == "multiplier":
        return MULTIPLIER, reading.end
    unit, end = reading.currency, reading.end
    after = sentence[end:end + _AROUND]
    national = _DOLLAR_NATION.match(after) if unit is DOLLAR else None
    if national:  # "$75 U.S. per barrel", "$1.20 Cdn": the dollar named after the amount
        unit, end = CURRENCY_PREFIXES[_DOLLAR_NATIONS[national.group(1)]], end + national.end()
    if unit is None:
        found = unit_after(after, reading.has_magnitude)
        bridge = _BRIDGE.match(after)
        if found is None and bridge and reading.kind == "number":  # "3 more years", "240 passing yards"
            beyond = unit_after(after[bridge.end() - 1:], reading.has_magnitude)
            if beyond and beyond[1].dimension != "currency":
                found = bridge.end() - 1 + beyond[0], beyond[1]
        of = _OF.match(after)
        if found is None and reading.has_magnitude and of:  # "millions of dollars", "hundreds of miles"
            found = _unit_of_complement(after, of.end())
        if found is None and _is_age(sentence, reading):
            return AGE, end
        times = _TIMES.match(after)
        if found is None and times and reading.kind == "number":
            return MULTIPLIER, end + times.end()
        if found is None:
            return COUNT, end
        end += found[0]
        unit = found[1]
    if unit.name == "degree angle" and _TEMPERATURE_WORDS.search(sentence):
        unit = TEMPERATURE  # "set the thermostat to 85°", "5 degrees warmer": a scale not stated
    rate = _RATE.match(sentence, end)
    if rate is None and unit.dimension == "currency":  # "£5m ($6.5m) a year": both are yearly
        aside = _ASIDE.match(sentence, end)
        rate = _RATE.match(sentence, aside.end()) if aside else None
        if rate is not None and rate.group("sep").strip() in ("a", "an", "per"):
            found_rate = Unit(f"{unit.name} per {_singular(rate.group('per'))}", "currency")
            return (found_rate, end) if not _NOT_A_RATE.match(sentence, rate.end()) else (unit, end)
    if rate is None and unit.dimension in _MATERIAL_MEASURES:  # "2m barrels of oil a day": still a rate
        material = _OF_MATERIAL.match(sentence, end)
        rate = _RATE.match(sentence, material.end()) if material else None
        strict = rate is not None and rate.group("sep").strip() in ("per", "/")
        if rate is not None and (strict or rate.group("per") in _SPEED_OVER) \
                and not _NOT_A_RATE.match(sentence, rate.end()):
            return Unit(f"{unit.name} per {_singular(rate.group('per'))}", "rate"), end
        rate = None
    if rate and _NOT_A_RATE.match(sentence, rate.end()):
        rate = None
    loose = rate is not None and rate.group("sep").strip() in ("a", "an", "each")
    speed = rate is not None and unit.dimension == "length" and rate.group("per") in _SPEED_OVER
    if rate and (unit.dimension in ("currency", "percentage") or not loose or speed):  # "90 miles an hour"
        per = rate.group("per")
        dimension = unit.dimension
        if unit.dimension == "length" and per in _SPEED_OVER:
            dimension = "speed"
        elif unit.dimension not in ("currency", "percentage"):
            dimension = "rate"
        return Unit(f"{unit.name} per {_singular(per)}", dimension), rate.end()
    return unit, end


def _is_age(sentence: str, reading: Reading) -> bool:
    """'Okoro, 71, said': a bare whole number after a name, between commas, is an age."""
    if reading.kind != "number" or reading.decimals or not 1 <= reading.value < 200:
        return False
    window = max(0, reading.start - _AROUND)
    if ending(_AGED, sentence, window, reading.start, longest=_AGED_LONGEST):
        return True
    if "expectancy" in sentence and _LIFE_EXPECTANCY.search(sentence, window, reading.start):
        return True
    if "urn" in sentence[max(0, reading.start - 9):reading.start] \
            and _TURNED.search(sentence, max(0, reading.start - 12), reading.start):
        return bool(_TURNED_AFTER.match(sentence, reading.end))
    after_name = _AGE_AFTER_NAME.search(sentence, max(0, reading.start - _AROUND), reading.start)
    return bool(after_name and _AGE_AFTER.match(sentence, reading.end))


def _unit_of_complement(after: str, start: int) -> tuple[int, Unit] | None:
    """A unit named after 'of' ("millions of dollars"): (length through it, unit)."""
    rest = after[start:]
    money = currency_word(rest, True)
    if money:
        return start + money[0], money[1]
    other = unit_after(" " + rest, True)
    return (start + other[0] - 1, other[1]) if other else None


def _singular(word: str) -> str:
    if word.lower() == "mmbtu":
        return "mega british thermal unit"
    return {"feet": "foot", "liter": "litre", "kg": "kilogram", "km": "kilometre", "kilo": "kilogram",
            "annum": "year", "sq ft": "square foot", "sq m": "square metre", "sq km": "square kilometre",
            "meter": "metre"}.get(word, word.replace("feet", "foot").replace("meter", "metre"))


def _joinable(sentence: str, left: Figure, right: Figure) -> str | None:
    """How two neighbouring figures relate: 'range', 'from' (a change from X to Y), 'pair' (by X to Y),
    'score' or None."""
    separator = sentence[left.end:right.start]
    if not _RANGE_SEPARATOR.fullmatch(separator):
        return None
    a, b = left.first, right.first
    word = separator.split()[0]
    before = sentence[max(0, left.start - _AROUND):left.start]
    if len(left.readings) > 1 and word == "to" and right.unit is COUNT and _FROM.search(before):
        return "from"  # "from 14-18 mpg to 24": a range, then the level it moved to
    if a.kind != "number" or b.kind != "number" or len(left.readings) > 1:
        return None
    if any(_year_like(sentence, figure) for figure in (left, right)):
        return None  # "in 2015 to 41 mpg": a date, left for the filters
    if left.unit is not COUNT and right.unit is not COUNT and not right.unit.name.startswith(left.unit.name) \
            and not _narrower(left.unit, right.unit):
        return None  # "25 sen to RM8.40": two units, two figures
    low, high = a.value, b.value
    if not a.has_magnitude and b.has_magnitude and low * b.magnitude <= high:
        low *= b.magnitude
    if word in "-–—":
        bare = left.unit is COUNT and right.unit is COUNT and a.currency is None and high < 100
        if bare and word == "-" and (low >= high or _between_names(sentence, left, right)):
            return "score"  # "won 2-0", "England 17-18 France"
        return "range" if low < high else None
    if word == "and":
        return "range" if _BETWEEN.search(before) else None
    if word == "or":
        return "range" if low < high else None
    if _FROM_LIST.search(before):
        return "pair"
    origin = _FROM.search(before)
    if origin and _TO_NUMBER.match(sentence, right.end):
        return "range"  # "from 5 to 7% to 3 to 4%": the first pair is a range, the second "to" the change
    if origin:  # "rose from 200 to 250", "from 90 kg to 84": two figures; "from $50 to $2m": one range
        return "from" if low > high or _CHANGE.search(before, 0, origin.start()) else "range"
    if low > high:
        return "pair"
    # "grew by $2.1bn to $80.4bn" is two figures; "cooled by 2 to 3 degrees" a range
    return "pair" if _CHANGE_BEFORE.search(before) and left.unit is not COUNT else "range"


def _narrower(left: Unit, right: Unit) -> bool:
    """"US $89 to $93bn": the second currency is the first's, written short."""
    return left.dimension == right.dimension == "currency" and left.name.endswith(" " + right.name)


def _year_like(sentence: str, figure: Figure) -> bool:
    reading = figure.first
    text = sentence[reading.start:reading.end]
    return figure.unit is COUNT and len(text) == 4 and text.isdigit() and 1000 <= reading.value <= 2200


def _between_names(sentence: str, left: Figure, right: Figure) -> bool:
    """A hyphenated pair next to a capitalised name reads as a score, not a range."""
    before = _WORD_BEFORE.search(sentence, max(0, left.start - _AROUND), left.start)
    after = _WORD_AFTER.match(sentence, right.end)
    named_before = before is not None and before.start() > 0 and before.group(1)[0].isupper()
    return named_before or (after is not None and after.group(1)[0].isupper())


def _share(left: Figure, right: Figure, relation: str) -> None:
    """Give each figure of a range or pair what only the other wrote: unit, magnitude.

    "from 30 mpg to 34" are two levels of one quantity; in "rose 4.2% to 7.10" the second
    figure keeps its own reading: it is often a level in another unit than the change.
    """
    a, b = left.first, right.first
    if not a.has_magnitude and b.has_magnitude and a.value * b.magnitude <= b.value:
        a.value *= b.magnitude
        a.magnitude = b.magnitude
    if left.unit is COUNT and right.unit is not COUNT:
        left.unit = right.unit
    elif right.unit is COUNT and left.unit is not COUNT and relation in ("range", "from"):
        right.unit = left.unit


def _compound(sentence: str, reading: Reading) -> Figure | None:
    """'5 ft 10 in', '1 m 95 cm': one measure in two units, read as one figure."""
    if reading.kind != "number" or reading.decimals or reading.has_magnitude or reading.currency is not None:
        return None
    found = compound_after(reading.value, sentence[reading.end:reading.end + 30])
    if found is None:
        return None
    end = reading.end + found.length
    whole = replace(reading, end=end, value=found.value, decimals=found.decimals, trailing_zeros=0)
    return Figure([whole], found.unit, reading.start, end)


# "280 million of the 1.5 billion litres": a part written before its whole, in the whole's unit.
_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|this|that|a total of)\s+")


def _part_of_whole(sentence: str, part: Figure, whole: Figure) -> bool:
    reading = part.first
    return part.unit is COUNT and whole.unit not in (COUNT, FRACTION, MULTIPLIER) \
        and reading.kind == "number" and (reading.magnitude != 1.0 or reading.decimals > 0) \
        and _OF_THE.fullmatch(sentence, part.end, whole.start) is not None


def _figures(sentence: str) -> list[Figure]:
    figures: list[Figure] = []
    for reading in read_numbers(sentence):
        if figures and reading.start < figures[-1].end:
            continue  # the inches of "5 ft 10 in", read with its feet
        compound = _compound(sentence, reading)
        if compound is not None:
            figures.append(compound)
            continue
        unit, end = _unit_of(sentence, reading)
        figures.append(Figure([reading], unit, reading.start, end))
    joined: list[Figure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        relation = _joinable(sentence, previous, figure) if previous else None
        if previous is not None and relation in ("range", "pair", "from"):
            _share(previous, figure, relation)
        elif previous is not None and _part_of_whole(sentence, previous, figure):
            previous.unit = figure.unit
        if previous is not None and relation == "range":
            previous.readings.append(figure.first)
            previous.end = figure.end
            if figure.unit is not COUNT and not _narrower(previous.unit, figure.unit):
                previous.unit = figure.unit
            previous.qualifier = previous.mode = "range"
            continue
        if previous is not None and relation == "score":
            joined.pop()
            continue
        joined.append(figure)
    return joined


def _hedge(sentence: str, figure: Figure) -> None:
    if figure.qualifier == "range":
        values = sorted(r.value for r in figure.readings)
        figure.bounds = (values[0], values[-1])
        return
    if figure.first.kind == "vague":
        figure.qualifier = "vague"
        return
    found = hedge_before(sentence, figure.start, figure.end, figure.unit.dimension) \
        or hedge_after(sentence, figure.end)
    if found:
        figure.qualifier, figure.mode, _ = found


def _sentence_rows(doc: str, text: str, start: int, end: int, paragraph: int,
                   set_aside: list[SetAside] | None) -> list[Row]:
    sentence = text[start:end]
    rows: list[Row] = []
    kept: list[Figure] = []
    label_end = -1  # where the last number that names something ("Stage 2") ends
    for figure in _figures(sentence):
        first = figure.first
        unit = None if figure.unit is COUNT else figure.unit
        if label_end >= 0 and continues_labels(sentence, label_end, first, unit):
            label_end = figure.end
            continue
        if not_a_quantity(sentence, first, unit, figure.end):
            label_end = figure.end if is_label(sentence, first, unit) else -1
            if set_aside is not None:
                set_aside.append(SetAside(start + first.start, start + first.end, first.value))
            continue
        label_end = -1
        kept.append(figure)
    concepts = sentence_concepts(sentence, [(f.start, f.end, f.unit) for f in kept], AGE)
    for figure, concept in zip(kept, concepts, strict=True):
        first = figure.first
        _hedge(sentence, figure)
        low, high = figure.bounds or interval(first, figure.mode, figure.unit.dimension)
        value = low if figure.qualifier in ("range", "vague") else first.value
        rows.append({
            "doc": doc, "start": start + figure.start, "end": start + figure.end,
            "surface": sentence[figure.start:figure.end], "value": float(value),
            "low": float(low), "high": float(high), "qualifier": figure.qualifier,
            "unit": figure.unit.name, "dimension": figure.unit.dimension,
            "concept": concept,
            "sentence": sentence, "sentence_start": start, "paragraph": paragraph,
        })
    return rows


def extract_rows(text: str, doc: str = "", set_aside: list[SetAside] | None = None) -> list[Row]:
    """The quantities of one text as rows, in table order (schema: `factcheck.extract.schema`).

    Numbers read and then judged no quantity (years, days, ordinals, names) are appended to
    `set_aside` when given: the relations read dates from them, so no other reader re-reads the text.
    """
    rows: list[Row] = []
    for sentence in split_sentences(text):
        if has_number(text, sentence.start, sentence.end):
            rows.extend(_sentence_rows(doc, text, sentence.start, sentence.end, sentence.paragraph,
                                       set_aside))
    rows.sort(key=row_order)  # the table's order, which rows streamed without a table must keep
    return rows


def extract(text: str, doc: str = "", set_aside: list[SetAside] | None = None) -> pd.DataFrame:
    """Return the quantities table of one text (schema: `factcheck.extract.schema.COLUMNS`)."""
    return to_table(extract_rows(text, doc, set_aside))


def extract_document(document: Document) -> pd.DataFrame:
    """Return the quantities table of a document, rows named by its `doc`."""
    return extract(document.text, doc=document.doc)

"""Which unit the words around a number name, decided the same way on every run.

quantulum3's unit table is the base vocabulary and naming (lower-cased). News usage
decides its ambiguities through fixed tables here, never through quantulum3's
classifier or the iteration order of its sets: its parser picks among ambiguous units
with scikit-learn when that is importable and otherwise by a tie-break over a `set`,
which changes with PYTHONHASHSEED. Looking units up ourselves keeps the table identical
everywhere, and is much faster than running its parser.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcheck.extract.patterns import alternation


@dataclass(frozen=True)
class Unit:
    """A canonical unit name (quantulum3's, lower case) and its dimension."""

    name: str
    dimension: str


PERCENT = Unit("percentage", "percentage")
COUNT = Unit("", "count")
FRACTION = Unit("", "fraction")
MULTIPLIER = Unit("", "multiplier")


def _cur(name: str) -> Unit:
    return Unit(name, "currency")


DOLLAR = _cur("dollar")
POUND_STERLING = _cur("pound sterling")
YEN = _cur("japanese yen")

# Symbols and codes written before the amount ("US$2.5bn", "£600m", "RM12.40"), longest first.
CURRENCY_PREFIXES: dict[str, Unit] = {
    "US$": _cur("united states dollar"), "U.S.$": _cur("united states dollar"),
    "$US": _cur("united states dollar"), "A$": _cur("australian dollar"),
    "AU$": _cur("australian dollar"), "$A": _cur("australian dollar"),
    "C$": _cur("canadian dollar"), "CA$": _cur("canadian dollar"),
    "HK$": _cur("hong kong dollar"), "NZ$": _cur("new zealand dollar"),
    "S$": _cur("singapore dollar"), "R$": _cur("brazilian real"),
    "$": DOLLAR, "£": POUND_STERLING, "€": _cur("euro"), "¥": YEN,
    "₹": _cur("indian rupee"), "₩": _cur("south korean won"), "₪": _cur("shekel"),
    "RM": _cur("malaysian ringgit"), "Rs": _cur("indian rupee"), "Rs.": _cur("indian rupee"),
    # The financial press's own prefixes ("Rmb3tn", "SFr2bn", "NKr40m")
    "Rmb": _cur("chinese yuan"), "SFr": _cur("swiss franc"), "SKr": _cur("swedish krona"),
    "Skr": _cur("swedish krona"), "NKr": _cur("norwegian krone"), "Nkr": _cur("norwegian krone"),
    "DKr": _cur("danish krone"), "Dkr": _cur("danish krone"),
}

# ISO codes, written before ("USD2,300") or after ("450 JPY") the amount.
CURRENCY_CODES: dict[str, Unit] = {
    "USD": _cur("united states dollar"), "GBP": POUND_STERLING, "EUR": _cur("euro"),
    "JPY": _cur("japanese yen"), "AUD": _cur("australian dollar"),
    "CAD": _cur("canadian dollar"), "HKD": _cur("hong kong dollar"),
    "CNY": _cur("chinese yuan"), "RMB": _cur("chinese yuan"), "INR": _cur("indian rupee"),
    "CHF": _cur("swiss franc"), "NZD": _cur("new zealand dollar"), "KRW": _cur("south korean won"),
    "ILS": _cur("shekel"), "NIS": _cur("shekel"), "MYR": _cur("malaysian ringgit"),
    "SEK": _cur("swedish krona"), "NOK": _cur("norwegian krone"), "DKK": _cur("danish krone"),
    "ZAR": _cur("south african rand"), "BRL": _cur("brazilian real"), "MXN": _cur("mexican peso"),
    "RUB": _cur("russian ruble"), "SGD": _cur("singapore dollar"), "NGN": _cur("naira"),
}

_PREFIX_ALTERNATIVES = sorted([*CURRENCY_PREFIXES, *CURRENCY_CODES], key=len, reverse=True)
CURRENCY_PREFIX = re.compile(
    "(?:" + "|".join(re.escape(p) + r"\s?" for p in _PREFIX_ALTERNATIVES)
    + r")$")


_SPACED_DOLLAR = re.compile(r"\b(US|HK|NZ|AU) \$$")
# £ and ¥ as ASCII transliteration writes them ("PS", "Y="), in copy that passed through a plain-ASCII
# feed. "Y=" names nothing else; "PS" also opens product names ("PS5"), so `numbers` takes it as
# pounds only before an amount written as money is: grouped thousands, decimals or a magnitude.
TRANSLITERATED = re.compile(r"(?<![^\W_])(?:(?P<pound>PS)|(?P<yen>Y=))$")


def currency_prefix(before: str) -> tuple[int, Unit] | None:
    """The currency symbol or code ending `before` (the text up to a number): (length, unit)."""
    spaced = _SPACED_DOLLAR.search(before[-6:])
    if spaced:  # "NZ $3.1m"
        return len(spaced.group()), CURRENCY_PREFIXES[spaced.group(1) + "$"]
    match = CURRENCY_PREFIX.search(before[-6:])
    if not match:
        return None
    symbol = match.group().strip()
    start = len(before[-6:]) - len(match.group())
    if symbol.isalpha() and start > 0 and before[-6:][start - 1].isalpha():
        return None  # "ARM5", "PRS10": letters of a word, not a code
    return len(match.group()), CURRENCY_PREFIXES.get(symbol) or CURRENCY_CODES[symbol]


_NATIONAL_DOLLARS = {
    "us": "united states dollar", "u.s.": "united states dollar", "american": "united states dollar",
    "australian": "australian dollar", "canadian": "canadian dollar",
    "hong kong": "hong kong dollar", "new zealand": "new zealand dollar",
    "singapore": "singapore dollar", "taiwan": "new taiwan dollar",
}
_CROWN_WORDS = {"krone", "kroner", "krona", "kronor", "crown"}
_CROWNS = {"danish": "danish krone", "norwegian": "norwegian krone", "swedish": "swedish krona",
           "czech": "czech koruna"}

# Currency words after the amount ("2.4 million Canadian dollars", "25 sen").
_CURRENCY_WORDS: dict[str, Unit] = {
    "dollar": DOLLAR, "euro": _cur("euro"), "yen": _cur("japanese yen"), "yuan": _cur("chinese yuan"),
    "renminbi": _cur("chinese yuan"), "rupee": _cur("indian rupee"), "ringgit": _cur("malaysian ringgit"),
    "sen": _cur("sen"), "shekel": _cur("shekel"), "krone": _cur("danish krone"),
    "kroner": _cur("danish krone"), "krona": _cur("swedish krona"), "kronor": _cur("swedish krona"),
    "kuna": _cur("croatian kuna"), "franc": _cur("swiss franc"), "peso": _cur("mexican peso"),
    "rouble": _cur("russian ruble"), "ruble": _cur("russian ruble"), "lira": _cur("turkish lira"),
    "bitcoin": _cur("bitcoin"), "cent": _cur("cent"), "pence": _cur("penny"), "penny": _cur("penny"),
    "sterling": POUND_STERLING, "dirham": _cur("dirham"), "riyal": _cur("saudi riyal"),
    "naira": _cur("naira"), "rand": _cur("south african rand"), "won": _cur("south korean won"),
    "real": _cur("brazilian real"), "reais": _cur("brazilian real"), "markka": _cur("finnish markka"),
    "markkaa": _cur("finnish markka"),
}
# Words that are currencies only after a magnitude ("20 billion won", "5m rand").
_CURRENCY_AFTER_MAGNITUDE = {"won", "rand", "real", "reais", "pound"}

_CURRENCY_WORD = re.compile(
    r"(?:(?P<nation>US|U\.S\.|(?i:american|australian|canadian|hong kong|new zealand|singapore|taiwan"
    r"|danish|norwegian|swedish|czech|finnish|japanese|chinese|indian|swiss|mexican|russian|turkish"
    r"|brazilian|south african|saudi|south korean))\s+)?"
    r"(?P<word>dollars?|euros?|yen|yuan|renminbi|rupees?|ringgit|sen|shekels?|kroner|kronor|krone|"
    r"krona|kuna|francs?|pesos?|roubles?|rubles?|lira|bitcoins?|cents?|pence|penny|pounds? sterling|"
    r"sterling|dirhams?|riyals?|naira|rand|won|reais|real|crowns|pounds?|markkaa?)\b")


# Plurals no suffix rule reaches.
_IRREGULAR_PLURALS = {
    "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half",
    "shelves": "shelf", "wolves": "wolf", "thieves": "thief", "criteria": "criterion",
    "phenomena": "phenomenon",
}
# Words whose final "s" is no plural: these, and words ending in "ss", "us" or "is" ("glass", "bus",
# "analysis"); currency plurals that are words of their own.
_NOT_PLURAL = frozenset((
    "news", "series", "species", "means", "headquarters", "politics", "economics", "physics", "athletics",
    "chaos", "kudos", "ethos", "pence", "reais", "kroner", "kronor",
))
_ES_PLURAL = ("sses", "xes", "ches", "shes", "zzes")  # "glasses", "boxes", "churches", "dishes", "buzzes"


def singular(word: str) -> str:
    """The singular of a lower-case plural noun as news writes it ('cities' -> 'city', 'dollars' ->
    'dollar', 'boxes' -> 'box', 'children' -> 'child'): the one singulariser of extraction, relations
    and compare, so a currency word, a counted noun and a word aligned across versions fold alike."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word in _NOT_PLURAL or len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(_ES_PLURAL):
        return word[:-2]
    return word[:-1]


def currency_word(after: str, after_magnitude: bool) -> tuple[int, Unit] | None:
    """A currency named by words at the start of `after`: (length consumed, unit)."""
    match = _CURRENCY_WORD.match(after)
    if not match:
        return None
    word = singular(match.group("word").lower())
    nation = (match.group("nation") or "").lower()
    if word in ("pound sterling", "pounds sterling"):
        return match.end(), POUND_STERLING
    if word in _CURRENCY_AFTER_MAGNITUDE and not after_magnitude and not nation:
        return None
    if word == "crown":
        return (match.end(), _cur(_CROWNS[nation])) if nation in _CROWNS else None
    if word == "pound":
        return match.end(), POUND_STERLING
    if word == "dollar" and nation:
        if nation not in _NATIONAL_DOLLARS:
            return None
        return match.end(), _cur(_NATIONAL_DOLLARS[nation])
    if nation and word != "dollar":
        if nation in _CROWNS and word in ("krone", "kroner", "krona", "kronor"):
            return match.end(), _cur(_CROWNS[nation])
        if word in _CROWN_WORDS or nation in _CROWNS:
            return None  # "Swedish krone" names no currency
        return match.end(), _CURRENCY_WORDS[word]  # "Mexican pesos", "finnish markka"
    return match.end(), _CURRENCY_WORDS[word]


_CODE_AFTER = re.compile(r"\s?([A-Z]{3})\b")


def currency_code_after(after: str) -> tuple[int, Unit] | None:
    """An ISO code or a symbol just after the amount ("450 JPY", "800€")."""
    if after[:1] in ("€", "£", "$", "¥"):
        return 1, CURRENCY_PREFIXES[after[0]]
    match = _CODE_AFTER.match(after)
    if match and match.group(1) in CURRENCY_CODES:
        return match.end(), CURRENCY_CODES[match.group(1)]
    return None


_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|percent(?:age)?\b|pct\b|pc\b)|-per-?cent\b", re.IGNORECASE)
_PERCENT_POINTS = re.compile(r"\s?(?:percentage|per\s?cent(?:age)?)[\s-]points?\b", re.IGNORECASE)
_BASIS_POINTS = re.compile(r"\s?(?:basis[\s-]points?|bps?)\b", re.IGNORECASE)


_PERCENT_UNITS = ((_PERCENT_POINTS, Unit("percentage point", "percentage")),
                  (_BASIS_POINTS, Unit("basis point", "percentage")), (_PERCENT, PERCENT))
# What these patterns open with, after at most one blank: most figures are followed by none of it.
_PERCENT_OPENINGS = frozenset("%pPbB-")


def percent_after(after: str) -> tuple[int, Unit] | None:
    """'%', 'per cent', 'percentage points', 'basis points' at the start of `after`."""
    if after[:1] not in _PERCENT_OPENINGS and not (after[:1].isspace() and after[1:2] in _PERCENT_OPENINGS):
        return None
    for pattern, unit in _PERCENT_UNITS:
        match = pattern.match(after)
        if match:
            return match.end(), unit
    return None


def _u(name: str, dimension: str) -> Unit:
    return Unit(name, dimension)


# News units quantulum3 lacks or would resolve differently; keys are matched case-sensitively
# when they contain an upper-case letter or are a symbol, case-insensitively otherwise.
NEWS_UNITS: dict[str, Unit] = {
    "mph": _u("mile per hour", "speed"), "km/h": _u("kilometre per hour", "speed"),
    "km/hr": _u("kilometre per hour", "speed"), "kph": _u("kilometre per hour", "speed"),
    "kmh": _u("kilometre per hour", "speed"), "kmph": _u("kilometre per hour", "speed"),
    "m/s": _u("metre per second", "speed"), "knots": _u("knot", "speed"), "knot": _u("knot", "speed"),
    "mpg": _u("mile per gallon", "fuel economy"),
    "bhp": _u("horsepower", "power"), "hp": _u("horsepower", "power"), "PS": _u("horsepower", "power"),
    "lb-ft": _u("pound-foot", "torque"), "lb ft": _u("pound-foot", "torque"),
    "pound-feet": _u("pound-foot", "torque"), "pound-foot": _u("pound-foot", "torque"),
    "pound feet": _u("pound-foot", "torque"), "Nm": _u("newton metre", "torque"),
    "W": _u("watt", "power"), "kW": _u("kilowatt", "power"), "MW": _u("megawatt", "power"),
    "GW": _u("gigawatt", "power"), "kWh": _u("kilowatt hour", "energy"),
    "MWh": _u("megawatt hour", "energy"), "GWh": _u("gigawatt hour", "energy"),
    "TWh": _u("terawatt hour", "energy"), "mAh": _u("milliampere-hour", "charge"),
    "Hz": _u("hertz", "frequency"), "kHz": _u("kilohertz", "frequency"),
    "MHz": _u("megahertz", "frequency"), "GHz": _u("gigahertz", "frequency"),
    "rpm": _u("revolutions per minute", "frequency"),
    "KB": _u("kilobyte", "data"), "MB": _u("megabyte", "data"), "GB": _u("gigabyte", "data"),
    "TB": _u("terabyte", "data"), "Mbps": _u("megabit per second", "data rate"),
    "Gbps": _u("gigabit per second", "data rate"),
    "mm": _u("millimetre", "length"), "cm": _u("centimetre", "length"), "km": _u("kilometre", "length"),
    "m": _u("metre", "length"), "nm": _u("nanometre", "length"), "μm": _u("micrometre", "length"),
    "µm": _u("micrometre", "length"), "ft": _u("foot", "length"), "in": _u("inch", "length"),
    "mi": _u("mile", "length"), "yd": _u("yard", "length"), "yds": _u("yard", "length"),
    "kg": _u("kilogram", "mass"), "g": _u("gram", "mass"), "mg": _u("milligram", "mass"),
    "lb": _u("pound-mass", "mass"), "lbs": _u("pound-mass", "mass"), "oz": _u("ounce", "mass"),
    "t": _u("tonne", "mass"), "kilos": _u("kilogram", "mass"), "kilo": _u("kilogram", "mass"),
    "pounds": _u("pound-mass", "mass"), "pound": _u("pound-mass", "mass"),
    "tons": _u("ton", "mass"), "ton": _u("ton", "mass"),
    "l": _u("litre", "volume"), "L": _u("litre", "volume"), "ml": _u("millilitre", "volume"),
    "mL": _u("millilitre", "volume"), "cc": _u("cubic centimetre", "volume"),
    "m2": _u("square metre", "area"), "m²": _u("square metre", "area"),
    "sq m": _u("square metre", "area"), "sqm": _u("square metre", "area"),
    "km2": _u("square kilometre", "area"), "km²": _u("square kilometre", "area"),
    "sq km": _u("square kilometre", "area"), "sq ft": _u("square foot", "area"),
    "sq mi": _u("square mile", "area"), "ha": _u("hectare", "area"), "hectares": _u("hectare", "area"),
    "hectare": _u("hectare", "area"),
    "°C": _u("degree celsius", "temperature"), "°F": _u("degree fahrenheit", "temperature"),
    "C": _u("degree celsius", "temperature"), "F": _u("degree fahrenheit", "temperature"),
    "ºC": _u("degree celsius", "temperature"), "ºF": _u("degree fahrenheit", "temperature"),
    "celsius": _u("degree celsius", "temperature"), "fahrenheit": _u("degree fahrenheit", "temperature"),
    "centigrade": _u("degree celsius", "temperature"),
    "degrees celsius": _u("degree celsius", "temperature"),
    "degrees fahrenheit": _u("degree fahrenheit", "temperature"),
    "degrees C": _u("degree celsius", "temperature"), "degrees F": _u("degree fahrenheit", "temperature"),
    "degree celsius": _u("degree celsius", "temperature"),
    "degrees c": _u("degree celsius", "temperature"), "degrees f": _u("degree fahrenheit", "temperature"),
    "degree c": _u("degree celsius", "temperature"), "degree f": _u("degree fahrenheit", "temperature"),
    "deg c": _u("degree celsius", "temperature"), "deg f": _u("degree fahrenheit", "temperature"),
    "deg celsius": _u("degree celsius", "temperature"),
    "deg fahrenheit": _u("degree fahrenheit", "temperature"),
    "celcius": _u("degree celsius", "temperature"), "farenheit": _u("degree fahrenheit", "temperature"),
    "degrees celcius": _u("degree celsius", "temperature"),
    "degree fahrenheit": _u("degree fahrenheit", "temperature"),
    "s": _u("second", "time"), "sec": _u("second", "time"), "secs": _u("second", "time"),
    "seconds": _u("second", "time"), "second": _u("second", "time"),
    "min": _u("minute", "time"), "mins": _u("minute", "time"), "minutes": _u("minute", "time"),
    "minute": _u("minute", "time"), "h": _u("hour", "time"), "hr": _u("hour", "time"),
    "hrs": _u("hour", "time"), "yr": _u("year", "time"), "yrs": _u("year", "time"),
    "dB": _u("decibel", "sound level"), "GPa": _u("gigapascal", "pressure"),
    "psi": _u("pound per square inch", "pressure"), "ppm": _u("part per million", "concentration"),
    "ppb": _u("part per billion", "concentration"), "barrel-a-day": _u("barrel per day", "volumetric flow"),
    "barrels a day": _u("barrel per day", "volumetric flow"),
    "barrels per day": _u("barrel per day", "volumetric flow"),
    "bpd": _u("barrel per day", "volumetric flow"),
    "micron": _u("micrometre", "length"), "microns": _u("micrometre", "length"),
    "meter": _u("metre", "length"), "meters": _u("metre", "length"),
    "kilometer": _u("kilometre", "length"), "kilometers": _u("kilometre", "length"),
    "centimeter": _u("centimetre", "length"), "millimeter": _u("millimetre", "length"),
    "nanometer": _u("nanometre", "length"), "nanometers": _u("nanometre", "length"),
    "liter": _u("litre", "volume"), "liters": _u("litre", "volume"),
    "light years": _u("light year", "length"), "light-years": _u("light year", "length"),
    "p": _cur("penny"), "MP": _u("megapixel", "resolution"), "megapixels": _u("megapixel", "resolution"),
    "\u2033": _u("inch", "length"), "\u2032": _u("foot", "length"),  # double and single prime
    "°": _u("degree angle", "angle"),
}
# A measure written in two units, the larger first: "5 ft 10 in", "6 feet 2 inches", "1 m 95 cm",
# "12 m 2 dm", "11 st 4 lb", "7 lb 3 oz". It is one figure: metric parts add up in the larger unit
# (1.95 m, to the written centimetre), imperial ones in the smaller (70 inches), so its value stays exact.
_COMPOUND = re.compile(
    r"\s?(?P<large>ft|feet|foot|\u2032|m|metres?|meters?|st|stone|lbs?|pounds?)\s?(?P<small>\d{1,2}(?:\.\d+)?)\s?"
    r"(?P<unit>in|inch(?:es)?|\u2033|cm|centimet(?:re|er)s?|dm|decimet(?:re|er)s?|lbs?|pounds?|oz|ounces?)"
    r"(?![\w\u2032\u2033])")
_COMPOUND_WORDS = {"ft": "foot", "feet": "foot", "\u2032": "foot", "in": "inch", "inches": "inch",
                   "\u2033": "inch", "m": "metre", "metres": "metre", "meter": "metre", "meters": "metre",
                   "st": "stone", "lb": "pound", "lbs": "pound", "pounds": "pound", "oz": "ounce",
                   "ounces": "ounce", "cm": "centimetre", "centimetres": "centimetre",
                   "centimeter": "centimetre", "centimeters": "centimetre", "dm": "decimetre",
                   "decimetres": "decimetre", "decimeter": "decimetre", "decimeters": "decimetre"}
# (larger, smaller) -> (smaller units in one larger, the unit the sum is written in)
_COMPOUND_PAIRS: dict[tuple[str, str], tuple[int, Unit]] = {
    ("foot", "inch"): (12, Unit("inch", "length")),
    ("metre", "centimetre"): (100, Unit("metre", "length")),
    ("metre", "decimetre"): (10, Unit("metre", "length")),
    ("stone", "pound"): (14, Unit("pound-mass", "mass")),
    ("pound", "ounce"): (16, Unit("ounce", "mass")),
}


@dataclass(frozen=True)
class Compound:
    """A two-unit measure after a number: its sum, the decimals that sum is written to, unit, length."""

    value: float
    decimals: int
    unit: Unit
    length: int


def compound_after(whole: float, after: str) -> Compound | None:
    """The rest of a two-unit measure whose larger part `whole` stands just before `after`."""
    match = _COMPOUND.match(after)
    if not match:
        return None
    large, small = match["large"].lower(), match["unit"].lower()
    pair = _COMPOUND_PAIRS.get((_COMPOUND_WORDS.get(large, large), _COMPOUND_WORDS.get(small, small)))
    part = float(match["small"])
    if pair is None or part >= pair[0]:
        return None
    per, unit = pair
    decimals = len(match["small"].partition(".")[2])
    if unit.name == "metre":  # 1 m 95 cm: 1.95 m, to the hundredth
        shift = len(str(per)) - 1
        return Compound(round(whole + part / per, shift + decimals), shift + decimals, unit, match.end())
    return Compound(whole * per + part, decimals, unit, match.end())


# Ages and durations written as compound adjectives: "50-year-old", "a 15-year mandate".
_AGE = re.compile(r"[\s-](?P<unit>year|month|week|day)s?[\s-]olds?\b", re.IGNORECASE)
_HYPHEN_TIME = re.compile(r"-(?P<unit>year|month|week|day|hour|minute|second|decade|century)\b",
                          re.IGNORECASE)
# Single letters and English words are units only when written against the number ("30g").
_ATTACHED_ONLY = {"s", "h", "t", "m", "g", "l", "L", "in", "mi", "ft", "C", "F", "W", "PS", "p", "MP"}
# Spaced symbols that read as units only when no letter, digit or dot follows ("21 C,").
_SPACED_SYMBOLS = {"C", "F", "W", "PS", "m", "p"}


def _is_word_key(key: str) -> bool:
    """Long lower-case words match in any case ("MPH"); symbols and short keys only as written."""
    return key == key.lower() and key.replace(" ", "").isalpha() and len(key) >= 3


_NEWS_SYMBOL_KEYS = sorted((k for k in NEWS_UNITS if not _is_word_key(k)), key=len, reverse=True)
_NEWS_WORD_KEYS = sorted((k for k in NEWS_UNITS if _is_word_key(k)), key=len, reverse=True)
_NEWS_SYMBOL = re.compile("(?:" + "|".join(re.escape(k) for k in _NEWS_SYMBOL_KEYS) + r")(?![\w/])")
_NEWS_WORD = re.compile(alternation(_NEWS_WORD_KEYS) + r"\b", re.IGNORECASE)

# Dimensions a unit found in quantulum3's table may have; its other entries ("hand", "point",
# "line", "count") are everyday nouns in news text. Currencies are read by `currency_word` only,
# which knows that "5 real problems" and "they won 3" are not money.
_QUANTULUM_DIMENSIONS = {
    "length", "mass", "time", "volume", "area", "speed", "power", "energy", "temperature",
    "pressure", "frequency", "data storage", "torque", "charge", "sound level",
    "force", "current", "electric potential", "acceleration", "volumetric flow", "data transfer rate",
    "angle", "density",
}
_DIMENSION_NAMES = {"data storage": "data", "data transfer rate": "data rate",
                    "instance frequency": "frequency", "dimensionless": "count"}
_NOT_UNITS = {"point", "points", "hand", "hands", "line", "lines", "gauge", "unit", "units",
              "mark", "marks", "stone", "stones", "bit", "bits", "drop", "drops", "span", "spans",
              "score", "scores", "pace", "paces", "league", "leagues", "block", "blocks", "cup", "cups",
              "gross", "dozen", "fathom", "mill", "mills", "dime", "dimes", "rod", "rods", "chain",
              "chains", "link", "links", "ream", "reams", "sheet", "sheets", "case", "cases", "round",
              "rounds", "shot", "shots", "load", "loads", "pair", "pairs", "set", "sets", "step",
              "steps", "grain", "grains", "bar", "bars", "pole", "poles", "perch", "cord", "cords",
              "pixel", "pixels", "quarter", "quarters", "story", "stories", "sack", "sacks", "box", "boxes",
              "barn", "barns", "pond", "ponds", "quartet", "quartets", "quad", "quads", "shake", "shakes",
              "tetrad", "tetrads", "nibble", "nibbles", "gal", "gals", "mil", "mils", "peck", "pecks",
              "ell", "ells", "kip", "kips", "quintal", "quintals"}
_QUANTULUM_PREFERENCE = {"pound": "pound-mass", "pounds": "pound-mass", "ton": "ton", "tons": "ton",
                         "second": "second", "seconds": "second", "minute": "minute",
                         "minutes": "minute", "degree": "degree angle", "degrees": "degree angle",
                         "feet": "foot", "foot": "foot"}


def _plural(surface: str) -> str:
    """English plural of a unit surface ("mile per hour" -> "miles per hour", "foot" -> "feet").

    quantulum3 pluralises with inflect, whose import alone costs seconds (typeguard
    instruments it); unit names need only these rules.
    """
    head, per, tail = surface.partition(" per ")
    if head.endswith("foot"):
        plural = head[:-4] + "feet"
    elif head.endswith(("s", "x", "z", "ch", "sh")):
        plural = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        plural = head[:-1] + "ies"
    else:
        plural = head + "s"
    return plural + per + tail


@cache
def _quantulum_surfaces() -> dict[str, tuple[tuple[str, str], ...]]:
    """quantulum3's unit table as surface -> sorted ((unit name, entity), ...), read once per process.

    Read from its JSON files rather than through `quantulum3.load.units`, which imports
    inflect; sorting fixes the order its sets leave to the hash seed.
    """
    from quantulum3 import load

    merged: dict[str, dict[str, object]] = defaultdict(dict)
    for path in (load.GENERAL_UNITS_PATH, load.LANGUAGE_UNITS_PATH("en_US")):
        for name, unit in json.loads(Path(path).read_text(encoding="utf-8")).items():
            for full_name, full_unit in load.Units.prefixed_units(name, unit):
                merged[full_name].update(full_unit)
    table: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for name, unit in merged.items():
        entry = (name.lower(), str(unit["entity"]))
        for surface in unit.get("surfaces", []):
            table[surface.lower()].add(entry)
            table[_plural(surface).lower()].add(entry)
    return {surface: tuple(sorted(entries)) for surface, entries in table.items()}


def dimension_name(entity: str) -> str:
    return _DIMENSION_NAMES.get(entity, entity)


def _quantulum_lookup(words: list[str]) -> tuple[int, Unit] | None:
    """Longest run of `words` that quantulum3 knows as a unit surface: (word count, unit)."""
    table = _quantulum_surfaces()
    for size in range(min(len(words), 4), 0, -1):
        phrase = " ".join(words[:size]).lower()
        if size == 1 and phrase in _NOT_UNITS:
            continue
        found = table.get(phrase)
        if not found:
            continue
        preferred = _QUANTULUM_PREFERENCE.get(phrase)
        name, entity = min(found, key=lambda entry: (entry[0] != preferred, entry))
        if entity not in _QUANTULUM_DIMENSIONS:
            return None
        return size, Unit(name, dimension_name(entity))
    return None


_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def _leading_words(text: str) -> list[re.Match[str]]:
    """Words at the start of `text` separated by single spaces (at most four)."""
    words: list[re.Match[str]] = []
    for match in _WORDS.finditer(text[:60]):
        expected = words[-1].end() + 1 if words else 0
        if match.start() != expected or (words and text[expected - 1] != " ") or len(words) == 4:
            break
        words.append(match)
    return words


def unit_after(after: str, after_magnitude: bool) -> tuple[int, Unit] | None:
    """The unit written at the start of `after` (the text right after a number): (length, unit).

    Percent, currency words and the news table come first; quantulum3's table is the fallback
    for other unit words. A single letter or short symbol counts only against the number.
    """
    found = percent_after(after)
    if found:
        return found
    compound = _AGE.match(after) or _HYPHEN_TIME.match(after)
    if compound:
        return compound.end(), Unit(compound.group("unit").lower(), "time")
    gap = 1 if after[:1] in (" ", "-", "\u00a0") else 0
    rest, spaced = after[gap:], gap == 1
    found = currency_word(rest, after_magnitude) or currency_code_after(rest)
    if found:
        return gap + found[0], found[1]
    matches = [m for m in (_NEWS_SYMBOL.match(rest), _NEWS_WORD.match(rest)) if m]
    if matches:
        best = max(matches, key=lambda m: m.end())
        key = best.group()
        unit = NEWS_UNITS.get(key) or NEWS_UNITS[key.lower()]
        if _allowed(key, spaced, rest[best.end():]):
            return gap + best.end(), unit
        return None
    ratio = _slash_unit(rest)
    if ratio:
        return gap + ratio[0], ratio[1]
    words = _leading_words(rest)
    first = words[0].group() if words else ""
    if not first or (spaced and len(first) == 1) or first.istitle():
        return None  # "50 Cent" is a name; unit words are lower case (symbols are in NEWS_UNITS)
    found = _quantulum_lookup([w.group() for w in words])
    if found is None:
        return None
    size, unit = found
    return gap + words[size - 1].end(), unit


# "5 mg/L", "120 g/km", "40 µg/m3", "1.3 A/cm2": two unit symbols with a slash, one rate.
_SLASH_UNIT = re.compile(r"(?P<num>[A-Za-zµμ]{1,3})/(?P<den>[A-Za-z]{1,3})(?P<power>[23²³])?(?![\w/])")
_POWERS = {"2": "square ", "²": "square ", "3": "cubic ", "³": "cubic "}
_RATIO_DIMENSIONS = {("mass", "volume"): "density", ("current", "area"): "current density"}
# Symbols read only inside such a rate: alone, "A" is a letter and "ug" a typo.
_RATIO_SYMBOLS = {"A": _u("ampere", "current"), "mA": _u("milliampere", "current"),
                  "µg": _u("microgram", "mass"), "μg": _u("microgram", "mass"), "ug": _u("microgram", "mass")}


def _slash_unit(rest: str) -> tuple[int, Unit] | None:
    """A rate written with a slash between two unit symbols: (length, "X per Y" unit)."""
    match = _SLASH_UNIT.match(rest)
    if not match:
        return None
    parts = []
    for symbol in (match["num"], match["den"]):
        known = _RATIO_SYMBOLS.get(symbol)
        found = (len(symbol), known) if known else unit_after(symbol, False)
        if found is None or found[0] != len(symbol) or found[1].dimension in ("currency", "percentage"):
            return None
        parts.append(found[1])
    power = _POWERS.get(match["power"] or "", "")
    over = parts[1].dimension if not power else {"length": "area" if power == "square " else "volume"}.get(
        parts[1].dimension, parts[1].dimension)
    dimension = _RATIO_DIMENSIONS.get((parts[0].dimension, over), "rate")
    return match.end(), Unit(f"{parts[0].name} per {power}{parts[1].name}", dimension)


def _allowed(key: str, spaced: bool, following: str) -> bool:
    """Whether a short symbol reads as a unit here ("45g" yes, "a 5 g" no, "2 p.m." no)."""
    if not spaced or key not in _ATTACHED_ONLY:
        return True
    return key in _SPACED_SYMBOLS and not following[:1].isalnum() and not following.startswith(".")

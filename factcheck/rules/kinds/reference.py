"""The `reference` kind: a figure against what the world is known to hold (`factcheck.facts`).

    reading: share-of-gdp        # what the figure is compared with (see READINGS)
    concept: [debt]              # words naming what the figure is
    modifiers: [national, public, government]   # words that may stand before the concept
    pass: 0.01 to 2.7            # the ratio figure / reference that is ordinary
    fail_outside: 0.0001 to 30   # the ratio no real figure comes near (a slip of a thousand)

A figure is checked only when its sentence ties it to what it is compared with: a place named with
the concept ("Norway's public debt stood at ..."), a yardstick named next to a count ("enough to fill
40 Olympic pools"). Everything else is left alone: these rules must be right when they speak.
The ratio is an interval (the figure's own, the reference's for the article's year with its growth
allowance, an exchange rate when the currencies differ): when some value in it is ordinary (`pass`)
the check passes, when every value lies outside `fail_outside` it fails, and it is uncertain between.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pint

from factcheck.extract.dates import YEAR
from factcheck.extract.hedges import HEDGE_PATTERN
from factcheck.extract.relations.template import fold
from factcheck.extract.schema import records
from factcheck.facts import Facts, Mention, Place, Yardstick, reference_facts
from factcheck.intervals import Interval, format_interval
from factcheck.rules.expressions import Amount, EvaluationError, parse_unit
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.model import Context, Origin, Position, Rule, RuleError

READINGS = ("share-of-gdp", "share-of-world-gdp", "spending", "population", "area", "per-person", "yardstick",
            "airtime-price", "bond-sale-abroad")
_KINDS = ("country", "region", "city")
_NUMBER = r"([-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?)"
_RANGE = re.compile(rf"^\s*{_NUMBER}\s*to\s*{_NUMBER}\s*$",
                    re.IGNORECASE)
_WORDS: dict[str, Any] = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "reading": {"enum": list(READINGS)},
        "concept": _WORDS,
        "modifiers": _WORDS,
        "places": {"type": "array", "minItems": 1, "items": {"enum": list(_KINDS)}},
        "pass": {"type": "string"},
        "fail_outside": {"type": "string"},
    },
    "required": ["reading", "pass", "fail_outside"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Reference:
    reading: str
    concept: re.Pattern[str] | None  # the concept with the modifiers that may precede it
    any_concept: bool  # concept `*`: whatever the amount is spent on
    places: frozenset[str]
    passes: Interval
    fails_outside: Interval
    # Lower-case words one of which every match of `concept` holds (`fold`ed), when known: a
    # sentence without any has no concept a figure could be linked to.
    words: tuple[str, ...] | None = None


def compile(fields: Mapping[str, Any], origin: Position) -> Reference:
    """Check the ranges and build the concept pattern once, at load time."""
    passes = _range(fields["pass"], _at(origin, "pass"))
    fails_outside = _range(fields["fail_outside"], _at(origin, "fail_outside"))
    if not (fails_outside.low <= passes.low and passes.high <= fails_outside.high):
        raise RuleError(_at(origin, "fail_outside"), "fail_outside must contain the pass range")
    needs_concept = fields["reading"] in ("share-of-gdp", "share-of-world-gdp", "spending")
    if needs_concept and "concept" not in fields:
        raise RuleError(_at(origin, "reading"), f"reading {fields['reading']!r} needs a concept")
    concept, words = None, None
    if "concept" in fields:
        words = _cue_words(fields["concept"])
        modifiers = "|".join(_word(m) for m in fields.get("modifiers", []))
        prefix = rf"(?:(?:{modifiers})\s+){{0,3}}" if modifiers else ""
        names = "|".join(_word(c) for c in fields["concept"])
        concept = re.compile(rf"(?<![\w-]){prefix}(?:{names})(?![\w-])", re.IGNORECASE)
    return Reference(fields["reading"], concept, list(fields.get("concept", [])) == ["*"],
                     frozenset(fields.get("places", ("country", "region"))),
                     passes, fails_outside, words)


def _cue_words(concepts: list[str]) -> tuple[str, ...] | None:
    """The first word of each concept as `_word` writes it literally, lower case; None when one
    has no such word (`*`) or is not ASCII (whose case-insensitive matches `fold` does not cover)."""
    words = tuple(concept.split()[0].removesuffix("*").lower() for concept in concepts if concept.split())
    if len(words) < len(concepts) or not all(word and word.isascii() for word in words):
        return None
    return words


def _at(origin: Position, *path: str) -> Position:
    return origin.at(*path) if isinstance(origin, Origin) else origin


def _word(word: str) -> str:
    """A word with its plural and possessive; `*` matches any ending."""
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[\w-]*"
    return r"\s+".join(re.escape(part) for part in word.split()) + r"(?:s|es)?"


def _range(text: str, where: Position) -> Interval:
    match = _RANGE.match(str(text))
    if not match:
        raise RuleError(where, f"cannot read {text!r}: write a range like '0.01 to 2.7'")
    low, high = (float(group.replace(",", "")) for group in match.groups())
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        raise RuleError(where, f"{text!r} is not a range from low to high")
    return Interval(low, high)


# --- evaluation -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Figure:
    start: int  # in the document
    end: int
    surface: str
    amount: Interval
    unit: str
    dimension: str
    sentence: str
    sentence_start: int
    vague: bool = False  # "thousands", "several million": an order of magnitude, not a count

    @property
    def span(self) -> tuple[int, int]:
        """The figure's place in its sentence."""
        return self.start - self.sentence_start, self.end - self.sentence_start


@dataclass(frozen=True)
class _Check:
    """One comparison: the figure's ratio to the reference, written out for the report."""

    figures: tuple[_Figure, ...]
    ratio: Interval
    explained: str


def evaluate(rule: Rule, context: Context) -> Iterator[Finding]:
    reference: Reference = rule.compiled
    figures = _DOCUMENT.of(context.quantities, context.text)
    if not figures:
        return
    facts = reference_facts()
    published = context.published.year if context.published else None
    reader, dimension = _READERS[reference.reading]
    for figure in figures if dimension is None else _DOCUMENT.of_dimension(dimension):
        when = _DOCUMENT.year(figure, published)
        if when == _OTHER_ERA:
            continue  # the sentence speaks of another era than the facts cover
        check = reader(reference, facts, figure, when, figures)
        if check is not None:
            yield _finding(rule, reference, check)


_UNREAD = object()  # the article's sole country not looked for yet


class _Document:
    """The figures of the document being checked, kept for every reference rule that visits it in
    turn (read once per document, not once per rule), with what each sentence is read for: the
    places it names (looked for only when a reading gets that far) and its year."""

    def __init__(self) -> None:
        self._table: pd.DataFrame | None = None
        self._figures: list[_Figure] = []
        self._by_dimension: dict[str, list[_Figure]] = {}
        self._mentions: dict[int, list[Mention]] = {}  # by sentence start, filled as readings ask
        self._years: dict[int, int | None] = {}
        self._folded: dict[int, str] = {}
        self._text = ""
        self._sole: Place | object | None = _UNREAD

    def of(self, table: pd.DataFrame, text: str) -> list[_Figure]:
        if table is not self._table:
            rows = records(table) if len(table) else []
            self._figures = [figure for row in rows if (figure := _figure(row)) is not None]
            self._by_dimension = {}
            for figure in self._figures:
                self._by_dimension.setdefault(figure.dimension, []).append(figure)
            self._mentions, self._years, self._folded = {}, {}, {}
            self._table, self._text, self._sole = table, text, _UNREAD
        return self._figures

    def of_dimension(self, dimension: str) -> list[_Figure]:
        """The figures of one dimension, in text order."""
        return self._by_dimension.get(dimension, [])

    def mentions(self, facts: Facts, figure: _Figure) -> list[Mention]:
        """The places the figure's sentence names."""
        found = self._mentions.get(figure.sentence_start)
        if found is None:
            found = self._mentions[figure.sentence_start] = facts.mentions(figure.sentence)
        return found

    def folded(self, figure: _Figure) -> str:
        """The figure's sentence `fold`ed, where concept words are looked for."""
        found = self._folded.get(figure.sentence_start)
        if found is None:
            found = self._folded[figure.sentence_start] = fold(figure.sentence)
        return found

    def year(self, figure: _Figure, published: int | None) -> int | None:
        """The year the figure's sentence is read for (see `_year`)."""
        if figure.sentence_start not in self._years:
            self._years[figure.sentence_start] = _year(figure.sentence, published)
        return self._years[figure.sentence_start]

    def sole_country(self, facts: Facts) -> Place | None:
        """The one country the whole article names (its cities and regions count as naming it),
        or None when it names none, several, or a region (whose own figures a national word may
        still mean: "the state's public debt")."""
        if self._sole is _UNREAD:
            named = facts.mentions(self._text)
            countries = {mention.place.country for mention in named}
            regional = any(mention.place.kind == "region" for mention in named)
            only = facts.places.get(next(iter(countries))) if len(countries) == 1 and not regional else None
            self._sole = only
        return self._sole if isinstance(self._sole, Place) else None


_DOCUMENT = _Document()


def _figure(row: Any) -> _Figure | None:
    value = float(row.value)
    if math.isnan(value):
        return None
    low = float(row.low) if _present(row.low) else value
    high = float(row.high) if _present(row.high) else value
    if value > 0 and (math.isinf(high) or low <= 0 < high):
        # "up to $X", "more than X people": the text says the figure reaches X, so X itself is
        # what must be possible (an open range would pass anything)
        low, high = value * (1 - _OPEN_HEDGE), value * (1 + _OPEN_HEDGE)
    if low > high or high <= 0:
        return None
    return _Figure(int(row.start), int(row.end), str(row.surface), Interval(max(low, 0.0), high),
                   str(row.unit) if _present(row.unit) else "", str(row.dimension) if _present(row.dimension)
                   else "", str(row.sentence), int(row.sentence_start), str(row.qualifier) == "vague")


_OPEN_HEDGE = 0.1  # how far a bound the text gives may be from the level it stands for


def _present(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


_YEAR = re.compile(rf"(?<![\w.,$£€¥])({YEAR})(?!\w|[.,]\d)")


_OTHER_ERA = -1


def _year(sentence: str, published: int | None) -> int | None:
    """The year a sentence's figures are read for: the year it names, else the article's;
    `_OTHER_ERA` when it names a year before 1990, which the growth allowance cannot reach back to."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    if any(y < 1990 for y in years):
        return _OTHER_ERA
    fitting = [y for y in years if y <= 2035]
    return fitting[0] if fitting else published


# --- linking a figure to a place and a concept --------------------------------------------------

_POSSESSIVE = r"(?:’s|'s|’|')?"
# Words that may stand between a noun and its figure without changing what the figure is: the hedges
# of the one hedge table ("population of about 9 million") and a few fillers ("a record", "a total of").
_LEAD_IN = (r"(?:(?:" + HEDGE_PATTERN + r"|a|an|just|only|a\s++record|a\s++total\s++of)\s++)*")
_LINK_GAP = re.compile(r"^[^\d;:()\[\]]{0,60}$")  # no other figure, clause break or aside
# Words between a concept and a figure that make the figure something else than its level: a change
# ("by"), a comparison ("than"), a part ("half", "share") or an amount per unit.
_CHANGE = re.compile(r"\b(?:by|than|per|each|every|extra|additional|further|more|another|shortfall|gap|hole|"
                     r"over|under|above|below|share|half|part|some|percent|interest|repayments?)\b",
                     re.IGNORECASE)
_PER_UNIT_AFTER = re.compile(r"^\s*(?:a|an|per|each|for\s+each|for\s+every|every)\s+"
                             r"(?:head|person|capita|citizen|resident|inhabitant|pupil|child|student|patient|"
                             r"household|family|home|worker|taxpayer|man|woman|adult|year|month|week|day)\b"
                             r"|^\s*each\b|^\s*apiece\b", re.IGNORECASE)


def _place_kind_fits(reference: Reference, place: Place) -> bool:
    return place.kind in reference.places


_AFTER_FIGURE = re.compile(  # "$X -- current national debt", "a $X budget deficit"
    r"\s*(?:-+|–|—)?\s*(?:of\s+)?(?:(?:the|a|an|in|current|estimated|total|annual)\s++)*", re.IGNORECASE)


def _concept_link(reference: Reference, figure: _Figure) -> re.Match[str] | None:
    """The concept the figure is the value of: named before it with only linking words between
    ("the deficit is projected to total $X"), or right after it ("a $X budget deficit")."""
    assert reference.concept is not None
    if reference.words is not None and not any(word in _DOCUMENT.folded(figure) for word in reference.words):
        return None
    sentence = figure.sentence
    start, end = figure.span
    found = None
    for match in reference.concept.finditer(sentence):
        if match.end() <= start:
            gap = sentence[match.end():start]
            gap = _YEAR.sub("YEAR", gap)  # "the deficit for 2005 came to $X"
            if _LINK_GAP.match(gap) and not _CHANGE.search(gap) and len(gap.split()) <= 8:
                found = match  # the nearest concept before the figure
        elif match.start() >= end:
            gap = sentence[end:match.start()]
            if _AFTER_FIGURE.fullmatch(gap):
                return match
            break
    return found


# After a concept: a share of it ("deficit with China", "debt to the IMF", "budget for roads") or a
# compound it only qualifies ("budget deficit", "debt relief").
_SHARE_AFTER = re.compile(r"\s+(?:with|owed"
                          r"|for(?!\s+(?:\d{4}|the\s+(?:year|fiscal)|this|next|last|fiscal|financial))"
                          r"|on|in\s+(?:goods|services|trade)|to\s+(?:the\s+)?[A-Z])\b"
                          r"|\s+(?i:deficits?|surplus(?:es)?|debts?|shortfalls?|gaps?|cuts?|relief|overruns?|"
                          r"holes?|crisis|statements?|speech|plans?|proposals?|talks|negotiations|rules?|"
                          r"ceiling|limit|growth|per\s+head|per\s+capita)\b")


def _attached_place(reference: Reference, sentence: str, concept: re.Match[str],
                    mentions: list[Mention]) -> Place | None:
    """The place named as the concept's owner: "Norway's public debt", "the French budget deficit";
    none for a share of it ("its deficit with China", "the debt owed to Japan")."""
    if _SHARE_AFTER.match(sentence, concept.end()):
        return None
    for mention in mentions:
        between = sentence[mention.end:concept.start()]
        if mention.end <= concept.start() and re.fullmatch(rf"{_POSSESSIVE}\s*(?:the\s+)?", between) \
                and _place_kind_fits(reference, mention.place):
            return mention.place
    return None


def _money(facts: Facts, figure: _Figure, place: Place | None) -> Interval | None:
    if figure.dimension != "currency":
        return None
    rate = facts.usd_per(figure.unit, place)
    return None if rate is None else figure.amount * rate


def _share_of_gdp(reference: Reference, facts: Facts, figure: _Figure,
                  year: int | None, _: list[_Figure]) -> _Check | None:
    if _PER_UNIT_AFTER.match(figure.sentence[figure.span[1]:]):
        return None
    concept = _concept_link(reference, figure)
    if concept is None:
        return None
    mentions = _DOCUMENT.mentions(facts, figure)
    place = _attached_place(reference, figure.sentence, concept, mentions)
    if place is None and not mentions and _NATIONAL.search(concept.group()) \
            and not _SHARE_AFTER.match(figure.sentence, concept.end()) \
            and not _OWNED_BY_OTHER.search(figure.sentence[max(0, concept.start() - 40):concept.start()]):
        place = _DOCUMENT.sole_country(facts)  # "the national debt" in an article about one country
    if place is None:
        return None
    money, gdp = _money(facts, figure, place), facts.gdp(place, year)
    if money is None or gdp is None:
        return None
    return _Check((figure,), money / gdp,
                  f"{figure.surface} (US${format_interval(money.low, money.high)}) ÷ {place.name}'s GDP "
                  f"{_when(year)} (US${format_interval(gdp.low, gdp.high)})")


# A concept that can only be a whole country's ("the national debt", "public borrowing", "GDP").
_NATIONAL = re.compile(r"\b(?:national|federal|public|sovereign|government|gdp|gross\s+domestic\s+product)\b",
                       re.IGNORECASE)
# An owner other than the country right before the concept: "the firm's", "its", "the state's".
_OWNED_BY_OTHER = re.compile(r"(?:\b(?!(?:country|nation|government)(?:’s|'s))[\w-]+(?:’s|'s|s’|s')|"
                             r"\b(?:its|their|his|her|our|state|city|local|regional|provincial|council|"
                             r"municipal))\s+$", re.IGNORECASE)


_WORLD_WORDS = re.compile(r"\b(?:world|world's|global|globally|worldwide|planet|earth|universe)\b",
                          re.IGNORECASE)


def _share_of_world_gdp(reference: Reference, facts: Facts, figure: _Figure,
                        year: int | None, _: list[_Figure]) -> _Check | None:
    if _WORLD_WORDS.search(figure.sentence):
        return None
    concept = _concept_link(reference, figure)
    if concept is None:
        return None
    place = _attached_place(reference, figure.sentence, concept, _DOCUMENT.mentions(facts, figure))
    money = _money(facts, figure, place)
    world = facts.places["world"]
    gdp = facts.gdp(world, year)
    if money is None or gdp is None:
        return None
    return _Check((figure,), money / gdp,
                  f"{figure.surface} (US${format_interval(money.low, money.high)}) ÷ world GDP {_when(year)} "
                  f"(US${format_interval(gdp.low, gdp.high)})")


_SPEND = (r"(?:spent|spends|spend|spending|invest|invests|invested|investing|allocated|allocates|"
          r"devoted|devotes|budgeted|pays|paid)")
_COLLECTIVE = (r"(?:government|governments|state|companies|firms|industry|industries|businesses|authorities|"
               r"ministries|ministry|taxpayers|public\s+sector|economy)")
_SPEND_END = re.compile(r"^(?:\s*$|\s*[.,;:!?)]|\s+(?:in|this|last|next|over|between|during|from|since|until|"
                        r"by|a\s+year|each\s+year|per\s+year|every\s+year|annually|and|but|to|compared|according)\b)",
                        re.IGNORECASE)


def _spending(reference: Reference, facts: Facts, figure: _Figure,
              year: int | None, _: list[_Figure]) -> _Check | None:
    """"Norway spent $X on health": a place (or its government or firms) spending on the concept."""
    assert reference.concept is not None
    sentence = figure.sentence
    start, end = figure.span
    after = sentence[end:]
    if _PER_UNIT_AFTER.match(after) or re.match(r"^\s*(?:each|apiece|a\s+head|per\b)", after):
        return None
    on = re.match(r"^\s+(?:(?:between|from)\s+\d{4}\s+(?:and|to)\s+\d{4}\s+|(?:a|per|each)\s+year\s+|"
                  r"annually\s+|this\s+year\s+|last\s+year\s+)?on\s+(?:the\s+|its\s+|their\s+)?", after)
    if on is None:
        return None
    concept = reference.concept.match(after, on.end())
    if concept is None or not (reference.any_concept or _SPEND_END.match(after[concept.end():])):
        return None
    for mention in _DOCUMENT.mentions(facts, figure):
        if mention.end > start or not _place_kind_fits(reference, mention.place):
            continue
        between = sentence[mention.end:start]
        collective = rf"\s+{_COLLECTIVE}" if mention.adjective else rf"(?:\s+{_COLLECTIVE})?"
        subject = _POSSESSIVE + collective
        if re.fullmatch(rf"{subject}\s+(?:\w+\s+){{0,3}}?{_SPEND}\s+{_LEAD_IN}", between, re.IGNORECASE):
            place = mention.place
            money, gdp = _money(facts, figure, place), facts.gdp(place, year)
            if money is None or gdp is None:
                return None
            what = sentence[on.end() + end:concept.end() + end]
            return _Check((figure,), money / gdp,
                          f"{figure.surface} on {what} (US${format_interval(money.low, money.high)}) ÷ "
                          f"{place.name}'s GDP {_when(year)} (US${format_interval(gdp.low, gdp.high)})")
    return None


_PEOPLE = r"(?:people|inhabitants|residents|citizens|souls|population)"
_RESTRICTIVE = re.compile(r"^\s+(?:who|with|without|aged|living|in|over|under|on|at|from|of|suffering|"
                          r"affected|"
                          r"employed|working|that|whose|are|were|have|had|need|needing|eligible|registered|"
                          r"born|between|above|below|across|outside|inside|under)\b", re.IGNORECASE)


def _population(reference: Reference, facts: Facts, figure: _Figure,
                year: int | None, _: list[_Figure]) -> _Check | None:
    """"the population of Lagos is N", "Norway's population of N", "Norway's N people"."""
    if figure.unit or figure.vague:
        return None
    sentence = figure.sentence
    start, end = figure.span
    after = sentence[end:]
    if re.match(r"^\s*(?:%|per\s*cent|percent)", after):
        return None
    if not (_POPULATION.search(sentence) or _whole_people(after)):
        return None  # every link below names the population or counts everyone ("people")
    for mention in _DOCUMENT.mentions(facts, figure):
        place = mention.place
        if mention.adjective or not _place_kind_fits(reference, place):
            continue
        before = sentence[:mention.start]
        between = sentence[mention.end:start] if mention.end <= start else None
        explicit = (
            (between is not None and re.search(r"\bpopulation\s+of\s+(?:the\s+)?$", before, re.IGNORECASE)
             and re.fullmatch(rf"\s*(?:,|\s(?:is|was|stands\s+at|stood\s+at|of|at|reached|totals|totalled|"
                              rf"numbers|numbered))?\s*{_LEAD_IN}", between, re.IGNORECASE))
            or (between is not None and re.fullmatch(
                rf"{_POSSESSIVE}\s+population\s*(?:,|\s(?:is|was|stands\s+at|stood\s+at|of|at|reached|totals|"
                rf"totalled|numbers|numbered|has\s+reached|is\s+now|was\s+then))?\s*{_LEAD_IN}",
                between, re.IGNORECASE))
            or (between is not None and re.fullmatch(
                rf"\s*(?:has\s+a\s+population\s+of|had\s+a\s+population\s+of|,\s*with\s+a\s+population\s+of)"
                rf"\s+{_LEAD_IN}", between, re.IGNORECASE))
            or (between is not None and re.fullmatch(
                rf"\s*,\s*(?:a\s+(?:country|nation|state|city)\s+of|home\s+to)\s+{_LEAD_IN}", between,
                re.IGNORECASE) and _whole_people(after))
        )
        owned = (between is not None and re.fullmatch(rf"(?:’s|'s)\s+{_LEAD_IN}", between)
                 and _whole_people(after))
        if not (explicit or owned):
            continue
        people = facts.population(place, year)
        if people is None:
            return None
        return _Check((figure,), figure.amount / people,
                      f"{figure.surface} ÷ population of {place.name} {_when(year)} "
                      f"({format_interval(people.low, people.high)})")
    return None


_POPULATION = re.compile("population", re.IGNORECASE)


def _whole_people(after: str) -> bool:
    """Whether the words after a count name everyone ("people"), not a group ("people over 80")."""
    people = re.match(rf"^\s+{_PEOPLE}\b", after)
    return people is not None and not _RESTRICTIVE.match(after[people.end():])


_KM2 = "km**2"


def _area(reference: Reference, facts: Facts, figure: _Figure,
          year: int | None, _: list[_Figure]) -> _Check | None:
    """"Wales covers 20,800 square kilometres", "the area of Texas is ..."."""
    size = _convert(figure, _KM2)
    if size is None:
        return None
    sentence = figure.sentence
    start, _end = figure.span
    for mention in _DOCUMENT.mentions(facts, figure):
        place = mention.place
        if mention.adjective or place.area_km2 is None or not _place_kind_fits(reference, place) \
                or mention.end > start:
            continue
        before, between = sentence[:mention.start], sentence[mention.end:start]
        linked = (
            re.fullmatch(rf"\s+(?:covers|spans|measures|has\s+an\s+area\s+of|has\s+a\s+total\s+area\s+of|"
                         rf"is)\s+{_LEAD_IN}", between, re.IGNORECASE)
            or re.fullmatch(rf"{_POSSESSIVE}\s+(?:total\s+|land\s+)?area\s+(?:is|was|of)\s+{_LEAD_IN}",
                            between, re.IGNORECASE)
            or (re.search(r"\b(?:total\s+|land\s+)?area\s+of\s+$", before, re.IGNORECASE)
                and re.fullmatch(rf"\s*(?:,|\s(?:is|was))\s*{_LEAD_IN}", between, re.IGNORECASE))
        )
        if linked:
            area = Interval.point(place.area_km2)
            return _Check((figure,), size / area,
                          f"{figure.surface} ({format_interval(size.low, size.high)} km²) ÷ area of "
                          f"{place.name} ({format_interval(area.low, area.high)} km²)")
    return None


def _convert(figure: _Figure, unit: str) -> Interval | None:
    try:
        return Amount.of(figure.amount.low, figure.amount.high, figure.unit).to(parse_unit(unit)).interval
    except (EvaluationError, pint.errors.PintError, ValueError, TypeError, AttributeError):
        return None


_PER_PERSON = re.compile(r"^\s*(?:(?:a|per|for\s+each|for\s+every|each|every)\s+"
                         r"(?:head|person|capita|citizen|"
                         r"resident|inhabitant|man,\s+woman\s+and\s+child)|per\s+head\s+of\s+population)\b",
                         re.IGNORECASE)


_PER_PERSON_UNIT = re.compile(r"^(.+?) per (?:person|head|capita|inhabitant|citizen|resident)$")


def _per_person(reference: Reference, facts: Facts, figure: _Figure,
                year: int | None, figures: list[_Figure]) -> _Check | None:
    """"The scheme costs £2bn, or £35 for every person in Norway": the share times the population
    against the total given in the same sentence, in the same currency."""
    per_unit = _PER_PERSON_UNIT.match(figure.unit)
    if per_unit is None and not _PER_PERSON.match(figure.sentence[figure.span[1]:]):
        return None
    unit = per_unit.group(1) if per_unit else figure.unit
    places = {m.place.key: m.place for m in _DOCUMENT.mentions(facts, figure)
              if _place_kind_fits(reference, m.place) and (not m.adjective or m.place.kind == "country")}
    if len(places) != 1:
        return None
    place = next(iter(places.values()))
    totals = [other for other in figures
              if other.sentence_start == figure.sentence_start and other.start != figure.start
              and other.unit == unit and other.dimension == "currency"
              and other.amount.low > figure.amount.high * 1000
              and not _PER_PERSON.match(other.sentence[other.span[1]:])]
    people = facts.population(place, year)
    if len(totals) != 1 or people is None:
        return None
    total = totals[0]
    implied = figure.amount * people
    return _Check((total, figure), total.amount / implied,
                  f"{total.surface} ÷ ({figure.surface} × population of {place.name} {_when(year)}, "
                  f"{format_interval(people.low, people.high)})")


_COMPARISON = (r"(?:enough\s+to(?:\s+(?:fill|cover|power|supply|run|light|heat))?|equivalent\s+to|equal\s+to|"
               r"the\s+equivalent\s+of|the\s+size\s+of|as\s+(?:much|big|large|long|tall|high|heavy)\s+as|"
               r"(?:would|could|can)\s+(?:fill|cover|power|supply)|fills|filled|covers|covering|powers|"
               r"the\s+(?:height|length|weight|volume|area)\s+of)")
_BEFORE_COUNT = re.compile(rf"{_COMPARISON}\s+{_LEAD_IN}$", re.IGNORECASE)
_TIMES_AFTER = re.compile(r"^\s+times\s+(?:the\s+)?(?:size|height|length|area|volume|weight)\s+of\b",
                          re.IGNORECASE)
_OF_SIZE = re.compile(r"^\s*(?:the\s+)?(?:size|height|length|area|volume|weight)\s+of\b", re.IGNORECASE)
_ARTICLE_AFTER = re.compile(rf"^[^\d;:()]{{0,140}}?\b{_COMPARISON}\s+(?:the\s+(?:equivalent\s+of\s+)?)?"
                            r"(?P<article>a|an|one)\s+", re.IGNORECASE)
_DIMENSIONS = {"volume": "m**3", "mass": "t", "area": "m**2", "length": "m", "power": "kW"}
_YARDSTICK_WORDS = 8  # words after a count searched for the yardstick's name


def _yardstick(reference: Reference, facts: Facts, figure: _Figure,
               year: int | None, figures: list[_Figure]) -> _Check | None:
    """"enough to fill 40 Olympic pools", "three times the height of the Eiffel Tower", "is enough to
    fill an Olympic pool": a measured figure against a count of a yardstick's size."""
    sentence = figure.sentence
    start, end = figure.span
    if figure.dimension in ("count", "multiplier") and not figure.unit:  # a count; the measure before
        pattern = _OF_SIZE if figure.dimension == "multiplier" else _TIMES_AFTER  # "three times" or "3"
        times = pattern.match(sentence[end:])
        before = None if times else _BEFORE_COUNT.search(sentence[:start])
        if before is not None:
            boundary = before.start()
        elif times:
            boundary = start
        else:
            return None
        yardstick = _named(facts, sentence[end:], before.group() if before else "")
        if yardstick is None:
            return None
        measures = [f for f in figures if f.sentence_start == figure.sentence_start and f.span[1] <= boundary]
        for measured in reversed(measures):
            checked = _against(measured, figure, figure.amount, yardstick)
            if checked is not None:
                return checked
        return None
    article = _ARTICLE_AFTER.match(sentence[end:])  # the measure: a yardstick named with "a" or "an"
    if article is None:
        return None
    yardstick = _named(facts, sentence[end + article.end():], article.group())
    if yardstick is None:
        return None
    one = _Figure(figure.start, figure.end, article.group("article"), Interval.point(1.0), "", "count",
                  sentence, figure.sentence_start)
    return _against(figure, one, Interval.point(1.0), yardstick)


def _named(facts: Facts, text: str, comparison: str) -> Yardstick | None:
    """The yardstick named in the words after a count (with the comparison's verb: "power ... homes")."""
    words = re.findall(r"[\w-]+", text.lower())[:_YARDSTICK_WORDS] + re.findall(r"\w+", comparison.lower())
    found = {w for word in words for w in (word, *word.split("-"))}
    found |= {w.removesuffix("s") for w in found} | {w.removesuffix("es") for w in found}
    return facts.yardstick_for(found)


def _against(measured: _Figure, count: _Figure, how_many: Interval, yardstick: Yardstick) -> _Check | None:
    """How many of the yardstick the measure makes, against the count given."""
    for dimension, size_text in yardstick.sizes.items():
        unit = _DIMENSIONS.get(dimension)
        amount = _convert(measured, unit) if unit else None
        if amount is None:
            continue
        if dimension == "power" and "capacity_factor" in yardstick.extra:
            low, high = (float(x) for x in yardstick.extra["capacity_factor"])
            amount = amount * Interval(low, high)  # a plant's rating, not its average output
        size = _size(size_text)
        implied = amount / size
        return _Check((measured, count), how_many / implied,
                      f"{measured.surface} makes {format_interval(implied.low, implied.high)} × "
                      f"{yardstick.title} ({format_interval(size.low, size.high)} {unit} each); "
                      f"the text says {count.surface} ({format_interval(how_many.low, how_many.high)})")
    return None


_AIRTIME = re.compile(r"^\s*(?:\([^)]{0,20}\)\s*)?(?:for|per)\s+(?:a\s+|an\s+|one\s+|each\s+|every\s+)?"
                      r"(?P<seconds>\d{1,3})[\s-]*seconds?\s+(?:of\s+)?(?:the\s+)?"
                      r"(?:air\s*time|airtime|advertising|advert|ad|commercial|tv\s+time|television\s+time)\b",
                      re.IGNORECASE)


def _airtime_price(reference: Reference, facts: Facts, figure: _Figure,
                   year: int | None, _: list[_Figure]) -> _Check | None:
    """"$4 million for 30 seconds of airtime": a broadcast advert's price against the dearest slots."""
    airtime = _AIRTIME.match(figure.sentence[figure.span[1]:])
    if airtime is None:
        return None
    money = _money(facts, figure, None)
    dearest = facts.yardsticks.get("tv-advert")
    seconds = float(airtime.group("seconds"))
    if money is None or dearest is None or seconds == 0:
        return None
    size = _size(dearest.sizes["price_per_30_seconds"])
    ceiling = size * Interval.point(seconds / 30)
    return _Check((figure,), money / ceiling,
                  f"{figure.surface} (US${format_interval(money.low, money.high)}) for {seconds:g} seconds ÷ "
                  f"the dearest airtime, up to US${format_interval(ceiling.high, ceiling.high)}")


_BONDS = r"(?:euro)?bonds?|notes|gilts|debt|securities|paper|sukuk"
_BONDS_AFTER = re.compile(rf"^\s+(?:worth\s+)?of\s+(?:[\w-]+\s+){{0,3}}?(?:{_BONDS})\b", re.IGNORECASE)
_BONDS_BEFORE = re.compile(r"\b(?:bond|debt|eurobond|sukuk)\s+(?:sale|issue|offering|deal|auction)\s+"
                           r"(?:of|worth|totalling|totaling)\s+$", re.IGNORECASE)
_ISSUE_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:bond|eurobond|debt|sukuk)\s+"
                          r"(?:sale|issue|offering|deal)\b", re.IGNORECASE)
_SELLING = re.compile(r"\b(?:sell|sells|sold|selling|sale|issue|issues|issued|issuing|raise|raises|raised|"
                      r"raising|offer|offers|offered|offering|auction|auctioned|place|placed|price|priced)\b",
                      re.IGNORECASE)
_ABROAD = re.compile(r"\b(?:eurobonds?|offshore|overseas|abroad|"
                     r"international\s+(?:bond\s+|capital\s+|debt\s+)?markets?|"
                     r"foreign\s+(?:bond\s+|capital\s+)?markets?)\b", re.IGNORECASE)
# Amounts over time or over many sellers, not one sale: a programme, a year's borrowing, a running
# total, what "Asian banks sold".
_CUMULATIVE = re.compile(r"\b(?:so\s+far|this\s+year|next\s+year|last\s+year|in\s+total|a\s+total|total|"
                         r"totals|since|over\s+the|programmes?|programs?|a\s+year|each\s+year|every\s+year|"
                         r"per\s+year|annual|annually|combined|altogether|cumulative|outstanding|holds?|"
                         r"holdings?|owns?|market\s+(?:is|was)\s+worth|stock\s+of|"
                         r"(?:firms|companies|banks|governments|issuers|borrowers|countries|states|lenders)\s+"
                         r"(?:\w+\s+){0,2}?(?:sold|issued|raised|placed|have|had))\b", re.IGNORECASE)


def _bond_sale_abroad(reference: Reference, facts: Facts, figure: _Figure,
                      year: int | None, _: list[_Figure]) -> _Check | None:
    """"Ghana sold $1bn of bonds in London": one bond sale in another country's market, against the
    largest single bond sales ever made. A government's sales at home are bounded by its budget
    (other rules), not by this record, so they are left alone."""
    sentence = figure.sentence
    start, end = figure.span
    linked = (_BONDS_AFTER.match(sentence[end:]) or _BONDS_BEFORE.search(sentence[:start])
              or _ISSUE_AFTER.match(sentence[end:]))
    if not linked or not _SELLING.search(sentence) or _CUMULATIVE.search(sentence):
        return None
    mentions = _DOCUMENT.mentions(facts, figure)
    before = [m for m in mentions if m.end <= start and m.place.country]
    issuers = {m.place.country for m in before}
    markets = {m.place.country for m in mentions
               if m.place.country and re.search(r"\b(?:in|on)\s+(?:the\s+)?$", sentence[:m.start])}
    if not ((len(issuers) == 1 and markets - issuers) or _ABROAD.search(sentence)):
        return None
    record = facts.yardsticks.get("bond-sale")
    money = _money(facts, figure, before[0].place if before else None)
    if money is None or record is None:
        return None
    largest = _size(record.sizes["usd"])
    return _Check((figure,), money / Interval.point(largest.high),
                  f"{figure.surface} (US${format_interval(money.low, money.high)}) sold abroad ÷ "
                  f"{record.title}, US${format_interval(largest.high, largest.high)}")


def _size(text: str) -> Interval:
    low, _, rest = text.partition(" to ")
    high = rest.split()[0]
    return Interval(float(low), float(high))


def _when(year: int | None) -> str:
    return f"in {year}" if year else "in 2000-2025"


# Each reading's reader, and the one dimension of the figures it reads (None: any): an airtime
# price is money like the others, a yardstick a count or any measure.
_READERS: dict[str, tuple[Any, str | None]] = {
    "share-of-gdp": (_share_of_gdp, "currency"),
    "share-of-world-gdp": (_share_of_world_gdp, "currency"),
    "spending": (_spending, "currency"),
    "population": (_population, "count"),
    "area": (_area, "area"),
    "per-person": (_per_person, "currency"),
    "yardstick": (_yardstick, None),
    "airtime-price": (_airtime_price, "currency"),
    "bond-sale-abroad": (_bond_sale_abroad, "currency"),
}


def _finding(rule: Rule, reference: Reference, check: _Check) -> Finding:
    ratio, passes, fails = check.ratio, reference.passes, reference.fails_outside
    if ratio.overlaps(passes):  # some value the figure and the fact allow is ordinary
        verdict = Verdict.passed
    elif ratio.high < fails.low or ratio.low > fails.high:
        verdict = Verdict.fail
    else:
        verdict = Verdict.uncertain
    arithmetic = (f"{check.explained} = {format_interval(ratio.low, ratio.high)}; ordinary "
                  f"{format_interval(passes.low, passes.high)}, impossible outside "
                  f"{format_interval(fails.low, fails.high)} → {verdict}")
    figures = sorted(check.figures, key=lambda f: f.start)
    return Finding(
        rule=rule.id, verdict=verdict, severity=rule.severity, message=f"{rule.title}: {arithmetic}",
        spans=tuple((f.start, f.end) for f in figures), sentence=figures[0].sentence, arithmetic=arithmetic,
        details={f"figure{i + 1}" if i else "figure": f.surface for i, f in enumerate(figures)},
    )

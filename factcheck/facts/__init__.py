"""Reference facts about the world, offline: places, their sizes and economies, exchange rates and
the yardsticks news compares things to.

The data ships with the package (`data/places.csv` from GeoNames, `data/reference.yaml` written by
hand, each figure with its year and source), so what the checker believes is versioned with the code
and `factcheck facts show NAME` can print it. Figures are anchors at given years; `Facts` reads them
for an article's year with a growth allowance, or for any year 2000-2025 when the year is unknown.
Names are indexed by their first word, so finding the places a sentence names costs a dictionary
lookup per capitalised word, never a scan of the tables.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from factcheck import yaml12
from factcheck.intervals import Interval

UNKNOWN_YEARS = (2000, 2025)  # what an article of unknown date may be read against
_ROUNDING = 0.05  # anchors are rounded: read each as ±5%
_INTERPOLATION = 0.1  # growth between two anchors is not steady: ±10% around the steady path


@dataclass(frozen=True)
class Anchored:
    """A figure known at one or more years (`anchors` maps year to value), and where it comes from."""

    anchors: Mapping[int, float]
    growth: tuple[float, float]  # lowest and highest yearly factor away from the anchors
    source: str

    def at(self, year: int | None) -> Interval:
        """The values the figure may take in `year` (any year of `UNKNOWN_YEARS` when None)."""
        if year is None:
            return self.at(UNKNOWN_YEARS[0]).hull(self.at(UNKNOWN_YEARS[1])).hull(
                self._between(min(self.anchors), max(self.anchors)))
        years = sorted(self.anchors)
        if years[0] <= year <= years[-1]:
            before = max(y for y in years if y <= year)
            after = min(y for y in years if y >= year)
            a, b = self.anchors[before], self.anchors[after]
            share = 0.0 if after == before else (year - before) / (after - before)
            value = a * (b / a) ** share
            slack = _INTERPOLATION * 4 * share * (1 - share)  # none at an anchor, most halfway
            interval = Interval(value * (1 - slack), value * (1 + slack))
        else:
            nearest = years[0] if year < years[0] else years[-1]
            steps = abs(year - nearest)
            low, high = self.growth
            value = self.anchors[nearest]
            if year < nearest:  # going back: divide by the growth since
                interval = Interval(value / high ** steps, value / low ** steps)
            else:
                interval = Interval(value * low ** steps, value * high ** steps)
        return Interval(interval.low * (1 - _ROUNDING), interval.high * (1 + _ROUNDING))

    def _between(self, first: int, last: int) -> Interval:
        a, b = self.anchors[first], self.anchors[last]
        return Interval(min(a, b), max(a, b))


@dataclass(frozen=True)
class Place:
    """A country, a first-level region (a US state, a UK nation) or a city of a million or more."""

    key: str  # unique: the ISO code of a country, "region:NAME", "city:GEONAMEID", "world"
    kind: str  # world, country, region, city
    name: str
    country: str  # ISO 3166 code ("" for the world)
    population: Anchored | None
    area_km2: float | None
    gdp: Anchored | None  # US dollars; None when only an estimate from population is possible
    currency: str = ""
    names: tuple[str, ...] = ()  # every name news uses for it, the official one first
    adjectives: tuple[str, ...] = ()  # "British", "Australian"
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Yardstick:
    """Something news compares sizes to ("the size of 40 football pitches")."""

    key: str
    title: str
    words: tuple[tuple[str, ...], ...]  # each entry: words that together name it
    sizes: Mapping[str, str]  # dimension -> range with a unit, e.g. "2500 to 3750 m**3"
    sources: tuple[str, ...]
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence: where the name stands and which place it is."""

    place: Place
    start: int
    end: int
    adjective: bool  # named by its adjective ("British firms") rather than its name


class Facts:
    """Every reference fact, indexed for lookups by name."""

    def __init__(self, reference: Mapping[str, Any], places: list[dict[str, str]]) -> None:
        self.snapshot = str(reference["snapshot"])
        self.sources: dict[str, str] = dict(reference["sources"])
        growth = reference["growth"]
        self._population_growth = (float(growth["population"][0]), float(growth["population"][1]))
        self._money_growth = (float(growth["money"][0]), float(growth["money"][1]))
        self.shares: dict[str, dict[str, Any]] = {k: dict(v) for k, v in reference["shares"].items()}
        self._per_person = Interval(*map(float, reference["gdp_per_person"]["values"]))
        self._region_share = Interval(*map(float, reference["region_gdp_share"]))
        self.places: dict[str, Place] = {}
        self._region_context: dict[str, frozenset[str]] = {}
        self._build_places(reference, places)
        self.currencies: dict[str, tuple[str, Interval]] = {}  # unit name -> (ISO code, USD per unit)
        self.rates: dict[str, Interval] = {}
        self.shared_words: dict[str, str] = {}  # ISO code -> the word other currencies also use
        for code, spec in reference["currencies"].items():
            self.rates[code] = Interval(*map(float, spec["rate"]))
            for unit in spec["units"]:
                self.currencies[unit] = (code, self.rates[code])
            if "shared_word" in spec:
                self.shared_words[code] = str(spec["shared_word"])
        self._any_dollar = Interval(*map(float, reference["any_dollar"]))
        self.yardsticks: dict[str, Yardstick] = {}
        for key, spec in reference["yardsticks"].items():
            sources = spec["source"] if isinstance(spec["source"], list) else [spec["source"]]
            self.yardsticks[key] = Yardstick(
                key, spec["title"], tuple(tuple(w.lower() for w in words) for words in spec["words"]),
                dict(spec["sizes"]), tuple(self.sources[s] for s in sources),
                {k: v for k, v in spec.items() if k not in ("title", "words", "sizes", "source")})
        self._context = {name: {code: frozenset(words) for code, words in spec.items()}
                         for name, spec in reference.get("ambiguous", {}).items()}
        self._index()

    # --- building ------------------------------------------------------------------------------

    def _build_places(self, reference: Mapping[str, Any], rows: list[dict[str, str]]) -> None:
        geonames = self.sources["geonames"]
        world = reference["world"]
        self.places["world"] = Place(
            "world", "world", "the world", "",
            self._anchored(world["population"]["values"], self._population_growth, world["population"]),
            None, self._anchored(world["gdp"]["values"], self._money_growth, world["gdp"]),
            "USD", ("the world", "world"), (), (self.sources[world["population"]["source"]],
                                                self.sources[world["gdp"]["source"]]))
        extra = reference["countries"]
        for row in rows:
            population = (Anchored({2019: float(row["population"])}, self._population_growth, "geonames")
                          if row["population"] else None)
            area = float(row["area_km2"]) if row["area_km2"] else None
            if row["kind"] == "country":
                more = extra.get(row["country"], {})
                gdp = more.get("gdp")
                if "population" in more:
                    anchors = dict(zip((2005, 2023), map(float, more["population"]), strict=True))
                    population = Anchored(anchors, self._population_growth, "wpp")
                self.places[row["country"]] = Place(
                    row["country"], "country", row["name"], row["country"], population, area,
                    Anchored({2005: float(gdp[0]), 2023: float(gdp[1])}, self._money_growth, "wdi")
                    if gdp else None,
                    row["currency"], (row["name"], *more.get("aliases", ())),
                    tuple(a for a in more.get("adjectives", ()) if a not in more.get("aliases", ())),
                    (geonames, *([self.sources["wpp"]] if "population" in more else []),
                     *([self.sources["wdi"]] if gdp else [])))
            else:
                self.places[f"city:{row['geonameid']}"] = Place(
                    f"city:{row['geonameid']}", "city", row["name"], row["country"], population, area, None,
                    "", (row["name"], *reference["city_aliases"].get(row["name"], ())), (), (geonames,))
        for spec in reference["regions"]:
            source = self.sources[reference["region_sources"][spec["country"]]]
            years = (2005, 2022) if spec["country"] in ("GB", "DE") else (2005, 2023)
            names = (spec["name"], *spec.get("aliases", ()))
            if spec["name"].endswith((" State",)):  # "New York State" is also plain "New York"
                names = (*names, spec["name"].removesuffix(" State"))
            self.places[f"region:{spec['name']}"] = Place(
                f"region:{spec['name']}", "region", spec["name"], spec["country"],
                Anchored(dict(zip(years, map(float, spec["population"]), strict=True)),
                         self._population_growth, reference["region_sources"][spec["country"]]),
                float(spec["area_km2"]), None, "", names, (), (source,))
            if "context" in spec:
                self._region_context[spec["name"]] = frozenset(spec["context"])

    @staticmethod
    def _anchored(values: Mapping[int, float], growth: tuple[float, float],
                  spec: Mapping[str, Any]) -> Anchored:
        return Anchored({int(y): float(v) for y, v in values.items()}, growth, str(spec["source"]))

    def _index(self) -> None:
        """Names by their first word, longest first, so a sentence is read word by word."""
        self._by_first: dict[str, list[tuple[str, Place, bool]]] = {}
        for place in self.places.values():
            if place.kind == "world":
                continue
            for name in place.names:
                self._by_first.setdefault(name.split()[0], []).append((name, place, False))
            for adjective in place.adjectives:
                self._by_first.setdefault(adjective.split()[0], []).append((adjective, place, True))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    # --- lookups -------------------------------------------------------------------------------

    def find(self, name: str) -> list[Place]:
        """Places called `name` (any of their names, case-insensitive), the world for 'world'."""
        wanted = name.strip().casefold()
        found = [place for place in self.places.values()
                 if wanted == place.key.casefold() or any(wanted == n.casefold() for n in place.names)]
        return found

    def mentions(self, sentence: str) -> list[Mention]:
        """Places a sentence names, each at most once per position; ambiguous names are resolved by
        the sentence's other words or left out, and names inside a longer proper name are skipped
        ("Texas Instruments", "Jack London")."""
        found: list[Mention] = []
        for word in _CAPITALISED.finditer(sentence):
            start = word.start()
            if found and start < found[-1].end:
                continue
            token = re.sub(r"(?:’s|'s)$", "", word.group())
            candidates = self._by_first.get(token) or self._by_first.get(token.rstrip("."))
            if not candidates:
                continue
            for name, _, _ in candidates:
                end = start + len(name)
                ends_word = end >= len(sentence) or not _word_char(sentence[end])
                if sentence.startswith(name, start) and ends_word:
                    matched = [(p, adj) for n, p, adj in candidates if n == name]
                    break
            else:
                continue
            if _inside_longer_name(sentence, start, end):
                continue
            place, adjective = self._resolve(name, matched, sentence)
            if place is not None:
                found.append(Mention(place, start, end, adjective))
        return found

    def _resolve(self, name: str, matched: list[tuple[Place, bool]],
                 sentence: str) -> tuple[Place | None, bool]:
        places = {place.key: (place, adjective) for place, adjective in matched}
        if len(places) == 1:
            return next(iter(places.values()))
        countries = [entry for entry in places.values() if entry[0].kind == "country"]
        same_country = {entry[0].country for entry in places.values()}
        if len(countries) == 1 and len(same_country) == 1:  # Singapore the city and the country
            return countries[0]
        words = set(re.findall(r"[\w.]+", sentence))
        fitting = [entry for entry in places.values() if self._context_words(name, entry[0]) & words]
        if len(fitting) == 1:
            return fitting[0]
        return None, False

    def _context_words(self, name: str, place: Place) -> frozenset[str]:
        if place.kind == "region":
            return self._region_context.get(place.name, frozenset())
        return self._context.get(name, {}).get(place.key, frozenset())

    def population(self, place: Place, year: int | None) -> Interval | None:
        return place.population.at(year) if place.population else None

    def gdp(self, place: Place, year: int | None) -> Interval | None:
        """The place's GDP in US dollars; for a country or region without one, estimated (widely) from
        its population; none for cities, whose economies are not bounded by their population."""
        if place.gdp is not None:
            return place.gdp.at(year)
        population = self.population(place, year)
        if population is None or place.kind == "city":
            return None
        if place.kind == "country":
            return population * self._per_person
        country = self.places.get(place.country)
        if country is None or country.gdp is None or country.population is None:
            return population * self._per_person
        per_person = _middle(country.gdp.at(year)) / _middle(country.population.at(year))
        return population * Interval.point(per_person) * self._region_share

    def usd_per(self, unit: str, place: Place | None) -> Interval | None:
        """US dollars per unit of a currency the extractor names (`pound sterling`); a bare `dollar`
        is the place's own dollar when it has one, else any dollar. A currency whose word other
        currencies share (`shared_word`) is read for a place using another of them in the place's
        own, or not at all."""
        if unit in self.currencies:
            code, rate = self.currencies[unit]
            word = self.shared_words.get(code)
            country = self.places.get(place.country) if place is not None else None
            if word is None or country is None or country.currency in ("", code):
                return rate
            # "francs", "pesos", "Rs": the extractor names one currency of that word; a place using
            # another of the same word is read in its own when known, else not at all
            own = country.currency
            return self.rates[own] if self.shared_words.get(own) == word else None
        if unit == "dollar":
            if place is not None:
                country = self.places.get(place.country)
                code = country.currency if country else ""
                if code.endswith("D") and code in self.rates:
                    return self.rates[code]
            return self._any_dollar
        return None

    def yardstick_for(self, words: set[str]) -> Yardstick | None:
        """The yardstick all of whose words of one naming are among `words` (lower case)."""
        for yardstick in self.yardsticks.values():
            if any(all(w in words for w in naming) for naming in yardstick.words):
                return yardstick
        return None

    def all_places(self, kind: str | None = None) -> Iterator[Place]:
        return (place for place in self.places.values() if kind is None or place.kind == kind)


_CAPITALISED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}|(?<![\w’'])[A-Z][\w’'.-]*")


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "-"


def _inside_longer_name(sentence: str, start: int, end: int) -> bool:
    """Whether the name is part of a longer proper name: a capitalised word right after it, or right
    before it when that word does not open the sentence."""
    after = re.match(r"(?:’s|'s)?\s+([A-Z][a-z])", sentence[end:])
    if after and not sentence[end:].startswith(("’s", "'s")):
        return True
    before = re.search(r"([A-Z][\w’'-]*|of)\s+$", sentence[:start])
    if before is None:
        return False
    word = before.group(1)
    if word == "of":  # "Bank of England", but not "the population of Lagos"
        return re.search(r"[A-Z][\w]*\s+of\s+$", sentence[:start]) is not None
    opens = sentence[:before.start()].strip() == ""
    return not opens and word.lower() not in _LINKING


# Capitalised words that may stand before a place name without being part of it.
_LINKING = frozenset({"in", "the", "for", "from", "and", "but", "as", "by", "to", "at", "on", "with", "while",
                      "across", "throughout", "said", "says", "between"})


def _middle(interval: Interval) -> float:
    return math.sqrt(interval.low * interval.high)


@cache
def reference_facts() -> Facts:
    """The shipped facts, read once per process."""
    data = resources.files(__package__) / "data"
    reference = yaml12.load(data.joinpath("reference.yaml").read_text(encoding="utf-8"))
    with data.joinpath("places.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return Facts(reference, rows)


__all__ = ["Anchored", "Facts", "Mention", "Place", "Yardstick", "reference_facts"]

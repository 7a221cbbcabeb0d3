"""What the checker believes about a place, a currency or a yardstick, as an editor reads it
(`factcheck facts show NAME`, `factcheck facts list`): each figure with its year and source, and,
for a given year, the range the rules compare an article's figures with."""

from __future__ import annotations

from typing import Any

from factcheck.extract.units import CURRENCY_CODES, CURRENCY_PREFIXES
from factcheck.facts import Facts, Place, Yardstick
from factcheck.intervals import Interval, format_interval
from factcheck.intervals import format_number as _number

KINDS = ("world", "country", "region", "city", "currency", "yardstick")


def lookup(facts: Facts, name: str) -> list[Place | Yardstick | str]:
    """Everything called `name`: places (by any of their names), yardsticks (by key or title words)
    and currencies (by ISO code, unit name or the symbol written before an amount, returned as the
    ISO code)."""
    wanted = name.strip().casefold()
    found: list[Place | Yardstick | str] = list(facts.find(name))
    for yardstick in facts.yardsticks.values():
        title = yardstick.title.casefold()
        if wanted in (yardstick.key, title, title.removeprefix("an "), title.removeprefix("a ")):
            found.append(yardstick)
    written = CURRENCY_PREFIXES.get(name.strip()) or CURRENCY_CODES.get(name.strip().upper())
    spelled = written.name if written else ""  # "Rmb", "SFr", "HK$": the unit the extractor reads
    found += sorted({code for unit, (code, _) in facts.currencies.items()
                     if wanted in (unit, code.casefold()) or unit == spelled})
    return found


def describe(facts: Facts, entry: Place | Yardstick | str, year: int | None) -> dict[str, Any]:
    """One entry as plain data (for `--format json`); ranges are what the rules read for `year`."""
    if isinstance(entry, str):
        rate = facts.rates[entry]
        units = sorted(unit for unit, (code, _) in facts.currencies.items() if code == entry)
        shared = {"shared_word": facts.shared_words[entry]} if entry in facts.shared_words else {}
        return {"kind": "currency", "name": entry, "units": units, "usd_per_unit": [rate.low, rate.high],
                **shared, "sources": [facts.sources["fx"]]}
    if isinstance(entry, Yardstick):
        return {"kind": "yardstick", "name": entry.key, "title": entry.title,
                "named_by": [" ".join(words) for words in entry.words], "sizes": dict(entry.sizes),
                **{key: value for key, value in entry.extra.items()}, "sources": list(entry.sources)}
    out: dict[str, Any] = {"kind": entry.kind, "name": entry.name, "key": entry.key}
    if entry.country:
        out["country"] = entry.country
    out["names"] = list(entry.names)
    if entry.adjectives:
        out["adjectives"] = list(entry.adjectives)
    if entry.population is not None:
        out["population"] = {"anchors": {str(y): v for y, v in sorted(entry.population.anchors.items())},
                             "read_as": _pair(facts.population(entry, year))}
    if entry.area_km2 is not None:
        out["area_km2"] = entry.area_km2
    gdp = facts.gdp(entry, year)
    if gdp is not None:
        out["gdp_usd"] = {"anchors": ({str(y): v for y, v in sorted(entry.gdp.anchors.items())}
                                      if entry.gdp else None),
                          "estimated": entry.gdp is None, "read_as": _pair(gdp)}
    if entry.currency:
        out["currency"] = entry.currency
    out["year"] = year
    out["sources"] = list(entry.sources)
    return out


def _pair(interval: Interval | None) -> list[float] | None:
    return None if interval is None else [interval.low, interval.high]


def as_text(data: dict[str, Any]) -> str:
    """The entry for a terminal: one figure a line, with where it comes from."""
    year = data.get("year")
    when = f"in {year}" if year else "for an article of unknown year (2000-2025)"
    country = f", {data['country']}" if data.get("country") else ""
    lines = [f"{data['name']}  ({data['kind']}{country})"]
    if data["kind"] == "currency":
        low, high = data["usd_per_unit"]
        lines.append(f"  units: {', '.join(data['units'])}")
        lines.append(f"  US dollars per unit: {low:g} to {high:g}")
        if "shared_word" in data:
            lines.append(f"  other currencies are called '{data['shared_word']}' too: a figure tied to a "
                         "place using one of them is read in that place's own, or left alone")
    elif data["kind"] == "yardstick":
        lines.append(f"  {data['title']}; named by: {'; '.join(data['named_by'])}")
        lines += [f"  {dimension}: {size}" for dimension, size in data["sizes"].items()]
        if "capacity_factor" in data:
            low, high = data["capacity_factor"]
            lines.append(f"  capacity factor of a plant: {low:g} to {high:g}")
    else:
        if len(data["names"]) > 1 or data.get("adjectives"):
            lines.append("  also: " + ", ".join([*data["names"][1:], *data.get("adjectives", [])]))
        if "population" in data:
            anchors = ", ".join(f"{_number(v)} ({y})" for y, v in data["population"]["anchors"].items())
            lines.append(f"  population: {anchors}; read {when} as {_range(data['population']['read_as'])}")
        if "area_km2" in data:
            lines.append(f"  area: {_number(data['area_km2'])} km²")
        if "gdp_usd" in data:
            gdp = data["gdp_usd"]
            if gdp["estimated"]:
                lines.append(f"  GDP: none on record; estimated from population {when} as "
                             f"US${_range(gdp['read_as'])}")
            else:
                anchors = ", ".join(f"US${_number(v)} ({y})" for y, v in gdp["anchors"].items())
                lines.append(f"  GDP: {anchors}; read {when} as US${_range(gdp['read_as'])}")
        if data.get("currency"):
            lines.append(f"  currency: {data['currency']}")
    lines.append("  sources:")
    lines += [f"    - {source}" for source in data["sources"]]
    return "\n".join(lines)


def _range(pair: list[float] | None) -> str:
    return "unknown" if pair is None else format_interval(pair[0], pair[1])


def listing(facts: Facts, kind: str | None) -> list[dict[str, Any]]:
    """One short row per entry of `kind` (every kind when None), in a stable order."""
    rows: list[dict[str, Any]] = []
    for wanted in KINDS if kind is None else (kind,):
        if wanted == "currency":
            rows += [{"kind": "currency", "name": code, "usd_per_unit": [rate.low, rate.high]}
                     for code, rate in sorted(facts.rates.items())]
        elif wanted == "yardstick":
            rows += [{"kind": "yardstick", "name": key, "title": y.title, "sizes": dict(y.sizes)}
                     for key, y in sorted(facts.yardsticks.items())]
        else:
            for place in sorted(facts.all_places(wanted), key=lambda p: (p.country, p.name)):
                row: dict[str, Any] = {"kind": place.kind, "name": place.name, "country": place.country}
                if place.population is not None:
                    row["population"] = place.population.anchors[max(place.population.anchors)]
                    row["population_year"] = max(place.population.anchors)
                if place.area_km2 is not None:
                    row["area_km2"] = place.area_km2
                if place.gdp is not None:
                    row["gdp_usd"] = place.gdp.anchors[max(place.gdp.anchors)]
                    row["gdp_year"] = max(place.gdp.anchors)
                rows.append(row)
    return rows


def listing_line(row: dict[str, Any]) -> str:
    """A listing row for a terminal."""
    if row["kind"] == "currency":
        low, high = row["usd_per_unit"]
        return f"currency   {row['name']:<32} US$ {low:g} to {high:g} per unit"
    if row["kind"] == "yardstick":
        return f"yardstick  {row['name']:<32} " + "; ".join(f"{d} {s}" for d, s in row["sizes"].items())
    parts = [f"{row['kind']:<10} {row['name'][:28]:<28} {row['country']:<3}"]
    if "population" in row:
        parts.append(f"pop {_number(row['population'])} ({row['population_year']})")
    if "area_km2" in row:
        parts.append(f"{_number(row['area_km2'])} km²")
    if "gdp_usd" in row:
        parts.append(f"GDP US${_number(row['gdp_usd'])} ({row['gdp_year']})")
    return "  ".join(parts)

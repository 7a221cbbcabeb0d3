"""How `compare` behaves on real articles: false conflicts, measured on the BBC corpus.

Two measurements over ../shared/corpus/bbc/bbc.jsonl (read at run time, never copied):
- versions: records sharing a title but not their text (the corpus holds such re-edited copies of
  one story); every conflict here is either a real edit between the copies or a false alignment,
  and is printed for inspection;
- unrelated: pairs of neighbouring articles of one category with different titles (different
  stories); every aligned figure here is a false alignment, every conflict a false alarm;
- look-alikes: each of the first articles of every category paired with the article of its
  category whose words overlap most but which tells another story (different title, less than
  half the words shared): the hardest case for false alignments.

Usage: python benchmarks/compare_bbc.py [--unrelated N] [--lookalikes N] [--crowd N] [--show]

It also times alignment against extraction on the same articles.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from factcheck.compare import Agreement, Version, compare_versions
from factcheck.compare.words import content_words
from factcheck.documents import Document
from factcheck.extract import extract_document
from factcheck.extract.unit_registry import registry

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc" / "bbc.jsonl"


def load() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def title(record: dict[str, str]) -> str:
    return record["text"].split("\n", 1)[0].strip()


def version(record: dict[str, str], cache: dict[str, Version]) -> Version:
    if record["id"] not in cache:
        doc = f"bbc.jsonl#{record['id']}"
        cache[record["id"]] = Version(doc, record["text"], extract_document(Document(doc, record["text"])))
    return cache[record["id"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unrelated", type=int, default=40, help="unrelated pairs to compare")
    parser.add_argument("--lookalikes", type=int, default=40, help="look-alike pairs to compare")
    parser.add_argument("--crowd", type=int, default=100, help="versions in the one-story stress test")
    parser.add_argument("--show", action="store_true", help="print every conflict and aligned pair")
    args = parser.parse_args()
    records = load()
    cache: dict[str, Version] = {}
    by_title: dict[str, list[dict[str, str]]] = defaultdict(list)
    for record in records:
        by_title[title(record)].append(record)
    versions = [group[:2] for group in by_title.values()
                if len(group) > 1 and group[0]["text"] != group[1]["text"]]
    by_category: dict[str, list[dict[str, str]]] = defaultdict(list)
    for record in records:
        by_category[record["category"]].append(record)
    unrelated = []
    for category in sorted(by_category):
        items = by_category[category]
        unrelated += [(items[i], items[i + 1]) for i in range(0, len(items) - 1, 2)
                      if title(items[i]) != title(items[i + 1])][: args.unrelated // len(by_category)]
    lookalikes = []
    for category in sorted(by_category):
        items = by_category[category]
        words = [frozenset(content_words(item["text"])) for item in items]
        for i in range(args.lookalikes // len(by_category)):
            overlap = [(len(words[i] & words[j]) / len(words[i] | words[j]), j) for j in range(len(items))
                       if j != i and title(items[j]) != title(items[i])]
            best = max((o for o in overlap if o[0] < 0.5), default=None)
            if best is not None:
                lookalikes.append((items[i], items[best[1]]))
    started = time.perf_counter()
    registry()  # pint, built once per process when two versions use different units
    print(f"pint registry (once per process): {time.perf_counter() - started:.1f} s")
    extracting = comparing = 0.0
    for label, pairs in (("versions", versions), ("unrelated", unrelated), ("look-alikes", lookalikes)):
        totals = {verdict: 0 for verdict in Agreement}
        for a, b in pairs:
            started = time.perf_counter()
            try:
                both = [version(a, cache), version(b, cache)]
            except Exception as exc:  # an extractor failure costs the pair, not the measurement
                print(f"  skipped {a['id']} / {b['id']}: extraction failed: {type(exc).__name__}: {exc}")
                continue
            finally:
                extracting += time.perf_counter() - started
            started = time.perf_counter()
            comparison = compare_versions(title(a), both)
            comparing += time.perf_counter() - started
            for figure in comparison.figures:
                totals[figure.verdict] += 1
                if args.show and figure.verdict is not Agreement.single_source:
                    shown = " | ".join(f"{m.doc}: {m.surface!r} in {m.sentence[:80]!r}"
                                       for m in figure.mentions)
                    print(f"  [{label}] {figure.verdict.value}: {shown}")
        print(f"{label}: {len(pairs)} pairs; conflicts {totals[Agreement.conflict]}, "
              f"agreements {totals[Agreement.agree]}, single-source {totals[Agreement.single_source]}")
    print(f"{len(cache)} articles: extraction {extracting:.1f} s, comparison {comparing:.1f} s "
          f"(comparison / extraction = {comparing / max(extracting, 1e-9):.3f})")
    # One story of many versions: every article of a category compared at once (the worst case of
    # the pairwise alignment), against extracting those articles.
    crowd = by_category["business"][: args.crowd]
    started = time.perf_counter()
    crowd_versions = []
    for record in crowd:
        try:
            crowd_versions.append(version(record, cache))
        except Exception as exc:
            print(f"  skipped {record['id']}: extraction failed: {type(exc).__name__}: {exc}")
    extracting = time.perf_counter() - started
    started = time.perf_counter()
    comparison = compare_versions("crowd", crowd_versions)
    comparing = time.perf_counter() - started
    figures = sum(len(f.mentions) for f in comparison.figures)
    print(f"one story of {len(crowd_versions)} versions ({figures} figures): "
          f"extraction {extracting:.1f} s, comparison {comparing:.1f} s")


if __name__ == "__main__":
    main()

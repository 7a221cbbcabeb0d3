"""Concept accuracy on a hand-annotated development set of BBC figures, and its cost.

benchmarks/data/concepts_dev.jsonl holds one figure per line: the BBC article id (../shared/corpus/bbc),
the figure's character offsets in the article, and the head noun of what it counts or measures, as
annotated by reading the article (null where the sentence names nothing it measures). No article
text is stored: the scorer reads it from the corpus.

A gold figure is matched to the extracted row whose span overlaps it. The row's concept counts as
right when its head noun (`factcheck.extract.concepts.head_noun`) equals the gold head, both
lower-cased and singular. Precision is over rows with a concept; recall over gold figures with a
head; accuracy over all gold figures (a null gold head is right when the row has no concept).
Rows the extractor misses count against recall.

These are development scores: the set was used while writing `factcheck/extract/concepts.py`.

Usage: python benchmarks/concepts.py [--corpus PATH] [--show]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from factcheck.extract.concepts import head_noun
from factcheck.extract.core import extract_rows

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir() else Path("/work/shared")
GOLD = ROOT / "benchmarks" / "data" / "concepts_dev.jsonl"


def _norm(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower().removesuffix("'s").removesuffix("’s")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def load(corpus: Path) -> tuple[list[dict], dict[str, str]]:
    """The gold figures and the text of every article they come from."""
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {item["doc"] for item in gold}
    texts = {}
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article["id"] in wanted:
                texts[article["id"]] = article["text"]
    return gold, texts


def score(gold: list[dict], texts: dict[str, str], heads: list[str | None], show: bool = False
          ) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and accuracy of predicted head nouns (one per gold figure, or None)."""
    predicted = correct = expected = right = 0
    for item, head in zip(gold, heads, strict=True):
        got, want = _norm(head), _norm(item["head"])
        predicted += got is not None
        expected += want is not None
        correct += got is not None and got == want
        right += got == want
        if show and got != want:
            print(f"{item['doc']} {texts[item['doc']][item['start']:item['end']]!r}: gold {want}, got {got}")
    precision = correct / predicted if predicted else 0.0
    recall = correct / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, right / len(gold)


def rule_heads(gold: list[dict], rows: dict[str, list]) -> list[str | None]:
    """The rule-based reader's head noun for each gold figure (the row whose span overlaps it)."""
    heads = []
    for item in gold:
        match = next((row for row in rows[item["doc"]]
                      if row["start"] < item["end"] and item["start"] < row["end"]), None)
        heads.append(head_noun(match["concept"]) if match and match["concept"] else None)
    return heads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "bbc" / "bbc.jsonl")
    parser.add_argument("--show", action="store_true", help="print every figure scored wrong")
    args = parser.parse_args()
    gold, texts = load(args.corpus)
    started = time.perf_counter()
    rows = {doc: extract_rows(text, doc) for doc, text in texts.items()}
    seconds = time.perf_counter() - started
    precision, recall, f1, accuracy = score(gold, texts, rule_heads(gold, rows), args.show)
    expected = sum(item["head"] is not None for item in gold)
    chars = sum(map(len, texts.values()))
    print(f"concept dev set: {len(gold)} figures in {len(texts)} BBC articles, {expected} with a head noun")
    print(f"  head noun  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  accuracy {accuracy:.3f}")
    print(f"  extraction of these articles: {seconds:.2f} s ({chars / seconds:,.0f} chars/s, "
          "warm-up included)")

if __name__ == "__main__":
    main()

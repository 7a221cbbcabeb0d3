"""False alarms of the arithmetic rules on real articles: fail and uncertain findings per rule.

    python benchmarks/false_alarms.py [CORPUS] [--sample N] [--rules FILE] [--show K]

CORPUS defaults to ../shared/corpus/bbc (its txt/ folder is used; texts are read at run time and
never copied). Real published articles are nearly all internally consistent, so almost every
fail or uncertain finding here is a false alarm; `--show K` prints K of each rule's findings
(file, verdict, arithmetic, sentence) to read them. `--sample N` takes N articles spread evenly
over the corpus. Runs on one core, through the real pipeline (`check_document`).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from factcheck.documents import Document
from factcheck.pipeline import check_document
from factcheck.rules import load_ruleset
from factcheck.rules.findings import Finding, Verdict

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RULES = ROOT / "rules" / "arithmetic.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--sample", type=int, default=0, help="check N articles spread over the corpus")
    parser.add_argument("--rules", default=str(DEFAULT_RULES), help="rule file or folder")
    parser.add_argument("--show", type=int, default=5, help="findings to print per rule")
    args = parser.parse_args()

    folder = Path(args.corpus)
    paths = sorted((folder / "txt" if (folder / "txt").is_dir() else folder).rglob("*.txt"))
    if args.sample:
        step = max(1, len(paths) // args.sample)
        paths = paths[::step][:args.sample]
    rules = list(load_ruleset([args.rules]))
    counts: Counter[tuple[str, Verdict]] = Counter()
    flagged: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        result = check_document(Document(str(path.relative_to(folder)), text), rules)
        for finding in result.findings:
            counts[finding.rule, finding.verdict] += 1
            if finding.verdict is not Verdict.passed:
                flagged[finding.rule].append((result.doc, finding))
    elapsed = time.perf_counter() - started

    print(f"{len(paths)} articles, {elapsed:.0f} s")
    print(f"{'rule':32} {'fail':>5} {'uncertain':>9} {'pass':>5}  fails per 1,000 articles")
    for rule in rules:
        fails = counts[rule.id, Verdict.fail]
        print(f"{rule.id:32} {fails:5} {counts[rule.id, Verdict.uncertain]:9} "
              f"{counts[rule.id, Verdict.passed]:5}  {1000 * fails / max(1, len(paths)):.1f}")
    for rule in rules:
        for doc, finding in flagged[rule.id][:args.show]:
            print(f"\n{rule.id} {finding.verdict} {doc}\n  {finding.arithmetic}")
            print(f"  > {finding.sentence.strip()[:300]}")


if __name__ == "__main__":
    main()

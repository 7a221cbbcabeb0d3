"""Every finding of the `reference` rules on a corpus, one per line, for judging by reading.

    python benchmarks/reference_findings.py [CORPUS] [--rules FILE] [--sentences]

CORPUS defaults to ../shared/corpus/bbc (its txt/ folder; texts are read at run time and never
copied). Prints a TSV header and one row per finding: document, rule, verdict, the figures, and
the arithmetic; `--sentences` adds each finding's sentence, for reading only (judgements kept in
the repository, such as benchmarks/judged/reference.tsv, name the document and figure, never the
sentence). The last line counts the findings by verdict.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from factcheck.documents import Document
from factcheck.pipeline import check_document
from factcheck.rules import load_ruleset

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--rules", default=str(ROOT / "rules" / "scale.yaml"), help="rule file or folder")
    parser.add_argument("--sentences", action="store_true", help="add each finding's sentence")
    parser.add_argument("--timing", action="store_true", help="also time each article without rules")
    parser.add_argument("--judged", default=str(ROOT / "benchmarks" / "judged" / "reference.tsv"),
                        help="judged findings (TSV: doc, rule, verdict, figures, judgement, note)")
    args = parser.parse_args()

    folder = Path(args.corpus)
    paths = sorted((folder / "txt" if (folder / "txt").is_dir() else folder).rglob("*.txt"))
    rules = [rule for rule in load_ruleset([args.rules]) if rule.kind == "reference"]
    counts: Counter[str] = Counter()
    seen: list[tuple[str, ...]] = []
    print("doc\trule\tverdict\tfigures\tarithmetic" + ("\tsentence" if args.sentences else ""))
    spent = {"without rules": 0.0, "with reference rules": 0.0}
    for path in paths:
        document = Document(str(path.relative_to(folder)), path.read_text(encoding="utf-8", errors="replace"))
        if args.timing:
            started = time.process_time()
            check_document(document, [])
            spent["without rules"] += time.process_time() - started
        started = time.process_time()
        result = check_document(document, rules)
        spent["with reference rules"] += time.process_time() - started
        for finding in result.findings:
            counts[finding.verdict] += 1
            row = [result.doc, finding.rule, str(finding.verdict), " | ".join(finding.details.values()),
                   finding.arithmetic]
            if args.sentences:
                row.append(" ".join(finding.sentence.split()))
            print("\t".join(row))
            seen.append(tuple(row[:4]))
    tally = ", ".join(f"{verdict} {counts[verdict]}" for verdict in ("fail", "uncertain", "pass"))
    print(f"{len(paths)} articles, {len(rules)} reference rules: {tally}; "
          f"{spent['with reference rules']:.1f} s CPU", file=sys.stderr)
    if args.timing and spent["without rules"]:
        ratio = spent["with reference rules"] / spent["without rules"]
        print(f"CPU per article: {1000 * spent['without rules'] / len(paths):.2f} ms without rules, "
              f"{1000 * spent['with reference rules'] / len(paths):.2f} ms with the reference rules "
              f"(x{ratio:.2f})", file=sys.stderr)


    judged_path = Path(args.judged)
    if judged_path.is_file():
        _judgements(seen, judged_path)


def _judgements(seen: list[tuple[str, ...]], path: Path) -> None:
    """How the run's findings stand against the judged file: coverage and the flags' precision."""
    judged: dict[tuple[str, ...], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("txt/") and len(fields) >= 5:
            judged[tuple(fields[:4])] = fields[4]
    unjudged = [key for key in seen if key not in judged]
    flags = [judged[key] for key in seen if key[2] in ("fail", "uncertain") and key in judged]
    real = sum(judgement == "real-problem" for judgement in flags)
    share = f"{100 * real / len(flags):.0f}%" if flags else "n/a"
    print(f"judged {len(seen) - len(unjudged)} of {len(seen)} findings; flags judged {len(flags)}, "
          f"real problems {real} ({share})", file=sys.stderr)
    for key in unjudged:
        print("UNJUDGED\t" + "\t".join(key), file=sys.stderr)


if __name__ == "__main__":
    main()

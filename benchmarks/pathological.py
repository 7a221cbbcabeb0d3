"""Pathological inputs through the WHOLE check: is the time linear in the size, and memory bounded?

For each hostile shape it times the whole check of one document (reading the file, extraction,
relations, rules, the markdown report) at a size S and at 4S, and prints the growth
t(4S) / t(S): 4 is linear, 16 quadratic; the target is at most 5. The shapes are those of live
blogs, results pages and data dumps that made the check quadratic or worse: long tallies, runs of
blank lines, one sentence holding thousands of spaces, long share lists, long conversion lists,
plus figure-dense text (digit runs, numbers in one sentence, comma lists, number words).
`compare` is timed the same way on two versions of a story holding many counted figures.
It then prints the peak memory (RSS) of this process over all of it (target < 500 MB), and
times the reader refusing a 30 MB file and a dump of numbers against reading an ordinary article.

Every text is generated here, at run time.

Usage: python benchmarks/pathological.py [--scale F] [--only NAME]
  --scale F  multiplies every size (default 1: the sizes at which the issue measured them)
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.compare.align import Version, compare_versions
from factcheck.documents import MAX_NUMBERS, Document, read_documents
from factcheck.extract import extract_document
from factcheck.pipeline import check_document
from factcheck.report.markdown import render_markdown
from factcheck.rules.loader import load_rules

PROSE = "The council spent £600m on 3,000 homes, up 12% from about 2.1 million last year. "
GROWTH_TARGET = 5.0
MEMORY_TARGET_MB = 500


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def tally(count: int) -> str:
    """A results page: one short counted line per district, figures all of one kind."""
    pick = random.Random(15)
    return "".join(f"In ward {index}, the council said {pick.randint(10, 900)} homes were flooded. "
                   + ("\n\n" if index % 4 == 3 else "") for index in range(1, count + 1))


def shares(count: int) -> str:
    """One sentence sharing a whole out among many parts."""
    return "Of the 90,000 votes cast, " + ", ".join(
        f"list {index} won {index % 40 + 1}%" for index in range(count)) + ".\n"


def conversions(count: int) -> str:
    """Amounts each followed by its conversion in brackets, in one long list."""
    return "Fees this season: " + ", ".join(
        f"£{index % 90 + 2}m (${index % 90 + 3}m)" for index in range(count)) + ".\n"


# Sides and areas, labelled rates, "respectively" lists and headcounts: the relation families that
# look across neighbouring sentences (and, without full stops, at many candidates in one sentence).
CUES = ("The hall is 40 by 60 metres. The 2,400 square metre hall opens soon. It cost £900 for adults and "
        "£400 for pupils. Fares were 8% higher for adults and 5% higher for pupils. Each of the 900 staff "
        "got £250. The awards cost a total of £225,000. Sales rose to £5m and £3m from £4m and £2m "
        "respectively. It carried 41,000 tonnes, up 9%. ")


# name -> (text of size n, n at 1x). Sizes at 1x are the issue's.
SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "prose (baseline)": (lambda n: repeat_to(PROSE, n), 20_000),
    "long tallies (lines)": (tally, 1_500),
    "blank lines (chars)": (lambda n: "Town: 4,000 homes.\n" + "\n" * n + "Now 300 flooded.\n", 60_000),
    "spaces in one sentence": (lambda n: "The 3 mayors paid 40 euros" + " " * n + "for 12 lamps.\n", 20_000),
    "long share list (parts)": (shares, 500),
    "long conversion list": (conversions, 500),
    "one long line of words": (lambda n: repeat_to("word ", n - 8) + "3 cats.", 20_000),
    "one long digit run": (lambda n: "It is " + "7" * (n - 12) + " cats.", 20_000),
    # Sized so that 4x stays under the reader's refusal of data dumps (`documents.MAX_NUMBERS`),
    # which is timed on its own below.
    "numbers in one sentence": (lambda n: repeat_to("1 ", n), 4_000),
    "comma list of numbers": (lambda n: repeat_to("1,234, 56, 7.5, ", n), 6_000),
    "money and ranges, no stop": (lambda n: repeat_to("£3.4m to $2.5bn, ", n), 8_000),
    "number words, no stop": (lambda n: repeat_to("three ", n), 20_000),
    "cross-sentence cues": (lambda n: repeat_to(CUES, n), 20_000),
    "cross-sentence cues, no stop": (lambda n: repeat_to(CUES.replace(". ", ", "), n), 20_000),
}


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def whole_check(folder: Path, text: str, rules: object) -> None:
    """Read `text` from a file as a user's article, check it and render its report."""
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    [document] = read_documents([str(path)])
    if not isinstance(document, Document):
        raise SystemExit(f"benchmark: the reader refused a shape: {document.message}")
    render_markdown(check_document(document, rules))  # type: ignore[arg-type]


def counted_versions(count: int) -> list[Version]:
    """Two versions of one story, `count` counted figures each, most agreeing, some not."""
    versions = []
    for name, shift in (("wire", 0), ("rewrite", 7)):
        text = "".join(f"In ward {index}, crews filled {300 + (index * shift) % 50} sandbags. "
                       for index in range(1, count + 1))
        document = Document(name, text)
        versions.append(Version(name, text, extract_document(document)))
    return versions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (default 1)")
    parser.add_argument("--only", help="run only the shapes whose name holds this")
    args = parser.parse_args()
    rules = load_rules()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(a shared machine makes times noisy)")
    print(f"{'input (whole check)':<28} {'size S':>8} {'t(S) s':>8} {'t(4S) s':>8} {'growth':>7}   "
          f"target: growth <= {GROWTH_TARGET:g} (4 linear, 16 quadratic)")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        whole_check(folder, "Warm up: 3 cats and 45 kg.", rules)
        for name, (make, size) in SHAPES.items():
            if args.only and args.only not in name:
                continue
            n = max(1, int(size * args.scale))
            small, large = make(n), make(4 * n)
            t_small = seconds(lambda s=small: whole_check(folder, s, rules))
            t_large = seconds(lambda s=large: whole_check(folder, s, rules))
            growth = t_large / t_small
            print(f"{name:<28} {n:>8,} {t_small:>8.2f} {t_large:>8.2f} {growth:>7.2f}   "
                  f"{'ok' if growth <= GROWTH_TARGET else 'OVER'}")
        if not args.only or args.only in "compare":
            n = max(1, int(1_250 * args.scale))
            times = [seconds(lambda c=count: compare_versions("story", counted_versions(c)))
                     for count in (n, 4 * n)]
            print(f"{'compare: counted figures':<28} {2 * n:>8,} {times[0]:>8.2f} {times[1]:>8.2f} "
                  f"{times[1] / times[0]:>7.2f}   {'ok' if times[1] / times[0] <= GROWTH_TARGET else 'OVER'}")

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
        print(f"peak RSS of this process over every shape: {peak:.0f} MB (target < {MEMORY_TARGET_MB} MB)")

        article, huge, dump = folder / "a.txt", folder / "huge.txt", folder / "dump.txt"
        article.write_text(repeat_to(PROSE, 3_000))
        huge.write_bytes(repeat_to(PROSE, 30_000_000).encode())
        dump.write_text("1 " * (MAX_NUMBERS + 1))
        baseline = seconds(lambda: list(read_documents([str(article)])))
        for label, path in (("30 MB file", huge), (f"{MAX_NUMBERS + 1:,} numbers", dump)):
            taken = seconds(lambda p=path: list(read_documents([str(p)])))
            [item] = read_documents([str(path)])
            print(f"refusing a {label}: {taken * 1e3:.1f} ms ({taken / baseline:.1f}x reading a 3 KB article)"
                  f" -> {getattr(item, 'message', 'READ, NOT REFUSED')}")


if __name__ == "__main__":
    main()

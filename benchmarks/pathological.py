"""Pathological inputs: does extraction time grow linearly with size, and are huge inputs refused fast?

For each kind of hostile text (very long lines, long digit runs, thousands of numbers in one
sentence, number words, ordinary prose as the baseline) it times `extract()` at a size S and at
4S, and prints throughput and the growth ratio t(4S) / (4 t(S)): about 1 means linear, 4 would
mean quadratic. It then times the reader refusing a 30 MB file (size limit) and a dump of numbers
(number limit) against reading an ordinary article, all measured in this run.

Usage: python benchmarks/pathological.py [--size CHARS]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.documents import MAX_NUMBERS, read_documents
from factcheck.extract import extract

PROSE = "The council spent £600m on 3,000 homes, up 12% from about 2.1 million last year. "


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


KINDS: dict[str, Callable[[int], str]] = {
    "prose (baseline)": lambda n: repeat_to(PROSE, n),
    "one long line of words": lambda n: repeat_to("word ", n - 8) + "3 cats.",
    "one long digit run": lambda n: "It is " + "7" * (n - 12) + " cats.",
    "numbers in one sentence": lambda n: repeat_to("1 ", n),
    "comma list of numbers": lambda n: repeat_to("1,234, 56, 7.5, ", n),
    "money and ranges, no stop": lambda n: repeat_to("£3.4m to $2.5bn, ", n),
    "number words, no stop": lambda n: repeat_to("three ", n),
}


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller text")
    size = parser.parse_args().size
    extract("warm up: 3 cats.")
    print(f"{'input':<28} {'KB/s at S':>10} {'KB/s at 4S':>11} {'growth':>7}   (S = {size:,} characters)")
    for name, make in KINDS.items():
        small, large = make(size), make(4 * size)
        t_small, t_large = seconds(lambda s=small: extract(s)), seconds(lambda s=large: extract(s))
        print(f"{name:<28} {size / t_small / 1e3:>10.0f} {4 * size / t_large / 1e3:>11.0f} "
              f"{t_large / (4 * t_small):>7.2f}")

    with tempfile.TemporaryDirectory() as folder:
        article, huge, dump = Path(folder, "a.txt"), Path(folder, "huge.txt"), Path(folder, "dump.txt")
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

"""Extraction quality and speed against plain quantulum3, both measured in this run.

1. NewsQuant-dev (../shared/bench): score.py's span / value / +dim / +unit P/R/F1 for factcheck
   and for plain quantulum3.
2. Cold throughput on BBC articles (../shared/corpus/bbc/txt): each extractor runs in a fresh
   interpreter over the same articles, imports and warm-up included, whole documents as given;
   prints chars/s and the ratio.
3. Length scaling: factcheck's warm chars/s on documents made of 1, 8 and 64 articles, which
   should not fall as documents grow.

Usage: python benchmarks/extraction.py [--bench DIR] [--corpus DIR] [--every N] [--skip-bench]
(--every 1 measures the whole corpus; plain quantulum3 then needs several minutes.)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir() else Path("/work/shared")


def score(bench: Path) -> None:
    suite = bench / "newsquant-dev.jsonl"
    systems = {
        "factcheck": ["--cmd", f"{sys.executable} -m factcheck extract --format jsonl {{files}}"],
        "quantulum3": ["--system", "quantulum3"],
    }
    for name, how in systems.items():
        result = subprocess.run([sys.executable, str(bench / "score.py"), str(suite), *how, "--name", name],
                                capture_output=True, text=True, check=True)
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        print(f"\n{name}:")
        print("\n".join(lines[-2:]))


def worker(system: str, paths: list[str]) -> None:
    """Extract every file with `system` in this fresh process; print chars and quantities as JSON."""
    texts = [Path(path).read_text(encoding="utf-8", errors="replace") for path in paths]
    found = 0
    if system == "factcheck":
        from factcheck.extract import extract

        for text in texts:
            found += len(extract(text))
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser

            for text in texts:
                found += len(parser.parse(text))
    print(json.dumps({"chars": sum(map(len, texts)), "quantities": found}))


def cold(system: str, list_file: Path) -> tuple[float, float, dict[str, int]]:
    """Wall and CPU seconds of one fresh worker process, and what it reported.

    CPU seconds are the fairer comparison when other jobs share the machine.
    """
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, __file__, "--worker", system, str(list_file)],
                            capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return wall, cpu, json.loads(result.stdout.splitlines()[-1])


def throughput(paths: list[Path]) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(map(str, paths)))
    list_file = Path(handle.name)
    try:
        print(f"\ncold throughput over {len(paths)} BBC articles (fresh process each, warm-up included):")
        wall, cpu = {}, {}
        for system in ("factcheck", "quantulum3"):
            wall[system], cpu[system], counts = cold(system, list_file)
            chars = counts["chars"]
            print(f"  {system:11} wall {wall[system]:7.1f} s ({chars / wall[system]:7.0f} chars/s)  "
                  f"cpu {cpu[system]:7.1f} s ({chars / cpu[system]:7.0f} chars/s)  "
                  f"{counts['quantities']} quantities")
        print(f"  speed-up of factcheck over quantulum3: {wall['quantulum3'] / wall['factcheck']:.1f}x wall, "
              f"{cpu['quantulum3'] / cpu['factcheck']:.1f}x cpu")
    finally:
        list_file.unlink()


def scaling(paths: list[Path]) -> None:
    from factcheck.extract import extract

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in paths[:64]]
    extract(texts[0])  # warm-up
    print("\nwarm factcheck throughput by document length:")
    for size in (size for size in (1, 8, 64) if size <= len(texts)):
        documents = ["\n\n".join(texts[i:i + size]) for i in range(0, len(texts) - size + 1, size)]
        started = time.perf_counter()
        for document in documents:
            extract(document)
        seconds = time.perf_counter() - started
        chars = sum(map(len, documents))
        print(f"  {size:2d} articles per document ({chars // len(documents):7d} chars): "
              f"{chars / seconds:9.0f} chars/s")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], Path(sys.argv[3]).read_text(encoding="utf-8").splitlines())
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=SHARED / "bench", help="folder with score.py")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "bbc" / "txt",
                        help="folder of BBC .txt articles")
    parser.add_argument("--every", type=int, default=8, help="measure every Nth article (1: all)")
    parser.add_argument("--skip-bench", action="store_true", help="throughput only")
    args = parser.parse_args()
    if not args.skip_bench:
        score(args.bench)
    paths = sorted(args.corpus.rglob("*.txt"))[::args.every]
    throughput(paths)
    scaling(paths)


if __name__ == "__main__":
    main()

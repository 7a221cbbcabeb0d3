"""Corpus-run speed and memory, as ratios against plain quantulum3 measured in the same run.

    python benchmarks/corpus.py [CORPUS] [--sample N] [--repeat N] [--skip-baseline-length] [--no-baseline]

CORPUS defaults to ../shared/corpus/bbc (relative to the repository); its txt/ folder is used.
`--sample N` takes N articles spread evenly over the corpus (a quick run); without it, the whole
corpus (plain quantulum3 alone then needs about 3 minutes on one core). `--no-baseline` skips
plain quantulum3 altogether, for a quick rerun of the factcheck-only ratios.

Every factcheck figure is a whole process (`python -m factcheck ...`, start-up included), timed
against a whole process running plain quantulum3 over the same articles on one core:

- cold `extract --no-cache` (all cores) vs plain quantulum3    target >= 4x, aim 10x
- `extract --no-cache --jobs 2` vs `--jobs 1`                  target >= 1.7x
- `check` on a warm cache vs the same `check` on a cold cache   target >= 10x
- peak memory of the whole process tree (sum of RSS, sampled)   target < 1 GB
- throughput vs document length: synthetic 1 KB and 100 KB articles, built at run time by
  concatenating corpus paragraphs (never written to the repository); the cost of one 100 KB
  article over one 1 KB article                                 target about 100x

The machine may be shared: the load average is printed first, and the figures are as noisy as it.
Each `extract` figure is the fastest of `--repeat` interleaved runs (every run is printed), the
usual way to read through noise that only ever adds time. Those runs are not watched for memory
(sampling the process tree costs CPU, which a run using every core would lose); the peak of each
`extract` configuration comes from one more run of it. Next to the workers ratio stands the
machine's own ceiling, measured in the same run: N processes of pure Python computation against
one; on a shared virtual machine it is often well under N.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"

BASELINE = """
import sys, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    parser.parse(open(path, encoding="utf-8").read())
"""


class PeakMemory:
    """Samples the summed RSS of a process and its descendants (shared pages counted per process,
    so this is an upper bound)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                for proc in [self.process, *self.process.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):  # a worker that just ended
                        total += proc.memory_info().rss
            except psutil.Error:
                return
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed(command: list[str], cwd: Path, code: Path | None = None, memory: bool = True) -> tuple[float, int]:
    """Wall seconds of a whole process, and the peak RSS of its process tree (0 without psutil, or
    when not asked for `memory`: the sampler's own CPU slows a run that keeps every core busy)."""
    env = {**os.environ, "CI": "true"}
    if code is not None:
        env["PYTHONPATH"] = str(code)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    monitor: PeakMemory | None = None
    with contextlib.suppress(ImportError):
        monitor = PeakMemory(process.pid) if memory else None
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    peak = monitor.stop() if monitor is not None else 0
    if process.returncode not in (0, 1):
        sys.exit(f"benchmark: {' '.join(command)} exited {process.returncode}:\n{err}")
    return seconds, peak


SPIN = "total = 0\nfor number in range(20_000_000):\n    total += number\n"


def machine_ceiling(processes: int, repeat: int) -> float:
    """What `processes` CPU-bound Python processes gain over one here (pure computation, no I/O):
    the most any parallel run can show on this machine, in this run (best of `repeat`)."""
    alone, together = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(processes):
            subprocess.run([sys.executable, "-c", SPIN], check=True)
        alone.append(time.perf_counter() - start)
        start = time.perf_counter()
        spinning = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(processes)]
        for process in spinning:
            process.wait()
        together.append(time.perf_counter() - start)
    return min(alone) / min(together)


def pick(articles: list[Path], sample: int | None) -> list[Path]:
    if not sample or sample >= len(articles):
        return articles
    step = len(articles) / sample
    return [articles[int(index * step)] for index in range(sample)]


def paragraphs(articles: list[Path]) -> list[str]:
    found = []
    for path in articles:
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    return found


def synthetic(pool: list[str], size: int, start: int) -> tuple[str, int]:
    """An article of about `size` characters from consecutive corpus paragraphs, from `start` on."""
    parts, length, index = [], 0, start
    while length < size:
        part = pool[index % len(pool)]
        parts.append(part)
        length += len(part) + 2
        index += 1
    return "\n\n".join(parts) + "\n", index


def length_scaling(pool: list[str], baseline_large: bool) -> tuple[float, float, float, float]:
    """Seconds for one 1 KB article (mean of 100) and for one 100 KB article: factcheck, then quantulum3."""
    from quantulum3 import parser

    from factcheck.extract import extract

    small, cursor = [], 0
    for _ in range(100):
        text, cursor = synthetic(pool, 1_000, cursor)
        small.append(text)
    large, _ = synthetic(pool, 100_000, cursor)
    extract(small[0])  # warm up both parsers before timing
    results = []
    for run in (extract, parser.parse):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.perf_counter()
            for text in small:
                run(text)
            one_small = (time.perf_counter() - start) / len(small)
            if run is parser.parse and not baseline_large:
                results += [one_small, float("nan")]
                continue
            start = time.perf_counter()
            run(large)
            results += [one_small, time.perf_counter() - start]
    return results[0], results[1], results[2], results[3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, help="use N articles spread over the corpus")
    parser.add_argument("--no-baseline", action="store_true",
                        help="do not time plain quantulum3 at all (the ratios between factcheck runs remain)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="time each factcheck extract N times, interleaved; keep the fastest (default 5)")
    parser.add_argument("--skip-baseline-length", action="store_true",
                        help="do not time plain quantulum3 on the 100 KB article (about a minute)")
    args = parser.parse_args()
    everything = sorted((args.corpus / "txt").rglob("*.txt"))
    if not everything:
        sys.exit(f"benchmark: no txt/**/*.txt under {args.corpus}")
    articles = pick(everything, args.sample)
    size = sum(path.stat().st_size for path in articles)
    load = os.getloadavg()[0]
    print(f"load average {load:.2f} on {os.cpu_count()} cores (a shared machine makes the figures noisy)")
    print(f"corpus: {len(articles)} of {len(everything)} articles, {size / 1e6:.2f} MB")

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as temp:
        work = Path(temp)
        corpus = work / "corpus"
        for path in articles:  # a private copy, so a sample is a folder factcheck can walk
            target = corpus / path.relative_to(args.corpus / "txt")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        code = work / "code"  # a snapshot: edits made during the run cannot invalidate the cache
        shutil.copytree(ROOT / "factcheck", code / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "rules", code / "factcheck" / "packs")  # laid out as in the wheel
        listing = work / "articles.lst"
        listing.write_text("\n".join(str(p) for p in sorted(corpus.rglob("*.txt"))) + "\n", encoding="utf-8")
        factcheck = [sys.executable, "-m", "factcheck"]
        jobs = str(os.cpu_count() or 1)

        plain = float("nan")
        if not args.no_baseline:
            plain, plain_peak = timed([sys.executable, "-c", BASELINE, str(listing)], work)
            print(f"plain quantulum3, one process:           {plain:8.1f} s   "
                  f"peak {plain_peak / 2**20:6.0f} MB")
        # Interleaved (all cores, one, all cores, ...) so that a slow spell of a shared machine
        # falls on both; each figure is the fastest of its runs.
        settings = ((f"--jobs {jobs}", ["--jobs", jobs]), ("--jobs 1", ["--jobs", "1"]))
        extract = [*factcheck, "extract", "corpus", "--no-cache", "--format", "jsonl", "--output",
                   str(work / "q.jsonl")]
        runs: dict[str, list[float]] = {label: [] for label, _ in settings}
        for _ in range(args.repeat):
            for label, extra in settings:
                runs[label].append(timed([*extract, *extra], work, code, memory=False)[0])
        rows = []
        for label, extra in settings:
            seconds, (_, peak) = min(runs[label]), timed([*extract, *extra], work, code)
            rows.append((seconds, peak))
            timings = ", ".join(f"{run:.1f}" for run in runs[label])
            each = f"   (runs: {timings})" if args.repeat > 1 else ""
            print(f"factcheck extract --no-cache {label:9}  {seconds:8.1f} s   peak {peak / 2**20:6.0f} MB   "
                  f"{ratio(plain, seconds, '5.1f')} plain quantulum3{each}")
        print(f"  cold extract, all cores vs plain quantulum3: {ratio(plain, rows[0][0], '.1f')} "
              "(target >= 4x, aim 10x)")
        if jobs != "1":
            ceiling = machine_ceiling(int(jobs), args.repeat)
            print(f"  {jobs} workers vs 1:                           {rows[1][0] / rows[0][0]:.2f}x "
                  f"(target >= 1.7x; this machine's own ceiling, {jobs} busy processes vs 1: {ceiling:.2f}x)")

        cache = ["--cache-dir", str(work / "cache")]
        check = [*factcheck, "check", "corpus", "--report-dir", "reports", *cache]
        cold, cold_peak = timed(check, work, code)
        warm, warm_peak = timed([*check, "--check"], work, code)
        print(f"factcheck check, cold cache:             {cold:8.1f} s   peak {cold_peak / 2**20:6.0f} MB")
        print(f"factcheck check --check, warm cache:     {warm:8.1f} s   peak {warm_peak / 2**20:6.0f} MB")
        print(f"  warm vs cold:                              {cold / warm:.1f}x (target >= 10x)")
        peak = max(peak for _, peak in [*rows, (0, cold_peak), (0, warm_peak)])
        if peak:
            print(f"  peak memory of any factcheck run:          {peak / 2**20:.0f} MB "
                  "(target < 1024 MB; RSS summed over the process tree)")
        else:
            print("  peak memory: not measured (install psutil)")

    baseline_large = not (args.skip_baseline_length or args.no_baseline)
    small, large, q_small, q_large = length_scaling(paragraphs(articles), baseline_large)
    print(f"one 1 KB article:   factcheck {small * 1e3:7.1f} ms ({1 / small:6.1f} KB/s)   "
          f"quantulum3 {q_small * 1e3:7.1f} ms ({1 / q_small:6.1f} KB/s)")
    print(f"one 100 KB article: factcheck {large:7.2f} s  ({100 / large:6.1f} KB/s)   "
          f"quantulum3 {q_large:7.2f} s  ({100 / q_large:6.1f} KB/s)")
    print(f"  100 KB / 1 KB cost: factcheck {large / small:.0f}x (target about 100x), "
          f"quantulum3 {ratio(q_large, q_small, '.0f')}")


def ratio(numerator: float, denominator: float, spec: str) -> str:
    """`numerator / denominator` as 'N.Nx', or 'n/a' where the baseline was not timed (NaN)."""
    value = numerator / denominator
    return "n/a" if math.isnan(value) else f"{value:{spec}}x"


if __name__ == "__main__":
    main()

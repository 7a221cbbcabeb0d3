"""Corpus-run speed and memory of the whole `check`, as ratios against plain quantulum3 in the same run.

    python benchmarks/corpus.py [CORPUS] [--sample N] [--repeat N] [--no-baseline] [--tiny N]
                                [--ten-times] [--skip-length]

CORPUS defaults to ../shared/corpus/bbc (relative to the repository); its txt/ folder is used.
`--sample N` takes N articles spread evenly over the corpus (a quick run).

Every factcheck figure is a whole process (`python -m factcheck ...`, start-up included):

- plain quantulum3 on one core, timed on a tenth of the articles and scaled to all of them (its
  start-up and first parse, timed on one article, counted once)
- cold `check` (empty cache, all cores) vs plain quantulum3      target >= 30x; and the same run
  with `--no-cache` just before it, so that what writing the cache costs shows
- warm `check --check` (the cache of that run) vs plain quantulum3 target >= 200x
- cold `check --no-cache --jobs 2` vs `--jobs 1`                 target >= 1.7x (the machine's own
  ceiling, two busy processes against one, is printed next to it)
- peak memory of each run's process tree, RSS and PSS summed (sampled)   target < 500 MB
- import time of the command (`python -X importtime`), and the time to load 5,000 rules (built
  at run time from the shipped packs under new ids), which a run pays once: workers receive the
  compiled rules
- `--tiny N` (default 20,000): a JSONL corpus of N one-line records, `check`ed cold: records/s
                                                                  target >= 2,000 records/s
- `--ten-times`: the corpus copied ten times under new names (built in a temporary folder, never
  kept), `check` cold on all cores with the local engine and with `--engine dask` (a local cluster
  of as many workers), against the single corpus: time (target <= 10x), memory (< 500 MB), Dask
  against local (target <= 1.3x) and whether their reports are byte-identical
- throughput against document length (`extract` of synthetic 1 KB and 100 KB articles built from
  corpus paragraphs), unless `--skip-length`

The machine may be shared: the load average is printed first, and the figures are as noisy as it.
Each `--jobs` figure is the fastest of `--repeat` interleaved runs, the usual way to read through
noise that only ever adds time.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import itertools
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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"

BASELINE = """
import sys, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    parser.parse(open(path, encoding="utf-8").read())
"""


class Peak(NamedTuple):
    """Peak memory of a process tree, in bytes: RSS summed over its processes (pages the workers
    share with the process they forked from counted once per process, an upper bound) and PSS
    summed (each shared page split among its sharers: what the tree really holds)."""

    rss: int
    pss: int

    def __str__(self) -> str:
        return f"peak RSS {self.rss / 2**20:5.0f} MB, PSS {self.pss / 2**20:5.0f} MB"


class PeakMemory:
    """Samples the summed RSS (every 50 ms) and PSS (every second: reading it costs more) of a
    process and its descendants."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        for sample in itertools.count():
            if self._stop.is_set():
                return
            total = proportional = 0
            try:
                for proc in [self.process, *self.process.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):  # a worker that just ended
                        if sample % 20 == 0:
                            full = proc.memory_full_info()
                            total, proportional = total + full.rss, proportional + full.pss
                        else:
                            total += proc.memory_info().rss
            except psutil.Error:
                return
            self.peak, self.peak_pss = max(self.peak, total), max(self.peak_pss, proportional)
            self._stop.wait(0.05)

    def stop(self) -> Peak:
        self._stop.set()
        self._thread.join()
        return Peak(self.peak, self.peak_pss)


def timed(command: list[str], cwd: Path, code: Path | None = None, memory: bool = True) -> tuple[float, Peak]:
    """Wall seconds of a whole process, and the peak memory of its process tree (0 without psutil,
    or when not asked for `memory`: the sampler's own CPU slows a run that keeps every core busy)."""
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
    peak = monitor.stop() if monitor is not None else Peak(0, 0)
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


def five_thousand_rules(folder: Path) -> Path:
    """5,000 rules in 50 files of 100, copies of the shipped rules under new ids."""
    import re

    shipped = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        _, _, body = text.partition("rules:\n")
        shipped += ["  - id: " + rule.strip("\n") for rule in body.split("\n  - id: ")[1:]]
    if not shipped:
        sys.exit("benchmark: no rules under rules/")
    folder.mkdir()
    for number in range(50):
        rules = [re.sub(r"^  - id: \S+", f"  - id: bulk/rule-{number * 100 + index:04d}",
                        shipped[(number * 100 + index) % len(shipped)]) for index in range(100)]
        (folder / f"bulk-{number:02d}.yaml").write_text("rules:\n" + "\n\n".join(rules) + "\n",
                                                        encoding="utf-8")
    return folder


def import_time(code: Path) -> tuple[float, float]:
    """Seconds to import the command's module (from `-X importtime`), and the wall time of
    `factcheck --version` as a whole process."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import factcheck.cli"], env=env,
                            capture_output=True, text=True, check=True)
    cumulative = max(int(line.split("|")[1]) for line in result.stderr.splitlines()
                     if line.startswith("import time:") and line.split("|")[1].strip().isdigit())
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", "--version"], env=env, capture_output=True, check=True)
    return cumulative / 1e6, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, help="use N articles spread over the corpus")
    parser.add_argument("--no-baseline", action="store_true", help="do not time plain quantulum3")
    parser.add_argument("--repeat", type=int, default=3,
                        help="time --jobs 1 and --jobs N this many times, interleaved; keep the fastest")
    parser.add_argument("--tiny", type=int, default=20_000, help="records in the tiny-record JSONL corpus")
    parser.add_argument("--ten-times", action="store_true",
                        help="also check the corpus copied ten times, local and on Dask")
    parser.add_argument("--skip-length", action="store_true", help="do not time 1 KB vs 100 KB articles")
    args = parser.parse_args()
    everything = sorted((args.corpus / "txt").rglob("*.txt"))
    if not everything:
        sys.exit(f"benchmark: no txt/**/*.txt under {args.corpus}")
    articles = pick(everything, args.sample)
    size = sum(path.stat().st_size for path in articles)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(a shared machine makes the figures noisy)")
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
        # Its bytecode compiled once, as installing a wheel does: where PYTHONDONTWRITEBYTECODE is set,
        # every process of every timed run would otherwise compile the package from source again.
        compileall.compile_dir(code / "factcheck", quiet=1)
        factcheck = [sys.executable, "-m", "factcheck"]
        jobs = str(os.cpu_count() or 1)
        peaks: list[Peak] = []

        plain = float("nan")
        if not args.no_baseline:
            tenth = articles[::10]
            listing = work / "articles.lst"
            names = [str(corpus / path.relative_to(args.corpus / "txt")) for path in tenth]
            listing.write_text("\n".join(names) + "\n", encoding="utf-8")
            seconds, plain_peak = timed([sys.executable, "-c", BASELINE, str(listing)], work)
            first = work / "first.lst"  # quantulum3 loads its tables on the first parse
            first.write_text(names[0] + "\n", encoding="utf-8")
            start_up, _ = timed([sys.executable, "-c", BASELINE, str(first)], work, memory=False)
            each = (seconds - start_up) / max(1, len(tenth) - 1)
            plain = start_up + each * (len(articles) - 1)  # start-up and first parse paid once
            print(f"plain quantulum3, one process, {len(tenth)} articles: {seconds:7.1f} s (one article, "
                  f"start-up included: {start_up:.1f} s), scaled to {len(articles)}: {plain:7.1f} s   "
                  f"{plain_peak}")

        cache = ["--cache-dir", str(work / "cache")]
        check = [*factcheck, "check", "corpus", "--report-dir", "reports", "--no-progress"]
        # Sampled for memory as the cold run is (the sampler's own CPU slows a run), so that the
        # difference between the two is what writing the cache costs.
        bare, _ = timed([*factcheck, "check", "corpus", "--report-dir", "reports-bare", "--no-progress",
                         "--no-cache"], work, code)
        cold, cold_peak = timed([*check, *cache], work, code)
        warm, warm_peak = timed([*check, *cache, "--check"], work, code)
        peaks += [cold_peak, warm_peak]
        print(f"factcheck check, cold cache, {jobs} jobs: {cold:8.1f} s   {cold_peak}   "
              f"{ratio(plain, cold, '.1f')} plain quantulum3 (target >= 30x); the same writing no cache: "
              f"{bare:.1f} s, so the cache's writes cost {cold - bare:+.1f} s")
        print(f"factcheck check --check, warm cache: {warm:8.1f} s   {warm_peak}   "
              f"{ratio(plain, warm, '.1f')} plain quantulum3 (target >= 200x); "
              f"{cold / warm:.1f}x cold")

        runs: dict[str, list[float]] = {"1": [], jobs: []}
        for _ in range(args.repeat):  # interleaved, so that a slow spell of the machine falls on both
            for count in runs:
                runs[count].append(timed([*check, "--no-cache", "--jobs", count, "--check"], work, code,
                                         memory=False)[0])
        if jobs != "1":
            one, many = min(runs["1"]), min(runs[jobs])
            ceiling = machine_ceiling(int(jobs), args.repeat)
            shown = " / ".join(", ".join(f"{run:.1f}" for run in runs[count]) for count in runs)
            print(f"factcheck check --no-cache --jobs 1: {one:8.1f} s, --jobs {jobs}: {many:8.1f} s   "
                  f"{one / many:.2f}x (target >= 1.7x; this machine's ceiling, {jobs} busy processes vs 1: "
                  f"{ceiling:.2f}x)   runs: {shown}")

        imports, version = import_time(code)
        print(f"import factcheck.cli: {imports:.2f} s (python -X importtime, cumulative); "
              f"`factcheck --version` as a process: {version:.2f} s")
        bulk = five_thousand_rules(work / "bulk-rules")
        loading = ("import sys, time; from factcheck.rules.loader import load_rules; "
                   "start = time.perf_counter(); rules = load_rules([sys.argv[1]]); "
                   "print(len(rules), time.perf_counter() - start)")
        loaded = subprocess.run([sys.executable, "-c", loading, str(bulk)], capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": str(code)}, check=True).stdout.split()
        print(f"load {int(loaded[0]):,} rules: {float(loaded[1]):.1f} s, once per run "
              "(compiled by the workers' fork server, which they inherit)")

        tiny = work / "tiny.jsonl"
        with tiny.open("w", encoding="utf-8") as handle:
            for number in range(args.tiny):
                handle.write(f'{{"id": {number}, "text": "Item {number}: 3 cats and 2 dogs."}}\n')
        tiny_seconds, tiny_peak = timed([*factcheck, "check", str(tiny), "--no-cache", "--no-progress",
                                         "--format", "json"], work, code)
        peaks.append(tiny_peak)
        print(f"tiny JSONL records, cold check: {args.tiny:,} in {tiny_seconds:.1f} s = "
              f"{args.tiny / tiny_seconds:,.0f} records/s (target >= 2,000)   "
              f"{tiny_peak}")

        if args.ten_times:
            peaks += ten_times(work, corpus, code, min(runs[jobs]), jobs)
        rss, pss = max(peak.rss for peak in peaks), max(peak.pss for peak in peaks)
        print(f"  peak memory of any factcheck run: RSS {rss / 2**20:.0f} MB, PSS {pss / 2**20:.0f} MB "
              "(target < 500 MB; summed over the process tree)" if rss else
              "  peak memory: not measured (install psutil)")

    if not args.skip_length:
        small, large, q_small, _ = length_scaling(paragraphs(articles), baseline_large=False)
        print(f"one 1 KB article:   factcheck extract {small * 1e3:7.1f} ms   "
              f"quantulum3 {q_small * 1e3:7.1f} ms")
        print(f"one 100 KB article: factcheck extract {large:7.2f} s;  100 KB / 1 KB cost: "
              f"{large / small:.0f}x (target about 100x)")


def ten_times(work: Path, corpus: Path, code: Path, single: float, jobs: str) -> list[Peak]:
    """The corpus ten times under new names, checked cold with the local engine and on Dask."""
    big = work / "ten-times"
    for copy in range(10):
        for path in corpus.rglob("*.txt"):
            target = big / f"copy{copy}" / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    count = sum(1 for _ in big.rglob("*.txt"))
    command = [sys.executable, "-m", "factcheck", "check", str(big), "--no-progress", "--no-cache",
               "--jobs", jobs]
    local, local_peak = timed([*command, "--report-dir", str(work / "ten-local")], work, code)
    print(f"ten times the corpus ({count:,} articles), cold, local, {jobs} jobs: {local:8.1f} s   "
          f"{local_peak}   {local / single:.1f}x the single corpus checked the same way (--no-cache, "
          f"{single:.1f} s above; target <= 10x)")
    dask, dask_peak = timed([*command, "--report-dir", str(work / "ten-dask"), "--engine", "dask"],
                            work, code)
    same = _same_tree(work / "ten-local", work / "ten-dask")
    print(f"ten times the corpus, cold, --engine dask (local cluster of {jobs}): {dask:8.1f} s   "
          f"{dask_peak}   {dask / local:.2f}x local (target <= 1.3x); reports "
          f"{'byte-identical' if same else 'DIFFER'}")
    return [local_peak, dask_peak]


def _same_tree(a: Path, b: Path) -> bool:
    files = sorted(path.relative_to(a) for path in a.rglob("*") if path.is_file())
    return files == sorted(path.relative_to(b) for path in b.rglob("*") if path.is_file()) and all(
        (a / name).read_bytes() == (b / name).read_bytes() for name in files)


def ratio(numerator: float, denominator: float, spec: str) -> str:
    """`numerator / denominator` as 'N.Nx', or 'n/a' where the baseline was not timed (NaN)."""
    value = numerator / denominator
    return "n/a" if math.isnan(value) else f"{value:{spec}}x"


if __name__ == "__main__":
    main()

"""The corpus run loop: stream documents through the cache and an engine, results in input order.

Documents are read lazily and at most `window` of them are in flight (being worked on, or finished
but waiting for an earlier one), so memory stays flat however large the corpus. Cache hits never
start a worker, so a warm rerun skips loading quantulum3 altogether. A single document runs in this
process; anything more runs in a `LocalPool` (or on Dask), `TASKS_PER_MESSAGE` documents to a
message (a `Batch`), where a crash or a hang costs one document, not the run.
"""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.corpus.cache import Cache, extraction_key, result_key
from factcheck.corpus.limits import Alarm, TimeLimitExceeded, over_limit, within_time
from factcheck.corpus.pool import PRELOAD_DASK, Engine, Failure, LocalPool, failure, worker_preload
from factcheck.documents import Document, DocumentError, count_documents, read_inputs
from factcheck.report.formats import TableFormat

if TYPE_CHECKING:  # the extractor is imported by the workers (and a single document's run) alone
    import pandas as pd

    from factcheck.extract.schema import Row
    from factcheck.rules.findings import Finding

# Per-document time limit in a worker, unless configured otherwise.
DEFAULT_TIME_LIMIT = 300.0
# Tasks sent to a worker in one message: each message costs the run's parent process pickling,
# pipe traffic and a wake-up, CPU it would otherwise leave to the workers (a third of its own).
TASKS_PER_MESSAGE = 8
# On Dask a message is a scheduled task, whose bookkeeping (in the scheduler of a local cluster,
# which runs in the run's own process) costs several times a pipe's message: larger ones.
DASK_TASKS_PER_MESSAGE = 32
# While the workers' fork server is still answering for the rules (see `Runner._read_ahead`), the
# run reads up to this many documents, or characters of their text, ahead instead of waiting idle;
# bounded so that its memory stays flat whatever the corpus.
READ_AHEAD_DOCUMENTS = 4096
READ_AHEAD_CHARS = 16_000_000
# Show a progress bar only once a run has more documents than this.
PROGRESS_AFTER = 5
# The reports a check can render per document: markdown and the HTML fragment.
RENDERINGS = frozenset({"md", "html"})


@dataclass(frozen=True)
class Source:
    """A document (or the error reading it) and the path argument it was found under."""

    root: str
    item: Document | DocumentError


@dataclass(frozen=True)
class Settings:
    """How a corpus run runs (from the command line, `[tool.factcheck]` and the defaults)."""

    jobs: int
    cache: Cache
    engine: str = "local"
    scheduler: str | None = None
    time_limit: float | None = DEFAULT_TIME_LIMIT
    progress: bool = True


@dataclass
class Outcome:
    """One document's result: a `Checked` (check) or an `Extracted` (extract), or an error."""

    root: str
    doc: str
    value: Any = None
    error: str | None = None
    text: str | None = None  # the document text, for line numbers in CI formats
    source_map: tuple[tuple[int, int], ...] = ()  # the document's, for HTML and JSONL line numbers


@dataclass
class Stats:
    """Counts for the summary line that ends every run."""

    documents: int = 0
    quantities: int = 0
    errors: int = 0
    cached: int = 0  # whole results from the cache
    reevaluated: int = 0  # rules evaluated again on a cached extraction (the rules changed)
    verdicts: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def summary(self, findings: bool = True) -> str:
        """The closing line: documents, quantities, findings by verdict, errors, seconds."""
        verdicts = ", ".join(f"{self.verdicts[v]} {v}" for v in ("fail", "uncertain", "pass"))
        seconds = time.monotonic() - self.started
        cached = f"{self.cached} cached" + (f", {self.reevaluated} re-evaluated" if findings else "")
        return (f"{count_noun(self.documents, 'document')} ({cached}), "
                f"{count_noun(self.quantities, 'quantity')}, "
                + (f"findings: {verdicts}; " if findings else "")
                + f"{count_noun(self.errors, 'error')}; {seconds:.1f} s")


def count_noun(number: int, noun: str) -> str:
    """'1 document', '2 documents', '3 quantities', '2 stories'."""
    plural = noun if number == 1 else noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {plural}"


def sources(paths: Iterable[str], skip: Path | None = None,
            time_limit: float | None = DEFAULT_TIME_LIMIT) -> Iterator[Source]:
    """Every document under each path argument, lazily, remembering which argument it came from;
    documents inside the folder `skip` (our own report folder) are left out.

    Reading each document takes at most `time_limit` seconds: an input that takes longer (a
    hostile HTML page, say) becomes one error and the run goes on with the next. Should the
    reader itself fail, the rest of that argument becomes one error and the run goes on.
    """
    skipped = skip.resolve() if skip is not None else None
    with Alarm(time_limit) as alarm:  # one handler for all inputs (one per file cost more than reading it)
        for root in paths:
            # Only an argument that holds the skipped folder needs each document's path resolved.
            holds = skipped is not None and root != "-" and _within(skipped, Path(root).resolve())
            try:
                for name, documents in read_inputs([root]):
                    for item in _read_in_time(name, documents, alarm):
                        if holds and _within(Path(item.doc.partition("#")[0]).resolve(), skipped):
                            continue
                        yield Source(root, item)
            except Exception as exc:
                yield Source(root, DocumentError(root, f"reading stopped: {type(exc).__name__}: {exc}"))


def _read_in_time(name: str, documents: Iterator[Document | DocumentError],
                  alarm: Alarm) -> Iterator[Document | DocumentError]:
    """The input's documents, each read within the `alarm`'s time; one over it ends the input, as
    an error."""
    while True:
        try:
            alarm.arm()
            item = next(documents, None)
        except TimeLimitExceeded as exc:
            yield DocumentError(name, f"reading {exc}")
            return
        finally:
            alarm.disarm()
        if item is None:
            return
        yield item


def _within(path: Path, folder: Path | None) -> bool:
    return folder is not None and (path == folder or folder in path.parents)


# Sources processed together: one document, or the versions of one story.
Unit = tuple[Source, ...]


# -- work done in a worker (or in this process for a single document) ------------------------------


def warm_up() -> None:
    """Load quantulum3's unit tables and compile the extractor's patterns, once per process."""
    from factcheck.extract.core import extract_rows

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_rows("Warm-up: 3 km, 45 kg and 2.5 million shells.")


@dataclass(frozen=True)
class Extracted:
    """One document's quantities for `extract`: for a format written document by document, its rows
    already rendered (in the worker, so the run's parent only writes text), else the table."""

    count: int
    table: pd.DataFrame | None = None
    rows: str | None = None


def extracted(rows: list[Row], streamed: TableFormat | None) -> Extracted:
    """A document's extraction `rows` as `extract` needs them: rendered in the `streamed` format,
    or as its table. JSON lines are rendered from the rows, so their workers never load pandas."""
    from factcheck.extract.schema import to_table
    from factcheck.report.quantities import csv_rows, jsonl_rows

    if streamed is TableFormat.jsonl:
        return Extracted(len(rows), rows=jsonl_rows(rows))
    table = to_table(rows)
    if streamed is TableFormat.csv:
        return Extracted(len(rows), rows=csv_rows(table))
    return Extracted(len(rows), table=table)


@dataclass(frozen=True)
class Checked:
    """What checking one document leaves for the run, and what the result cache holds.

    The reports are rendered in the worker (in parallel, and cached with the result), so only the
    findings are kept, not the quantities table or the text: small to send back and quick to read
    from cache (unpickling even an empty DataFrame costs more than the rest of a cache hit). Only the
    renderings the run writes are made (a run printing JSON needs neither); one not made is "".
    """

    findings: tuple[Finding, ...]
    markdown: str
    quantities: int
    html: str = ""  # the article's HTML report, a fragment (`factcheck.report.html.render_article`)


@dataclass(frozen=True)
class Task:
    """One document for a worker, with its cached extraction context (if any) and its cache keys."""

    document: Document
    context: Any = None
    extraction_key: str = ""
    story: str = ""  # the extraction keys of a story's versions, which a version's result depends on


@dataclass(frozen=True)
class StoryTask:
    """Versions of one story, checked together so that each is read against the others
    (`Context.versions`, which `cross_source` rules compare); the worker returns one `Checked` each."""

    members: tuple[Task, ...]


@dataclass(frozen=True)
class Batch:
    """Several documents' (or stories') tasks in one message; its value is a tuple of each task's
    value or `Failure`. Should the worker crash or run out of time on a batch, the run sends each
    of its tasks again on its own, so that a bad document still costs only itself."""

    tasks: tuple[Task | StoryTask, ...]


# A task for the engine, with the (output index, source) of each document it answers for.
Pending = tuple[Task | StoryTask, list[tuple[int, Source]]]


@dataclass(frozen=True)
class WorkerState:
    ruleset: Any  # None when only extracting
    cache: Cache
    streamed: TableFormat | None = None  # extract: the format rows are rendered in, if it streams
    renderings: frozenset[str] = RENDERINGS  # check: the reports rendered per document


def renderings_key(renderings: frozenset[str]) -> str:
    """What a result's cache key adds for the renderings it holds (a result without the HTML
    report must not serve a run that writes it)."""
    return "\0renders:" + ",".join(sorted(renderings))


def setup_worker(rules: Any, cache: tuple[Path | None, bytes | None],
                 streamed: TableFormat | None = None,
                 renderings: frozenset[str] = RENDERINGS) -> WorkerState:
    """Warm up, take the run's rules and open the cache, once per worker.

    `rules` is None when only extracting; else the rule set the run compiled, pickled once by the
    run, or the run's rule files as read at its start (a `factcheck.corpus.rulesets.RuleSource`),
    whose rules the worker's fork server compiled and the worker inherited. Either way a worker
    applies exactly the rules the run started with, compiled once per run, not once per worker.
    """
    warm_up()
    if rules is None:
        ruleset = None
    elif isinstance(rules, bytes):
        ruleset = pickle.loads(rules)
    else:
        ruleset = rules.for_workers()
    return WorkerState(ruleset, Cache.from_spec(cache), streamed, renderings)


def work(state: WorkerState, task: Task | StoryTask | Batch) -> Any:
    """One document's `Extracted` (extract) or `Checked` (check), a story's `Checked`s, or a
    batch's values, written to the cache here in the worker so the run's parent process does no
    pickling of its own."""
    if isinstance(task, Batch):
        return tuple(_attempt(state, member) for member in task.tasks)
    if state.ruleset is None:
        assert isinstance(task, Task)
        from factcheck.extract.core import extract_rows

        rows = extract_rows(task.document.text, task.document.doc)
        state.cache.put("rows", task.extraction_key, rows)
        return extracted(rows, state.streamed)
    if isinstance(task, Task):
        return _checked(state, task, _context(state, task))
    from factcheck.compare.align import Version

    contexts = [_context(state, member) for member in task.members]
    versions = tuple(Version(context.doc, context.text, context.quantities) for context in contexts)
    return tuple(_checked(state, member, replace(context, versions=versions))
                 for member, context in zip(task.members, contexts, strict=True))


def _attempt(state: WorkerState, task: Task | StoryTask) -> Any:
    """A batch member's value, or the `Failure` it raised (which costs it alone)."""
    try:
        return work(state, task)
    except Exception as exc:
        return failure(exc)


def _context(state: WorkerState, task: Task) -> Any:
    """The document's rules context: from the cache, or extracted now (and cached)."""
    if task.context is not None:
        return task.context
    from factcheck.rules.engine import build_context

    context = build_context(task.document)
    state.cache.put("context", task.extraction_key, context)
    return context


def _checked(state: WorkerState, task: Task, context: Any) -> Checked:
    from factcheck.pipeline import check_context

    result = check_context(context, state.ruleset)
    markdown = html = ""
    if "md" in state.renderings:
        from factcheck.report.markdown import render_markdown

        markdown = render_markdown(result)
    if "html" in state.renderings:
        from factcheck.report.html import render_article

        html = render_article(result)
    checked = Checked(tuple(result.findings), markdown, len(result.quantities), html)
    if state.cache.enabled:  # keyed by the rules evaluated here, even if a rule file changed mid-run
        key = result_key(task.extraction_key,
                         state.ruleset.digest + task.story + renderings_key(state.renderings))
        state.cache.put("result", key, checked)
    return checked


# -- the loop --------------------------------------------------------------------------------------


class Runner:
    """Run `work` over a stream of sources, with the cache, yielding `Outcome`s in input order."""

    def __init__(self, settings: Settings, ruleset: Any = None, streamed: TableFormat | None = None,
                 renderings: frozenset[str] = RENDERINGS) -> None:
        """A `check` run when given a `ruleset` (rendering the reports in `renderings`), else an
        `extract` run (rows rendered in the `streamed` format, or whole tables when None)."""
        self.settings = settings
        self.check = ruleset is not None
        self.streamed = streamed
        self.renderings = renderings
        self.ruleset = ruleset
        self.stats = Stats()
        self._engine: Engine | None = None
        settings.cache.probe()

    @property
    def digest(self) -> str:
        """The rules' digest, which the result cache's keys hold ("" when only extracting)."""
        return self.ruleset.digest if self.ruleset is not None else ""

    def run(self, stream: Iterable[Source], total: int | None = None) -> Iterator[Outcome]:
        """Every source's outcome, in input order (`total`: how many to expect, for the progress bar)."""
        return self.run_units(((source,) for source in stream), total)

    def run_units(self, units: Iterable[Unit], total: int | None = None) -> Iterator[Outcome]:
        """Every source's outcome, unit by unit in input order; the readable documents of a unit
        of several (a story) are checked together, each read against the others."""
        yield from self._run_units(units, total)
        if self.stats.cached < self.stats.documents - self.stats.errors:  # entries were written
            self.settings.cache.prune()

    def _run_units(self, units: Iterable[Unit], total: int | None) -> Iterator[Outcome]:
        units = self._read_ahead(iter(units))
        first = list(itertools.islice(units, 2))
        if len(first) < 2:  # a single document (or story): no pool, no start-up cost
            for unit in first:
                for outcome in self._in_process(unit):
                    yield self._count(outcome)
            return
        # What the run's process loaded to get here (its modules, the CLI, the rules' key) lives as
        # long as the run: kept out of the garbage collector's full passes, which otherwise walk it
        # again and again while the run allocates an outcome per document (handed back at the end).
        gc.freeze()
        with _Progress(self.settings.progress, total) as progress:
            try:
                for outcome in self._pooled(itertools.chain(first, units)):
                    progress.advance(outcome.doc)
                    yield self._count(outcome)
            finally:
                gc.unfreeze()
                if self._engine is not None:
                    self._engine.close()

    def _read_ahead(self, units: Iterator[Unit]) -> Iterator[Unit]:
        """`units`, once the rules are settled. Rules the workers' fork server compiles are settled
        only when it answers for them (`PendingRules`), which it does once it has preloaded: until
        then the run reads documents (within `READ_AHEAD_DOCUMENTS` and `READ_AHEAD_CHARS`), which
        it would otherwise read later, while the workers need its core. A broken rule file raises
        here, before the run reports on any document."""
        pending = getattr(self.ruleset, "pending", None)
        if pending is None:
            return units
        ahead: list[Unit] = []
        documents = chars = 0
        while documents < READ_AHEAD_DOCUMENTS and chars < READ_AHEAD_CHARS and pending():
            unit = next(units, None)
            if unit is None:
                break
            ahead.append(unit)
            documents += len(unit)
            chars += sum(len(source.item.text) for source in unit if isinstance(source.item, Document))
        self.ruleset.settle()
        return itertools.chain(ahead, units)

    def _lookup(self, unit: Unit) -> tuple[dict[int, Outcome], Task | StoryTask | None, list[int]]:
        """The unit's finished outcomes by position (errors, cached results), and the work still to
        do with the positions it answers for (with cached extraction contexts where only the rules
        changed). A story is redone as a whole unless every version's result is cached."""
        done: dict[int, Outcome] = {}
        readable: list[tuple[int, Document]] = []
        for position, source in enumerate(unit):
            item = source.item
            if isinstance(item, DocumentError):
                done[position] = Outcome(source.root, item.doc, error=item.message)
            elif not item.text.strip():
                done[position] = Outcome(source.root, item.doc, error="empty document (no text to check)")
            else:
                readable.append((position, item))
        cache = self.settings.cache
        ekeys = [extraction_key(item.doc, item.text, item.published) if cache.enabled else ""
                 for _, item in readable]
        # A version's result also depends on the other versions it was read against.
        story = "\0".join(ekeys) if len(readable) > 1 else ""
        rkeys = [result_key(ekey, self.digest + story + renderings_key(self.renderings))
                 if cache.enabled and self.check else ""
                 for ekey in ekeys]
        hits = [cache.get("result", rkey) if self.check else cache.get("rows", ekey)
                for ekey, rkey in zip(ekeys, rkeys, strict=True)]
        if all(hit is not None for hit in hits):
            self.stats.cached += len(hits)
            if not self.check:
                hits = [extracted(hit, self.streamed) for hit in hits]
            for (position, item), hit in zip(readable, hits, strict=True):
                done[position] = Outcome(unit[position].root, item.doc, hit, text=item.text,
                                         source_map=item.source_map)
            return done, None, []
        tasks = []
        for (_, item), ekey in zip(readable, ekeys, strict=True):
            context = cache.get("context", ekey) if self.check else None
            self.stats.reevaluated += context is not None
            tasks.append(Task(item, context, ekey, story))
        task = tasks[0] if len(tasks) == 1 else StoryTask(tuple(tasks))
        return done, task, [position for position, _ in readable]

    def _in_process(self, unit: Unit) -> list[Outcome]:
        """A single document (or story), checked here under the run's time limit."""
        done, task, pending = self._lookup(unit)
        if task is not None:
            try:
                with within_time(self.settings.time_limit):
                    value = work(WorkerState(self.ruleset, self.settings.cache, self.streamed,
                                             self.renderings), task)
            except TimeLimitExceeded:
                assert self.settings.time_limit is not None
                value = Failure(over_limit(self.settings.time_limit))
            except Exception as exc:
                value = Failure(f"{type(exc).__name__}: {exc}")
            done.update(self._answers(value, [(position, unit[position]) for position in pending]))
        return [done[position] for position in sorted(done)]

    def _pooled(self, units: Iterator[Unit]) -> Iterator[Outcome]:
        per_message = DASK_TASKS_PER_MESSAGE if self.settings.engine == "dask" else TASKS_PER_MESSAGE
        window = 4 * max(1, self.settings.jobs) * per_message
        ready: dict[int, Outcome] = {}
        waiting: dict[int, list[Pending]] = {}  # submission key -> the tasks it carries
        batch: list[Pending] = []  # tasks not sent yet
        seen = next_out = 0
        for unit in units:
            done, task, pending = self._lookup(unit)
            ready.update((seen + position, outcome) for position, outcome in done.items())
            if task is not None:
                self._start_engine()  # at the first document not in the cache: its server may load meanwhile
                batch.append((task, [(seen + position, unit[position]) for position in pending]))
                if len(batch) == per_message:
                    batch = self._submit(batch, waiting)
            seen += len(unit)
            while seen - next_out >= window and next_out not in ready:
                batch = self._submit(batch, waiting)  # what is waited for may be in it
                self._collect(ready, waiting)
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
        self._submit(batch, waiting)
        while waiting or next_out in ready:
            if next_out not in ready:
                self._collect(ready, waiting)
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1

    def _submit(self, tasks: list[Pending], waiting: dict[int, list[Pending]]) -> list[Pending]:
        """Send `tasks` (if any) in one message, a single one as itself, several as a `Batch`,
        keyed by the first output index they answer for; returns a new, empty batch."""
        if tasks:
            key = tasks[0][1][0][0]
            waiting[key] = tasks
            payload = tasks[0][0] if len(tasks) == 1 else Batch(tuple(task for task, _ in tasks))
            self._start_engine().submit(key, payload)
        return []

    def _collect(self, ready: dict[int, Outcome], waiting: dict[int, list[Pending]]) -> None:
        assert self._engine is not None
        for submitted, value in self._engine.collect(timeout=None):
            tasks = waiting.pop(submitted)
            if len(tasks) > 1 and isinstance(value, Failure):
                # The worker crashed or ran out of time somewhere in the batch: each task again, alone.
                for task in tasks:
                    self._submit([task], waiting)
                continue
            for (_, members), answer in zip(tasks, value if len(tasks) > 1 else (value,), strict=True):
                ready.update(self._answers(answer, members))

    @staticmethod
    def _answers(value: Any, members: list[tuple[int, Source]]) -> Iterator[tuple[int, Outcome]]:
        """A task's value (one result, a story's tuple of results, or a `Failure` costing all the
        documents it answers for) as each document's outcome."""
        values = value if isinstance(value, tuple) else (value,) * len(members)
        for (index, source), answer in zip(members, values, strict=True):
            assert isinstance(source.item, Document)
            if isinstance(answer, Failure):
                yield index, Outcome(source.root, source.item.doc, error=answer.message)
            else:
                yield index, Outcome(source.root, source.item.doc, answer, text=source.item.text,
                                     source_map=source.item.source_map)

    def _start_engine(self) -> Engine:
        if self._engine is None:
            settings = self.settings
            preload = worker_preload(self.check, self.streamed)
            rules: Any = None
            if self.check:
                from factcheck.corpus.rulesets import worker_rules

                rules = worker_rules(self.ruleset, self._server_preload(preload))
            args = (rules, settings.cache.spec, self.streamed, self.renderings)
            if settings.engine == "dask":
                from factcheck.corpus.cluster import DaskEngine

                self._engine = DaskEngine(settings.jobs, setup_worker, args, work, settings.time_limit,
                                          settings.scheduler)
            else:
                self._engine = LocalPool(settings.jobs, setup_worker, args, work, settings.time_limit,
                                         preload=preload)
        return self._engine

    def _server_preload(self, preload: tuple[str, ...]) -> tuple[str, ...] | None:
        """What the fork server the workers come from preloads: the local pool's, or a local Dask
        cluster's; None for the workers of a Dask scheduler elsewhere, which are not forked here."""
        if self.settings.engine != "dask":
            return preload
        return PRELOAD_DASK if self.settings.scheduler is None else None

    def _count(self, outcome: Outcome) -> Outcome:
        stats = self.stats
        stats.documents += 1
        if outcome.error is not None:
            stats.errors += 1
        elif isinstance(outcome.value, Extracted):
            stats.quantities += outcome.value.count
        else:
            stats.quantities += outcome.value.quantities
            stats.verdicts.update(str(finding.verdict) for finding in outcome.value.findings)
        return outcome



def progress_wanted(flag: bool) -> bool:
    """A progress bar only for a person watching: stderr a terminal, not CI, colour not refused."""
    if not flag or os.environ.get("NO_COLOR") or os.environ.get("CI", "").lower() in ("true", "1"):
        return False
    return sys.stderr.isatty()


def progress_total(paths: Iterable[str], settings: Settings) -> int | None:
    """How many documents the progress bar should expect (a quick scan of the inputs), or None
    when no bar will be shown, so that runs without one skip the scan."""
    return count_documents(paths) if progress_wanted(settings.progress) else None


class _Progress:
    """A rich progress bar on stderr (done of total, rate, time left, current document), shown once
    a run passes `PROGRESS_AFTER` documents; without a total, a count with the time elapsed."""

    def __init__(self, enabled: bool, total: int | None = None) -> None:
        self.enabled = progress_wanted(enabled)
        self.total = total
        self.count = 0
        self.started = time.monotonic()
        self._bar: Any = None

    def __enter__(self) -> _Progress:
        return self

    def advance(self, doc: str) -> None:
        self.count += 1
        if not self.enabled:
            return
        if self._bar is None and self.count > PROGRESS_AFTER:
            self._start()
        if self._bar is not None:
            rate = self.count / max(1e-9, time.monotonic() - self.started)
            self._bar.update(self._task, advance=1, description=Path(doc).name, rate=f"{rate:.1f}/s")

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        counted = [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()] if self.total else [
            SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn()]
        self._bar = Progress(*counted, TextColumn("{task.fields[rate]}"), TextColumn("{task.description}"),
                             console=Console(stderr=True), transient=True)
        self._bar.start()
        self._task = self._bar.add_task("", total=self.total, completed=self.count - 1, rate="")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

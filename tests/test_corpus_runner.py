"""The run loop: input order whatever finishes first, cache hits mixed with work, errors in place."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.corpus import runner as runner_module
from factcheck.corpus.cache import Cache
from factcheck.corpus.pool import Failure
from factcheck.corpus.runner import (
    TASKS_PER_MESSAGE,
    Batch,
    Runner,
    Settings,
    Source,
    Stats,
    Task,
    WorkerState,
    progress_wanted,
    sources,
    work,
)
from factcheck.documents import Document, DocumentError
from factcheck.report.formats import TableFormat
from factcheck.rules.model import Position, RuleError

TEXTS = [f"Item {n}: the plant made {n * 1000} cars and {n + 2}% more vans." for n in range(1, 9)]


def _sources() -> list[Source]:
    items: list[Document | DocumentError] = [Document(f"doc{n}.txt", text) for n, text in enumerate(TEXTS)]
    items.insert(3, DocumentError("broken.txt", "binary file"))
    items.insert(6, Document("blank.txt", " \n\t"))
    return [Source("corpus", item) for item in items]


def test_outcomes_keep_input_order_with_hits_misses_and_errors(tmp_path: Path) -> None:
    settings = Settings(jobs=2, cache=Cache(tmp_path / "cache"), progress=False)
    warm = Runner(settings)
    assert [o.error for o in warm.run(_sources()[::2])].count(None) >= 3  # fills part of the cache
    runner = Runner(settings)
    outcomes = list(runner.run(_sources()))
    assert [o.doc for o in outcomes] == [s.item.doc for s in _sources()]
    errors = {o.doc: o.error for o in outcomes if o.error is not None}
    assert errors == {"broken.txt": "binary file", "blank.txt": "empty document (no text to check)"}
    assert runner.stats.cached == sum(1 for s in _sources()[::2] if s.item.doc.startswith("doc"))
    assert runner.stats.documents == len(TEXTS) + 2 and runner.stats.errors == 2
    for outcome, text in zip([o for o in outcomes if o.error is None], TEXTS, strict=True):
        table = outcome.value.table
        assert outcome.value.count == len(table) and set(table["doc"]) <= {outcome.doc}
        assert all(text[row.start:row.end] == row.surface for row in table.itertuples())


def test_a_pooled_run_keeps_its_start_up_out_of_full_collections_and_hands_it_back(tmp_path: Path) -> None:
    before = gc.get_freeze_count()
    outcomes = Runner(Settings(jobs=2, cache=Cache(tmp_path / "cache"), progress=False)).run(_sources())
    frozen_while_running = [gc.get_freeze_count() > before for _ in outcomes]
    assert frozen_while_running and all(frozen_while_running)
    assert gc.get_freeze_count() == before  # nothing the run loaded stays out of the collector


def test_summary_line_counts_and_pluralises() -> None:
    stats = Stats(documents=1, quantities=3, errors=0, cached=1)
    stats.verdicts.update(["fail", "pass", "pass"])
    line = stats.summary()
    assert line.startswith("1 document (1 cached, 0 re-evaluated), 3 quantities, "
                           "findings: 1 fail, 0 uncertain, 2 pass; 0 errors; ")
    assert "findings" not in stats.summary(findings=False)


@pytest.mark.parametrize(("flag", "env", "tty", "shown"), [
    (True, {}, True, True),
    (False, {}, True, False),
    (True, {"NO_COLOR": "1"}, True, False),
    (True, {"CI": "true"}, True, False),
    (True, {}, False, False),
])
def test_progress_only_for_a_person_at_a_terminal(monkeypatch: pytest.MonkeyPatch, flag: bool,
                                                  env: dict[str, str], tty: bool, shown: bool) -> None:
    for name in ("NO_COLOR", "CI"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: tty)
    assert progress_wanted(flag) is shown


def test_a_report_folder_inside_the_corpus_is_not_read_as_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "reports").mkdir(parents=True)
    (corpus / "a.txt").write_text("Officials counted 40 missiles.\n", encoding="utf-8")
    (corpus / "reports" / "a.md").write_text("# Report\n\nIt found 3 figures.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Officials counted 50 missiles.\n", encoding="utf-8")
    found = [source.item.doc for source in sources([str(corpus), str(tmp_path / "b.md")],
                                                   skip=corpus / "reports")]
    assert found == [str(corpus / "a.txt"), str(tmp_path / "b.md")]
    everything = [source.item.doc for source in sources([str(corpus)], skip=tmp_path / "elsewhere")]
    assert str(corpus / "reports" / "a.md") in everything


class _CrashingEngine:
    """An engine whose worker dies on any message holding a document that mentions CRASH, as a
    real one would on a document that kills its process; other messages are worked on."""

    def __init__(self) -> None:
        self.state = WorkerState(None, Cache(None), TableFormat.jsonl)
        self.sent: list[object] = []
        self._done: list[tuple[int, object]] = []

    @property
    def in_flight(self) -> int:
        return len(self._done)

    def submit(self, key: int, payload: Task | Batch) -> None:
        self.sent.append(payload)
        tasks = payload.tasks if isinstance(payload, Batch) else (payload,)
        crashes = any("CRASH" in task.document.text for task in tasks if isinstance(task, Task))
        value = Failure("worker crashed (signal SIGKILL)") if crashes else work(self.state, payload)
        self._done.append((key, value))

    def collect(self, timeout: float | None) -> list[tuple[int, object]]:
        done, self._done = self._done, []
        return done

    def close(self) -> None:
        pass


def test_a_batch_that_kills_its_worker_is_retried_task_by_task() -> None:
    texts = [*TEXTS, *TEXTS]
    texts[10] = "CRASH: 2 million bottles in 9,000 crates."
    runner = Runner(Settings(jobs=1, cache=Cache(None), progress=False), streamed=TableFormat.jsonl)
    engine = _CrashingEngine()
    runner._engine = engine
    outcomes = list(runner.run(Source("corpus", Document(f"doc{n}.txt", text))
                               for n, text in enumerate(texts)))
    assert [outcome.doc for outcome in outcomes] == [f"doc{n}.txt" for n in range(len(texts))]
    assert {outcome.doc: outcome.error for outcome in outcomes if outcome.error} == {
        "doc10.txt": "worker crashed (signal SIGKILL)"}
    assert all(outcome.value.count >= 2 for outcome in outcomes if outcome.error is None)
    batches = [len(payload.tasks) for payload in engine.sent if isinstance(payload, Batch)]
    assert batches == [TASKS_PER_MESSAGE, TASKS_PER_MESSAGE]  # the second held doc10.txt
    assert len(engine.sent) == 2 + TASKS_PER_MESSAGE  # its tasks again, one message each


def test_a_batch_member_that_raises_costs_only_itself() -> None:
    state = WorkerState(None, Cache(None), TableFormat.jsonl)
    good, bad = Task(Document("good.txt", TEXTS[0])), Task(Document("bad.txt", None))  # type: ignore[arg-type]
    values = work(state, Batch((good, bad, good)))
    assert [type(value).__name__ for value in values] == ["Extracted", "Failure", "Extracted"]
    assert values[1].message.startswith("TypeError") and values[0] == values[2]


def test_only_the_renderings_a_run_writes_are_made_and_cached_apart(tmp_path: Path) -> None:
    from factcheck.rules.loader import load_rules

    rules = load_rules()
    settings = Settings(jobs=2, cache=Cache(tmp_path / "cache"), progress=False)
    bare = list(Runner(settings, rules, renderings=frozenset()).run(_sources()))
    assert all(o.value.markdown == o.value.html == "" for o in bare if o.error is None)
    full = Runner(settings, rules)  # a run writing reports must not be served the bare results
    outcomes = list(full.run(_sources()))
    assert full.stats.cached == 0 and full.stats.reevaluated == len(TEXTS)
    assert all(o.value.markdown.startswith("#") and o.value.html for o in outcomes if o.error is None)
    assert [o.value.findings for o in outcomes if o.error is None] == \
        [o.value.findings for o in bare if o.error is None]
    again = Runner(settings, rules, renderings=frozenset())
    assert [o.value for o in again.run(_sources())] == [o.value for o in bare]
    assert again.stats.cached == len(TEXTS)


class _Answering:
    """Rules whose fork server answers for them after `answer_after` documents are read (never, by
    itself, when None); `settle` records how many the run had read by then, or raises `error`."""

    digest = ""

    def __init__(self, read: list[str], answer_after: int | None = None,
                 error: Exception | None = None) -> None:
        self.read, self.answer_after, self.error = read, answer_after, error
        self.settled_at: int | None = None

    def pending(self) -> bool:
        return self.answer_after is None or len(self.read) < self.answer_after

    def settle(self) -> None:
        if self.settled_at is None:
            self.settled_at = len(self.read)
        if self.error is not None:
            raise self.error


def _reading(read: list[str], texts: list[str]) -> Iterator[Source]:
    for n, text in enumerate(texts):
        read.append(f"doc{n}.txt")
        item = Document(f"doc{n}.txt", text) if text else DocumentError(f"doc{n}.txt", "binary file")
        yield Source("corpus", item)


@pytest.mark.parametrize(("documents", "chars", "answer_after", "settled_at"), [
    (5, 10**9, None, 5),  # up to the bound on documents
    (10**9, len(TEXTS[-1]) + len(TEXTS[-2]), None, 2),  # or on characters of text
    (10**9, 10**9, 3, 3),  # or until the server answers
])
def test_a_run_reads_ahead_while_the_rules_are_pending_within_its_bounds(
        monkeypatch: pytest.MonkeyPatch, documents: int, chars: int, answer_after: int | None,
        settled_at: int) -> None:
    monkeypatch.setattr(runner_module, "READ_AHEAD_DOCUMENTS", documents)
    monkeypatch.setattr(runner_module, "READ_AHEAD_CHARS", chars)
    texts = [*TEXTS[::-1], *TEXTS]
    texts[4], texts[9] = "", "CRASH: 2 million bottles in 9,000 crates."
    read: list[str] = []
    rules = _Answering(read, answer_after)
    runner = Runner(Settings(jobs=2, cache=Cache(None), progress=False), rules)
    runner._engine = _CrashingEngine()
    outcomes = list(runner.run(_reading(read, texts)))
    assert rules.settled_at == settled_at
    # Order, errors and what a crash costs are those of any run.
    assert [outcome.doc for outcome in outcomes] == [f"doc{n}.txt" for n in range(len(texts))]
    assert {outcome.doc: outcome.error for outcome in outcomes if outcome.error} == {
        "doc4.txt": "binary file", "doc9.txt": "worker crashed (signal SIGKILL)"}


def test_no_document_is_reported_before_the_rules_are_settled() -> None:
    read: list[str] = []
    rules = _Answering(read, error=RuleError(Position("rules.yaml", 3, 1), "broken"))
    runner = Runner(Settings(jobs=2, cache=Cache(None), progress=False), rules)
    runner._engine = _CrashingEngine()
    outcomes = runner.run(_reading(read, ["", *TEXTS]))  # an unreadable document first
    with pytest.raises(RuleError):
        next(outcomes)
    assert read and runner.stats.documents == 0

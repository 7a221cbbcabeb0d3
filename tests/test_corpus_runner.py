"""The run loop: input order whatever finishes first, cache hits mixed with work, errors in place."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factcheck.corpus.cache import Cache
from factcheck.corpus.runner import Runner, Settings, Source, Stats, progress_wanted, sources
from factcheck.documents import Document, DocumentError

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

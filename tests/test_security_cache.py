"""The cache holds plain signed data: entries a repository committed, or anyone forged, edited or
copied, are misses and never run code; it is bounded, keyed by everything that changes a result,
and `factcheck cache info|clear` manage it (see docs/security.md)."""

from __future__ import annotations

import importlib.metadata
import pickle
from pathlib import Path

import msgpack
import pandas as pd
import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.corpus import cache as cache_module
from factcheck.corpus.cache import (
    LAYOUT,
    SUFFIX,
    Cache,
    code_fingerprint,
    decode,
    encode,
    extraction_key,
    result_key,
)
from factcheck.corpus.runner import Runner, Settings, renderings_key, sources
from factcheck.rules.loader import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = str(ROOT / "rules" / "un.yaml")
ARTICLES = {
    "a.txt": "Russia vetoed a proposal in the UN Security Council to prolong the mandate of a panel of "
             "experts for 15 years.\n",
    "b.txt": "The Security Council voted to extend the sanctions panel's mandate for 12 months.\n",
    "c.txt": "Sales rose from 200 to 250, up 25%, while costs fell 8% to 9.2 billion euros.\n",
}


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path("pwned").write_text, ("code ran",))


def _run(*args: str, home: Path, env: dict[str, str] | None = None) -> Result:
    extra = ["--rules", RULES] if args[0] == "check" else []
    return CliRunner().invoke(app, [*args, *extra, "--no-progress"] if args[0] != "cache" else list(args),
                              env={"CI": "true", "XDG_CACHE_HOME": str(home), **(env or {})},
                              catch_exceptions=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    for name, text in ARTICLES.items():
        Path("corpus", name).write_text(text, encoding="utf-8")
    # The repository points the cache into itself, where a pull request can commit entries.
    Path("pyproject.toml").write_text('[tool.factcheck]\ncache-dir = ".cache"\n', encoding="utf-8")
    return tmp_path


def test_committed_pickles_and_foreign_entries_never_run_or_count(repo: Path) -> None:
    # Pickles that would run code, planted at the very keys the run looks up (which anyone can compute).
    digest = load_rules([RULES]).digest + renderings_key(frozenset({"md"}))  # what `check` prints
    for name, text in ARTICLES.items():
        extraction = extraction_key(f"corpus/{name}", text)
        for kind, key in (("context", extraction), ("result", result_key(extraction, digest))):
            for entry in (Path(".cache", "v1", kind, key[:2], key + ".pkl"),
                          Path(".cache", LAYOUT, kind, key + SUFFIX)):
                entry.parent.mkdir(parents=True, exist_ok=True)
                entry.write_bytes(pickle.dumps(_Boom()))
    first = _run("check", "corpus", home=repo / "home-a")
    assert first.exit_code == 1 and "3 documents (0 cached, 0 re-evaluated)" in first.stderr
    assert not Path("pwned").exists()
    assert all(entry.read_bytes()[:1] != b"\x80" for entry in Path(".cache", LAYOUT).rglob(f"*{SUFFIX}"))
    # Entries this user wrote are hits; the same entries under another user's secret are misses.
    assert "3 documents (3 cached" in _run("check", "corpus", home=repo / "home-a").stderr
    assert "3 documents (0 cached" in _run("check", "corpus", home=repo / "home-b").stderr


def test_an_edited_or_moved_entry_is_a_miss(repo: Path) -> None:
    home = repo / "home"
    assert _run("check", "corpus", home=home).exit_code == 1
    results = sorted(Path(".cache", LAYOUT, "result").rglob(f"*{SUFFIX}"))
    assert len(results) == 3
    # Turn the failing document's result into a clean one, keeping the signature: not trusted.
    for entry in results:
        entry.write_bytes(entry.read_bytes().replace(b"\xa4fail", b"\xa4pass"))  # the string "fail"
    edited = _run("check", "corpus", home=home)
    assert edited.exit_code == 1 and "(2 cached, 1 re-evaluated)" in edited.stderr
    # Swap two entries' files (each signed for its own key): both misses.
    one, two = sorted(Path(".cache", LAYOUT, "result").rglob(f"*{SUFFIX}"))[:2]
    data = one.read_bytes()
    one.write_bytes(two.read_bytes())
    two.write_bytes(data)
    assert "1 cached" in _run("check", "corpus", home=home).stderr
    for entry in Path(".cache", LAYOUT).rglob(f"*{SUFFIX}"):
        entry.write_bytes(entry.read_bytes()[:40])  # truncated by a full disk
    damaged = _run("check", "corpus", home=home)
    assert damaged.exit_code == 1 and "0 cached" in damaged.stderr


def test_cache_info_and_clear(repo: Path) -> None:
    home = repo / "home"
    _run("check", "corpus", home=home)
    info = _run("cache", "info", home=home)
    assert info.exit_code == 0 and ".cache" in info.stdout
    assert "7 entries (0 rows, 3 context, 3 result, 1 rules)" in info.stdout and "limit" in info.stdout
    Path("outside").mkdir()
    Path("outside/keep.json").write_text("{}", encoding="utf-8")
    Path(".cache", LAYOUT, "result", "zz").symlink_to(repo / "outside")  # not followed by clear
    Path(".cache", LAYOUT, "result", f"zz{SUFFIX}").symlink_to(repo / "outside" / "keep.json")
    old = [Path(".cache/v1/result/ab/ab01.pkl"), Path(".cache/v2/result/cd/cd01.json"),
           Path(".cache/v3/result/ef01.json")]  # earlier layouts
    for entry in old:
        entry.parent.mkdir(parents=True)
        entry.write_bytes(b"\x80\x04N.")
    cleared = _run("cache", "clear", home=home)
    assert cleared.exit_code == 0 and "10 entries" in cleared.stdout
    assert not any(entry.exists() for entry in old)
    left = list(Path(".cache", LAYOUT).rglob(f"*{SUFFIX}"))
    assert [path.name for path in left] == [f"zz{SUFFIX}"] and left[0].is_symlink()  # a link is left alone
    assert Path("outside/keep.json").exists()
    assert "0 entries" in _run("cache", "info", home=home).stdout


def test_the_cache_stays_within_its_limit_dropping_least_recently_used(repo: Path) -> None:
    home = repo / "home"
    for number in range(12):
        text = f"Prices rose {number + 3}% to {number + 100} euros.\n"
        Path("corpus", f"n{number:02}.txt").write_text(text, encoding="utf-8")
    limit = 12_000
    result = _run("check", "corpus", home=home, env={"FACTCHECK_CACHE_SIZE": str(limit)})
    assert result.exit_code == 1
    sizes = [p.stat().st_size for p in Path(".cache", LAYOUT).rglob(f"*{SUFFIX}")]
    assert 0 < sum(sizes) <= limit
    cache = Cache(Path(".cache"))
    cache.put("rows", "ff" * 32, [])
    newest = {name for name, _ in cache.entries() if "ffff" in name}
    cache.prune(limit=1)  # everything must go but what fits: nothing
    assert not newest & {name for name, _ in cache.entries()}


def test_the_key_covers_all_code_and_the_libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "compare").mkdir()
    (tmp_path / "compare" / "align.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "_PACKAGE", tmp_path)
    code_fingerprint.cache_clear()
    before = code_fingerprint("")
    (tmp_path / "compare" / "align.py").write_text("A = 2\n", encoding="utf-8")
    code_fingerprint.cache_clear()
    assert code_fingerprint("") != before
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99" if name == "quantulum3" else "1")
    code_fingerprint.cache_clear()
    changed = code_fingerprint("")
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99" if name == "pint" else "1")
    code_fingerprint.cache_clear()
    assert code_fingerprint("") != changed
    code_fingerprint.cache_clear()


def test_the_codec_builds_only_what_it_lists() -> None:
    assert decode(msgpack.unpackb(msgpack.packb(encode({"a": (1, 2.5, float("inf")), 3: [None, "x"]})))) == \
        {"a": (1, 2.5, float("inf")), 3: [None, "x"]}
    for hostile in (["C", "Path", "/etc/passwd"], ["C", "Popen", "ls"], ["E", "Signals", 9], ["X"], [], {}):
        with pytest.raises(Exception):  # noqa: B017 - any refusal will do
            decode(hostile)
    with pytest.raises(TypeError):
        encode(Path("x"))
    for table in (["Q", ["L", "a.txt"]], ["R", "not a column"]):  # too few columns, not a list
        with pytest.raises(ValueError):
            decode(table)


def test_a_context_comes_back_from_the_cache_as_it_went_in() -> None:
    from factcheck.documents import Document
    from factcheck.rules.engine import build_context

    text = ("Bike sales rose 20% from 1,000 to 1,200 in 2023. Each weighs about 25 kg.\n\n"
            "Of the 45 staff, 15 are mechanics, 12 are drivers and 18 are clerks.\n")
    context = build_context(Document("shop.txt", text))
    assert len(context.quantities) > 5 and len(context.relations) > 1
    back = decode(msgpack.unpackb(msgpack.packb(encode(context))))
    pd.testing.assert_frame_equal(back.quantities, context.quantities)
    assert (back.doc, back.text, back.relations, back.published, back.versions) == \
        (context.doc, context.text, context.relations, context.published, context.versions)


def test_a_rule_file_edited_mid_run_stores_nothing_under_the_old_rules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    Path("corpus").mkdir()
    for name, text in ARTICLES.items():
        Path("corpus", name).write_text(text, encoding="utf-8")
    rules = Path("rules.yaml")
    original = Path(RULES).read_text(encoding="utf-8")
    edited = original.replace("renewal_period: 2 to 5 years", "renewal_period: 20 to 50 years")
    assert edited != original

    def verdicts(text: str, cache: Cache) -> list[tuple[str, ...]]:
        rules.write_text(text, encoding="utf-8")
        runner = Runner(Settings(jobs=2, cache=cache, progress=False), load_rules([rules]))
        return [tuple(str(f.verdict) for f in o.value.findings) for o in runner.run(sources(["corpus"]))]

    fresh_original = verdicts(original, Cache(None))
    fresh_edited = verdicts(edited, Cache(None))
    assert fresh_original != fresh_edited
    cache = Cache(tmp_path / "cache")
    rules.write_text(original, encoding="utf-8")
    runner = Runner(Settings(jobs=2, cache=cache, progress=False), load_rules([rules]))
    rules.write_text(edited, encoding="utf-8")  # after the run loaded its rules, before its workers did
    list(runner.run(sources(["corpus"])))
    assert verdicts(original, Cache(tmp_path / "cache")) == fresh_original
    assert verdicts(edited, Cache(tmp_path / "cache")) == fresh_edited

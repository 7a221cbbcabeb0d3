"""`factcheck check` over any number of documents (`extract` is `factcheck.corpus.extracting`).

The CLI parses options; this module runs the corpus loop, writes or compares the reports, renders
the chosen output format, prints the summary line and decides the exit code.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from factcheck.corpus.regression import INDEX, Entry, ReportFolder, Verdict
from factcheck.corpus.runner import Runner, Settings, Source, Unit, progress_total, sources
from factcheck.documents import Document
from factcheck.report.html import page, render_article
from factcheck.report.html_index import IndexArticle, render_index_pages
from factcheck.report.located import LocatedResult, failing, locate, rules_by_id
from factcheck.rules.findings import Severity
from factcheck.rules.findings import Verdict as FindingVerdict

if TYPE_CHECKING:
    from factcheck.pipeline import DocumentResult
    from factcheck.rules.findings import Finding

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
# More documents than this in one group are not versions of one story (see `story_units`).
MAX_STORY_VERSIONS = 50


@dataclass(frozen=True)
class CheckOptions:
    """What `factcheck check` was asked to do, after merging options, config and defaults."""

    paths: tuple[str, ...]
    settings: Settings
    fmt: str = "md"
    fail_on: Severity = Severity.error
    report_dir: Path | None = None
    check: bool = False
    stories: bool = False  # check each story's versions together (see `story_units`)


def run_check(options: CheckOptions, ruleset: Any, out: IO[str], err: IO[str]) -> int:
    """Check every document; returns the exit code (2 bad input, 1 failing finding or drift, 0 clean)."""
    runner = Runner(options.settings, ruleset, renderings=renderings(options))
    folder = (ReportFolder(options.report_dir, options.check, roots=options.paths)
              if options.report_dir is not None else None)
    entries: list[Entry] = []
    verdicts: list[Verdict] = []
    located: list[LocatedResult] = []
    listed: list[IndexArticle] = []  # the HTML index's lines
    pages: list[str] = []  # --format html: each document's report, for one page on stdout
    kept: list[_Kept] = []  # for --format json, which shows no quantities
    failed = errors = 0
    stream = sources(options.paths, skip=options.report_dir,
                     time_limit=options.settings.time_limit)
    units: Iterable[Unit] = ((source,) for source in stream)
    if options.stories:
        units, oversized = story_units(stream)
        for name, size in oversized:
            err.write(f"factcheck: warning: story {name!r} has {size} documents, more than "
                      f"{MAX_STORY_VERSIONS} versions of one story: checked one by one "
                      "(--stories wants a folder per story)\n")
    try:
        for outcome in runner.run_units(units, progress_total(options.paths, options.settings)):
            if outcome.error is not None:
                errors += 1
                err.write(f"factcheck: {outcome.doc}: {outcome.error}\n")
            findings = sorted(outcome.value.findings if outcome.error is None else (),
                              key=lambda finding: finding.sort_key())
            failed += sum(failing(finding, options.fail_on) for finding in findings)
            if folder is not None:
                name = folder.names.claim(outcome.root, outcome.doc) if outcome.error is None else None
                if name is not None:
                    folder.put(name, outcome.value.markdown)
                    folder.put(html_name(name), page(f"factcheck: {outcome.doc}", outcome.value.html))
                entries.append(Entry(outcome.doc, name, _counts(findings), outcome.error))
                listed.append(IndexArticle(outcome.doc, html_name(name) if name else None,
                                           tuple((f.rule, str(f.verdict)) for f in findings), outcome.error))
                verdicts += [Verdict(outcome.doc, f.rule, str(f.verdict), " ".join(f.sentence.split()))
                             for f in findings]
            elif options.fmt == "md" and outcome.error is None:
                out.write(("\n---\n\n" if runner.stats.documents > 1 else "") + outcome.value.markdown)
            elif options.fmt == "html":
                pages.append(outcome.value.html if outcome.error is None else
                             render_article(_findings_only(outcome.doc, (), outcome.error)))
            if options.fmt == "json":
                kept.append(_Kept(outcome.doc, tuple(findings), outcome.error))
            elif options.fmt in ("junit", "github", "sarif", "terse"):
                located.append(locate(outcome.doc, findings, outcome.text, outcome.error,
                                      outcome.source_map))
    except KeyboardInterrupt:
        if folder is not None and not options.check:
            written = sum(entry.report is not None for entry in entries)  # one per article, .md and .html
            err.write(f"factcheck: interrupted: {written} reports written to {folder.folder}; "
                      f"{INDEX} and the manifest not updated (rerun to finish)\n")
        raise
    drift = False
    if folder is not None:
        for name, text in render_index_pages(listed).items():
            folder.put(name, text)
        folder.finish(entries, verdicts)
        drift = folder.drift.found
        if drift:
            out.write(folder.drift.render())
    if pages:
        title = f"factcheck: {len(pages)} documents" if len(pages) > 1 else "factcheck report"
        out.write(page(title, "".join(pages)))
    _render_format(options, kept, located, ruleset, out)
    if options.settings.cache.write_error:
        err.write(f"factcheck: warning: {options.settings.cache.write_error}\n")
    err.write(f"factcheck: {runner.stats.summary()}\n")
    if errors or runner.stats.documents == 0:
        if runner.stats.documents == 0:
            err.write("factcheck: no documents found\n")
        return EXIT_BAD_INPUT
    if options.check:
        return EXIT_FINDINGS if drift else EXIT_CLEAN
    return EXIT_FINDINGS if failed else EXIT_CLEAN


@dataclass(frozen=True)
class _Kept:
    """What `--format json` shows of a document: its findings, or its error (see
    `factcheck.report.json.Checked`), kept without pandas, which the run itself never loads."""

    doc: str
    findings: tuple[Finding, ...]
    error: str | None


def _findings_only(doc: str, findings: Iterable[Any], error: str | None) -> DocumentResult:
    """A document's result without its quantities (what an error's HTML shows); pandas is loaded
    only here, so that a run writing reports from cached results never loads it."""
    from factcheck.pipeline import DocumentResult

    return DocumentResult(doc, _no_table(), list(findings), error=error)


@cache
def _no_table() -> Any:
    from factcheck.extract.schema import empty_table

    return empty_table()


def renderings(options: CheckOptions) -> frozenset[str]:
    """The reports a run writes per document: both into a report folder, else the one its output
    format prints (markdown, or HTML), else none (JSON and the CI formats show findings only)."""
    if options.report_dir is not None:
        return frozenset({"md", "html"})
    return frozenset({options.fmt}) if options.fmt in ("md", "html") else frozenset()


def _render_format(options: CheckOptions, kept: list[_Kept], located: list[LocatedResult],
                   ruleset: Any, out: IO[str]) -> None:
    """Everything but markdown goes to stdout at the end, once every document is known."""
    if options.fmt == "json":
        from factcheck.report.json import render_json

        out.write(render_json(kept))
    elif options.fmt == "junit":
        from factcheck.report.junit import render_junit

        out.write(render_junit(located, options.fail_on))
    elif options.fmt == "sarif":
        from factcheck.report.sarif import render_sarif

        out.write(render_sarif(located, rules_by_id(ruleset)))
    elif options.fmt == "terse":
        from factcheck.report.terse import render_terse

        out.write(render_terse(located))
    elif options.fmt == "github":
        from factcheck.report.github import render_annotations, render_summary

        out.write(render_annotations(located, options.fail_on))
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path:
            try:
                with open(summary_path, "a", encoding="utf-8") as handle:
                    handle.write(render_summary(located, options.fail_on))
            except OSError as exc:  # named, so that the run ends with one line saying where
                raise OSError(exc.errno, exc.strerror, summary_path) from exc


def story_units(stream: Iterable[Source]) -> tuple[list[Unit], list[tuple[str, int]]]:
    """Sources grouped into stories exactly as `factcheck compare` groups them (articles named
    together, a sub-folder per story, a JSONL `story` field), each story in the order of its first
    document; and the groups too large to be one story's versions (name, size), which are checked
    document by document instead (a folder of 500 articles is a topic, not a story). Grouping needs
    every document's story first, so the whole corpus is read up front; unreadable inputs stay
    units of their own."""
    from factcheck.compare.groups import assign_stories, story_key

    everything = list(stream)
    readable = [(index, source.root, source.item) for index, source in enumerate(everything)
                if isinstance(source.item, Document)]
    names = assign_stories((story_key(root, item), item.doc) for _, root, item in readable)
    sizes = Counter(names)
    oversized = sorted((name, size) for name, size in sizes.items() if size > MAX_STORY_VERSIONS)
    story_of = {index: name for (index, _, _), name in zip(readable, names, strict=True)
                if sizes[name] <= MAX_STORY_VERSIONS}
    units: dict[str | int, list[Source]] = {}
    for index, source in enumerate(everything):
        units.setdefault(story_of.get(index, index), []).append(source)
    return [tuple(unit) for unit in units.values()], oversized


def html_name(report: str) -> str:
    """The HTML page beside a markdown report: `a/001.md` -> `a/001.html`."""
    return report.removesuffix(".md") + ".html"


def _counts(findings: list[Any]) -> tuple[int, int, int]:
    verdicts = [finding.verdict for finding in findings]
    return (verdicts.count(FindingVerdict.fail), verdicts.count(FindingVerdict.uncertain),
            verdicts.count(FindingVerdict.passed))



"""`factcheck compare` over any number of stories, as a corpus run.

Documents are extracted by the corpus runner (cache, worker pool, progress bar, per-document time
limit, one bad document costing only itself), sorted into stories, compared story by story, and the
comparison reports are printed, written into a report folder, or (`--check`) compared with the
committed ones using the same drift report as `factcheck check --check`.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from factcheck.compare import Agreement, Comparison, Version, compare_versions
from factcheck.compare.groups import assign_stories, story_key
from factcheck.corpus.regression import ReportFolder
from factcheck.corpus.runner import Runner, Settings, Source, count_noun, progress_total, sources
from factcheck.documents import Document
from factcheck.report.compare_md import COMPARE_SUFFIX, render_stdout, report_files
from factcheck.report.formats import CompareFormat

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def run_compare(paths: tuple[str, ...], settings: Settings, fmt: CompareFormat, report_dir: Path | None,
                check: bool, out: IO[str], err: IO[str]) -> int:
    """Compare every story under `paths`; returns the exit code (2 bad input, 1 conflict or drift, 0)."""
    started = time.monotonic()
    keys: list[str | None] = []

    def tagged() -> Iterator[Source]:
        for source in sources(paths, skip=report_dir, time_limit=settings.time_limit):
            keys.append(story_key(source.root, source.item) if isinstance(source.item, Document) else None)
            yield source

    versions: list[tuple[str | None, Version]] = []
    errors = 0
    for index, outcome in enumerate(Runner(settings).run(tagged(), progress_total(paths, settings))):
        if outcome.error is not None:
            errors += 1
            err.write(f"factcheck: {outcome.doc}: {outcome.error}\n")
        else:
            versions.append((keys[index], Version(outcome.doc, outcome.text or "", outcome.value.table)))
    if not versions:
        err.write("factcheck: no articles to compare\n")
        return EXIT_BAD_INPUT
    stories: dict[str, list[Version]] = {}
    for name, (_, version) in zip(assign_stories((k, v.doc) for k, v in versions), versions, strict=True):
        stories.setdefault(name, []).append(version)
    for name in sorted(stories):
        if len(stories[name]) == 1:
            err.write(f"factcheck: {name}: only one version ({stories[name][0].doc}), "
                      "nothing to compare it with\n")
    comparisons = [compare_versions(name, stories[name]) for name in sorted(stories)]
    found = any(c.count(Agreement.conflict) for c in comparisons)
    if report_dir is None:
        out.write(render_stdout(comparisons, fmt))
    else:
        texts = {version.doc: version.text for story in stories.values() for version in story}
        drift = write_comparisons(report_dir, report_files(comparisons, fmt, texts), fmt, check, out)
        found = drift if check else found  # --check judges the reports, not the stories
    if len(versions) + errors > 1:
        err.write(f"factcheck: {_summary(comparisons, len(versions), errors, time.monotonic() - started)}\n")
    return EXIT_BAD_INPUT if errors else EXIT_FINDINGS if found else EXIT_CLEAN


def write_comparisons(folder: Path, files: dict[str, str], fmt: CompareFormat, check: bool,
                      out: IO[str]) -> bool:
    """Write comparison reports into `folder` (or, with `check`, compare them); True on drift.

    The folder's manifest says which files `compare` wrote: stale ones of those are removed (or
    reported as drift) and nothing else in the folder is touched, so comparisons can share a report
    folder with `check`'s reports.
    """
    reports = ReportFolder(folder, check, owner="compare")
    for name, text in files.items():
        reports.put(name, text)
    suffixes = tuple(f"{COMPARE_SUFFIX}.{ext}" for ext in ((fmt.value, "html") if fmt is CompareFormat.md
                                                           else (fmt.value,)))
    listed: list[str] = []
    with contextlib.suppress(OSError):
        listed = [entry.name for entry in os.scandir(folder) if entry.name.endswith(suffixes)]
    reports.close(listed if check else ())
    if reports.drift.found:
        out.write(reports.drift.render())
    return reports.drift.found


def _summary(comparisons: list[Comparison], documents: int, errors: int, seconds: float) -> str:
    counts = ", ".join(f"{sum(c.count(verdict) for c in comparisons)} {verdict.value.replace('_', '-')}"
                       for verdict in Agreement)
    return (f"{count_noun(len(comparisons), 'story')}, {count_noun(documents, 'document')}; "
            f"figures: {counts}; {count_noun(errors, 'error')}; {seconds:.1f} s")

"""Reports on disk as a regression baseline: write them, or compare regenerated ones in memory.

`factcheck check CORPUS --report-dir reports/` writes one markdown report per article and an
`index.md`; with `--check` nothing is written and every difference is drift: a report whose bytes
would change, a new article, a report whose article is gone. The index lists every finding
(article, rule, verdict, sentence) in a stable table, so the verdict drift (added, removed and
changed, per rule and per article) is computed from the committed index, independent of how the
per-article reports are laid out.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from factcheck.fsutil import atomic_write_text

INDEX = "index.md"
REPORT_SUFFIX = ".md"
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MAX_EXAMPLES = 10
MAX_DIFF_LINES = 400
_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class Verdict:
    """One finding as the index records it; `locus` (the sentence) pairs old and new findings."""

    article: str
    rule: str
    verdict: str
    locus: str


@dataclass(frozen=True)
class Entry:
    """One article's line in the index."""

    article: str
    report: str | None  # report path relative to the report folder; None for an error
    counts: tuple[int, int, int]  # fail, uncertain, pass
    error: str | None = None


def report_name(root: str, doc: str) -> PurePosixPath:
    """The report's path inside the report folder, derived from `doc` relative to the argument `root`.

    `seeds/` + `seeds/a/001.txt` -> `a/001.md`; `corpus.jsonl#business/001` -> `corpus/business/001.md`;
    stdin -> `stdin.md`. Never absolute, never climbing out with `..`.
    """
    if doc == "-":
        return PurePosixPath("stdin" + REPORT_SUFFIX)
    file_part, hash_sign, record = doc.partition("#")
    path, base = Path(file_part), Path(root.partition("#")[0])
    relative = Path(path.name)
    if base.is_dir():
        with contextlib.suppress(ValueError):  # a file outside the folder: its name alone
            relative = path.relative_to(base)
    parts = list(relative.parts)
    if parts and Path(parts[-1]).suffix.lower() in ARTICLE_SUFFIXES:
        parts[-1] = Path(parts[-1]).stem
    if hash_sign:
        parts += record.split("/")
    safe = [_UNSAFE.sub("_", part).strip("_.") or "_" for part in parts]
    return PurePosixPath(*safe).with_name(safe[-1] + REPORT_SUFFIX)


class Names:
    """Hands out collision-free report names, deterministic for a given input order."""

    def __init__(self) -> None:
        self._taken = {INDEX.lower()}

    def claim(self, root: str, doc: str) -> str:
        name = report_name(root, doc)
        candidate, number = name, 1
        while str(candidate).lower() in self._taken:  # case-insensitive file systems collide too
            number += 1
            candidate = name.with_name(f"{name.stem}-{number}{REPORT_SUFFIX}")
        self._taken.add(str(candidate).lower())
        return str(candidate)


@dataclass
class Drift:
    """What `--check` found: changed, new and vanished reports, verdict changes, a capped diff."""

    changed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)
    diff_omitted: int = 0
    verdicts: list[tuple[str, Verdict | None, Verdict | None]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.changed or self.new or self.removed)

    def add_diff(self, old: str, new: str, name: str) -> None:
        lines = list(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                          fromfile=f"a/{name}", tofile=f"b/{name}"))
        room = MAX_DIFF_LINES - len(self.diff)
        self.diff += lines[:max(0, room)]
        self.diff_omitted += max(0, len(lines) - max(0, room))

    def render(self) -> str:
        """The drift summary and the unified diff, for a person reading a CI log."""
        out = [f"Reports would change: {len(self.changed)} changed, {len(self.new)} new, "
               f"{len(self.removed)} removed. If intended, rerun without --check and commit the reports."]
        for label, names in (("changed", self.changed), ("new", self.new), ("removed", self.removed)):
            for name in names[:MAX_EXAMPLES]:
                out.append(f"  {label}: {name}")
            if len(names) > MAX_EXAMPLES:
                out.append(f"  ... and {len(names) - MAX_EXAMPLES} more {label}")
        if self.verdicts:
            kinds = Counter(kind for kind, _, _ in self.verdicts)
            out.append(f"Verdict drift: {kinds['changed']} changed, {kinds['added']} added, "
                       f"{kinds['removed']} removed.")
            for title, part in (("By rule", 1), ("By article", 0)):
                out.append(f"{title}:")
                groups: dict[str, Counter[str]] = defaultdict(Counter)
                for kind, old, new in self.verdicts:
                    finding = new or old
                    assert finding is not None
                    groups[(finding.article, finding.rule)[part]][kind] += 1
                for name in sorted(groups)[:MAX_EXAMPLES * 2]:
                    counts = ", ".join(f"{groups[name][k]} {k}" for k in ("changed", "added", "removed")
                                       if groups[name][k])
                    out.append(f"  {name}: {counts}")
                if len(groups) > MAX_EXAMPLES * 2:
                    out.append(f"  ... and {len(groups) - MAX_EXAMPLES * 2} more")
            out.append(f"Examples (first {min(MAX_EXAMPLES, len(self.verdicts))} of {len(self.verdicts)}):")
            for _, old, new in self.verdicts[:MAX_EXAMPLES]:
                finding = new or old
                assert finding is not None
                was = old.verdict if old else "(none)"
                now = new.verdict if new else "(none)"
                out.append(f"  {finding.article}  {finding.rule}  {was} -> {now}  \"{_clip(finding.locus)}\"")
        if self.diff:
            out.append("")
            out.append("".join(line if line.endswith("\n") else line + "\n" for line in self.diff).rstrip())
            if self.diff_omitted:
                out.append(f"... {self.diff_omitted} more diff lines omitted")
        return "\n".join(out) + "\n"


class ReportFolder:
    """Writes reports into `folder`, or (check=True) compares them with what is there."""

    def __init__(self, folder: Path, check: bool) -> None:
        self.folder = folder
        self.check = check
        self.names = Names()
        self.drift = Drift()
        self.written: set[str] = set()

    def put(self, name: str, text: str) -> None:
        """Write (or compare) one report, `name` relative to the folder."""
        self.written.add(name)
        path = self.folder / name
        if not self.check:
            if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
                atomic_write_text(path, text)
            return
        try:
            old = path.read_bytes().decode("utf-8", errors="replace")
        except (FileNotFoundError, IsADirectoryError):
            self.drift.new.append(name)
            self.drift.add_diff("", text, name)
            return
        if old != text:
            self.drift.changed.append(name)
            self.drift.add_diff(old, text, name)

    def finish(self, entries: list[Entry], verdicts: list[Verdict]) -> None:
        """Write or compare the index, and deal with reports whose article is gone.

        Only reports the previous index listed count as stale, so other files in the folder (say,
        `compare` reports) are never touched.
        """
        index_path = self.folder / INDEX
        old_index = index_path.read_text(encoding="utf-8", errors="replace") if index_path.is_file() else ""
        stale = sorted(name for name in parse_reports(old_index)
                       if name not in self.written and ".." not in PurePosixPath(name).parts
                       and not PurePosixPath(name).is_absolute() and (self.folder / name).is_file())
        if self.check:
            self.drift.removed += stale
            for name in stale:
                old = (self.folder / name).read_text(encoding="utf-8", errors="replace")
                self.drift.add_diff(old, "", name)
            self.drift.verdicts = verdict_drift(parse_verdicts(old_index), verdicts)
        else:
            for name in stale:
                (self.folder / name).unlink()
        self.put(INDEX, render_index(entries, verdicts))


def render_index(entries: list[Entry], verdicts: list[Verdict]) -> str:
    """The index: totals, one row per article linking its report, then every finding."""
    totals = [sum(entry.counts[i] for entry in entries) for i in range(3)]
    errors = sum(entry.error is not None for entry in entries)
    lines = [
        "# factcheck reports",
        "",
        f"{len(entries)} articles; findings: {totals[0]} fail, {totals[1]} uncertain, {totals[2]} pass; "
        f"{errors} errors.",
        "",
        "## Articles",
        "",
        "| Article | Fail | Uncertain | Pass | Report |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for entry in entries:
        if entry.error is not None:
            lines.append(f"| {_cell(entry.article)} | | | | error: {_cell(entry.error)} |")
        else:
            fail, uncertain, passed = entry.counts
            link = f"[{entry.report}]({entry.report})"  # report names are already path- and markdown-safe
            lines.append(f"| {_cell(entry.article)} | {fail} | {uncertain} | {passed} | {link} |")
    lines += ["", "## Findings", ""]
    if verdicts:
        lines += ["| Article | Rule | Verdict | Sentence |", "| --- | --- | --- | --- |"]
        lines += [f"| {_cell(v.article)} | {_cell(v.rule)} | {_cell(v.verdict)} | {_cell(v.locus)} |"
                  for v in verdicts]
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


def parse_reports(index: str) -> list[str]:
    """The report files an index written by `render_index` links to."""
    links = re.finditer(r"^\| .* \| \[[^\]]*\]\(([^)]*)\) \|$", index, re.MULTILINE)
    return [match.group(1) for match in links]


def parse_verdicts(index: str) -> list[Verdict]:
    """The findings table of an index written by `render_index`."""
    found, inside = [], False
    for line in index.splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## Findings"
            continue
        if not inside or not line.startswith("| ") or line.startswith(("| Article |", "| --- |")):
            continue
        cells = [_uncell(cell) for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 4:
            found.append(Verdict(*cells))
    return found


def verdict_drift(old: list[Verdict], new: list[Verdict]) -> list[tuple[str, Verdict | None, Verdict | None]]:
    """Pair old and new findings per (article, rule): same sentence first, then in order.

    A pair whose verdict differs is `changed`; an unpaired new finding is `added`, an unpaired old
    one `removed`. An edited figure changes its sentence, so leftovers are paired in order: the same
    rule on the same article with a different verdict reads as a change, which is what it is.
    """
    def grouped(items: list[Verdict]) -> dict[tuple[str, str], list[Verdict]]:
        groups: dict[tuple[str, str], list[Verdict]] = defaultdict(list)
        for item in items:
            groups[(item.article, item.rule)].append(item)
        return groups

    before, after = grouped(old), grouped(new)
    drift: list[tuple[str, Verdict | None, Verdict | None]] = []
    for key in sorted(set(before) | set(after)):
        olds, news = list(before.get(key, [])), list(after.get(key, []))
        for item in list(news):
            same = next((o for o in olds if o.locus == item.locus), None)
            if same is not None:
                olds.remove(same)
                news.remove(item)
                if same.verdict != item.verdict:
                    drift.append(("changed", same, item))
        unchanged = [(o, n) for o, n in zip(olds, news, strict=False) if o.verdict == n.verdict]
        for o, n in zip(olds, news, strict=False):
            if (o, n) not in unchanged:
                drift.append(("changed", o, n))
        drift += [("removed", o, None) for o in olds[len(news):]]
        drift += [("added", None, n) for n in news[len(olds):]]
    return drift


def _cell(text: str) -> str:
    """Table-safe text: one line, pipes escaped, nothing that renders as HTML."""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return flat.replace("\\", "\\\\").replace("|", "\\|")


def _uncell(cell: str) -> str:
    text = re.sub(r"\\(.)", r"\1", cell.strip())
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"

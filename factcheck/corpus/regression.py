"""Reports on disk as a regression baseline: write them, or compare regenerated ones in memory.

`factcheck check CORPUS --report-dir reports/` writes one markdown report per article and an
`index.md`; with `--check` nothing is written and every difference is drift: a report whose bytes
would change, a new article, a report whose article is gone. The index lists every finding
(article, rule, verdict, sentence) in a stable table, so the verdict drift (added, removed and
changed, per rule and per article) is computed from the committed index, independent of how the
per-article reports are laid out.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from factcheck.fsutil import SafeFolder, UnsafePath, bounded_name
from factcheck.report.escape import escape

INDEX = "index.md"
# The files factcheck wrote into a report folder, the only ones it ever deletes there.
MANIFEST = ".factcheck-manifest"
MANIFEST_HEADER = "# Files factcheck wrote into this folder (owner, name); it deletes only these.\n"
OWNERS = ("check", "compare")
MAX_DEPTH = 24
REPORT_SUFFIX = ".md"
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MAX_EXAMPLES = 10
MAX_DIFF_LINES = 400
_UNSAFE = re.compile(r"[^\w.\-]+")
# Names no article's report may take: the markdown twins of the HTML index's pages (index.p2.html).
_RESERVED = re.compile(r"index(?:\.p\d+)?\.md")


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


def report_name(root: str, doc: str, prefixed: bool = False, folder: bool | None = None) -> PurePosixPath:
    """The report's path inside the report folder, derived from `doc` relative to the argument `root`.

    `seeds/` + `seeds/a/001.txt` -> `a/001.md`; `corpus.jsonl#business/001` -> `corpus/business/001.md`;
    stdin -> `stdin.md`. With `prefixed` (a run over several arguments) the argument's own path comes
    first (`a/001.txt` under `a/` -> `a/001.md`), so each argument has its own names whatever the
    order of the arguments. Never absolute, never climbing out with `..`; folder names hold no dot,
    so a folder never clashes with a report; each part and the depth are bounded (see `_bounded`).
    `folder` says whether `root` is a folder, when the caller knows (else it is looked up).

    A run names thousands of reports: the document's path is parsed once, its argument's once per run.
    """
    return PurePosixPath(_report_name(root, doc, prefixed, folder))


def _report_name(root: str, doc: str, prefixed: bool, folder: bool | None) -> str:
    """`report_name` as text: its parts hold no "/" and are never empty, "." or "..", so the text is
    the path's own (and `Names` needs no path object per report)."""
    if doc == "-":
        return "stdin" + REPORT_SUFFIX
    file_part, hash_sign, record = doc.partition("#")
    name, path_parts, absolute = path_parts_of(file_part)
    base, own = _base_parts(root.partition("#")[0])
    if folder is None:
        folder = Path(root.partition("#")[0]).is_dir()
    parts = [name] if name else []  # the file's name alone, unless it lies in the folder
    # inside: what `path.relative_to(base)` accepts (an empty base takes relative paths only)
    if folder and path_parts[:len(base)] == base and (base or not absolute):
        parts = list(path_parts[len(base):])
    if prefixed:
        parts = list(own) + (parts if folder else [])
    if parts:
        dot = parts[-1].rfind(".")
        if 0 < dot < len(parts[-1]) - 1 and parts[-1][dot:].lower() in ARTICLE_SUFFIXES:
            parts[-1] = parts[-1][:dot]  # pathlib's suffix and stem
    if hash_sign:
        parts += record.split("/")
    safe = [_UNSAFE.sub("_", part).strip("_.") or "_" for part in parts]
    safe = [part.replace(".", "_") for part in safe[:-1]] + safe[-1:]
    safe = _bounded(safe)
    return "/".join([*safe[:-1], safe[-1] + REPORT_SUFFIX])


# Whether "/" is the only separator of this system's paths (so a path's last part is what follows it).
_SLASH_ONLY = os.sep == "/" and not os.altsep


def path_parts_of(file_part: str) -> tuple[str, tuple[str, ...], bool]:
    """`Path(file_part)`'s name, parts and whether it is absolute, its folder parsed once per folder
    (a run names thousands of documents from a few folders; pathlib parses each in full)."""
    head, slash, name = file_part.rpartition("/")
    if _SLASH_ONLY and slash and name not in ("", ".") and head.strip("/"):
        return name, (*_folder_parts(head), name), file_part.startswith("/")
    path = Path(file_part)
    return path.name, path.parts, path.is_absolute()


@lru_cache(maxsize=256)
def _folder_parts(folder: str) -> tuple[str, ...]:
    return Path(folder).parts


@lru_cache(maxsize=64)
def _base_parts(root: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A path argument's parts, and those it gives a prefixed name (without its anchor or '.')."""
    base = Path(root)
    return base.parts, tuple(part for part in base.parts if part not in (base.anchor, "."))


def _bounded(parts: list[str]) -> list[str]:
    """At most `MAX_DEPTH` parts, each a `bounded_name` (file systems refuse longer names)."""
    if len(parts) > MAX_DEPTH:
        parts = [*parts[:MAX_DEPTH - 1], "_".join(parts[MAX_DEPTH - 1:])]
    return [bounded_name(part) for part in parts]


class Names:
    """Hands out collision-free report names: deterministic for a given input, and (`roots`: every
    path argument of the run) independent of the order of the arguments."""

    def __init__(self, roots: Iterable[str] = ()) -> None:
        self._taken = {INDEX.lower()}
        self._prefixed = len(set(roots)) > 1
        self._folders: dict[str, bool] = {}  # whether each path argument is a folder, looked up once

    def claim(self, root: str, doc: str) -> str:
        if root not in self._folders:
            self._folders[root] = Path(root.partition("#")[0]).is_dir()
        name = _report_name(root, doc, self._prefixed, self._folders[root])
        candidate, number = name, 1
        # case-insensitive file systems collide too
        while (folded := candidate.lower()) in self._taken or _RESERVED.fullmatch(folded):
            number += 1
            candidate = f"{name.removesuffix(REPORT_SUFFIX)}-{number}{REPORT_SUFFIX}"  # the stem, numbered
        self._taken.add(folded)
        return candidate


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
    """Writes reports into `folder`, or (check=True) compares them with what is there.

    Every file goes through a `SafeFolder` (no links followed, atomic replacement), and the files a
    command wrote are listed in the folder's `MANIFEST` under its `owner` (check, compare), so a
    later run deletes only what it wrote itself: never a file it merely finds linked from an index,
    nor one another command (or a person) put there.
    """

    def __init__(self, folder: Path, check: bool, owner: str = "check", roots: Iterable[str] = ()) -> None:
        self.folder = folder
        self.files = SafeFolder(folder, keep_open=True)  # thousands of files, a few folders
        self.check = check
        self.owner = owner
        self.names = Names(roots)
        self.drift = Drift()
        self.written: set[str] = set()  # names written (or compared)

    def put(self, name: str, text: str) -> None:
        """Write (or compare) one report, `name` relative to the folder."""
        self.written.add(name)
        self._put(name, text.encode("utf-8"))

    def _put(self, name: str, data: bytes) -> None:
        try:
            old = self.files.read_bytes(name)
        except UnsafePath as exc:
            if not self.check:  # a link (or a special file) in its place is replaced, never followed
                self.files.write_bytes(name, data)
                return
            self.drift.changed.append(name)
            self.drift.add_diff(f"{exc.filename}: {exc.strerror} (not read)\n", data.decode("utf-8"), name)
            return
        if not self.check:
            if old != data:
                self.files.write_bytes(name, data)
            return
        if old is None:
            self.drift.new.append(name)
            self.drift.add_diff("", data.decode("utf-8"), name)
        elif old != data:
            self.drift.changed.append(name)
            self.drift.add_diff(old.decode("utf-8", errors="replace"), data.decode("utf-8"), name)

    def read_text(self, name: str) -> str:
        """A file of the folder as text ("" when missing, unreadable, a link or not a regular file)."""
        try:
            data = self.files.read_bytes(name)
        except OSError:
            return ""
        return data.decode("utf-8", errors="replace") if data is not None else ""

    def finish(self, entries: list[Entry], verdicts: list[Verdict]) -> None:
        """Write or compare the index, then deal with reports whose article is gone (`close`)."""
        old_index = self.read_text(INDEX)
        index = render_index(entries, verdicts)
        self.put(INDEX, index)
        if self.check:  # both sides as the index holds them (escaping drops invisible characters)
            self.drift.verdicts = verdict_drift(parse_verdicts(old_index), parse_verdicts(index))
        self.close(parse_reports(old_index))

    def close(self, listed: Iterable[str] = ()) -> None:
        """Remove (or, checking, report as drift) the files this owner wrote last time and did not
        write now, and write (or compare) the manifest.

        Only files the manifest lists under this owner are deleted. `listed` (what an old index
        links to) adds to the drift `--check` reports, never to what is deleted: a hand-written
        index must not make factcheck delete the files it links.
        """
        previous = parse_manifest(self.read_text(MANIFEST))
        mine = {name for owner, name in previous if owner == self.owner}
        stale = sorted(name for name in mine | (set(listed) if self.check else set())
                       if name not in self.written and _is_inside(name))
        for name in stale:
            try:
                data = self.files.read_bytes(name)
            except OSError:
                continue
            if data is None:
                continue
            if self.check:
                self.drift.removed.append(name)
                self.drift.add_diff(data.decode("utf-8", errors="replace"), "", name)
            elif name in mine:
                self.files.delete(name)
        kept = [(owner, name) for owner, name in previous if owner != self.owner]
        kept += [(self.owner, name) for name in self.written]
        self._put(MANIFEST, render_manifest(kept).encode("utf-8"))
        self.files.close()


def render_manifest(files: Iterable[tuple[str, str]]) -> str:
    """The manifest: one `owner<TAB>name` line per file factcheck wrote, sorted."""
    lines = [f"{owner}\t{name}" for owner, name in sorted(set(files))]
    return MANIFEST_HEADER + "".join(line + "\n" for line in lines)


def parse_manifest(text: str) -> list[tuple[str, str]]:
    """(owner, name) of every well-formed manifest line; anything else is ignored."""
    found = []
    for line in text.splitlines():
        owner, _, name = line.partition("\t")
        if owner in OWNERS and _is_inside(name):
            found.append((owner, name))
    return found


def _is_inside(name: str) -> bool:
    """Whether `name` is a relative path that stays inside the folder (as PurePosixPath reads it,
    without its cost: a manifest lists two files per article)."""
    return bool(name) and not name.startswith("/") and ".." not in name.split("/") and "\\" not in name


def render_index(entries: list[Entry], verdicts: list[Verdict]) -> str:
    """The index: totals, one row per article linking its report (worst first, then in name order,
    whatever the order of the arguments), then every finding (each article's in report order)."""
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
    # Worst first: most fails, then most uncertain verdicts, then unreadable articles.
    for entry in sorted(entries, key=lambda e: (-e.counts[0], -e.counts[1], e.error is None, e.article)):
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
                  for v in sorted(verdicts, key=lambda verdict: verdict.article)]
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
    """Table-safe inert markdown (`report.escape`): one line, pipes escaped, no HTML, link or image."""
    return escape(str(text))


def _uncell(cell: str) -> str:
    text = re.sub(r"\\(.)", r"\1", cell.strip())
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"

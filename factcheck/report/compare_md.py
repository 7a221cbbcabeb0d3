"""The markdown comparison report: one story's figures across its versions, for an editor.

Conflicts come first (two versions cannot both be right), then figures only one version gives
(an editor asks where they come from), then agreements. Article text is escaped so nothing in it
renders as HTML or markdown; the output depends only on the inputs (no time, no absolute path).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from factcheck.compare.align import AlignedFigure, Agreement, Comparison, Mention, format_interval
from factcheck.report.compare_json import render_json

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]#+!|~]")

_HEADINGS = {
    Agreement.conflict: ("Conflicts", "Versions give figures that cannot both hold."),
    Agreement.single_source: ("Only in one source",
                              "Only one version gives these figures: where do they come from?"),
    Agreement.agree: ("Agreements", "The versions' figures overlap once their wording and rounding are read "
                                    "as intervals."),
}


def escape(text: str) -> str:
    """Article text as inert markdown: no HTML, no emphasis, links, headings or table breaks."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), text).replace("\n", " ")


def _code(text: str) -> str:
    """A document name in a code span, whatever backticks it contains."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _quote(mention: Mention) -> str:
    """The sentence, escaped, with the figure in bold."""
    sentence = mention.sentence
    start, end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    if not (0 <= start <= end <= len(sentence)):
        return escape(" ".join(sentence.split()))
    before, figure, after = sentence[:start], sentence[start:end], sentence[end:]
    return " ".join(f"{escape(before)}**{escape(figure)}**{escape(after)}".split())


def _interval(mention: Mention) -> str:
    unit = f" {mention.unit}" if mention.unit else ""
    return f"{format_interval(mention.low, mention.high)}{unit}"


def _title(figure: AlignedFigure) -> str:
    what = figure.concept or (figure.unit and f"{figure.unit}s") or "figure"
    return f"{escape(what)} ({escape(figure.dimension or 'count')})"


def _figure(number: int, figure: AlignedFigure) -> list[str]:
    lines = [f"### {number}. {_title(figure)}", ""]
    if figure.verdict is Agreement.single_source:
        lines += [f"Only in {_code(figure.mentions[0].doc)}.", ""]
    for mention in figure.mentions:
        lines.append(f"- {_code(mention.doc)}: **{escape(mention.surface)}** "
                     f"(interval {escape(_interval(mention))}) — {_quote(mention)}")
    if figure.reason and figure.verdict is Agreement.conflict:
        lines += ["", f"Why: {escape(figure.reason)}."]
    for counterpart in figure.counterparts:
        lines += ["", f"{_code(counterpart.doc)} has a similar passage without this figure:", "",
                  f"> {escape(' '.join(counterpart.sentence.split()))}"]
    return [*lines, ""]


def render_comparison(comparison: Comparison) -> str:
    """The whole markdown report of one story."""
    conflicts = comparison.count(Agreement.conflict)
    singles = comparison.count(Agreement.single_source)
    agreements = comparison.count(Agreement.agree)
    lines = [f"# Comparison: {escape(comparison.story)}", ""]
    lines.append(f"**{conflicts} conflict{'s' * (conflicts != 1)} · {singles} only in one source · "
                 f"{agreements} agreement{'s' * (agreements != 1)}** across "
                 f"{len(comparison.versions)} version{'s' * (len(comparison.versions) != 1)}:")
    lines.append("")
    for number, doc in enumerate(comparison.versions, 1):
        given = sum(any(m.doc == doc for m in f.mentions) for f in comparison.figures)
        lines.append(f"{number}. {_code(doc)} — {given} figure{'s' * (given != 1)}")
    lines.append("")
    number = 0
    for verdict, (heading, explanation) in _HEADINGS.items():
        figures = [f for f in comparison.figures if f.verdict is verdict]
        lines += [f"## {heading}", ""]
        if not figures:
            lines += ["None.", ""]
            continue
        lines += [explanation, ""]
        for figure in figures:
            number += 1
            lines += _figure(number, figure)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_index(comparisons: Iterable[tuple[str, Comparison]]) -> str:
    """An index of several stories' comparison reports: file name and counts, conflicts first."""
    rows = sorted(comparisons, key=lambda item: (-item[1].count(Agreement.conflict), item[0]))
    lines = ["# Comparisons", "", "| Story | Versions | Conflicts | Only in one source | Agreements |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name, comparison in rows:
        lines.append(f"| [{escape(comparison.story)}]({name}) | {len(comparison.versions)} | "
                     f"{comparison.count(Agreement.conflict)} | {comparison.count(Agreement.single_source)} | "
                     f"{comparison.count(Agreement.agree)} |")
    return "\n".join(lines) + "\n"


class CompareFormat(StrEnum):
    md = "md"
    json = "json"


def render_stdout(comparisons: Sequence[Comparison], fmt: CompareFormat) -> str:
    """Every story's comparison as one text for stdout: markdown reports in a row, or one JSON document."""
    if fmt is CompareFormat.json:
        return render_json(comparisons)
    return "\n".join(render_comparison(comparison) for comparison in comparisons)


COMPARE_SUFFIX = ".compare"  # every comparison file ends in .compare.md or .compare.json
INDEX_NAME = "index" + COMPARE_SUFFIX + ".md"
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


def report_files(comparisons: Sequence[Comparison], fmt: CompareFormat) -> dict[str, str]:
    """File name -> content for a report folder: one file per story (`fmt` md or json), plus an
    index of the stories when there are several. Names derive from story names only."""
    files: dict[str, str] = {}
    taken = {INDEX_NAME.lower()}
    named: list[tuple[str, Comparison]] = []
    for comparison in comparisons:
        stem = _UNSAFE_NAME.sub("_", comparison.story.replace("/", "__")).strip("._") or "story"
        name, number = f"{stem}{COMPARE_SUFFIX}.{fmt.value}", 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}{COMPARE_SUFFIX}.{fmt.value}"
        taken.add(name.lower())
        named.append((name, comparison))
        files[name] = render_json([comparison]) if fmt is CompareFormat.json else render_comparison(comparison)
    if len(named) > 1:
        files[INDEX_NAME] = render_index(named)
    return files

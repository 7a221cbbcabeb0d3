"""The markdown comparison report: one story's figures across its versions, for an editor.

Conflicts come first (two versions cannot both be right), then figures only one version gives
(an editor asks where they come from), then agreements. Article text is escaped so nothing in it
renders as HTML or markdown; the output depends only on the inputs (no time, no absolute path).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from factcheck.compare.align import Agreement, AlignedFigure, Comparison, Mention, format_amount
from factcheck.fsutil import bounded_name
from factcheck.report.compare_html import figure_title, render_compare_html
from factcheck.report.compare_json import render_json
from factcheck.report.escape import code, escape
from factcheck.report.formats import CompareFormat

_HEADINGS = {
    Agreement.conflict: ("Conflicts", "Versions give figures that cannot both hold."),
    Agreement.single_source: ("Only in one source",
                              "Only one version gives these figures: where do they come from?"),
    Agreement.agree: ("Agreements", "The versions' figures overlap once their wording and rounding are read "
                                    "as intervals."),
}


def _quote(mention: Mention) -> str:
    """The sentence, escaped, with the figure in bold."""
    sentence = mention.sentence
    start, end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    if not (0 <= start <= end <= len(sentence)):
        return escape(sentence)
    before, figure, after = sentence[:start], sentence[start:end], sentence[end:]
    return f"{escape(before.lstrip())}**{escape(figure)}**{escape(after.rstrip())}"


def _title(figure: AlignedFigure) -> str:
    return escape(figure_title(figure))


def _figure(number: int, figure: AlignedFigure) -> list[str]:
    lines = [f"### {number}. {_title(figure)}", ""]
    if figure.verdict is Agreement.single_source:
        lines += [f"Only in {code(figure.mentions[0].doc)}.", ""]
    for mention in figure.mentions:
        amount = escape(format_amount(mention.low, mention.high, mention.unit))
        credit = f"; credited to {escape(mention.attribution)}" if mention.attribution else ""
        lines.append(f"- {code(mention.doc)}: **{escape(mention.surface)}** (interval {amount}{credit}) — "
                     f"{_quote(mention)}")
    if figure.reason and figure.verdict is Agreement.conflict:
        lines += ["", f"Why: {escape(figure.reason)}."]
    if figure.reworded:
        leads = " / ".join(f"“{escape(lead)} …” in {code(doc)}" for doc, lead in figure.reworded)
        lines += ["", f"Check the wording: the versions say differently what this period is ({leads}). "
                      "Is it the same claim?"]
    for counterpart in figure.counterparts:
        lines += ["", f"{code(counterpart.doc)} has a similar passage without this figure:", "",
                  f"> {escape(counterpart.sentence)}"]
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
        lines.append(f"{number}. {code(doc)} — {given} figure{'s' * (given != 1)}")
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
        counts = " | ".join(str(comparison.count(verdict)) for verdict in Agreement)
        lines.append(f"| [{escape(comparison.story)}]({name}) | {len(comparison.versions)} | {counts} |")
    return "\n".join(lines) + "\n"


def render_stdout(comparisons: Sequence[Comparison], fmt: CompareFormat) -> str:
    """Every story's comparison as one text for stdout: markdown reports in a row, or one JSON document."""
    if fmt is CompareFormat.json:
        return render_json(comparisons)
    return "\n".join(render_comparison(comparison) for comparison in comparisons)


COMPARE_SUFFIX = ".compare"  # every comparison file ends in .compare.md or .compare.json
INDEX_NAME = "index" + COMPARE_SUFFIX + ".md"
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


def report_files(comparisons: Sequence[Comparison], fmt: CompareFormat,
                 texts: Mapping[str, str] | None = None) -> dict[str, str]:
    """File name -> content for a report folder: one file per story (`fmt` md or json; with md, its
    HTML page too, showing the versions' `texts` by document name), plus an index of the stories
    when there are several. Names derive from story names only."""
    files: dict[str, str] = {}
    taken = {INDEX_NAME.lower()}
    named: list[tuple[str, Comparison]] = []
    for comparison in comparisons:
        stem = bounded_name(_UNSAFE_NAME.sub("_", comparison.story.replace("/", "__")).strip("._") or "story")
        name, number = f"{stem}{COMPARE_SUFFIX}.{fmt.value}", 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}{COMPARE_SUFFIX}.{fmt.value}"
        taken.add(name.lower())
        named.append((name, comparison))
        as_json = fmt is CompareFormat.json
        files[name] = render_json([comparison]) if as_json else render_comparison(comparison)
        if not as_json:
            files[name.removesuffix(".md") + ".html"] = render_compare_html(comparison, texts or {})
    if len(named) > 1:
        files[INDEX_NAME] = render_index(named)
    return files

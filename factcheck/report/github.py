"""`--format github`: GitHub Actions workflow commands, and a markdown job summary.

Each fail or uncertain finding becomes an annotation on its file and line (`::error` for a fail at
or above `--fail-on`, `::warning` for other fails, `::notice` for uncertain), with `col` and
`endColumn` (its last character) when it stands on one line of a file whose text is its own; a
document that could not be read is an `::error` on that file. Property values and messages are
escaped as the Actions toolkit escapes them. The job summary (for `$GITHUB_STEP_SUMMARY`) gives
the totals and a table of what needs a look.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.report.escape import code, escape
from factcheck.report.located import LocatedFinding, LocatedResult, described, failing
from factcheck.rules.findings import Severity, Verdict

SUMMARY_ROWS = 200


def render_annotations(results: Sequence[LocatedResult], fail_on: Severity) -> str:
    lines = []
    for result in results:
        if result.error is not None:
            lines.append(f"::error file={_property(result.path)},title=factcheck::{_data(result.error)}")
        for located in result.findings:
            finding = located.finding
            if finding.verdict is Verdict.passed:
                continue
            if failing(finding, fail_on):
                level = "error"
            else:
                level = "warning" if finding.verdict is Verdict.fail else "notice"
            title = f"{finding.rule} ({finding.verdict})"
            lines.append(f"::{level} file={_property(result.path)},{_position(located)},"
                         f"title={_property(title)}::{_data(described(located))}")
    return "".join(line + "\n" for line in lines)


def _position(located: LocatedFinding) -> str:
    position = f"line={located.line}"
    if located.end_line and located.end_line != located.line:
        return position + f",endLine={located.end_line}"
    if located.column:  # columns only on one line (GitHub refuses them across lines)
        position += f",col={located.column}"
        if located.end_column:
            position += f",endColumn={located.end_column - 1}"
    return position


def render_summary(results: Sequence[LocatedResult], fail_on: Severity) -> str:
    """The job summary: totals, then fails and uncertain findings (capped), then unreadable files."""
    counts = {verdict: 0 for verdict in Verdict}
    for result in results:
        for located in result.findings:
            counts[located.finding.verdict] += 1
    errors = [result for result in results if result.error is not None]
    failed = sum(failing(item.finding, fail_on) for result in results for item in result.findings)
    lines = [
        "## factcheck",
        "",
        f"{len(results)} documents; findings: {counts[Verdict.fail]} fail, "
        f"{counts[Verdict.uncertain]} uncertain, {counts[Verdict.passed]} pass; "
        f"{failed} at or above `{fail_on}`; {len(errors)} errors.",
        "",
    ]
    rows = [(result, item) for result in results for item in result.findings
            if item.finding.verdict is not Verdict.passed]
    if rows:
        lines += ["| Document | Line | Rule | Verdict | Severity | Message |",
                  "| --- | ---: | --- | --- | --- | --- |"]
        for result, item in rows[:SUMMARY_ROWS]:
            finding = item.finding
            lines.append(f"| {_cell(result.doc)} | {item.line} | {_cell(finding.rule)} | {finding.verdict} | "
                         f"{finding.severity} | {_cell(finding.message)} |")
        if len(rows) > SUMMARY_ROWS:
            lines.append(f"\n… and {len(rows) - SUMMARY_ROWS} more.")
        lines.append("")
    if errors:
        lines += ["### Documents that could not be checked", ""]
        lines += [f"- {code(result.doc)}: {_cell(result.error or '')}" for result in errors]
        lines.append("")
    return "\n".join(lines)


def _data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    """Article sentences, ids and messages as inert markdown (no link, image or HTML renders)."""
    return escape(text)

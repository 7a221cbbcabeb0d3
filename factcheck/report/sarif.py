"""`--format sarif`: SARIF 2.1.0 for code-scanning tools, with each rule's metadata.

Each fail or uncertain finding is a result (passes are what a code-scanning page does not show;
`--format json` has them): a fail has `kind` fail and the `level` of its rule's severity (error,
warning, note); an uncertain one asks a person to look, `kind` review, and so (§3.27.10: any kind
but fail) `level` none. Regions give lines and, where the text is the file's own, columns counted
in Unicode code points (`columnKind`). Rules carry title, rationale and sources. Documents that
could not be read are tool execution notifications. Paths stay as given (relative URI references),
and nothing varies between runs, so the file diffs cleanly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.report.located import LocatedFinding, LocatedResult, described
from factcheck.rules.findings import Severity, Verdict

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
KINDS = {Verdict.fail: "fail", Verdict.uncertain: "review"}


def render_sarif(results: Sequence[LocatedResult], rules: Mapping[str, Any]) -> str:
    used = sorted({item.finding.rule for result in results for item in result.findings} | set(rules))
    index = {rule_id: number for number, rule_id in enumerate(used)}
    descriptors = [_descriptor(rule_id, rules.get(rule_id)) for rule_id in used]
    sarif_results = []
    for result in results:
        for item in result.findings:
            finding = item.finding
            if finding.verdict not in KINDS:
                continue
            sarif_results.append({
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "kind": KINDS[finding.verdict],
                "level": LEVELS[finding.severity] if finding.verdict is Verdict.fail else "none",
                "message": {"text": described(item)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)},
                                                    "region": _region(item)}}],
                "properties": {"document": result.doc, "verdict": str(finding.verdict),
                               "sentence": finding.sentence, "spans": [list(span) for span in finding.spans]},
            })
    notifications = [{"level": "error", "message": {"text": result.error},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}]}
                     for result in results if result.error is not None]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "results": sarif_results,
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule_id: str, rule: Any) -> dict[str, Any]:
    if rule is None:
        return {"id": rule_id}
    sources = list(getattr(rule, "sources", ()))
    rationale = str(getattr(rule, "rationale", "")).strip()
    help_text = rationale + ("\n\nSources:\n" + "\n".join(f"- {s}" for s in sources) if sources else "")
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": str(rule.title)},
        "fullDescription": {"text": rationale or str(rule.title)},
        "help": {"text": help_text or str(rule.title)},
        "defaultConfiguration": {"level": LEVELS[Severity(rule.severity)]},
        "properties": {"kind": str(rule.kind), "sources": sources},
    }


def _region(item: LocatedFinding) -> dict[str, Any]:
    """Lines always; columns when known (`endColumn` is the column just after the region). No
    snippet: SARIF's is the region's exact text, and the finding's sentence is wider."""
    region: dict[str, Any] = {"startLine": item.line}
    if item.column:
        region["startColumn"] = item.column
    if item.end_line:
        region["endLine"] = item.end_line
    if item.end_column:
        region["endColumn"] = item.end_column
    return region


def _uri(path: str) -> str:
    """A URI reference: a relative path percent-encoded, an absolute one as a file: URI."""
    if path == "-":
        return "stdin"
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(path.replace("\\", "/"), safe="/")

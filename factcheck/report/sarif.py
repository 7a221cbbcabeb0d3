"""`--format sarif`: SARIF 2.1.0 for code-scanning tools, with each rule's metadata.

Every finding is a result: `kind` fail / review (uncertain) / pass, `level` from the rule's severity
(error, warning, note; `none` for passes). Rules carry title, rationale and sources. Documents that
could not be read are tool execution notifications. Paths stay as given (relative), and nothing
varies between runs, so the file diffs cleanly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from factcheck import __version__
from factcheck.report.located import LocatedResult
from factcheck.rules.findings import Severity, Verdict

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
KINDS = {Verdict.fail: "fail", Verdict.uncertain: "review", Verdict.passed: "pass"}


def render_sarif(results: Sequence[LocatedResult], rules: Mapping[str, Any]) -> str:
    used = sorted({item.finding.rule for result in results for item in result.findings} | set(rules))
    index = {rule_id: number for number, rule_id in enumerate(used)}
    descriptors = [_descriptor(rule_id, rules.get(rule_id)) for rule_id in used]
    sarif_results = []
    for result in results:
        for item in result.findings:
            finding = item.finding
            region: dict[str, Any] = {"startLine": item.line}
            if finding.sentence:
                region["snippet"] = {"text": finding.sentence}
            message = finding.message + (f" ({finding.arithmetic})" if finding.arithmetic else "")
            sarif_results.append({
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "kind": KINDS[finding.verdict],
                "level": LEVELS[finding.severity] if finding.verdict is not Verdict.passed else "none",
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)},
                                                    "region": region}}],
                "properties": {"document": result.doc, "verdict": str(finding.verdict),
                               "spans": [list(span) for span in finding.spans]},
            })
    notifications = [{"level": "error", "message": {"text": result.error},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}]}
                     for result in results if result.error is not None]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": descriptors}},
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


def _uri(path: str) -> str:
    return "stdin" if path == "-" else path.replace("\\", "/")

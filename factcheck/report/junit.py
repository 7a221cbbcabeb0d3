"""`--format junit`: one test suite per article, one test case per rule that ran on it.

A rule fails its test case when it gave a `fail` verdict at or above `--fail-on`; other verdicts
go to the case's system-out so the CI page still shows them. A document that could not be read
is a test case with an <error>. Output is deterministic (no timestamps, no host names), and always
well-formed XML: characters XML forbids (U+FFFE, U+FFFF, most control characters) are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from factcheck.report.located import LocatedFinding, LocatedResult, described, failing
from factcheck.rules.findings import Severity


def render_junit(results: Sequence[LocatedResult], fail_on: Severity) -> str:
    root = ET.Element("testsuites", name="factcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        suite = ET.SubElement(root, "testsuite", name=result.doc)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if result.error is not None:
            case = ET.SubElement(suite, "testcase", classname=result.doc, name="read")
            ET.SubElement(case, "error", message=result.error, type="DocumentError").text = result.error
            counts["tests"] += 1
            counts["errors"] += 1
        by_rule: dict[str, list[LocatedFinding]] = defaultdict(list)
        for located in result.findings:
            by_rule[located.finding.rule].append(located)
        for rule in sorted(by_rule):
            case = ET.SubElement(suite, "testcase", classname=result.doc, name=rule)
            counts["tests"] += 1
            failed = [item for item in by_rule[rule] if failing(item.finding, fail_on)]
            if failed:
                counts["failures"] += 1
                first = failed[0].finding
                ET.SubElement(case, "failure", message=first.message, type=str(first.severity)).text = \
                    "\n".join(_describe(result.path, item) for item in failed)
            others = [item for item in by_rule[rule] if item not in failed]
            if others:
                text = "\n".join(_describe(result.path, item) for item in others)
                ET.SubElement(case, "system-out").text = text
        if counts["tests"] == 0:
            ET.SubElement(suite, "testcase", classname=result.doc, name="no applicable rule")
            counts["tests"] = 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    body = _NOT_XML.sub("", ET.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


# Characters XML 1.0 forbids anywhere (ElementTree writes them as they are, leaving invalid XML);
# markup never holds them, so dropping them from the serialised text drops them from the values.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _describe(path: str, located: LocatedFinding) -> str:
    finding = located.finding
    where = f"{path}:{located.line}" + (f":{located.column}" if located.column else "")
    lines = [f"{where}: {finding.verdict} [{finding.severity}] {described(located)}"]
    if finding.sentence:
        lines.append(f"  sentence: {' '.join(finding.sentence.split())}")
    return "\n".join(lines)

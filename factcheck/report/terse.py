"""`--format terse`: one line per fail verdict, for pre-commit hooks and terminals.

`path:line:col: severity: rule-id: message` (the column when known), the way compilers and
linters print, so editors jump to the figure; a document that could not be checked is one
`path: error: reason` line. Uncertain and pass verdicts are left out: a hook shows what to fix.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.report.located import LocatedResult, described
from factcheck.rules.findings import Verdict


def render_terse(results: Sequence[LocatedResult]) -> str:
    lines = []
    for result in results:
        if result.error is not None:
            lines.append(f"{result.doc}: error: {result.error}")
        for located in result.findings:
            finding = located.finding
            if finding.verdict is not Verdict.fail:
                continue
            where = f"{result.path}:{located.line}" + (f":{located.column}" if located.column else "")
            message = " ".join(described(located).split())
            lines.append(f"{where}: {finding.severity}: {finding.rule}: {message}")
    return "".join(line + "\n" for line in lines)

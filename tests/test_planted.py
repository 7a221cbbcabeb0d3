"""Articles written for the tests, each with a planted error or an honest near-miss, checked end to end.

Every `tests/articles/NAME.txt` has a sidecar `NAME.yaml` listing what must be caught:
`catches: [{rule: ID, quote: TEXT}]`, where TEXT stands in the sentence of the finding. An honest
near-miss has `catches: []`. The arithmetic rules must catch every planted error (fail, or at least
uncertain) and raise nothing else: no fail and no uncertain anywhere a catch is not expected.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from factcheck.documents import Document
from factcheck.pipeline import check_document
from factcheck.rules import load_ruleset
from factcheck.rules.findings import Verdict

ARTICLES = Path(__file__).parent / "articles"
PATHS = sorted(ARTICLES.glob("*.txt"))
RULES = [rule for rule in load_ruleset() if rule.id.startswith("arithmetic/")]
FLAGGED = (Verdict.fail, Verdict.uncertain)


def expected(path: Path) -> list[dict[str, str]]:
    return YAML(typ="safe").load(path.with_suffix(".yaml").read_text(encoding="utf-8"))["catches"]


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_planted_errors_are_caught_and_nothing_else_is_flagged(path: Path) -> None:
    result = check_document(Document(path.name, path.read_text(encoding="utf-8")), RULES)
    flagged = [finding for finding in result.findings if finding.verdict in FLAGGED]
    unexplained = list(flagged)
    for catch in expected(path):
        hits = [f for f in flagged if f.rule == catch["rule"] and catch["quote"] in f.sentence]
        assert hits, f"missed {catch['rule']} on {catch['quote']!r}"
        assert any(f.verdict is Verdict.fail for f in hits), f"only uncertain on {catch['quote']!r}"
        unexplained = [f for f in unexplained if f not in hits]
    assert not unexplained, "false alarm: " + "; ".join(f"{f.rule}: {f.arithmetic}" for f in unexplained)


def test_every_kind_has_a_planted_error_and_an_honest_near_miss() -> None:
    planted = {catch["rule"] for path in PATHS for catch in expected(path)}
    honest = {path.stem.split("_")[0] for path in PATHS if not expected(path)}
    assert planted == {rule.id for rule in RULES}
    assert {path.stem.split("_")[0] for path in PATHS} == honest
    assert all(path.stem.split("_")[1] in ("planted", "honest") for path in PATHS)

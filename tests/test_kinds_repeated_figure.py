"""Kind `repeated_figure`: one article giving the same count two different values."""

from __future__ import annotations

import pytest
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict


@pytest.mark.parametrize(("text", "expected"), [
    ("The army fired 40 ballistic missiles overnight. A spokesman later said the 50 ballistic missiles "
     "came from three sites.", [Verdict.fail]),
    ("The army fired 40 missiles on Tuesday. Officials said the 50 missiles came from three sites.",
     [Verdict.fail]),
    ("The army fired 40 ballistic missiles. The 40 ballistic missiles came from three sites.", []),
    ("In March the navy fired 12 cruise missiles. In April it fired 20 cruise missiles.", []),
    ("The army fired 40 ballistic missiles. It fired another 50 ballistic missiles on Friday.", []),
    ("The firm has 3,248 patents. It will keep the 500 patents free of royalties.", []),
    ("There are 5 ethnic minority MPs. There would be 42 ethnic minority MPs in a fair house.", []),
    ("A three megapixel camera is standard. The new phone has a two megapixel camera.", []),
    ("The army fired 40 ballistic missiles and 50 ballistic missiles on two days.", []),
    ("Twelve films competing in the documentary section are from Asia. The 16 films competing in the drama "
     "section are from Europe.", []),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("repeated_figure", text) == expected


def test_the_finding_points_at_both_mentions() -> None:
    text = "The army fired 40 ballistic missiles. The 50 ballistic missiles came from three sites."
    (finding,) = findings("repeated_figure", text)
    assert {text[start:end] for start, end in finding.spans} >= {"40", "50"}
    assert finding.details["first sentence"] == "The army fired 40 ballistic missiles."

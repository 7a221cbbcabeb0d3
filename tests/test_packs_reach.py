"""Each shipped pack fires on text it was not written for: article-like passages about other
subjects, with unrelated figures around the slip, none taken from the pack's own examples."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.pipeline import check_document
from factcheck.rules import load_ruleset
from factcheck.rules.findings import Verdict

RULESET = load_ruleset()

# (pack, passage, the rule that must fail, a figure its fail finding must cover)
PASSAGES = [
    ("munitions", "The shipyard in the Baltic port was busy all spring. Dock workers said a convoy of 60 "
     "containers had brought 210,000 mortar and artillery shells for the coastal brigades, alongside "
     "3,000 tonnes of fuel. The port authority expects 14 more ships by July.",
     "munitions/shells-per-container", "210,000"),
    ("munitions", "Veterans of the 1982 campaign still remember the noise. The regiment's old guns fired "
     "105 cm artillery shells, a former gunner told the museum's 400 visitors on Sunday.",
     "munitions/artillery-calibre", "105 cm"),
    ("un", "The arms embargo on the country has been in place since 2011. In a vote on Thursday, council "
     "members agreed to extend the mandate of the UN panel of experts on the embargo for 25 years, "
     "ending a dispute that had delayed 3 of its reports.",
     "un/sanctions-panel-mandate-length", "25 years"),
    ("conversion", "The festival returns to the valley next month. Organisers have fenced off 45 hectares "
     "(45 acres) of meadow for 30,000 visitors, and the car park alone covers 9 acres.",
     "conversion/units-agree", "45 hectares"),
    ("conversion", "Snow closed the pass for the third day. The road climbs to 2,400 metres (2,400 feet) "
     "above the lake, and 12 lorries were stuck on Tuesday.",
     "conversion/units-agree", "2,400 metres"),
    ("shares", "The referendum passed comfortably. In the island's northern district, where 2,300 people "
     "are registered, turnout was 118%, the electoral office said, against 64% nationally.",
     "shares/named-before-at-most-the-whole", "118%"),
    ("people", "Villagers gathered in the square on Sunday to celebrate. The oldest resident, aged 128, was "
     "presented with flowers by the mayor, who has served for 11 years.",
     "people/age-aged", "128"),
    ("places", "The couple bought the cottage in 1998 for £64,000. Its garden now covers 900 square "
     "kilometres and has won 4 prizes at the village show.",
     "places/garden-or-home-area", "900 square kilometres"),
    ("transport", "Two men were arrested after a chase through the town centre. Officers said the stolen "
     "car reached 2,500mph on the ring road before it hit a wall; 3 people were treated in hospital.",
     "transport/road-vehicle-speed", "2,500mph"),
    ("weather", "Schools closed early across the region. Forecasters said temperatures would reach 75C "
     "on Thursday, and 40 councils opened cooling centres.",
     "weather/air-temperature-celsius", "75C"),
    ("food", "Campaigners tested 30 ready meals from 6 supermarkets. The worst, a chicken curry, contained "
     "180 grams of sodium per pack, they said.",
     "food/sodium-caffeine-per-serving", "180 grams"),
]


@pytest.mark.parametrize(("pack", "text", "rule", "figure"), PASSAGES, ids=[p[2] for p in PASSAGES])
def test_pack_fires_on_a_passage_it_was_not_written_for(pack: str, text: str, rule: str, figure: str) -> None:
    result = check_document(Document(f"{pack}.txt", text), RULESET)
    fails = [f for f in result.findings if f.verdict is Verdict.fail]
    assert any(f.rule == rule and any(text[s:e] == figure for s, e in f.spans) for f in fails), \
        [(f.rule, f.verdict, f.message) for f in result.findings]
    assert all(any(text[s:e] == figure for s, e in f.spans) for f in fails), "only the slip is flagged"


def test_the_subject_and_bound_packs_each_have_a_passage_here() -> None:
    packs = {"munitions", "un", "conversion", "shares", "people", "places", "transport", "weather", "food"}
    assert packs <= {rule.id.split("/")[0] for rule in RULESET}
    assert packs <= {pack for pack, *_ in PASSAGES}


CHECKED_KINDS = ("formula", "conversion")


@pytest.mark.parametrize("rule", [r for r in RULESET if r.kind in CHECKED_KINDS], ids=lambda r: r.id)
def test_bound_and_conversion_rules_name_what_a_pass_example_checks(rule) -> None:
    assert any(example.catches for example in rule.examples if example.expect is Verdict.passed), rule.id

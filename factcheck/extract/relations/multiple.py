"""Multiples: a ratio named in words ("doubled", "three times as many")."""

from __future__ import annotations

import re

from factcheck.extract.relations.figures import WORD_NUMBERS
from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import Sentence, compatible, fig, gap

RELATIONS = {
    "multiple": "a ratio named in words (doubled, halved, twice as many); roles from/to or larger/base; "
                "details: factor, hedge",
}


_FACTORS = {"doubled": 2.0, "doubling": 2.0, "doubles": 2.0, "double": 2.0, "twice": 2.0,
            "tripled": 3.0, "trebled": 3.0, "tripling": 3.0, "triples": 3.0, "triple": 3.0, "treble": 3.0,
            "quadrupled": 4.0, "quadrupling": 4.0, "quadruple": 4.0, "halved": 0.5, "halving": 0.5,
            "halves": 0.5, "half": 0.5, "twofold": 2.0, "threefold": 3.0, "fourfold": 4.0, "fivefold": 5.0,
            "tenfold": 10.0, "by half": 0.5, "in half": 0.5}
_MULTIPLIER_HEDGE = (r"(?P<mh>nearly|almost|close to|just under|more than|over|just over|about|roughly|"
                     r"around|less than|at least)?\s*")
_MULTIPLIER_VERB = re.compile(
    _MULTIPLIER_HEDGE + r"\b(?P<mv>doubled|doubling|doubles|tripled|trebled|tripling|triples|quadrupled|"
    r"quadrupling|halved|halving|halves|(?:two|three|four|five|ten)fold|⟨N\d+⟩-fold|(?<=fell )by half|"
    r"(?<=dropped )by half|(?<=cut )by half|(?<=cut )in half|(?<=declined )by half)\b", re.IGNORECASE)
_AS_MANY = re.compile(
    rf"{fig('a', 'NMP')}{gap(60)}(?:\b|(?=⟨)){_MULTIPLIER_HEDGE}(?:\b|(?=⟨))"
    rf"(?P<mv>twice|double|triple|half|⟨N\d+⟩ times|(?:two|three|four|five|ten) times)\s+"
    rf"(?:as\s+(?:many|much|\w+)\s+as|the\s+(?:number|amount|level|size|figure|total|rate)|that\s+of|what|"
    rf"the(?=\s+⟨)|"
    rf"(?:more|higher|larger|bigger|greater)\s+than)\b{gap(40)}{fig('b', 'NMP')}", re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    text, changes = out.text, out.in_sentence("change")
    for match in _MULTIPLIER_VERB.finditer(s.template):
        verb = match["mv"].lower()
        factor = float(s.figure(verb.split("-")[0])[0].value) if verb.startswith("⟨") else _FACTORS[verb]
        best = None
        for row in changes:
            members = row["members"]
            assert isinstance(members, tuple)
            start = min(m.start for m in members if m.role in ("from", "to"))
            end = max(m.end for m in members if m.role in ("from", "to"))
            cue_start, cue_end = s.span(match, "mv")
            words = text[cue_end:start] if cue_end <= start else text[end:cue_start]
            between = (cue_end, start) if cue_end <= start else (end, cue_start)
            if len(words) > 60 or any(f.kind not in "YDXU" and between[0] <= f.start < between[1]
                                    for f, _ in s.figures):
                continue
            distance = len(words)
            if best is None or distance < best[0]:
                best = (distance, members)
        if best is not None:
            pair = [m for m in best[1] if m.role in ("from", "to")]
            out.add("multiple", s, s.span(match, "mv"), pair, factor=factor,
                    hedge=(match["mh"] or "").lower())
    for match in _AS_MANY.finditer(s.template):
        a, b = s.index(match["a"]), s.index(match["b"])
        if {a, b} & s.used or not compatible(s.figures[a][0], s.figures[b][0]):
            continue
        verb = match["mv"].lower()
        factor = s.figure(verb.split()[0])[0].value if verb.startswith("⟨") else (
            WORD_NUMBERS[verb.split()[0]] if verb.endswith("times") else _FACTORS[verb])
        s.used |= {a, b}
        out.add("multiple", s, s.span(match, "mv"),
                [member("larger", s.figures[a][0].as_written(), s.figures[a][1]),
                 member("base", s.figures[b][0].as_written(), s.figures[b][1])],
                factor=float(factor), hedge=(match["mh"] or "").lower(),
                more=" more" in s.template[match.end("mv"):match.end("mv") + 6].lower())

"""Multiples: a ratio named in words ("doubled", "three times as many")."""

from __future__ import annotations

import re

from factcheck.extract.hedges import HEDGE_PATTERN
from factcheck.extract.relations.figures import as_written
from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import Sentence, compatible, fig, gap

RELATIONS = {
    "multiple": "a ratio named in words (doubled, halved, twice as many); roles from/to or larger/base; "
                "details: factor, hedge",
}


# Cue words the extractor does not read as multipliers (it reads "doubled", "twice", "tenfold",
# "three times"; their factor is the table's): their factor is their meaning.
_FACTORS = {"doubles": 2.0, "double": 2.0, "triples": 3.0, "triple": 3.0, "treble": 3.0, "quadrupling": 4.0,
            "quadruple": 4.0, "halves": 0.5, "half": 0.5, "by half": 0.5, "in half": 0.5}
_MULTIPLIER_HEDGE = rf"(?:(?P<mh>{HEDGE_PATTERN})\s+)?"
_MULTIPLIER_VERB = re.compile(
    _MULTIPLIER_HEDGE + r"\b(?P<mv>doubled|doubling|doubles|tripled|trebled|tripling|triples|quadrupled|"
    r"quadrupling|halved|halving|halves|[\w.]+-?fold|(?<=fell )by half|"
    r"(?<=dropped )by half|(?<=cut )by half|(?<=cut )in half|(?<=declined )by half)\b", re.IGNORECASE)
_AS_MANY = re.compile(
    rf"{fig('a', 'NMP')}{gap(60)}(?:\b|(?=⟨)){_MULTIPLIER_HEDGE}(?:\b|(?=⟨))"
    rf"(?P<mv>twice|double|triple|half|[\w.]+ times)\s+"
    rf"(?:as\s+(?:many|much|\w+)\s+as|the\s+(?:number|amount|level|size|figure|total|rate)|that\s+of|what|"
    rf"the(?=\s+⟨)|"
    rf"(?:more|higher|larger|bigger|greater)\s+than)\b{gap(40)}{fig('b', 'NMP')}", re.IGNORECASE)


# Words one of the two cue patterns needs: a sentence with none of them skips both scans.
_VERB_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "half")
_AS_MANY_STEMS = ("twice", "double", "triple", "half", "times")


def _factor(s: Sentence, match: re.Match[str]) -> float | None:
    """The factor of a cue: the table's multiplier written there, else the cue word's meaning."""
    start, end = s.span(match, "mv")
    for figure in s.factors:
        if figure.start < end and start < figure.end:
            return figure.value
    return _FACTORS.get(match["mv"].lower())


def in_sentence(s: Sentence, out: Found) -> None:
    text, changes = out.text, out.in_sentence("change")
    verbs = _MULTIPLIER_VERB.finditer(s.template) if s.has_cue(_VERB_STEMS) else ()
    for match in verbs:
        factor = _factor(s, match)
        if factor is None:
            continue
        best = None
        for row in changes:
            members = row["members"]
            assert isinstance(members, tuple)
            start = min(m.start for m in members if m.role in ("from", "to"))
            end = max(m.end for m in members if m.role in ("from", "to"))
            cue_start, cue_end = s.span(match, "mv")
            words = text[cue_end:start] if cue_end <= start else text[end:cue_start]
            between = (cue_end, start) if cue_end <= start else (end, cue_start)
            if len(words) > 60 or any(f.kind not in "YDXUV" and between[0] <= f.start < between[1]
                                      for f, _ in s.figures):
                continue
            distance = len(words)
            if best is None or distance < best[0]:
                best = (distance, members)
        if best is not None:
            pair = [m for m in best[1] if m.role in ("from", "to")]
            out.add("multiple", s, s.span(match, "mv"), pair, factor=factor,
                    hedge=(match["mh"] or "").lower())
    as_many = _AS_MANY.finditer(s.template) if s.has_cue(_AS_MANY_STEMS) else ()
    for match in as_many:
        a, b = s.index(match["a"]), s.index(match["b"])
        factor = _factor(s, match)
        if factor is None or {a, b} & s.used or not compatible(s.figures[a][0], s.figures[b][0]):
            continue
        s.used |= {a, b}
        out.add("multiple", s, s.span(match, "mv"),
                [member("larger", as_written(s.figures[a][0]), s.figures[a][1]),
                 member("base", as_written(s.figures[b][0]), s.figures[b][1])],
                factor=float(factor), hedge=(match["mh"] or "").lower(),
                more=" more" in s.template[match.end("mv"):match.end("mv") + 6].lower())

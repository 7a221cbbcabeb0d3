"""Align one story's figures across its versions and judge each aligned set.

Two figures from different versions are the same figure when they count or measure the same
thing (folded concept: plural, possessive and synonyms folded; "cargo ferries" narrows
"ferries"; "electric buses" and "diesel buses" are different things), have the same
dimension, are not pinned to different times ("in March" vs "in April", "2023" vs "2024"), and
stand in sentences that say similar things. Each aligned set gets a verdict over the intervals
the wordings imply: `agree` when every pair overlaps, `conflict` when some pair cannot both
hold, `single_source` when only one version gives the figure.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from itertools import combinations

import pandas as pd

from factcheck.compare.words import STOPWORDS, WORD, content_words, fold
from factcheck.extract.dates import MONTHS, YEAR
from factcheck.extract.sentences import split_sentences
from factcheck.extract.unit_registry import registry, table_unit
from factcheck.intervals import Interval, format_interval


@dataclass(frozen=True)
class Version:
    """One version of the story: its name, text and quantities table (the extract schema)."""

    doc: str
    text: str
    quantities: pd.DataFrame


class Agreement(StrEnum):
    conflict = "conflict"
    single_source = "single_source"
    agree = "agree"


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure as one version writes it; `concept` is the phrase it counts or measures."""

    doc: str
    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    unit: str
    dimension: str
    concept: str
    sentence: str
    sentence_start: int
    attribution: str = ""  # whom the sentence credits ("according to Pak"), if it says


@dataclass(frozen=True)
class Counterpart:
    """A sentence of another version that tells the same thing without giving the figure."""

    doc: str
    sentence: str
    sentence_start: int
    shared: tuple[str, ...]


@dataclass(frozen=True)
class AlignedFigure:
    """One figure across versions: every version's mentions of it and the verdict."""

    verdict: Agreement
    concept: str
    dimension: str
    unit: str
    mentions: tuple[Mention, ...]
    reason: str = ""
    counterparts: tuple[Counterpart, ...] = ()
    # For a duration no concept pins down, when the words leading to it differ between versions
    # ("has worked for 15 years" / "prolong the mandate ... for 15 years"): each version's lead-in,
    # for an editor to check that it is one claim.
    reworded: tuple[tuple[str, str], ...] = ()

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.doc for m in self.mentions))


@dataclass(frozen=True)
class Comparison:
    story: str
    versions: tuple[str, ...]
    figures: tuple[AlignedFigure, ...]

    def count(self, verdict: Agreement) -> int:
        return sum(f.verdict is verdict for f in self.figures)


# Thresholds on sentence similarity (Dice over folded content words, concept words excluded).
MIN_SIMILARITY_SAME_CONCEPT = 0.2  # same named thing: the sentences must share some context too
MIN_SIMILARITY_NARROWER = 0.3  # "paid leave" / "leave" may be one thing or a part: ask for more
MIN_SIMILARITY_SAME_SENTENCE = 0.8  # a sentence copied with light edits
MIN_SIMILARITY_NO_CONCEPT = 0.45  # "15 years" with no noun: the sentences must tell the same thing
MIN_COUNTERPART_SIMILARITY = 0.3  # a figure-less sentence shown as "the other version says"
MIN_COUNTERPART_SHARED = 4
MAX_COUNTERPARTS = 3  # with many versions, the closest few passages say enough
LEAD_WORDS = 4  # words before a figure shown when versions lead to it differently
FULL_BUCKET = 48  # claims sharing a word: up to this many are all paired, more only by position
NEARBY = 12  # in a larger bucket, how many claims either side of its place a claim meets
MAX_MEMBERS = 8  # mentions of one claim compared (a figure repeated all down a page is one claim)
COMMON_WORD_SENTENCES = 64  # a word in more sentences than this says nothing about a counterpart

# Dimensions whose different units never convert (currencies) or have a single unit.
_NO_CONVERSION = frozenset(("currency", "count", "percentage", "fraction", "multiplier"))
_SEPARATOR = re.compile(r"[,;:\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas|versus|vs)\b", re.IGNORECASE)
_YEAR_FIGURE = re.compile(YEAR)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_RELATIVE_TIME = re.compile(
    r"\b(?:(?:last|this|next|previous|past|coming)\s+(?:year|month|week|quarter|decade|weekend)"
    r"|yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)
_YEAR = re.compile(rf"\b{YEAR}\b")
_MONTH_WORD = re.compile(r"\b[A-Z][a-z]{2,8}\b")


@dataclass(slots=True)
class _Features:
    """What alignment needs to know about one mention."""

    mention: Mention
    version: int
    key: tuple[str, ...]
    context: frozenset[str]
    segment: frozenset[str]
    marks: dict[str, frozenset[str]] = field(default_factory=dict)
    clause: int = 0  # which clause of its sentence the figure stands in
    lead: str = ""  # the few words written right before the figure, in its clause
    noun: str = ""  # the head word of its concept as written ("families" for "families left homeless")


@dataclass(slots=True)
class _Claim:
    """A version's figure: its mentions (a version may repeat a figure) and their common interval."""

    ident: int
    version: int
    members: list[_Features]
    interval: Interval
    marks: list[dict[str, frozenset[str]]]  # the distinct time marks of its members

    @property
    def first(self) -> _Features:
        return self.members[0]


def concept_key(phrase: str) -> tuple[str, ...]:
    """Folded words of a concept phrase, head noun last; 'rounds of artillery shells' -> ('round',)."""
    head_part = re.split(r"\bof\b", phrase, maxsplit=1, flags=re.IGNORECASE)[0]
    return tuple(content_words(head_part)) or tuple(content_words(phrase))


_PEOPLE_IN_A_ROLE = ({fold("people"), fold("workers")},)


def concept_relation(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """2 for the same concept, 1 when one narrows the other ('cargo ferries' / 'ferries',
    'villages downstream' / 'villages'), None for different things ('electric' / 'diesel buses')."""
    if not a or not b:
        return None
    words_a, words_b = set(a), set(b)
    if words_a == words_b:
        return 2
    if words_a <= words_b or words_b <= words_a:
        return 1
    # "people" may stand for people in a role: "employs 4,500 people" / "a workforce of 5,400".
    return 1 if {a[-1], b[-1]} in _PEOPLE_IN_A_ROLE else None


# Common irregular verbs that follow a counted noun ("40 missiles hit the port").
_VERBS = frozenset((
    "hit", "left", "made", "fell", "rose", "went", "came", "took", "sent", "flew", "fled", "lost",
    "won", "paid", "cost", "struck", "got", "remain", "need", "face", "arrive", "die", "flee",
))


def _ends_phrase(word: str) -> bool:
    """Whether `word`, after a noun, starts the verb or adverb that closes the noun phrase:
    '40 missiles reached', '40 missiles hit', '40 missiles quickly'. Before any noun, '-ed' and
    '-ing' words are adjectives ('40 injured people', '3 armoured vehicles') and stay."""
    return word in _VERBS or word.endswith(("ed", "ing", "ly"))


def following_phrase(sentence: str, offset: int) -> str:
    """The noun phrase written right after a figure: '40 electric buses that' -> 'electric buses'."""
    words: list[str] = []
    position = offset
    for token in re.finditer(r"[A-Za-z][A-Za-z'’-]*|\S", sentence[offset:]):
        gap = sentence[position:offset + token.start()]
        if gap.strip() or not WORD.fullmatch(token.group()):
            break
        lowered = token.group().lower()
        if lowered == "of" and not words:
            position = offset + token.end()
            continue
        if lowered in STOPWORDS or len(words) == 4 or (words and _ends_phrase(lowered)):
            break
        words.append(token.group())
        position = offset + token.end()
    return " ".join(words)


_NAME = r"(?:[A-Z][\w’'-]*+(?:\s++(?:of\s++|the\s++)?[A-Z][\w’'-]*+)*)"
_BODY = (r"(?:spokes(?:wo)?man|spokesperson|official|government|ministry|minister|authority|company|firm|"
         r"report|statement|police|service|agency|army|military)")
_SOURCE = (rf"(?:officials|police|analysts|experts|researchers|witnesses|authorities|"
           rf"(?:an?|the)\s+(?:[a-z’']+\s+){{0,2}}{_BODY})")
_ATTRIBUTIONS = (
    re.compile(r"\b(?i:according to)\s+((?:[^,.;:()\s]++\s*){1,12}?)(?=[,.;:()]|$)"),  # whole words
    re.compile(rf"(?:^|,\s*)({_NAME}|{_SOURCE})\s+(?:said|says|told|estimated|stated|claimed|reported)\b"),
    re.compile(rf"\b(?:said|says|told)\s+({_NAME})"),
)


@lru_cache(maxsize=4096)
def attribution(sentence: str) -> str:
    """Whom a sentence credits for what it says: 'According to Pak, ...' -> 'Pak';
    '..., officials said.' -> 'officials'. Empty when it credits no one in these common forms."""
    for pattern in _ATTRIBUTIONS:
        match = pattern.search(sentence)
        if match:
            return " ".join(match.group(1).split())
    return ""


def _segments(sentence: str) -> list[tuple[int, int]]:
    cuts = [0]
    for match in _SEPARATOR.finditer(sentence):
        cuts.extend((match.start(), match.end()))
    cuts.append(len(sentence))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i] < cuts[i + 1]]


def _time_marks(text: str) -> dict[str, set[str]]:
    """Month, weekday, year and relative-time words in `text`, by class."""
    marks: dict[str, set[str]] = {}
    for match in _MONTH_WORD.finditer(text):
        word = match.group().lower()
        if word in MONTHS and word != "may":  # "may" is far more often the verb
            marks.setdefault("month", set()).add(str(MONTHS[word]))
        elif word in _WEEKDAYS:
            marks.setdefault("weekday", set()).add(word)
    for match in _YEAR.finditer(text):
        marks.setdefault("year", set()).add(match.group())
    for match in _RELATIVE_TIME.finditer(text):
        marks.setdefault("relative", set()).add(" ".join(match.group().lower().split()))
    return marks


def _blanked(sentence: str, figure_spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with its figures blanked: a figure is not its own date ("2,000 people" is no year)."""
    blanked = list(sentence)
    for start, end in figure_spans:
        blanked[start:end] = " " * (end - start)
    return "".join(blanked)


def _marks_for(text: str, segments: Sequence[tuple[int, int]], position: int,
               figure_starts: Sequence[int]) -> dict[str, frozenset[str]]:
    """Time words that pin the figure at `position` (in the blanked sentence `text`, cut into
    `segments`): its own clause first, then the clauses before it back to the previous figure
    ("In March, 12 missiles were fired, and in April 20")."""
    own = next((i for i, (s, e) in enumerate(segments) if s <= position < e), len(segments) - 1)
    found: dict[str, frozenset[str]] = {}
    for index in range(own, -1, -1):
        start, end = segments[index]
        if index != own and any(start <= other < end for other in figure_starts):
            break
        for kind, values in _time_marks(text[start:end]).items():
            found.setdefault(kind, frozenset(values))
    return found


def _marks_clash(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    return any(kind in b and not values & b[kind] for kind, values in a.items())


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


@lru_cache(maxsize=1024)
def unit_factor(source: str, target: str) -> float | None:
    """How many `target` units one `source` unit is, or None when they do not convert."""
    if source == target:
        return 1.0
    if not source or not target:
        return None
    try:
        return float(registry().Quantity(1.0, table_unit(source)).to(table_unit(target)).magnitude)
    except Exception:  # pint raises a dozen types for unknown or incompatible units
        return None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _number(value: object, default: float) -> float:
    return default if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


_COLUMNS = ("start", "end", "surface", "value", "low", "high", "unit", "dimension", "concept", "sentence",
            "sentence_start")


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    """Folded content words of a sentence or clause (each sentence holds several figures)."""
    return frozenset(content_words(text))


def _mentions(version: Version, index: int) -> list[_Features]:
    """The features of every figure in a version's quantities table, in text order."""
    table = version.quantities
    if table is None or not len(table):
        return []
    ordered = table.sort_values(["start", "end"], kind="stable")
    # Plain lists per column: reading pandas rows one by one costs more than the whole alignment.
    rows = [dict(zip(_COLUMNS, values, strict=True))
            for values in zip(*(ordered[column].tolist() for column in _COLUMNS), strict=True)]
    spans_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for row in rows:
        if not _YEAR_FIGURE.fullmatch(_text(row["surface"])):
            offset = int(row["sentence_start"])
            span = (int(row["start"]) - offset, int(row["end"]) - offset)
            spans_by_sentence.setdefault(offset, []).append(span)
    features: list[_Features] = []
    inherited: list[bool] = []
    per_sentence: dict[int, tuple[str, list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for row in rows:
        sentence, offset, surface = _text(row["sentence"]), int(row["sentence_start"]), _text(row["surface"])
        given = _text(row["concept"]).strip()
        relative_start, relative_end = int(row["start"]) - offset, int(row["end"]) - offset
        # After a duration the next words say what happened, not what it measures ("15 years monitoring").
        dimension = _text(row["dimension"])
        phrase = given or ("" if dimension == "time" else following_phrase(sentence, relative_end))
        if _YEAR_FIGURE.fullmatch(surface) and not phrase:
            continue  # a bare year dates the story; it is not one of its figures
        if offset not in per_sentence:  # one blanked copy and one cut per sentence, not per figure
            spans = spans_by_sentence.get(offset, [])
            per_sentence[offset] = (_blanked(sentence, spans), _segments(_blanked(sentence, spans)),
                                    _segments(sentence))
        blanked, blanked_segments, clauses = per_sentence[offset]
        starts = [s for s, _ in spans_by_sentence.get(offset, []) if s != relative_start]
        # The extractor's concept may run on into a verb ("families left homeless"): key on the noun phrase.
        noun_phrase = (following_phrase(given, 0) or given) if given else phrase
        key = concept_key(noun_phrase)
        clause = next((i for i, (s, e) in enumerate(clauses) if s <= relative_start < e), 0)
        clause_start, clause_end = clauses[clause] if clauses else (0, len(sentence))
        segment_text = sentence[clause_start:clause_end]
        value = float(row["value"])
        low, high = _number(row["low"], value), _number(row["high"], value)
        mention = Mention(
            doc=version.doc, start=int(row["start"]), end=int(row["end"]), surface=surface, value=value,
            low=min(low, value), high=max(high, value), unit=_text(row["unit"]),
            dimension=dimension, concept=phrase, sentence=sentence, sentence_start=offset,
            attribution=attribution(sentence))
        features.append(_Features(
            mention=mention, version=index, key=key,
            # the figure's own words ("months" in "six months") say nothing about what it is
            context=_words(sentence) - set(key) - _words(surface),
            segment=_words(segment_text) - set(key) - _words(surface),
            marks=_marks_for(blanked, blanked_segments, relative_start, starts), clause=clause,
            lead=" ".join(WORD.findall(sentence[clause_start:relative_start])[-LEAD_WORDS:]),
            noun=(re.split(r"\bof\b", noun_phrase, maxsplit=1, flags=re.IGNORECASE)[0].split() or [""])[-1]))
        inherited.append(not given and not key)
    _inherit_concepts(features, inherited)
    # A figure nothing names ("the death toll stood at 31") is kept: it aligns by its sentence.
    return features


def _inherit_concepts(features: list[_Features], missing: list[bool]) -> None:
    """An elliptic figure ("12 missiles in March and 20 in April") counts what the nearest figure
    before it, in the same or the previous clause and with the same unit, counts: the head noun
    only, since modifiers need not carry over ("opened 40 new shops and closed 12" closed 12 shops,
    not new ones). A figure after it, or further away, more likely counts something else ("the vote
    was 13 in favour, with one abstention"; "the toll stood at 31, officials said, with 300 families
    homeless")."""
    by_sentence: dict[int, list[int]] = {}
    for i, item in enumerate(features):
        by_sentence.setdefault(item.mention.sentence_start, []).append(i)
    for i, item in enumerate(features):
        if not missing[i]:
            continue
        candidates = [other for j in by_sentence[item.mention.sentence_start]
                      if j != i and (other := features[j]).key and not missing[j]
                      and other.mention.start < item.mention.start
                      and item.clause - other.clause <= 1
                      and other.mention.unit == item.mention.unit
                      and other.mention.dimension == item.mention.dimension]
        if not candidates:
            continue
        nearest = min(candidates, key=lambda o: (abs(o.mention.start - item.mention.start), o.mention.start))
        item.key = nearest.key[-1:]
        item.context = item.context - set(item.key)
        item.segment = item.segment - set(item.key)
        item.noun = nearest.noun
        item.mention = _with_concept(item.mention, nearest.noun)


def _with_concept(mention: Mention, concept: str) -> Mention:
    return replace(mention, concept=concept)


def _convert(interval: Interval, source: str, target: str) -> Interval | None:
    factor = unit_factor(source, target)
    if factor is None:
        return None
    ends = sorted((interval.low * factor, interval.high * factor))
    return Interval(ends[0], ends[1])


def _relation(a: _Features, b: _Features) -> int | None:
    """2, 1 or 0 (same concept, one narrows the other, both unnamed but with one unit) when two
    mentions may be the same figure, None when something rules it out."""
    if a.mention.dimension != b.mention.dimension or _marks_clash(a.marks, b.marks):
        return None
    if a.mention.unit != b.mention.unit and (a.mention.dimension in _NO_CONVERSION
                                            or unit_factor(a.mention.unit, b.mention.unit) is None):
        return None  # dollars and pounds have no fixed rate; metres and feet do
    relation = concept_relation(a.key, b.key) if a.key and b.key else None
    if relation is not None or a.mention.dimension == "time":
        # A duration's "concept" is often just the words around it ("six months working abroad"):
        # two durations whose concepts do not match may still be one, if their sentences say so.
        return 0 if relation is None else relation
    # Two named things that differ are different figures; a figure nothing names ("the death toll
    # stood at 31", "a workforce of 5,400") may be either's, if the words around them agree.
    return None if a.key and b.key else 0


def _pair_score(a: _Features, b: _Features, relation: int) -> float | None:
    """How well two compatible mentions match, or None when their sentences say too little alike."""
    similarity = _dice(a.context, b.context)
    if relation == 1:  # "sales in its clothing arm" / "clothing sales": the narrowing words are context
        similarity = _dice(a.context | set(a.key), b.context | set(b.key))
    if relation == 0 and not a.segment & b.segment and similarity < MIN_SIMILARITY_SAME_SENTENCE:
        return None  # nothing names what "12%" measures: its own clauses must share a word, or all else
    needed = {2: MIN_SIMILARITY_SAME_CONCEPT, 1: MIN_SIMILARITY_NARROWER}.get(
        relation, MIN_SIMILARITY_NO_CONCEPT)
    return relation + similarity + 0.5 * _dice(a.segment, b.segment) if similarity >= needed else None


def _claims(features: list[_Features], start_ident: int) -> list[_Claim]:
    """Group one version's repeated mentions of the same figure into one claim.

    A mention is tried against the claims of its concept and unit that give its value, then the
    latest few others of that concept: the cost stays linear however often a page names one thing.
    """
    claims: list[_Claim] = []
    by_key: dict[tuple[frozenset[str], str], list[_Claim]] = {}
    by_value: dict[tuple[frozenset[str], str, float], list[_Claim]] = {}
    for item in features:
        interval = Interval(item.mention.low, item.mention.high)
        key = (frozenset(item.key), item.mention.unit)
        same_value = by_value.get((*key, item.mention.value), []) if item.key else []
        recent = by_key.get(key, [])[-NEARBY:] if item.key else []
        for claim in _oldest_first(same_value, recent):
            if (not any(_marks_clash(item.marks, marks) for marks in claim.marks)
                    and claim.interval.overlaps(interval)):
                claim.members.append(item)
                if item.marks not in claim.marks:
                    claim.marks.append(item.marks)
                claim.interval = Interval(max(claim.interval.low, interval.low),
                                          min(claim.interval.high, interval.high))
                break
        else:
            claim = _Claim(start_ident + len(claims), item.version, [item], interval, [item.marks])
            claims.append(claim)
            by_key.setdefault(key, []).append(claim)
            by_value.setdefault((*key, item.mention.value), []).append(claim)
    return claims


def _oldest_first(*found: list[_Claim]) -> Iterator[_Claim]:
    """The claims of lists each in creation order, merged in that order, each once: lazily, since
    the first that takes a mention ends the search (the claims giving one value may be many)."""
    last = -1
    for claim in heapq.merge(*found, key=lambda claim: claim.ident):
        if claim.ident != last:
            last = claim.ident
            yield claim


def _claim_score(a: _Claim, b: _Claim) -> float | None:
    """Two claims match when no pair of their mentions is ruled out and the best-matching pair's
    sentences are alike (a figure repeated in an unrelated sentence does not spoil the match)."""
    scores = []
    for x in a.members[:MAX_MEMBERS]:
        for y in b.members[:MAX_MEMBERS]:
            relation = _relation(x, y)
            if relation is None:
                return None
            scores.append(_pair_score(x, y, relation))
    found = [score for score in scores if score is not None]
    return max(found) if found else None


def _pairs(bucket: list[_Claim]) -> Iterable[tuple[_Claim, _Claim]]:
    """The pairs of a bucket worth scoring: all of them in a bucket of an article's size; in a
    larger one (a results page, a live blog) each claim meets only the claims of another version
    that stand near the same place in it, so the pairs grow linearly with the bucket."""
    if len(bucket) <= FULL_BUCKET:
        return combinations(bucket, 2)
    by_version: dict[int, list[_Claim]] = {}
    for claim in bucket:
        by_version.setdefault(claim.version, []).append(claim)
    found = []
    for one, other in combinations(sorted(by_version), 2):
        left, right = by_version[one], by_version[other]
        for rank, claim in enumerate(left):
            centre = rank * len(right) // len(left)
            found.extend((claim, near) for near in right[max(0, centre - NEARBY):centre + NEARBY + 1])
    return found


def _cluster(claims: list[_Claim]) -> list[list[_Claim]]:
    """Greedy complete-link clustering: best pairs first, at most one claim per version."""
    # Only claims of one dimension whose concepts share a word (or both have none) can match;
    # durations match whatever their concepts (see `_relation`).
    # A claim nothing names may be any claim's of its dimension, so every claim also joins the
    # dimension's unnamed bucket ("").
    buckets: dict[tuple[str, str], list[_Claim]] = {}
    for claim in claims:
        dimension = claim.first.mention.dimension
        words = claim.first.key if dimension != "time" else ()
        for word in {*words, ""}:
            buckets.setdefault((dimension, word), []).append(claim)
    candidates = {(a.ident, b.ident): (a, b) for bucket in buckets.values()
                  for a, b in _pairs(bucket) if a.version != b.version}
    scores: dict[tuple[int, int], float] = {}
    for pair, (a, b) in sorted(candidates.items()):
        score = _claim_score(a, b)
        if score is not None:
            scores[pair] = score
    cluster_of = {claim.ident: [claim] for claim in claims}
    for (x, y), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        left, right = cluster_of[x], cluster_of[y]
        if left is right or {c.version for c in left} & {c.version for c in right}:
            continue
        if all((min(a.ident, b.ident), max(a.ident, b.ident)) in scores for a in left for b in right):
            merged = sorted(left + right, key=lambda c: (c.version, c.ident))
            for claim in merged:
                cluster_of[claim.ident] = merged
    unique = {id(group): group for group in cluster_of.values()}
    return sorted(unique.values(), key=lambda g: (g[0].version, g[0].ident))


def format_amount(low: float, high: float, unit: str) -> str:
    """An interval with its unit: '2.7–3 million', '11.5–12.5%', '14.5–15.5 year'."""
    if unit == "percentage":
        return format_interval(low, high, "%")
    return f"{format_interval(low, high)} {unit}" if unit else format_interval(low, high)


def _judge(group: list[_Claim]) -> tuple[Agreement, str]:
    if len(group) == 1:
        return Agreement.single_source, ""
    unit = group[0].first.mention.unit
    intervals = []
    for claim in group:
        converted = _convert(claim.interval, claim.first.mention.unit, unit)
        assert converted is not None  # alignment only pairs convertible units
        intervals.append((claim, converted))
    for (a, ia), (b, ib) in combinations(intervals, 2):
        if not ia.overlaps(ib):
            first, second = a.first.mention, b.first.mention
            return Agreement.conflict, (
                f"{first.surface!r} ({format_amount(ia.low, ia.high, unit)}) in {first.doc} and "
                f"{second.surface!r} ({format_amount(ib.low, ib.high, unit)}) in {second.doc} "
                "cannot both hold")
    return Agreement.agree, "the intervals overlap"


@dataclass(frozen=True)
class _Sentences:
    """A version's sentences, their folded words, and which sentences hold each word."""

    spans: tuple[tuple[int, str], ...]
    words: tuple[frozenset[str], ...]
    index: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, text: str) -> _Sentences:
        spans = tuple((s.start, text[s.start:s.end]) for s in split_sentences(text))
        words = tuple(_words(sentence) for _, sentence in spans)
        index: dict[str, list[int]] = {}
        for number, found in enumerate(words):
            for word in found:
                index.setdefault(word, []).append(number)
        return cls(spans, words, {word: tuple(numbers) for word, numbers in index.items()})


def _counterparts(claim: _Claim, versions: Sequence[Version], holding_figures: Sequence[dict[str, set[int]]],
                  sentences: Sequence[_Sentences]) -> tuple[Counterpart, ...]:
    """For a figure only one version gives, the sentences of other versions that tell the same
    thing without giving a figure of its kind, when close enough to show (the closest few)."""
    wanted = frozenset(set().union(*(m.context | set(m.key) for m in claim.members)))
    found: list[tuple[float, int, Counterpart]] = []
    for index, version in enumerate(versions):
        if index == claim.version:
            continue
        hits: dict[int, int] = {}
        for word in wanted:
            holding = sentences[index].index.get(word, ())
            if len(holding) > COMMON_WORD_SENTENCES:
                continue
            for number in holding:
                hits[number] = hits.get(number, 0) + 1
        candidates = sorted(n for n, count in hits.items() if count >= MIN_COUNTERPART_SHARED)
        giving = holding_figures[index].get(claim.first.mention.dimension, set())
        best: tuple[float, int] | None = None
        for number in candidates:
            start, sentence = sentences[index].spans[number]
            if start in giving:
                continue  # it gives a figure of this kind itself: not "the same passage without it"
            similarity = _dice(wanted, sentences[index].words[number])
            if similarity >= MIN_COUNTERPART_SIMILARITY and (best is None or similarity > best[0]):
                best = (similarity, number)
        if best is not None:
            start, sentence = sentences[index].spans[best[1]]
            shared = tuple(sorted(wanted & sentences[index].words[best[1]]))
            found.append((-best[0], index, Counterpart(version.doc, sentence.strip(), start, shared)))
    closest = sorted(found, key=lambda item: item[:2])[:MAX_COUNTERPARTS]
    return tuple(counterpart for _, _, counterpart in closest)


def _reworded(group: list[_Claim]) -> tuple[tuple[str, str], ...]:
    """Each version's lead-in to a duration, when the alignment rests on the sentences alone (no
    concept named on both sides) and no two versions lead to it with a common word: what a period
    is ("worked for 15 years", "prolonged for 15 years") lies in the words before it."""
    head = group[0].first.mention
    if len(group) < 2 or head.dimension != "time" or all(claim.first.key for claim in group):
        return ()
    leads = [_words(claim.first.lead) for claim in group]
    if any(a & b for a, b in combinations(leads, 2)):
        return ()
    return tuple((claim.first.mention.doc, claim.first.lead) for claim in group)


_ORDER = {Agreement.conflict: 0, Agreement.single_source: 1, Agreement.agree: 2}


def compare_versions(story: str, versions: Sequence[Version]) -> Comparison:
    """Align the figures of `versions` (in the order given) and judge every aligned set."""
    features = [_mentions(version, index) for index, version in enumerate(versions)]
    claims: list[_Claim] = []
    for found in features:
        claims.extend(_claims(found, len(claims)))
    sentences = [_Sentences.of(version.text) for version in versions]
    # By version and dimension: the starts of the sentences that give a figure of that dimension.
    holding_figures: list[dict[str, set[int]]] = []
    for found in features:
        holding: dict[str, set[int]] = {}
        for item in found:
            holding.setdefault(item.mention.dimension, set()).add(item.mention.sentence_start)
        holding_figures.append(holding)
    figures = []
    for group in _cluster(claims):
        verdict, reason = _judge(group)
        head = group[0].first.mention
        concept = next((m.mention.concept for c in group for m in c.members if m.mention.concept), "")
        mentions = tuple(m.mention for claim in group for m in claim.members)
        single = verdict is Agreement.single_source
        counterparts = _counterparts(group[0], versions, holding_figures, sentences) if single else ()
        figures.append((_ORDER[verdict], (group[0].version, head.start), AlignedFigure(
            verdict=verdict, concept=concept, dimension=head.dimension, unit=head.unit,
            mentions=mentions, reason=reason, counterparts=counterparts, reworded=_reworded(group))))
    figures.sort(key=lambda item: (item[0], item[1]))
    return Comparison(story, tuple(v.doc for v in versions), tuple(f for _, _, f in figures))

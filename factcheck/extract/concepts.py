"""The concept: the noun phrase a figure counts or measures, wherever it stands.

Words after the figure come first for counts ("12 armoured lorries" -> "armoured lorries",
"a third of the staff" -> "staff"), words before it otherwise: the subject of a linking or
change verb ("the death toll stood at 31", "consumer prices rose 2.6%" -> "toll", "prices"),
a noun with "of" ("wind capacity of 9.6 GW" -> "wind capacity"), a noun with the figure in
brackets ("the state (15%)"), "respectively" lists, conversions in brackets (they measure what
the figure before them measures) and bare figures listed after a labelled one. Ages are "age".

This is a lexicon-and-pattern chunker, not a parser: a parser reads every sentence with a figure
and costs several times the rest of extraction, while the phrases a figure's concept comes from
are few and local. A noun phrase is a run of words up to a closed-class word, a verb-looking
word or punctuation; its head is its last word before any complement (`head_noun`). Rules
compare figures by concept, so a short phrase that is right beats a long one that drags in the
rest of the clause, and no concept beats a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.extract.hedges import HEDGE_PATTERN, HEDGES
from factcheck.extract.patterns import alternation, ending
from factcheck.extract.units import Unit

_STOP = {
    "a", "an", "the", "of", "this", "that", "these", "those", "which", "who", "whom", "whose", "where",
    "when", "while", "as", "than", "and", "or", "but", "nor", "if", "because", "so", "to", "in",
    "on", "at", "by", "for", "from", "with", "without", "into", "onto", "over", "under", "about",
    "after", "before", "since", "during", "per", "is", "are", "was", "were", "be", "been", "being",
    "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "shall", "should",
    "may", "might", "must", "said", "says", "say", "according", "its", "their", "his", "her", "our",
    "your", "my", "it", "they", "he", "she", "we", "you", "i", "them", "him", "us", "each", "every",
    "all", "more", "less", "fewer", "most", "least", "also", "just", "only", "still", "already",
    "now", "then", "there", "here", "ago", "earlier", "later", "last", "next", "up", "down", "out",
    "off", "away", "again", "even", "not", "no", "yet", "among", "between", "against",
    "through", "across", "around", "toward", "towards", "until", "till", "via", "whereas",
    "including", "compared", "versus", "vs", "such", "other", "another", "what", "how", "why",
    "times", "year", "years", "month", "months", "week", "weeks", "day", "days", "ahead", "apiece",
    "total", "overall", "respectively", "alone", "too", "very", "much", "many", "some",
    "yesterday", "today", "tomorrow", "tonight", "annually", "instead", "worth", "unbeaten",
    # verbs that do not end in -ed or -ing, common right after a counted noun ("40 people paid")
    "paid", "made", "took", "got", "went", "came", "gave", "won", "lost", "sold", "bought", "left",
    "fell", "rose", "grew", "spent", "saw", "found", "told", "held", "met", "ran", "began", "became",
    "kept", "put", "set", "cut", "hit", "led", "brought", "thought", "felt", "built", "sent", "meant",
    "stood", "wrote", "drove", "flew", "live", "lives", "work", "works", "remain", "remains", "face",
    "faces", "use", "uses", "need", "needs", "want", "wants", "get", "gets", "make", "makes", "take",
    "takes", "go", "goes", "come", "comes", "see", "sees", "expect", "expects", "think", "know",
    "cost", "costs", "died", "die", "dies", "fled", "quit", "shut", "hold", "holds", "hope", "hopes",
    "voted", "vote",
}
# Plural nouns that do not end in -s, and -s words that are seldom plurals of a counted noun.
_PLURALS = {"people", "men", "women", "children", "staff", "police", "cattle", "personnel", "crew",
            "feet", "teeth", "mice", "geese", "sheep", "fish", "deer", "aircraft", "youngsters"}
_NOT_PLURAL = {"sales", "series", "species", "news", "means", "headquarters", "arms", "goods", "savings",
               "earnings", "economics", "politics", "physics", "this", "its", "us", "bus", "gas", "status",
               "crisis", "analysis", "basis", "bonus", "virus", "census", "campus", "plus", "focus"}
# Words that name an amount rather than what is counted: "the number of jobs" is about jobs.
_AMOUNT_WORDS = {"number", "total", "amount", "level", "count", "figure", "share", "proportion",
                 "percentage", "majority", "minority", "sum", "average", "half", "third", "quarter",
                 "part", "rest", "bulk", "tally", "one", "some", "most", "all", "many", "each", "none",
                 "lot", "lots", "handful", "couple", "range", "maximum", "minimum", "estimate"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                "my", "your", "some", "any", "all", "every", "each", "both", "another"}
# Words that open a noun phrase and never end one ("that" and "some" can be pronouns).
_ARTICLES = {"the", "a", "an", "its", "their", "his", "our", "my", "your"}
_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*|\d[\d,.]*\s?[^\W\d_]{1,3}\b|\d[\d,.]*)")
_MAX_WORDS = 5


def _plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in _PLURALS:
        return True
    return lowered.endswith("s") and not lowered.endswith(("ss", "'s", "’s", "us", "is")) \
        and lowered not in _NOT_PLURAL and len(lowered) > 3


def _noun_run(text: str, allow_numbers: bool, plural: bool = False) -> tuple[list[str], int]:
    """Leading words of `text` that can belong to a noun phrase, and where they end.

    With `plural`, the run ends at its first plural noun: "five matches unbeaten" -> "matches".
    """
    words: list[str] = []
    pos = 0
    while len(words) < _MAX_WORDS:
        match = _WORD.match(text, pos)
        if not match:
            break
        word = match.group(1)
        lowered = word.lower()
        if word[0].isdigit() and not allow_numbers:
            break
        if lowered in _STOP or _adverb(lowered):
            break
        if word[0].isdigit() and word.rstrip(".,").split()[-1].lower() in _STOP:
            break  # "of 2004 for": a year, not "120 mm"
        if words and lowered.endswith(("ed", "ing")) and not word[0].isupper() \
                and not _noun_follows(text, match.end()):
            break  # "12 people killed in" stops; "seven leading industrialised nations" goes on
        if not words and lowered.endswith("ed") and len(lowered) > 3 and not _noun_follows(text, match.end()):
            break  # "40 killed in" is a verb; "3 injured climbers" an adjective
        if words and _verb_here(text, match.end()):
            break  # "one player dominate the game": a word before a determiner is a verb
        words.append(word)
        pos = match.end()
        if plural and word.islower() and _plural(word) and not _compound_follows(text, pos):
            break
    return words, pos


# Nouns that end like adverbs.
_LY_NOUNS = {"family", "families", "assembly", "supply", "rally", "ally", "monopoly", "anomaly", "bully",
             "italy", "july", "reply", "belly", "jelly", "lily", "fly", "butterfly", "dragonfly", "folly",
             "homily", "melancholy", "sly", "holy"}


def _adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


def _noun_follows(text: str, pos: int) -> bool:
    following = _WORD.match(text, pos)
    if not following or not text[pos:following.start(1)].isspace():
        return False
    word = following.group(1)
    return word.islower() and word not in _STOP and not word.endswith("ed") and not _adverb(word)


def _verb_here(text: str, pos: int) -> bool:
    """Whether the word ending at `pos` is followed by a determiner or a possessive (so is a verb)."""
    following = _WORD.match(text, pos)
    if not following or not text[pos:following.start(1)].isspace():
        return False
    word = following.group(1).lower()
    return word in _ARTICLES or word.endswith(("'s", "’s"))


def _compound_follows(text: str, pos: int) -> bool:
    """'sales staff', 'arms dealers': a plural used as a modifier before another noun."""
    following = _WORD.match(text, pos)
    return bool(following and text[pos:following.start(1)] == " " and following.group(1).islower()
                and following.group(1) not in _STOP and _plural(following.group(1))
                and text[following.end():following.end() + 1] in ("", " ", ",", "."))


_SKIP_AFTER = re.compile(r"(?:\s++(?:more|other|extra|further|additional|the|its|their|his|her)\b)+"
                         r"|\s+[\"\u201c\u2018'](?=[^\W\d_])")


_HYPHEN_WORD = re.compile(r"-[^\W\d_]")
_BRACKET_AFTER = re.compile(r"\s*\([^()]{0,40}\)")
_OF_AFTER = re.compile(r"\s+of\s")
# The blanks after each article are all taken (possessive): nothing after them could take fewer.
_OF_AND_ARTICLES = re.compile(r"\s+of\s+(?:(?:all|the|a|an|its|their|his|her|our|those|these)\s++)*")


def concept_after(following: str, unit: Unit) -> str | None:
    """The noun phrase in `following` (the text right after a figure and its unit)."""
    if _HYPHEN_WORD.match(following):  # "four-wheel buggies"
        following = " " + following[1:]
    bracket = _BRACKET_AFTER.match(following)  # "$6bn (£3bn) deal"
    if bracket:
        following = following[bracket.end():]
    # "two more games", "six other unions", '40 "safety" inspectors', "doubled the price"
    skip = _SKIP_AFTER.match(following) if unit.dimension in ("count", "multiplier") else None
    if skip:
        following = " " + following[skip.end():]
    if unit.dimension == "count":
        words, pos = _noun_run(following, allow_numbers=False, plural=True)
        if not words and _OF_AFTER.match(following):
            return _of_complement(following)
    else:
        if _OF_AFTER.match(following):
            return _of_complement(following)
        words, pos = _noun_run(following, allow_numbers=False, plural=True)
    if not words:
        return None
    complement = _of_complement(following[pos:]) if _OF_AFTER.match(following, pos) else None
    phrase = " ".join(words)
    return f"{phrase} of {complement}" if complement else phrase


def _of_complement(text: str) -> str | None:
    """The noun phrase after 'of' (and an optional article or possessive)."""
    match = _OF_AND_ARTICLES.match(text)
    if not match:
        return None
    words, _ = _noun_run(text[match.end():], allow_numbers=True, plural=True)
    return " ".join(words) or None


_COMPLEMENT = re.compile(r"\s+(?:of|for|in|on|at|to|from|with|by|per|among|across)\s")


def head_phrase(concept: str) -> list[str]:
    """The words of a concept phrase before any complement ("rounds of shells" -> ["rounds"])."""
    return _COMPLEMENT.split(concept, maxsplit=1)[0].split()


def head_noun(concept: str) -> str:
    """The head of a concept phrase: its last word before any complement ("rounds of shells" ->
    "rounds", "wind capacity" -> "capacity"), which is what figures are compared by."""
    words = head_phrase(concept)
    return words[-1].removesuffix("'s").removesuffix("’s") if words else concept


# --- before the figure ------------------------------------------------------------------------

# Hedges and the words that stress a figure ("just 21", "a record 40"), cut off before a subject.
_STRESSES = ("just", "only", "a mere", "barely", "a record", "a further", "another", "an extra",
             "an additional")
_HEDGE_BEFORE = re.compile(r"(?:\b(?:" + HEDGE_PATTERN + "|" + "|".join(_STRESSES) + r")\s++)+$",
                           re.IGNORECASE)
# Its last hedge alone, which ends a text wherever `_HEDGE_BEFORE` matches it: looked for first.
_LAST_HEDGE = re.compile(r"\b" + alternation((*HEDGES, *_STRESSES)) + r"\s++$", re.IGNORECASE)
_LONGEST_HEDGE = max(map(len, (*HEDGES, *_STRESSES)))
# Verbs that link a subject to its figure: "stood at", "rose to", "was down", "weighs", "cost".
_LINK_WORDS = (
    "is", "was", "are", "were", "be", "been", "being", "stand", "stands", "stood", "remain", "remains",
    "remained", "reached", "reaches", "reach", "hit", "hits", "totalled", "totaled", "total", "totals",
    "amounted", "amount", "amounts", "came", "comes", "rose", "rises", "risen", "rising", "fell", "falls",
    "fallen", "falling", "grew", "grows", "grown", "growing", "increased", "increases", "increasing",
    "decreased", "decreases", "declined", "declines", "jumped", "jumps", "climbed", "climbs", "dropped",
    "drops", "soared", "surged", "slipped", "slumped", "plunged", "tumbled", "edged", "eased", "gained",
    "gains", "lost", "shed", "added", "dipped", "leapt", "leaped", "doubled", "widened", "narrowed", "shrank",
    "expanded", "improved", "recovered", "weigh", "weighs", "weighed", "weighing", "measure", "measures",
    "measured", "cost", "costs", "costing", "priced", "valued", "worth", "averaged", "average", "averages",
    "peaked", "topped", "exceeded", "passed", "went", "goes", "go", "rise", "fall", "grow", "increase",
    "drop", "climb", "jump", "running", "runs", "represent", "represents", "represented", "stretch",
    "stretches", "stretched", "cover", "covers", "covered", "span", "spans", "spanned", "hold", "holds",
    "held", "up", "down", "steady", "unchanged", "flat", "at",
)
_LINK = "(?:" + alternation(_LINK_WORDS) + r"|make\s+up|makes\s+up|made\s+up|accounts?\s+for|accounted\s+for)"
# "pushed rates up to 2.25%", "raise taxes by £10bn", "lifted the cap from 60 to 65": the object.
_MOVED_OBJECT = re.compile(
    r"\b(?:push(?:ed|es)?|raise[sd]?|raising|cut(?:s|ting)?|lift(?:ed|s)?|lower(?:ed|s)?|reduce[sd]?|"
    r"increase[sd]?|boost(?:ed|s)?|trim(?:med|s)?|hike[sd]?|put(?:s|ting)?|set(?:s|ting)?|kept|keep|"
    r"took|taken?|takes|bring|brought|drove|driven|sent|send|slash(?:ed|es)?|double[sd]?|extend(?:ed|s)?|"
    r"value[sd]?|pric(?:ed|es)|estimate[sd]?|put)\s+(?P<object>(?:[^\W\d_][\w'’-]*\s+){1,6}?)"
    r"(?:up\s+|down\s+|back\s+)?(?:to|by|from|at)\s+$", re.IGNORECASE)
_LAST_WORD = re.compile(r"([^\W\d_]+)\s*$")
_MOVE_PARTICLES = {"to", "by", "from", "at"}
_RELATIVE = re.compile(r",?\s+(?:which|who|that)\s*$", re.IGNORECASE)
# Particles of a linking verb ("stood at", "rose to", "was up by"); the hedges after them ("stood at
# about") are cut off first, with `_HEDGE_BEFORE`, which is built from the one hedge table.
_PARTICLES = ("up", "down", "back", "by", "to", "at", "from", "of")
_VERB_PARTICLES = r"(?:\s++(?:" + "|".join(_PARTICLES) + "))*"
_LINKED = re.compile(rf"\b{_LINK}{_VERB_PARTICLES}\s*$", re.IGNORECASE)
# The word that ends a text wherever `_LINKED` matches it (a verb, a particle, the "for" of "accounts
# for"): looked for first.
_LAST_LINK_WORDS = (*_LINK_WORDS, *_PARTICLES, "for")
_LAST_LINK = re.compile(r"\b" + alternation(_LAST_LINK_WORDS) + r"\s*$", re.IGNORECASE)
_LONGEST_LINK_WORD = max(map(len, _LAST_LINK_WORDS))
_AUX = re.compile(r"(?:\s++(?:has|have|had|will|would|could|can|may|might|should|shall|must|is|are|was|were|"
                  r"be|been|being|do|does|did|not|also|now|already|still|just|only|then|again|expected to|"
                  r"forecast to|set to|likely to|due to|said to|thought to|estimated to|projected to|"
                  r"predicted to|tipped to|seen to|able to|to|alone|itself|overall|further|sharply|"
                  r"slightly|steadily|again|(?-i:[a-z]{2,20}ly)))+\s*$", re.IGNORECASE)
# Where a subject noun phrase begins: after punctuation or a clause word.
_CLAUSE_START = re.compile(r"(?:^|[,;:(\"“”—–]|\s-\s|\b(?:that|which|who|said|says|say|and|but|while|"
                           r"whereas|as|when|after|before|since|because|if|although|though|with|where|"
                           r"showed|shows|found|finds|while|meaning|so)\b)", re.IGNORECASE)
_SUBJECT_WORD = re.compile(r"[^\W\d_][\w'’&.-]*|\d[\d,.]*")
_OF_BEFORE = re.compile(r"([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3})\s+of\s+$")
_BRACKET_BEFORE = re.compile(r"([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3})\s*\(\s*$")
_FOR_AFTER = re.compile(r"\s+(?:for|from|on|per|each|for each|for every)\s+"
                        r"(?:(?:the|a|an|its|their|his|her|our|all)\s++)*")


_PREPOSITIONS = {"of", "for", "in", "on", "at", "from", "among", "across", "with"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"}


def _tail(pattern: re.Pattern[str], text: str, size: int) -> re.Match[str] | None:
    """`pattern` (anchored at the end) searched in the last `size` characters of `text` only: an
    end-anchored search tried from every position would cost the square of the window."""
    return pattern.search(text, max(0, len(text) - size))


def _hedges_ending(text: str, size: int) -> re.Match[str] | None:
    """The hedges ("about", "just over", "a record") ending `text`, in its last `size` characters."""
    start = max(0, len(text) - size)
    if ending(_LAST_HEDGE, text, start, longest=_LONGEST_HEDGE) is None:
        return None
    return _HEDGE_BEFORE.search(text, start)


def _phrase_head(text: str) -> str | None:
    """The noun phrase ending `text` (a subject or a noun before 'of'), without its complements.

    "the number of jobless people" -> "jobless people"; "support for the plan" -> "support".
    """
    clause = text
    for start in _CLAUSE_START.finditer(text):
        clause = text[start.end():]
    words = _SUBJECT_WORD.findall(clause)[-12:]
    lowered = [w.lower() for w in words]
    first = len(words)
    while first > 0:
        word = lowered[first - 1]
        if word in _PREPOSITIONS and first < len(words):
            first -= 1
        elif word in _DETERMINERS and first - 1 > 0 and lowered[first - 2] in _PREPOSITIONS \
                and first < len(words):
            first -= 2
        elif word not in _STOP and not words[first - 1][0].isdigit():
            first -= 1
        else:
            break
    before = lowered[first - 1] if first else ""
    words = words[first:]
    while words and words[0].lower() in _PREPOSITIONS | _DETERMINERS:
        words = words[1:]
    if words and before in _PRONOUNS and words[0].lower().endswith("ed"):
        words = words[1:]  # "he argued asylum cost": the verb is not part of the subject
    if not words or words[-1].lower() in _PREPOSITIONS | _DETERMINERS:
        return None
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:] and lowered[lowered.index("of") - 1] in _AMOUNT_WORDS:
        words = [w for w in words[lowered.index("of") + 1:] if w.lower() not in _DETERMINERS]
        lowered = [w.lower() for w in words]
    cut = next((i for i, w in enumerate(lowered) if i and w in _PREPOSITIONS), None)
    if cut is not None:
        words = words[:cut]
    if not words or words[-1].lower() in _AMOUNT_WORDS:
        return None
    return " ".join(words[-4:])


def concept_before(before: str, unit: Unit) -> str | None:
    """The noun phrase before a figure that it belongs to; `before` ends where the figure starts."""
    last = _LAST_WORD.search(before, max(0, len(before) - 20))
    last_word = last.group(1).lower() if last else ""
    moved = _tail(_MOVED_OBJECT, before, 90) if last_word in _MOVE_PARTICLES else None
    if moved and unit.dimension != "time":  # before the hedges go: "pushed rates up to 2%"
        return _phrase_head(moved.group("object"))
    hedge = _hedges_ending(before, 50)
    if hedge:
        before = before[:hedge.start()]
    ending = before.rstrip()[-3:].lower()
    of = _tail(_OF_BEFORE, before, 70) if ending == " of" else None
    if of:
        return _phrase_head(before[:of.end(1)])
    bracket = _tail(_BRACKET_BEFORE, before, 70) if ending.endswith("(") else None
    if bracket:
        return _phrase_head(before[:bracket.end(1)])
    if unit.dimension == "time":
        return None  # "for five years", "after 90 minutes": a duration measures no subject
    if hedge:
        moved = _tail(_MOVED_OBJECT, before, 90)
        if moved:
            return _phrase_head(moved.group("object"))
    subject = _linked_subject(before)
    if subject is None:
        return None
    relative = _tail(_RELATIVE, subject, 20)  # "the show, which stretches over": the noun before "which"
    if relative:
        subject = subject[:relative.start()]
    return _phrase_head(subject.rstrip())


def _money_for(following: str) -> str | None:
    """'$40m for new schools' -> 'new schools'; '£90 per patient' -> 'patient'."""
    match = _FOR_AFTER.match(following)
    if not match:
        return None
    words, _ = _noun_run(following[match.end():], allow_numbers=False, plural=True)
    return " ".join(words) or None


_CONVERSION = re.compile(r"\s*[(;,/]\s*$|\s*[(;]\s*(?:about|around|roughly|some|or|approx\.?)\s*$")
_LIST_BEFORE = re.compile(r"^(?:\s+[^\W\d_][\w'’-]*){0,3}(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)"
                          r"(?:(?:the\s+)?[^\W\d_][\w.&'’-]*(?:\s+[^\W\d_][\w.&'’-]*){0,5}(?:'s|’s|')\s+)?$")
_LEVEL_AFTER_CHANGE = re.compile(r",?\s+(?:to|at)\s+(?:(?:a|an)\s+)?(?:record\s+|new\s+)?")
_RESPECTIVELY = re.compile(r"[\s,]*(?:\)\s*)?respectively\b", re.IGNORECASE)


_OLD = re.compile(r"[\s-]olds?$")  # "50-year-old": an age
_LISTED = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def sentence_concepts(sentence: str, figures: Sequence[tuple[int, int, Unit]],
                      age: Unit) -> list[str | None]:
    """The concept of each figure (start, end, unit) of one sentence, in order.

    `age` is the unit ages are read with; their concept is "age".
    """
    concepts: list[str | None] = []
    for index, (start, end, unit) in enumerate(figures):
        previous = figures[index - 1] if index else None
        between = sentence[previous[1]:start] if previous else ""
        if previous and previous[2].dimension == unit.dimension and _CONVERSION.fullmatch(between) \
                and unit.dimension not in ("count", "time"):
            concepts.append(concepts[-1])  # "$6bn (£3bn)": a conversion measures the same thing
            continue
        if previous and concepts[-1] and _LEVEL_AFTER_CHANGE.fullmatch(between):
            concepts.append(concepts[-1])  # "profit rose 12% to £1.2bn": the level of the same thing
            continue
        concepts.append(_concept(sentence, start, end, unit, age))
        if concepts[-1] is None and previous and concepts[-2] and previous[2] == unit \
                and _LIST_BEFORE.match(between) and not _noun_follows(sentence, end):
            concepts[-1] = concepts[-2]  # "Acme's 800 workers, Bolt's 70 and Crane's 20"
    _respectively(sentence, figures, concepts)
    return concepts


def _concept(sentence: str, start: int, end: int, unit: Unit, age: Unit) -> str | None:
    if unit is age or (unit.dimension == "time" and _OLD.search(sentence, start, end)):
        return "age"
    following = sentence[end:end + 120]
    before = sentence[max(0, start - 120):start]
    if unit.dimension in ("count", "fraction"):
        return concept_after(following, unit) or concept_before(before, unit)
    after = concept_after(following, unit)
    if after and (_OF_AFTER.match(following) or unit.dimension not in ("percentage", "time")):
        return after
    found = concept_before(before, unit)
    if found:
        return found
    if unit.dimension == "currency":
        return _money_for(following)
    return None


def _respectively(sentence: str, figures: Sequence[tuple[int, int, Unit]],
                  concepts: list[str | None]) -> None:
    """'Sales and profits rose 5% and 8% respectively': each figure gets its own subject."""
    for index in range(1, len(figures)):
        end = figures[index][1]
        if not _RESPECTIVELY.match(sentence, end):
            continue
        first = index
        while first > 0 and _LISTED.fullmatch(sentence, figures[first - 1][1], figures[first][0]):
            first -= 1
        if first == index:
            continue
        before = sentence[max(0, figures[first][0] - 160):figures[first][0]]
        members = _listed_subjects(before, index - first + 1)
        if members:
            for offset, member in enumerate(members):
                concepts[first + offset] = member


def _linked_subject(before: str) -> str | None:
    """The words before the verb that links a subject to its figures ("stood at", "rose to"), an
    auxiliary before that verb ("has risen to") cut off; None when no such verb ends `before`."""
    start = max(0, len(before) - 50)
    last = ending(_LAST_LINK, before, start, longest=_LONGEST_LINK_WORD)
    linked = _LINKED.search(before, start) if last else None
    if not linked:
        return None
    subject = before[:linked.start()]
    aux = _tail(_AUX, subject, 80)
    return subject[:aux.start()] if aux else subject


def _listed_subjects(before: str, count: int) -> list[str] | None:
    """The `count` noun phrases of a list ("prices, wages and rents") that a verb links to figures."""
    hedge = _hedges_ending(before, 50)
    if hedge:
        before = before[:hedge.start()]
    subject = _linked_subject(before)
    if subject is None:
        return None
    parts = _LIST_SEPARATOR.split(subject.strip())
    if len(parts) < count:
        return None
    members = []
    for part in parts[-count:]:
        head = _phrase_head(part)
        if head is None:
            return None
        members.append(head)
    return members

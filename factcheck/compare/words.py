"""Word folding for alignment: the same thing written differently must compare equal.

Versions of one story paraphrase each other ("rounds" / "shells", "experts" / "specialists",
"Russia's veto" / "veto by Russia", "fired" / "firing"), so words are lower-cased, possessives
dropped, reduced to a light stem and a small set of newsroom synonyms mapped to one representative.
Plurals go through the one singulariser; the stem adds only verb forms ("fired", "firing"). inflect
costs seconds to import and a millisecond a word, and a Snowball stemmer keeps "buses" and "bus"
apart and still needs a table for "sent"; what matters here is only that two forms meet on one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.units import singular

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Function words, hedges, reporting verbs, number words and time adverbs: they say nothing about
# *what* a figure counts, so they neither name a concept nor make two sentences look alike.
STOPWORDS = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "it's", "they",
    "them", "their", "he", "him", "his", "she", "her", "we", "us", "our", "you", "your", "i", "my",
    "me", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "whether", "if",
    "then", "than", "as", "so", "such", "too", "very", "also", "only", "just", "even", "and", "or",
    "but", "nor", "yet", "while", "whereas", "because", "since", "although", "though", "unless",
    "until", "after", "before", "during", "within", "without", "of", "in", "on", "at", "to", "from",
    "by", "for", "with", "about", "into", "onto", "over", "under", "above", "below", "between", "among",
    "across", "through", "per", "via", "against", "toward", "towards", "around", "near", "off", "out",
    "up", "down", "upon", "along", "is", "are", "was", "were", "be", "been", "being", "am", "has",
    "have", "had", "having", "do", "does", "did", "done", "can", "could", "may", "might", "must",
    "shall", "should", "will", "would", "not", "no", "said", "says", "say", "saying", "told", "tell",
    "according", "stated", "claimed", "claims", "claim", "added", "reported", "reports", "report",
    "asserted", "noted", "explained", "announced", "confirmed", "almost", "nearly", "approximately",
    "roughly", "some", "more", "less", "fewer", "most", "least", "exactly", "precisely", "many", "much",
    "several", "few", "other", "another", "each", "every", "all", "any", "both", "either", "neither",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions", "trillion", "trillions", "bn", "m", "k", "half", "quarter", "percent", "cent",
    # time adverbs: "one day earlier", "two years ago" say when, not what
    "earlier", "later", "ago", "previously", "afterwards", "since", "already", "still", "now",
))

# Synonym groups: every word of a group folds to the group's first word (after singularisation).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("round", "shell"),
    ("expert", "specialist"),
    ("resolution", "proposal", "motion", "draft"),
    ("company", "firm"),
    ("soldier", "troop"),
    ("child", "kid"),
    ("death", "fatality"),
    ("vehicle", "car"),
    ("person", "people", "individual", "resident"),
    ("worker", "employee", "staff", "workforce", "staffer"),
    ("weapon", "arm"),
    ("ammunition", "ammo", "munition"),
    ("lorry", "truck"),
    ("shop", "store", "outlet"),
    ("purchase", "acquisition"),
)
# Verb forms no suffix rule reaches.
_IRREGULAR_VERBS = {
    "sent": "send", "spent": "spend", "built": "build", "held": "hold", "sold": "sell", "bought": "buy",
    "fought": "fight", "shot": "shoot",
}
# Words whose trailing "ed" or "ing" is no inflection.
_NOT_INFLECTED = frozenset((
    "during", "nothing", "something", "anything", "everything", "morning", "evening", "ceiling", "king",
    "ring", "thing", "spring", "string", "wing", "sing", "bed", "red", "shed", "seed", "need", "speed",
    "feed", "creed", "hundred",
))
_VOWEL = re.compile(r"[aeiouy]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem of a lower-case word, so that the forms a paraphrase uses meet: plural
    and singular through the one singulariser (`extract.units.singular`: 'containers', 'boxes',
    'children'), then past and present participle ('fired', 'firing', 'fire') and 'y'/'i'
    ('country', 'countries'). Stems are keys, not words to show."""
    if word in _IRREGULAR_VERBS:
        return _IRREGULAR_VERBS[word]
    word = singular(word)
    if word in _NOT_INFLECTED or len(word) <= 3:
        return word
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and _VOWEL.search(word[:-len(suffix)]) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":  # "stopped" -> "stop"
                word = word[:-1]
            break
    if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        word = word[:-1] + "i"
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


# Every word of a synonym group folds to the stem of the group's first word.
SYNONYMS: dict[str, str] = {stem(word): stem(group[0]) for group in SYNONYM_GROUPS for word in group}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, drop the possessive, stem, map synonyms: 'Shells' -> 'round'."""
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    base = stem(lowered.strip("'-"))
    return SYNONYMS.get(base, base)


def content_words(text: str) -> list[str]:
    """The folded words of `text` that carry meaning (no stopwords, no number words)."""
    words = []
    for match in WORD.finditer(text):
        raw = match.group().lower().replace("’", "'")
        if raw in STOPWORDS or raw.removesuffix("'s") in STOPWORDS:
            continue
        folded = fold(raw)
        if folded and folded not in STOPWORDS:
            words.append(folded)
    return words

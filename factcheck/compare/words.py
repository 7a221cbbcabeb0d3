"""Word folding for alignment: the same thing written differently must compare equal.

Versions of one story paraphrase each other ("rounds" / "shells", "experts" / "specialists",
"Russia's veto" / "veto by Russia"), so words are lower-cased, possessives dropped, plurals
folded to the singular and a small set of newsroom synonyms mapped to one representative.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    ("weapon", "arm"),
    ("ammunition", "ammo", "munition"),
    ("lorry", "truck"),
    ("shop", "store", "outlet"),
    ("purchase", "acquisition"),
)
SYNONYMS: dict[str, str] = {word: group[0] for group in SYNONYM_GROUPS for word in group}

# Endings where a trailing "s" is not a plural ("gas", "analysis", "bus", "glass").
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "as", "os", "ys")


@lru_cache(maxsize=1)
def _inflector():  # inflect builds large tables on construction: once per process
    import inflect

    return inflect.engine()


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The singular of a lower-case noun; words that are not plurals come back unchanged."""
    if len(word) <= 3 or word.endswith(_NOT_PLURAL_ENDINGS):
        return word
    folded = _inflector().singular_noun(word)
    return folded if isinstance(folded, str) and folded else word


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, drop the possessive, fold plural and synonym: 'Shells' -> 'round'."""
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    lowered = lowered.strip("'-")
    base = singular(lowered)
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

"""The concept: the noun phrase a figure counts or measures.

"40 ballistic missiles" -> "ballistic missiles"; "almost three million rounds of 152 mm
artillery shells" -> "rounds of 152 mm artillery shells"; "152 mm artillery shells" ->
"artillery shells"; "24 per cent of adults" -> "adults". Without a tagger, a noun phrase is
the run of words after the figure up to a closed-class word, a verb-looking word or
punctuation; an "of" complement is kept. Rules compare figures by concept, so a short
phrase that is right beats a long one that drags in the rest of the clause.
"""

from __future__ import annotations

import re

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
    "off", "away", "back", "again", "even", "not", "no", "yet", "among", "between", "against",
    "through", "across", "around", "toward", "towards", "until", "till", "via", "whereas",
    "including", "compared", "versus", "vs", "such", "other", "another", "what", "how", "why",
    "times", "year", "years", "month", "months", "week", "weeks", "day", "days", "ahead", "apiece",
    "total", "overall", "respectively", "alone", "too", "very", "much", "many", "some",
    "yesterday", "today", "tomorrow", "tonight", "annually", "instead", "worth",
    # verbs that do not end in -ed or -ing, common right after a counted noun ("40 people paid")
    "paid", "made", "took", "got", "went", "came", "gave", "won", "lost", "sold", "bought", "left",
    "fell", "rose", "grew", "spent", "saw", "found", "told", "held", "met", "ran", "began", "became",
    "kept", "put", "set", "cut", "hit", "led", "brought", "thought", "felt", "built", "sent", "meant",
    "stood", "wrote", "drove", "flew", "live", "lives", "work", "works", "remain", "remains", "face",
    "faces", "use", "uses", "need", "needs", "want", "wants", "get", "gets", "make", "makes", "take",
    "takes", "go", "goes", "come", "comes", "see", "sees", "expect", "expects", "think", "know",
}
_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*|\d[\d,.]*\s?[^\W\d_]{1,3}\b|\d[\d,.]*)")
_MAX_WORDS = 5


def _noun_run(text: str, allow_numbers: bool) -> tuple[list[str], int]:
    """Leading words of `text` that can belong to a noun phrase, and where they end."""
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
        if lowered in _STOP or (lowered.endswith("ly") and len(lowered) > 4):
            break
        if words and lowered.endswith(("ed", "ing")) and not word[0].isupper() \
                and not _noun_follows(text, match.end()):
            break  # "12 people killed in" stops; "seven leading industrialised nations" goes on
        if not words and lowered.endswith("ed") and len(lowered) > 4 and not _noun_follows(text, match.end()):
            break  # "40 killed in" is a verb; "3 injured climbers" an adjective
        words.append(word)
        pos = match.end()
    return words, pos


def _noun_follows(text: str, pos: int) -> bool:
    following = _WORD.match(text, pos)
    if not following or not text[pos:following.start(1)].isspace():
        return False
    word = following.group(1)
    return word.islower() and word not in _STOP and not word.endswith(("ed", "ly"))


def concept_after(following: str, unit: Unit) -> str | None:
    """The noun phrase in `following` (the text right after a figure and its unit)."""
    if re.match(r"-[^\W\d_]", following):  # "six-cylinder engines"
        following = " " + following[1:]
    if unit.dimension == "count":
        words, pos = _noun_run(following, allow_numbers=False)
        if not words and re.match(r"\s+of\s", following):
            return _of_complement(following)
    else:
        if re.match(r"\s+of\s", following):
            return _of_complement(following)
        words, pos = _noun_run(following, allow_numbers=False)
    if not words:
        return None
    complement = _of_complement(following[pos:]) if re.match(r"\s+of\s", following[pos:]) else None
    phrase = " ".join(words)
    return f"{phrase} of {complement}" if complement else phrase


def _of_complement(text: str) -> str | None:
    """The noun phrase after 'of' (and an optional article or possessive)."""
    match = re.match(r"\s+of\s+(?:(?:the|a|an|its|their|his|her|our|those|these)\s+)?", text)
    if not match:
        return None
    words, _ = _noun_run(text[match.end():], allow_numbers=True)
    return " ".join(words) or None

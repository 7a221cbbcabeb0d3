"""Hedges and rounding: the interval a figure's wording allows.

A plain figure carries its precision: "2.1 million" is rounded to 0.1 million, so it means
2.05-2.15 million; "24%" means 23.5-24.5%. Trailing zeros count as rounding when there are
three or more ("12,000" is 11,500-12,500), so plain counts such as "40 buses" stay exact.

A hedged figure follows one rule, whatever its digits: its interval is a tenth of its value
wide (HEDGE_SHARE), or as wide as its last written decimal if that is wider; "about" centres it
on the figure, "nearly" puts it below and "just over" above. "about 40" is 38-42 and "about
9.7%" 9.215-10.185%; "almost 100,000" is 90,000-100,000 as "almost three million" is 2.7-3
million; "just over 50" is 50-55. Open hedges ("more than 700", "up to 26") bound one side
only. Rules reasoning over these intervals let honest rounding pass and treat hedges alike.
"""

from __future__ import annotations

import math
import re

from factcheck.extract.numbers import Reading
from factcheck.extract.patterns import alternation, ending

# hedge words -> (qualifier, how the interval moves)
HEDGES: dict[str, tuple[str, str]] = {
    "about": ("approx", "round"), "around": ("approx", "round"), "roughly": ("approx", "round"),
    "some": ("approx", "round"), "approximately": ("approx", "round"), "approx.": ("approx", "round"),
    "an estimated": ("approx", "round"), "estimated": ("approx", "round"), "close to": ("approx", "round"),
    "circa": ("approx", "round"), "nearly": ("less_than", "below"), "almost": ("less_than", "below"),
    "just under": ("less_than", "below"), "just below": ("less_than", "below"),
    "just shy of": ("less_than", "below"), "just short of": ("less_than", "below"),
    "slightly less than": ("less_than", "below"), "a little under": ("less_than", "below"),
    "just over": ("more_than", "above"), "just above": ("more_than", "above"),
    "slightly more than": ("more_than", "above"), "a little over": ("more_than", "above"),
    "more than": ("more_than", "up"), "over": ("more_than", "up"), "above": ("more_than", "up"),
    "in excess of": ("more_than", "up"), "upwards of": ("more_than", "up"),
    "at least": ("at_least", "up"), "no less than": ("at_least", "up"),
    "no fewer than": ("at_least", "up"), "as few as": ("at_least", "up"),
    "as little as": ("at_least", "up"), "as low as": ("at_least", "up"),
    "up to": ("at_most", "down"), "at most": ("at_most", "down"), "no more than": ("at_most", "down"),
    "not more than": ("at_most", "down"), "as many as": ("at_most", "down"),
    "as much as": ("at_most", "down"), "as high as": ("at_most", "down"),
    "less than": ("less_than", "down"), "fewer than": ("less_than", "down"),
    "under": ("less_than", "down"), "below": ("less_than", "down"),
    "better than": ("more_than", "up"), "greater than": ("more_than", "up"),
    "higher than": ("more_than", "up"), "lower than": ("less_than", "down"),
    "worse than": ("less_than", "down"),
}
# How wide, as a share of its value, a hedged figure's interval is ("about", "nearly", "just over").
HEDGE_SHARE = 0.1
# Any hedge word, longest first (as one group): the one list other readers' patterns are built from.
HEDGE_PATTERN = alternation(HEDGES)
_BEFORE = re.compile(r"\b(?:" + HEDGE_PATTERN + r")\s+$", re.IGNORECASE)
_LONGEST_HEDGE = max(map(len, HEDGES))
_AFTER = {"or more": ("at_least", "up"), "or so": ("approx", "round"), "or less": ("at_most", "down"),
          "or fewer": ("at_most", "down"), "-plus": ("at_least", "up"), "+": ("at_least", "up")}
_AFTER_PATTERN = re.compile(r"(?:\s+or\s+(?:more|so|less|fewer)\b|-plus\b|\+)", re.IGNORECASE)


# "took the cap up to 26 weeks", "raised it up to 8%": after a verb of movement, "up to" names
# the new level, not a ceiling.
_MOVED = re.compile(
    r"\b(?:take|takes|taken|took|taking|bring|brings|brought|bringing|raise[sd]?|raising|put|puts|"
    r"push(?:ed|es)?|move[sd]?|go|goes|gone|went|increase[sd]?|extend(?:ed|s)?|lift(?:ed|s)?|"
    r"boost(?:ed|s)?|ramp(?:ed|s)?|step(?:ped|s)?|scale[sd]?|bump(?:ed|s)?|double[sd]?|"
    r"rise|rises|rose|risen|climb(?:ed|s)?|jump(?:ed|s)?)"
    r"(?:\s+(?:it|them|this|that|(?:the|its|their|his|her|our)\s+[^\W\d_]+))?\s+$", re.IGNORECASE)
# "3,000 died over 30 years": "over" a period after another figure in the clause is the period
# the figure is spread over, not "more than".
_FIGURE_EARLIER = re.compile(r"\d[^;:,.]*$")
# "prices rose over five years", "repaid over 25 years", "growth over a decade": after a change, a
# spreading or a payment, "over" a period says during which time, not "more than".
_CHANGED_OVER = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|grow(?:s|n|ing)?|grew|growth|"
    r"(?:in|de)creas(?:e[sd]?|ing)|declin(?:e[sd]?|ing)|drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|"
    r"doubl(?:e[sd]?|ing)|tr(?:e|i)bl(?:e[sd]?|ing)|halv(?:e[sd]?|ing)|improv(?:e[sd]?|ing)|"
    r"shr(?:ink|inks|ank|unk|inking)|soar(?:s|ed|ing)?|surg(?:e[sd]?|ing)|chang(?:e[sd]?|ing)|"
    r"spread(?:s|ing)?|phased\s+(?:in|out)|repa(?:y|ys|id|ying|yable)|paid(?:\s+back)?|payable|"
    r"stagger(?:ed|ing)?|average[sd]?|gains?|loss(?:es)?|returns?)"
    r"(?:\s+[^\W\d_]+ly)?\s+$", re.IGNORECASE)


def hedge_before(sentence: str, start: int, end: int | None = None,
                 dimension: str = "") -> tuple[str, str, int] | None:
    """The hedge right before the figure at `start`..`end`: (qualifier, interval mode, offset
    where the hedge starts)."""
    if sentence[start - 1:start] == "~" and start > 0:  # "~15 min"
        return "approx", "round", start - 1
    match = ending(_BEFORE, sentence, max(0, start - 30), start, longest=_LONGEST_HEDGE)
    if not match:
        return None
    words = " ".join(match.group().lower().split())
    if words == "up to" and _MOVED.search(sentence, max(0, match.start() - 40), match.start()):
        return None
    if words == "over" and dimension == "time" and _is_period(sentence, match.start(), end):
        return None
    qualifier, mode = HEDGES[words]
    return qualifier, mode, match.start()


def _is_period(sentence: str, over: int, end: int | None) -> bool:
    """Whether "over" + a duration at `over` reads as "during" rather than "more than"."""
    if _FIGURE_EARLIER.search(sentence, max(0, over - 80), over) \
            or _CHANGED_OVER.search(sentence, max(0, over - 30), over):
        return True
    opening = not sentence[:over].strip(" \"'\u201c\u2018(")
    return opening and end is not None and sentence[end:end + 1] == ","


def hedge_after(sentence: str, end: int) -> tuple[str, str, int] | None:
    """A hedge written after the figure ("100 or more", "50-plus"): (qualifier, mode, its end)."""
    match = _AFTER_PATTERN.match(sentence, end)
    if not match:
        return None
    key = " ".join(match.group().lower().split())
    qualifier, mode = _AFTER[key]
    return qualifier, mode, match.end()


def rounding_step(reading: Reading) -> float:
    """The unit of the last written digit; trailing zeros count as rounding when there are 3+."""
    if reading.decimals:
        return 10.0 ** -reading.decimals * reading.magnitude
    zeros = reading.trailing_zeros if reading.trailing_zeros >= 3 else 0
    return 10.0 ** zeros * reading.magnitude


def interval(reading: Reading, mode: str, dimension: str) -> tuple[float, float]:
    """The [low, high] that `reading`, hedged by `mode`, allows for a figure of `dimension`."""
    value = reading.value
    if reading.vague is not None:
        return reading.vague
    if reading.kind in ("fraction", "multiplier") and mode == "exact":
        return value, value
    floor = -math.inf if dimension == "temperature" or value <= 0 else 0.0
    if mode == "up":
        return value, math.inf
    if mode == "down":
        return floor, value
    if mode == "exact":
        if dimension == "count" and reading.decimals == 0 and reading.magnitude == 1.0 \
                and reading.trailing_zeros < 3:
            return value, value
        half = rounding_step(reading) / 2
        return value - half, value + half
    written = 10.0 ** -reading.decimals * reading.magnitude if reading.decimals else 0.0
    width = max(abs(value) * HEDGE_SHARE, written)
    if mode == "below":
        return value - width, value
    if mode == "above":
        return value, value + width
    return value - width / 2, value + width / 2


_WRITTEN = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_ROUNDING_CAP = 0.1  # trailing zeros stretch a figure by at most a tenth of it


def written_digits(surface: str) -> tuple[float, int, int] | None:
    """The number a figure's surface writes in digits, with its decimals and trailing zeros ("£3,300"
    is (3300, 0, 2)); None where it writes no positive number in digits ("three")."""
    match = _WRITTEN.search(surface)
    if match is None:
        return None
    digits = match.group().replace(",", "")
    written = float(digits)
    if written <= 0:
        return None
    decimals = len(match.group(1) or "")
    zeros = 0 if decimals else len(digits) - len(digits.rstrip("0"))
    return written, decimals, zeros


def loose_rounding(surface: str, value: float) -> tuple[float, float]:
    """The widest interval a figure's digits may mean, trailing zeros read as rounding ("3,300" is
    3,250-3,350, "£600" 550-650, at most a tenth either way): for a figure computed from others
    (a conversion, a difference), which writers round to a round number."""
    found = written_digits(surface)
    if found is None or value == 0:
        return value, value
    written, decimals, zeros = found
    step = max(0.5 * 10.0 ** -decimals, min(0.5 * 10.0 ** zeros, _ROUNDING_CAP * written))
    half = step * abs(value) / written  # "2.1 million": the written 2.1 times a million
    return value - half, value + half

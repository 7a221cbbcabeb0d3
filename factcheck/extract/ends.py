"""End-anchored patterns searched only from where their match can begin.

Many readers ask what ends the text before a number ("No. 3", "about 40", "aged 35", "F-16"):
patterns anchored with `$`. `pattern.search` tries them from every position of the window, each
try running on towards its end, and that for every figure of every sentence. Such a match is a
short part (a word, a hedge) and then only blanks up to the end, so it cannot begin further back
than that part's length before the blanks that close the text; the search starts there and finds
the same match.
"""

from __future__ import annotations

import re


def ending(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None, *,
           longest: int | None = None, blanks: str = "") -> re.Match[str] | None:
    """`pattern.search(text, start, end)`, for a `pattern` whose match is a part followed only by
    whitespace and `blanks` characters up to `$`: tried from where that part can begin.

    The part holds at most `longest` characters, or, when `longest` is None, no whitespace (it then
    lies within the last word before the closing blanks). `\\b` and lookbehinds still see the text
    before where the search starts, as in any search from a position.
    """
    end = len(text) if end is None else end
    cut = end
    while cut > start and (text[cut - 1].isspace() or text[cut - 1] in blanks):
        cut -= 1
    if longest is None:
        last = text[start:cut].rsplit(None, 1)
        first = cut - len(last[-1]) if last else start
    else:
        first = max(start, cut - longest)
    return pattern.search(text, first, end)

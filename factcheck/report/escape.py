"""Article text made inert for markdown reports.

Reports quote articles, and articles (scraped pages, pull requests) may contain anything:
`<script>`, `<img onerror=...>`, `[links](javascript:...)`, backticks, pipes that would split a
table row, `$...$` that GitHub renders as maths. `escape` turns such text into markdown that
renders as the same characters and nothing else: no HTML, emphasis, links, code or table breaks.
"""

from __future__ import annotations

import re

# Backslash-escaped anywhere: what starts inline markup (emphasis, code, links and images,
# strikethrough, table cells, maths). At the very start, also what starts a block (headings,
# lists, quotes, setext underlines), in case the text opens a line or a table cell.
_INLINE = re.compile(r"[\\`*_~\[\]|$]")
_BLOCK_START = re.compile(r"^(\s*)(?:([#+\-=])|(\d{1,9})(?=[.)](?:\s|$)))")
# Control characters and bidirectional overrides can hide or reorder text in a rendered report.
INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")
# A character (or pair) `escape` changes: whitespace other than a lone space, what `_INLINE` escapes,
# HTML's specials, `INVISIBLE`. Most text a report quotes (a unit, a qualifier, a plain sentence)
# has none, and then neither a `_BLOCK_START`: it is already inert, as it stands.
_CHANGED = re.compile(r"[^\S ]| {2}|[&<>" + _INLINE.pattern[1:-1] + INVISIBLE.pattern[1:-1] + "]")


def escape(text: str) -> str:
    """`text` as inert inline markdown on one line (whitespace runs become one space)."""
    if _CHANGED.search(text) is None and _BLOCK_START.match(text) is None:
        return text
    return _escaped(text)


def _escaped(text: str) -> str:
    text = INVISIBLE.sub("", text)
    text = _SPACE.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(lambda match: "\\" + match.group(), text)
    return _BLOCK_START.sub(_protect_block_start, text)


def _protect_block_start(match: re.Match[str]) -> str:
    space, mark, digits = match.groups()
    return space + ("\\" + mark if mark else digits + "\\")


def code(text: str, in_table: bool = False) -> str:
    """`text` in a code span (a file or rule name), safe whatever backticks it holds.

    In a table cell a pipe must be written `\\|` even inside a code span (GFM), elsewhere not.
    """
    text = _SPACE.sub(" ", INVISIBLE.sub("", text))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{padding}{text}{padding}{fence}"

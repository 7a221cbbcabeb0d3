"""Escaped article text renders as exactly that text: checked with a real markdown renderer."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from factcheck.report.escape import _escaped, code, escape
from factcheck.report.html import _inert, text

RENDERER = MarkdownIt("commonmark").enable("table")
NASTY = st.text(alphabet=st.sampled_from(list("<>&;#|`*_~[]()!$\\-+=.:/'\"1 2\n\tabcXYZ\u202e")), max_size=80)


def visible(text: str) -> str:
    """What a reader should see: the text with whitespace runs collapsed and invisibles dropped."""
    text = re.sub(r"[\u202a-\u202e]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@given(NASTY)
def test_escaped_text_renders_as_itself_and_nothing_else(text: str) -> None:
    rendered = RENDERER.render(escape(text))
    if not visible(text):
        assert rendered == ""
        return
    assert rendered.startswith("<p>") and rendered.endswith("</p>\n"), rendered
    inner = rendered[3:-5]
    assert "<" not in inner  # no element of any kind: no HTML, emphasis, code or link
    assert html.unescape(inner) == visible(text)


@given(NASTY, NASTY)
def test_escaped_text_keeps_a_table_row_to_its_columns(left: str, right: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {escape(left) or ' '} | {escape(right) or ' '} |\n"
    rendered = RENDERER.render(table)
    body = rendered.split("<tbody>")[1]
    assert body.count("<td>") == 2, rendered
    cells = [html.unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", body, re.DOTALL)]
    assert cells == [visible(left), visible(right)]


@given(st.text(alphabet=st.sampled_from(list("`|ab <>")), min_size=1, max_size=30))
def test_code_spans_hold_any_name(name: str) -> None:
    rendered = RENDERER.render(f"x {code(name)} y")
    inner = re.search(r"<code>(.*)</code>", rendered, re.DOTALL)
    assert inner is not None, rendered
    assert html.unescape(inner.group(1)).strip() == re.sub(r"\s+", " ", name).strip()


@given(st.text(alphabet=st.sampled_from(list("ab1.) #+-=&<>\\`*_~[]|$\t\n\xa0\u200b\u202e\x01"))))
def test_text_left_as_it_stands_is_text_the_full_escaping_leaves_alone(text: str) -> None:
    """`escape` returns text with nothing to escape as it is, without its steps: the same text."""
    assert escape(text) == _escaped(text)


@given(st.text(alphabet=st.sampled_from(list("ab1 &<>\"'\t\n\u200b\u202e\x01\x7f"))))
def test_html_text_left_as_it_stands_is_text_the_full_escaping_leaves_alone(plain: str) -> None:
    """The HTML report's `text` returns text with nothing to escape as it is: the same text."""
    assert text(plain) == _inert(plain)

"""The HTML reports rendered in a real browser (headless Chromium, Debian's `chromium` package,
driven by Playwright): figures marked and coloured by verdict, no console errors (a style the
Content-Security-Policy refused would be one), no network request, every finding reachable with
the Tab key, filters that work without script, and a hostile article that stays inert text.

Skipped, saying why, where Chromium or Playwright is absent; `.ci/run` installs both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

playwright = pytest.importorskip("playwright.sync_api",
                                 reason="Playwright is not installed (pip install -e '.[test]')")

CHROMIUM = (os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium, or set FACTCHECK_CHROMIUM)",
                allow_module_level=True)

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Background colours of the marks, as the page's CSS sets them (rgb of --fail, --uncertain, ...).
COLOURS = {"fail": "rgb(246, 184, 176)", "uncertain": "rgb(255, 224, 138)", "pass": "rgb(191, 230, 195)",
           "unchecked": "rgb(228, 228, 228)"}

HOSTILE = (
    "<script>window.pwned = 1</script> Officials said 1,000 containers carried 3,000,000 "
    "artillery shells.\n\n"
    "<img src=x onerror=\"window.pwned = 2\"> [click](javascript:window.pwned=3) "
    "<a href=\"javascript:window.pwned=4\">link</a> <iframe src=\"https://example.invalid/\"></iframe>\n\n"
    "# Heading? **bold?** `code?` <style>mark{background:black!important}</style>\n\n"
    "The UN Security Council voted to prolong the panel's mandate for 15 years.\n"
)
HONEST = "Sales rose by 30% from 200 to 250 cars, the firm said.\n\nThe plant employs 1,200 people.\n"


def _factcheck(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "factcheck", *args, "--no-cache", "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Article pages and the index for a small corpus, and a comparison page for two versions."""
    root = tmp_path_factory.mktemp("browser")
    articles, stories, out = root / "articles", root / "stories" / "homes", root / "reports"
    articles.mkdir()
    stories.mkdir(parents=True)
    (articles / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (articles / "honest.txt").write_text(HONEST, encoding="utf-8")
    (articles / "passing.txt").write_text("Prices rose from 200 to 250, up 25%, the shop said.\n")
    (stories / "a.txt").write_text("The council said 120 homes were built in 2020.\n\nIt spent £4 million.\n")
    (stories / "b.txt").write_text("The council said 210 homes were built in 2020.\n\nIt spent £4 million.\n")
    _factcheck("check", str(articles), "--report-dir", str(out))
    _factcheck("compare", str(root / "stories"), "--report-dir", str(out))
    return out


class Browser:
    """One Chromium with a new empty profile; every page load records console messages, page
    errors, dialogs and requests."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.messages: list[str] = []
        self.requests: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: Path) -> Any:
        page = self.context.new_page()
        page.on("console", lambda message: self.messages.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.messages.append(f"pageerror: {error}"))
        page.on("dialog", lambda dialog: (self.messages.append(f"dialog: {dialog.message}"),
                                          dialog.dismiss()))
        self.requests.clear()
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return page

    def assert_quiet(self, path: Path) -> None:
        """No console output at all, and no request but the page itself."""
        assert self.messages == [], self.messages
        assert self.requests == [path.as_uri()], self.requests


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    profile = tmp_path_factory.mktemp("profile")
    with playwright.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        try:
            yield Browser(context)
        finally:
            context.close()


def _marks(page: Any) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        "mark[title]", "marks => marks.map(m => [m.className, getComputedStyle(m).backgroundColor])")


def _tab_through(page: Any, stops: int) -> list[str]:
    """The ids of what the Tab key focuses, `stops` presses from the top of the page."""
    focused = []
    page.locator("body").focus()
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || ''"))
    return focused


def test_an_article_page_marks_figures_by_verdict_and_lets_the_keyboard_reach_every_finding(
        reports: Path, browser: Browser) -> None:
    path = reports / "honest.html"
    page = browser.open(path)
    marks = _marks(page)
    assert marks, "no figure marked"
    for klass, colour in marks:
        assert colour == COLOURS[klass], (klass, colour)
    assert {klass for klass, _ in marks} >= {"fail", "unchecked"}
    cards = page.eval_on_selector_all("section.card", "cards => cards.map(c => c.id)")
    assert cards
    focused = _tab_through(page, 60)
    assert set(cards) <= set(focused), (cards, focused)
    assert page.locator("text=Check these first").first.is_visible()
    browser.assert_quiet(path)


def test_a_hostile_article_renders_as_inert_text(reports: Path, browser: Browser) -> None:
    path = reports / "hostile.html"
    page = browser.open(path)
    assert page.evaluate("window.pwned === undefined")
    counts = page.evaluate("""() => ({
        scripts: document.scripts.length, images: document.images.length,
        frames: document.querySelectorAll('iframe').length, styles: document.querySelectorAll('style').length,
        javascript: [...document.links].filter(a => a.protocol === 'javascript:').length})""")
    assert counts == {"scripts": 0, "images": 0, "frames": 0, "styles": 1, "javascript": 0}
    shown = page.inner_text("body")
    for piece in ("<script>window.pwned = 1</script>", "<img src=x onerror=\"window.pwned = 2\">",
                  "[click](javascript:window.pwned=3)", "# Heading? **bold?** `code?`",
                  "<style>mark{background:black!important}</style>"):
        assert piece in shown, piece
    for klass, colour in _marks(page):  # the article's own <style> did not recolour the marks
        assert colour == COLOURS[klass]
    page.click("text=link")  # a javascript: link in the text is text, not a link
    assert page.evaluate("window.pwned === undefined")
    browser.assert_quiet(path)


def test_the_index_filters_by_verdict_and_rule_without_script(reports: Path, browser: Browser) -> None:
    path = reports / "index.html"
    page = browser.open(path)
    rows = page.locator("tr.a")
    assert rows.count() == 3

    def visible() -> set[str]:
        return {rows.nth(i).locator("a").get_attribute("href") for i in range(rows.count())
                if rows.nth(i).is_visible()}

    def having(klass: str) -> set[str]:
        return set(page.eval_on_selector_all(f"tr.a.{klass} a",
                                             "links => links.map(a => a.getAttribute('href'))"))

    assert visible() == {"honest.html", "hostile.html", "passing.html"}
    page.keyboard.press("Tab")  # the filters are radio buttons, the first stops of the keyboard
    assert page.evaluate("[document.activeElement.type, document.activeElement.id]") == ["radio", "v-all"]
    page.keyboard.press("ArrowRight")  # ... and the arrow keys choose within a group
    assert visible() == having("v-fail")
    page.click("label[for=v-fail]")
    assert visible() == having("v-fail") == {"honest.html", "hostile.html"}  # the passing article is hidden
    page.click("label[for=v-pass]")
    assert visible() == having("v-pass") and "passing.html" in visible()
    rule = page.eval_on_selector("tr.a.v-fail", "row => [...row.classList].find(c => /^fail-r-/.test(c))")
    page.click("label[for=v-fail]")
    page.click(f"label[for={rule.removeprefix('fail-')}]")  # a verdict and a rule: a fail of that rule
    assert visible() == having(rule) and visible()
    page.click("label[for=v-all]")
    page.click("label[for=r-all]")
    assert len(visible()) == 3
    browser.assert_quiet(path)


def test_the_comparison_page_shows_the_versions_side_by_side(reports: Path, browser: Browser) -> None:
    path = reports / "homes.compare.html"
    page = browser.open(path)
    columns = page.eval_on_selector_all(".version", "vs => vs.map(v => v.getBoundingClientRect().left)")
    assert len(columns) == 2 and columns[0] < columns[1]  # side by side, not stacked
    marks = page.eval_on_selector_all(
        ".version mark", "marks => marks.map(m => [m.className, getComputedStyle(m).backgroundColor])")
    assert ["fail", COLOURS["fail"]] in marks and ["pass", COLOURS["pass"]] in marks
    assert page.locator("h2", has_text="Conflicts").bounding_box()["y"] < \
        page.locator("h2", has_text="side by side").bounding_box()["y"]
    entries = page.eval_on_selector_all(".figure-entry", "es => es.map(e => e.id)")
    visible = [entry for entry in entries if page.locator(f"#{entry}").is_visible()]
    assert set(visible) <= set(_tab_through(page, 40))
    browser.assert_quiet(path)

"""Every regular expression in the package stays fast on hostile text.

Two guards, over every compiled pattern at module level in `factcheck` (found by walking the
package, so a new pattern is covered the day it is written):

- structure: no unbounded backtracking repeat (`*`, `+`, `{n,}`) holds another one. Nested
  repeats over the same characters can split a run in exponentially many ways ("a run of
  `<!---->`" in the old HTML sniffing); an inner repeat that cannot give back what it took is
  written possessive (`*+`, `++`), which Python has since 3.11.
- behaviour: each pattern is matched at the start of adversarial strings of every family below,
  and searched through shorter ones, under a generous time bound per pattern. Linear patterns
  need milliseconds here; the bound only catches blow-ups (exponential, or worse than
  quadratic), so it does not flake on a busy machine. Quadratic costs of a whole check are
  measured by `benchmarks/pathological.py`, which times 1x against 4x of each hostile shape.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import threading
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

import factcheck

SECONDS_PER_PATTERN = 10.0
# Characters per adversarial string matched at its start, and per string searched through
# (searching costs up to the length times a match): backtracking blow-ups show far below these.
LENGTH, SEARCH_LENGTH = 1_000, 200

# Cue words patterns anchor on, then runs of what patterns repeat over (spaces, newlines, words,
# capitalised names, digits, number lists, figure tokens, HTML comments), each ended so that the
# pattern fails at the last moment and has to backtrack.
PREFIXES = ("", "1 ", "according to ", "from 2 ", "of the ", "⟨N0⟩ ", "In 2020, ", "Published ")
UNITS = (" ", "\n", "\n \n", "\t ", "a", "abcdefgh ", "Abcd ", "Ab of the Cd ", "1", "1 ", "1,", "1,000 ",
         "1.5 ", "12% ", "£3m ", "$2.5bn (£2bn) ", "⟨N1⟩ ", "⟨P1⟩, ", "⟨Y2⟩ and ", "three ", "two and ",
         "- ", ". ", ", ", "<!---->", "<!-- ", "m / ", "m ** 2 ", "per cent ", "up ", "said ")
ENDINGS = ("", "!", "§x")


def compiled_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern held at module level (alone, or in a tuple, list or dict)."""
    for info in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            items = value.items() if isinstance(value, dict) else enumerate(value) \
                if isinstance(value, list | tuple) else [(None, value)]
            for key, item in items:
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    yield f"{info.name}.{name}" + ("" if key is None else f"[{key!r}]"), item


PATTERNS = dict(compiled_patterns())


def _children(op: object, argument: object) -> list[object]:
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return [argument[2]]  # type: ignore[index]
    if op is sre.SUBPATTERN:
        return [argument[3]]  # type: ignore[index]
    if op is sre.BRANCH:
        return list(argument[1])  # type: ignore[index]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [argument[1]]  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return [argument]
    return []


def _unbounded(op: object, argument: object) -> bool:
    return op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and argument[1] == sre.MAXREPEAT  # type: ignore[index]


def _holds_unbounded(tree: object) -> bool:
    return any(_unbounded(op, argument) or any(_holds_unbounded(child) for child in _children(op, argument))
               for op, argument in tree)  # type: ignore[attr-defined]


def nested_repeats(tree: object) -> list[str]:
    """The bodies of unbounded backtracking repeats that hold another one."""
    found = []
    for op, argument in tree:  # type: ignore[attr-defined]
        if _unbounded(op, argument) and _holds_unbounded(argument[2]):
            found.append(str(argument[2])[:120])
        for child in _children(op, argument):
            found += nested_repeats(child)
    return found


def test_the_walk_finds_the_patterns() -> None:
    assert len(PATTERNS) > 100
    assert "factcheck.documents._HTML_START" in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_nested_unbounded_repeats(name: str) -> None:
    pattern = PATTERNS[name]
    assert nested_repeats(sre_parse.parse(pattern.pattern, pattern.flags)) == []


def adversarial(length: int) -> tuple[str, ...]:
    runs = [(unit * (length // len(unit) + 1))[:length] for unit in UNITS]
    return tuple(prefix + run + ending for prefix in PREFIXES for run in runs for ending in ENDINGS)


MATCHED, SEARCHED = adversarial(LENGTH), adversarial(SEARCH_LENGTH)


class _TooSlow(BaseException):
    """Raised by the alarm; a BaseException, so no `except Exception` in a pattern's caller hides it."""


def _alarm(signum: int, frame: object) -> None:
    raise _TooSlow


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread()
                    or not hasattr(signal, "setitimer"),
                    reason="the time bound needs SIGALRM in the main thread")
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_adversarial_strings_finish_in_time(name: str) -> None:
    pattern = PATTERNS[name]
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, SECONDS_PER_PATTERN)
    text = ""
    try:
        for text in MATCHED:
            pattern.match(text)
        for text in SEARCHED:
            for _ in pattern.finditer(text):
                pass
    except _TooSlow:
        pytest.fail(f"{name} took over {SECONDS_PER_PATTERN:g} s on adversarial strings; stuck on "
                    f"{text[:60]!r}... ({len(text)} characters)")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

"""Rule files from untrusted sources, met the way a user meets them: through the CLI.

Each hostile file must be refused at load time with `file:line` and exit code 2, and nothing in
it may run: the payloads below would create a marker file if any of them were executed.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

RULE = """\
rules:
  - id: hostile/demo
    title: A hostile rule
    kind: formula
    severity: error
    rationale: Tries to escape the sandbox.
    sources: [none]
    select:
      a: {{dimension: count}}
    expect: {expect}
    examples: {{pass: [One.], fail: [Two.]}}
"""

EXPRESSIONS = {
    "attribute access": "\"().__class__.__bases__[0].__subclasses__() < a\"",
    "dunder name": "\"__builtins__ < a\"",
    "import": "\"__import__('os').system('touch MARKER') < a\"",
    "call outside the whitelist": "\"open('MARKER', 'w') < a\"",
    "eval": "\"eval('1') < a\"",
    "huge power": "\"a < 9**9**9\"",
    "huge literal power": "\"a < 10**1000\"",
    "string growth": "\"a < len('x' * 10**10)\"",
    "string repetition": "\"'x' * 999999999 < a\"",
    "lambda": "\"(lambda: 1)() < a\"",
    "comprehension": "\"[x for x in (1, 2)] < a\"",
    "walrus": "\"(b := 1) < a\"",
    "subscript": "\"a[0] < 1\"",
    "f-string": "\"f'{a}' < a\"",
}

FILES = {
    "python object tag": 'rules:\n  - !!python/object/apply:os.system ["touch MARKER"]\n',
    "python name tag": "rules:\n  - id: !!python/name:os.system x\n",
    "custom tag": "rules:\n  - !include /etc/passwd\n",
    "duplicate key": RULE.format(expect="a < 1").replace("    severity: error\n",
                                                         "    severity: error\n    severity: info\n"),
    "merge key": "base: &b {title: x}\nrules:\n  - <<: *b\n    id: a/b\n",
    "alias bomb": (
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n"
                  for i in range(8))
        + "rules: *i\n"
    ),
    "deep nesting": "rules: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep block nesting": "rules:\n" + "- " * 5000 + "x\n",
    "not utf-8": None,
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def assert_refused(workdir: Path, name: str, code: int, output: str, line: int | None = None) -> None:
    assert code == 2, output
    assert output.startswith(f"factcheck: {name}:"), output
    if line is not None:
        assert output.startswith(f"factcheck: {name}:{line}:"), output
    assert "Traceback" not in output
    assert not (workdir / "MARKER").exists()


@pytest.mark.parametrize("expression", list(EXPRESSIONS.values()), ids=list(EXPRESSIONS))
def test_hostile_expressions_are_refused_at_load_with_their_line(workdir: Path, expression: str) -> None:
    (workdir / "hostile.yaml").write_text(RULE.format(expect=expression), encoding="utf-8")
    started = time.monotonic()
    code, output = run("rules", "list", "--rules", "hostile.yaml")
    assert time.monotonic() - started < 10
    assert_refused(workdir, "hostile.yaml", code, output, line=10)
    assert "expect:" in output


CONSTANTS = {
    "unit arithmetic": "\"1 t*9**9**9\"",
    "unit call": "\"1 __import__('os')\"",
    "infinite number": "\"1e999 t\"",
}


@pytest.mark.parametrize("constant", list(CONSTANTS.values()), ids=list(CONSTANTS))
def test_hostile_constants_are_refused_at_load(workdir: Path, constant: str) -> None:
    constants = "    constants: {c: " + constant + "}\n"
    text = RULE.format(expect="a < c").replace("    expect:", constants + "    expect:")
    (workdir / "hostile.yaml").write_text(text, encoding="utf-8")
    started = time.monotonic()
    code, output = run("rules", "list", "--rules", "hostile.yaml")
    assert time.monotonic() - started < 10
    assert_refused(workdir, "hostile.yaml", code, output, line=10)


@pytest.mark.parametrize("name", list(FILES))
def test_hostile_yaml_is_refused_at_load(workdir: Path, name: str) -> None:
    path = workdir / "hostile.yaml"
    if FILES[name] is None:
        path.write_bytes(RULE.format(expect="a < 1").replace("A hostile", "Une r\xe8gle").encode("latin-1"))
    else:
        path.write_text(FILES[name], encoding="utf-8")
    started = time.monotonic()
    code, output = run("rules", "list", "--rules", "hostile.yaml")
    assert time.monotonic() - started < 10
    assert_refused(workdir, "hostile.yaml", code, output)


def test_check_refuses_a_hostile_rule_before_reading_any_article(workdir: Path) -> None:
    (workdir / "hostile.yaml").write_text(RULE.format(expect=EXPRESSIONS["import"]), encoding="utf-8")
    (workdir / "article.txt").write_text("They sent 1,000 containers.\n", encoding="utf-8")
    code, output = run("check", "article.txt", "--rules", "hostile.yaml", "--no-cache", "--jobs", "1")
    assert_refused(workdir, "hostile.yaml", code, output, line=10)


def test_rules_test_refuses_a_hostile_rule(workdir: Path) -> None:
    hostile = RULE.format(expect=EXPRESSIONS["attribute access"])
    (workdir / "hostile.yaml").write_text(hostile, encoding="utf-8")
    code, output = run("rules", "test", "--rules", "hostile.yaml")
    assert_refused(workdir, "hostile.yaml", code, output, line=10)


def test_an_oversized_rule_file_is_refused_without_parsing(workdir: Path) -> None:
    path = workdir / "big.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("# " + "x" * 2_000_000 + "\n")
    code, output = run("rules", "list", "--rules", "big.yaml")
    assert code == 2 and "too large" in output

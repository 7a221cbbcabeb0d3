"""The GitHub Actions workflow in docs/ci.md runs as documented.

The workflow is read from the page with a YAML parser; its steps are the documented ones, and the
commands its `run:` steps run are executed, in order, in a workspace laid out as the page assumes
(articles/ with their committed reports/, the checkout of factcheck under tools/factcheck). The
install step runs for real when FACTCHECK_ACTIONS_VENV names a fresh virtual environment (as
.ci/run does, which then runs every later step with what it installed); elsewhere it is checked
for its form and the suite's own install stands in for it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = {
    "articles/budget.txt": "The council will spend £4 million on roads, up from £3 million, a rise of 50%.\n",
    "articles/transport/buses.txt": "The town bought 40 buses this year, twice as many as the 20 it "
                                    "bought last year.\n",
}
# What each step must exit with: the annotation step fails the job on the planted fail (it runs
# `if: always()`, as do the SARIF steps, whose `|| test $? -eq 1` keeps findings from failing them).
EXPECTED = {"Install factcheck": 0, "Reports are up to date": 0, "Annotate the pull request": 1,
            "SARIF for code scanning": 0}


def workflow() -> dict:
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = page.split("## GitHub Actions", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert block is not None, "docs/ci.md: no yaml block under '## GitHub Actions'"
    return YAML(typ="safe", pure=True).load(block.group(1))


def test_the_workflow_parses_and_has_the_documented_steps() -> None:
    flow = workflow()
    assert flow["name"] == "factcheck"
    assert flow["on"] == ["push", "pull_request"]
    steps = flow["jobs"]["factcheck"]["steps"]
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/cache",
                    "github/codeql-action/upload-sarif"]
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    upload = steps[-1]
    assert upload["with"]["sarif_file"] == "factcheck.sarif" and upload["if"] == "always()"
    assert [step["name"] for step in steps if "run" in step] == list(EXPECTED)


def test_the_workflow_commands_run_as_documented(tmp_path: Path) -> None:
    steps = [step for step in workflow()["jobs"]["factcheck"]["steps"] if "run" in step]
    workspace = tmp_path / "repo"
    for name, text in ARTICLES.items():
        (workspace / name).parent.mkdir(parents=True, exist_ok=True)
        (workspace / name).write_text(text, encoding="utf-8")
    (workspace / "tools").mkdir()
    (workspace / "tools" / "factcheck").symlink_to(ROOT, target_is_directory=True)
    venv = os.environ.get("FACTCHECK_ACTIONS_VENV")
    bin_dir = Path(venv) / "bin" if venv else Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path / "home"),
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "CI": "true"}
    env.pop("XDG_CACHE_HOME", None)  # the cache step caches ~/.cache/factcheck

    def shell(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "-e", "-c", command], cwd=workspace, env=env, capture_output=True,
                              text=True)

    for step in steps:
        command = step["run"]
        if step["name"] == "Install factcheck":
            documented = r"pip install -c tools/factcheck/constraints\.txt \./tools/factcheck\s*(#.*)?"
            assert re.fullmatch(documented, command.strip()), command
            if not venv:
                continue
        if step["name"] == "Reports are up to date":  # committed once, as the page says first
            assert shell("factcheck check articles/ --report-dir reports/").returncode == 1
        result = shell(command)
        assert result.returncode == EXPECTED[step["name"]], (step["name"], result.stdout, result.stderr)
        if step["name"] == "Annotate the pull request":
            assert result.stdout.startswith("::error file=articles/budget.txt,line=1,col=")
    assert (workspace / "reports" / "index.md").is_file()
    assert (tmp_path / "home" / ".cache" / "factcheck").is_dir()  # what the cache step keeps
    assert "## factcheck" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    sarif = json.loads((workspace / "factcheck.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [item["ruleId"] for item in results] == ["arithmetic/percent-change"]
    assert all(item["level"] == "none" for item in results if item["kind"] != "fail")
    if venv:  # the workflow's own install, not the suite's, ran the steps
        assert (Path(venv) / "bin" / "factcheck").is_file()

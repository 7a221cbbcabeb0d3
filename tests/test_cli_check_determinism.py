"""Reports are byte-identical between runs, worker counts and hash seeds (separate processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = {
    "a/mandate.txt": "Russia vetoed a proposal in the UN Security Council to prolong the mandate of a panel "
                     "of experts for 15 years.\n\nAbout 40% of members abstained, and 3 objected.\n",
    "a/renewal.txt": "The Security Council voted to extend the sanctions panel's mandate for 12 months.\n",
    "b/figures.md": "Sales rose from 200 to 250, up 25%, while costs fell 8% to 9.2 billion euros.\n",
    "b/zero.txt": "No figures at all in this one.\n",
}


def _run(cwd: Path, out: str, seed: str, jobs: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "CI": "true"}
    result = subprocess.run([sys.executable, "-m", "factcheck", "check", "corpus", "--report-dir", out,
                             "--no-cache", "--jobs", jobs], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    files = sorted(p for p in (cwd / out).rglob("*") if p.is_file())
    return {str(p.relative_to(cwd / out)): p.read_bytes() for p in files}


def test_reports_do_not_depend_on_hash_seed_or_workers(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    first = _run(tmp_path, "one", "1", "2")
    second = _run(tmp_path, "two", "987654", "1")
    assert sorted(first) == [".factcheck-manifest", "a/mandate.html", "a/mandate.md", "a/renewal.html",
                             "a/renewal.md", "b/figures.html", "b/figures.md", "b/zero.html", "b/zero.md",
                             "index.html", "index.md"]
    assert first == second
    assert all(str(tmp_path).encode() not in data for data in first.values())

"""`--engine dask`: the same results as the local pool, on a `dask.distributed.LocalCluster`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

distributed = pytest.importorskip("dask.distributed", reason="the optional extra 'dask' is not installed")

RULES = str(Path(__file__).resolve().parents[1] / "rules" / "un.yaml")
ARTICLES = {
    "veto.txt": "Russia vetoed a proposal in the UN Security Council to prolong the mandate of a panel of "
                "experts for 15 years.\n",
    "renewal.txt": "The Security Council voted to extend the sanctions panel's mandate for 12 months.\n",
    "crowd.txt": "The home side won 3-1 in front of 42,000 fans.\n",
}


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "corpus", "--rules", RULES, "--format", "json", "--no-cache",
                                      "--no-progress", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_dask_cluster_gives_the_local_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in ARTICLES.items():
        (tmp_path / "corpus").mkdir(exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    local = _check("--jobs", "2")
    assert local[0] == 1
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        assert _check("--engine", "dask", "--scheduler", cluster.scheduler_address) == local

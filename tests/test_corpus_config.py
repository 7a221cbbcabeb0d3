"""`[tool.factcheck]` in pyproject.toml: found upward from the cwd, validated with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.corpus.config import ConfigError, find_config, load_config


def _project(root: Path, table: str) -> Path:
    path = root / "pyproject.toml"
    path.write_text('[project]\nname = "news"\n\n[tool.factcheck]\n' + table + "\n[tool.other]\nx = 1\n",
                    encoding="utf-8")
    return path


def test_found_from_a_subfolder_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    path = _project(tmp_path, 'rules = ["packs/", "extra.yaml"]\nfail-on = "warning"\njobs = 3\n'
                              'report-dir = "reports"\n')
    deep = tmp_path / "articles" / "2024"
    deep.mkdir(parents=True)
    assert find_config(deep) == path
    config = load_config(path)
    assert config.rules == (str(tmp_path / "packs/"), str(tmp_path / "extra.yaml"))
    assert (config.fail_on, config.jobs, config.report_dir) == ("warning", 3, str(tmp_path / "reports"))


def test_a_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    outer = _project(tmp_path, "jobs = 2\n")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "pkg"\n', encoding="utf-8")
    assert find_config(inner) == outer


def test_unknown_key_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = _project(tmp_path, 'jobs = 2\n\n"fail_on" = "error"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:7: unknown key 'fail_on'")
    assert "fail-on" in str(caught.value)  # the known keys are listed


@pytest.mark.parametrize(("line", "wrong"), [
    ('jobs = 0', "jobs must be"),
    ('jobs = true', "jobs must be"),
    ('fail-on = "info"', "fail-on must be one of error, warning"),
    ('rules = ["a", 3]', "rules must be"),
    ('format = "pdf"', "format must be one of"),
])
def test_wrong_values_are_reported_with_line(tmp_path: Path, line: str, wrong: str) -> None:
    path = _project(tmp_path, f"report-dir = 'r'\n{line}\n")
    with pytest.raises(ConfigError, match=rf"^{path}:6: {wrong}"):
        load_config(path)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.factcheck]\njobs = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}: invalid TOML: .*line 2"):
        load_config(find_config(tmp_path))


def test_no_file_means_no_settings() -> None:
    config = load_config(None)
    assert config.source is None and config.rules is None and config.jobs is None

"""The rule packs ship inside the package: the repository's rules/ folder is the package
`factcheck.packs` (setuptools `package-dir`), so a wheel carries them and an editable install
reads them in place. The wheel itself is built and installed by .ci/run."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

from factcheck.rules.loader import default_rule_paths

ROOT = Path(__file__).resolve().parents[1]


def test_every_sub_package_is_listed_for_the_wheel() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for init in (ROOT / "factcheck").rglob("__init__.py")}
    assert set(setuptools["packages"]) == found | {"factcheck.packs"}
    assert setuptools["package-dir"] == {"factcheck.packs": "rules"}


def test_the_shipped_packs_are_the_rules_folder() -> None:
    shipped = resources.files("factcheck.packs")
    assert Path(str(shipped)).resolve() == (ROOT / "rules").resolve()
    in_folder = sorted(path.name for path in (ROOT / "rules").glob("*.yaml"))
    assert [path.name for path in default_rule_paths()] == in_folder


def test_ci_runs_hypothesis_derandomised() -> None:
    """tests/conftest.py: under CI=true every run tries the same examples, so a red build reproduces."""
    from hypothesis import settings

    profile = settings.get_profile("ci")
    assert profile.derandomize and profile.database is None


def _data_files(folder: Path) -> list[str]:
    """Files of the package in `folder` that are not Python, with those of its plain sub-folders."""
    found = []
    for path in sorted(folder.rglob("*")):
        inner = path.relative_to(folder)
        owners = [folder / Path(*inner.parts[:end]) for end in range(1, len(inner.parts))]
        if (path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in inner.parts
                and not any((owner / "__init__.py").exists() for owner in owners)):
            found.append(inner.as_posix())
    return found


def test_every_data_file_is_package_data() -> None:
    """A file the code reads (not Python) must match a package-data glob of its package, or the
    wheel would lack it while an editable install still worked."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    for package in setuptools["packages"]:
        folder = ROOT / setuptools["package-dir"].get(package, package.replace(".", "/"))
        globs = setuptools["package-data"].get(package, [])
        for name in _data_files(folder):
            assert any(fnmatch(name, glob) for glob in globs), f"{package}: {name} is not in package-data"

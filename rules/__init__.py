"""The rule packs shipped with factcheck: installed as the package `factcheck.packs`, whose YAML
files the loader reads through importlib.resources (see `package-dir` in pyproject.toml)."""

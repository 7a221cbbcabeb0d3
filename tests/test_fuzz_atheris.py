"""Coverage-guided fuzzing of the reader and the extractor with atheris (extra `fuzz`).

Run longer by hand:  python tests/test_fuzz_atheris.py -runs=200000 -max_len=4000 -len_control=0
The test runs a bounded campaign in a subprocess (atheris ends its process when done) and is
skipped when atheris is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

SUFFIXES = (".txt", ".md", ".html", ".jsonl")


def test_a_bounded_atheris_campaign_finds_nothing(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    done = subprocess.run([sys.executable, __file__, "-runs=400", "-max_len=2000", "-len_control=0",
                           "-seed=1", f"-artifact_prefix={tmp_path}/"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]


def _fuzz() -> None:
    import atheris
    import charset_normalizer  # noqa: F401  (imported first: instrument our code, not libraries)
    import pandas  # noqa: F401
    import trafilatura  # noqa: F401

    with atheris.instrument_imports(include=["factcheck"]):
        from factcheck.documents import Document, clean, read_documents
        from factcheck.extract import extract
        from factcheck.extract.schema import validate

    folder = tempfile.mkdtemp(prefix="factcheck-fuzz-")

    def check(text: str) -> None:
        table = extract(text, doc="fuzz")
        validate(table, {"fuzz": text})

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        suffix = SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
        as_text = provider.ConsumeBool()
        rest = provider.ConsumeBytes(len(data))
        if as_text:
            check(clean(rest.decode("utf-8", errors="replace")))
            return
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as out:
            out.write(rest)
        for item in read_documents([path], max_bytes=100_000):
            if isinstance(item, Document):
                check(item.text)
            else:
                assert item.message and "\n" not in item.message

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    _fuzz()

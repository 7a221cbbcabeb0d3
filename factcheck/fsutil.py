"""Atomic file writes: a reader (or a crash) never sees a half-written report or cache entry."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder and an atomic rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; new files get 0644 (mkstemp alone would make them 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 with `\\n` line endings, atomically (see `atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"))

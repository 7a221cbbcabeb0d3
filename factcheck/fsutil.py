"""Files written so that a reader, a crash or a hostile folder never sees or causes harm.

`atomic_write_bytes` replaces a file through a temporary file and a rename, so no reader (and no
killed run) ever sees half of it. `SafeFolder` is the one way factcheck touches a report folder:
every path inside it is walked one component at a time with `O_NOFOLLOW`, so a symbolic link (or
anything not a folder or regular file) inside the folder is refused rather than followed, and
nothing is ever written, read or deleted outside it. The folder itself is taken as named.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
# Folders whose checked descriptors a `SafeFolder` keeps open at most (a bound on the descriptors
# a run holds, whatever the depth and breadth of its report folder); others are walked each time.
MAX_KEPT_FOLDERS = 64
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 16


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


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; renamed onto `path` when the block ends normally
    and deleted when it raises (or is interrupted), so `path` is either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        yield Path(temp)
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
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


# File systems refuse names over 255 bytes; room is left for suffixes and temporary-file prefixes.
MAX_NAME_BYTES = 120


def bounded_name(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """`name` cut to `limit` UTF-8 bytes, ending with a digest of the whole when cut, so that
    distinct long names stay distinct and the same name always gives the same result."""
    raw = name.encode("utf-8", "surrogatepass")
    if len(raw) <= limit:
        return name
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return raw[:limit - len(digest) - 1].decode("utf-8", "ignore") + "-" + digest


class UnsafePath(OSError):
    """A path inside a `SafeFolder` that passes through a link or a non-folder, or is not a regular file."""


class SafeFolder:
    """A folder whose files are written (atomically), read and deleted without following links.

    Names are relative POSIX paths (`a/b.md`); one that is absolute or climbs with `..` is refused.
    Errors are `OSError`s naming the full path, so the caller can print one line and stop.

    With `keep_open` (a run writing thousands of reports into a few folders) the descriptor of each
    folder, once walked and checked, is kept and used for every later file in it, instead of walking
    and checking every component again per file. A folder whose name is replaced by a link later
    still receives nothing through the link: the run goes on using the folder it checked, wherever
    that folder now is (moving it elsewhere takes the right to write there). One removed meanwhile
    is walked (and checked) again.
    """

    def __init__(self, root: Path, keep_open: bool = False) -> None:
        self.root = root
        # The kept descriptors, by folder parts (the folder itself is ()); closed with this object.
        self._kept: dict[tuple[str, ...], int] | None = None
        if keep_open:
            self._kept = {}
            weakref.finalize(self, _close_all, self._kept)

    def close(self) -> None:
        """Close the kept descriptors (later calls walk and keep them again)."""
        if self._kept:
            _close_all(self._kept)

    def _parts(self, name: str) -> tuple[list[str], str]:
        # As PurePosixPath(name).parts, without its cost (a run reads and writes thousands of files).
        parts = [part for part in name.split("/") if part not in ("", ".")]
        if not parts or name.startswith("/") or ".." in parts:
            raise UnsafePath(0, "not a name inside the folder", str(self.root / name))
        return parts[:-1], parts[-1]

    def _open_folder(self, folders: list[str], create: bool) -> int:
        """A descriptor of the sub-folder `folders`, every component checked not to be a link."""
        flags = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.root, flags)
        except FileNotFoundError:
            if not create:
                raise
            self.root.mkdir(parents=True, exist_ok=True)  # once: later writes find it
            fd = os.open(self.root, flags)
        try:
            for depth, part in enumerate(folders, start=1):
                try:
                    inner = os.open(part, _DIR_FLAGS, dir_fd=fd)
                except FileNotFoundError:
                    if not create:
                        raise
                    with contextlib.suppress(FileExistsError):
                        os.mkdir(part, 0o777, dir_fd=fd)
                    inner = self._open_inner(fd, part, self.root.joinpath(*folders[:depth]))
                except OSError as exc:
                    raise self._refusal(fd, part, self.root.joinpath(*folders[:depth])) from exc
                os.close(fd)
                fd = inner
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _folder(self, folders: list[str], create: bool) -> tuple[int, bool]:
        """A descriptor of the sub-folder `folders` (see `_open_folder`), and whether it is kept
        (else the caller closes it)."""
        kept = self._kept
        if kept is None:
            return self._open_folder(folders, create), False
        key = tuple(folders)
        fd = kept.get(key)
        if fd is None:
            fd = self._open_folder(folders, create)
            if len(kept) >= MAX_KEPT_FOLDERS:
                return fd, False
            kept[key] = fd
        return fd, True

    def _gone(self, folders: list[str], fd: int, is_kept: bool) -> bool:
        """Whether kept descriptor `fd` is of a folder removed since it was checked (then forgotten,
        so that the next walk checks what now has its name)."""
        if not is_kept or os.fstat(fd).st_nlink:
            return False
        assert self._kept is not None
        del self._kept[tuple(folders)]
        os.close(fd)
        return True

    def _release(self, fd: int, is_kept: bool) -> None:
        if not is_kept:
            os.close(fd)

    def _open_inner(self, fd: int, part: str, walked: Path) -> int:
        try:
            return os.open(part, _DIR_FLAGS, dir_fd=fd)
        except OSError as exc:
            raise self._refusal(fd, part, walked) from exc

    @staticmethod
    def _refusal(fd: int, part: str, walked: Path) -> OSError:
        try:
            mode = os.stat(part, dir_fd=fd, follow_symlinks=False).st_mode
        except OSError as exc:
            return exc
        what = "a symbolic link" if stat.S_ISLNK(mode) else "not a folder"
        return UnsafePath(0, f"is {what}; factcheck does not follow or replace it", str(walked))

    def write_bytes(self, name: str, data: bytes) -> None:
        """Replace `name` atomically; a link already at `name` is replaced, never followed."""
        folders, base = self._parts(name)
        fd, is_kept = self._folder(folders, create=True)
        try:
            self._write_in(fd, base, name, data)
        except FileNotFoundError as exc:
            if not self._gone(folders, fd, is_kept):
                raise OSError(exc.errno, exc.strerror or str(exc), str(self.root / name)) from exc
            self.write_bytes(name, data)  # into what now has the folder's name, checked afresh
        finally:
            self._release(fd, is_kept)

    def _write_in(self, fd: int, base: str, name: str, data: bytes) -> None:
        temp = f".{base[:80]}.{secrets.token_hex(6)}.tmp"
        try:
            try:
                existing = os.stat(base, dir_fd=fd, follow_symlinks=False).st_mode
            except FileNotFoundError:
                existing = stat.S_IFREG | 0o644
            if stat.S_ISDIR(existing):
                raise UnsafePath(0, "is a folder, not a file factcheck writes", str(self.root / name))
            mode = existing & 0o777 if stat.S_ISREG(existing) else 0o644
            out = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode, dir_fd=fd)
            try:
                os.fchmod(out, mode)  # the umask would otherwise narrow it
                with os.fdopen(out, "wb") as handle:
                    handle.write(data)
                os.replace(temp, base, src_dir_fd=fd, dst_dir_fd=fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp, dir_fd=fd)
                raise
        except (UnsafePath, FileNotFoundError):
            raise
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.root / name)) from exc

    def read_bytes(self, name: str, touch: bool = False) -> bytes | None:
        """The bytes of regular file `name`; None when it does not exist. A link or a special file
        (a FIFO would block) raises `UnsafePath` instead of being opened. `touch` sets its
        modification time to now (a cache's record of use)."""
        folders, base = self._parts(name)
        try:
            fd, is_kept = self._folder(folders, create=False)
        except FileNotFoundError:
            return None
        try:
            try:
                handle = os.open(base, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | _CLOEXEC, dir_fd=fd)
            except FileNotFoundError:
                return self.read_bytes(name, touch) if self._gone(folders, fd, is_kept) else None
            except OSError as exc:
                raise self._refusal(fd, base, self.root / name) from exc
            try:
                status = os.fstat(handle)
                if not stat.S_ISREG(status.st_mode):
                    raise UnsafePath(0, "is not a regular file", str(self.root / name))
                if touch:
                    with contextlib.suppress(OSError):
                        os.utime(handle)
                # Plain reads to the end (the size is a hint: the file may change meanwhile).
                chunks = [os.read(handle, status.st_size + 1)]
                while chunks[-1]:
                    chunks.append(os.read(handle, max(status.st_size, _CHUNK)))
                return b"".join(chunks)
            finally:
                os.close(handle)
        finally:
            self._release(fd, is_kept)

    def delete(self, name: str) -> bool:
        """Delete regular file `name` (a link or anything else is left alone); True when deleted."""
        folders, base = self._parts(name)
        try:
            fd, is_kept = self._folder(folders, create=False)
        except OSError:
            return False
        try:
            if not stat.S_ISREG(os.stat(base, dir_fd=fd, follow_symlinks=False).st_mode):
                return False
            os.unlink(base, dir_fd=fd)
            return True
        except FileNotFoundError:
            return self.delete(name) if self._gone(folders, fd, is_kept) else False
        finally:
            self._release(fd, is_kept)


def _close_all(descriptors: dict[tuple[str, ...], int]) -> None:
    for fd in descriptors.values():
        with contextlib.suppress(OSError):
            os.close(fd)
    descriptors.clear()

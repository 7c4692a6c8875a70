"""What the batch says about a file before and after its worker: which files a batch finds,
how their names print, why one cannot be read at all, and why its worker stopped."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator
from pathlib import Path


def _printable(raw: bytes) -> str:
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def display_name(path: Path) -> str:
    """A file name that prints and stores safely: bad bytes and control characters escaped."""
    return _printable(os.fsencode(path.name))


def display_path(path: Path | str) -> str:
    """The whole path, escaped like `display_name`."""
    return _printable(os.fsencode(path))


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; hidden files skipped.

    Links to folders are not followed (a link may loop, or lead out of the inbox), but they
    are yielded, so the batch reports them instead of passing over them in silence."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
                for name in sorted(names + linked):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def unreadable(path: Path, max_mb: int) -> str | None:
    """Why a file cannot be ingested at all (no such file, a folder, empty, too large), or
    None."""
    if path.is_symlink() and not path.exists():
        return "broken link: the file it points to does not exist"
    if not path.exists():
        return "no such file"
    if path.is_dir():
        return ("a link to a folder (links to folders are not followed)" if path.is_symlink()
                else "is a folder, not a file")
    if not path.is_file():
        return "not a regular file"
    size = path.stat().st_size
    if size == 0:
        return "empty file (0 bytes)"
    if size > max_mb * 1024 * 1024:
        return f"too large ({size / 1048576:.0f} MB; the limit is {max_mb} MB)"
    return None


def inboxes(paths: list[Path]) -> list[Path]:
    """The folders an ingest reads, resolved: each folder named, and the folder of each file
    named. A link is followed only to a file inside one of them."""
    return [(p if p.is_dir() and not p.is_symlink() else p.absolute().parent).resolve()
            for p in paths]


def link_outside(path: Path, folders: list[Path]) -> str | None:
    """Why a link is not followed (it leads out of the folders being ingested), or None.
    An archive unpacked into the inbox may hold links to /etc/passwd or a home folder;
    those would be kept, searchable and served."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if any(target.is_relative_to(folder) for folder in folders):
        return None
    return (f"a link to a file outside the folder being ingested ({display_path(target)}); "
            "links are followed only to files inside it")





def crash_reason(exitcode: int | None) -> str:
    """A worker's end, in words: the signal that killed it or its exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return f"the parser crashed ({name}); the file is probably corrupt"
    return f"the worker process stopped unexpectedly (exit code {exitcode})"

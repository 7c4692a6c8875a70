"""What the batch says about a file before and after its worker: why it cannot be read at all,
and why its worker stopped."""

from __future__ import annotations

import signal
from pathlib import Path


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


def crash_reason(exitcode: int | None) -> str:
    """A worker's end, in words: the signal that killed it or its exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return f"the parser crashed ({name}); the file is probably corrupt"
    return f"the worker process stopped unexpectedly (exit code {exitcode})"

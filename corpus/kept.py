"""Kept source files: the bytes an ingest reads are the bytes it keeps.

A new file is copied into the archive's `files/incoming/<pid>/<n>/` under its own name while
its bytes are hashed; the worker parses that copy, and the copy is renamed to its sha256 when
the document is stored. A file replaced in the inbox meanwhile changes nothing: the text, the
id and the kept bytes all come from one read. Each ingest process stages in its own folder,
and a folder left by a process that ended (a kill) is swept by the next ingest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

INCOMING = "incoming"
_CHUNK = 1 << 20


def copy_hashing(source: Path, target: Path) -> str:
    """Copy `source` to `target` (flushed to disk) and return the sha256 of the bytes copied.
    A source that cannot be opened raises OSError before anything is written."""
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Incoming:
    """This process's staging folder under the archive's `files/`."""

    def __init__(self, files: Path) -> None:
        self.root = files / INCOMING
        self.mine = self.root / str(os.getpid())
        self.count = 0

    def stage(self, source: Path) -> tuple[Path, str]:
        """A copy of `source` in its own folder (so two inbox files of one name never meet),
        and the sha256 of its bytes. OSError when the source cannot be read or the copy not
        written; the half copy is removed."""
        self.count += 1
        folder = self.mine / str(self.count)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / source.name
        try:
            return target, copy_hashing(source, target)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    def clear(self) -> None:
        """Remove what this process staged and did not keep."""
        shutil.rmtree(self.mine, ignore_errors=True)

    def sweep(self) -> None:
        """Remove the staging folders of ingest processes that ended without clearing theirs."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.name.isdigit() and not _alive(int(folder.name)):
                shutil.rmtree(folder, ignore_errors=True)

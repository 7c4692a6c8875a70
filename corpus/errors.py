"""The project's own errors. Both `corpus` and `pipeline` raise them, so they live here.

Two kinds matter to a user: bad input (their file) and everything else (our defect or set-up).
The CLI and the web page catch `SekretarError` at the edge and show its message as one line.
"""

from __future__ import annotations


class SekretarError(Exception):
    """Base of every error the project raises on purpose."""


class InputError(SekretarError):
    """A file we cannot read: encrypted, corrupt, empty, too large, unsupported.

    The message is a plain reason ("encrypted: password required"); the file name is added by
    whoever knows it (the batch, the CLI).
    """


class ModelMissing(SekretarError):
    """A language model or translation package is not installed; the message says how to get it."""

    def __init__(self, what: str, how: str) -> None:
        super().__init__(f"{what} is not installed. {how}")
        self.what = what
        self.how = how


class ConfigError(SekretarError):
    """A setting, flag or data folder is wrong."""


class NotFound(SekretarError):
    """A document, entity or session asked for by the user does not exist."""


class StoreError(SekretarError):
    """The archive could not be read or written (disk full, corrupt database, locked)."""


class DamagedArchive(StoreError):
    """The archive's database fails SQLite's own check: reading on may give wrong answers and
    writing would spread the damage, so a writer refuses it and the message says what to do."""

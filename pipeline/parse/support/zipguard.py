"""The zip-bomb guard: judge an Office package from its central directory alone.

A DOCX is a zip archive, and a small archive can claim gigabytes once decompressed. Before any
library inflates a single part we read the central directory (which costs nothing to
decompress) and refuse archives that are too big, too compressed, too crowded or that name
parts outside the package. Python's `zipfile` never inflates an entry past the size the
directory declares, so the declared sizes bound what a later reader can allocate.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from corpus.errors import InputError
from pipeline.parse.options import DEFAULT_OPTIONS, ParseOptions

MB = 1024 * 1024
#: sizes below this are ignored for the ratio test: they cannot hurt whatever their ratio, and
#: real documents hold XML, images and embedded objects of a megabyte or two that compress
#: more than 100 times (an EMF picture with blank areas in tika's embedded_pdf sample: 130x).
RATIO_FLOOR_BYTES = 4 * MB
MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class ZipLimits:
    """How big and how compressed an archive may be; defaults are the settings' defaults."""

    max_unzipped_mb: float = DEFAULT_OPTIONS.max_unzipped_mb
    max_ratio: float = DEFAULT_OPTIONS.max_zip_ratio
    max_entries: int = MAX_ENTRIES

    @classmethod
    def from_options(cls, options: ParseOptions) -> ZipLimits:
        """The limits a source's options set (`max_unzipped_mb`, `max_zip_ratio`)."""
        return cls(max_unzipped_mb=options.max_unzipped_mb, max_ratio=options.max_zip_ratio)


#: what zipfile raises on a malformed archive, opening it or reading a part: NotImplementedError
#: for a zip version or method it does not know, RuntimeError for an encrypted part (all found
#: by fuzzing). Parsers catch these where they look inside a zip.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
              ValueError, NotImplementedError, RuntimeError)


def open_checked(file: str | IO[bytes], limits: ZipLimits, what: str = "DOCX") -> zipfile.ZipFile:
    """Open the archive and check it against `limits`; the caller closes it.

    Raises `InputError` ("corrupt DOCX: ..." or "too large: ...") instead of any zipfile error.
    """
    try:
        archive = zipfile.ZipFile(file)
    except ZIP_ERRORS as err:
        raise InputError(f"corrupt {what}: not a readable zip archive ({err})") from err
    try:
        check_entries(archive.infolist(), limits, what)
    except InputError:
        archive.close()
        raise
    return archive


def check_entries(entries: list[zipfile.ZipInfo], limits: ZipLimits, what: str = "DOCX") -> None:
    """Refuse an archive whose directory shows a bomb or an escaping part name."""
    if len(entries) > limits.max_entries:
        raise InputError(f"too large: {what} has {len(entries)} parts (limit {limits.max_entries})")
    for entry in entries:
        check_name(entry.filename, what)
        check_method(entry, what)
        check_ratio(entry.file_size, entry.compress_size, limits, f"part {entry.filename}")
    unzipped = sum(e.file_size for e in entries)
    if unzipped > limits.max_unzipped_mb * MB:
        raise InputError(
            f"too large: {what} unpacks to {unzipped / MB:.0f} MB "
            f"(limit {limits.max_unzipped_mb:g} MB)"
        )
    check_ratio(unzipped, sum(e.compress_size for e in entries), limits, "the archive")


def check_name(name: str, what: str = "DOCX") -> None:
    """Refuse absolute part names and names that climb out of the package with `..`."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    absolute = name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":")
    if absolute or ".." in parts:
        raise InputError(f"corrupt {what}: unsafe part name {name!r}")


#: the compression methods Office and OpenDocument packages use: stored and deflated
PACKAGE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
#: general-purpose flag bits zipfile cannot read: encrypted, compressed patched data, strong
#: encryption (an office package is never encrypted inside: a protected DOCX is an OLE file)
_UNREADABLE_FLAGS = {0x1: "is encrypted", 0x20: "holds patched data", 0x40: "is encrypted"}


def check_method(entry: zipfile.ZipInfo, what: str = "DOCX") -> None:
    """Refuse a part zipfile would fail on only when it is read (with NotImplementedError or
    RuntimeError, found by fuzzing): a compression method no office package uses, or a flag it
    cannot honour. (A zip version newer than it knows fails already in `zipfile.ZipFile`.)"""
    where = f"corrupt {what}: part {entry.filename!r}"
    if entry.compress_type not in PACKAGE_METHODS:
        raise InputError(f"{where} uses compression method {entry.compress_type}, "
                         "which office packages never use")
    for bit, says in _UNREADABLE_FLAGS.items():
        if entry.flag_bits & bit:
            raise InputError(f"{where} {says}")


def check_ratio(unzipped: int, compressed: int, limits: ZipLimits, where: str) -> None:
    """Refuse a compression ratio above the limit, ignoring sizes too small to matter."""
    if unzipped < RATIO_FLOOR_BYTES:
        return
    ratio = unzipped / max(compressed, 1)
    if ratio > limits.max_ratio:
        raise InputError(
            f"suspicious compression (zip bomb?): {where} expands {ratio:.0f} times "
            f"(limit {limits.max_ratio:g})"
        )

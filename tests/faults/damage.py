"""Six ways an archive's SQLite file gets damaged (a bad disk, a torn copy, a stray write),
applied to a copy: each returns nothing and changes the file in place, seeded, so a run is
repeatable."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

PAGE = 4096


def magic_bytes(path: Path) -> None:
    """The 16-byte header string "SQLite format 3" overwritten."""
    with open(path, "r+b") as handle:
        handle.write(b"NOT A DATABASE!\x00")


def page_size(path: Path) -> None:
    """The page size field (bytes 16-17) set to a value that is not a power of two."""
    with open(path, "r+b") as handle:
        handle.seek(16)
        handle.write(b"\x03\x01")


def middle_pages(path: Path) -> None:
    """A run of pages in the middle of the file overwritten with random bytes."""
    size = path.stat().st_size
    pages = size // PAGE
    rng = random.Random(1)
    with open(path, "r+b") as handle:
        for number in range(pages // 3, pages // 3 + max(2, pages // 6)):
            handle.seek(number * PAGE)
            handle.write(rng.randbytes(PAGE))


def truncation(path: Path) -> None:
    """The file cut to half its length (a copy that stopped)."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 2 // PAGE * PAGE)


def schema_page(path: Path) -> None:
    """Page 1 after the 100-byte header (the schema table) overwritten."""
    with open(path, "r+b") as handle:
        handle.seek(100)
        handle.write(random.Random(2).randbytes(PAGE - 100))


def random_bytes(path: Path) -> None:
    """One byte in every 200 flipped, all over the file."""
    data = bytearray(path.read_bytes())
    rng = random.Random(3)
    for _ in range(len(data) // 200):
        at = rng.randrange(100, len(data))
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "magic bytes": magic_bytes, "page size": page_size, "middle pages": middle_pages,
    "truncation": truncation, "schema page": schema_page, "random bytes": random_bytes,
}

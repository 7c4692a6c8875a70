"""Checks that the archive's kept source files are still what was ingested.

A document's id is the sha256 of its source bytes, and the kept copy is named by it, so a
copy whose bytes hash differently (bit rot, a manual edit, a half-restored backup) is found by
hashing it again. `sekretar check` reports these; nothing here repairs a file.
"""

from __future__ import annotations

import hashlib

from corpus.store import Store

_CHUNK = 1 << 20


def check_sources(store: Store) -> list[str]:
    """One line per stored document whose kept source file is missing or changed."""
    problems = []
    for row in store.conn.execute("SELECT id, source_name FROM documents ORDER BY source_name"):
        path = store.file_path(row["id"])
        if not path.exists():
            problems.append(f"{row['source_name']}: kept source file {path.name[:12]} is missing")
            continue
        digest = hashlib.sha256()
        with open(path, "rb") as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != row["id"]:
            problems.append(
                f"{row['source_name']}: kept source file has changed "
                f"(sha256 {digest.hexdigest()[:12]}, expected {row['id'][:12]})"
            )
    return problems

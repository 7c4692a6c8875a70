"""The minutes of a stored document, read now when the store has none (what `sekretar minutes`
calls).

A document ingested before the minutes stage existed, or without it, has no structure yet; it
is read from its stored blocks and saved, with the stage's version, so the next call is a
lookup. A roster changes who the speeches point to, so asking with one reads the document again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus.errors import InputError
from corpus.model import Document
from corpus.store import Store
from pipeline.minutes.roster import Roster
from pipeline.minutes.stage import VERSION, applies_to, read_minutes

STAGE_PREFIX = "minutes"


def minutes_of(store: Store, ref: str, roster_path: Path | None = None,
               on_saved: Callable[[Document], None] | None = None) -> tuple[Document, bool]:
    """The document with its minutes, and whether they were read (and saved) just now."""
    document = store.load_document(store.resolve(ref))
    if document.minutes is not None and roster_path is None:
        return document, False
    if not applies_to(document):
        raise InputError(f"{document.source_name} does not read as minutes (kind "
                         f"{document.kind}); ingest it with --kind minutes")
    roster = Roster.load(roster_path) if roster_path else None
    document.problems = [p for p in document.problems if not p.startswith(STAGE_PREFIX)]
    read_minutes(document, roster)
    if document.status != "failed":
        document.finish()
    store.save_document(document, stages={"minutes": VERSION})
    if on_saved is not None:
        on_saved(document)
    return document, True

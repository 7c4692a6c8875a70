"""Document lifecycle over the store and the index together: new versions found at ingest,
explicit supersession, corrections, the trash, listings and history.

The store records each change in one transaction with its audit entry (`store.versions`); this
module then brings the search index in line: a document that stops being current leaves it, one
that comes back or is corrected is indexed again. A crash between the two is caught up by the
next ingest or `sekretar check --repair`, since the change cleared the document's indexed mark.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from corpus.errors import NotFound
from corpus.model import Document
from corpus.renditions import content_key
from corpus.store import Store
from index.build import add_document, remove_documents
from index.catalog import date_number


@dataclass
class DocumentFilters:
    """What `documents` lists: the same filters as search, on document fields."""

    kind: str | None = None
    city: str | None = None
    session: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    include_all: bool = False


def meeting(document: Document) -> tuple[str, str, str] | None:
    """The meeting a minutes document records (number, date, language), when its header says
    both the number and the date: another document with the same is a new version of it."""
    session = document.minutes
    if document.kind != "minutes" or session is None or not session.number or not session.date:
        return None
    return (session.number, session.date, document.language)


@dataclass
class Stored:
    """What ingest's write did: the documents a new version replaced, or, for the same
    minutes in another format, the document it is a rendition of (`known` when that rendition
    was recorded before)."""

    replaced: list[str]
    rendition_of: str | None = None
    known: bool = False


def store_version(store: Store, document: Document, stages: dict[str, str],
                  source_path: str, reindex: bool = True) -> Stored:
    """Save a processed document (ingest's one write) and, when it is new to the archive, make
    it the next version of the documents it replaces (same source path, or minutes of the same
    meeting), all in one transaction; the replaced ones leave the index. Minutes of a current
    document's meeting with the same content in another format are recorded as a rendition of
    it instead, and nothing else changes."""
    with store.transaction():
        new = not store.has_document(document.id)
        original = rendition_target(store, document) if new else None
        if original is not None:
            added = store.renditions.add(original, document.id, document.source_name,
                                         document.media_type, source_path)
            return Stored([], original, known=not added)
        store.save_document(document, stages=stages, source_path=source_path, reindex=reindex)
        replaced = []
        if new:
            older = store.versions.predecessors(document.id, source_path, meeting(document))
            replaced = store.versions.supersede(older, document.id, "ingest")
    remove_documents(store, replaced)
    return Stored(replaced)


def rendition_target(store: Store, document: Document) -> str | None:
    """The current document that `document` is another format of: minutes of the same
    meeting and language with the same agenda, decisions and tallies, in another media type."""
    found = meeting(document)
    key = content_key(document.minutes)
    if found is None or key is None:
        return None
    for candidate in store.versions.predecessors(document.id, None, found):
        # only the candidate's media type and minutes are compared: its blocks are not read
        if (store.document_info(candidate)["media_type"] != document.media_type
                and content_key(store.minutes.load(candidate)) == key):
            return candidate
    return None


def correct_on_reingest(store: Store, document_id: str, kind: str | None,
                        collection: str | None) -> bool:
    """Apply a `--kind` or `--collection` given when re-ingesting a stored file, as a
    correction (in the audit log); True when something changed. The label becomes the session
    too, except of minutes that name their meeting."""
    changes = {k: v for k, v in (("kind", kind), ("collection", collection)) if v is not None}
    minutes = store.minutes.load(document_id) if collection is not None else None
    if collection is not None and (minutes is None or not minutes.date):
        changes["session"] = collection
    return bool(changes) and bool(_change(store, document_id, changes, "ingest")["new"])


def edit_document(store: Store, ref: str, changes: Mapping[str, str | None]) -> dict[str, Any]:
    """Correct a document's kind, session, title, date or city; {"document", "old", "new"}."""
    document_id = store.resolve(ref)
    return {"document": document_id, **_change(store, document_id, changes, "edit")}


def _change(store: Store, document_id: str, changes: Mapping[str, str | None],
            command: str) -> dict[str, Any]:
    done = store.versions.edit(document_id, changes, command)
    if done["new"]:
        _refresh(store, document_id)
    return done


def supersede_document(store: Store, old_ref: str, new_ref: str) -> list[str]:
    """Make `new_ref` the next version of `old_ref` (for versions the ingest rules cannot see:
    a renamed file, minutes without a number). Returns the ids superseded."""
    old_id, new_id = store.resolve(old_ref), store.resolve(new_ref)
    replaced = store.versions.supersede([old_id], new_id, "supersede")
    remove_documents(store, replaced)
    _refresh(store, new_id)
    return replaced


def delete_document(store: Store, ref: str) -> str:
    """Move a document to the trash: out of search, listings and resolutions until restored."""
    document_id = store.resolve(ref)
    store.versions.trash(document_id, "delete")
    remove_documents(store, [document_id])
    return document_id


def restore_document(store: Store, ref: str) -> str:
    """Bring a document back from the trash (searchable again if it is current); a file name
    names its trashed document first."""
    document_id = next((i for i in store.versions.trashed_ids()
                        if store.versions.row(i)["source_name"] == ref), None) or store.resolve(ref)
    store.versions.restore(document_id, "restore")
    _refresh(store, document_id)
    return document_id


def purge_trash(store: Store) -> list[dict[str, Any]]:
    """Delete the trashed documents for good, with their kept source files (none is used by
    another document: a file is kept under its sha256, which is the document's id) and their
    index entries. Returns {"document", "source_name", "file_removed"} for each."""
    done = []
    for document_id in store.versions.trashed_ids():
        name = store.versions.row(document_id)["source_name"]
        renditions = [r["sha256"] for r in store.renditions.of(document_id)]
        store.versions.purge(document_id, "purge")
        for sha in renditions:
            if not store.has_document(sha) and store.renditions.document_of(sha) is None:
                store.discard_file(sha)
        remove_documents(store, [document_id])
        done.append({"document": document_id, "source_name": name,
                     "file_removed": store.discard_file(document_id)})
    return done


def list_documents(store: Store, filters: DocumentFilters) -> list[dict[str, Any]]:
    """The documents `filters` select, by date (undated last) and source name."""
    rows = store.versions.listing(filters.kind, filters.city, filters.session,
                                  filters.language, filters.include_all)
    low = date_number(filters.date_from) if filters.date_from else 0
    high = date_number(filters.date_to, end=True) if filters.date_to else 0
    chosen = [r for r in rows if _in_range(date_number(r["date"]), low, high)]
    return sorted(chosen, key=lambda r: (date_number(r["date"]) or 99999999, r["source_name"]))


def _in_range(number: int, low: int, high: int) -> bool:
    if not (low or high):
        return True
    return bool(number) and (not low or number >= low) and (not high or number <= high)


def history(store: Store, ref: str) -> list[dict[str, Any]]:
    """Every version of a document, oldest first, numbered from 1, with its state."""
    return store.versions.history(store.resolve(ref))


def version_id(store: Store, ref: str, number: int) -> str:
    """The id of version `number` (from 1, as `history` numbers them) of a document."""
    versions = history(store, ref)
    if not 1 <= number <= len(versions):
        raise NotFound(f"{ref} has {len(versions)} version(s), not a version {number}")
    return str(versions[number - 1]["id"])


def audit_entries(store: Store, ref: str | None, limit: int) -> list[dict[str, Any]]:
    """The audit log, newest first; one document's entries when `ref` names one (a purged
    document by its full id, since only the log still knows it)."""
    if ref is None:
        return store.audit.entries(None, limit)
    try:
        document_id = store.resolve(ref)
    except NotFound:
        document_id = ref
    return store.audit.entries(document_id, limit)


def _refresh(store: Store, document_id: str) -> None:
    """Index the document again if it is current (its fields changed), else take it out."""
    if store.versions.state(document_id) == "current":
        add_document(store, store.load_document(document_id))
    else:
        remove_documents(store, [document_id])

"""The archive as one reader may see it: every page and API answer goes through a `Reader`.

A reader sees the documents whose visibility is in `seen` (corpus.users.SEES: published for a
delegate or an anonymous reader; internal and drafts too for editors and the secretariat). A
document it may not see does not exist for it: its page, original file, renditions, export and
API answer are "no document" (404, as for an id that was never stored), searches and facets
leave its blocks out, listings do not count it, entity and session pages leave it out.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from fastapi import Request

from corpus.errors import NotFound
from corpus.messages import Message
from corpus.model import Document
from corpus.review import status
from pipeline.web.service import SearchRequest, WebService


def reader(request: Request) -> Reader:
    """The reader of this request (set up by auth.py's middleware)."""
    web: WebService = request.app.state.web
    return Reader(web, getattr(request.state, "seen", ("published",)))


class Reader:
    """`WebService` narrowed to the documents of the visibilities in `seen`."""

    def __init__(self, web: WebService, seen: tuple[str, ...]) -> None:
        self.web = web
        self.seen = tuple(seen)

    @property
    def export_docx(self) -> Any:
        return self.web.export_docx

    def _check(self, document_id: str, ref: str) -> None:
        if self.web.visibility(document_id) not in self.seen:
            raise NotFound(Message("no_document", ref=ref))

    # search and listings --------------------------------------------------------------------

    def search(self, request: SearchRequest) -> dict[str, Any]:
        return self.web.search(replace(request, seen=self.seen))

    def translations(self, block_ids: list[str], language: str) -> dict[str, str]:
        return self.web.translations(block_ids, language)

    def translation_languages(self) -> list[str]:
        return self.web.translation_languages()

    def document_count(self) -> int:
        return self.web.document_count()

    def home(self) -> dict[str, list[dict[str, Any]]]:
        return self.web.home(self.seen)

    def browse_counts(self) -> dict[str, dict[str, int]]:
        return self.web.browse_counts(self.seen)

    def browse(self, group: str | None, value: str | None, page: int) -> dict[str, Any]:
        return self.web.browse(group, value, page, self.seen)

    # one document ---------------------------------------------------------------------------

    def document(self, ref: str) -> Document:
        document = self.web.document(ref)
        self._check(document.id, ref)
        return document

    def original(self, ref: str) -> tuple[Path, Document]:
        self.document(ref)
        return self.web.original(ref)

    def renditions(self, ref: str) -> list[dict[str, Any]]:
        self.document(ref)
        return self.web.renditions(ref)

    def rendition(self, ref: str, sha256: str) -> tuple[Path, dict[str, Any]]:
        self.document(ref)
        return self.web.rendition(ref, sha256)

    def export(self, ref: str, language: str, side_by_side: bool) -> tuple[bytes, Document]:
        self.document(ref)
        return self.web.export(ref, language, side_by_side)

    def visibility(self, document_id: str) -> str:
        return self.web.visibility(document_id)

    # pages that gather documents --------------------------------------------------------------

    def entity(self, given: str) -> dict[str, Any]:
        """The entity's documents and paragraphs the reader may see; an entity only hidden
        documents mention is not found."""
        summary = self.web.entity(given)
        hidden = self.web.hidden(self.seen)
        mentioned = bool(summary["documents"])
        summary["documents"] = [d for d in summary["documents"] if d["document"] not in hidden]
        summary["paragraphs"] = [p for p in summary["paragraphs"] if p["document"] not in hidden]
        if mentioned and not summary["documents"]:
            raise NotFound(Message("no_entity", key=given))
        return summary

    def session(self, name: str) -> dict[str, Any]:
        """The session with the documents the reader may see (not found when none is left)."""
        found = self.web.session(name)
        hidden = self.web.hidden(self.seen)
        if not hidden:
            return found

        def shown(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [d for d in documents if d["id"] not in hidden]

        meetings = []
        for meeting in found["meetings"]:
            meeting["documents"] = shown(meeting["documents"])
            meeting["minutes"] = [m for m in meeting["minutes"] if m["document"] not in hidden]
            if meeting["documents"]:
                meetings.append(meeting)
        found["meetings"] = meetings
        found["others"] = shown(found["others"])
        found["documents"] = shown(found["documents"])
        found["minutes"] = [m for m in found["minutes"] if m["document"] not in hidden]
        if not found["documents"]:
            raise NotFound(Message("no_session", name=name))
        return found


def document_json(document: Document, visibility: str) -> dict[str, Any]:
    """A document for the API: metadata, and each block with its translations and entities."""
    languages = sorted({t.language for b in document.blocks for t in b.translations})
    return {
        "id": document.id,
        "source_name": document.source_name,
        "media_type": document.media_type,
        "title": document.title,
        "kind": document.kind,
        "language": document.language,
        "session": document.session,
        "city": document.city,
        "date": document.date,
        "status": document.status,
        "visibility": visibility,
        "problems": document.problems,
        "translation_languages": languages,
        "minutes": asdict(document.minutes) if document.minutes else None,
        "blocks": [_block_json(b) for b in document.blocks],
    }


def _block_json(block: Any) -> dict[str, Any]:
    data = asdict(block)
    data.pop("embedding", None)
    # `status`: machine, needs review, approved or original (corpus.review.status)
    data["translations"] = {t.language: asdict(t) | {"status": status(t.engine, t.needs_review)}
                            for t in block.translations}
    return data

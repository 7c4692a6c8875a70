"""The JSON API under /api/: search, document, entity, session (described at
/api/openapi.json). Search answers carry the same fields as `sekretar search --json`, plus the
page; the others those of `sekretar show`, `sekretar entity` and the session's minutes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from corpus.model import KINDS_HELP
from pipeline.web.reader import Reader, document_json, reader
from pipeline.web.service import SearchRequest

router = APIRouter(prefix="/api", tags=["api"])


def _web(request: Request) -> Reader:
    return reader(request)


Text = Annotated[str | None, Query()]


@router.get("/search", summary="Search the archive; documents best first, with facets")
def api_search(
    request: Request,
    q: Annotated[str, Query(description='words, "a phrase", prefix*, AND/OR/NOT')] = "",
    kind: Annotated[str | None, Query(description=KINDS_HELP)] = None,
    lang: Annotated[str | None, Query(description="only blocks in this language")] = None,
    city: Text = None,
    session: Text = None,
    year: Annotated[str | None, Query(description="only documents dated in this year")] = None,
    entity: Annotated[str | None, Query(description="an entity key, e.g. city:ryazan")] = None,
    mode: Annotated[str | None, Query(description="lexical, semantic or hybrid")] = None,
    page: Annotated[int, Query(ge=1, le=1000, description="page of 10 documents")] = 1,
) -> dict[str, Any]:
    """`{"query", "mode", "language", "total", "message", "facets", "hits", "page",
    "per_page", "pages", "empty_archive"}`; see docs/search.md for the hits."""
    asked = SearchRequest(q, kind, lang, city, session, year, entity, mode, page,
                          interface=request.state.ui)
    return _web(request).search(asked)


@router.get("/document/{document_id}", summary="A document with its translations and entities")
def api_document(request: Request, document_id: str) -> dict[str, Any]:
    """Metadata, translation languages, minutes (when read) and every block in reading order
    with its translations (by language) and entities (offsets in the block's text)."""
    seen = _web(request)
    document = seen.document(document_id)
    return document_json(document, seen.visibility(document.id))


@router.get("/entity/{key}", summary="Every document and paragraph mentioning an entity")
def api_entity(request: Request, key: str) -> dict[str, Any]:
    """`{"key", "label", "normals", "names", "documents", "paragraphs"}`; KEY may also be a
    name (Рязань, Ryazan)."""
    return _web(request).entity(key)


@router.get("/session/{name:path}", summary="A session's documents and minutes")
def api_session(request: Request, name: str) -> dict[str, Any]:
    """`{"session", "documents", "minutes": [{"document", "session": {agenda, ...}}]}`."""
    return _web(request).session(name)

"""The browse pages and their JSON: the current documents by kind, city, year and meeting.

`/browse` counts the documents of each value (each a link); `/browse/all` and
`/browse/{kind|city|year|meeting}/{value}` list them newest first, a page at a time
(`?page=N`). A value no current document has is the plain "page not found".
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from corpus.errors import ConfigError, NotFound
from corpus.messages import Message
from pipeline.web import listing
from pipeline.web.i18n import words
from pipeline.web.pages import _number, _render, _web
from pipeline.web.service import BROWSE_GROUPS

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])


@router.get("/browse", response_class=HTMLResponse)
def browse_page(request: Request) -> HTMLResponse:
    ui = request.state.ui
    counts = _web(request).browse_counts()
    return _render(
        request,
        "browse.html",
        total=counts.get("all", {}).get("", 0),
        all_url=listing.browse_url(None),
        groups=listing.groups(words(ui), ui, counts),
    )


@router.get("/browse/all", response_class=HTMLResponse)
def all_documents_page(request: Request) -> HTMLResponse:
    return _listing(request, None, None)


@router.get("/browse/{group}/{value:path}", response_class=HTMLResponse)
def group_page(request: Request, group: str, value: str) -> HTMLResponse:
    if group not in BROWSE_GROUPS:
        raise NotFound(Message("page_not_found"))
    return _listing(request, group, value)


def _listing(request: Request, group: str | None, value: str | None) -> HTMLResponse:
    ui = request.state.ui
    t = words(ui)
    found = _web(request).browse(group, value, _number(request.query_params.get("page")))
    previous_url, next_url = listing.page_urls(group, value, found["page"], found["pages"])
    return _render(
        request,
        "browse_list.html",
        heading=t[listing.GROUP_WORDS[group]] if group else t["all_documents"],
        value_name=listing.value_name(t, ui, group, value) if group else None,
        found=found,
        rows=listing.document_rows(t, ui, found["documents"]),
        previous_url=previous_url,
        next_url=next_url,
    )


Text = Annotated[str | None, Query()]


@api_router.get("/documents", summary="Browse the current documents, newest first")
def api_documents(
    request: Request,
    kind: Text = None,
    city: Text = None,
    year: Text = None,
    meeting: Annotated[str | None, Query(description="a session key, e.g. 2025-04-09 #12")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> dict[str, Any]:
    """`{"group", "value", "documents", "total", "page", "pages", "per_page"}`: the current
    documents of one kind, city, year or meeting (or all of them), newest first."""
    given = {g: v for g, v in (("kind", kind), ("city", city), ("year", year),
                                ("meeting", meeting)) if v}
    if len(given) > 1:
        raise ConfigError("give one of kind, city, year or meeting, not several")
    group, value = next(iter(given.items()), (None, None))
    return _web(request).browse(group, value, page)

"""The HTML pages: search, document, entity, session, and the file downloads.

Every page works without JavaScript (plain links and GET forms); static/app.js only submits a
form when a choice changes. Parameters are read leniently: a page number that is not a number
is page 1, not an error page.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from corpus.errors import NotFound
from corpus.messages import Message, say
from pipeline.web import corrections, listing, views
from pipeline.web.i18n import UI_LANGUAGES, UI_NAMES, value_word, words
from pipeline.web.reader import Reader, reader
from pipeline.web.service import SearchRequest

router = APIRouter(include_in_schema=False)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _web(request: Request) -> Reader:
    return reader(request)


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    ui = request.state.ui
    t = words(ui)
    role = getattr(request.state, "role", None)
    accounts_exist = request.app.state.accounts.exist()
    base = {
        "t": t,
        "ui": ui,
        "other_ui": "en" if ui == "ru" else "ru",
        "switches": [(code, UI_NAMES[code], _with_ui(request, code))
                     for code in UI_LANGUAGES if code != ui],
        "named": lambda group, value: value_word(t, group, value),
        "city_name": lambda value: listing.city_name(value, ui),
        "account": getattr(request.state, "account", None),
        "role": role,
        "csrf": getattr(request.state, "csrf", ""),
        "accounts_exist": accounts_exist,
        # hints that name commands: for the secretariat, or whoever runs an archive without
        # accounts (the one who ingested it)
        "admin": role == "secretariat" or not accounts_exist,
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, base | context
    )
    return response


#: the page renderer, for the pages of other modules (desk.py).
render = _render


def _with_ui(request: Request, ui: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "ui"] + [("ui", ui)]
    return request.url.path + "?" + "&".join(
        f"{quote(k)}={quote(v, safe='')}" for k, v in params
    )


def _number(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _language(value: str | None) -> str | None:
    """A language code from the URL, or None: anything else is ignored, not reflected."""
    return value if value and LANGUAGE_CODE.match(value) else None


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    p = request.query_params
    asked = SearchRequest(
        query=p.get("q", "").strip(),
        kind=p.get("kind") or None,
        language=p.get("lang") or None,
        city=p.get("city") or None,
        session=p.get("session") or None,
        year=p.get("year") or None,
        entity=p.get("entity") or None,
        mode=p.get("mode") or None,
        page=_number(p.get("page")),
        interface=request.state.ui,
    )
    show = _language(p.get("show"))
    web = _web(request)
    t = words(request.state.ui)
    params = views.search_params(asked, show)
    answer = web.search(asked) if asked.query else None
    home = None if asked.query else web.home()
    translated = {}
    if answer and show:
        ids = [b["block_id"] for h in answer["hits"] for b in h["blocks"]]
        translated = web.translations(ids, show)
    return _render(
        request,
        "search.html",
        asked=asked,
        show=show,
        show_languages=web.translation_languages(),
        answer=answer,
        message=say(answer["message"], request.state.ui) if answer and answer["message"] else None,
        empty_archive=web.document_count() == 0,
        facets=views.facets(t, answer, asked, params, request.state.ui) if answer else [],
        hits=views.hits(t, answer, show, translated, request.state.ui) if answer else [],
        previous_url=_page_url(params, answer, -1),
        next_url=_page_url(params, answer, +1),
        clear_url=views.search_url({"q": asked.query, "show": show, "mode": asked.mode}),
        meetings=listing.meeting_rows(request.state.ui, home["meetings"]) if home else [],
        latest=listing.document_rows(t, request.state.ui, home["documents"]) if home else [],
    )


def _page_url(params: dict[str, Any], answer: dict[str, Any] | None, step: int) -> str | None:
    if not answer:
        return None
    page = answer["page"] + step
    if page < 1 or page > answer["pages"]:
        return None
    return views.search_url(params, page=page)


@router.get("/document/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str) -> HTMLResponse:
    document = _web(request).document(document_id)
    languages = views.translation_languages(document)
    asked = _language(request.query_params.get("lang"))
    chosen = asked if asked in languages else views.default_translation(
        languages, request.state.ui, document.language)
    return _render(
        request,
        "document.html",
        document=document,
        languages=languages,
        chosen=chosen,
        outline=views.outline(document),
        rows=views.rows(document, chosen),
        exportable=_web(request).export_docx is not None,
        renditions=_web(request).renditions(document.id),
        visibility=_web(request).visibility(document.id),
        **(corrections.form_context(request, document.id)
           if request.state.role == "secretariat" else {}),
    )


@router.get("/document/{document_id}/original")
def original_file(request: Request, document_id: str) -> Response:
    """The kept source file, found by the document id; served as a download."""
    path, document = _web(request).original(document_id)
    media = MEDIA_TYPES.get(document.media_type, "application/octet-stream")
    return FileResponse(path, media_type=media, filename=document.source_name,
                        content_disposition_type="attachment")


@router.get("/document/{document_id}/rendition/{sha256}")
def rendition_file(request: Request, document_id: str, sha256: str) -> Response:
    """The kept file of one of the document's other formats; served as a download."""
    path, row = _web(request).rendition(document_id, sha256)
    media = row["media_type"] if "/" in row["media_type"] else "application/octet-stream"
    return FileResponse(path, media_type=media, filename=row["source_name"],
                        content_disposition_type="attachment")


@router.get("/document/{document_id}/export.docx")
def export_file(request: Request, document_id: str) -> Response:
    """The document as DOCX in `lang`: translated, or side by side with `layout=side`."""
    language = _language(request.query_params.get("lang"))
    if language is None:
        raise NotFound(Message("export_language"))
    side = request.query_params.get("layout") == "side"
    content, document = _web(request).export(document_id, language, side)
    stem = document.source_name.rsplit(".", 1)[0]
    name = f"{stem}_{language}{'_side_by_side' if side else ''}.docx"
    return Response(
        content,
        media_type=MEDIA_TYPES["docx"],
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


@router.get("/entity/{key}", response_class=HTMLResponse)
def entity_page(request: Request, key: str) -> HTMLResponse:
    summary = _web(request).entity(key)
    by_document: dict[str, list[dict[str, Any]]] = {}
    for paragraph in summary["paragraphs"]:
        by_document.setdefault(paragraph["document"], []).append(paragraph)
    names, normals = summary["names"], summary["normals"]
    name = names.get(request.state.ui) or names.get("ru") or next(iter(normals), summary["key"])
    return _render(request, "entity.html", entity=summary, entity_name=name, paragraphs=by_document)


@router.get("/session/{name:path}", response_class=HTMLResponse)
def session_page(request: Request, name: str) -> HTMLResponse:
    return _render(request, "session.html", session=_web(request).session(name))

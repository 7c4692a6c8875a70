"""The editors' desk: the translations of a document the quality checks flagged, beside their
source, each accepted as it is or corrected in place.

For editors and the secretariat only (anyone else gets 403; a reader not signed in is sent to
sign in by auth.py when the server is not public). The forms are POSTs behind auth.py's CSRF
check. Approving goes through the same library call as `sekretar review` (`review_translations`
of pipeline.wiring, given to the app as `app.state.review_translations`): the approved text
replaces the machine one, enters the translation memory as approved (so it wins in every later
translation and export) and is written to the audit log under the account's name.
"""

from __future__ import annotations

from typing import Any, Protocol
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from corpus.errors import ConfigError, NotFound
from corpus.messages import Message
from corpus.model import Document
from corpus.review import ReviewItem, needing_review
from pipeline.web import views
from pipeline.web.accounts import read_form
from pipeline.web.pages import render
from pipeline.web.reader import reader

router = APIRouter(include_in_schema=False)
#: the roles that review translations.
REVIEWERS = ("editor", "secretariat")


class Review(Protocol):
    def __call__(self, data: Any, ref: str, language: str, accept: list[str],
                 corrections: dict[str, str], user: str) -> dict[str, Any]: ...


def review_languages(document: Document) -> list[str]:
    """The languages the document has machine translations into, those with flags first."""
    languages = views.translation_languages(document)
    waiting = {t.language for b in document.blocks for t in b.translations if t.needs_review}
    return sorted(languages, key=lambda code: (code not in waiting, code))


def review_path(document_id: str | None = None, session: str | None = None) -> str:
    """The review page of one document, or of a session's documents."""
    if session is not None:
        return f"/review/session/{quote(session, safe='')}"
    return f"/review/{quote(document_id or '', safe='')}"


def review_url(path: str, language: str | None, **extra: str) -> str:
    params = ({"lang": language} if language else {}) | extra
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    return path + (f"?{query}" if query else "")


def _reviewer(request: Request) -> dict[str, Any] | None:
    account = getattr(request.state, "account", None)
    return account if account is not None and account["role"] in REVIEWERS else None


def _refuse(request: Request) -> Response:
    return request.app.state.refuse(request, 403, Message("not_allowed"))  # type: ignore[no-any-return]


@router.get("/review/session/{name}", response_class=HTMLResponse)
def review_session_page(request: Request, name: str) -> Response:
    """The flagged translations of every document of a session the reader may see."""
    if _reviewer(request) is None:
        return _refuse(request)
    found = reader(request)
    documents = [found.document(d["id"]) for d in found.session(name)["documents"]]
    return _review_page(request, documents, session=name)


@router.get("/review/{document_id}", response_class=HTMLResponse)
def review_page(request: Request, document_id: str) -> Response:
    if _reviewer(request) is None:
        return _refuse(request)
    return _review_page(request, [reader(request).document(document_id)])


def _review_page(request: Request, documents: list[Document], session: str | None = None
                 ) -> Response:
    languages = sorted({code for d in documents for code in review_languages(d)},
                       key=lambda code: (not any(needing_review(d, code) for d in documents), code))
    asked = request.query_params.get("lang")
    chosen = asked if asked in languages else (languages[0] if languages else None)
    groups = [(d, needing_review(d, chosen) if chosen else []) for d in documents]
    done = request.query_params.get("done", "")
    return render(request, "review.html", document=documents[0] if session is None else None,
                  session=session, languages=languages, chosen=chosen,
                  groups=[g for g in groups if g[1] or session is None],
                  count=sum(len(g[1]) for g in groups),
                  done=int(done) if done.isdigit() else None,
                  here=review_path(documents[0].id, session),
                  can_review=getattr(request.app.state, "review_translations", None)
                  is not None)


@router.post("/review/{document_id}")
async def review(request: Request, document_id: str) -> Response:
    account = _reviewer(request)
    if account is None:
        return _refuse(request)
    approve: Review | None = getattr(request.app.state, "review_translations", None)
    if approve is None:
        raise NotFound(Message("page_not_found"))
    document = reader(request).document(document_id)
    form = read_form(await request.body())
    language = form.get("lang", "")
    segments = {s.block: s for s in needing_review(document, language)}
    accept, corrections = _chosen(form, segments)
    done = approve(request.app.state.web.data, document.id, language, accept, corrections,
                   account["name"])
    request.app.state.web.changed()
    back = review_path(document.id, form.get("session") or None)
    return RedirectResponse(review_url(back, language, done=str(done["approved"])), 303)


def _chosen(form: dict[str, str], segments: dict[str, ReviewItem]
            ) -> tuple[list[str], dict[str, str]]:
    """(blocks accepted as they are, block -> corrected text) from one review form: `do` is
    `accept` or `correct` for the block in `block` with its text in `text`, or `accept-all`
    for the blocks in `blocks` (space-separated) that still need review."""
    action = form.get("do", "")
    if action == "accept-all":
        # only those the editor saw: one flagged since the page was shown waits for a look
        shown = [b for b in form.get("blocks", "").split() if b in segments]
        if shown:
            return shown, {}
    block = form.get("block", "")
    if block not in segments:
        raise ConfigError(Message("review_gone"))
    if action == "accept":
        return [block], {}
    text = form.get("text", "").replace("\r\n", "\n").strip()
    if action != "correct" or not text:
        raise ConfigError(Message("review_text_needed"))
    if text == segments[block].translation:
        return [block], {}
    return [], {block: text}

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

from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from corpus.errors import ConfigError, NotFound
from corpus.messages import Message
from corpus.model import UNDETERMINED, Document
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


@dataclass(frozen=True)
class Segment:
    """One flagged translation on the review page."""

    block: str
    source: str
    source_language: str
    translation: str
    reason: str


def flagged(document: Document, language: str) -> list[Segment]:
    """The translations into `language` that need review, in reading order."""
    found = []
    for block in document.blocks:
        t = block.translation(language)
        if t is not None and t.needs_review:
            own = block.language if block.language != UNDETERMINED else document.language
            found.append(Segment(block.id, block.text, own, t.text, t.review_reason))
    return found


def review_languages(document: Document) -> list[str]:
    """The languages the document has machine translations into, those with flags first."""
    languages = views.translation_languages(document)
    waiting = {t.language for b in document.blocks for t in b.translations if t.needs_review}
    return sorted(languages, key=lambda code: (code not in waiting, code))


def review_url(document_id: str, language: str | None, **extra: str) -> str:
    params = ({"lang": language} if language else {}) | extra
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    return f"/review/{quote(document_id, safe='')}" + (f"?{query}" if query else "")


def _reviewer(request: Request) -> dict[str, Any] | None:
    account = getattr(request.state, "account", None)
    return account if account is not None and account["role"] in REVIEWERS else None


def _refuse(request: Request) -> Response:
    return request.app.state.refuse(request, 403, Message("not_allowed"))  # type: ignore[no-any-return]


@router.get("/review/{document_id}", response_class=HTMLResponse)
def review_page(request: Request, document_id: str) -> Response:
    if _reviewer(request) is None:
        return _refuse(request)
    document = reader(request).document(document_id)
    languages = review_languages(document)
    asked = request.query_params.get("lang")
    chosen = asked if asked in languages else (languages[0] if languages else None)
    done = request.query_params.get("done", "")
    return render(request, "review.html", document=document, languages=languages,
                  chosen=chosen, segments=flagged(document, chosen) if chosen else [],
                  done=int(done) if done.isdigit() else None,
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
    segments = {s.block: s for s in flagged(document, language)}
    accept, corrections = _chosen(form, segments)
    done = approve(request.app.state.web.data, document.id, language, accept, corrections,
                   account["name"])
    request.app.state.web.changed()
    return RedirectResponse(review_url(document.id, language, done=str(done["approved"])), 303)


def _chosen(form: dict[str, str], segments: dict[str, Segment]
            ) -> tuple[list[str], dict[str, str]]:
    """(blocks accepted as they are, block -> corrected text) from one review form: `do` is
    `accept` or `correct` for the block in `block` with its text in `text`, or `accept-all`."""
    action = form.get("do", "")
    if action == "accept-all" and segments:
        return list(segments), {}
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

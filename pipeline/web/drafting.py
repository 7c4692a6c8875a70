"""Draft resolutions from the web page: a meeting's adopted decisions compiled in the chosen
languages, previewed as HTML and downloaded as DOCX, with the decisions that lack a
translation marked and counted per language.

For editors and the secretariat only (anyone else gets 403). Both pages are GETs that write
nothing to the archive: the draft is compiled by the library call of `sekretar resolution`
(`draft_resolution` of pipeline.wiring, given to the app as `app.state.draft_resolution`), with
untranslated decisions kept in their language behind the "no translation" mark rather than
refused, so the editor sees what is missing.
"""

from __future__ import annotations

import re
from typing import Any, Protocol
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from corpus.errors import ConfigError, NotFound
from corpus.messages import Message
from pipeline.web.desk import REVIEWERS
from pipeline.web.i18n import LANGUAGE_NAMES, UI_LANGUAGES
from pipeline.web.pages import render

router = APIRouter(include_in_schema=False)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: paragraph styles of the DOCX -> the HTML element the preview shows them as.
ELEMENTS = {"Title": "h2", "Heading 1": "h3", "Heading 2": "h4"}


class Draft(Protocol):
    def __call__(self, data: Any, meeting: str, languages: list[str], author: str
                 ) -> dict[str, Any]: ...


def _languages(request: Request) -> list[str]:
    """The languages asked for (`to`, repeatable or comma-separated), in order, known ones only;
    by default Russian and the reader's interface language."""
    asked = [code.strip().lower() for value in request.query_params.getlist("to")
             for code in value.split(",")]
    chosen = [code for code in dict.fromkeys(asked)
              if LANGUAGE_CODE.match(code) and code in LANGUAGE_NAMES]
    return chosen or list(dict.fromkeys(["ru", request.state.ui]))


def _draft(request: Request) -> tuple[dict[str, Any] | None, list[str], str]:
    """(the compiled draft, or None for someone who may not draft; the languages; the meeting)."""
    account = getattr(request.state, "account", None)
    if account is None or account["role"] not in REVIEWERS:
        return None, [], ""
    make: Draft | None = getattr(request.app.state, "draft_resolution", None)
    if make is None:
        raise NotFound(Message("page_not_found"))
    meeting = request.query_params.get("meeting", "").strip()
    if not meeting:
        raise ConfigError(Message("resolution_meeting"))
    languages = _languages(request)
    return make(request.app.state.web.data, meeting, languages, account["name"]), languages, \
        meeting


def download_url(meeting: str, languages: list[str]) -> str:
    return f"/resolution.docx?meeting={quote(meeting, safe='')}&to={','.join(languages)}"


@router.get("/resolution", response_class=HTMLResponse)
def resolution_page(request: Request) -> Response:
    draft, languages, meeting = _draft(request)
    if draft is None:
        return request.app.state.refuse(request, 403, Message("not_allowed"))  # type: ignore[no-any-return]
    return render(request, "resolution.html", draft=draft, meeting=meeting, chosen=languages,
                  offered=list(dict.fromkeys([*UI_LANGUAGES, *LANGUAGE_NAMES])),
                  elements=ELEMENTS, download=download_url(meeting, languages))


@router.get("/resolution.docx")
def resolution_file(request: Request) -> Response:
    draft, languages, _ = _draft(request)
    if draft is None:
        return request.app.state.refuse(request, 403, Message("not_allowed"))  # type: ignore[no-any-return]
    slug = re.sub(r"[^\w-]+", "-", draft["meeting"]).strip("-")
    name = f"resolution-{slug}-{'-'.join(languages)}.docx"
    return Response(draft["docx"], media_type=DOCX, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

"""Corrections by the secretariat from the document page: edit the kind, session, title or
visibility, mark a newer version, delete (to the trash) and restore.

Each is a POST form (behind auth.py's CSRF check), refused with 403 to any other role, made by
the same library calls as `sekretar edit|supersede|delete|restore` (`correct_document` of
pipeline.wiring, given to the app as `app.state.correct_document`) and written to the audit log
under the account's name; the page it returns to says what was done.
"""

from __future__ import annotations

from typing import Any, Protocol

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from corpus.errors import ConfigError, NotFound
from corpus.messages import Message
from corpus.model import DOCUMENT_KINDS
from corpus.users import VISIBILITIES
from pipeline.web.accounts import read_form
from pipeline.web.views import document_url

router = APIRouter(include_in_schema=False)
ACTIONS = ("edit", "supersede", "delete", "restore")
#: the fields the edit form changes.
EDITED = ("kind", "session", "title", "visibility")


class Correct(Protocol):
    def __call__(self, data: Any, action: str, ref: str, values: dict[str, str], user: str
                 ) -> dict[str, Any]: ...


def form_context(request: Request, document_id: str) -> dict[str, Any]:
    """What the corrections part of a document page shows to the secretariat."""
    state, history = request.app.state.web.lifecycle(document_id)
    return {"state": state, "history": history, "kinds": DOCUMENT_KINDS,
            "visibilities": VISIBILITIES, "done": request.query_params.get("done"),
            "can_correct": getattr(request.app.state, "correct_document", None) is not None}


@router.post("/document/{document_id}/{action}")
async def correct(request: Request, document_id: str, action: str) -> Response:
    if action not in ACTIONS:
        raise NotFound(Message("page_not_found"))
    account = getattr(request.state, "account", None)
    if account is None or account["role"] != "secretariat":
        refuse = request.app.state.refuse
        return refuse(request, 403, Message("not_allowed"))  # type: ignore[no-any-return]
    fix: Correct | None = getattr(request.app.state, "correct_document", None)
    if fix is None:
        raise NotFound(Message("page_not_found"))
    form = read_form(await request.body())
    values = _values(request, document_id, action, form)
    done = fix(request.app.state.web.data, action, document_id, values, account["name"])
    request.app.state.web.changed()
    return RedirectResponse(f"{document_url(done['document'])}?done={action}", 303)


def _values(request: Request, document_id: str, action: str, form: dict[str, str]
            ) -> dict[str, str]:
    if action == "supersede":
        newer = form.get("by", "").strip()
        if not newer:
            raise ConfigError("say which document replaces this one (its id or file name)")
        return {"by": newer}
    if action != "edit":
        return {}
    document = request.app.state.web.document(document_id)
    current = {"kind": document.kind, "session": document.session or "",
               "title": document.title or "",
               "visibility": request.app.state.web.visibility(document.id)}
    return {k: form[k].strip() for k in EDITED
            if k in form and form[k].strip() != (current[k] or "")}

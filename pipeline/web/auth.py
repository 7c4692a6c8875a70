"""Sign-in, roles and CSRF for the web page and the API (see accounts.py for the cookies).

Every request is given `request.state.account` (None for an anonymous reader) and
`request.state.seen` (the visibilities it may read, `corpus.users.SEES`). When accounts exist
the archive is closed to anonymous readers: a page redirects to the sign-in page, the API
answers 401; a server started with `public=True` lets them read published documents. While no
account exists, the archive stays open read-only to anyone who reaches the server, for
published documents, as a freshly ingested archive is.

Every request that could write (any method but GET, HEAD and OPTIONS) must carry the CSRF
token: the form field `csrf` (in the address, `?csrf=`, for a form that uploads files), or the
`X-CSRF-Token` header; a request signed with an API
token (`Authorization: Bearer ...`) carries no cookie a page from elsewhere could use, and
needs none.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Match

from corpus.messages import Message, say
from corpus.users import SEES
from pipeline.web.accounts import (
    SESSION_SECONDS,
    Accounts,
    Signer,
    Throttle,
    read_form,
    secret_key,
)
from pipeline.web.i18n import COOKIE
from pipeline.web.pages import _render

SESSION_COOKIE = "sekretar_session"
BROWSER_COOKIE = "sekretar_browser"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: reachable without signing in, even when the archive is closed.
OPEN_PREFIXES = ("/login", "/static/")

router = APIRouter(include_in_schema=False)
Next = Callable[[Request], Awaitable[Response]]
Refuse = Callable[[Request, int, str], Response]


def install(app: FastAPI, data: Path, public: bool, refuse: Refuse) -> None:
    """Give the app its accounts, signer and throttle, the sign-in routes and the middleware
    that decides who is reading; `refuse(request, status, message)` answers a refusal (the
    app's error page, or JSON under /api/)."""
    app.state.refuse = refuse
    app.state.accounts = Accounts(data)
    app.state.signer = Signer(secret_key(data))
    app.state.throttle = Throttle()
    app.state.public = public
    app.include_router(router)

    @app.middleware("http")
    async def who_reads(request: Request, call_next: Next) -> Response:
        return await _who_reads(request, call_next)


async def _who_reads(request: Request, call_next: Next) -> Response:
    app = request.app
    accounts: Accounts = app.state.accounts
    signer: Signer = app.state.signer
    account = _account(request, accounts, signer)
    request.state.account = account
    request.state.role = account["role"] if account else None
    request.state.seen = SEES[request.state.role]
    if account and account.get("ui") and not _ui_chosen(request):
        request.state.ui = account["ui"]
    browser = request.cookies.get(BROWSER_COOKIE)
    new_browser = None if browser else secrets.token_urlsafe(24)
    request.state.csrf = signer.csrf(browser or new_browser or "")
    bearer = request.headers.get("authorization", "").startswith("Bearer ")
    if request.method not in SAFE_METHODS and not bearer and _writes(request):
        if not signer.csrf_ok(browser, await _csrf_token(request)):
            return _refuse(request, 403, Message("csrf_failed"))
    closed = account is None and not app.state.public and accounts.exist()
    if closed and not request.url.path.startswith(OPEN_PREFIXES):
        if request.url.path.startswith("/api/"):
            return _refuse(request, 401, Message("sign_in_needed"))
        return RedirectResponse("/login?next=" + quote(_here(request), safe=""), 303)
    response = await call_next(request)
    if new_browser:
        response.set_cookie(BROWSER_COOKIE, new_browser, httponly=True, samesite="lax",
                            secure=_tls(request), path="/")
    return response


def _writes(request: Request) -> bool:
    """Whether a route takes this method at this path (else the router answers 404 or 405,
    and nothing is written)."""
    return any(route.matches(request.scope)[0] == Match.FULL for route in request.app.routes)


def _ui_chosen(request: Request) -> bool:
    return bool(request.query_params.get("ui") or request.cookies.get(COOKIE))


def _account(request: Request, accounts: Accounts, signer: Signer) -> dict[str, Any] | None:
    header = request.headers.get("authorization", "")
    if header.startswith("Bearer "):
        return accounts.by_token(header.removeprefix("Bearer ").strip())
    return accounts.from_session(signer.unsign(request.cookies.get(SESSION_COOKIE)))


async def _csrf_token(request: Request) -> str | None:
    given = request.headers.get("x-csrf-token")
    if given:
        return given
    kind = request.headers.get("content-type", "")
    if kind.startswith("application/x-www-form-urlencoded"):
        return read_form(await request.body()).get("csrf")
    if kind.startswith("multipart/form-data"):
        # a file upload names it in its address: the files are not read twice to find it
        return request.query_params.get("csrf")
    return None


def _tls(request: Request) -> bool:
    """Whether the reader reached us over TLS (directly, or through a proxy uvicorn trusts)."""
    return request.url.scheme == "https"


def _here(request: Request) -> str:
    query = f"?{request.url.query}" if request.url.query else ""
    return request.url.path + query


def _refuse(request: Request, status: int, message: Message) -> Response:
    refuse: Refuse = request.app.state.refuse
    return refuse(request, status, message)


def _next_url(value: str | None) -> str:
    """Where to go after signing in: a path of this site only, never another site."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


# sign-in ---------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return _login_form(request, None, 200, next_url=request.query_params.get("next"))


def _login_form(request: Request, message: Message | None, status: int, name: str = "",
                next_url: str | None = None) -> Response:
    response = _render(request, "login.html", name=name, next=_next_url(next_url),
                       message=say(message, request.state.ui) if message else None)
    response.status_code = status
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    form = read_form(await request.body())
    name, password = form.get("name", "").strip(), form.get("password", "")
    address = request.client.host if request.client else "?"
    throttle: Throttle = request.app.state.throttle
    wait = throttle.wait(name, address)
    if wait > 0:
        minutes = max(1, round(wait / 60))
        return _login_form(request, Message("too_many_attempts", minutes=minutes), 429, name,
                           form.get("next"))
    accounts: Accounts = request.app.state.accounts
    account = accounts.verify(name, password) if name and password else None
    if account is None:
        throttle.failed(name, address)
        return _login_form(request, Message("sign_in_failed"), 401, name, form.get("next"))
    throttle.succeeded(name)
    response = RedirectResponse(_next_url(form.get("next")), 303)
    signer: Signer = request.app.state.signer
    response.set_cookie(SESSION_COOKIE, signer.session(account), max_age=SESSION_SECONDS,
                        httponly=True, samesite="lax", secure=_tls(request), path="/")
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    response = RedirectResponse("/login", 303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=_tls(request))
    return response

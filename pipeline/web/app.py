"""The web application: server-rendered pages for delegates and a JSON API under /api/.

Built by `create_app`, which `sekretar serve` calls with what only the pipeline can give
(a Searcher with the query-side models, the DOCX export). The store is opened read-only, and
files are served by document id from the archive's kept files, never by a path taken from the
request. Who reads, and what they may read, is auth.py's: sign-in, roles, CSRF.

Errors of the project's own types are caught here, at the edge: a page says what went wrong in
one plain sentence, the API answers `{"error": "..."}` with a fitting status code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from corpus.errors import ConfigError, InputError, NotFound, SekretarError
from corpus.messages import Message, say
from pipeline.web import api, auth, browse, corrections, desk, drafting, pages, uploads, views
from pipeline.web.guard import BURST, PER_SECOND, Guard, allowed_names
from pipeline.web.i18n import COOKIE, UI_LANGUAGES, choose, words
from pipeline.web.readers import Busy, Limits
from pipeline.web.service import BROWSE_PER_PAGE, ExportDocx, MakeSearcher, WebService

HERE = Path(__file__).parent
#: no inline script or style, nothing from elsewhere: even a missed escape could not run code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(
    data: Path,
    make_searcher: MakeSearcher | None = None,
    export_docx: ExportDocx | None = None,
    browse_per_page: int = BROWSE_PER_PAGE,
    public: bool = False,
    allowed_hosts: frozenset[str] | None = None,
    rate: tuple[int, float] = (BURST, PER_SECOND),
    limits: Limits | None = None,
    limit_local: bool = False,
) -> FastAPI:
    """The application for the archive in `data` (opened read-only, once, when it exists);
    `browse_per_page` documents on each browse page; `public`: anonymous readers read the
    published documents even when accounts exist. It answers only to `allowed_hosts`
    (default: this machine's names; see `guard.allowed_names`), and to each client `rate`
    (a burst of requests, then so many a second; this machine's own requests too with
    `limit_local`); `limits` bound each search and export."""
    web = WebService(data, make_searcher, export_docx, browse_per_page, limits)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        web.close(final=True)

    app = FastAPI(
        title="sekretar",
        summary="Search an assembly's reports and minutes, read them beside their translations.",
        version="1",
        docs_url=None,  # the interactive docs load scripts from a CDN; we are offline
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.web = web
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(browse.api_router)
    app.include_router(pages.router)
    app.include_router(browse.router)
    app.include_router(corrections.router)
    app.include_router(uploads.router)
    app.include_router(desk.router)
    app.include_router(drafting.router)
    auth.install(app, web.data, public, error_response)
    _add_middleware(app)
    _add_error_handlers(app)
    app.add_middleware(Guard, hosts=allowed_hosts or allowed_names(None), burst=rate[0],
                       per_second=rate[1], limit_local=limit_local)
    return app


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.autoescape = True  # every template, whatever its name: document text is never markup
    env.globals["UI_LANGUAGES"] = UI_LANGUAGES
    env.globals["views"] = views  # link builders, for macros too (imported without context)
    return templates


def _add_middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def ui_and_headers(request: Request, call_next: Any) -> Response:
        asked = request.query_params.get("ui")
        request.state.ui = choose(
            asked, request.cookies.get(COOKIE), request.headers.get("accept-language")
        )
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if asked in UI_LANGUAGES:
            response.set_cookie(COOKIE, asked, max_age=365 * 86400, samesite="lax")
        return response


def _status(err: SekretarError) -> int:
    if isinstance(err, Busy):
        return 503
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, ConfigError | InputError):
        return 400
    return 500


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SekretarError)
    async def sekretar_error(request: Request, err: SekretarError) -> Response:
        return error_response(request, _status(err), err.args[0] if err.args else str(err))

    @app.exception_handler(Exception)
    async def our_defect(request: Request, err: Exception) -> Response:
        return error_response(request, 500, Message("internal"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        message = Message("page_not_found") if err.status_code == 404 else str(err.detail)
        return error_response(request, err.status_code, message)


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON under /api/, otherwise the error page in the interface's language."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": str(message)}, status_code=status,
                            headers=SECURITY_HEADERS)
    ui = getattr(request.state, "ui", "ru")
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"t": words(ui), "ui": ui, "status": status, "message": say(message, ui)},
        status_code=status,
        headers=SECURITY_HEADERS,  # a 500 is answered outside the middleware that adds them
    )

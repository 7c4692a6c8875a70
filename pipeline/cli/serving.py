"""The `serve` command: the web page and JSON API over an archive (pipeline/web)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from corpus.errors import ConfigError
from corpus.model import Document
from corpus.store import Store
from pipeline.cli.app import DataOption, app, console, settings_for

#: seconds a server process may take to answer uvicorn's health check before it is replaced.
WORKER_HEALTHCHECK_SECONDS = 120
#: thread pools of the numerical libraries a search uses (numpy's OpenBLAS for the vectors and
#: use-m3, OpenMP): each sizes itself to every core, so N server processes ran N times as many
#: threads as cores. Measured with 2 processes, 20 clients and 10,000 blocks: hybrid searches
#: went from 80 to 156 requests/s (use-m3; p95 340 to 181 ms) and from 59 to 112 (e5-small;
#: p95 564 to 284 ms) once each process had its share of the cores.
THREAD_POOLS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

OptionalText = Optional[str]  # noqa: UP045 - Typer reads it at run time


def export_docx(document: Document, language: str, out: Path, side_by_side: bool) -> Any:
    """The pipeline's DOCX export, handed to the web app (index/ never imports pipeline/)."""
    from pipeline.export import export_document

    return export_document(document, language, "docx", out, side_by_side)


def build_app(data: Path, mode: str | None = None) -> Any:
    """The web application for `data`, with the query-side models the CLI search uses."""
    from pipeline.cli.searching import open_searcher
    from pipeline.web import create_app

    def make_searcher(store: Store) -> Any:
        return open_searcher(store, mode)

    return create_app(data, make_searcher=make_searcher, export_docx=export_docx)


def app_from_environment() -> Any:
    """The application for each of uvicorn's worker processes, which import it by name: the
    data folder and mode come from the environment `serve` sets before starting them."""
    mode = os.environ.get("SEKRETAR_SERVE_MODE") or None
    return build_app(Path(os.environ["SEKRETAR_SERVE_DATA"]), mode)


def share_cores(processes: int) -> None:
    """Give each of `processes` server processes (started after this, which read these
    variables when they load numpy) its share of the cores; a limit already set is kept."""
    share = str(max(1, (os.cpu_count() or 1) // processes))
    for name in THREAD_POOLS:
        os.environ.setdefault(name, share)


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on (only this machine by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    mode: Annotated[
        OptionalText,
        typer.Option(help="search mode: lexical, semantic or hybrid (default as sekretar search)"),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(min=1, help="server processes; each holds its own copy of the index "
                     "(use one a core when many delegates search at once)"),
    ] = 1,
    data: DataOption = None,
) -> None:
    """Serve the search page and the JSON API (/api/search, /api/document/ID, /api/entity/KEY,
    /api/session/NAME; described at /api/openapi.json). Read-only; binds to 127.0.0.1 unless
    --host says otherwise. Stop it with Ctrl+C.

    Example: sekretar serve --port 8000 --data sekretar-data
    """
    try:
        import uvicorn
    except ImportError as err:
        raise ConfigError("the web page needs the 'web' extra: pip install 'sekretar[web]'") from err
    folder = settings_for(data).data
    console.print(f"serving {folder} at http://{host}:{port}/ (Ctrl+C to stop)")
    if workers == 1:
        uvicorn.run(build_app(folder, mode), host=host, port=port, log_level="warning")
        return
    os.environ["SEKRETAR_SERVE_DATA"] = str(folder)
    os.environ["SEKRETAR_SERVE_MODE"] = mode or ""
    share_cores(workers)
    # uvicorn kills a worker that does not answer its ping within the health-check timeout (5 s
    # by default); a worker busy with searches on a loaded 2-core machine can take longer, and
    # killing it drops every request it holds and reloads the index for a minute or more.
    uvicorn.run("pipeline.cli.serving:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning",
                timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)

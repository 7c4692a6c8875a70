"""The `serve` command: the web page and JSON API over an archive (pipeline/web)."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from corpus.database import DATABASE
from corpus.errors import ConfigError, NotFound
from corpus.messages import Message
from corpus.store import Store
from pipeline.cli.app import DataOption, app, console, settings_for
from pipeline.extras import require
from pipeline.wiring import web_app

#: seconds a server process may take to answer uvicorn's health check before it is replaced.
WORKER_HEALTHCHECK_SECONDS = 120
#: thread pools of the numerical libraries a search uses (numpy's OpenBLAS for the vectors and
#: use-m3, OpenMP): each sizes itself to every core, so N server processes would run N times as
#: many threads as cores. With 2 processes, 20 clients and 10,000 blocks, hybrid searches run at
#: 156 requests/s (use-m3) and 112 (e5-small) with each process held to its share of the cores,
#: against 80 and 59 with the pools left to size themselves (docs/benchmarks.md).
THREAD_POOLS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

OptionalText = Optional[str]  # noqa: UP045 - Typer reads it at run time


def app_from_environment() -> Any:
    """The application for each of uvicorn's worker processes, which import it by name: the
    data folder and mode come from the environment `serve` sets before starting them."""
    mode = os.environ.get("SEKRETAR_SERVE_MODE") or None
    public = os.environ.get("SEKRETAR_SERVE_PUBLIC") == "1"
    hosts = frozenset(os.environ.get("SEKRETAR_SERVE_HOSTS", "").split(",")) - {""}
    return web_app(Path(os.environ["SEKRETAR_SERVE_DATA"]), mode, public, hosts or None)


def share_cores(processes: int) -> None:
    """Give each of `processes` server processes (started after this, which read these
    variables when they load numpy) its share of the cores; a limit already set is kept."""
    share = str(max(1, (os.cpu_count() or 1) // processes))
    for name in THREAD_POOLS:
        os.environ.setdefault(name, share)


def check_can_serve(folder: Path, host: str, port: int) -> None:
    """Say in one line, before uvicorn starts (and logs a trace, or serves an empty page),
    that there is no archive to serve or that the port is taken."""
    if not (folder / DATABASE).is_file():
        raise NotFound(Message("no_archive", folder=folder))
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as err:
        why = ("another program is listening on it" if err.errno == errno.EADDRINUSE
               else err.strerror or str(err))
        raise ConfigError(f"cannot serve on {host}:{port}: {why} (choose another --port)") from err


def access_note(folder: Path, public: bool) -> str:
    """Who may read, in one line, said when the server starts."""
    with Store(folder, readonly=True) as store:
        accounts = store.users.exist()
    if not accounts:
        return ("no accounts yet: anyone who reaches this address reads the published documents "
                "(add one with: sekretar users add NAME --role secretariat)")
    if public:
        return "readers sign in; without signing in, the published documents can be read"
    return "every reader signs in (accounts: sekretar users list)"


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
    public: Annotated[bool, typer.Option(
        "--public", help="let readers who are not signed in read the published documents "
        "(without it, an archive with accounts asks every reader to sign in)")] = False,
    allowed_hosts: Annotated[
        OptionalText,
        typer.Option("--allowed-hosts", help="host names the server answers to, separated by "
                     "commas, besides the address it listens on and localhost ('*': any)"),
    ] = None,
    data: DataOption = None,
) -> None:
    """Serve the search page and the JSON API (/api/search, /api/document/ID, /api/entity/KEY,
    /api/session/NAME; described at /api/openapi.json). Binds to 127.0.0.1 unless --host says
    otherwise. Stop it with Ctrl+C. A data folder without an archive, or a port another program
    holds, is said in one line (exit 2). Readers sign in with the accounts of `sekretar users`;
    while there is none, anyone who reaches the server reads the published documents. It
    answers only to the address it listens on, localhost and --allowed-hosts, so a page
    elsewhere cannot read the archive through a delegate's browser (DNS rebinding).

    Example: sekretar serve --port 8000 --data sekretar-data
    """
    require("web", "the web page")
    import uvicorn

    from pipeline.web.guard import allowed_names
    folder = settings_for(data).data
    check_can_serve(folder, host, port)
    hosts = allowed_names(host, (allowed_hosts or "").split(","))
    console.print(f"serving {folder} at http://{host}:{port}/ (Ctrl+C to stop)")
    console.print(access_note(folder, public))
    if workers == 1:
        uvicorn.run(web_app(folder, mode, public, hosts), host=host, port=port,
                    log_level="warning")
        return
    os.environ["SEKRETAR_SERVE_HOSTS"] = ",".join(sorted(hosts))
    os.environ["SEKRETAR_SERVE_DATA"] = str(folder)
    os.environ["SEKRETAR_SERVE_MODE"] = mode or ""
    os.environ["SEKRETAR_SERVE_PUBLIC"] = "1" if public else ""
    share_cores(workers)
    # uvicorn kills a worker that does not answer its ping within the health-check timeout (5 s
    # by default); a worker busy with searches on a loaded 2-core machine can take longer, and
    # killing it drops every request it holds and reloads the index for a minute or more.
    uvicorn.run("pipeline.cli.serving:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning",
                timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)

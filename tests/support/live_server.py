"""A live server for the web tests: uvicorn on a free port of 127.0.0.1 in a thread, as
`sekretar serve` runs it (a real server, not starlette's in-process transport, which warns about
its httpx dependency). Shared by tests/pipeline/web and tests/faults (tests/conftest.py puts
this folder on the import path)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve `app`; yields its base URL."""
    import uvicorn

    # a test's client may sit idle for long on a loaded machine; with uvicorn's 5 s keep-alive
    # the server closes the connection just as the client reuses it ("Server disconnected")
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="critical",
                            lifespan="on", timeout_keep_alive=600)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="test-server", daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)

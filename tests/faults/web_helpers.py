"""A live server for the fault tests of the web page: uvicorn on a free port of 127.0.0.1 in a
thread, as `sekretar serve` runs it (starlette's in-process client is not used: it warns about
its httpx dependency)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def live_server(app: Any, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `app`; yields its base URL."""
    import uvicorn

    config = uvicorn.Config(app, host=host, port=0, log_level="critical", lifespan="on",
                            timeout_keep_alive=600)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="fault-test-server", daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)

"""Guards in front of the web application, as plain ASGI middleware (they see every request,
errors included): the host names it answers to, HEAD answered as GET without a body, and a
per-client limit on the rate of requests.

Host names: a page a delegate visits elsewhere could point its own host name at 127.0.0.1
(DNS rebinding) and read the archive through the delegate's browser; the browser still sends
that name in `Host`, so a server that answers only to its own names is not reachable that way.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
LOCAL_ADDRESSES = frozenset({"127.0.0.1", "::1"})
#: requests a client may make in a burst, and how many more each second after it.
BURST = 60
PER_SECOND = 10.0
#: headers every answer of the guards carries (the application adds the same to its own).
PLAIN_HEADERS = [(b"content-type", b"application/json"), (b"x-content-type-options", b"nosniff"),
                 (b"cache-control", b"no-store")]


def allowed_names(bound: str | None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names a server bound to `bound` answers to: that address, this machine's
    names, and those configured (`*` for any)."""
    names = {*LOCAL_NAMES, *(n.strip().lower() for n in extra if n.strip())}
    if bound and bound not in ("0.0.0.0", "::"):
        names.add(bound.lower())
    return frozenset(names)


def host_name(header: str) -> str:
    """The name in a `Host` header, without its port; an IPv6 address without brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def _refuse(send: Send, status: int, message: str,
                  extra: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [*PLAIN_HEADERS, (b"content-length", str(len(body)).encode()),
                            *extra]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The three guards around `app`."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], burst: int = BURST,
                 per_second: float = PER_SECOND, limit_local: bool = False) -> None:
        self.app, self.hosts = app, hosts
        self.limit = RateLimit(burst, per_second)
        #: requests from this machine (a reverse proxy in front, the operator's own scripts)
        #: are not limited unless asked: behind a proxy every delegate would share one limit
        self.limit_local = limit_local

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        name = host_name(headers.get(b"host", b"").decode("latin-1"))
        if "*" not in self.hosts and name not in self.hosts:
            await _refuse(send, 400, "this server does not answer to that host name")
            return
        client = (scope.get("client") or ("", 0))[0]
        if not scope["path"].startswith("/static/") and (
                self.limit_local or client not in LOCAL_ADDRESSES):
            wait = self.limit.take(client)
            if wait > 0:
                await _refuse(send, 429, "too many requests: wait a moment and try again",
                              ((b"retry-after", str(max(1, round(wait))).encode()),))
                return
        if scope["method"] == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        await self.app(scope, receive, send)


def _without_body(send: Send) -> Send:
    """A `send` that passes the answer's status and headers on and drops its body (HEAD)."""
    async def headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            if not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b""})
            return
        await send(message)

    return headers_only


class RateLimit:
    """A token bucket per client address: `burst` requests at once, then `per_second`."""

    def __init__(self, burst: int, per_second: float) -> None:
        self.burst, self.per_second = burst, per_second
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when the client may go on (a token is taken), else the seconds to wait."""
        now = time.monotonic()
        with self.lock:
            tokens, then = self.buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.per_second)
            if tokens < 1.0:
                self.buckets[client] = (tokens, now)
                return (1.0 - tokens) / self.per_second
            self.buckets[client] = (tokens - 1.0, now)
            if len(self.buckets) > 10_000:  # forget the clients that are full again
                full = [c for c, (t, w) in self.buckets.items()
                        if t + (now - w) * self.per_second >= self.burst]
                for gone in full:
                    del self.buckets[gone]
            return 0.0

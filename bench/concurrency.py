"""Searching while an ingest runs (a benchmark; tests/faults/test_fault_concurrency.py asserts
the same run): no search may fail or go unanswered while the archive grows under it.

An archive is started with a few seed documents (ingested in this process, so both channels
have something to open), `sekretar serve` is started on it in its own process, and then one
`sekretar ingest` of N documents (text notes and DOCX reports, no analysis stages) runs in its
own process while C clients search for its whole duration:
  - half through the library (`index.searcher.Searcher`, what `sekretar search` uses), each with its
    own read-only store and Searcher, as threads of this process (they share its GIL, so their
    latencies include waiting for each other, as in one web process serving many);
  - half through the JSON API (GET /api/search), each with its own HTTP connection.
Every answer must be a result (the library's SearchResult; a 200 with the JSON result object);
anything else is an error. Prints, per channel: searches, errors, median, p95 and max latency.

Usage: python bench/concurrency.py [--documents 200] [--clients 8] [--data DIR] [--json]
       python bench/concurrency.py --short      # 30 documents, 4 clients
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.store import Store  # noqa: E402
from index.results import SearchResult  # noqa: E402
from index.searcher import Searcher  # noqa: E402

QUERIES = ("водоснабжение", "туризм", "реконструкция", "бюджет", "Рязань", "водоканал",
           '"очистных сооружений"', "тури*", "бюджет AND доклад", "записка NOT туризм",
           "water", "сооружения")
#: the keys every answer of /api/search carries (docs/search.md).
ANSWER_KEYS = {"query", "total", "hits", "facets", "page"}
SEED = 3
ENV = {"SEKRETAR_STAGES": "", "PYTHONPATH": str(ROOT)}


@dataclass
class Channel:
    """What the clients of one channel saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    per_client: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, client: int, took: float, error: str | None) -> None:
        with self.lock:
            self.per_client[client] = self.per_client.get(client, 0) + 1
            (self.errors.append(error) if error else self.latencies.append(took))

    def figures(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        ms = lambda seconds: round(seconds * 1000, 1)  # noqa: E731
        return {
            "searches": len(ordered) + len(self.errors),
            "errors": len(self.errors),
            "error_kinds": sorted(set(self.errors))[:5],
            "per_client": [self.per_client[c] for c in sorted(self.per_client)],
            "median_ms": ms(statistics.median(ordered)) if ordered else None,
            "p95_ms": ms(ordered[int(0.95 * (len(ordered) - 1))]) if ordered else None,
            "max_ms": ms(ordered[-1]) if ordered else None,
        }


def make_inbox(folder: Path, count: int, first: int = 0) -> None:
    """`count` documents: text notes, and every fifth a DOCX report."""
    from docx import Document as Docx

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        lines = [f"Записка {n}, раздел {p}: водоснабжение, туризм и бюджет города Рязани."
                 for p in range(20)]
        if n % 5 == 4:
            document = Docx()
            document.add_heading(f"Доклад {n} о реконструкции очистных сооружений", 1)
            for line in lines:
                document.add_paragraph(line)
            document.save(str(folder / f"report_{n:04d}.docx"))
        else:
            (folder / f"note_{n:04d}.txt").write_text("\n\n".join(lines), encoding="utf-8")


def seed(data: Path, folder: Path) -> None:
    """A few documents, ingested and indexed by the library, before anyone searches."""
    from pipeline.ingest.batch import ingest
    from pipeline.settings import load_settings
    from pipeline.wiring import Library

    make_inbox(folder, SEED, first=100000)
    settings = load_settings(environ={}, data=data, stages="", workers=1)
    with Library.open(settings) as library:
        report = ingest(library.store, [folder], settings, on_saved=library.on_saved())
    if report.failed:
        raise SystemExit(f"the seed documents failed: {report.failed}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(log: Path, *args: str) -> subprocess.Popen[bytes]:
    """`sekretar ARGS` in its own process (and process group), output in `log`."""
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT,
                                env={**os.environ, **ENV}, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def wait_ready(url: str, server: subprocess.Popen[bytes], limit: float = 900) -> None:
    began = time.monotonic()
    while time.monotonic() - began < limit:
        if server.poll() is not None:
            raise RuntimeError("the server stopped before answering")
        try:
            if httpx.get(url + "/api/search", params={"q": "вода"}, timeout=60).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError("the server did not answer in time")


def library_client(data: Path, number: int, channel: Channel, stop: threading.Event) -> None:
    """Search through the library until the ingest ends (at least once)."""
    rng = random.Random(number)
    with Store(data, readonly=True) as store, Searcher(store) as searcher:
        while True:
            began = time.monotonic()
            try:
                result = searcher.search(rng.choice(QUERIES), limit=10)
                json.dumps(result.to_json(), ensure_ascii=False)
                error = None if isinstance(result, SearchResult) else type(result).__name__
            except Exception as err:  # noqa: BLE001 - every failure is counted, none stops us
                error = f"{type(err).__name__}: {err}"
            channel.record(number, time.monotonic() - began, error)
            if stop.is_set():
                return


def web_client(url: str, number: int, channel: Channel, stop: threading.Event) -> None:
    """Search through GET /api/search until the ingest ends (at least once). A new connection
    for each search: on a loaded machine a client thread can wait longer than the server's
    keep-alive, and a request sent on a connection the server is closing fails with
    "Server disconnected" (an HTTP race a browser retries, not the server failing)."""
    rng = random.Random(number)
    fresh = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(base_url=url, timeout=120, limits=fresh) as http:
        while True:
            began = time.monotonic()
            try:
                response = http.get("/api/search", params={"q": rng.choice(QUERIES)})
                error = _answer_error(response)
            except httpx.HTTPError as err:
                error = f"{type(err).__name__}: {err}"
            channel.record(number, time.monotonic() - began, error)
            if stop.is_set():
                return


def _answer_error(response: httpx.Response) -> str | None:
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    try:
        answer = response.json()
    except ValueError:
        return "not JSON"
    if not isinstance(answer, dict) or not ANSWER_KEYS <= set(answer):
        return f"not a result object: {str(answer)[:200]}"
    return None


def run_clients(clients: Sequence[Callable[[threading.Event], None]],
                during: Callable[[], Any]) -> Any:
    """Run every client in a thread for as long as `during()` takes; returns its result."""
    stop = threading.Event()
    threads = [threading.Thread(target=c, args=(stop,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    try:
        return during()
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=600)


def measure(documents: int, clients: int, folder: Path, workers: int = 2) -> dict[str, Any]:
    """The whole run in `folder`; returns the figures (and everything the test asserts)."""
    data, inbox = folder / "data", folder / "inbox"
    seed(data, folder / "seed")
    make_inbox(inbox, documents)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start(folder / "serve.log", "serve", "--data", str(data), "--port", str(port),
                   "--mode", "lexical")
    try:
        wait_ready(url, server)
        library, web = Channel(), Channel()
        group = [partial(library_client, data, n, library) for n in range(clients // 2)]
        group += [partial(web_client, url, n, web) for n in range(clients - clients // 2)]

        def ingest() -> tuple[int, float]:
            began = time.monotonic()
            process = start(folder / "ingest.log", "ingest", str(inbox), "--data", str(data),
                            "--workers", str(workers))
            return process.wait(timeout=3600), time.monotonic() - began

        code, seconds = run_clients(group, ingest)
    finally:
        server.terminate()
        server.wait(timeout=60)
    with Store(data, readonly=True) as store:
        stored = len(store.document_ids())
    return {"documents": documents, "clients": clients, "ingest_exit": code,
            "ingest_seconds": round(seconds, 1), "stored": stored - SEED,
            "ingest_log": (folder / "ingest.log").read_text("utf-8", "replace")[-2000:],
            "library": library.figures(), "web": web.figures()}


def show(figures: dict[str, Any]) -> None:
    print(f"ingest of {figures['documents']} documents: exit {figures['ingest_exit']}, "
          f"{figures['ingest_seconds']} s, {figures['stored']} stored; "
          f"{figures['clients']} clients searching meanwhile")
    print(f"{'channel':8} {'searches':>8} {'errors':>6} {'median ms':>10} {'p95 ms':>8} "
          f"{'max ms':>8}  per client")
    for name in ("library", "web"):
        f = figures[name]
        print(f"{name:8} {f['searches']:>8} {f['errors']:>6} {f['median_ms']!s:>10} "
              f"{f['p95_ms']!s:>8} {f['max_ms']!s:>8}  {f['per_client']}")
        for kind in f["error_kinds"]:
            print(f"   error: {kind}")


def main() -> int:
    parser = argparse.ArgumentParser(description="search while an ingest runs")
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=None, help="work folder (default: temporary)")
    parser.add_argument("--short", action="store_true", help="12 documents, 3 clients (CI)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.short:
        args.documents, args.clients = 12, 3
    with tempfile.TemporaryDirectory(prefix="sekretar-concurrency-") as temporary:
        folder = args.data or Path(temporary)
        figures = measure(args.documents, args.clients, folder, args.workers)
    figures.pop("ingest_log")
    print(json.dumps(figures, ensure_ascii=False, indent=1)) if args.json else show(figures)
    failed = figures["ingest_exit"] != 0 or figures["library"]["errors"] or figures["web"]["errors"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Load on the web API (a benchmark, not a test): concurrent clients searching for a while.

A synthetic archive (bench/search.py's generator: blocks of real Russian sentences, 100 to a
document, random kinds, cities, sessions and dates) is built once into --data (reused when it
is there already), `sekretar serve` is started on it in its own process, as in production, and
N client threads send GET /api/search for the given time. Two rounds:
  - unique: every request a query not asked before (the server's answer cache cannot help);
  - repeated: queries drawn from a small pool of popular ones (after one warm-up pass), as when
    many delegates look for the same thing during a session.
Reports requests/s, median and 95th percentile latency, and errors (non-200 or failed
requests) per round. The bar: 20 clients, 10,000 blocks, no errors, p95 < 300 ms.

Usage: python bench/web.py [--blocks 10000] [--clients 20] [--seconds 30] [--workers 2]
                           [--data DIR] [--mode lexical|semantic|hybrid]
                           [--model e5-small|use-m3]
       python bench/web.py --short      # 500 blocks, 20 clients, 5 s a round

The archive's vectors are random but labelled with the default embedding model, so the server
(hybrid by default) embeds every new query with the real model, as in production. Every client
signs in first (a delegate's account, made with the archive) and searches with its session
cookie, as delegates do once the archive has accounts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import MODEL, build_store, query_texts  # noqa: E402

from index.build import rebuild  # noqa: E402

POPULAR = 40
READER, PASSWORD = "bench-reader", "bench-password"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def prepare(data: Path, blocks: int, model: str = MODEL) -> None:
    """Build the archive and its index into `data` unless a finished one is there."""
    done = data / "bench-web-blocks"
    if done.exists() and done.read_text() == f"{blocks} {model}":
        return
    data.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    with build_store(data, blocks, model=model) as store:
        rebuild(store)
        store.users.add(READER, "delegate", PASSWORD)
    done.write_text(f"{blocks} {model}")
    print(f"built {blocks} blocks in {time.perf_counter() - began:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(data: Path, port: int, workers: int, mode: str | None) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "pipeline.cli", "serve", "--data", str(data),
               "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(command + (["--mode", mode] if mode else []), cwd=ROOT,
                            stdout=subprocess.DEVNULL)


def signed_in(http: httpx.Client) -> httpx.Client:
    """The client, signed in as the benchmark's delegate (its session cookie kept)."""
    found = CSRF.search(http.get("/login").text)
    if found is None:
        raise SystemExit("the sign-in page has no CSRF field")
    answer = http.post("/login", data={"name": READER, "password": PASSWORD,
                                       "csrf": found.group(1)})
    if answer.status_code != 303:
        raise SystemExit(f"signing in failed: HTTP {answer.status_code}")
    return http


def wait_ready(url: str, server: subprocess.Popen[bytes], limit: float = 900) -> float:
    began = time.perf_counter()
    while time.perf_counter() - began < limit:
        if server.poll() is not None:
            raise SystemExit("the server stopped before answering")
        try:
            with httpx.Client(base_url=url, timeout=300) as http:
                if signed_in(http).get("/api/search", params={"q": "вода"}).status_code == 200:
                    return time.perf_counter() - began
        except httpx.HTTPError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer in time")


def load(url: str, clients: int, seconds: float, pick: Any) -> dict[str, Any]:
    """`clients` threads asking GET /api/search?q=pick() until `seconds` have passed."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    # clients are made before the clock starts: each loads the CA certificates, and 20 took
    # 32 s on this loaded machine, more than a whole short round
    https = [signed_in(httpx.Client(base_url=url, timeout=120)) for _ in range(clients)]
    stop = time.perf_counter() + seconds

    def client(http: httpx.Client) -> None:
        with closing(http):
            while time.perf_counter() < stop:
                query = pick()
                began = time.perf_counter()
                try:
                    status = http.get("/api/search", params={"q": query}).status_code
                    error = None if status == 200 else f"HTTP {status}"
                except httpx.HTTPError as err:
                    error = type(err).__name__
                took = (time.perf_counter() - began) * 1000
                with lock:
                    (errors.append(error) if error else latencies.append(took))

    threads = [threading.Thread(target=client, args=(http,)) for http in https]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "requests": len(latencies) + len(errors),
        "requests_per_second": round((len(latencies) + len(errors)) / elapsed, 1),
        "median_ms": round(statistics.median(ordered), 1) if ordered else None,
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else None,
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
    }


def warm_up(url: str, queries: list[str]) -> None:
    """Ask each popular query once; a reset connection (the server closing an idle keep-alive
    connection as it is reused) is retried on a new one."""
    for query in queries:
        for _ in range(3):
            try:
                with httpx.Client(base_url=url, timeout=600) as http:
                    signed_in(http).get("/api/search", params={"q": query})
                break
            except httpx.HTTPError:
                time.sleep(1)


def show(name: str, r: dict[str, Any]) -> None:
    """One round's figures, printed as soon as the round ends (a long run may be cut short)."""
    print(f"{name:>9}: {r['requests_per_second']} requests/s ({r['requests']}), median "
          f"{r['median_ms']} ms, p95 {r['p95_ms']} ms, errors {r['errors']} "
          f"{' '.join(r['error_kinds'])}", flush=True)


def run(args: argparse.Namespace, data: Path) -> dict[str, Any]:
    prepare(data, args.blocks, args.model)
    rng = random.Random(5)
    unique = query_texts(rng, 5000)
    popular = unique[-POPULAR:]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(data, port, args.workers, args.mode)
    report: dict[str, Any] = {"blocks": args.blocks, "clients": args.clients,
                              "mode": args.mode or "the server's default",
                              "model": args.model,
                              "server_processes": args.workers,
                              "seconds": args.seconds, "cores": os.cpu_count(),
                              "load_average": [round(x, 1) for x in os.getloadavg()]}
    try:
        report["startup_seconds"] = round(wait_ready(url, server), 1)
        if not args.json:
            print(f"server ready after {report['startup_seconds']} s", flush=True)
        queue = iter(unique[:-POPULAR])
        pick_lock = threading.Lock()

        def next_unique() -> str:
            with pick_lock:
                return next(queue, "вода")

        report["unique"] = load(url, args.clients, args.seconds, next_unique)
        if not args.json:
            show("unique", report["unique"])
        warm_up(url, popular)
        report["repeated"] = load(url, args.clients, args.seconds, lambda: rng.choice(popular))
        if not args.json:
            show("repeated", report["repeated"])
    finally:
        server.terminate()
        server.wait(timeout=60)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--data", type=Path, help="archive folder to build or reuse")
    parser.add_argument("--workers", type=int, default=2, help="server processes (serve --workers)")
    parser.add_argument("--mode", choices=("lexical", "semantic", "hybrid"),
                        help="search mode (default: the server's, hybrid: the archive's "
                             "vectors are labelled with the default model, whose real query "
                             "embedding is paid on every new query)")
    parser.add_argument("--model", default=MODEL, choices=("e5-small", "use-m3"),
                        help="embedding model the archive's vectors are labelled with")
    parser.add_argument("--short", action="store_true", help="500 blocks, 5 s a round (CI)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()
    if args.short:
        args.blocks, args.seconds = 500, 5.0
    if args.data is not None:
        report = run(args, args.data)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
            report = run(args, Path(folder) / "data")
    if args.json:
        print(json.dumps(report))
        return
    print(f"{report['blocks']} blocks, {report['clients']} clients, mode {report['mode']}, "
          f"vectors labelled {report['model']}, "
          f"{report['seconds']:g} s a "
          f"round, {report['server_processes']} server processes, {report['cores']} cores, "
          f"load average {report['load_average']}; "
          f"server ready after {report['startup_seconds']} s")


if __name__ == "__main__":
    main()

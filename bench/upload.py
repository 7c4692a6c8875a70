"""Searching while an upload is ingested (a benchmark, not a test): how much slower do signed-in
delegates' searches get while the secretariat's upload of N files runs?

The synthetic archive of bench/web.py (signed-in delegates searching GET /api/search with new
queries) is served by `sekretar serve` in its own process. C clients search for S seconds
(the quiet round); then a secretariat account uploads N text notes through POST /upload, and
the same clients search until the upload's ingest has ended (the upload round; the ingest is
`sekretar ingest` in a worker process, as on a real server, with the stages set by
SEKRETAR_STAGES, `language` by default here). Reports each round's requests/s, median and p95,
the ratios upload/quiet, and how long the upload took. The bar: no errors, p95 at most twice
the quiet round's.

Usage: python bench/upload.py [--files 50] [--blocks 10000] [--clients 20] [--seconds 30]
       python bench/upload.py --short     # 10 files, 500 blocks, 10 clients, 5 s
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import query_texts  # noqa: E402
from web import CSRF, free_port, load, prepare, start_server, wait_ready  # noqa: E402

from corpus.store import Store  # noqa: E402

SECRETARIAT, PASSWORD = "bench-secretariat", "bench-password"
CITIES = ("Рязань", "Полтава", "Кременчуг", "Гомель", "Брест", "Кишинёв", "Ереван", "Тула")


def notes(count: int) -> list[tuple[str, tuple[str, bytes, str]]]:
    """`count` short text notes, as the files of a multipart upload."""
    rng = random.Random(7)
    files = []
    for number in range(count):
        city = rng.choice(CITIES)
        text = (f"Записка № {number} о ремонте водопровода города {city}. "
                f"Работы начаты в {2020 + number % 6} году и завершены в срок.\n") * 5
        files.append(("files", (f"note_{number:03}.txt", text.encode(), "text/plain")))
    return files


def upload(url: str, count: int) -> float:
    """Upload `count` notes as the secretariat and wait for their ingest; seconds it took."""
    with httpx.Client(base_url=url, timeout=600) as http:
        found = CSRF.search(http.get("/login").text)
        assert found is not None
        http.post("/login", data={"name": SECRETARIAT, "password": PASSWORD,
                                  "csrf": found.group(1)})
        began = time.perf_counter()
        sent = http.post("/upload", params={"csrf": found.group(1)}, files=notes(count),
                         follow_redirects=False)
        if sent.status_code != 303:
            raise SystemExit(f"the upload was refused: HTTP {sent.status_code} {sent.text[:300]}")
        while http.get("/api/upload").json()["phase"] != "done":
            time.sleep(0.5)
        return time.perf_counter() - began


def run(args: argparse.Namespace, data: Path) -> dict[str, Any]:
    prepare(data, args.blocks)
    with Store(data) as store:
        if store.users.get(SECRETARIAT) is None:
            store.users.add(SECRETARIAT, "secretariat", PASSWORD)
    queries = iter(query_texts(random.Random(11), 20000))
    lock = threading.Lock()

    def pick() -> str:
        with lock:
            return next(queries, "вода")

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(data, port, args.workers, args.mode)
    report: dict[str, Any] = {"files": args.files, "blocks": args.blocks,
                              "clients": args.clients, "load_average": os.getloadavg()}
    try:
        wait_ready(url, server)
        report["quiet"] = load(url, args.clients, args.seconds, pick)
        took: dict[str, float] = {}
        worker = threading.Thread(target=lambda: took.update(seconds=upload(url, args.files)))
        worker.start()
        rounds = []
        while worker.is_alive():
            rounds.append(load(url, args.clients, min(args.seconds, 5.0), pick))
        worker.join()
        report["upload_seconds"] = round(took.get("seconds", 0.0), 1)
        report["upload"] = _merged(rounds)
    finally:
        server.terminate()
        server.wait(timeout=60)
    for key in ("median_ms", "p95_ms"):
        quiet, busy = report["quiet"][key], report["upload"][key]
        report[f"{key[:-3]}_ratio"] = round(busy / quiet, 2) if quiet and busy else None
    return report


def _merged(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The rounds run while the upload ran, as one: totals, and the worst median and p95."""
    if not rounds:
        return {"requests": 0, "median_ms": None, "p95_ms": None, "errors": 0}
    return {"requests": sum(r["requests"] for r in rounds),
            "median_ms": max(r["median_ms"] or 0 for r in rounds),
            "p95_ms": max(r["p95_ms"] or 0 for r in rounds),
            "errors": sum(r["errors"] for r in rounds), "rounds": len(rounds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--blocks", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--mode", choices=("lexical", "semantic", "hybrid"))
    parser.add_argument("--data", type=Path, help="archive folder to build or reuse")
    parser.add_argument("--short", action="store_true", help="10 files, 500 blocks, 5 s")
    args = parser.parse_args()
    if args.short:
        args.files, args.blocks, args.clients, args.seconds = 10, 500, 10, 5.0
    os.environ.setdefault("SEKRETAR_STAGES", "language")
    os.environ.setdefault("SEKRETAR_EMBEDDING", "false")
    if args.data is not None:
        report = run(args, args.data)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-upload-") as folder:
            report = run(args, Path(folder) / "data")
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

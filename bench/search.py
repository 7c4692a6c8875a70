"""Search speed on a synthetic archive built from real sentences (a benchmark, not a test).

Blocks are made of 2-4 sentences drawn from the Russian paragraphs of the retrieval set, with
city names and numbers varied, grouped 100 to a document with random kinds, cities, sessions
and dates. Vectors are random int8 vectors of the default model's size (384): embedding
100,000 blocks for real would take hours here and tells nothing about search speed; the real
query embedding time is measured separately and added to the semantic and hybrid figures. One
block in five also carries three window vectors, as a long paragraph read in windows does, so
the search scores windows as it does in a real archive.

Reports: indexing speed (blocks/s, full rebuild and incremental), query latency median and
95th percentile for lexical, semantic and hybrid, vector memory and process memory.

Usage: python bench/search.py [--blocks 100000] [--queries 200] [--short] [--json]
                              [--keep FOLDER]

`--keep FOLDER` builds the archive there (or reuses it when it already holds one of that size),
so queries can be timed again without rebuilding 100,000 blocks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.model import Document, Embedding  # noqa: E402
from corpus.store import Store  # noqa: E402
from index.build import add_document, rebuild  # noqa: E402
from index.searcher import Searcher  # noqa: E402

DATA = ROOT / "bench" / "data" / "retrieval_ru.jsonl"
CITIES = [
    "Москва",
    "Минск",
    "Астана",
    "Ереван",
    "Бишкек",
    "Ташкент",
    "Кишинёв",
    "Душанбе",
    "Баку",
    "Алматы",
    "Казань",
    "Рязань",
    "Новосибирск",
    "Санкт-Петербург",
]
KINDS = ["report", "minutes", "resolution", "other"]
PER_DOCUMENT = 100
#: the vectors are labelled with the default model and have its size (DIM int8 bytes a block),
#: so a server opened on the archive embeds its queries with the real model (bench/web.py)
MODEL, DIM = "e5-small", 384
#: vector sizes of the models a benchmark archive can be labelled with
DIMS = {"e5-small": 384, "use-m3": 512}


def sentences() -> list[str]:
    items = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    found = []
    for item in items:
        found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", item["text"]) if s.strip()]
    return found


def questions() -> list[str]:
    items = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    return [i["question_ru"] for i in items] + [i["question_en"] for i in items]


def make_block_text(rng: random.Random, pool: list[str]) -> str:
    text = " ".join(rng.sample(pool, rng.randint(2, 4)))
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), text)
    return text


#: the share of blocks read in windows (three each).
WINDOWED = 0.2


def build_store(folder: Path, blocks: int, seed: int = 7, model: str = MODEL) -> Store:
    rng = random.Random(seed)
    vectors = np.random.default_rng(seed)
    pool = sentences()
    store = Store(folder)
    for number in range(0, blocks, PER_DOCUMENT):
        year = rng.randint(2015, 2025)
        doc = Document(
            id=hashlib.sha256(str(number).encode()).hexdigest(),
            source_name=f"synthetic_{number:06d}.docx",
            media_type="docx",
            kind=rng.choice(KINDS),
            language="ru",
            city=rng.choice(CITIES),
            session=f"{year}-{rng.randint(1, 2)}",
            status="ok",
            date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
        for _ in range(min(PER_DOCUMENT, blocks - number)):
            block = doc.add_block("paragraph", make_block_text(rng, pool), language="ru")
            vector = vectors.integers(-127, 128, DIMS[model], dtype=np.int8)
            windows = b""
            if rng.random() < WINDOWED:
                windows = vectors.integers(-127, 128, (3, DIMS[model]), dtype=np.int8).tobytes()
            block.embedding = Embedding(model, DIMS[model], vector.tobytes(), windows)
        store.save_document(doc)
    return store


def latency(searcher: Searcher, queries: list[str], mode: str) -> dict[str, float]:
    """Wall-clock and CPU milliseconds per query (CPU time shows the cost of a query on a
    machine that other work keeps busy, where the wall clock mostly measures waiting)."""
    wall, cpu = [], []
    for query in queries:
        began, began_cpu = time.perf_counter(), time.process_time()
        searcher.search(query, mode=mode, limit=10)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return {**percentiles(wall, "wall"), **percentiles(cpu, "cpu")}


def percentiles(values: list[float], name: str) -> dict[str, float]:
    ordered = sorted(values)
    return {
        f"{name}_median_ms": round(statistics.median(ordered), 1),
        f"{name}_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
    }


def query_texts(rng: random.Random, count: int) -> list[str]:
    """Realistic queries: questions, single words, phrases, prefixes and boolean ones."""
    words = [w for s in sentences() for w in re.findall(r"[А-Яа-яЁё]{5,}", s)]
    made = questions()
    while len(made) < count:
        a, b = rng.sample(words, 2)
        made.append(
            rng.choice([a, f'"{a} {b}"', f"{a[:5]}*", f"{a} AND {b}", f"{a} NOT {b}", f"{a} {b}"])
        )
    rng.shuffle(made)
    return made[:count]


def query_embedding_ms() -> float | None:
    """Median time to embed one query with the default model (None if it is not installed)."""
    try:
        from pipeline.embed.models import DEFAULT_MODEL, encoder

        model = encoder(DEFAULT_MODEL, threads=2)
    except Exception:  # noqa: BLE001 - the benchmark reports what it can
        return None
    times = []
    for text in questions()[:20]:
        began = time.perf_counter()
        model.query(text)
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 1)


def run(blocks: int, count: int, keep: Path | None = None) -> dict[str, Any]:
    rng = random.Random(11)
    report: dict[str, Any] = {"blocks": blocks, "queries": count}
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        if keep and (keep / "built").exists() and (keep / "built").read_text() == str(blocks):
            store = Store(folder)
            report["reused"] = str(keep)
        else:
            store = build(folder, blocks, report)
        queries = query_texts(rng, count)
        rss_before = psutil.Process().memory_info().rss
        began = time.perf_counter()
        fake = np.random.default_rng(3)
        searcher = Searcher(store, embed_query=lambda text: fake.standard_normal(DIM))
        report["open_seconds"] = round(time.perf_counter() - began, 2)
        assert searcher.vectors is not None
        report["vectors_mb"] = round(searcher.vectors.nbytes / 1e6, 1)
        for mode in ("lexical", "semantic", "hybrid"):
            report[mode] = latency(searcher, queries, mode)
        report["archive_rss_mb"] = round((psutil.Process().memory_info().rss - rss_before) / 1e6, 1)
        report["process_rss_mb"] = round(psutil.Process().memory_info().rss / 1e6, 1)
        searcher.close()
        store.close()
    report["query_embedding_ms"] = query_embedding_ms()
    return report


def build(folder: Path, blocks: int, report: dict[str, Any]) -> Store:
    """The synthetic store and its index, with the indexing figures added to `report`."""
    began = time.perf_counter()
    store = build_store(folder, blocks)
    report["store_seconds"] = round(time.perf_counter() - began, 1)
    began, began_cpu = time.perf_counter(), time.process_time()
    rebuild(store)
    report["index_blocks_per_second"] = round(blocks / (time.perf_counter() - began), 1)
    report["index_blocks_per_cpu_second"] = round(blocks / (time.process_time() - began_cpu), 1)
    report["incremental_blocks_per_second"] = incremental(store)
    (folder / "built").write_text(str(blocks))
    return store


def incremental(store: Store, documents: int = 5) -> float:
    """Blocks per second when documents are added one by one, as ingest adds them."""
    ids = store.document_ids()[:documents]
    loaded = [store.load_document(i) for i in ids]
    began = time.perf_counter()
    for document in loaded:
        add_document(store, document)
    return round(sum(len(d.blocks) for d in loaded) / (time.perf_counter() - began), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--short", action="store_true", help="1,000 blocks, 20 queries (CI)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the archive in (or reuse it from) here")
    args = parser.parse_args()
    blocks, count = (1_000, 20) if args.short else (args.blocks, args.queries)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    report = run(blocks, count, args.keep)
    print(json.dumps(report, ensure_ascii=False, indent=None if args.json else 2))


if __name__ == "__main__":
    main()

"""Retrieval quality: recall@1, recall@5 and MRR@10 for lexical, semantic and hybrid search,
Russian questions and English questions over Russian paragraphs.

The question set (bench/data/retrieval_ru.jsonl) holds Russian paragraphs on the assembly's
subjects, each with a question it answers, in Russian and in English. The paragraphs are saved
as real documents in a temporary archive, embedded with the configured model, indexed, and each
question is searched; the rank of its paragraph among the ranked blocks is what counts.

Usage: python bench/retrieval.py [--model e5-small] [--max-tokens 0] [--subset N] [--short]
       [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.model import Document  # noqa: E402
from corpus.store import Store  # noqa: E402
from index.build import add_document  # noqa: E402
from index.searcher import MODES, Searcher  # noqa: E402
from pipeline.embed.models import QueryEmbedder, allow_threads, encoder  # noqa: E402
from pipeline.embed.passages import embed_blocks  # noqa: E402

DATA = ROOT / "bench" / "data" / "retrieval_ru.jsonl"
PER_DOCUMENT = 8


def load_items(subset: int = 0) -> list[dict[str, str]]:
    items = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    return items[:subset] if subset else items


def build_archive(
    folder: Path, items: list[dict[str, str]], model: Any
) -> tuple[Store, dict[str, str], float]:
    """Save the paragraphs as documents of PER_DOCUMENT blocks; returns the store, item id ->
    block id, and the embedding speed in blocks per second (None model: no embeddings)."""
    store = Store(folder)
    gold: dict[str, str] = {}
    seconds = 0.0
    for start in range(0, len(items), PER_DOCUMENT):
        part = items[start : start + PER_DOCUMENT]
        doc = Document(
            id=hashlib.sha256(str(start).encode()).hexdigest(),
            source_name=f"eval_{start:03d}.txt",
            media_type="text/plain",
            kind="report",
            language="ru",
            status="ok",
        )
        for item in part:
            gold[item["id"]] = doc.add_block("paragraph", item["text"], language="ru").id
        if model is not None:
            began = time.perf_counter()
            vectors = embed_blocks(doc.blocks, model)
            seconds += time.perf_counter() - began
            for block, read in zip(doc.blocks, vectors, strict=True):
                if read is not None:
                    block.embedding = read.stored(model.name, model.dim)
        store.save_document(doc)
        add_document(store, doc)
    return store, gold, (len(items) / seconds if seconds else 0.0)


def evaluate(
    searcher: Searcher, items: list[dict[str, str]], gold: dict[str, str], mode: str, language: str
) -> dict[str, float]:
    ranks = []
    for item in items:
        ranking = searcher.rank(item[f"question_{language}"], mode=mode)
        ids = [searcher.catalog.block_ids[r] for r in ranking.rows[:10]]
        ranks.append(ids.index(gold[item["id"]]) + 1 if gold[item["id"]] in ids else 0)
    n = len(ranks)
    return {
        "recall@1": sum(r == 1 for r in ranks) / n,
        "recall@5": sum(1 <= r <= 5 for r in ranks) / n,
        "mrr@10": sum(1 / r for r in ranks if r) / n,
    }


def detector() -> Any:
    from pipeline.wiring import detect_query_language

    return detect_query_language


def run(model_name: str, max_tokens: int, subset: int) -> dict[str, Any]:
    items = load_items(subset)
    model = encoder(model_name, threads=2, max_tokens=max_tokens) if model_name else None
    with tempfile.TemporaryDirectory() as folder:
        store, gold, speed = build_archive(Path(folder), items, model)
        searcher = Searcher(
            store,
            detect_language=detector(),
            embed_query=QueryEmbedder(model) if model else None,
        )
        table = {
            f"{mode} {lang}→ru": evaluate(searcher, items, gold, mode, lang)
            for lang in ("ru", "en")
            for mode in MODES
            if model is not None or mode == "lexical"
        }
        searcher.close()
        store.close()
    return {
        "model": model_name,
        "max_tokens": max_tokens,
        "paragraphs": len(items),
        "embedding_blocks_per_second": round(speed, 2),
        "results": table,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="e5-small", help="e5-small, use-m3 or '' for none")
    parser.add_argument("--max-tokens", type=int, default=0, help="0: every word")
    parser.add_argument("--subset", type=int, default=0, help="only the first N paragraphs")
    parser.add_argument("--short", action="store_true", help="the first 24 paragraphs (CI)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    allow_threads()  # this script forks no workers (see pipeline.embed.models): embed on 2 threads
    report = run(args.model, args.max_tokens, args.subset or (24 if args.short else 0))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(
        f"{report['paragraphs']} paragraphs, model {report['model']} "
        f"(max {report['max_tokens']} tokens), embedding "
        f"{report['embedding_blocks_per_second']} blocks/s"
    )
    print("| search | recall@1 | recall@5 | MRR@10 |\n|---|---|---|---|")
    for name, values in report["results"].items():
        print(
            f"| {name} | {values['recall@1']:.2f} | {values['recall@5']:.2f} | "
            f"{values['mrr@10']:.2f} |"
        )


if __name__ == "__main__":
    main()

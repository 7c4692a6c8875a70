"""Retrieval on long multi-topic texts with questions that share few words with their answer,
asked in Russian, English and Ukrainian: recall@1 and recall@5 of lexical and hybrid search,
and the embedding time, for the block embedding as it was (each block cut to its first 128
tokens) and as it is (pipeline.embed.passages: every word read), side by side in one run.

The archive is the 122 Russian news texts of the factRuEval-2016 development set, read in
place from ../shared/dev-sets/ (never copied here), each text one block of its own document
(150 to 800 words: the answers mostly lie past the first 128 tokens); by default the texts
asked about and the next ones up to 40 texts, `--texts 0` for all 122. The questions
(bench/data/hard_questions.jsonl) were written for 27 of them, about a fact in the text's
second half where the text allowed it, in other words than the text's.

Usage: python bench/hard_retrieval.py [--model e5-small] [--json]
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

from bench.retrieval import evaluate  # noqa: E402
from corpus.model import Document, Embedding  # noqa: E402
from corpus.store import Store  # noqa: E402
from corpus.vectors import pack  # noqa: E402
from index.build import add_document  # noqa: E402
from index.searcher import Searcher  # noqa: E402
from pipeline.embed.models import QueryEmbedder, allow_threads, encoder  # noqa: E402
from pipeline.embed.passages import embed_blocks  # noqa: E402
from pipeline.wiring import detect_query_language  # noqa: E402

TEXTS = ROOT.parent / "shared" / "dev-sets" / "factRuEval-2016-devset"
QUESTIONS = ROOT / "bench" / "data" / "hard_questions.jsonl"
LANGUAGES = ("ru", "en", "uk")


def documents(asked: set[str], count: int) -> list[Document]:
    """The texts asked about and others up to `count` texts (0: all), each a document of one
    block (its paragraphs joined)."""
    paths = sorted(TEXTS.glob("book_*.txt"), key=lambda p: (p.stem not in asked, p.name))
    found = []
    for path in paths[:count] if count else paths:
        text = " ".join(path.read_text("utf-8").split())
        doc = Document(
            id=hashlib.sha256(path.name.encode()).hexdigest(),
            source_name=path.stem,
            media_type="text/plain",
            kind="report",
            language="ru",
            status="ok",
        )
        doc.add_block("paragraph", text, language="ru")
        found.append(doc)
    return found


def questions() -> list[dict[str, str]]:
    """The questions of bench/data/hard_questions.jsonl, in file order."""
    return [json.loads(line) for line in QUESTIONS.read_text("utf-8").splitlines() if line]


def stored(folder: Path, docs: list[Document]) -> tuple[Store, dict[str, str]]:
    """A store at `folder` holding and indexing `docs`, and the block of each text's name."""
    store = Store(folder)
    for doc in docs:
        store.save_document(doc)
        add_document(store, doc)
    return store, {d.source_name: d.blocks[0].id for d in docs}


def embed(docs: list[Document], model: Any, whole: bool) -> float:
    """Set every block's embedding; the seconds spent embedding."""
    began = time.perf_counter()
    for doc in docs:
        if whole:
            for block, read in zip(doc.blocks, embed_blocks(doc.blocks, model), strict=True):
                if read is not None:
                    block.embedding = read.stored(model.name, model.dim)
            continue
        cut = model.passages([model.truncate(b.text) for b in doc.blocks])
        for block, vector in zip(doc.blocks, cut, strict=True):
            block.embedding = Embedding(model.name, model.dim, pack(vector))
    return time.perf_counter() - began


def measure(
    items: list[dict[str, str]], model_name: str, whole: bool, count: int, threads: int
) -> dict[str, Any]:
    model = encoder(model_name, threads=threads, max_tokens=0 if whole else 128)
    docs = documents({item["id"] for item in items}, count)
    seconds = embed(docs, model, whole)
    with tempfile.TemporaryDirectory() as folder:
        store, gold = stored(Path(folder), docs)
        items = [item for item in items if item["id"] in gold]  # fewer texts: their questions
        searcher = Searcher(
            store, detect_language=detect_query_language, embed_query=QueryEmbedder(model)
        )
        results = {
            f"{mode} {language}": evaluate(searcher, items, gold, mode, language)
            for language in LANGUAGES
            for mode in ("lexical", "hybrid", "semantic")
        }
        searcher.close()
        store.close()
    return {"embedding_seconds": round(seconds, 1), "results": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="e5-small")
    parser.add_argument("--texts", type=int, default=40, help="texts in the archive (0: all)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--every-word-only", action="store_true", help="skip the 128-token run")
    parser.add_argument("--short", action="store_true",
                        help="8 texts, every word only (CI)")
    args = parser.parse_args()
    if args.short:
        args.texts, args.every_word_only = 8, True
    if not TEXTS.is_dir():
        print(f"the factRuEval-2016 dev set is not at {TEXTS}: nothing to measure")
        return
    allow_threads()
    items = questions()
    report: dict[str, Any] = {
        "texts": args.texts or len(list(TEXTS.glob("book_*.txt"))),
        "questions": len(items),
        "every word": measure(items, args.model, True, args.texts, args.threads),
    }
    if not args.every_word_only:
        report["first 128 tokens"] = measure(items, args.model, False, args.texts, args.threads)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    after = report["every word"]
    before = report.get("first 128 tokens", after)
    print(f"{report['texts']} texts, {report['questions']} questions per language")
    print(
        f"embedding: {before['embedding_seconds']} s (first 128 tokens) vs "
        f"{after['embedding_seconds']} s (every word)"
    )
    print("| search | recall@1 before | recall@1 after | recall@5 before | recall@5 after |")
    print("|---|---|---|---|---|")
    for name, was in before["results"].items():
        now = after["results"][name]
        print(
            f"| {name} | {was['recall@1']:.2f} | {now['recall@1']:.2f} | "
            f"{was['recall@5']:.2f} | {now['recall@5']:.2f} |"
        )


if __name__ == "__main__":
    main()

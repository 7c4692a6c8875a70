"""How far above its background a query's best block stands, against how far nonsense does:
the figures behind `index.meaning.SEMANTIC_MARGIN`.

An archive is built (the short paragraphs of a retrieval set, or with `--hard` the 122 long
news texts of bench/hard_retrieval.py); for every question (each language it is asked in) and
for 20 nonsense queries, the best block's similarity is compared with the query's mean
similarity to the meaningless texts (index.background) and with its median similarity to the
archive. A margin between the nonsense maximum and the questions' minimum shows meaning
without showing noise; the share of questions above each margin says what it costs.

Usage: python bench/calibrate.py [--data bench/data/retrieval_ru.jsonl] [--hard] [--subset N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.retrieval import DATA, build_archive  # noqa: E402
from index.background import NOISE_TEXTS  # noqa: E402
from index.catalog import load_catalog  # noqa: E402
from index.meaning import SEMANTIC_MIN_WORDS  # noqa: E402
from index.vectors import load_vectors  # noqa: E402
from pipeline.embed.models import allow_threads, encoder  # noqa: E402

NONSENSE = (
    "xyzzyqwerty", "asdfghjkl", "qwertyuiop", "фывапролдж", "йцукенгшщз", "zxcvbnm",
    "blorptangle", "кракозябра", "ыщщф вфыв", "lkjhg poiuy", "ъьъьъ", "mnbvcx lkj",
    "флибертигибет", "gobbledygook", "трщпрщ", "jjjjjjj", "пуцфыв ааа", "wqrtp zxq",
    "бзззыщ", "ooglyboogly",
)


def unit(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=-1, keepdims=True), 1e-12)


def margins(vectors: Any, reference: np.ndarray, query: np.ndarray) -> np.ndarray:
    """The sum of both references' margins for every block (see index.meaning)."""
    scores = vectors.scores(query)
    embedded = np.isfinite(vectors.norms)
    background = float((reference @ unit(query)).mean())
    return 2 * scores - background - float(np.median(scores[embedded]))


def report(name: str, best: np.ndarray, answers: np.ndarray | None = None) -> None:
    line = f"{name}: best block's sum min {best.min():.3f} max {best.max():.3f}"
    if answers is not None:
        line += f"; answer's sum p5 {np.percentile(answers, 5):.3f}; share of queries with "
        line += ", ".join(f"best >= {m}: {(best >= m).mean():.3f}" for m in (0.06, 0.07, 0.08))
    print(line)


def archive(args: argparse.Namespace, folder: Path, model: Any) -> tuple[Any, dict[str, str],
                                                                         list[dict[str, str]]]:
    """The store, the answer block of each item's id, and the items asked."""
    if args.hard:
        from bench.hard_retrieval import documents, embed, questions, stored

        items = questions()
        items = items[: args.subset] if args.subset else items
        docs = documents({item["id"] for item in items}, 0 if not args.subset else 30)
        embed(docs, model, True)
        store, gold = stored(folder, docs)
        return store, gold, [item for item in items if item["id"] in gold]
    lines = args.data.read_text("utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    items = items[: args.subset] if args.subset else items
    store, gold, _ = build_archive(folder, items, model)
    return store, gold, items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--hard", action="store_true", help="the long news texts instead")
    parser.add_argument("--model", default="e5-small")
    parser.add_argument("--subset", type=int, default=0)
    parser.add_argument("--short", action="store_true", help="the first 12 questions (CI)")
    args = parser.parse_args()
    args.subset = args.subset or (12 if args.short else 0)
    if args.hard and not (ROOT.parent / "shared" / "dev-sets").is_dir():
        print("the factRuEval-2016 dev set is absent: nothing to calibrate on")
        return
    allow_threads()
    model = encoder(args.model, threads=2)
    reference = unit(model.passages(list(NOISE_TEXTS)))
    with tempfile.TemporaryDirectory() as folder:
        store, gold, items = archive(args, Path(folder), model)
        catalog = load_catalog(store)
        vectors = load_vectors(store, catalog)
        assert vectors is not None
        eligible = catalog.words >= SEMANTIC_MIN_WORDS
        languages = [k.removeprefix("question_") for k in items[0] if k.startswith("question_")]
        for language in languages:
            asked = [item for item in items if item.get(f"question_{language}")]
            sums = [margins(vectors, reference, model.query(item[f"question_{language}"]))
                    for item in asked]
            best = np.array([m[eligible].max() for m in sums])
            answers = np.array(
                [m[catalog.row_of[gold[item["id"]]]] for m, item in zip(sums, asked, strict=True)]
            )
            report(f"{len(asked)} {language} questions", best, answers)
        noise = [margins(vectors, reference, model.query(text)) for text in NONSENSE]
        report("20 nonsense queries", np.array([m[eligible].max() for m in noise]))
        store.close()


if __name__ == "__main__":
    main()

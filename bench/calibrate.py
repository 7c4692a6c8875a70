"""How far above its background a query's answer stands, against how far nonsense does: the
figures behind `index.ranking.SEMANTIC_MARGIN` and `MEDIAN_MARGIN`.

The paragraphs of a retrieval set are embedded as an archive; for every question (Russian and
English) the answer's similarity is compared with the query's mean similarity to the
background texts (index.background) and with its median similarity to the archive, and so are
the best similarities of 20 nonsense queries. A margin between the nonsense maximum and the
answers' minimum shows meaning without showing noise.

Usage: python bench/calibrate.py [--data bench/data/retrieval_ru.jsonl] [--subset N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.retrieval import DATA, build_archive  # noqa: E402
from index.background import BACKGROUND_TEXTS  # noqa: E402
from index.catalog import load_catalog  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--model", default="e5-small")
    parser.add_argument("--subset", type=int, default=0)
    parser.add_argument("--short", action="store_true", help="the first 12 questions (CI)")
    args = parser.parse_args()
    args.subset = args.subset or (12 if args.short else 0)
    allow_threads()
    lines = args.data.read_text("utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    items = items[: args.subset] if args.subset else items
    model = encoder(args.model, threads=2)
    reference = unit(model.passages(list(BACKGROUND_TEXTS)))
    with tempfile.TemporaryDirectory() as folder:
        store, gold, _ = build_archive(Path(folder), items, model)
        catalog = load_catalog(store)
        vectors = load_vectors(store, catalog)
        assert vectors is not None

        def margins(text: str, row: int | None) -> tuple[float, float]:
            query = model.query(text)
            scores = vectors.scores(query)
            best = float(scores[row] if row is not None else scores.max())
            return best - float((reference @ unit(query)).mean()), best - float(np.median(scores))

        languages = [k.removeprefix("question_") for k in items[0] if k.startswith("question_")]
        for language in languages:
            found = np.array(
                [
                    margins(item[f"question_{language}"], catalog.row_of[gold[item["id"]]])
                    for item in items
                    if item.get(f"question_{language}")
                ]
            )
            sums = np.sort(found.sum(axis=1))
            print(
                f"answers, {language} questions: above background min "
                f"{found[:, 0].min():.3f} p5 {np.percentile(found[:, 0], 5):.3f}; "
                f"above median min {found[:, 1].min():.3f}; sum, lowest three "
                f"{', '.join(f'{x:.3f}' for x in sums[:3])}"
            )
        noise = np.array([margins(text, None) for text in NONSENSE])
        print(
            f"nonsense, best block: above background max {noise[:, 0].max():.3f}; "
            f"above median max {noise[:, 1].max():.3f}; sum max {noise.sum(axis=1).max():.3f}"
        )
        store.close()


if __name__ == "__main__":
    main()

"""Long blocks of several topics, read in windows (real e5-small): each window's vector is
stored beside the block's mean, and a question about one topic meets the window that holds it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from embedded import embedded_searcher

from corpus.model import Document
from index.searcher import Searcher
from index.vectors import WINDOW_SHARE

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "retrieval_ru.jsonl"
TOPICS = 8  # paragraphs joined into one block
BLOCKS = 8


def items() -> list[dict[str, str]]:
    lines = DATA.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][: TOPICS * BLOCKS]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    """Eight blocks, each eight paragraphs on different subjects, embedded by the embed
    stage."""
    document = Document(id="d" * 64, source_name="digest_ru.docx", media_type="docx",
                        kind="report", language="ru", status="ok")
    found = items()
    for start in range(0, len(found), TOPICS):
        text = " ".join(item["text"] for item in found[start : start + TOPICS])
        document.add_block("paragraph", text, language="ru")
    with embedded_searcher(tmp_path_factory.mktemp("windows"), document) as opened:
        yield opened


def test_each_long_block_keeps_its_windows(searcher: Searcher) -> None:
    stored = dict(searcher.store.embeddings.windows("e5-small", 384))
    assert len(stored) == BLOCKS
    assert all(rows.dtype == np.int8 and len(rows) >= 2 for rows in stored.values())
    vectors = searcher.vectors
    assert vectors is not None and vectors.windows is not None
    assert sorted(vectors.windows.rows.tolist()) == sorted(
        searcher.catalog.row_of[b] for b in stored
    )
    assert len(vectors.windows.matrix) == sum(len(rows) for rows in stored.values())


@pytest.mark.parametrize(("language", "least"), [("ru", 60), ("en", 56)])
def test_a_question_about_one_topic_finds_its_block_first(
    searcher: Searcher, language: str, least: int
) -> None:
    """Eight blocks of eight topics each (about 450 tokens a block, like a long report
    paragraph): the questions of the 64 topics find their block first far more often by the
    windows than by each block's mean vector alone."""
    vectors = searcher.vectors
    assert vectors is not None
    order = [searcher.catalog.row_of[b.id] for b in searcher.store.load_document("d" * 64).blocks]
    means = vectors.matrix[order].astype(np.float32) / vectors.norms[order, None]
    by_windows = by_mean = 0
    for number, item in enumerate(items()):
        ranking = searcher.rank(item[f"question_{language}"], mode="semantic")
        by_windows += bool(ranking.rows) and ranking.rows[0] == order[number // TOPICS]
        query = searcher.embed_query(item[f"question_{language}"])  # type: ignore[misc]
        by_mean += int(np.argmax(means @ query)) == number // TOPICS
    assert by_windows >= least
    assert by_windows >= by_mean + 4


def test_a_windowed_block_scores_its_best_window_and_its_mean(searcher: Searcher) -> None:
    vectors = searcher.vectors
    assert vectors is not None and vectors.windows is not None
    query = searcher.embed_query(items()[TOPICS - 1]["question_en"])  # type: ignore[misc]
    q = query / np.linalg.norm(query)
    block = searcher.store.load_document("d" * 64).blocks[0].id
    row = searcher.catalog.row_of[block]
    windows = dict(searcher.store.embeddings.windows("e5-small", 384))[block].astype(np.float32)
    best = float(np.max(windows @ q / np.linalg.norm(windows, axis=1)))
    mean = float(vectors.matrix[row].astype(np.float32) @ q / vectors.norms[row])
    expected = WINDOW_SHARE * best + (1 - WINDOW_SHARE) * mean
    assert float(vectors.scores(query)[row]) == pytest.approx(expected, abs=1e-5)
    assert best != pytest.approx(mean, abs=1e-3)  # the two parts differ here

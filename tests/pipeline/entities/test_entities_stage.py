"""The entities stage as a stage: bad input, huge paragraphs cut at sentence ends, a failing
block recorded, entities saved with their blocks, and the models and components loaded once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from entity_fixtures import found
from spacy.tokens import Doc as SpacyDoc

from corpus.errors import ConfigError
from corpus.model import Document, Entity
from corpus.store import Store
from pipeline.entities.nlp import pipeline_for
from pipeline.entities.spans import register_component
from pipeline.entities.stage import EntitiesStage, segments


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "12345 67890",
        "!!! ... ???",
        "№ 5/12-а",
        "Москва Moscow Մոսկվա Масква ✓ 🙂 東京",
        "\x00\x07 контроль",
        "Рязань" * 3000,
        "А" * 50_000,
    ],
)
def test_bad_input_does_not_crash(analyse: Callable[..., Document], text: str) -> None:
    doc = analyse(text)
    assert doc.problems == []
    assert all(text[e.start : e.end] == e.text for e in doc.blocks[0].entities)


SENTENCE = "Делегация Рязани выступила на заседании ассамблеи в Москве. "


@pytest.mark.parametrize(
    "repeat",
    [
        200,  # about 12,000 characters: cut into three segments
        pytest.param(1700, marks=pytest.mark.slow),  # about 100,000 characters in one paragraph
    ],
)
def test_a_huge_paragraph_is_cut_and_offsets_stay_right(
    analyse: Callable[..., Document], repeat: int
) -> None:
    text = SENTENCE * repeat
    doc = analyse(text)
    entities = doc.blocks[0].entities
    assert len(text) > 2 * 5000 and doc.problems == []
    assert [e.key for e in entities] == ["city:ryazan", "city:moscow"] * repeat
    assert all(text[e.start : e.end] == e.text for e in entities)


def test_segments_cover_the_text_at_sentence_ends() -> None:
    text = "Первое предложение. " * 600 + "x" * 7000
    pieces = list(segments(text, limit=5000))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 5000 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert pieces[0][1].endswith("предложение. ")


def test_a_failing_block_is_recorded_and_the_document_is_partial(
    analyse: Callable[..., Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.entities.stage as stage_module

    real = stage_module.entities_of

    def broken(doc: SpacyDoc, offset: int) -> list[Entity]:
        if "СЛОМАНО" in doc.text:
            raise RuntimeError("component crashed")
        return real(doc, offset)

    monkeypatch.setattr(stage_module, "entities_of", broken)
    doc = analyse("Делегация Рязани выступила.", "СЛОМАНО: заседание в Москве.")
    doc.finish()
    assert found(doc, 0) == [("LOC", "Рязани", "Рязань", "city:ryazan")]
    assert doc.blocks[1].entities == []
    assert doc.problems == [f"entities: block {doc.blocks[1].id} failed: component crashed"]
    assert doc.status == "partial"


def test_entities_are_saved_with_their_blocks(
    analyse: Callable[..., Document], tmp_path: Path
) -> None:
    doc = analyse("Делегация Рязани выступила на заседании МАГ.")
    doc.finish()
    with Store(tmp_path) as store:
        store.save_document(doc, stages={"entities": EntitiesStage.version})
        loaded = store.load_document(doc.id)
    assert loaded.blocks[0].entities == doc.blocks[0].entities
    assert found(loaded) == [
        ("LOC", "Рязани", "Рязань", "city:ryazan"),
        ("ORG", "МАГ", "МАГ", "org:iaclc"),
    ]


def test_models_load_once_per_process(analyse: Callable[..., Document]) -> None:
    from pipeline.entities.natasha_ner import ner_model

    analyse("Заседание прошло в Москве.")
    loads = ner_model.cache_info().misses
    analyse("Делегация Рязани выступила.", "Второй документ о Москве.")
    assert ner_model.cache_info().misses == loads == 1
    assert pipeline_for("ru") is pipeline_for("ru")


def test_a_component_name_cannot_be_registered_twice() -> None:
    with pytest.raises(ConfigError, match="sek_gazetteer"):
        register_component("sek_gazetteer")


def test_the_russian_pipeline_is_built_from_our_components() -> None:
    assert pipeline_for("ru").nlp.pipe_names == [
        "sek_natasha_ner",
        "sek_dates",
        "sek_money",
        "sek_percent",
        "sek_gazetteer",
        "sek_normalizer",
    ]
    assert pipeline_for("uk").nlp.pipe_names == [
        "sek_lemmas",
        "sek_dates",
        "sek_money",
        "sek_percent",
        "sek_gazetteer",
        "sek_normalizer",
    ]
    assert pipeline_for("ru").missing == ()


def test_warm_loads_the_russian_models_once(stage: EntitiesStage) -> None:
    from pipeline.entities.natasha_ner import ner_model

    stage.warm()
    misses = ner_model.cache_info().misses
    stage.warm()
    assert ner_model.cache_info().currsize == 1
    assert ner_model.cache_info().misses == misses == 1

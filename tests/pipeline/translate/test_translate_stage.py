"""The translate stage: targets, memory hits on re-runs, missing pairs, on-demand translate."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from translate_fixtures import make_document

from corpus.errors import StoreError
from corpus.memory import MemoryEntry
from corpus.model import Document
from corpus.store import Store
from pipeline.settings import DEFAULTS, Settings
from pipeline.stages import build_stages, run_stages
from pipeline.translate.apertium import ApertiumEngine
from pipeline.translate.argos import install_package
from pipeline.translate.engines import Pair, TranslationFailed
from pipeline.translate.glossary import Glossary
from pipeline.translate.router import Router
from pipeline.translate.stage import TranslateStage, translate_document

BLOCKS = (
    ("heading", "Доклад о сотрудничестве"),
    ("paragraph", "Делегация МАГ провела заседание в Москве."),
    ("list_item", "Делегация предложила общую программу обмена специалистами."),
    ("table_cell", "2025"),
)


def stored(archive: Store, document: Document, stages: dict[str, str] | None = None) -> None:
    """What the parent does with a worker's document: save it, then remember translations."""
    archive.save_document(document, stages=stages)
    archive.memory.remember(document)


def test_blocks_translated_where_an_engine_exists_and_waiting_otherwise(
    settings: Settings, archive: Store
) -> None:
    document = make_document(*BLOCKS)
    stage = TranslateStage(settings)
    done = run_stages(document, [stage])
    document.finish()
    assert done == {"translate": stage.version}
    assert [b.translation("uk").text for b in document.blocks] == [  # type: ignore[union-attr]
        "Доповідь о співпраці",
        "Делегація МАГ провела засідання у Москві.",
        "Делегація запропонувала спільну програму обміну спеціалістами.",
        "2025",
    ]
    first = document.blocks[1].translation("uk")
    assert first is not None and (first.engine, first.pivot, first.needs_review) == (
        "apertium",
        None,
        False,
    )
    assert document.blocks[3].translation("uk").engine == "identity"  # type: ignore[union-attr]
    assert [b.translation("en") for b in document.blocks] == [None] * 4
    assert (document.status, document.problems, document.waiting) == ("ok", [], ["ru-en"])


def test_default_targets_are_russian_and_what_the_installed_engines_serve(
    settings: Settings, archive: Store, package_files: dict[str, Path], apertium: ApertiumEngine
) -> None:
    """With Apertium only, Russian goes into Ukrainian and Belarusian, and English waits for
    an en-ru model (no loss); installing one changes the version, and the re-run fills it in."""
    defaults = settings.with_overrides(targets=",".join(DEFAULTS.targets))
    stage = TranslateStage(defaults)
    assert [stage.targets_for(s) for s in ("ru", "uk", "en")] == [["be", "uk"], ["ru"], ["ru"]]
    english = make_document(("paragraph", "The delegation met in Moscow."), language="en")
    stage.run(english)
    english.finish()
    assert (english.status, english.problems, english.waiting) == ("ok", [], ["en-ru"])
    assert english.blocks[0].translations == []
    install_package(settings.data / "models", package_files["en-ru"])
    again = TranslateStage(defaults)
    assert again.version != stage.version
    refilled = make_document(("paragraph", "The delegation met in Moscow."), language="en")
    again.run(refilled)
    russian = refilled.blocks[0].translation("ru")
    assert refilled.waiting == [] and russian is not None and russian.engine == "argos"
    assert again.targets_for("ru") == ["be", "uk"]  # en-ru serves English, not Russian


def test_second_run_translates_zero_segments(settings: Settings, archive: Store) -> None:
    document = make_document(*BLOCKS)
    first = TranslateStage(settings)
    first.run(document)
    stored(archive, document)
    again = archive.load_document(document.id)
    for block in again.blocks:
        block.translations = []
    second = TranslateStage(settings)
    second.run(again)
    assert (first.counts.machine, first.counts.copied) == (3, 1)
    assert (second.counts.machine, second.counts.memory) == (0, 3)
    assert [b.translations for b in again.blocks] == [b.translations for b in document.blocks]


def test_the_worker_reads_the_memory_read_only(settings: Settings, archive: Store) -> None:
    stage = TranslateStage(settings)
    stage.run(make_document(*BLOCKS[:1]))
    assert stage.memory is not None
    with pytest.raises(StoreError, match="readonly"):
        stage.memory.add([MemoryEntry("ru", "uk", "Доклад", "Доповідь", approved=True)])
    assert stage.memory.count() == {"machine": 0, "approved": 0}


def test_an_approved_translation_wins(settings: Settings, archive: Store) -> None:
    archive.memory.add(
        [
            MemoryEntry(
                "ru", "uk", "Доклад о сотрудничестве", "Доповідь про співробітництво",
                approved=True,
            )
        ]
    )
    document = make_document(*BLOCKS[:2])
    stage = TranslateStage(settings, memory=archive.memory)
    stage.run(document)
    heading = document.blocks[0].translation("uk")
    assert heading is not None
    assert (heading.text, heading.engine, heading.needs_review) == (
        "Доповідь про співробітництво",
        "human",
        False,
    )
    assert (stage.counts.approved, stage.counts.machine) == (1, 1)


def test_a_later_translate_fills_in_once_the_model_is_installed(
    settings: Settings, archive: Store, package_files: dict[str, Path]
) -> None:
    document = make_document(*BLOCKS)
    stage = TranslateStage(settings)
    run_stages(document, [stage])
    document.finish()
    stored(archive, document, {"translate": stage.version})
    install_package(settings.data / "models", package_files["ru-en"])
    assert TranslateStage(settings).version != stage.version  # the next ingest re-runs it
    filled, counts = translate_document(archive, "report_ru.docx", ["en"], settings)
    assert (filled.status, filled.problems) == ("ok", [])
    assert (counts.machine, counts.copied) == (3, 1)
    reloaded = archive.load_document(document.id)
    english = reloaded.blocks[1].translation("en")
    assert english is not None and english.engine == "argos" and english.text.strip()
    assert reloaded.blocks[1].translation("uk") == document.blocks[1].translation("uk")
    assert archive.memory.count()["machine"] == 6


def test_pivot_is_recorded_on_the_block(
    settings: Settings, archive: Store, package_files: dict[str, Path]
) -> None:
    install_package(settings.data / "models", package_files["kk-en"])
    install_package(settings.data / "models", package_files["en-ru"])
    document = make_document(("paragraph", "Қалалық кеңес бекітті."), language="kk")
    TranslateStage(settings.with_overrides(targets="ru")).run(document)
    russian = document.blocks[0].translation("ru")
    assert russian is not None
    assert (russian.engine, russian.pivot) == ("argos>argos", "en")
    assert russian.model_version.startswith("translate-kk_en 1.0 > translate-en_ru 1.0; glossary ")


def test_blocks_without_a_language_are_reported(settings: Settings, archive: Store) -> None:
    document = make_document(("paragraph", "Текст"), language="und")
    TranslateStage(settings).run(document)
    assert document.problems == ["translate: 1 blocks of undetermined language were not translated"]


class BrokenEngine:
    name = "broken"

    def pairs(self) -> dict[Pair, str]:
        return {("ru", "en"): "b1"}

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        raise TranslationFailed("broken returned empty text for 'Доклад'")


def test_a_broken_engine_fails_the_stage_after_the_other_pairs(
    settings: Settings, archive: Store, apertium: ApertiumEngine
) -> None:
    stage = TranslateStage(
        settings, router=Router([apertium, BrokenEngine()]), glossary=Glossary([])
    )
    document = make_document(*BLOCKS[:1])
    assert run_stages(document, [stage]) == {}
    assert document.problems == ["translate failed: ru→en: broken returned empty text for 'Доклад'"]
    assert document.blocks[0].translation("uk") is not None


def test_the_stage_is_registered(settings: Settings, archive: Store) -> None:
    stages = build_stages(settings.with_overrides(stages="translate"))
    assert [type(s).__name__ for s in stages] == ["TranslateStage"]
    assert stages[0].version.startswith("2;uk,en;engines ")

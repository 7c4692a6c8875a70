"""Apertium through fixed mode files: real output word for word, batching, silent failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.translate import apertium as apertium_module
from pipeline.translate.apertium import ApertiumEngine, fixed_mode
from pipeline.translate.engines import TranslationFailed

RU = [
    "Совет ассамблеи одобрил план сотрудничества городов на следующий год.",
    "Делегация предложила общую программу обмена специалистами.",
]
UK = [
    "Міська рада затвердила програму розвитку громадського транспорту.",
    "Делегати обговорили питання водопостачання та охорони довкілля.",
]


def test_russian_to_ukrainian_word_for_word(apertium: ApertiumEngine) -> None:
    assert apertium.translate(RU, "ru", "uk") == [
        "Рада асамблеї схвалив план співпраці городів на котрий наслідує рік.",
        "Делегація запропонувала спільну програму обміну спеціалістами.",
    ]


def test_ukrainian_to_russian_word_for_word(apertium: ApertiumEngine) -> None:
    assert apertium.translate(UK, "uk", "ru") == [
        "Городской совет затвердила программу развития общественного транспорта.",
        "Делегаты обговорили вопрос водоснабжение та охраны окружающая среда.",
    ]


def test_russian_belarusian_both_ways(apertium: ApertiumEngine) -> None:
    assert apertium.translate(RU[1:], "ru", "be") == [
        "Дэлегацыя прапанавала агульную праграму абмену спецыялісткамі."
    ]
    assert apertium.translate(
        ["Гарадскі савет зацвердзіў праграму развіцця транспарту."], "be", "ru"
    ) == ["Городской совет утвердил программу развития транспорта."]


def test_pairs_come_from_the_installed_modes_with_package_versions(
    apertium: ApertiumEngine,
) -> None:
    pairs = apertium.pairs()
    assert set(pairs) == {("ru", "uk"), ("uk", "ru"), ("ru", "be"), ("be", "ru")}
    assert pairs[("ru", "uk")].startswith("apertium-rus-ukr ")
    assert pairs[("be", "ru")].startswith("apertium-bel-rus ")


def test_fixed_mode_replaces_the_crashing_tagger_step() -> None:
    stock = (
        "lt-proc -w 'a.automorf.bin' | cg-proc -w '/x/rus-ukr.rlx.bin' | "
        "apertium-tagger -g $2 '/x/rus-ukr.prob' | apertium-pretransfer"
    )
    assert fixed_mode(stock) == (
        "lt-proc -w 'a.automorf.bin' | cg-proc -w -1 -n '/x/rus-ukr.rlx.bin' | apertium-pretransfer"
    )


def test_fixed_modes_are_written_under_the_engine_folder(apertium: ApertiumEngine) -> None:
    folder = apertium.folder()
    written = sorted(p.name for p in (folder / "modes").glob("*.mode"))
    assert written == ["bel-rus.mode", "rus-bel.mode", "rus-ukr.mode", "ukr-rus.mode"]
    assert "apertium-tagger" not in (folder / "modes" / "rus-ukr.mode").read_text()


def test_batch_keeps_every_segment_boundary(apertium: ApertiumEngine) -> None:
    segments = [
        "Делегация предложила программу.",
        "",
        "   ",
        "2025",
        "—",
        "  Первая строка\nвторая строка  ",
        "Абзац один.\n\nАбзац два.",
        "Скобки [x] ^знаки$ @ / <b> \\ {y}",
        "Без точки в конце",
    ] * 12
    assert (
        apertium.translate(segments, "ru", "uk")
        == [
            "Делегація запропонувала програму.",
            "",
            "   ",
            "2025",
            "—",
            "  Перша строка\nдруга строка  ",
            "Абзац один.\n\nАбзац два.",
            "Скобки [x] ^знаки$ @ / <b> \\ {y}",
            "Без точки наприкінці",
        ]
        * 12
    )


def test_small_batches_give_the_same_output(tmp_path: Path, apertium: ApertiumEngine) -> None:
    small = ApertiumEngine(tmp_path, batch_chars=140)
    segments = RU * 2
    assert small.translate(segments, "ru", "uk") == apertium.translate(segments, "ru", "uk")


def test_empty_output_for_real_text_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: the stock modes print nothing and exit 0; that must never pass as a
    translation."""
    monkeypatch.setattr(apertium_module, "fixed_mode", lambda text: text)
    stock = ApertiumEngine(tmp_path)
    with pytest.raises(TranslationFailed, match="apertium returned empty text for"):
        stock.translate(RU, "ru", "uk")


def test_a_pair_without_modes_is_a_missing_model(apertium: ApertiumEngine) -> None:
    from corpus.errors import ModelMissing

    with pytest.raises(ModelMissing, match="Apertium pair kk-ru is not installed"):
        apertium.translate(["Сәлем"], "kk", "ru")


def test_lost_boundaries_are_found_by_halving_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If a batch ever comes back with a separator missing, halving finds each segment."""
    engine = ApertiumEngine(tmp_path, stock=Path("/usr/share/apertium/modes"))
    calls = []

    def run(text: str, mode: str) -> str:
        calls.append(text)
        parts = text.split("\n\n")
        return " ".join(parts) if len(parts) > 2 else "\n\n".join(p.upper() for p in parts)

    monkeypatch.setattr(engine, "_run", run)
    monkeypatch.setattr(engine, "pairs", lambda: {("ru", "uk"): "test"})
    assert engine.translate(["а", "б", "в", "г", "д"], "ru", "uk") == ["А", "Б", "В", "Г", "Д"]
    assert len(calls) == 5

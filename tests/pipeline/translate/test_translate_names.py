"""Names, initials and references never go through the engine and come back in the target's
letters (real Apertium for the sentences, exact outputs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from translate_fixtures import needs_apertium

from corpus.store import Store
from pipeline.translate.apertium import ApertiumEngine
from pipeline.translate.glossary import Glossary
from pipeline.translate.names import Span, find_spans
from pipeline.translate.router import Router
from pipeline.translate.service import SegmentTranslator
from pipeline.translate.transliterate import transliterate

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def translator(tmp_path_factory: pytest.TempPathFactory) -> SegmentTranslator:
    needs_apertium()
    engine = ApertiumEngine(tmp_path_factory.mktemp("apertium"), marks=True)
    return SegmentTranslator(Router([engine]), Glossary.load())


@pytest.mark.parametrize(
    ("source", "target", "text", "expected"),
    [
        ("ru", "uk", "В.И. Ресин предложил перенести вопрос.",
         "В.І. Ресін запропонував перенести питання."),
        ("ru", "uk", "Слово предоставили И.С. Петрову.", "Слово надали І.С. Петрову."),
        ("ru", "uk", "Доклад сделал О.П. Сидоров.", "Доповідь зробив О.П. Сідоров."),
        ("ru", "be", "Присутствовали: Мамонтова Е.В.", "Прысутнічалі: Мамонтова Е.В."),
        ("ru", "be", "Доклад сделал О.П. Сидоров.", "Даклад зрабіў О.П. Сідороў."),
        ("uk", "ru", "Доповідь зробив В.І. Ресін.", "Доклад сделал В.И. Ресин."),
        ("ru", "uk", "Решение № 12-р от 12.03.2025 принято.",
         "Рішення № 12-р від 12.03.2025 прийняте."),
    ],
)
def test_names_initials_and_references_keep_their_form(
    translator: SegmentTranslator, source: str, target: str, text: str, expected: str
) -> None:
    [out] = translator.translate([text], source, target)
    assert (out.text, out.review_reason) == (expected, "")


def test_a_person_the_entity_stage_found_is_not_translated(translator: SegmentTranslator) -> None:
    text = "Выступил Кузнецов."
    assert translator.translate([text], "ru", "uk")[0].text == "Виступив Ковалів."
    found = translator.translate([text], "ru", "uk", {text: [(9, 17)]})[0]
    assert found.text == "Виступив Кузнецов."


def test_first_names_are_left_to_the_engine_surnames_are_not(
    translator: SegmentTranslator,
) -> None:
    text = "Владимир Путин встретился с Сергеем Ивановичем Петровым."
    people = {text: [(0, 14), (28, 55)]}
    assert [t.text for t in (translator.translate([text], "ru", target, people)[0]
                             for target in ("uk", "be"))] == [
        "Володимир Путін зустрівся з Сергієм Івановичем Петровим.",
        "Уладзімір Путін спаткаўся са Сяргеем Іванавічам Петровым.",
    ]


@pytest.mark.parametrize(
    ("name", "ukrainian", "belarusian"),
    [
        ("В.И. Ресин", "В.І. Ресін", "В.І. Ресін"),
        ("И.С.", "І.С.", "І.С."),
        ("О.П.", "О.П.", "О.П."),
        ("Е.В.", "Є.В.", "Е.В."),
        ("Мамонтова Е.В.", "Мамонтова Є.В.", "Мамонтова Е.В."),
        ("Крылов", "Крилов", "Крылоў"),
        ("Ильин", "Ільїн", "Ільін"),
        ("Соловьёв", "Соловйов", "Соловьёў"),
        ("Пугачёв", "Пугачов", "Пугачёў"),
        ("Эрдман", "Ердман", "Эрдман"),
        ("Щукин", "Щукін", "Шчукін"),
        ("Шишкин", "Шишкін", "Шышкін"),
        ("Бродский", "Бродський", "Бродскі"),
        ("Ресина", "Ресіна", "Ресіна"),
    ],
)
def test_russian_names_by_the_rules_of_each_pair(name: str, ukrainian: str, belarusian: str) -> None:
    assert transliterate(name, "ru", "uk") == ukrainian
    assert transliterate(name, "ru", "be") == belarusian


@pytest.mark.parametrize(
    ("name", "case", "ukrainian", "belarusian"),
    [
        ("Бродский", "gen", "Бродський", "Бродскі"),
        ("Бродского", "gen", "Бродського", "Бродскага"),
        ("Вишневская", "gen", "Вішневська", "Вішнеўская"),
        ("Мамонтовой", "gen", "Мамонтової", "Мамонтовай"),
        ("Мамонтовой", "ins", "Мамонтовою", "Мамонтовай"),
        ("Соловьёвой", "dat", "Соловйовій", "Соловьёвай"),
        ("Ильиной", "gen", "Ільїної", "Ільінай"),
        ("Толстой", "gen", "Толстой", "Толстой"),
    ],
)
def test_adjectival_surname_endings(name: str, case: str, ukrainian: str, belarusian: str) -> None:
    assert transliterate(name, "ru", "uk", case) == ukrainian
    assert transliterate(name, "ru", "be", case) == belarusian


def test_the_preposition_before_a_name_chooses_its_case(translator: SegmentTranslator) -> None:
    texts = ["Заслушали доклад Мамонтовой Е.В. о бюджете.", "Встреча с Мамонтовой Е.В. прошла."]
    assert [t.text for t in translator.translate(texts, "ru", "uk")] == [
        "Заслухали доповідь Мамонтової Є.В. о бюджеті.",
        "Зустріч з Мамонтовою Є.В. минула.",
    ]


def test_names_back_into_russian() -> None:
    assert transliterate("В.І. Ресін", "uk", "ru") == "В.И. Ресин"
    assert transliterate("Єрохін", "uk", "ru") == "Ерохин"
    assert transliterate("Є.М. Соловйова", "uk", "ru") == "Е.М. Соловьёва"
    assert transliterate("Альошин", "uk", "ru") == "Алёшин"
    assert transliterate("І.С. Петроў", "be", "ru") == "И.С. Петров"
    assert transliterate("Шчукін", "be", "ru") == "Щукин"


@pytest.mark.parametrize(("belarusian", "russian"), [
    ("Кірыллоў", "Кириллов"),  # ры for Russian ри
    ("Крылоў", "Крылов"),  # ры the dictionary knows as a name: kept
    ("Рыбакоў", "Рыбаков"),
    ("Рыжкоў", "Рыжков"),
])
def test_belarusian_ry_back_into_russian(belarusian: str, russian: str) -> None:
    assert transliterate(belarusian, "be", "ru") == russian


def test_spans_prefer_initials_before_a_surname() -> None:
    text = "Председательствующий И.С. Петров, Мамонтова Е.В. и В. Ресин; см. № 5/2025."
    assert find_spans(text, "ru", "uk") == [
        Span(21, 32, "І.С. Петров", "name"),
        Span(34, 48, "Мамонтова Є.В.", "name"),
        Span(51, 59, "В. Ресін", "name"),
        Span(65, 73, "№ 5/2025", "reference"),
    ]


def test_an_ingest_keeps_the_people_the_entity_stage_finds(tmp_path: Path) -> None:
    """The default stage order runs entities before translate: a surname alone survives."""
    pytest.importorskip("natasha", reason="the entity stage is not installed")
    needs_apertium()
    note = tmp_path / "note.txt"
    note.write_text("На заседании выступил Кузнецов и рассказал о бюджете.\n", "utf-8")
    data = tmp_path / "archive"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "ingest", str(note), "--data", str(data),
         "--stages", "language,entities,translate", "--workers", "1", "--deadline", "1200",
         "--json"],
        capture_output=True, text=True, timeout=1800, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SEKRETAR_TARGETS": "uk"},
    )
    assert done.returncode == 0, done.stderr
    with Store(data, readonly=True) as store:
        [block] = store.load_document(store.resolve("note.txt")).blocks
    translation = block.translation("uk")
    assert translation is not None
    assert "Кузнецов" in translation.text and "Ковал" not in translation.text

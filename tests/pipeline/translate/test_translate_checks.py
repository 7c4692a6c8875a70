"""The quality checks flag exactly the segments an editor must look at, with the reason."""

from __future__ import annotations

import pytest
from translate_fixtures import needs_apertium

from corpus.review import describe, status
from pipeline.translate.apertium import ApertiumEngine
from pipeline.translate.checks import Checker, Segment
from pipeline.translate.engines import strip_marks
from pipeline.translate.glossary import Glossary
from pipeline.translate.router import Router
from pipeline.translate.service import SegmentTranslator


@pytest.fixture(scope="module")
def checker() -> Checker:
    needs_apertium()
    return Checker()


def reason(checker: Checker, segment: Segment, source: str = "ru", target: str = "uk") -> str:
    return checker.review([segment], source, target)[0]


def test_words_left_in_russian_by_dictionary_and_by_alphabet(checker: Checker) -> None:
    segment = Segment("Присутствовали члены совета.", "Присутствовали члени ради.")
    assert reason(checker, segment) == "untranslated:Присутствовали"
    assert reason(checker, Segment("Решили одобрить.", "Решили ухваліць."), "ru", "be") == (
        "untranslated:Решили"
    )


def test_a_word_both_languages_share_is_not_flagged(checker: Checker) -> None:
    assert reason(checker, Segment("План работы принят.", "План роботи прийнятий.")) == ""


def test_listed_leftovers_are_flagged_though_the_dictionary_knows_them(checker: Checker) -> None:
    segment = Segment("Говорить про розвиток ради.", "Говорит про развитие ради.")
    assert reason(checker, segment, "uk", "ru") == "untranslated:про,ради"
    assert reason(checker, Segment("Отчёт о работе.", "Звіт о роботі."), "ru", "uk") == (
        "untranslated:о"
    )


def test_repeated_word_unknown_marks_lost_numbers_and_names(checker: Checker) -> None:
    segment = Segment(
        "Доручити секретаріату узагальнити 12 пропозицій.",
        "Поручить Поручить обобщить предложения.",
        marked=["*обобщить", "#что"],
        protected=[],
    )
    assert reason(checker, segment, "uk", "ru") == "unknown:обобщить|repeated:Поручить|lost:12"
    named = Segment("Выступил В.И. Ресин.", "Виступив.", protected=["В.І. Ресін"])
    assert reason(checker, named) == "lost:В.І. Ресін"


def test_length_far_from_the_norm(checker: Checker) -> None:
    source = "Совет рассмотрел вопрос о бюджете города на следующий год."
    assert reason(checker, Segment(source, "Рада.")) == "length:0.1"
    assert reason(checker, Segment(source, "Рада розглянула питання про бюджет міста.")) == ""


def test_marks_are_removed_unless_the_source_has_them() -> None:
    assert strip_marks("*Присутствовали #котрий члени", "") == (
        "Присутствовали котрий члени", ["*Присутствовали", "#котрий"]
    )
    assert strip_marks("Тег #бюджет", "Тег #бюджет") == ("Тег #бюджет", [])


def test_reasons_in_the_readers_language() -> None:
    stored = "untranslated:Присутствовали|repeated:Поручить"
    assert describe(stored, "en") == (
        "words left in the source language: Присутствовали; a word repeated: Поручить"
    )
    assert describe(stored, "uk") == (
        "слова залишилися мовою оригіналу: Присутствовали; повтор слова: Поручить"
    )


def test_the_real_engine_flags_the_known_uk_ru_defect(tmp_path_factory: pytest.TempPathFactory) -> None:
    needs_apertium()
    engine = ApertiumEngine(tmp_path_factory.mktemp("apertium"), marks=True)
    translator = SegmentTranslator(Router([engine]), Glossary.load())
    out = translator.translate(
        [
            "Доручити секретаріату узагальнити пропозиції.",
            "Рада схвалила план роботи.",
            "Інформацію взяти до відома.",
        ],
        "uk",
        "ru",
    )
    assert [(t.text, t.needs_review, t.review_reason) for t in out] == [
        ("Поручить Поручить обобщить предложения.", True, "repeated:Поручить"),
        ("Совет одобрила план роботи.", True, "untranslated:роботи"),
        ("Информацию принять к сведению.", False, ""),
    ]


def test_what_a_translation_is() -> None:
    assert [status("human", False), status("apertium", True), status("apertium", False),
            status("identity", False)] == ["approved", "needs review", "machine", "original"]

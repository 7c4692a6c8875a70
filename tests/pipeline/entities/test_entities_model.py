"""The entity stage against the model it wraps (natasha, real): the model reads whole text with
its neighbours and its own tokens; rules and the gazetteer fill gaps but do not overrule it; a
name has one reading per document; normal forms and person keys; section labels are no names.
Each test holds the exact spans of one class of error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from entity_fixtures import found

from corpus.model import Document
from pipeline.entities.stage import pipeline_language
from pipeline.entities.tokens import RazdelTokenizer
from pipeline.entities.windows import windows

Analyse = Callable[..., Document]


def test_initials_and_abbreviations_do_not_cut_a_name(analyse: Analyse) -> None:
    doc = analyse(
        "В экспедиции участвовал А.Н. Чилингаров.",
        "Сделку одобрил О. Дерипаска.",
        "Он окончил Московский университет имени М.В. Ломоносова.",
    )
    assert found(doc, 0) == [("PER", "А.Н. Чилингаров", "А.Н. Чилингаров", "per:chilingarov-a")]
    assert found(doc, 1) == [("PER", "О. Дерипаска", "О. Дерипаска", "per:deripaska-o")]
    assert [(e.label, e.text) for e in doc.blocks[2].entities] == [
        ("ORG", "Московский университет имени М.В. Ломоносова")
    ]


def test_a_paragraph_initial_name_is_read_with_the_paragraph_before(analyse: Analyse) -> None:
    doc = analyse(
        "Президент Украины провёл встречу в Киеве.",
        "Порошенко заявил журналистам, что переговоры продолжатся.",
    )
    assert found(doc, 1) == [("PER", "Порошенко", "Порошенко", "per:poroshenko")]


def test_a_block_that_ends_no_sentence_is_closed_in_its_window(analyse: Analyse) -> None:
    doc = analyse("Обеспечение надёжного водоснабжения города Рязани", "Опыт Рязани показывает путь.")
    assert [(e.label, e.text) for e in doc.blocks[1].entities] == [("LOC", "Рязани")]
    (window,) = windows(iter([(b, 0, b.text) for b in doc.blocks]), 5000)
    assert window.text == (
        "Обеспечение надёжного водоснабжения города Рязани .\nОпыт Рязани показывает путь."
    )


def test_spans_follow_the_models_own_tokens(analyse: Analyse) -> None:
    doc = analyse("Об этом сообщили в США.Байден не ответил.", "Маршрут тура: Бельгия#Италия#Испания.")
    assert [(e.label, e.text, e.start) for e in doc.blocks[0].entities] == [
        ("LOC", "США", 19),
        ("PER", "Байден", 23),
    ]
    assert [(e.label, e.text) for e in doc.blocks[1].entities] == [
        ("LOC", "Бельгия"),
        ("LOC", "Италия"),
        ("LOC", "Испания"),
    ]


def test_a_sum_in_dollars_leaves_the_country(analyse: Analyse) -> None:
    doc = analyse("Бюджет программы составит 5 млрд долларов США.")
    assert found(doc) == [
        ("MONEY", "5 млрд долларов", "5000000000 USD", "money:5000000000-USD"),
        ("LOC", "США", "США", "loc:сша"),
    ]


def test_the_gazetteer_does_not_retype_cut_or_swallow_model_spans(analyse: Analyse) -> None:
    doc = analyse(
        "Кредит выдал банк «Россия».",
        "Телеканал «Россия 1» покажет фильм.",
        "Решение принято Правительством РФ.",
    )
    assert [(e.label, e.text) for e in doc.blocks[0].entities] == [("ORG", "Россия")]
    assert [(e.label, e.text) for e in doc.blocks[1].entities] == [("ORG", "Россия 1")]
    assert found(doc, 2) == [
        ("ORG", "Правительством", "Правительство", "org:правительство"),
        ("LOC", "РФ", "РФ", "country:russia"),
    ]


def test_the_gazetteer_still_fills_and_widens(analyse: Analyse) -> None:
    doc = analyse("Делегация Намангана выступила.", "Администрация города Рязани готова помочь.")
    assert found(doc, 0) == [("LOC", "Намангана", "Наманган", "city:namangan")]
    assert found(doc, 1) == [
        ("ORG", "Администрация города Рязани", "Администрация города Рязани",
         "org:ryazan-administration"),
    ]  # fmt: skip


def test_a_model_span_is_split_at_brackets_and_bullets(analyse: Analyse) -> None:
    doc = analyse(
        "Заявление сделал Комитет защиты журналистов (КЗЖ).",
        "Голосовали: Туркмения • Уганда • Объединённые Арабские Эмираты.",
    )
    assert [(e.label, e.text) for e in doc.blocks[0].entities] == [
        ("ORG", "Комитет защиты журналистов"),
        ("ORG", "КЗЖ"),
    ]
    assert [e.text for e in doc.blocks[1].entities] == [
        "Туркмения",
        "Уганда",
        "Объединённые Арабские Эмираты",
    ]


def test_a_short_russian_headline_keeps_its_documents_language(analyse: Analyse) -> None:
    doc = analyse(
        "Роснефть завершила сделку с индийской компанией",
        "Нефтяная компания «Роснефть» закрыла сделку по покупке доли в индийском "
        "нефтеперерабатывающем заводе, сообщила пресс-служба компании в понедельник.",
        "Hewlett-Packard берёт пример с Google",
    )
    assert doc.language == "ru"
    assert [pipeline_language(b, doc) for b in doc.blocks] == ["ru", "ru", "ru"]
    assert [(e.label, e.text) for e in doc.blocks[0].entities] == [("ORG", "Роснефть")]
    assert [(e.label, e.text) for e in doc.blocks[2].entities] == [
        ("ORG", "Hewlett-Packard"),
        ("ORG", "Google"),
    ]


def test_a_ukrainian_line_in_a_russian_document_stays_ukrainian(analyse: Analyse) -> None:
    doc = analyse(
        "Заседание совета прошло в Москве, участники обсудили развитие городов и их хозяйства.",
        "Засідання ради відбулося у Києві.",
    )
    assert pipeline_language(doc.blocks[1], doc) == doc.blocks[1].language == "uk"


def test_a_name_tagged_once_is_tagged_everywhere_in_the_document(analyse: Analyse) -> None:
    doc = analyse("Соглашение подписал мэр Москвы Сергей Собянин.", "Позже Собянин посетил выставку.")
    assert found(doc, 1) == [("PER", "Собянин", "Собянин", "per:sobianin-s")]


def test_a_name_the_neighbouring_text_hides_is_found_in_its_line_alone(analyse: Analyse) -> None:
    doc = analyse(
        "Роскосмос готовит запуск ракеты с космодрома Восточный.",
        "В Казани завершился чемпионат мира по водным видам спорта.",
        "Аэрофлот возобновил рейсы в Египет.",  # natasha on the whole text misses Аэрофлот
    )
    assert [(e.label, e.text) for e in doc.blocks[2].entities] == [
        ("ORG", "Аэрофлот"),
        ("LOC", "Египет"),
    ]


def test_a_word_that_cannot_open_a_name_is_not_taken_from_a_line_alone(analyse: Analyse) -> None:
    doc = analyse("Он долго работал на севере.", "Скопив деньги, он уехал в Москву.")
    assert [(e.label, e.text) for e in doc.blocks[1].entities] == [("LOC", "Москву")]


@pytest.mark.parametrize(
    "text", ["  А.Н. Чилингаров\n\nи  г. Москва ", "США.Байден", "", "\t\n", "a  b\u00a0c"]
)
def test_the_russian_tokenizer_keeps_the_text_and_splits_as_razdel(text: str) -> None:
    from razdel import tokenize

    doc = RazdelTokenizer(spacy.blank("ru").vocab)(text)
    assert doc.text == text
    assert [t.text for t in doc if not t.is_space] == [t.text for t in tokenize(text)]


def test_a_verb_is_not_a_person(analyse: Analyse) -> None:
    doc = analyse("Кузнецов Д.П. выступил. Доложил о ходе работ.", "Фильм снял Де Ниро.")
    assert [(e.label, e.text) for e in doc.blocks[0].entities] == [("PER", "Кузнецов Д.П.")]
    assert [(e.label, e.text) for e in doc.blocks[1].entities] == [("PER", "Де Ниро")]

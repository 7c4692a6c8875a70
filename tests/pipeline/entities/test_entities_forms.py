"""Normal forms (ё, the first name's reading, no plural person, hyphenated names), one key per
person, one reading of a name per document, and section labels that are never names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from entity_fixtures import found

from corpus.model import Document, Entity
from pipeline.entities.consistency import make_consistent
from pipeline.entities.morph import person_nominative, phrase_nominative
from pipeline.entities.persons import person_entity_key
from pipeline.entities.sections import is_section_label
from pipeline.entities.stage import entities_stage
from pipeline.language.stage import LanguageStage
from pipeline.settings import Settings

Analyse = Callable[..., Document]


@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        (["Терезы", "Мэй"], ["Тереза", "Мэй"]),  # the first name leads; Мэй does not decline
        (["Меллон"], ["Меллон"]),  # never a plural (Меллоны)
        (["Эндрю", "Меллона"], ["Эндрю", "Меллон"]),
        (["Путина"], ["Путин"]),
        (["Кульгинов"], ["Кульгинов"]),  # no singular reading: as written (not Кульгины)
        (["Сергея", "Есенина"], ["Сергей", "Есенин"]),
        (["Миронова", "Е.С."], ["Миронова", "Е.С."]),  # beside initials: the nominative
        (["Петрову", "И.С."], ["Петров", "И.С."]),
        (["Юрию", "Мильнеру"], ["Юрий", "Мильнер"]),  # an unknown surname led by a first name
        (["Нэнси", "Пелоси"], ["Нэнси", "Пелоси"]),  # not Пелось: a guess ending in a vowel
        (["Эзра"], ["Эзра"]),  # an unknown word alone is inflected only as a surname
    ],
)
def test_person_nominatives(words: list[str], nominative: list[str]) -> None:
    assert person_nominative(words, "ru") == nominative


@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        (["Соединенных", "Штатов"], ["Соединенные", "Штаты"]),  # ё only where it was written
        (["Соединённых", "Штатов"], ["Соединённые", "Штаты"]),
        (["Даунинг-стрит"], ["Даунинг-стрит"]),  # not Даунинги-стрит
        (["Санкт-Петербурга"], ["Санкт-Петербург"]),
        (["Ростова-на-Дону"], ["Ростов-на-Дону"]),
        (["МИДа"], ["МИД"]),
        (["Тусоне"], ["Тусон"]),  # an unknown place: a consonant stem first
        (["Вашингтонском", "аэропорту"], ["Вашингтонский", "аэропорт"]),  # the second locative
    ],
)
def test_place_nominatives(words: list[str], nominative: list[str]) -> None:
    assert phrase_nominative(words, "ru") == nominative


def test_normal_forms_in_the_stage(analyse: Analyse) -> None:
    doc = analyse(
        "Премьер-министр Терезы Мэй выступила на Даунинг-стрит.",
        "Речь Путина транслировали Соединенные Штаты.",
        "Делегация прибыла из Санкт-Петербурга.",
    )
    assert [(e.text, e.normal) for b in doc.blocks for e in b.entities] == [
        ("Терезы Мэй", "Тереза Мэй"),
        ("Даунинг-стрит", "Даунинг-стрит"),
        ("Путина", "Путин"),
        ("Соединенные Штаты", "Соединенные Штаты"),
        ("Санкт-Петербурга", "Санкт-Петербург"),
    ]
    assert doc.blocks[2].entities[0].key == "city:saint-petersburg"


def test_one_key_per_person_across_inflections_and_initials(analyse: Analyse) -> None:
    doc = analyse(
        "Слово предоставлено Петровой И.С.",
        "Доклад Петрова И.С. одобрен.",
        "Петров И.С. ответил на вопросы.",
        "Кульгинов А.А. поддержал предложение.",
    )
    assert [(e.text, e.key) for b in doc.blocks for e in b.entities] == [
        ("Петровой И.С", "per:petrov-i"),
        ("Петрова И.С.", "per:petrov-i"),
        ("Петров И.С.", "per:petrov-i"),
        ("Кульгинов А.А.", "per:kulginov-a"),
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("И.С. Петров", "per:petrov-i"),
        ("Иван Петров", "per:petrov-i"),
        ("Ivan Petrov", "per:petrov-i"),
        ("Петровская Е.В.", "per:petrovski-e"),
        ("Ковальська О.", "per:kovalski-o"),
        ("Анна Петрова", "per:petrova-a"),  # the first name tells a woman: no folding
        ("О. Дерипаска", "per:deripaska-o"),
        ("Путин", "per:putin"),
        ("Жан-Мари Ле Пен", "per:le-pen-z"),  # a surname of several words runs from its particle
        ("Роберт Де Ниро", "per:de-niro-r"),
        ("Урсула фон дер Ляйен", "per:fon-der-liaen-u"),
    ],
)
def test_person_keys(name: str, key: str) -> None:
    assert person_entity_key(name, "ru") == key


def test_a_surname_alone_takes_the_key_of_the_documents_person(analyse: Analyse) -> None:
    doc = analyse("Выступил Владимир Путин.", "Путин приехал позже.")
    assert found(doc, 1) == [("PER", "Путин", "Путин", "per:putin-v")]


def test_section_labels_are_never_entities(analyse: Analyse) -> None:
    doc = analyse("ПРОТОКОЛ № 5", "СЛУШАЛИ:", "ПОСТАНОВИЛИ:", "РЕШИЛИ:", "Подано воды в сеть, млн м³")
    assert [b.entities for b in doc.blocks] == [[], [], [], [], []]


@pytest.mark.parametrize(
    "text",
    ["ПОСТАНОВИЛИ", "СЛУШАЛИ", "ПРОТОКОЛ", "РЕШИЛИ", "ВИРІШИЛИ", "С Л У Ш А Л И", "RESOLVED",
     "ПАСТАНАВІЛІ", "ХАТТАМА", "Ухвалили", "ПОВЕСТКА ДНЯ"],
)  # fmt: skip
def test_section_labels_in_every_language(text: str) -> None:
    assert is_section_label(text)


@pytest.mark.parametrize("text", ["Москва", "Совет Ассамблеи", "Кузнецов", "МАГ"])
def test_names_are_not_section_labels(text: str) -> None:
    assert not is_section_label(text)


def _entity(label: str, text: str, start: int, key: str) -> Entity:
    return Entity(label, start, start + len(text), text, text, key)


def test_a_name_is_spread_and_given_its_majority_type(document: Callable[..., Document]) -> None:
    doc = document("Vestas построит завод.", "Акции Vestas выросли.", "Vestas и Siemens.")
    a, b, c = doc.blocks
    a.entities = [_entity("ORG", "Vestas", 0, "org:vestas")]
    b.entities = [_entity("ORG", "Vestas", 6, "org:vestas")]
    c.entities = [_entity("PER", "Vestas", 0, "per:vestas")]
    make_consistent(doc.blocks)
    assert [(e.label, e.key) for e in c.entities] == [("ORG", "org:vestas")]
    doc = document("Компания Vestas построит завод.", "Vestas получила заказ.")
    doc.blocks[0].entities = [_entity("ORG", "Vestas", 9, "org:vestas")]
    make_consistent(doc.blocks)
    assert [(e.label, e.text, e.start) for e in doc.blocks[1].entities] == [("ORG", "Vestas", 0)]


def test_a_roster_gives_people_their_delegate_key(
    tmp_path: Path, document: Callable[..., Document]
) -> None:
    roster = tmp_path / "roster.tsv"
    roster.write_text(
        "names\tcity\tfrom\tto\tkey\n"
        "Петрова Ирина Сергеевна|Irina Petrova\tМосква\t2020-01-01\t2030-12-31\tdelegate:petrova\n"
        "Кульгинов Алексей Андреевич\tРязань\t\t\t\n",
        "utf-8",
    )
    settings = Settings(roster=str(roster))
    doc = document("Слово предоставлено Петровой И.С.", "Кульгинов А.А. поддержал.")
    doc.date = "2025-04-09"
    entities_stage(settings).run(LanguageStage().run(doc))
    assert [(e.text, e.key) for b in doc.blocks for e in b.entities] == [
        ("Петровой И.С.", "delegate:petrova"),
        ("Кульгинов А.А.", "per:kulginov-a"),
    ]

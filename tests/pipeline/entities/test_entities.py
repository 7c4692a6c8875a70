"""What the entities stage finds: exact entities on our own sentences, keys across forms and
languages, normal forms, the gazetteer over the model, rules, every member city and the gold
set."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from entity_fixtures import found

from corpus import reference
from corpus.model import Document
from pipeline.entities.stage import EntitiesStage

GOLD = Path(__file__).parent / "data" / "ner_gold_ru.txt"


def test_the_assembly_sentence(analyse: Callable[..., Document]) -> None:
    text = (
        "Делегация Рязани выступила на заседании Международной ассамблеи столиц и крупных "
        "городов 9–10 апреля 2009 г."
    )
    doc = analyse(text)
    assert found(doc) == [
        ("LOC", "Рязани", "Рязань", "city:ryazan"),
        (
            "ORG",
            "Международной ассамблеи столиц и крупных городов",
            "Международная ассамблея столиц и крупных городов",
            "org:iaclc",
        ),
        ("DATE", "9–10 апреля 2009 г.", "2009-04-09/2009-04-10", "date:2009-04-09/2009-04-10"),
    ]
    assert [(e.start, e.end) for e in doc.blocks[0].entities] == [(10, 16), (40, 88), (89, 108)]
    assert all(text[e.start : e.end] == e.text for e in doc.blocks[0].entities)
    assert doc.problems == []


def test_inflected_forms_and_languages_share_one_key(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "Рязань встречает гостей ассамблеи. Заседание прошло в Рязани, делегаты любовались "
        "Рязанью.",
        "Делегація Рязані взяла участь у засіданні асамблеї.",
        "The delegation of Ryazan arrived at the session of the assembly.",
    )
    assert [b.language for b in doc.blocks] == ["ru", "uk", "en"]
    assert found(doc, 0) == [
        ("LOC", "Рязань", "Рязань", "city:ryazan"),
        ("LOC", "Рязани", "Рязань", "city:ryazan"),
        ("LOC", "Рязанью", "Рязань", "city:ryazan"),
    ]
    assert found(doc, 1) == [("LOC", "Рязані", "Рязань", "city:ryazan")]
    assert found(doc, 2) == [("LOC", "Ryazan", "Ryazan", "city:ryazan")]


def test_people_get_their_nominative(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "На встрече выступил председатель Исполкома СНГ Сергей Лебедев, а стихи "
        "Сергея Есенина прочитала Анна Иванова."
    )
    assert found(doc) == [
        ("ORG", "Исполкома СНГ", "Исполком СНГ", "org:cis-executive-committee"),
        ("PER", "Сергей Лебедев", "Сергей Лебедев", "per:lebedev-s"),
        ("PER", "Сергея Есенина", "Сергей Есенин", "per:esenin-s"),
        ("PER", "Анна Иванова", "Анна Иванова", "per:ivanova-a"),
    ]


def test_organisations_with_quotes_and_press_services(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "МП «Водоканал города Рязани» направит 5 млн рублей на ремонт сетей; ещё $2 млн "
        "выделит банк, износ снизится на 12,5 %.",
        "Пресс-служба администрации города Рязани сообщила, что встреча назначена на "
        "«9 апреля», а доклад датирован 09.04.2009.",
    )
    assert found(doc, 0) == [
        (
            "ORG",
            "МП «Водоканал города Рязани»",
            "МП «Водоканал города Рязани»",
            "org:ryazan-vodokanal",
        ),
        ("MONEY", "5 млн рублей", "5000000 RUB", "money:5000000-RUB"),
        ("MONEY", "$2 млн", "2000000 USD", "money:2000000-USD"),
        ("PERCENT", "12,5 %", "12.5%", "percent:12.5"),
    ]
    assert found(doc, 1) == [
        (
            "ORG",
            "Пресс-служба администрации города Рязани",
            "Пресс-служба администрации города Рязани",
            "org:ryazan-press-service",
        ),
        ("DATE", "9 апреля", "--04-09", "date:--04-09"),
        ("DATE", "09.04.2009", "2009-04-09", "date:2009-04-09"),
    ]


def test_the_gazetteer_wins_over_the_model(analyse: Callable[..., Document]) -> None:
    # natasha alone finds «Совета» and «МАГ» apart, and only «Международной ассамблеи».
    doc = analyse(
        "Заседание Совета МАГ прошло в Минске. Доклад о работе Исполнительного "
        "комитета СНГ заслушали в Санкт-Петербурге и Ростове-на-Дону."
    )
    assert found(doc) == [
        ("ORG", "Совета МАГ", "Совет МАГ", "org:iaclc-council"),
        ("LOC", "Минске", "Минск", "city:minsk"),
        (
            "ORG",
            "Исполнительного комитета СНГ",
            "Исполнительный комитет СНГ",
            "org:cis-executive-committee",
        ),
        ("LOC", "Санкт-Петербурге", "Санкт-Петербург", "city:saint-petersburg"),
        ("LOC", "Ростове-на-Дону", "Ростов-на-Дону", "city:rostov-on-don"),
    ]


def test_ambiguous_names_need_a_city_word(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "Владимир Путин приветствовал участников. Следующее заседание пройдёт в "
        "г. Владимир. Писатель Лев Толстой жил в Ясной Поляне."
    )
    assert found(doc) == [
        ("PER", "Владимир Путин", "Владимир Путин", "per:putin-v"),
        ("LOC", "Владимир", "Владимир", "city:vladimir"),
        ("PER", "Лев Толстой", "Лев Толстой", "per:tolstoi-l"),
        ("LOC", "Ясной Поляне", "Ясная Поляна", "loc:ясная-поляна"),
    ]


def test_other_languages_use_gazetteer_and_rules(analyse: Callable[..., Document]) -> None:
    doc = analyse(
        "Алматыда және Астанада МАГ кеңесінің отырысы 09.04.2009 өтті.",
        "Երևանում կայացավ Երևանի քաղաքապետարանի նիստը։",
        "თბილისში გაიმართა თბილისის მერიის სხდომა.",
        "The International Assembly of Capitals and Large Cities (IACLC) met on April 9, 2009 "
        "and granted $2 million.",
    )
    assert [b.language for b in doc.blocks] == ["kk", "hy", "ka", "en"]
    assert found(doc, 0) == [
        ("LOC", "Алматыда", "Алматы", "city:almaty"),
        ("LOC", "Астанада", "Астана", "city:astana"),
        ("ORG", "МАГ", "МАГ", "org:iaclc"),
        ("DATE", "09.04.2009", "2009-04-09", "date:2009-04-09"),
    ]
    assert found(doc, 1) == [
        ("LOC", "Երևանում", "Երևան", "city:yerevan"),
        ("ORG", "Երևանի քաղաքապետարանի", "Երևանի քաղաքապետարան", "org:yerevan-municipality"),
    ]
    assert found(doc, 2) == [
        ("LOC", "თბილისში", "თბილისი", "city:tbilisi"),
        ("ORG", "თბილისის მერიის", "თბილისის მერია", "org:tbilisi-city-hall"),
    ]
    assert found(doc, 3) == [
        (
            "ORG",
            "International Assembly of Capitals and Large Cities",
            "International Assembly of Capitals and Large Cities",
            "org:iaclc",
        ),
        ("ORG", "IACLC", "IACLC", "org:iaclc"),
        ("DATE", "April 9, 2009", "2009-04-09", "date:2009-04-09"),
        ("MONEY", "$2 million", "2000000 USD", "money:2000000-USD"),
    ]


def inflect(name: str, case: str) -> str:
    """A city name in another case, through pymorphy3 (the part after a hyphen, or before
    «-на-»); indeclinable names stay as they are."""
    from pipeline.entities.morph import parses, restore_shape

    def word(w: str) -> str:
        nominative = [p for p in parses(w, "ru") if p.tag.case == "nomn"]
        best = next((p for p in nominative if "Geox" in p.tag.grammemes), None) or next(
            iter(nominative), None
        )
        form = best.inflect({case}) if best is not None else None
        return restore_shape(form.word, w) if form is not None else w

    if "-на-" in name:
        first, rest = name.split("-", 1)
        return f"{word(first)}-{rest}"
    if "-" in name:
        head, last = name.rsplit("-", 1)
        return f"{head}-{word(last)}"
    return " ".join(word(w) for w in name.split())


def test_every_member_city_is_found_with_its_nominative(
    stage: EntitiesStage, document: Callable[..., Document]
) -> None:
    sentences, expected = [], []
    for city in reference.cities():
        ru = city.names["ru"]
        gent = ("города " if city.ambiguous else "") + inflect(ru, "gent")
        loct = ("городе " if city.ambiguous else "") + inflect(ru, "loct")
        for text in (
            f"Город {ru} принял делегатов ассамблеи.",
            f"Заседание совета прошло в {loct} в апреле.",
            f"Делегация {gent} выступила с докладом.",
        ):
            sentences.append(text)
            expected.append((city.key, ru))
    doc = document(*sentences)
    for block in doc.blocks:
        block.language = "ru"
    stage.run(doc)
    missed = [
        (b.text, key)
        for b, (key, ru) in zip(doc.blocks, expected, strict=True)
        if (key, ru) not in {(e.key, e.normal) for e in b.entities if e.label == "LOC"}
    ]
    assert len(sentences) == 3 * len(reference.cities()) >= 300
    assert missed == []


def read_gold(group: str) -> list[tuple[str, set[tuple[int, int, str, str]]]]:
    marks = re.compile(r"\[(PER|LOC|ORG) ([^\]|]+)\|([^\]]+)\]")
    rows = []
    for line in GOLD.read_text("utf-8").splitlines():
        if line.startswith(group + "\t"):
            marked, text, spans, last = line.split("\t")[1], "", set(), 0
            for m in marks.finditer(marked):
                text += marked[last : m.start()]
                spans.add((len(text), len(text) + len(m[2]), m[1], m[3]))
                text += m[2]
                last = m.end()
            rows.append((text + marked[last:], spans))
    return rows


def test_domain_gold_set_is_found_exactly(
    stage: EntitiesStage, document: Callable[..., Document]
) -> None:
    rows = read_gold("domain")
    doc = document(*(text for text, _ in rows))
    for block in doc.blocks:
        block.language = "ru"
    stage.run(doc)
    got = [
        {
            (e.start, e.end, e.label, e.normal)
            for e in b.entities
            if e.label in ("PER", "LOC", "ORG")
        }
        for b in doc.blocks
    ]
    assert len(rows) == 40
    assert [spans for _, spans in rows] == got

"""The language stage: per-block and per-document languages, letter rules, short blocks."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.model import Document
from pipeline.language.detect import LANGUAGES, identify, label_blocks
from pipeline.settings import load_settings
from pipeline.stages import build_stages

SENTENCES = Path(__file__).parent / "data" / "langid_sentences.tsv"
#: the bars: ≥97% for the main languages, ≥90% for every other listed one.
MAIN = ("ru", "uk", "be", "kk", "en")


def labelled_sentences() -> list[tuple[str, str]]:
    rows = []
    for line in SENTENCES.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            language, sentence = line.split("\t")
            rows.append((language, sentence))
    return rows


def test_the_sentence_file_covers_every_language() -> None:
    counts = Counter(language for language, _ in labelled_sentences())
    assert set(counts) == set(LANGUAGES)
    assert all(counts[code] >= 30 for code in MAIN), counts
    assert all(counts[code] >= 12 for code in LANGUAGES), counts


def test_accuracy_on_clean_sentences_meets_the_bars() -> None:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong = []
    for language, sentence in labelled_sentences():
        total[language] += 1
        guess = identify(sentence).language
        if guess == language:
            right[language] += 1
        else:
            wrong.append((language, guess, sentence))
    accuracy = {code: right[code] / total[code] for code in total}
    assert all(accuracy[code] >= 0.97 for code in MAIN), wrong
    assert all(accuracy[code] >= 0.90 for code in LANGUAGES), wrong
    assert wrong == []  # every sentence of the file, as measured for the README table


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Київ і Львів", "uk"),  # ї and і: Ukrainian only
        ("Мінск і Брэст ўзялі ўдзел", "be"),  # ў with і: Belarusian
        ("Қала әкімдігі", "kk"),
        ("Ҷаласаи шаҳр", "tg"),
        ("Тошкент шаҳар ҳокимлиги", "uz"),
        ("Бишкек шаарынын мэриясы", "ky"),
        ("Երևանի քաղաքապետարան", "hy"),
        ("თბილისის მერია", "ka"),
        ("Bakı şəhər İcra Hakimiyyəti", "az"),
        ("Primăria municipiului Chișinău", "ro"),
        ("Aşgabat şäheriniň häkimligi", "tk"),
        ("Toshkent shahar hokimligi", "uz"),
        ("Заседание Совета МАГ", "ru"),
        ("The Council of the Assembly", "en"),
    ],
)
def test_letter_rules_tell_short_texts_apart(text: str, language: str) -> None:
    assert identify(text).language == language


@pytest.mark.parametrize("text", ["", "   ", "12 345", "— 5 —", "2009", "...", "№ 12/3", "I."])
def test_no_letters_is_undetermined(text: str) -> None:
    assert identify(text).language == "und"


def test_a_quoted_ukrainian_name_does_not_make_russian_text_ukrainian() -> None:
    text = "Делегация Киева (Київ) приняла участие в заседании совета ассамблеи в Москве."
    assert identify(text).language == "ru"


def test_mixed_scripts_follow_the_dominant_script() -> None:
    assert identify("Ереван (Երևան) — столица Армении и член ассамблеи").language == "ru"
    assert identify("Երևանի քաղաքապետարան (мэрия)").language == "hy"


def test_latin_names_leave_a_cyrillic_headline_cyrillic() -> None:
    assert identify("Hewlett-Packard берёт пример с Google").language == "ru"
    assert identify("Google і Microsoft відкрили офіси у Києві").language == "uk"
    # an English sentence with a Russian word stays English
    assert identify("The delegation of «Москва» arrived today").language == "en"


def test_short_blocks_take_the_document_majority(document: Callable[..., Document]) -> None:
    doc = document(
        "МАГ",
        "Делегация Рязани выступила на заседании Международной ассамблеи столиц.",
        "Совет",
        "Участники обсудили обмен опытом в сфере городского хозяйства.",
        "Київ",
        "12.",
    )
    assert label_blocks(doc.blocks) == "ru"
    assert [b.language for b in doc.blocks] == ["ru", "ru", "ru", "ru", "uk", "und"]


def test_a_bilingual_document_keeps_each_blocks_language(document: Callable[..., Document]) -> None:
    doc = document(
        "Делегация Рязани выступила на заседании Международной ассамблеи столиц.",
        "The delegation of Ryazan spoke at the session of the International Assembly.",
        "Участники обсудили обмен опытом в сфере городского хозяйства и транспорта.",
    )
    stage = build_stages(load_settings(environ={}, stages="language"))[0]
    stage.run(doc)
    assert [b.language for b in doc.blocks] == ["ru", "en", "ru"]
    assert doc.language == "ru"  # the majority by letters


def test_document_language_is_the_majority_by_letters(document: Callable[..., Document]) -> None:
    doc = document(
        "Short Russian paragraph: нет.",
        "The assembly met in Moscow and discussed public transport, water supply, "
        "housing and the exchange of experience between member cities for two days.",
        "Заседание прошло в Москве.",
    )
    assert label_blocks(doc.blocks) == "en"


def test_an_empty_document_is_undetermined(document: Callable[..., Document]) -> None:
    assert label_blocks(document().blocks) == "und"
    assert label_blocks(document("", "—", "2009").blocks) == "und"


def test_a_huge_paragraph_is_quick(document: Callable[..., Document]) -> None:
    doc = document("Заседание совета ассамблеи. " * 4000 + "Երևան " * 2000)
    started = time.perf_counter()
    assert label_blocks(doc.blocks) == "ru"
    assert time.perf_counter() - started < 5


def test_a_batch_worker_loads_the_model_when_it_starts() -> None:
    from pipeline.ingest.worker import warm_up
    from pipeline.language.detect import identifier

    warm_up(load_settings(environ={}, stages="language"))
    assert identifier.cache_info().currsize == 1

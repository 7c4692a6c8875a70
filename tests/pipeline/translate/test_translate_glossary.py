"""The glossary: terms behind placeholders, approved target forms, lost terms flagged."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from pipeline.translate.apertium import ApertiumEngine
from pipeline.translate.argos import ArgosEngine, install_package
from pipeline.translate.engines import Pair
from pipeline.translate.glossary import Glossary, Term, read_terms
from pipeline.translate.postedit import PostEdit
from pipeline.translate.router import Router
from pipeline.translate.service import SegmentTranslator

GLOSSARY = Glossary.load()


def test_glossary_enforced_on_a_real_apertium_translation(apertium: ApertiumEngine) -> None:
    translator = SegmentTranslator(Router([apertium]), GLOSSARY)
    out = translator.translate(
        [
            "Делегация МАГ провела заседание в Москве.",
            "Представители Международной ассамблеи столиц и крупных городов посетили Минск.",
        ],
        "ru",
        "uk",
    )
    assert [t.text for t in out] == [
        "Делегація МАГ провела засідання у Москві.",
        "Представники Міжнародної асамблеї столиць і великих міст відвідали Мінськ.",
    ]
    assert [t.needs_review for t in out] == [False, False]
    assert out[0].model_version == (
        f"{apertium.pairs()[('ru', 'uk')]}; glossary {GLOSSARY.fingerprint('ru', 'uk')}; names 2; "
        f"postedit {PostEdit.load().fingerprint('ru', 'uk')}"
    )


def test_without_the_glossary_apertium_gets_those_terms_wrong(apertium: ApertiumEngine) -> None:
    """Why the glossary exists: the same sentences through Apertium alone."""
    out = apertium.translate(
        [
            "Делегация МАГ провела заседание в Москве.",
            "Представители Международной ассамблеи столиц и крупных городов посетили Минск.",
        ],
        "ru",
        "uk",
    )
    assert out == [
        "Делегація МАГ провела засідання у Москве.",
        "Представники Міжнародної асамблеї столиць і крупных городів відвідали Мінський.",
    ]


def test_protect_uses_the_same_case_in_the_target() -> None:
    protected = GLOSSARY.protect(
        "Решение Международной ассамблеи столиц и крупных городов (МАГ) принято в Москве.",
        "ru",
        "en",
    )
    assert protected.text == "Решение ZZ0ZZ (ZZ1ZZ) принято в ZZ2ZZ."
    assert protected.replacements == [
        "International Assembly of Capitals and Large Cities",
        "IACLC",
        "Moscow",
    ]
    assert protected.keys == ["org:iaclc", "org:iaclc-abbr", "city:moscow"]
    uk = GLOSSARY.protect("Делегаты Международной ассамблеи столиц и крупных городов", "ru", "uk")
    assert uk.replacements == ["Міжнародної асамблеї столиць і великих міст"]


def test_abbreviations_match_only_in_capitals_and_names_need_a_capital() -> None:
    assert GLOSSARY.protect("маг и москва", "ru", "en").text == "маг и москва"
    assert GLOSSARY.protect("Маг", "ru", "en").text == "Маг"
    assert GLOSSARY.protect("МАГ", "ru", "en").text == "ZZ0ZZ"


def test_reference_cities_are_terms_too() -> None:
    """Nominative city names come from corpus/reference when it is installed."""
    from corpus import reference

    if not callable(getattr(reference, "entries", None)):
        pytest.skip("corpus/reference/__init__.py (the member cities) is not in this installation")
    protected = GLOSSARY.protect("Рабочая группа посетила Новосибирск и Харьков.", "ru", "uk")
    assert protected.replacements == ["Новосибірськ", "Харків"]


def test_restore_tolerates_spacing_and_case_of_placeholders() -> None:
    protected = GLOSSARY.protect("МАГ и Москва", "ru", "en")
    assert GLOSSARY.restore("zz0zz and ZZ 1 ZZ", protected) == "IACLC and Moscow"


def test_lost_terms_are_named() -> None:
    source = "Делегация МАГ провела заседание в Москве."
    assert GLOSSARY.lost_terms(source, "IACLC met in Moscow.", "ru", "en") == []
    assert GLOSSARY.lost_terms(source, "The delegation met in Moscow.", "ru", "en") == [
        "org:iaclc-abbr"
    ]
    assert GLOSSARY.lost_terms(source, "ZZ0ZZ met in Moscow.", "ru", "en") == [
        "org:iaclc-abbr",
        "placeholder",
    ]


class DroppingEngine:
    """An engine that loses every placeholder, as a neural model may."""

    name = "dropper"

    def pairs(self) -> dict[Pair, str]:
        return {("ru", "en"): "d1"}

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [t.replace("ZZ0ZZ", "").strip() or "x" for t in texts]


def test_a_segment_whose_term_was_lost_needs_review() -> None:
    out = SegmentTranslator(Router([DroppingEngine()]), GLOSSARY).translate(
        ["МАГ провела заседание.", "Заседание прошло."], "ru", "en"
    )
    assert [(t.text, t.review_reason) for t in out] == [
        ("провела заседание.", "untranslated:провела,заседание|lost:IACLC"),
        ("Заседание прошло.", "untranslated:Заседание,прошло"),
    ]


def test_a_real_neural_engine_that_loses_a_term_is_flagged(
    models: Path, package_files: dict[str, Path]
) -> None:
    install_package(models, package_files["ru-en"])
    out = SegmentTranslator(Router([ArgosEngine(models)]), GLOSSARY).translate(
        ["МАГ провела заседание в Москве."], "ru", "en"
    )
    assert out[0].engine == "argos"
    assert "IACLC" not in out[0].text  # random weights: the placeholder does not survive
    assert out[0].needs_review is True


def test_another_glossary_file(tmp_path: Path) -> None:
    file = tmp_path / "glossary.tsv"
    file.write_text(
        "# own terms\nkey\tform\tru\ten\nterm:council\tnom\tГорсовет\tCity Council\n", "utf-8"
    )
    assert read_terms(file) == [
        Term("term:council", "nom", {"ru": "Горсовет", "en": "City Council"})
    ]
    own = Glossary.load(file, with_reference=False)
    assert own.protect("Горсовет и МАГ", "ru", "en").replacements == ["City Council"]


def test_fingerprint_follows_the_pair_terms() -> None:
    one = Glossary([Term("k", "nom", {"ru": "Горсовет", "en": "City Council"})])
    two = Glossary([Term("k", "nom", {"ru": "Горсовет", "en": "Town Council"})])
    assert one.fingerprint("ru", "en") != two.fingerprint("ru", "en")
    assert one.fingerprint("ru", "uk") == two.fingerprint("ru", "uk")

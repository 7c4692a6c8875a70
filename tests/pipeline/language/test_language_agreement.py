"""A block's language agrees with its document's unless the block's own evidence is strong."""

from __future__ import annotations

from collections.abc import Callable

from corpus.model import Document
from pipeline.language.detect import identify, label_blocks

UKRAINIAN = (
    "Прокуратура розпочала кримінальне провадження за фактом розтрати коштів.",
    "Порядок денний затверджено одноголосно.",
    "Експерти прогнозують подальше зростання цін на продукти.",
)
BELARUSIAN = (
    "Старшыня гарвыканкама правёў нараду з кіраўнікамі прадпрыемстваў.",
    "Сакратар савета Петров В.М.",
    "Праект закона прыняты ў першым чытанні.",
)


def test_alone_these_blocks_score_as_russian() -> None:
    assert identify(UKRAINIAN[1]).language == "ru"
    assert identify(BELARUSIAN[1]).language == "ru"


def test_inside_their_documents_they_take_the_documents_language(
    document: Callable[..., Document],
) -> None:
    ukrainian = document(*UKRAINIAN)
    assert label_blocks(ukrainian.blocks) == "uk"
    assert [b.language for b in ukrainian.blocks] == ["uk", "uk", "uk"]
    belarusian = document(*BELARUSIAN)
    assert label_blocks(belarusian.blocks) == "be"
    assert [b.language for b in belarusian.blocks] == ["be", "be", "be"]


def test_strong_evidence_keeps_a_block_apart(document: Callable[..., Document]) -> None:
    mixed = document(
        *UKRAINIAN,
        "Участники заседания обсудили подготовку к зимнему сезону.",
        "Транспорт Москвы",
    )
    assert label_blocks(mixed.blocks) == "uk"
    assert [b.language for b in mixed.blocks] == ["uk", "uk", "uk", "ru", "ru"]

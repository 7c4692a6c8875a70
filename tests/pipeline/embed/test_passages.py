"""Every word reaches an embedding: short blocks packed by section, long ones read whole,
identical texts embedded once (real e5-small)."""

from __future__ import annotations

import numpy as np
import pytest

from corpus.model import Document
from pipeline.embed import models as embed
from pipeline.embed.passages import PACK_TOKENS, SHORT_TOKENS, embed_blocks, plan

LONG = (
    "Специалисты Водоканала завершили реконструкцию очистных сооружений в Рязани, и сброс "
    "загрязнений в Оку снизился на сорок процентов; работы финансировались из областного "
    "бюджета, а на следующий год запланирована замена насосов на Южной станции. "
)


class Counting:
    """The real encoder, recording what it is asked to embed."""

    def __init__(self) -> None:
        self.model = embed.encoder("e5-small", max_tokens=0)
        self.asked: list[str] = []

    def tokens(self, text: str) -> int:
        return self.model.tokens(text)

    def passages(self, texts: list[str]) -> np.ndarray:
        self.asked.extend(texts)
        return self.model.passages(texts)


@pytest.fixture(scope="module")
def counting() -> Counting:
    return Counting()


def report() -> Document:
    doc = Document(id="a" * 64, source_name="r.docx", media_type="docx", kind="report",
                   language="ru", status="ok")
    doc.add_block("heading", "Водоснабжение", level=1)
    doc.add_block("paragraph", "Итоги года.")
    doc.add_block("paragraph", LONG * 12)
    for row, (name, value) in enumerate([("Кол-во насосов", "12"), ("Потери воды", "9 %")]):
        doc.add_block("table_cell", name, table=0, row=row, col=0)
        doc.add_block("table_cell", value, table=0, row=row, col=1)
    doc.add_block("heading", "Транспорт", level=1)
    doc.add_block("paragraph", "Итоги года.")
    doc.add_block("paragraph", "—")
    return doc


def test_plan_packs_short_blocks_by_section(counting: Counting) -> None:
    blocks = report().blocks
    tokens = {i: counting.tokens(b.text) for i, b in enumerate(blocks) if b.text != "—"}
    assert tokens[2] > 512  # the long paragraph is longer than the model's window
    passages = plan(blocks, tokens)
    assert [p.blocks for p in passages] == [[0, 1], [2], [3, 4, 5, 6], [7, 8]]
    assert passages[2].text == "Кол-во насосов\n12\nПотери воды\n9 %"
    assert all(p.tokens <= PACK_TOKENS for p in passages if len(p.blocks) > 1)
    assert all(tokens[i] < SHORT_TOKENS for p in passages[2:] for i in p.blocks)


def test_every_block_with_words_gets_a_vector_and_identical_texts_are_embedded_once(
    counting: Counting,
) -> None:
    doc = report()
    doc.add_block("heading", "Водоснабжение", level=1)  # a running header
    doc.add_block("paragraph", "Итоги года.")
    counting.asked.clear()
    vectors = embed_blocks(doc.blocks, counting)
    assert [v is None for v in vectors] == [False] * 9 + [True] + [False] * 2
    assert counting.asked == [
        "Водоснабжение\nИтоги года.",
        LONG * 12,
        "Кол-во насосов\n12\nПотери воды\n9 %",
        "Транспорт\nИтоги года.",
    ]
    first, again, cell, other_cell = vectors[0], vectors[10], vectors[3], vectors[6]
    assert first is not None and again is not None and cell is not None
    assert other_cell is not None
    assert np.array_equal(first, again)  # the repeated heading, embedded once
    assert np.array_equal(cell, other_cell)  # cells of one table share their passage


def test_a_word_at_the_end_of_a_long_block_reaches_its_vector(counting: Counting) -> None:
    """The long block is read whole: its vector moves when only its last sentence changes."""
    tail = "Отдельно отмечено открытие детского ледового катка в парке."
    doc = Document(id="b" * 64, source_name="r.docx", media_type="docx", kind="report",
                   language="ru", status="ok")
    doc.add_block("paragraph", LONG * 12)
    doc.add_block("paragraph", LONG * 12 + tail)
    plain, with_tail = embed_blocks(doc.blocks, counting)
    assert plain is not None and with_tail is not None
    query = counting.model.query("ледовый каток для детей")
    assert float(with_tail @ query) > float(plain @ query)

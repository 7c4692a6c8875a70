"""Every word reaches an embedding: short blocks packed by section, long ones read in windows
of whole sentences, identical texts embedded once (real e5-small)."""

from __future__ import annotations

import numpy as np
import pytest

from corpus.model import Document
from pipeline.embed import models as embed
from pipeline.embed.passages import SHORT_TOKENS, WINDOW_TOKENS, embed_blocks, plan, windows

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
    assert all(p.tokens <= WINDOW_TOKENS for p in passages if len(p.blocks) > 1)
    assert all(tokens[i] < SHORT_TOKENS for p in passages[2:] for i in p.blocks)


def test_a_long_block_is_read_in_windows_of_whole_sentences(counting: Counting) -> None:
    blocks = report().blocks
    tokens = {i: counting.tokens(b.text) for i, b in enumerate(blocks) if b.text != "—"}
    passages = plan(blocks, tokens, counting)
    assert [p.blocks for p in passages[:2]] == [[0, 1], [2]]
    long = [p for p in passages if p.blocks == [2]]
    assert len(long) == 6  # two sentences of about 60 tokens a window
    assert all(p.text == (LONG * 2).strip() for p in long)
    assert all(counting.tokens(p.text) == p.tokens <= WINDOW_TOKENS for p in long)


def test_a_sentence_longer_than_a_window_is_cut_between_words(counting: Counting) -> None:
    sentence = " ".join(["водопровод"] * 150) + "."
    found = windows(sentence, counting)
    assert len(found) > 1
    assert all(counting.tokens(text) == count <= WINDOW_TOKENS for text, count in found)
    assert " ".join(text for text, _ in found) == sentence  # every word, in order, once


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
        (LONG * 2).strip(),  # the six windows of the long paragraph are the same two sentences
        "Кол-во насосов\n12\nПотери воды\n9 %",
        "Транспорт\nИтоги года.",
    ]
    first, again, long, cell, other_cell = (vectors[i] for i in (0, 10, 2, 3, 6))
    assert first is not None and again is not None and cell is not None
    assert other_cell is not None and long is not None
    assert np.array_equal(first.vector, again.vector)  # the repeated heading, embedded once
    assert np.array_equal(cell.vector, other_cell.vector)  # cells of a table share a passage
    assert first.windows is None and cell.windows is None
    assert long.windows is not None and long.windows.shape == (6, counting.model.dim)
    assert np.allclose(long.vector, long.windows[0], atol=1e-6)  # the mean of equal windows


def test_a_word_at_the_end_of_a_long_block_reaches_its_vector(counting: Counting) -> None:
    """The long block is read to its end: its last window holds the last sentence, and a
    question about that sentence is nearer to it than to any other window."""
    tail = "Отдельно отмечено открытие детского ледового катка в парке."
    doc = Document(id="b" * 64, source_name="r.docx", media_type="docx", kind="report",
                   language="ru", status="ok")
    doc.add_block("paragraph", LONG * 12)
    doc.add_block("paragraph", LONG * 12 + tail)
    plain, with_tail = embed_blocks(doc.blocks, counting)
    assert plain is not None and with_tail is not None
    assert plain.windows is not None and with_tail.windows is not None
    assert len(with_tail.windows) == len(plain.windows) + 1
    query = counting.model.query("ледовый каток для детей")
    assert float(with_tail.vector @ query) > float(plain.vector @ query)
    assert int(np.argmax(with_tail.windows @ query)) == len(with_tail.windows) - 1

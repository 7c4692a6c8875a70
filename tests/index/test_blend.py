"""Hybrid blending by score (index.fusion.blend): the words' share, the meaning's scale, and
which rows take part."""

from __future__ import annotations

import numpy as np
import pytest

from index.fusion import blend

SIMILARITY = np.array([0.80, 0.90, 0.70, 0.85, 0.0], np.float32)  # row 4 has no vector
MEDIAN, BEST = 0.70, 0.90


def test_a_row_scores_its_share_of_words_and_the_rest_of_meaning() -> None:
    rows, scores = blend([([0, 2], [10.0, 5.0])], [0.4], [1], SIMILARITY, MEDIAN, BEST)
    assert rows == [0, 1, 2]
    # row 0: 0.4 * 10/10 + 0.6 * (0.80 - 0.70) / 0.20; row 1 found by meaning alone: its words
    # count as zero, not its share; row 2: 0.4 * 5/10 + 0.6 * 0
    assert scores == pytest.approx([0.7, 0.6, 0.2])


def test_how_far_apart_scores_are_counts() -> None:
    """The block nearest in meaning leads; a strong word match of median meaning (0.4) beats a
    weak one of better meaning (0.4 / 9 + 0.3), which ranks would have put first."""
    rows, _ = blend([([2, 0], [9.0, 1.0])], [0.4], [1], SIMILARITY, MEDIAN, BEST)
    assert rows == [1, 2, 0]


def test_a_row_without_a_vector_keeps_only_its_words() -> None:
    rows, scores = blend([([4], [3.0])], [0.4], [], SIMILARITY, MEDIAN, BEST)
    assert rows == [4] and scores == pytest.approx([0.4])


def test_a_share_may_depend_on_the_row() -> None:
    """Words matched in a block of another language count for less."""
    def share(row: int) -> float:
        return 0.4 if row == 0 else 0.15

    rows, scores = blend([([0, 3], [4.0, 4.0])], [share], [], SIMILARITY, MEDIAN, BEST)
    assert rows == [3, 0]
    assert scores == pytest.approx([0.15 + 0.85 * 0.75, 0.4 + 0.6 * 0.5])


def test_two_word_lists_give_a_row_its_best_word_score() -> None:
    rows, scores = blend(
        [([0], [2.0]), ([2, 0], [8.0, 2.0])], [0.4, 0.4], [], SIMILARITY, MEDIAN, BEST
    )
    assert rows == [0, 2]
    assert scores == pytest.approx([0.4 * 1.0 + 0.6 * 0.5, 0.4 * 1.0])

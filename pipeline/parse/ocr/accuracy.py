"""Character accuracy of a reading against the known text: how OCR quality is measured (by
the OCR benchmark and the tests), so both measure it the same way."""

from __future__ import annotations


def char_accuracy(expected: str, actual: str) -> float:
    """1 - Levenshtein distance / length of the longer text, whitespace normalised."""
    a, b = " ".join(expected.split()), " ".join(actual.split())
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:
        return 1 - _levenshtein(a, b) / max(len(a), len(b), 1)
    return float(Levenshtein.normalized_similarity(a, b))


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]

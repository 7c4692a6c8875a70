"""Offline sentence splitting for neural translation.

Argos's own splitters download a model on first use (MiniSBD, Stanza, spaCy's xx model), which
fails offline, so every argos translation gets one of these instead. Russian uses razdel (rules
tuned on Russian text: abbreviations, initials, numbering); other languages a rule splitter that
cuts after . ! ? … followed by space and an upper-case letter, a digit or an opening quote, unless
the word before is a known abbreviation or an initial.
"""

from __future__ import annotations

import re
from typing import Protocol

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'»”)]*\s+(?=[\"'«“(\[]?[A-ZА-ЯЁІЇЄҐЎҚҒҮҰӘӨҺÇĞİÖŞÜƏ0-9])")
_ABBREVIATIONS = frozenset(
    "г гг ул д им т тт см стр рис п пп др проф акад тыс млн млрд руб коп mr mrs ms dr prof "
    "no vs etc e.g i.e св вул м обл р ж".split()
)


class Sentencizer(Protocol):
    """What argos's PackageTranslation calls (`split_sentences`)."""

    def split_sentences(self, text: str) -> list[str]: ...


class RazdelSentencizer:
    """Russian sentences by razdel (installed with the nlp extra; pure Python, no model)."""

    def split_sentences(self, text: str) -> list[str]:
        from razdel import sentenize

        return [s.text for s in sentenize(text)]


class RuleSentencizer:
    """A rule splitter for languages without an offline splitter of their own."""

    def split_sentences(self, text: str) -> list[str]:
        sentences: list[str] = []
        start = 0
        for match in _BOUNDARY.finditer(text):
            if _is_abbreviation(text[start : match.start()]):
                continue
            sentences.append(text[start : match.start()].strip())
            start = match.end()
        sentences.append(text[start:].strip())
        return [s for s in sentences if s]


def _is_abbreviation(before: str) -> bool:
    words = before.rstrip(".!?…\"'»”)").split()
    if not words:
        return False
    last = words[-1].lower().rstrip(".")
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def sentencizer_for(language: str) -> Sentencizer:
    """The splitter for a source language: razdel for Russian, rules elsewhere."""
    if language == "ru":
        try:
            import razdel  # noqa: F401
        except ImportError:
            return RuleSentencizer()
        return RazdelSentencizer()
    return RuleSentencizer()

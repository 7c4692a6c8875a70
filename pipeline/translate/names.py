"""What the engine must not translate besides glossary terms: people, initials, references.

A rule-based engine reads initials as words (В. as the preposition «в», С. as «с») and looks
surnames up in its dictionary (Петров → Пётраў). So before translation these spans are found
and put behind placeholders like glossary terms, and come back in the target language's letters
(`transliterate`):

- person names the entity stage found (`PER` spans of the block), except their first names,
  which the engine's dictionary knows and translates as the language names people
  (Владимир → Володимир, Уладзімір);
- a surname with initials on either side (В.И. Ресин, Мамонтова Е.В., В. Ресин) and initials
  on their own (О.П.);
- document references (№ 12-р, № 3/2025) and numbers written with separators (12.03.2025,
  1 234,5), which come back exactly as written.

Plain numbers and month names are left to the engine: it keeps the one and must translate the
other; the quality checks notice when a number is lost.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from pipeline.translate.endings import PREPOSITION_CASE
from pipeline.translate.transliterate import transliterate

_UPPER = "А-ЯЁІЇЄҐЎ"
_LOWER = "а-яёіїєґў'’"
_INITIAL = rf"[{_UPPER}]\."
_INITIALS = rf"{_INITIAL}\s?{_INITIAL}"
_SURNAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
#: person patterns, most telling first: initials before a surname win over a surname before
#: initials, so «Председательствующий И.С. Петров» protects «И.С. Петров» only.
_PEOPLE = tuple(
    re.compile(rf"(?<![\w.]){pattern}(?!\w)")
    for pattern in (
        rf"{_INITIALS}\s?{_SURNAME}",
        rf"{_SURNAME}\s{_INITIALS}",
        rf"{_INITIAL}\s?{_SURNAME}",
        _INITIALS,
    )
)
_BEFORE = re.compile(r"(\w+)\s+$")
_NAME_WORD = re.compile(rf"{_INITIALS}|{_INITIAL}|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_REFERENCE = re.compile(r"№\s?\d[\w\-/.]*(?<![.\-/])|\b\d+(?:[.,/:\-–]\d+)+\b")


@dataclass(frozen=True)
class Span:
    """A stretch of a segment the engine must not see, and what it becomes."""

    start: int
    end: int
    replacement: str
    kind: str  # "name" or "reference"


def find_spans(
    text: str,
    source: str,
    target: str,
    people: Iterable[tuple[int, int]] = (),
    first_names: Collection[str] = (),
) -> list[Span]:
    """Non-overlapping spans to protect, in text order (entity names first, then patterns).

    Words of `people` spans in `first_names` are left to the engine.
    """
    taken: list[Span] = []
    for start, end in people:
        if not 0 <= start < end <= len(text):
            continue
        case = _case_before(text, start)
        for word in _NAME_WORD.finditer(text, start, end):
            if word[0] not in first_names:
                name = transliterate(word[0], source, target, case)
                taken.append(Span(word.start(), word.end(), name, "name"))
    for pattern in _PEOPLE:
        for match in pattern.finditer(text):
            name = transliterate(match[0], source, target, _case_before(text, match.start()))
            taken.append(Span(match.start(), match.end(), name, "name"))
    for match in _REFERENCE.finditer(text):
        taken.append(Span(match.start(), match.end(), match[0], "reference"))
    return _without_overlaps(taken)


def _case_before(text: str, start: int) -> str:
    """The case the preposition just before `start` asks for (genitive when there is none)."""
    words = _BEFORE.findall(text[max(0, start - 12) : start])
    return PREPOSITION_CASE.get(words[-1].lower(), "gen") if words else "gen"


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in spans:  # earlier kinds win: entities, then patterns, then references
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)

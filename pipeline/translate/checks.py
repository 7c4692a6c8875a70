"""Quality checks on every machine-translated segment: what an editor must look at, and why.

A segment needs review when the translation has
- words left in the source language: exactly as in the source and unknown to the target
  language's dictionary (`Lexicon`), written with letters the target alphabet lacks, or listed
  for the pair in `leftovers.tsv` (words both languages have that are wrong when copied, like
  «про» in Russian output from Ukrainian);
- words the engine marked as unknown (`*`, `@`) or could not generate (`#`), except those the
  target dictionary knows where that is harmless: an unknown source word copied through that
  is also a target word (`*до`), or a short uninflected word (`#що`);
- a word repeated that the source does not repeat ("Поручить Поручить");
- a number, a protected name, reference or glossary term of the source missing;
- a length far from the pair's norm (close languages stay within 0.6–1.6 times the source).
The reasons are coded (`corpus.review`) and stored with the translation.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus.languages import ALPHABETS
from corpus.review import encode
from pipeline.translate.glossary import _PLACEHOLDER, fold
from pipeline.translate.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_REPEATED = re.compile(r"(?<!\w)([^\W\d_]{3,})\s+\1(?!\w)", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
#: pairs of close languages and the length ratio band their translations stay in.
CLOSE = frozenset({"ru", "uk", "be"})
CLOSE_BAND = (0.6, 1.6)
OTHER_BAND = (0.35, 2.8)
#: words this short are function words, which do not inflect.
SHORT_WORD = 3
#: shorter sources say too little about length.
MIN_LENGTH = 40


@dataclass
class Segment:
    """One translated segment and what the translation step knows about it."""

    source_text: str
    target_text: str
    marked: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    protected: list[str] = field(default_factory=list)


LEFTOVERS = Path(__file__).with_name("leftovers.tsv")


@functools.lru_cache(maxsize=4)
def leftovers(path: Path = LEFTOVERS) -> frozenset[tuple[str, str, str]]:
    """(source, target, word) rows of the leftovers table."""
    rows = set()
    for line in path.read_text("utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) == 2 and not line.startswith("#") and "-" in cells[0]:
            source, _, target = cells[0].partition("-")
            rows.add((source, target, cells[1].strip().lower()))
    return frozenset(rows)


class Checker:
    """Runs the checks for a pair over a batch (one dictionary lookup for all its words)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon()

    def review(self, segments: list[Segment], source: str, target: str) -> list[str]:
        """The coded reasons of each segment ('' when it looks clean)."""
        listed = {w for s, t, w in leftovers() if (s, t) == (source, target)}
        candidates = [_left_as_source(s, target, listed) for s in segments]
        words = {w for found in candidates for w in found}
        words |= {m[1:] for s in segments for m in s.marked if _harmless_if_known(m)}
        unknown = self.lexicon.unknown(words, target) if words else set()
        alphabet = ALPHABETS.get(target)
        results = []
        for segment, found in zip(segments, candidates, strict=True):
            untranslated = [
                w for w in found
                if w in unknown or fold(w) in listed
                or (alphabet and any(c.lower() not in alphabet for c in w))
            ]
            marked = [
                m[1:] for m in segment.marked
                if not (_harmless_if_known(m) and m[1:] not in unknown)
            ]
            results.append(encode(_reasons(segment, untranslated, marked, source, target)))
        return results


def _harmless_if_known(mark: str) -> bool:
    """Marks that are fine when the target dictionary knows the word: a copied unknown word,
    or a generation mark on a short word."""
    return mark[:1] == "*" or (mark[:1] == "#" and len(mark) <= SHORT_WORD + 1)


def _reasons(
    segment: Segment, untranslated: list[str], marked_words: list[str], source: str, target: str
) -> list[tuple[str, list[str]]]:
    reasons: list[tuple[str, list[str]]] = []
    if untranslated:
        reasons.append(("untranslated", untranslated))
    marked = [
        w for w in dict.fromkeys(marked_words)
        if w and w not in untranslated and not _PLACEHOLDER.fullmatch(w)
    ]
    if marked:
        reasons.append(("unknown", marked))
    repeated = _repeated(segment)
    if repeated:
        reasons.append(("repeated", repeated))
    lost = _lost(segment)
    if lost:
        reasons.append(("lost", lost))
    ratio = _ratio(segment, source, target)
    if ratio:
        reasons.append(("length", [ratio]))
    return reasons


def _left_as_source(segment: Segment, target: str, listed: set[str]) -> list[str]:
    """Target words written exactly as a source word (names and terms put back excluded);
    short words only when `listed`."""
    source_words = {fold(w) for w in _WORD.findall(segment.source_text)}
    shielded = {fold(w) for text in segment.protected for w in _WORD.findall(text)}
    found = []
    for word in _WORD.findall(segment.target_text):
        folded = fold(word)
        if (len(word) >= 3 or folded in listed) and folded in source_words and (
            folded not in shielded
        ):
            found.append(word)
    return list(dict.fromkeys(found))


def _repeated(segment: Segment) -> list[str]:
    in_source = {fold(m[1]) for m in _REPEATED.finditer(segment.source_text)}
    return list(dict.fromkeys(
        m[1] for m in _REPEATED.finditer(segment.target_text) if fold(m[1]) not in in_source
    ))


def _lost(segment: Segment) -> list[str]:
    numbers = Counter(_NUMBER.findall(segment.source_text))
    numbers.subtract(Counter(_NUMBER.findall(segment.target_text)))
    lost = [n for n, missing in numbers.items() if missing > 0]
    found = fold(segment.target_text)
    lost += [text for text in segment.protected if fold(text) not in found]
    lost += [key for key in segment.lost if key not in lost]
    return list(dict.fromkeys(lost))


def _ratio(segment: Segment, source: str, target: str) -> str:
    """The length ratio as text when it is outside the pair's band, else ''."""
    size = len(segment.source_text.strip())
    if size < MIN_LENGTH:
        return ""
    ratio = len(segment.target_text.strip()) / size
    low, high = CLOSE_BAND if {source, target} <= CLOSE else OTHER_BAND
    return f"{ratio:.1f}" if not low <= ratio <= high else ""

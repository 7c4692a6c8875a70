"""Is a page's text layer real text, or garbage that only OCR can replace?

Judged from the text alone, never from the file name or producer. The kinds of garbage the
archive receives, and the statistic that catches each:

- Cyrillic fonts without a Unicode map, extracting as shifted Latin ("Jhkkbckdhc N_^_jZpbb" is
  "Российской Федерации" in cp1251 minus 0x86): words with symbols inside them (`_^[]\\``),
  case flipping inside words.
- Random symbols (broken encodings, glyph ids): a high share of characters that are neither
  letters, digits nor ordinary punctuation.
- Mojibake (cp1251 read as Latin-1: "Ïðîòîêîë"): most letters in the Latin-1 accented range.
- Poor invisible OCR layers ("IIpoToKoJI 3acegaHus"): digits and capitals inside words, Latin
  and Cyrillic letters mixed in one word; words broken into fragments ("засе дан ия"), which
  a Russian or Ukrainian dictionary (pymorphy3) does not know.
- Latin letters that are no language ("Ghbdtn rfr ltkf", a font mapping glyphs to plain
  letters): low language-ID confidence among the languages the archive expects.

The cheap character and word statistics run first; language ID (py3langid, the model the
language stage already loaded in a batch worker) only for text in Latin letters, or text the
statistics already find suspicious, so a Russian report costs no model load at all.
Numbers-heavy pages (budget tables) are not garbage: digits count as ordinary characters and
language ID is only consulted where the text is mostly letters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.extras import installed

#: too little text to judge: a page number, a signature line. Such text is left alone.
MIN_CHARS = 12
#: word-count statistics (fragments, dictionary) need this many words to mean anything.
MIN_WORDS = 12
ODD_SHARE_MAX = 0.2
BAD_WORD_SHARE_MAX = 0.25
MOJIBAKE_SHARE_MAX = 0.3
FRAGMENT_SHARE_MAX = 0.5
#: share of Cyrillic words a ru/uk dictionary does not know; real minutes stay under 0.1
#: (names included), an OCR layer that splits words measured 0.32.
UNKNOWN_SHARE_MAX = 0.25
DICTIONARY_LANGUAGES = ("ru", "uk")
#: below this language-ID confidence (among expected languages), mostly-letter text with
#: some malformed words is judged garbage.
LANGID_MIN = 0.6
LANGID_SUPPORT_BAD_WORDS = 0.08
LETTER_SHARE_FOR_LANGID = 0.7
#: most Cyrillic words looked up in the dictionary per page: bounds the cost of a long page.
DICTIONARY_SAMPLE = 400
#: letters only these Cyrillic languages use; Russian text has none, Ukrainian only its own.
_OTHER_CYRILLIC = set("ўәғқңөұүһӣӯҳҷҗӑӗҫӳ")
_UKRAINIAN = set("іїєґ")
_ORDINARY = set(".,;:!?()-–—«»\"'„“”‘’%№/+=*•…°§$€₽#&")
_WORD = re.compile(r"\S+")
_EDGE = "".join(sorted(_ORDINARY)).replace("\\", "") + "[]"
#: a character that is neither a letter, a digit nor ordinary punctuation (\w is exactly
#: str.isalnum() plus "_")
_ODD_CHAR = re.compile("[^\\w" + re.escape("".join(sorted(_ORDINARY))) + "]|_")
_SYMBOL_INSIDE = re.compile(r"[^\w\-'’.,/&]|_")
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_])\d|\d(?=[^\W\d_]{2})")
_CASE_FLIP = re.compile(r"[^\W\d_]*[a-zа-яё][A-ZА-ЯЁ]")


@dataclass(frozen=True, slots=True)
class TextQuality:
    """The verdict on a text layer and the statistics behind it (shares are 0..1)."""

    garbage: bool
    reason: str | None
    chars: int
    odd_share: float = 0.0
    bad_word_share: float = 0.0
    mojibake_share: float = 0.0
    fragment_share: float = 0.0
    unknown_share: float = 0.0
    language: str = "und"
    language_confidence: float = 0.0


def assess(text: str) -> TextQuality:
    """Judge a page's text; too short a text is never called garbage (nothing to judge)."""
    compact = "".join(text.split())
    if len(compact) < MIN_CHARS:
        return TextQuality(garbage=False, reason=None, chars=len(compact))
    words = [w.strip(_EDGE) for w in _WORD.findall(text)]
    words = [w for w in words if any(c.isalpha() for c in w)]
    letters = [c for c in compact if c.isalpha()]
    stats = {
        "odd_share": len(_ODD_CHAR.findall(compact)) / len(compact),
        "bad_word_share": _share(words, _is_bad_word),
        "mojibake_share": _share(letters, lambda c: "\u00c0" <= c <= "\u00ff"),
        "fragment_share": _share(words, lambda w: len(w) <= 2) if len(words) >= MIN_WORDS else 0.0,
    }
    language, confidence = "und", 1.0
    reason = _character_reason(stats)
    if reason is None:
        language = cyrillic_language(letters)
        stats["unknown_share"] = unknown_share(words, language)
        if _wants_language_id(stats, letters, len(compact), len(words)):
            language, confidence = identify(text)
        reason = _word_reason(stats, confidence)
    return TextQuality(garbage=reason is not None, reason=reason, chars=len(compact),
                       language=language, language_confidence=round(confidence, 3),
                       **{k: round(v, 3) for k, v in stats.items()})


def _character_reason(stats: dict[str, float]) -> str | None:
    """Garbage the character and word-shape statistics alone show."""
    if stats["mojibake_share"] > MOJIBAKE_SHARE_MAX:
        return "the text layer is in the wrong encoding"
    if stats["bad_word_share"] > BAD_WORD_SHARE_MAX:
        return "the text layer's words are malformed (a font without a Unicode map or poor OCR)"
    if stats["odd_share"] > ODD_SHARE_MAX:
        return "the text layer is mostly symbols"
    return None


def _wants_language_id(stats: dict[str, float], letters: list[str], chars: int,
                       words: int) -> bool:
    """Language ID for mostly-letter text in Latin script, or text with some malformed words;
    with too few words it is not asked (a line of names is no language either)."""
    if words < MIN_WORDS or len(letters) < LETTER_SHARE_FOR_LANGID * chars:
        return False
    latin = sum(1 for c in letters if _script(c) == "latin")
    return latin > len(letters) / 2 or stats["bad_word_share"] > LANGID_SUPPORT_BAD_WORDS


def _word_reason(stats: dict[str, float], confidence: float) -> str | None:
    """Garbage the words show: fragments, unknown words, or no language at all."""
    if stats["fragment_share"] > FRAGMENT_SHARE_MAX or stats["unknown_share"] > UNKNOWN_SHARE_MAX:
        return "the text layer's words are broken into fragments (poor OCR)"
    if confidence < LANGID_MIN:
        return "the text layer reads as no known language"
    return None


def cyrillic_language(letters: list[str]) -> str:
    """ "ru" or "uk" for text mostly in Cyrillic, by the letters only Ukrainian (or neither)
    uses; "und" for other Cyrillic languages and for other scripts."""
    cyrillic = [c.lower() for c in letters if _script(c) == "cyrillic"]
    if len(cyrillic) <= len(letters) / 2:
        return "und"
    seen = set(cyrillic)
    if seen & _OTHER_CYRILLIC:
        return "und"
    return "uk" if seen & _UKRAINIAN else "ru"


def _share(items: Sequence[str], test: Callable[[str], bool]) -> float:
    if not items:
        return 0.0
    return sum(1 for item in items if test(item)) / len(items)


def _is_bad_word(word: str) -> bool:
    """A word no typist writes: symbols or digits inside it, mixed scripts, case flipping."""
    if _SYMBOL_INSIDE.search(word, 1, max(1, len(word) - 1)):
        return True
    if _DIGIT_IN_WORD.search(word) and not word[:1].isdigit() or _CASE_FLIP.match(word):
        return True
    return _mixed_script(word)


def _mixed_script(word: str) -> bool:
    scripts = {_script(c) for c in word if c.isalpha()}
    return len(scripts - {"other"}) > 1


@functools.lru_cache(maxsize=8192)
def _script(char: str) -> str:
    """"cyrillic", "latin" or "other" (cached: a page asks for every one of its letters, and
    looking the name up was a tenth of parsing a text PDF)."""
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def identify(text: str) -> tuple[str, float]:
    """The best of the archive's languages and py3langid's confidence in it (0..1).

    Uses the language stage's model (restricted to the archive's languages, loaded once per
    process); without py3langid installed the answer is "und" with full confidence, so the
    check never calls text garbage for want of a model.
    """
    if not installed("nlp"):
        return "und", 1.0
    from pipeline.language.detect import identifier

    model = identifier()
    label, confidence = model.classify(text)
    return str(label), float(confidence)


def unknown_share(words: list[str], language: str) -> float:
    """Share of Cyrillic words the pymorphy3 dictionary does not know (0 when it is absent).

    Catches OCR layers that split words ("засе дан ия"), which language ID still reads as
    Russian. Only for ru and uk, the languages with a dictionary installed.
    """
    cyrillic = [w.lower() for w in words if _script(w[0]) == "cyrillic" and w.isalpha()]
    cyrillic = cyrillic[:DICTIONARY_SAMPLE]
    if language not in DICTIONARY_LANGUAGES or len(cyrillic) < MIN_WORDS:
        return 0.0
    if _dictionary(language) is None:
        return 0.0
    return sum(1 for w in cyrillic if not _known(language, w)) / len(cyrillic)


@functools.lru_cache(maxsize=200_000)
def _known(language: str, word: str) -> bool:
    """Whether the dictionary knows `word`, asked once per process: a report repeats its
    words page after page, and the lookups were half the time of parsing a text PDF."""
    return bool(_dictionary(language).word_is_known(word))


@functools.lru_cache(maxsize=2)
def _dictionary(language: str) -> Any:
    """pymorphy3's analyser for `language`, loaded once per process, or None if not installed."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except (ImportError, ValueError, OSError):
        return None

"""Language identification of a text, and of every block of a document.

py3langid alone confuses the Cyrillic languages on short texts (a Belarusian sentence without
rare words scores as Russian), so its ranking is filtered by letters: a language is ruled out
when the text holds more than a few letters its alphabet lacks (ї є ґ for Ukrainian only, ў for
Belarusian and Uzbek, ә ұ һ for Kazakh, ҷ ӣ ӯ for Tajik...). Armenian and Georgian are told by
their scripts alone. A block too short to judge takes the document's majority when its letters
allow it; a block with almost no letters (page numbers, "—", "2009") is `und`.

A longer block also takes the document's language when its letters allow it and the model
does not rule it out: a Ukrainian or Belarusian sentence without the letters only those
languages have can score as Russian or Kazakh, and a block labelled wrongly is translated
wrongly or not at all. Only strong evidence keeps a block apart: letters the document's
language lacks, or the model giving the document's language under `STRONG_AGAINST`. So a
bilingual document keeps each block's own language, and the document's language is the
majority by letters.

Latin names in Cyrillic text («Hewlett-Packard берёт пример с Google») do not make it Latin:
when every Latin word of a text that also has Cyrillic words starts with a capital letter, the
text is judged by its Cyrillic letters (an English sentence has lower-case words too).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from corpus.languages import ALPHABETS, LANGUAGES, SCRIPT_LANGUAGES, SINGLE_SCRIPT, letter_script
from corpus.model import UNDETERMINED, Block

#: fewer letters than this: `und` (nothing to judge).
MIN_LETTERS = 3
#: fewer letters than this: a short block, which follows the document's majority if it can.
SHORT_LETTERS = 25
#: py3langid sees at most this many characters of a block (it is linear; this bounds time).
MAX_CHARS = 5000

#: the share of letters foreign to a language's alphabet above which it is ruled out
#: (a Russian text may quote «Київ»; an English one «Chișinău»).
FOREIGN_SHARE = {"Cyrl": 0.02, "Latn": 0.06}
#: a block whose letters allow the document's language keeps its own only when py3langid gives
#: its own at least `STRONG_FOR`, or the document's under `STRONG_AGAINST` (a Russian paragraph
#: in a Ukrainian report); an even split («Порядок денний затверджено», ru 0.55, uk 0.45)
#: follows the document.
STRONG_FOR = 0.8
STRONG_AGAINST = 0.02


@dataclass(frozen=True)
class Guess:
    """A language with py3langid's confidence; `candidates` are those the letters allow."""

    language: str
    confidence: float
    letters: int
    candidates: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def identifier() -> Any:
    """py3langid's model restricted to our languages, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages(list(LANGUAGES))
    return model


def letter_profile(text: str) -> tuple[str | None, Counter[str]]:
    """The dominant script and the letter counts (lower case) of that script."""
    scripts: Counter[str] = Counter()
    letters: Counter[str] = Counter()
    for char in text.lower():
        script = letter_script(char)
        if script is not None:
            scripts[script] += 1
            letters[char] += 1
    if not scripts:
        return None, letters
    dominant = scripts.most_common(1)[0][0]
    if dominant == "Latn" and scripts["Cyrl"] and _latin_names_only(text):
        dominant = "Cyrl"
    own = Counter({c: n for c, n in letters.items() if letter_script(c) == dominant})
    return dominant, own


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _latin_names_only(text: str) -> bool:
    """Whether every Latin word of the text starts with a capital letter (names, brands)."""
    return all(word[0].isupper() for word in _LATIN_WORD.findall(text))


def allowed_languages(script: str, letters: Counter[str]) -> tuple[str, ...]:
    """The languages of `script` whose alphabet covers the letters well enough."""
    total = sum(letters.values())
    limit = FOREIGN_SHARE.get(script, 0.0) * total
    allowed = []
    for language in SCRIPT_LANGUAGES.get(script, ()):
        alphabet = ALPHABETS["uz_latn" if (language, script) == ("uz", "Latn") else language]
        foreign = sum(n for c, n in letters.items() if c not in alphabet)
        if foreign <= limit or foreign == 0:
            allowed.append(language)
    return tuple(allowed)


def identify(text: str) -> Guess:
    """The language of one text, without context: `und` when there is nothing to judge."""
    script, letters = letter_profile(text[:MAX_CHARS])
    count = sum(letters.values())
    if script is None or count < MIN_LETTERS:
        return Guess(UNDETERMINED, 0.0, count)
    if script in SINGLE_SCRIPT:
        language = SINGLE_SCRIPT[script]
        return Guess(language, 1.0, count, (language,))
    if script not in SCRIPT_LANGUAGES:
        return Guess(UNDETERMINED, 0.0, count)
    candidates = allowed_languages(script, letters) or SCRIPT_LANGUAGES[script]
    return _best_ranked(text[:MAX_CHARS], candidates, count)


def _best_ranked(text: str, candidates: tuple[str, ...], letters: int) -> Guess:
    """py3langid's best language among the candidates the letters allow."""
    for language, score in identifier().rank(text):
        if language in candidates:
            return Guess(language, float(score), letters, candidates)
    return Guess(candidates[0], 0.0, letters, candidates)


def majority(weights: dict[str, int]) -> str:
    """The language with the most letters (ties: the earlier in LANGUAGES); `und` if none."""
    if not weights:
        return UNDETERMINED
    order = {code: i for i, code in enumerate(LANGUAGES)}
    return min(weights, key=lambda code: (-weights[code], order.get(code, len(order))))


def label_blocks(blocks: list[Block]) -> str:
    """Set each block's language and return the document's (majority by letters).

    Long blocks are judged on their own first; short ones then take the majority of the long
    ones when their letters allow it, so a heading «МАГ» in a Russian report stays Russian.
    """
    guesses = [identify(block.text) for block in blocks]
    long_weights: Counter[str] = Counter()
    for guess in guesses:
        if guess.language != UNDETERMINED and guess.letters >= SHORT_LETTERS:
            long_weights[guess.language] += guess.letters
    document_language = majority(dict(long_weights))
    weights: Counter[str] = Counter()
    for block, guess in zip(blocks, guesses, strict=True):
        block.language = _settle(guess, document_language, block.text)
        if block.language != UNDETERMINED:
            weights[block.language] += guess.letters
    return majority(dict(weights))


def _settle(guess: Guess, document_language: str, text: str) -> str:
    """The block's language: the document's unless the block's own evidence is strong."""
    if guess.language in (UNDETERMINED, document_language):
        return guess.language
    if document_language not in guess.candidates:
        return guess.language
    if guess.letters < SHORT_LETTERS:
        return document_language
    scores = dict(identifier().rank(text[:MAX_CHARS]))
    strong = (scores.get(guess.language, 0.0) >= STRONG_FOR
              or scores.get(document_language, 0.0) < STRONG_AGAINST)
    return guess.language if strong else document_language

"""The one interface every translation engine keeps, and what all engines share.

An engine translates a batch of segments for one of its pairs: `translate(texts, source,
target) -> texts`, same length, same order. It is called with whole groups of segments (a
document's blocks), never sentence by sentence, because process start-up (Apertium) and batch
decoding (CTranslate2) dominate the cost. `pairs()` maps each direct pair the engine can do to
the version of the model behind it; the version goes into the translation memory key, so a new
model never reuses an old model's output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from corpus.errors import SekretarError

#: (source language, target language), ISO 639-1 codes as the rest of the archive uses.
Pair = tuple[str, str]


class TranslationFailed(SekretarError):
    """An engine broke on text it should handle (crash, empty output, lost segments).

    Never raised for a missing model (that is `ModelMissing`), so a caller can tell "install
    something" from "something is wrong".
    """


class Engine(Protocol):
    """A translation engine: a name, its direct pairs with versions, and batched translation."""

    name: str

    def pairs(self) -> dict[Pair, str]: ...

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]: ...


class IdentityEngine:
    """Same language in and out: the text itself. Lets callers treat every pair alike."""

    name = "identity"

    def pairs(self) -> dict[Pair, str]:
        return {}

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return list(texts)


def pair_name(source: str, target: str) -> str:
    """How a pair is written for users: `ru-uk`."""
    return f"{source}-{target}"


def parse_pair(text: str) -> Pair:
    """`ru-uk`, `ru_uk` or `ru→uk` to ("ru", "uk"); anything else is a usage error."""
    from corpus.errors import ConfigError

    for sep in ("-", "_", "→", ">"):
        parts = text.strip().lower().split(sep)
        if len(parts) == 2 and all(p.isalpha() for p in parts):
            return parts[0], parts[1]
    raise ConfigError(f"a language pair is written like ru-uk, not {text!r}")


def check_output(engine: str, texts: Sequence[str], outputs: Sequence[str]) -> list[str]:
    """Refuse silent failures: one output per input, and no empty output for real input.

    Apertium's stock modes print nothing and exit 0 (see models.md); an NMT model can lose a
    segment. Either would otherwise be stored as a "translation".
    """
    if len(outputs) != len(texts):
        raise TranslationFailed(f"{engine} returned {len(outputs)} segments for {len(texts)}")
    for text, out in zip(texts, outputs, strict=True):
        if text.strip() and not out.strip():
            raise TranslationFailed(f"{engine} returned empty text for {shorten(text)!r}")
    return list(outputs)


def shorten(text: str, width: int = 60) -> str:
    """A segment short enough to quote in an error message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


#: Apertium's marks before a word: * unknown, # not generated, @ not in the bilingual dictionary.
_MARK = re.compile(r"(?<![\w*#@])([*#@])(?=[^\W\d_])")


def strip_marks(output: str, source_text: str = "") -> tuple[str, list[str]]:
    """The output without the engine's word marks, and the marked words with their mark
    (`*Присутствовали`, `#котрий`).

    A mark the source text itself has (an `@name`, a `#tag`) is kept as written.
    """
    marked: list[str] = []

    def drop(match: re.Match[str]) -> str:
        word = re.match(r"[\w'’-]+", output[match.end() :])
        text = word[0] if word else ""
        if match[1] + text in source_text:
            return match[1]
        marked.append(match[1] + text)
        return ""

    return _MARK.sub(drop, output), marked

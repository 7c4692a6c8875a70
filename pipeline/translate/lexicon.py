"""Which words a language's dictionary knows, asked of Apertium's own morphological analyser.

The quality checks call a word "left in the source language" when the translation has it
exactly as the source does and the target language's dictionary does not know it («Присутствовали»
in a Ukrainian text). The dictionary is the analyser the installed Apertium pair reads that
language with (`lt-proc -w X.automorf.bin`, named in the pair's mode file); one process per
batch of new words, answers kept for the life of the object. Without Apertium for the language
nothing is known to be unknown, and the checks fall back on the alphabet. The same analyser
tells first names (`<ant>`: Владимир, Сергеем), which the engine translates well (Володимир,
Сергієм), from surnames, which it must not see.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from pipeline.translate.apertium import LANGUAGES, STOCK_MODES

_ANALYSER = re.compile(r"lt-proc -w '([^']+\.automorf\.bin)'")
_ANSWER = re.compile(r"\^([^/$]*)/([^$]*)\$")
_CODES = {two: three for three, two in LANGUAGES.items()}


class Lexicon:
    """Known and unknown words per language, from the installed analysers."""

    def __init__(self, stock: Path = STOCK_MODES) -> None:
        self.stock = Path(stock)
        self._analyses: dict[str, dict[str, str]] = {}
        self._analysers: dict[tuple[str, str], Path | None] = {}

    def has(self, language: str) -> bool:
        """Is there an analyser for the language?"""
        return self._analyser(language, "") is not None

    def unknown(self, words: Iterable[str], language: str) -> set[str]:
        """The words the language's dictionary does not know."""
        analyses = self._analyse(words, language)
        return {w for w in words if analyses.get(w, "").startswith("*")}

    def first_names(self, words: Iterable[str], source: str, target: str) -> set[str]:
        """The words the source→target engine's dictionary knows as first names (as given)."""
        analyses = self._analyse(words, source, target)
        return {w for w in words if "<ant>" in analyses.get(w, "")}

    def _analyse(self, words: Iterable[str], language: str, target: str = "") -> dict[str, str]:
        """word (as written: proper names are known only with their capital) -> the analyser's
        answer (that of the pair into `target` when given); empty when there is none."""
        words = list(words)
        analyser = self._analyser(language, target)
        if analyser is None:
            return {}
        cache = self._analyses.setdefault(f"{language}-{target}", {})
        new = sorted(set(words) - cache.keys())
        if new:
            cache.update(_ask(analyser, new))
        return cache

    def _analyser(self, language: str, target: str) -> Path | None:
        key = (language, target)
        if key not in self._analysers:
            self._analysers[key] = _find_analyser(
                self.stock, _CODES.get(language, ""), _CODES.get(target, "*")
            )
        return self._analysers[key]


def _find_analyser(stock: Path, code: str, target: str = "*") -> Path | None:
    if not code or not stock.is_dir():
        return None
    for mode in sorted(stock.glob(f"{code}-{target}.mode")):
        found = _ANALYSER.search(mode.read_text("utf-8"))
        if found and Path(found[1]).is_file():
            return Path(found[1])
    return None


def _ask(analyser: Path, words: list[str]) -> dict[str, str]:
    """word -> its analyses (`*word` when unknown), from one `lt-proc` run (one word a line);
    nothing on any failure."""
    try:
        done = subprocess.run(
            ["lt-proc", "-w", str(analyser)],
            input="\n".join(words).encode("utf-8"),
            capture_output=True,
            timeout=60 + len(words) / 100,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    answers = {}
    for match in _ANSWER.finditer(done.stdout.decode("utf-8", "replace")):
        answers[match[1]] = match[2]
    return answers

"""Russian personal names in Ukrainian and Belarusian letters, by the rules of each pair.

A name is never translated (В.И. is not the preposition «в», Сидоров is not a word to look
up): it is rewritten letter by letter with the conventions Ukrainian and Belarusian spelling
use for Russian surnames and initials. The case ending of the source stays as it is
(«Ресина» → «Ресіна»), which is the form the sentence needs in these close languages.

Ukrainian (ru→uk): и → і (ї after a vowel or ь; и after ж ч ш щ ц and before й or ч:
Іванович),
ы → и, э → е, е → є at the start of a word and after a vowel, ь or ъ, ё → йо / ьо / о (after
ж ч ш щ), ъ → apostrophe. Belarusian (ru→be): и → і (ы after ж ч ш щ р ц), щ → шч, ъ → apostrophe,
в → ў after a vowel before a consonant or at the end (Иванов → Іваноў), the endings -ий/-ый
→ -і/-ы; е, ё, ы, э stay.
Back into Russian (uk→ru, be→ru) the same correspondences are read the other way round; a
Belarusian «ры»/«цы» stands for Russian «ри»/«ци» or «ры»/«цы» alike (Кірыллаў, Крылоў), so the
spelling the Russian dictionary knows as a name is taken, «и» when it knows neither.
Stress-dependent changes (Belarusian аканне) are not made: they need the name's stress.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from pipeline.translate.endings import with_ending

_VOWELS = set("аеёиоуыэюяіїєў")
_HUSHING = set("жчшщц")
_APOSTROPHE = "’"
#: the pairs names can be written in; any other pair keeps the name as it is.
PAIRS = frozenset({("ru", "uk"), ("ru", "be"), ("uk", "ru"), ("be", "ru")})
_WORD = re.compile(r"[^\W\d_]+")


def transliterate(text: str, source: str, target: str, case: str = "gen") -> str:
    """`text` (a name, initials or both) in the target language's letters; adjectival surname
    endings in the target's form (`endings`; `case` for the Ukrainian feminine -ой forms)."""
    if (source, target) not in PAIRS:
        return text
    if target in ("uk", "be"):
        rule = _ukrainian if target == "uk" else _belarusian
        return _WORD.sub(
            lambda m: _keep_case(m[0], with_ending(m[0].lower(), target, rule, case)), text
        )
    back = _RUSSIAN_FROM[source]
    return _WORD.sub(lambda m: _keep_case(m[0], back(m[0].lower())), text)


def _keep_case(original: str, lowered: str) -> str:
    if original.isupper() and len(original) > 1:
        return lowered.upper()
    if original[:1].isupper():
        return lowered[:1].upper() + lowered[1:]
    return lowered


def _ukrainian(word: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1 : i + 2]
        if ch == "и":
            if before in _VOWELS or before == "ь":
                out.append("ї")
            elif before in _HUSHING or after in ("й", "ч"):
                out.append("и")
            else:
                out.append("і")
        elif ch == "ы":
            out.append("и")
        elif ch == "э":
            out.append("е")
        elif ch == "е":
            out.append("є" if not before or before in _VOWELS or before in "ьъ" else "е")
        elif ch == "ё":
            out.append(_yo_uk(before, out))
        elif ch == "ъ":
            out.append(_APOSTROPHE)
        else:
            out.append(ch)
    return "".join(out)


def _yo_uk(before: str, out: list[str]) -> str:
    if before in _HUSHING:
        return "о"
    if not before or before in _VOWELS:
        return "йо"
    if before in "ьъ":
        out.pop()
        return "йо"
    return "ьо"


def _belarusian(word: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1 : i + 2]
        if ch in "иы" and after == "й" and i + 2 == len(word):
            out.append("ы" if ch == "ы" or before in _HUSHING or before == "р" else "і")
            break
        if ch == "и":
            out.append("ы" if before in _HUSHING or before == "р" else "і")
        elif ch == "щ":
            out.append("шч")
        elif ch == "ъ":
            out.append(_APOSTROPHE)
        elif ch == "в" and before in _VOWELS and (not after or after not in _VOWELS | {"ь"}):
            out.append("ў")
        else:
            out.append(ch)
    return "".join(out)


_CONSONANT_YO = re.compile(r"(?<=[бвгґдзклмнпрстфхц])йо")


def _from_ukrainian(word: str) -> str:
    word = _CONSONANT_YO.sub("ьё", word.replace("ьо", "ё"))
    out: list[str] = []
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        if ch == "і":
            out.append("и")
        elif ch == "ї":
            out.append("и" if before == "ь" else "ьи")
        elif ch == "и":
            out.append("и" if before in _HUSHING or word[i + 1 : i + 2] == "й" else "ы")
        elif ch == "є":
            out.append("ъе" if before and before in "'’" else "е")
        elif ch == "е":
            out.append("э" if not before or before in _VOWELS else "е")
        elif ch == "ґ":
            out.append("г")
        elif ch in "'’":
            continue
        else:
            out.append(ch)
    return "".join(out)


def _from_belarusian(word: str) -> str:
    word = word.replace("шч", "щ")
    out: list[str] = []
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        if ch == "і":
            out.append("и")
        elif ch == "ы" and before and before in "жчш":
            out.append("и")
        elif ch == "ў":
            out.append("в")
        elif ch in "'’":
            out.append("ъ")
        else:
            out.append(ch)
    return _hard_r_and_c("".join(out))


_HARD_Y = re.compile(r"(?<=[рц])ы")


@lru_cache(maxsize=4096)
def _hard_r_and_c(word: str) -> str:
    """Russian «ри»/«ци» where Belarusian writes «ры»/«цы», unless the dictionary knows the
    name with «ы» and not with «и»."""
    if not _HARD_Y.search(word):
        return word
    soft = _HARD_Y.sub("и", word)
    morph = _russian_morphology()
    if morph is not None and morph.word_is_known(word) and not morph.word_is_known(soft):
        return word
    return soft


@cache
def _russian_morphology() -> Any:
    """pymorphy3's Russian dictionary, or None where the nlp extra is not installed."""
    try:
        import pymorphy3
    except ImportError:
        return None
    return pymorphy3.MorphAnalyzer(lang="ru")


_RUSSIAN_FROM = {"uk": _from_ukrainian, "be": _from_belarusian}

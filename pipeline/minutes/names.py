"""Speakers' names brought to one form and one key, whatever case the minutes put them in.

СЛУШАЛИ takes the accusative («СЛУШАЛИ: Иванова И.И.» is Иванов; «Петрову Анну Сергеевну» is
Петрова Анна Сергеевна), ВЫСТУПИЛИ the nominative, and a surname alone is ambiguous («Иванова»
is a man in the accusative or a woman in the nominative). So the gender is taken, in this order,
from a given name or patronymic, from a hint (the speech's first past-tense verb: «доложила»),
and only then from the case the label expects. pymorphy3 supplies the analyses (ru and uk);
an unknown or indeclinable surname (Русу, Ким) stays as written.

`person_key` is the surname's nominative and the first initial, transliterated and folded
("ivanov i"), so «Иванов И.И.», «Ивана Иванова», «И. Иванов» and "Ivan Ivanov" share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from corpus.languages import name_language

NOMINATIVE = "nomn"
ACCUSATIVE = "accs"
_UPPER = "А-ЯЁІЇЄҐA-Z"
_INITIALS = re.compile(rf"^([{_UPPER}])\.\s*(?:([{_UPPER}])\.?)?$")
_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|mx|sir|madam|г-н|г-жа|пан|пані|господин|госпожа)\.?$",
                     re.IGNORECASE)
_TRANSLIT = dict(zip(
    "абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя'’ʼ",
    ["a", "b", "v", "g", "g", "d", "e", "e", "e", "zh", "z", "i", "i", "i", "i", "k", "l", "m",
     "n", "o", "p", "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sh", "", "i", "", "e", "iu",
     "ia", "", "", ""], strict=True))  # fmt: skip


@dataclass(frozen=True)
class PersonName:
    """A person as the minutes name them, in the nominative, with the key they are known by."""

    display: str
    surname: str
    initial: str | None
    key: str


@lru_cache(maxsize=2)
def analyzer(language: str) -> Any:
    """pymorphy3's analyser for ru or uk, loaded once per process (it takes seconds)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=20000)
def parses(language: str, word: str) -> tuple[Any, ...]:
    return tuple(analyzer(language).parse(word))


def morph_language(language: str, text: str) -> str | None:
    """ru or uk for Cyrillic names (Ukrainian letters decide), None for Latin ones."""
    if not re.search("[а-яёіїєґ]", text, re.IGNORECASE):
        return None
    if language == "uk" or re.search("[іїєґ]", text, re.IGNORECASE):
        return "uk"
    return "ru"


def normalise_name(words: list[str], language: str, case: str = NOMINATIVE,
                   gender: str | None = None) -> PersonName:
    """A name from its written words (surname, given name, patronymic or initials, in the
    written order) in the nominative. `case` is what the label expects; `gender` a hint."""
    morph = morph_language(language, " ".join(words))
    roles = _ensure_surname(_patronymic_after_name(words, [_role_of(w, morph) for w in words],
                                                   morph))
    if morph:
        gender = _gender_from(words, roles, morph) or gender
        case = _case_from(words, roles, morph) or case
    out = [_nominative(w, r, morph, case, gender) for w, r in zip(words, roles, strict=True)]
    surname = out[roles.index("surname")] if "surname" in roles else out[-1]
    initial = _first_initial(out, roles)
    return PersonName(display=" ".join(out), surname=surname, initial=initial,
                      key=person_key(surname, initial))


def _role_of(word: str, morph: str | None) -> str:
    """initials, given, patronymic or surname."""
    if _INITIALS.match(word):
        return "initials"
    if morph is None:
        return "given"
    grammemes = {g for p in parses(morph, word) if "NOUN" in p.tag for g in p.tag.grammemes}
    if "Patr" in grammemes and "Surn" not in grammemes and not _surname_ending(word):
        return "patronymic"
    if "Name" in grammemes and "Surn" not in grammemes:
        return "given"
    return "surname"


def _patronymic_after_name(words: list[str], roles: list[str], morph: str | None) -> list[str]:
    """A word right after a given name that can be a patronymic is one («Юрія Богдановича»),
    even when the dictionary also knows it as a surname."""
    if morph is None:
        return roles
    out = list(roles)
    for n in range(1, len(words)):
        if out[n - 1] == "given" and out[n] == "surname" and any(
                "Patr" in p.tag.grammemes for p in parses(morph, words[n])):
            out[n] = "patronymic"
    return out


def _ensure_surname(roles: list[str]) -> list[str]:
    """Exactly one surname: a Latin name, or a Cyrillic one whose surname is also a given name,
    takes its last word that is not initials ("Anna Petrova", "Petrova A.")."""
    if roles.count("surname") == 1:
        return roles
    words = [i for i, role in enumerate(roles) if role != "initials"]
    if not words:
        return roles
    chosen = next((i for i in words if roles[i] == "surname"), words[-1])
    return ["surname" if i == chosen else "given" if role == "surname" else role
            for i, role in enumerate(roles)]


def _surname_ending(word: str) -> bool:
    """Patronymic-like surnames (Ковалевич, Петрович) stand where a surname stands."""
    return word.lower().endswith(("вич", "віч")) and not word.lower().endswith("ович")


def _gender_from(words: list[str], roles: list[str], morph: str) -> str | None:
    for word, role in zip(words, roles, strict=True):
        if role == "patronymic" or role == "given":
            genders = {_gender_of(p.tag) for p in parses(morph, word)
                       if {"Name", "Patr"} & p.tag.grammemes and _gender_of(p.tag)}
            if len(genders) == 1:
                return genders.pop()
    return None


def _case_from(words: list[str], roles: list[str], morph: str) -> str | None:
    """The case a patronymic shows (Сергеевну: accusative), if it shows just one."""
    for word, role in zip(words, roles, strict=True):
        if role == "patronymic":
            cases = {p.tag.case for p in parses(morph, word) if "Patr" in p.tag.grammemes}
            if len(cases) == 1:
                return cases.pop()
    return None


def _nominative(word: str, role: str, morph: str | None, case: str, gender: str | None) -> str:
    if role == "initials" or morph is None:
        return word
    if "-" in word:
        return "-".join(_nominative(part, role, morph, case, gender) for part in word.split("-"))
    parse = _best_parse(word, role, morph, case, gender)
    if parse is None or parse.tag.case == NOMINATIVE:
        return word
    wanted = {NOMINATIVE} | ({gender} if gender and _gender_of(parse.tag) == "ms-f" else set())
    inflected = parse.inflect(wanted) or parse.inflect({NOMINATIVE})
    return _like(word, inflected.word) if inflected else word


def _best_parse(word: str, role: str, morph: str, case: str, gender: str | None) -> Any | None:
    tag_name = {"given": "Name", "patronymic": "Patr", "surname": "Surn"}[role]
    candidates = [p for p in parses(morph, word) if _fits(p, tag_name, gender)]
    if not candidates:
        return None
    return min(candidates, key=lambda p: (
        0 if p.tag.case == case else 1 if p.tag.case == NOMINATIVE else 2,
        0 if tag_name in p.tag.grammemes else 1, -p.score))


def _fits(parse: Any, tag_name: str, gender: str | None) -> bool:
    tag = parse.tag
    if tag.number == "plur" or not ({"NOUN", "ADJF"} & tag.grammemes):
        return False
    if tag_name == "Surn" and not ({"Surn", "anim"} & tag.grammemes):
        return False
    if tag_name != "Surn" and tag_name not in tag.grammemes:
        return False
    return gender is None or _gender_of(tag) in (gender, "ms-f", None)


def _gender_of(tag: Any) -> str | None:
    """masc, femn, neut or ms-f (pymorphy's `tag.gender` refuses to compare with ms-f)."""
    return next((g for g in ("masc", "femn", "neut", "ms-f") if g in tag.grammemes), None)


def _like(written: str, word: str) -> str:
    """The inflected word with the written capitalisation (and ё if it was written)."""
    if written.isupper():
        return word.upper()
    return word[:1].upper() + word[1:]


def _first_initial(words: list[str], roles: list[str]) -> str | None:
    for word, role in zip(words, roles, strict=True):
        if role == "initials":
            return word[0]
        if role == "given":
            return word[0]
    return None


def transliterate(text: str) -> str:
    """A plain Latin spelling of Cyrillic, folded so that common English spellings meet it."""
    latin = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())
    latin = latin.replace("kh", "h").replace("ts", "c").replace("j", "i").replace("y", "i")
    latin = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", latin)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z ]", "", latin))


def person_key(surname: str, initial: str | None) -> str:
    """"ivanov i": the same for one person in any language, case and name order."""
    key = transliterate(surname)
    return f"{key} {transliterate(initial)[:1]}" if initial else key


def is_title(word: str) -> bool:
    """Mr, Ms, Dr, г-н…: words before a name that are not part of it."""
    return bool(_TITLES.match(word))


def speaker_key(name: str) -> str:
    """A typed speaker («Иванова И.И.», "I. Ivanov", "ivanov i") as the person key the minutes
    stage gives («ivanov i»), or the text as given when it does not read as a name (a key
    typed in lower case is already one)."""
    words = name.replace(".", ". ").split()
    if not words or not any(ch.isalpha() for ch in name) or name == name.lower():
        return name
    if len(words) == 1:
        return person_key(normalise_name(words, name_language(name)).surname, None)
    return normalise_name(words, name_language(name)).key

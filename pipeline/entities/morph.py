"""Russian and Ukrainian morphology through pymorphy3, cached per word.

natasha normalises a span with its syntax parser, which costs more than its NER; here the
nominative of a span comes from pymorphy3 alone with two agreement rules: the words of a name
(Сергея Есенина) share one case and gender, and the leading adjectives of an organisation or
place agree with its head noun (Международной ассамблеи ... → Международная ассамблея ...),
while the words after the head keep their case. Every lookup is cached, so a word is analysed
once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from corpus.errors import ModelMissing

MORPH_LANGUAGES = ("ru", "uk")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_ADJECTIVES = ("ADJF", "PRTF")
#: the second locative and genitive (в аэропорту, чашка чаю) agree as the main ones.
_MAIN_CASES = {"loc2": "loct", "gen2": "gent", "acc2": "accs"}
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=2)
def analyzer(language: str) -> Any:
    """The pymorphy3 analyser of a language (ru or uk), loaded once per process."""
    try:
        import pymorphy3
    except ImportError as err:
        raise ModelMissing(
            "pymorphy3",
            "Install it with: pip install pymorphy3 pymorphy3-dicts-ru pymorphy3-dicts-uk",
        ) from err
    try:
        return pymorphy3.MorphAnalyzer(lang=language)
    except (ValueError, OSError) as err:
        raise ModelMissing(
            f"pymorphy3 dictionary for {language!r}",
            f"Install it with: pip install pymorphy3-dicts-{language}",
        ) from err


@lru_cache(maxsize=200_000)
def parses(word: str, language: str) -> tuple[Any, ...]:
    """All analyses of a word (cached: most text repeats a small vocabulary)."""
    return tuple(analyzer(language).parse(word))


@lru_cache(maxsize=50_000)
def may_be_surname(word: str, language: str = "ru") -> bool:
    """Whether a word may be a surname: pymorphy3 reads it as one, or does not know it."""
    if not is_word(word):
        return False
    if not analyzer(language).word_is_known(word):
        return True
    return any("Surn" in p.tag.grammemes for p in parses(word, language))


@lru_cache(maxsize=50_000)
def may_open_a_name(word: str, language: str = "ru") -> bool:
    """Whether a name may start with this word: it may be a noun or an adjective, or is not a
    word of the dictionary (not a gerund or verb the model read alone: «Скопив деньги…»)."""
    if not is_word(word):
        return True
    return any(p.tag.POS in (None, "NOUN", "ADJF") for p in parses(word, language))


def fold(word: str) -> str:
    """Lower case with ё as е, the form gazetteer lookups compare."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The most likely lemma (folded); the word itself outside ru and uk."""
    if language not in MORPH_LANGUAGES or not is_word(word):
        return fold(word)
    found = parses(word, language)
    return fold(found[0].normal_form) if found else fold(word)


@lru_cache(maxsize=200_000)
def lemma_set(word: str, language: str) -> frozenset[str]:
    """The word and every lemma it may have (Мінську → мінськ and мінський), folded."""
    forms = {fold(word)}
    if language in MORPH_LANGUAGES and is_word(word):
        forms.update(fold(p.normal_form) for p in parses(word, language))
    return frozenset(forms)


@lru_cache(maxsize=50_000)
def name_forms(word: str, language: str) -> frozenset[str]:
    """The forms a word of a reference name (given in the nominative) stands for: itself and
    the lemmas of its nominative readings, only the place-name readings if it has any. So
    «Львов» stands for львов, not for лев (its genitive plural reading), and «Международная»
    for международный."""
    forms = {fold(word)}
    if language in MORPH_LANGUAGES and is_word(word):
        nominative = [p for p in parses(word, language) if p.tag.case in (None, "nomn")]
        places = [p for p in nominative if "Geox" in p.tag.grammemes]
        forms.update(fold(p.normal_form) for p in places or nominative)
    return frozenset(forms)


def restore_shape(word: str, model: str) -> str:
    """Give `word` the capitalisation of `model` (МАГ, МИДа → МИД, Рязань, ассамблея), part by part in a
    hyphenated name (Санкт-Петербург, Ростов-на-Дону), and fold the ё pymorphy3 writes where
    `model` had none (Соединенных Штатов → Соединенные Штаты)."""
    if "ё" not in model.lower():
        word = word.replace("ё", "е").replace("Ё", "Е")
    parts, shapes = word.split("-"), model.split("-")
    if len(parts) > 1 and len(parts) == len(shapes):
        return "-".join(restore_shape(p, m) for p, m in zip(parts, shapes, strict=True))
    if model.isupper() and len(model) > 1:
        return word.upper()
    capitals = len(model) - len(model.lstrip("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ"))
    if capitals > 1:  # an abbreviation with a case ending: МИДа → МИД
        return word[:capitals].upper() + word[capitals:]
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _inflect(parse: Any, grammemes: set[str]) -> str | None:
    form = parse.inflect(grammemes)
    return str(form.word) if form is not None else None


def is_word(text: str) -> bool:
    """Letters, or letters joined by hyphens (Даунинг-стрит)."""
    plain = text.replace("-", "")
    return plain.isalpha() and not text.startswith("-") and not text.endswith("-")


def _is_word(text: str) -> bool:
    """A word worth inflecting: letters (or hyphenated letters), not an abbreviation or initial."""
    return is_word(text) and not (text.isupper() and len(text) > 1) and len(text) > 1


Option = tuple[str | None, str | None]


def _options(parse_list: Sequence[Any]) -> set[Option]:
    """(case, gender) readings; an indeclinable word (Эндрю) agrees with every case."""
    found: set[Option] = set()
    for p in parse_list:
        if "Fixd" in p.tag.grammemes:
            found.update((case, p.tag.gender) for case in _CASES)
        found.add((p.tag.case, p.tag.gender))
    return found


def _name_parses(word: str, language: str, guided: bool) -> tuple[Any, ...]:
    """A person's word's singular readings (a person is never plural: Меллон stays): those as a
    first name, surname or patronymic first, then those as a noun or adjective that are not
    place names. A word the dictionary does not know has only guesses: beside a known first
    name (`guided`, which then picks the case) those as a surname or as a noun ending in a
    consonant (Эндрю Меллона, Юрию Мильнеру), else only those as a surname (Кульгинова), so a
    foreign name is left as written (Эзра, not Эзр; Нэнси Пелоси, not Пелось)."""
    found = [p for p in parses(word, language) if p.tag.number != "plur"]
    if not _known(word, language):
        return tuple(
            p
            for p in found
            if "Surn" in p.tag.grammemes
            or (guided and p.tag.POS == "NOUN" and p.normal_form[-1:] in _CONSONANTS)
        )
    named = [p for p in found if p.tag.grammemes & _NAME_TAGS]
    other = [
        p
        for p in found
        if p.tag.POS in ("NOUN", "ADJF") and "Geox" not in p.tag.grammemes and p not in named
    ]
    return tuple(named + other)


def _known(word: str, language: str) -> bool:
    return bool(analyzer(language).word_is_known(word))


def _first_name(word: str, language: str) -> bool:
    """A known word that can be a first name (Эндрю, Юрий)."""
    return _known(word, language) and any("Name" in p.tag.grammemes for p in parses(word, language))


def person_nominative(words: Sequence[str], language: str) -> list[str]:
    """The nominative of a person's name.

    The words share one case and gender when they can (Сергея Есенина, Эндрю Меллона), in the
    reading the leading word makes most likely (Путина → Путин), or, beside initials, in the
    nominative when the words can be read so (lists and signatures of minutes name people in
    the nominative: «Секретарь: Миронова Е.С.» is a woman); when they cannot (an unknown
    or indeclinable surname: Терезы Мэй), the first name's reading leads and the words that
    have no such reading stay as written (Тереза Мэй). A word with no singular reading
    (Кульгинов) stays as written.
    """
    guided = any(_is_word(w) and _first_name(w, language) for w in words)
    pairs = [
        (i, c) for i, w in enumerate(words) if _is_word(w) and (c := _name_parses(w, language, guided))
    ]
    if not pairs:
        return list(words)
    slots, choices = [i for i, _ in pairs], [c for _, c in pairs]
    common = set.intersection(*(_options(c) for c in choices))
    initials = any(not _is_word(w) and w.replace(".", "").isalpha() for w in words)
    target = ("nomn", _gender(common)) if initials and _gender(common) else _lead(choices, common)
    result = list(words)
    for i, found in zip(slots, choices, strict=True):
        result[i] = _inflect_one(words[i], found, target)
    return result


def _gender(common: set[Option]) -> str | None:
    """The gender of a nominative reading all words share, if there is one."""
    return next((gender for case, gender in sorted(common, key=str) if case == "nomn"), None)


def _lead(choices: list[tuple[Any, ...]], common: set[Option]) -> Option | None:
    """The target reading: the leading word's most likely one shared by all words, else the
    first name's most likely one."""
    declined = [c for c in choices if not any("Fixd" in p.tag.grammemes for p in c)] or choices
    if common:
        readings = [(p.tag.case, p.tag.gender) for c in declined for p in c]
        return next((r for r in readings if r in common), None)
    first_names = [c for c in declined if any("Name" in p.tag.grammemes for p in c)] or declined
    leader = first_names[0][0]
    return leader.tag.case, leader.tag.gender


def _inflect_one(word: str, found: Sequence[Any], target: Option | None) -> str:
    chosen = [p for p in found if target and (p.tag.case, p.tag.gender) == target]
    if not chosen or chosen[0].tag.case in (None, "nomn") or "Fixd" in chosen[0].tag.grammemes:
        return word
    form = _inflect(chosen[0], {"nomn", "sing"})
    return restore_shape(form, word) if form else word


def phrase_nominative(words: Sequence[str], language: str) -> list[str]:
    """The nominative of an organisation or place: leading adjectives and the head noun.

    Stops at the first word that is not an adjective (the head noun), at quotes and at
    abbreviations; everything after the head keeps its case (…столиц и крупных городов).
    """
    head = _head_index(words, language)
    if head is None:
        return list(words)
    nouns = [p for p in parses(words[head], language) if p.tag.POS == "NOUN"]
    nouns.sort(key=lambda p: p.tag.number == "plur")  # a plural reading only if no other agrees
    if not _known(words[head], language):  # guesses: singular ones, a consonant stem first
        nouns = [p for p in nouns if p.tag.number != "plur"]
        nouns.sort(key=lambda p: p.normal_form[-1:] not in _CONSONANTS)
    for noun in nouns:
        agreeing = _agreeing_adjectives(words[:head], noun, language)
        if agreeing is not None:
            return _inflect_phrase(words, head, noun, agreeing)
    return list(words)


def _head_index(words: Sequence[str], language: str) -> int | None:
    for i, word in enumerate(words):
        if not _is_word(word):
            return None
        found = parses(word, language)
        if any(p.tag.POS == "NOUN" for p in found) and not all(
            p.tag.POS in _ADJECTIVES for p in found[:1]
        ):
            return i
        if not any(p.tag.POS in _ADJECTIVES for p in found):
            return None
    return None


def _agreeing_adjectives(words: Sequence[str], noun: Any, language: str) -> list[Any] | None:
    """For each adjective, an analysis agreeing with the noun in case and number (or None)."""
    chosen = []
    for word in words:
        match = next(
            (
                p
                for p in parses(word, language)
                if p.tag.POS in _ADJECTIVES
                and p.tag.case == _MAIN_CASES.get(noun.tag.case, noun.tag.case)
                and p.tag.number == noun.tag.number
                and (noun.tag.number == "plur" or p.tag.gender in (noun.tag.gender, None))
            ),
            None,
        )
        if match is None:
            return None
        chosen.append(match)
    return chosen


def _inflect_phrase(words: Sequence[str], head: int, noun: Any, adjectives: list[Any]) -> list[str]:
    result = list(words)
    if noun.tag.case == "nomn":
        return result
    noun_form = _inflect(noun, {"nomn"})
    if noun_form is None:
        return result
    result[head] = restore_shape(noun_form, words[head])
    wanted = {"nomn", noun.tag.number} | (
        {noun.tag.gender} if noun.tag.number == "sing" and noun.tag.gender else set()
    )
    for i, adjective in enumerate(adjectives):
        form = _inflect(adjective, {g for g in wanted if g})
        result[i] = restore_shape(form, words[i]) if form else words[i]
    return result

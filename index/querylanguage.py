"""The language a query is analysed in: the detector's guess checked against the query's
letters, the archive's languages and the interface's language.

A language identifier reads a few words badly: «тарифи на воду» came out Tajik, "Kishinev"
Uzbek, "water" Turkmen. Searched as Tajik, the Ukrainian words are not reduced to their lemmas
and the search misses every inflected form. So a guess counts only when every letter of the
query belongs to the guessed language's alphabet and, for any language other than Russian,
Ukrainian and English, when the query holds one of the letters that language has and those
three lack (Kazakh «ә», Turkmen "ň", Romanian "ș"...): without its own letters, a short
Cyrillic or Latin query is not told apart from Russian or English. Otherwise the interface's
language is taken if the query's letters fit it, then the archive's languages (most blocks
first), then the script (corpus.languages.script_language).

Latin words in a Cyrillic query are names («Сколько Google вложила в Zynga?»), so a
Cyrillic-script language is judged by the query's other letters: counted with the names, that
question fits no alphabet and half its letters are Latin, so it would be searched as English.
"""

from __future__ import annotations

from collections.abc import Iterable

from corpus.languages import ALPHABETS, SCRIPT_LANGUAGES, script_language

#: languages a query may be taken for without letters of their own.
PLAIN = ("ru", "uk", "en")
_BASE = {"Cyrl": ALPHABETS["ru"], "Latn": ALPHABETS["en"]}
#: a language's alphabets (Uzbek is written in both scripts).
_ALPHABETS: dict[str, set[str]] = {
    language: ALPHABETS[language] | (ALPHABETS["uz_latn"] if language == "uz" else set())
    for language in ALPHABETS
    if language != "uz_latn"
}
#: the letters of a language that Russian and English lack, per script it is written in.
OWN_LETTERS: dict[str, set[str]] = {
    language: {
        letter
        for letter in alphabet
        if letter.isalpha()
        and letter not in "ʼ’'`"
        and all(letter not in base for base in _BASE.values())
    }
    for language, alphabet in _ALPHABETS.items()
}
#: Uzbek in Latin letters has only its turned comma (oʻ, gʻ) of its own.
OWN_LETTERS["uz"] |= {"ʻ"}
_APOSTROPHES = frozenset("ʻʼ'`’")


def letters(text: str) -> set[str]:
    """The distinct lower-case letters of a text, apostrophes left out (every language here
    writes them: Ukrainian «об’єкт», Uzbek "oʻzbek")."""
    return {ch for ch in text.lower() if ch.isalpha() and ch not in _APOSTROPHES}


def fits(language: str, used: set[str]) -> bool:
    """True when every letter used belongs to the language's alphabet (a language without an
    alphabet here, such as Armenian, fits any text of its script)."""
    alphabet = _ALPHABETS.get(language)
    if alphabet is None:
        return bool(used) and script_language("".join(used)) == language
    return used <= alphabet


def plausible(language: str | None, text: str) -> bool:
    """Whether a query may be taken for `language` (see the module doc)."""
    if not language:
        return False
    used = letters(text)
    if language in SCRIPT_LANGUAGES["Cyrl"] and used - _BASE["Latn"]:
        used -= _BASE["Latn"]  # Latin names in a Cyrillic query
    if not used or not fits(language, used):
        return False
    if language in PLAIN or language not in OWN_LETTERS:
        return True
    return bool(set(text.lower()) & OWN_LETTERS[language])


def query_language(
    text: str,
    detected: str | None,
    interface: str | None = None,
    archive: Iterable[str] = (),
) -> str:
    """The language to analyse a query in: the detector's guess when plausible, else the
    interface's language, else the archive's (most used first), else the script's."""
    for language in (detected, interface, *archive):
        if plausible(language, text):
            return str(language)
    fallback = script_language(text)
    if fallback not in PLAIN and not plausible(fallback, text):
        return "ru" if fallback in SCRIPT_LANGUAGES["Cyrl"] else "en"
    return fallback

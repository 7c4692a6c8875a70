"""Month names as the assembly's documents write them, in Russian, Ukrainian and English (and
the Belarusian stems the minutes header reads).

Two readers use them. The entities stage looks for dates in running text, so it knows each
month by the exact forms a date writes (`MONTH_FORMS`) and, once a form matched, tells the
month by its first letters (`MONTH_PREFIXES`). The minutes header reads a date out of a line
without knowing its language, so it knows a month by the start of any word (`MONTH_STEMS`),
longer than the prefixes where a short one starts ordinary words too (бер-ег, лис-т, Mar-k).
"""

from __future__ import annotations

#: per language, a regular expression of the forms a date writes a month in (any case).
MONTH_FORMS: dict[str, str] = {
    "ru": (
        r"январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]"
        r"|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
    ),
    "uk": (
        r"січ(?:ень|ня|ні)|лют(?:ий|ого|ому)|берез(?:ень|ня|ні)|квіт(?:ень|ня|ні)"
        r"|трав(?:ень|ня|ні)|черв(?:ень|ня|ні)|лип(?:ень|ня|ні)|серп(?:ень|ня|ні)"
        r"|верес(?:ень|ня|ні)|жовт(?:ень|ня|ні)|листопада?|листопаді|груд(?:ень|ня|ні)"
    ),
    "en": (
        r"january|february|march|april|may|june|july|august|september|october"
        r"|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\."
    ),
}
#: per language, January to December: the letters a month's forms start with.
MONTH_PREFIXES: dict[str, tuple[str, ...]] = {
    "ru": ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
    "uk": ("січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"),
    "en": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
}
#: per language, January to December: the start that makes a word standing alone a month.
MONTH_STEMS: dict[str, tuple[str, ...]] = {
    "ru": MONTH_PREFIXES["ru"],
    "uk": (
        "січ", "лют", "берез", "квіт", "травн", "черв",
        "лип", "серп", "вересн", "жовтн", "листопад", "грудн",
    ),
    "en": ("jan", "feb", "march", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "be": (
        "студз", "лютаг", "сакав", "красав", "траў", "чэрв",
        "ліпен", "жнів", "верас", "кастр", "лістап", "снеж",
    ),
}
#: Russian forms of May too short to have a stem.
_SHORT_MAY = ("мая", "май", "мае")
#: stems shorter than this only match a whole word (ма: мар-т is not May).
_MIN_STEM = 3

_STEM_MONTHS: dict[str, int] = {
    stem: number
    for stems in MONTH_STEMS.values()
    for number, stem in enumerate(stems, start=1)
}
_LONGEST_FIRST = sorted(_STEM_MONTHS, key=len, reverse=True)


def month_number(word: str, language: str) -> int | None:
    """1..12 for a month form of `language` (one `MONTH_FORMS` matched), by its first letters."""
    low = word.lower()
    for number, prefix in enumerate(MONTH_PREFIXES[language], start=1):
        if low.startswith(prefix) and not (prefix == "ма" and low.startswith("мар")):
            return number
    return None


def month_of_word(word: str) -> int | None:
    """1..12 for a month name of any of the languages in any case («апреля», «квітня», "Apr"),
    by its stem; None for a word that is no month."""
    word = word.lower()
    if word in _STEM_MONTHS:
        return _STEM_MONTHS[word]
    for stem in _LONGEST_FIRST:
        if len(stem) >= _MIN_STEM and word.startswith(stem):
            return _STEM_MONTHS[stem]
    if word in _SHORT_MAY:
        return 5
    return None

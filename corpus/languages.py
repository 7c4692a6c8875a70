"""The languages of the assembly's documents and how they are written: the alphabets, the
scripts, and the letters only one language uses.

Pure data and small functions over it, read by the language stage (which filters py3langid's
guesses by alphabet), by the search index (which needs a language for a query or a block when
no detector is at hand) and by the commands that read a typed name.
"""

from __future__ import annotations

import re
import unicodedata

#: the languages of the assembly's documents.
LANGUAGES = ("ru", "uk", "be", "kk", "uz", "ky", "tg", "hy", "az", "ka", "ro", "tk", "en")

_RU = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
#: the lower-case letters of each language's alphabet (`uz_latn`: Uzbek in Latin letters).
ALPHABETS: dict[str, set[str]] = {
    "ru": _RU,
    "uk": set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "be": set("абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    "kk": _RU | set("әғқңөұүһі"),
    "ky": _RU | set("ңөү"),
    "uz": set("абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ"),
    "tg": set("абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя"),
    "en": set("abcdefghijklmnopqrstuvwxyz"),
    "ro": set("abcdefghijklmnopqrstuvwxyzăâîșțşţ"),
    "az": set("abcçdeəfgğhxıijkqlmnoöprsştuüvyz"),
    "tk": set("abçdeäfghijžklmnňoöprsştuüwyýz"),
    "uz_latn": set("abcdefghijklmnopqrstuvxyzʻʼ'`’"),
}

#: the languages written in each shared script (ISO 15924 names); Uzbek is written in both.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Cyrl": ("ru", "uk", "be", "kk", "uz", "ky", "tg"),
    "Latn": ("en", "ro", "az", "tk", "uz"),
}
#: scripts only one language of the assembly is written in.
SINGLE_SCRIPT: dict[str, str] = {"Armn": "hy", "Geor": "ka"}
#: the Unicode name prefix of each script's letters.
_SCRIPT_NAMES = (
    ("CYRILLIC", "Cyrl"), ("LATIN", "Latn"), ("ARMENIAN", "Armn"), ("GEORGIAN", "Geor")
)

#: letters (both cases) that tell a language by themselves, tried in this order: і ї є ґ are
#: Ukrainian, ў Belarusian, ә қ ң ө ұ Kazakh, ș ț ă Romanian; Armenian and Georgian by script.
MARKERS: tuple[tuple[str, str], ...] = (
    ("uk", "іїєґІЇЄҐ"),
    ("be", "ўЎ"),
    ("kk", "әқңөұүһӘҚҢӨҰҮҺ"),
    ("ky", "ңөүҢӨҮ"),
    ("tg", "ҳҷӣҲҶӢ"),
    ("ro", "șțăâîȘȚĂÂÎşţŞŢ"),
    ("az", "əğıƏĞİ"),
    ("hy", "\u0531-\u058f"),
    ("ka", "\u10a0-\u10ff"),
)
_MARKER_PATTERNS = tuple((language, re.compile(f"[{letters}]")) for language, letters in MARKERS)
_UKRAINIAN_LETTERS = dict(MARKERS)["uk"]
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def letter_script(char: str) -> str | None:
    """The script of a letter (Cyrl, Latn, Armn, Geor or Other); None for a non-letter."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPT_NAMES:
        if name.startswith(prefix):
            return script
    return "Other"


def language_script(language: str) -> str:
    """The script a language of the assembly is usually written in (Uzbek: Latin); Cyrillic
    for a language this table does not know."""
    if language in SCRIPT_LANGUAGES["Latn"]:
        return "Latn"
    for script, single in SINGLE_SCRIPT.items():
        if language == single:
            return script
    return "Cyrl"


def script_language(text: str) -> str:
    """An ISO 639-1 guess for `text` from its alphabet alone ("und" when it has no letters): a
    marker letter decides, otherwise the script does (Cyrillic: Russian, Latin: English)."""
    for language, marker in _MARKER_PATTERNS:
        if marker.search(text):
            return language
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == latin == 0:
        return "und"
    return "ru" if cyrillic >= latin else "en"


def name_language(text: str) -> str:
    """The language a typed person's name is read in: "uk" when it has a Ukrainian letter, "ru"
    when it has any other letter of the basic Cyrillic alphabet (а to я), else "en"."""
    if any(ch in _UKRAINIAN_LETTERS for ch in text):
        return "uk"
    return "ru" if any("а" <= ch.lower() <= "я" for ch in text) else "en"

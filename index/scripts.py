"""A built-in guess of a text's language from its alphabet, for when no detector is passed in.

The pipeline's language stage is better, but `index/` may not depend on it; a query or a block
of undetermined language still needs an analyser. Letters only one language of the assembly
uses decide (і ї є ґ: Ukrainian; ў: Belarusian; ә қ ң ө ұ: Kazakh; ș ț ă: Romanian), otherwise
the script does (Cyrillic: Russian, Latin: English, Armenian, Georgian).
"""

from __future__ import annotations

import re

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("uk", re.compile(r"[іїєґІЇЄҐ]")),
    ("be", re.compile(r"[ўЎ]")),
    ("kk", re.compile(r"[әқңөұүһӘҚҢӨҰҮҺ]")),
    ("ky", re.compile(r"[ңөүҢӨҮ]")),
    ("tg", re.compile(r"[ҳҷӣҲҶӢ]")),
    ("ro", re.compile(r"[șțăâîȘȚĂÂÎşţŞŢ]")),
    ("az", re.compile(r"[əğıƏĞİ]")),
    ("hy", re.compile(r"[\u0531-\u058f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def script_language(text: str) -> str:
    """An ISO 639-1 guess for `text` ("und" when it has no letters)."""
    for language, marker in _MARKERS:
        if marker.search(text):
            return language
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == latin == 0:
        return "und"
    return "ru" if cyrillic >= latin else "en"


def script_of(language: str) -> str:
    """The writing system a language of the assembly is usually written in."""
    if language in ("en", "ro", "az", "uz", "tk"):
        return "latin"
    if language in ("hy", "ka"):
        return language
    return "cyrillic"

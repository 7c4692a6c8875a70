"""Patterns for dates as the assembly's documents write them, with their ISO normal forms.

9–10 апреля 2009 г. → 2009-04-09/2009-04-10; 09.04.2009 → 2009-04-09; «9 апреля» → --04-09
(ISO 8601 without a year); в апреле 2009 года → 2009-04; в 2009 году → 2009. Russian,
Ukrainian and English month names are known (corpus.calendar); numeric dates work in every
language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus.calendar import MONTH_FORMS, month_number

Converter = Callable[[re.Match[str]], str | None]

YEAR_WORDS = {
    "ru": r"\s*(?:гг?\.|года|году|год)(?!\w)",
    "uk": r"\s*(?:р\.|року|рік|році)(?!\w)",
}
_DASH = r"\s*[-–—]\s*"
_EDGE = r"(?<![\w.])"


def iso(year: int | None, month: int, day: int | None = None) -> str | None:
    """ISO 8601 (or its no-year form --MM-DD); None for an impossible date."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and not 1000 <= year <= 2999:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if year is not None else None
    return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"--{month:02d}-{day:02d}"


def _int(match: re.Match[str], group: str) -> int | None:
    value = match.groupdict().get(group)
    return int(value) if value else None


def _named(language: str) -> Converter:
    def convert(match: re.Match[str]) -> str | None:
        month = month_number(match["m"], language)
        if month is None:
            return None
        year, first, last = _int(match, "y"), _int(match, "d1"), _int(match, "d2")
        start = iso(year, month, first)
        if last is None or start is None:
            return start
        end = iso(year, month, last)
        return f"{start}/{end}" if end and last > (first or 0) else None

    return convert


def _numeric(match: re.Match[str]) -> str | None:
    return iso(_int(match, "y"), int(match["mn"]), _int(match, "d1"))


def _year(match: re.Match[str]) -> str | None:
    return match["y"]


def date_patterns(language: str) -> list[tuple[re.Pattern[str], Converter]]:
    """The date patterns for a language, each with its converter to the ISO normal form."""
    found: list[tuple[re.Pattern[str], Converter]] = [
        (
            re.compile(
                _EDGE
                + r"(?P<d1>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>\d{4})(?!\d)"
                + f"(?:{YEAR_WORDS.get(language, '(?!)')})?"
            ),
            _numeric,
        ),
        (re.compile(_EDGE + r"(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d1>\d{2})(?!\d)"), _numeric),
    ]
    if language in MONTH_FORMS:
        found.extend(_named_patterns(language))
    if language in YEAR_WORDS:
        found.append((re.compile(_EDGE + r"(?P<y>(?:1[89]|20)\d\d)" + YEAR_WORDS[language]), _year))
    return found


def _named_patterns(language: str) -> list[tuple[re.Pattern[str], Converter]]:
    month = rf"(?P<m>{MONTH_FORMS[language]})(?!\w)"
    year = rf"(?:\s+(?P<y>\d{{4}})(?!\d)(?:{YEAR_WORDS.get(language, '(?!)')})?)?"
    days = rf"{_EDGE}(?P<d1>\d{{1,2}})(?:{_DASH}(?P<d2>\d{{1,2}}))?"
    patterns = [
        days + r"\s+" + month + year,
        rf"(?<!\w){month}\s+(?P<y>\d{{4}})(?!\d)(?:{YEAR_WORDS.get(language, '(?!)')})?",
    ]
    if language == "en":
        patterns.append(
            rf"(?<!\w){month}\s+(?P<d1>\d{{1,2}})(?:{_DASH}(?P<d2>\d{{1,2}}))?"
            rf"(?!\d)(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
        )
    return [(re.compile(p, re.IGNORECASE), _named(language)) for p in patterns]

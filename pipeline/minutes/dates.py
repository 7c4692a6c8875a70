"""Dates as minutes write them, to ISO: «9 апреля 2025 г.», «“09” квітня 2025 р.», 09.04.2025,
"9 April 2025", "April 9, 2025", 2025-04-09.

Only real calendar dates are returned (31.02 is not a date), so a decision number such as
"1.12.2" is never taken for one.
"""

from __future__ import annotations

import datetime as dt
import re

from corpus.calendar import month_of_word

_QUOTES = "«»\"“”„'’"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)[{_QUOTES}]?(\d{{1,2}})[{_QUOTES}]?\s+([^\W\d_]+)\.?\s+(\d{{4}})(?!\d)")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _iso(year: int, month: int | None, day: int) -> str | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in a text as (ISO date, start, end), or None."""
    found: list[tuple[int, int, str]] = []
    for match in _ISO.finditer(text):
        _keep(found, match, _iso(int(match[1]), int(match[2]), int(match[3])))
    for match in _DAY_MONTH_YEAR.finditer(text):
        _keep(found, match, _iso(int(match[3]), month_of_word(match[2]), int(match[1])))
    for match in _MONTH_DAY_YEAR.finditer(text):
        _keep(found, match, _iso(int(match[3]), month_of_word(match[1]), int(match[2])))
    for match in _NUMERIC.finditer(text):
        _keep(found, match, _iso(int(match[3]), int(match[2]), int(match[1])))
    if not found:
        return None
    start, end, iso = min(found)
    return iso, start, end


def _keep(found: list[tuple[int, int, str]], match: re.Match[str], iso: str | None) -> None:
    if iso is not None:
        found.append((match.start(), match.end(), iso))


def strip_year_word(text: str) -> str:
    """What follows a date: «г.», «года», «р.», «року» and a comma."""
    return re.sub(r"^\s*(?:г\.|года|год|р\.|року|рік)?\s*[,.]?\s*", "", text)

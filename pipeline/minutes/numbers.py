"""Numbers written in words, as secretaries write vote counts: «двадцать пять», «нет», "nil".

Only the range a vote needs (0–999) and the forms a tally uses (nominative, plus the common
oblique forms «двух», «трёх» and the Ukrainian apostrophes) are covered.
"""

from __future__ import annotations

import re

_UNITS: dict[str, int] = {}


def _add(value: int, *words: str) -> None:
    for word in words:
        _UNITS[word] = value


_add(0, "ноль", "нуль", "нет", "нету", "немає", "нема", "жодного", "none", "nil", "zero", "no")
_add(1, "один", "одна", "одно", "одного", "одной", "одну", "одне", "однієї", "one")
_add(2, "два", "две", "двух", "дві", "двоє", "двое", "двох", "two")
_add(3, "три", "трёх", "трех", "троє", "трое", "трьох", "three")
_add(4, "четыре", "четырёх", "четырех", "чотири", "чотирьох", "four")
_add(5, "пять", "пяти", "п'ять", "п’ять", "пʼять", "five")
_add(6, "шесть", "шести", "шість", "six")
_add(7, "семь", "семи", "сім", "seven")
_add(8, "восемь", "восьми", "вісім", "eight")
_add(9, "девять", "девяти", "дев'ять", "дев’ять", "девʼять", "nine")
_add(10, "десять", "десяти", "ten")
_add(11, "одиннадцать", "одинадцять", "eleven")
_add(12, "двенадцать", "дванадцять", "twelve")
_add(13, "тринадцать", "тринадцять", "thirteen")
_add(14, "четырнадцать", "чотирнадцять", "fourteen")
_add(15, "пятнадцать", "п'ятнадцять", "п’ятнадцять", "fifteen")
_add(16, "шестнадцать", "шістнадцять", "sixteen")
_add(17, "семнадцать", "сімнадцять", "seventeen")
_add(18, "восемнадцать", "вісімнадцять", "eighteen")
_add(19, "девятнадцать", "дев'ятнадцять", "дев’ятнадцять", "nineteen")
_add(20, "двадцать", "двадцять", "twenty")
_add(30, "тридцать", "тридцять", "thirty")
_add(40, "сорок", "forty")
_add(50, "пятьдесят", "п'ятдесят", "п’ятдесят", "fifty")
_add(60, "шестьдесят", "шістдесят", "sixty")
_add(70, "семьдесят", "сімдесят", "seventy")
_add(80, "восемьдесят", "вісімдесят", "eighty")
_add(90, "девяносто", "дев'яносто", "дев’яносто", "ninety")
_add(100, "сто", "hundred")
_add(200, "двести", "двісті")
_add(300, "триста")
_add(400, "четыреста", "чотириста")
_add(500, "пятьсот", "п'ятсот")

_WORD = r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?"


def words_to_int(text: str) -> int | None:
    """«двадцать пять» → 25, "twenty-five" → 25, «нет» → 0, "12" → 12; None if not a number.

    Every word must be a number word, so «человек» or "members" after a count is not read.
    """
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words or not all(w in _UNITS for w in words):
        return None
    total = 0
    for word in words:
        value = _UNITS[word]
        total = total * value if word == "hundred" and total else total + value
    return total


def leading_number(text: str) -> tuple[int, int] | None:
    """The number a text starts with and where it ends: digits, or the longest run of number
    words («двадцать пять человек» → (25, 13))."""
    text_lower = text.lower()
    digits = re.match(r"\s*(\d{1,4})(?!\d)", text_lower)
    if digits:
        return int(digits.group(1)), digits.end()
    best: tuple[int, int] | None = None
    for match in re.finditer(rf"\s*{_WORD}", text_lower):
        value = words_to_int(text_lower[: match.end()])
        if value is None:
            break
        best = (value, match.end())
    return best

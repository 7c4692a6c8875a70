"""The fixed words of a resolution draft in Russian, Ukrainian and English.

Headings, the preamble, tallies, outcomes, the source note and the "no translation" mark are
written here rather than machine-translated, so they are right in every section. A language
without its own table (kk, hy…) gets the English words; its decisions still go through the
translation layer.
"""

from __future__ import annotations

import datetime as dt

from corpus import reference
from corpus.model import Vote

TEXTS: dict[str, dict[str, str]] = {
    "ru": {
        "title": "ПРОЕКТ РЕШЕНИЯ",
        "meeting": "Заседание № {number}",
        "preamble": "Рассмотрев вопросы повестки дня заседания{number}{when}, {assembly} "
                    "постановляет:",
        "decisions": "Решения",
        "appendix": "Приложение. Решения, не принятые на заседании",
        "rejected": "Не приняты",
        "unrecorded": "Исход голосования в протоколе не указан",
        "none": "Нет.",
        "no_translation": "[перевод отсутствует]",
        "source": "Источник",
        "paragraph": "абзац",
        "page": "стр.",
        "votes": "Голосовали: «за» — {f}, «против» — {a}, «воздержались» — {b}",
        "unanimous": "единогласно",
        "adopted": "принято",
        "rejected_outcome": "не принято",
        "no_outcome": "исход не указан",
        "no_vote": "голосование в протоколе не отражено",
        "year": " г.",
        "months": "января февраля марта апреля мая июня июля августа сентября октября ноября "
                  "декабря",
    },
    "uk": {
        "title": "ПРОЄКТ РІШЕННЯ",
        "meeting": "Засідання № {number}",
        "preamble": "Розглянувши питання порядку денного засідання{number}{when}, "
                    "{assembly} ухвалює:",
        "decisions": "Рішення",
        "appendix": "Додаток. Рішення, не ухвалені на засіданні",
        "rejected": "Не ухвалені",
        "unrecorded": "Результат голосування в протоколі не зазначено",
        "none": "Немає.",
        "no_translation": "[переклад відсутній]",
        "source": "Джерело",
        "paragraph": "абзац",
        "page": "с.",
        "votes": "Голосували: «за» — {f}, «проти» — {a}, «утрималися» — {b}",
        "unanimous": "одноголосно",
        "adopted": "прийнято",
        "rejected_outcome": "не прийнято",
        "no_outcome": "результат не зазначено",
        "no_vote": "голосування в протоколі не відображено",
        "year": " р.",
        "months": "січня лютого березня квітня травня червня липня серпня вересня жовтня "
                  "листопада грудня",
    },
    "en": {
        "title": "DRAFT RESOLUTION",
        "meeting": "Meeting No. {number}",
        "preamble": "Having considered the items on the agenda of meeting{number}{when}, "
                    "the {assembly} resolves:",
        "decisions": "Decisions",
        "appendix": "Appendix. Decisions not adopted at the meeting",
        "rejected": "Not adopted",
        "unrecorded": "Outcome not recorded in the minutes",
        "none": "None.",
        "no_translation": "[no translation available]",
        "source": "Source",
        "paragraph": "paragraph",
        "page": "p.",
        "votes": "Vote: for {f}, against {a}, abstained {b}",
        "unanimous": "unanimous",
        "adopted": "adopted",
        "rejected_outcome": "not adopted",
        "no_outcome": "outcome not recorded",
        "no_vote": "no vote recorded in the minutes",
        "year": "",
        "months": "January February March April May June July August September October "
                  "November December",
    },
}  # fmt: skip


def words(language: str) -> dict[str, str]:
    """The fixed words for a language (English for a language without a table)."""
    return TEXTS.get(language, TEXTS["en"])


def long_date(iso: str | None, language: str) -> str | None:
    """2025-04-09 → «9 апреля 2025 г.», "9 April 2025", «9 квітня 2025 р.»."""
    if not iso:
        return None
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    w = words(language)
    month = w["months"].split()[date.month - 1]
    return f"{date.day} {month} {date.year}{w['year']}"


def assembly_name(language: str) -> str:
    """The assembly's name from the reference data, in the language (or Russian, English)."""
    entry = reference.lookup("org:iaclc")
    if entry is None:
        return "International Assembly of Capitals and Large Cities"
    return entry.name(language)


def place_name(city: str | None, place: str | None, language: str) -> str | None:
    """The member city's name in the language, else the place as the minutes write it."""
    entry = reference.lookup(city) if city else None
    return entry.name(language) if entry else place


def tally_line(vote: Vote | None, language: str) -> str:
    """«Голосовали: «за» — 25, «против» — 0, «воздержались» — 2; принято.»"""
    w = words(language)
    if vote is None:
        return w["no_vote"].capitalize() + "."
    parts = []
    counts = (vote.votes_for, vote.against, vote.abstained)
    if any(c is not None for c in counts):
        f, a, b = ("—" if c is None else str(c) for c in counts)
        parts.append(w["votes"].format(f=f, a=a, b=b))
    if vote.unanimous:
        parts.append(w["unanimous"])
    outcome = {"adopted": w["adopted"], "rejected": w["rejected_outcome"]}.get(
        vote.outcome or "", w["no_outcome"])
    parts.append(outcome)
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def preamble(language: str, number: str | None, date: str | None, place: str | None) -> str:
    w = words(language)
    when = ", ".join(p for p in (long_date(date, language), place) if p)
    when = f" ({when})" if when else ""
    return w["preamble"].format(number=f" № {number}" if number and language != "en" else
                                (f" No. {number}" if number else ""),
                                when=when, assembly=assembly_name(language))

"""Agenda item titles and markers as the walker reads them: «2. О туризме», "Item 2: Tourism",
items run together in one line, a title wrapped over lines, and the likeness of two titles.
"""

from __future__ import annotations

import re

from pipeline.minutes.dates import find_date
from pipeline.minutes.labels import match_question
from pipeline.minutes.votes import is_outcome_line

NUMBERED = re.compile(r"^(\d{1,3})(?:[.)]\s*|\s+|\t)(?=\S)(?P<rest>.*)$", re.DOTALL)
_RAPPORTEUR_TAIL = re.compile(
    r"[.;,]?\s*[(\t]?\s*(?:докладчик|докладчики|доповідач|доповідачі|rapporteur|presenter|speaker)s?\b.*$",
    re.IGNORECASE | re.DOTALL)
#: issue and pull request numbers after a title in notes ("… line #1401", "(#1401, #1402)").
_ISSUE_TAIL = re.compile(r"(?:\s*[(\[]?#\d+[)\]]?[,;]?)+\s*$")
_STOP_WORDS = {"and", "the", "for", "with", "городов", "членов"}
#: "Item 2: Title", "Agenda item 2 – Title": the rest of the line is the item's title.
ITEM_WORD = re.compile(r"\s*(?:agenda\s+)?item\s+\d", re.IGNORECASE)


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def numbered_item(text: str) -> tuple[str, str] | None:
    """«2. О туризме» or "Item 2: Tourism" → ("2", title); decisions like «2.1.» are not."""
    found = NUMBERED.match(text.strip())
    date = find_date(text.strip())
    if date is not None and date[1] == 0:
        return None  # «9 апреля 2009 г.» is a date, not item 9
    if found and not re.match(r"\d", found.group("rest")):
        return found.group(1), found.group("rest").strip()
    question = match_question(text)
    if question and ITEM_WORD.match(text):
        return question
    return None


def split_agenda(text: str) -> list[str]:
    """«1. О бюджете 2. О туризме» (items run together by PDF extraction) → two items: a line
    is cut where the next number in sequence starts a capitalised title."""
    found = NUMBERED.match(text)
    if not found:
        return [text]
    following = int(found.group(1)) + 1
    parts = re.split(rf"\s+(?={following}[.)]\s+[A-ZА-ЯЁІЇЄҐ«])", text, maxsplit=1)
    return [parts[0]] + (split_agenda(parts[1]) if len(parts) > 1 else [])


def about_agenda(text: str) -> bool:
    """«Повестка дня утверждена единогласно.»: a line about the agenda, not an item of it."""
    return bool(re.search(r"повестк|порядок\s+денн|порядку\s+денн|agenda", text, re.IGNORECASE)) \
        or is_outcome_line(text)


def clean_title(text: str) -> str:
    """The title without a rapporteur, table columns after it, or a final full stop."""
    text = _RAPPORTEUR_TAIL.sub("", text.split("\t")[0])
    text = _ISSUE_TAIL.sub("", text)
    return " ".join(text.split()).strip(" .;:")


def continues_title(title: str, text: str, numbered: bool) -> bool:
    """A line carries on an agenda item's title when it starts in lower case, or (in a numbered
    agenda) when the title has not ended."""
    if re.match(r"[a-zа-яёіїєґ(«\"—–-]", text.strip()):
        return True
    return numbered and bool(title) and title[-1] not in ".;!?"


def ends_sentence(title: str, text: str) -> bool:
    return bool(title) and bool(text[:1].isupper())


def _words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", text.lower()) if len(w) > 3} - _STOP_WORDS


def similar(a: str, b: str) -> bool:
    """Two titles share most of their words (by five-letter stems, so inflection does not
    matter)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6

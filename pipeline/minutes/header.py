"""The head of the minutes: number, date, place, chair, secretary, who was present and invited.

Read from the lines before the agenda (and from the signature lines at the end, when the head
left the chair or secretary out). A date or a place may stand on a line of its own
(«г. Москва\\t9 апреля 2025 г.», "Moscow, 9 April 2025") or after a label (Дата:, Venue:).
Places are stored as written; cities are matched to the assembly's reference list
(`corpus.reference`) through pymorphy3's lemmas («г. Минска» is city:minsk).
"""

from __future__ import annotations

import re

from corpus import reference
from corpus.model import Session
from pipeline.minutes.dates import find_date, strip_year_word
from pipeline.minutes.labels import Label, LabelMatch
from pipeline.minutes.lines import Line
from pipeline.minutes.names import morph_language, parses
from pipeline.minutes.numbers import leading_number
from pipeline.minutes.speakers import read_speaker

_U = "А-ЯЁІЇЄҐA-Z"
_L = "а-яёіїєґa-z'’ʼ"
_CITY_WORD = rf"[{_U}][{_L}]+(?:[-\s][{_U}][{_L}]+)?"
_PLACE_MARK = re.compile(rf"(?:^|[\s,(])(?:г\.|гор\.|город|м\.|місто)\s*(?P<city>{_CITY_WORD})")
_LATIN_PLACE = re.compile(r"^(?P<city>[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?)\s*,?\s*$")
_NUMBER = re.compile(r"(?:№|(?<![^\W\d_])N[o°]?\.?|#)\s*(?P<number>\d[\w/.-]*)"
                     r"|(?P<ordinal>\d{1,4})(?:st|nd|rd|th|-?[йея])\b",
                     re.IGNORECASE)
_COUNT_WORDS = re.compile(
    r"^\s*(?:человек|чел\.?|членов|участник|депутат|представител|осіб|особи|особа|членів|учасник"
    r"|чалавек|членаў|адам|мүше|members?|delegates?|participants?|persons?|people|representatives?)", re.IGNORECASE)
#: a whole name in Latin letters, as attendance lists of English notes give them.
_LATIN_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}")
#: an attendance entry marked as the chair: "Name (@handle) - TSC chair", «Иванов И.И. — председатель».
_MARKED_CHAIR = re.compile(
    r"^[^,;]+?(?:[—–-]\s*(?:[\w-]+\s+){0,2}|\(\s*)(?:chair(?:man|woman|person)?|председатель"
    r"|голова)\b", re.IGNORECASE)
_LIST_ATTACHED = re.compile(r"список\s+прилага|список\s+додає|list\s+attached|see\s+annex",
                            re.IGNORECASE)


def session_number(title_rest: str) -> str | None:
    """«№ 12 заседания …» → "12"; "of the 12th meeting" → "12"."""
    found = _NUMBER.search(title_rest)
    if not found:
        return None
    return (found.group("number") or found.group("ordinal")).rstrip(".")


def read_header_label(session: Session, match: LabelMatch, line: Line, language: str) -> bool:
    """Fill the session from a labelled head line; False if the label is not a head label."""
    rest = match.rest
    if match.label is Label.TITLE:
        session.number = session.number or session_number(rest)
        _read_date_place(session, rest)
    elif match.label is Label.CHAIR:
        session.chair = session.chair or person_part(rest)
    elif match.label is Label.SECRETARY:
        session.secretary = session.secretary or person_part(rest)
    elif match.label is Label.PRESENT:
        read_present(session, rest)
    elif match.label is Label.INVITED:
        session.invited.extend(split_names(rest))
    elif match.label is Label.DATE:
        found = find_date(rest)
        session.date = session.date or (found[0] if found else None)
    elif match.label is Label.PLACE:
        session.place = session.place or rest.strip(" .") or None
    elif match.label is Label.ABSENT:
        session.absent.extend(split_names(rest))
    else:
        return False
    return True


def starts_with_date(text: str) -> bool:
    """«9 апреля 2009 г.», "12.03.2025 Yerevan": a line that opens with a date (no item)."""
    found = find_date(text)
    return found is not None and not text[: found[1]].strip(" \t«»\"“”'")


def read_header_line(session: Session, line: Line) -> None:
    """An unlabelled head line: a date and maybe the place before it."""
    _read_date_place(session, line.text)


def _read_date_place(session: Session, text: str) -> None:
    found = find_date(text)
    if found and session.date is None:
        session.date = found[0]
        before = text[: found[1]].strip(" \t,—–-")
        after = strip_year_word(text[found[2]:]).strip(" \t,.—–-")
        session.place = session.place or _place_in(before) or _place_in(after)
    elif session.place is None:
        alone = text.strip(" \t,.")
        if _PLACE_MARK.match(text.strip()):
            session.place = _place_in(text)
        elif re.fullmatch(_CITY_WORD, alone):  # a member city on a line of its own: «Минск»
            session.place = _member_city_in(alone)


def _place_in(text: str) -> str | None:
    text = text.strip(" \t,.")
    if not text:
        return None
    marked = _PLACE_MARK.search(text)
    if marked:
        return text[marked.start():].strip(" ,(")
    venue = re.match(r"(?:at|in)\s+(?:the\s+)?(?P<venue>[A-Z].*)$", text)
    if venue and "," in venue.group("venue") and _member_city_in(venue.group("venue").split(",")[-1]):
        return venue.group("venue")  # "at the City Hall, Bishkek"
    latin = _LATIN_PLACE.match(text) or re.search(rf"\b(?:in|at)\s+(?P<city>{_CITY_WORD})", text)
    if latin:
        return latin.group("city")
    return _member_city_in(text)


def _member_city_in(text: str) -> str | None:
    """An unmarked member city: the first part of "Yerevan, Armenia" or «Минск, Дом
    правительства», or the city after «в» / "in" («состоялось в Минске»), in its own name."""
    first = re.split(r"[,(\t]", text)[0].strip(" .")
    candidates = [first] if re.fullmatch(_CITY_WORD, first) else []
    candidates += re.findall(rf"\b(?:в|у|во|in|at)\s+({_CITY_WORD})", text)
    for candidate in candidates:
        key = city_of(candidate, "uk" if re.search("[іїєґ]", candidate) else "ru")
        if key and key.startswith("city:"):
            return candidate if candidate == first else _city_written(key, candidate)
    return None


def _city_written(key: str, written: str) -> str:
    """The city's name in the language it is written in («Минске» → «Минск»)."""
    entry = reference.lookup(key)
    if entry is None:
        return written
    language = "en" if re.match("[A-Za-z]", written) else (
        "uk" if re.search("[іїєґ]", written) else "ru")
    return entry.name(language) or written


def person_part(text: str) -> str | None:
    """«Соколов А.В. — Председатель Совета, г. Москва» → «Соколов А.В.»."""
    head = re.split(r"\s[—–-]\s|,|\(|\t", text.strip(), maxsplit=1)[0].strip()
    if not re.search(r"(?:^|[\s.])[А-ЯЁІЇЄҐA-Z]\.$", head):
        head = head.rstrip(".")
    return head or None


def read_present(session: Session, text: str) -> None:
    """A count («27 человек (список прилагается)», "25 members") or a list of names; a name
    marked as the chair ("Anna Kowalska (@akowalska) - TSC chair") is the chair too."""
    count = _count_in(text)
    if count is not None:
        session.present_count = count
        return
    if not _LIST_ATTACHED.search(text):
        session.present.extend(split_names(text))
        for entry in re.split(r"[;,]\s*(?=[А-ЯЁІЇЄҐA-Z])", text):
            if _MARKED_CHAIR.match(entry.strip()):
                session.chair = session.chair or split_names(entry)[0]


def _count_in(text: str) -> int | None:
    for found in re.finditer(r"(?:^|[\s—–:-])(\d{1,4}|[^\W\d_]+(?:\s[^\W\d_]+)?)", text):
        number = leading_number(found.group(1))
        if number and _COUNT_WORDS.match(found.group(1)[number[1]:] + text[found.end():]):
            return number[0]
    return None


def split_names(text: str) -> list[str]:
    """Comma- or semicolon-separated names, each without its role after a dash; a text that
    is not a list of names («руководители водоканалов…») is kept whole."""
    text = _strip_end(text.strip())
    parts = [_strip_end(p.strip()) for p in re.split(r"[;,]\s*(?=[А-ЯЁІЇЄҐA-Z])", text)
             if p.strip(" .")]
    names = [re.split(r"\s[—–-]\s|\s\(", p, maxsplit=1)[0].strip() for p in parts]
    if names and all(_is_name(n) for n in names):
        return names
    return [text] if text else []


def _strip_end(text: str) -> str:
    """Spaces and a final full stop off, but not the dot of a final initial («Ткачук Е.А.»)."""
    text = text.strip(" ")
    if re.search(r"(?:^|[\s.])[А-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺA-Z]\.$", text):
        return text
    return text.rstrip(" .")


def _is_name(text: str) -> bool:
    found = read_speaker(text, "ru")
    return (found is not None and not found.text) or bool(_LATIN_NAME.fullmatch(text))


def city_of(name: str | None, language: str) -> str | None:
    """The reference key of a city named in any case (Рязани → city:ryazan), else the name."""
    if not name:
        return None
    name = name.strip(" .,()")
    key = reference.city_key(name)
    if key:
        return key
    morph = morph_language(language, name)
    if morph:
        for parse in parses(morph, name.lower()):
            if "Geox" in parse.tag.grammemes or "NOUN" in parse.tag.grammemes:
                key = reference.city_key(parse.normal_form)
                if key:
                    return key
    return name


def place_city(place: str | None, language: str) -> str | None:
    """The city of a session's place («г. Москва, ул. Тверская, 13» → city:moscow)."""
    if not place:
        return None
    marked = _PLACE_MARK.search(place)
    if marked:
        return city_of(marked.group("city"), language)
    first = re.split(r"[,(]", place)[0].strip()
    key = city_of(first, language)
    if key and key.startswith("city:"):
        return key
    for part in [*re.split(r"[,(]", place), place.split()[0]]:
        found = _member_city_in(part.strip(" )"))
        if found:
            return city_of(found, language)
    return None

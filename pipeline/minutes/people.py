"""One person across the minutes: the head's chair, secretary and attendance lists, and the
speakers of the body.

Read after the whole document, because the body often names people more briefly than the head:
"The Chair noted …" is the chair named in the head; "Ms Harutyunyan reported …" is the Anahit
Harutyunyan of the Present list when she is the only Harutyunyan there, and takes her full name
and key. A speaker who is the chair, the secretary or an invited guest, and whose part the body
did not state, gets that part as the speech's `capacity`.
"""

from __future__ import annotations

import re

from corpus.model import Session, Speech
from pipeline.minutes.names import (
    ACCUSATIVE,
    NOMINATIVE,
    PersonName,
    is_title,
    morph_language,
    normalise_name,
    parses,
    person_key,
)
from pipeline.minutes.speakers import name_at_start

#: languages whose names are kept as written (no morphological analyser is installed for them).
AS_WRITTEN = ("be", "kk")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,2}$")
_CAPITALISED = re.compile(r"^[A-ZА-ЯЁІЇЄҐЎ][a-zа-яёіїєґў'’-]+$")
#: how a speech by an officer the head does not name is shown.
OFFICE_NAMES = {"chair": "Chair", "secretary": "Secretary"}


def person_of(written: str | None, language: str) -> PersonName | None:
    """A name as the head writes it ("Ms Anahit Harutyunyan", «Ткачук О.В., голова комісії»)
    in its normal form, or None when it is not a name."""
    if not written:
        return None
    words = [w for w in re.split(r"\s+|,", written.strip()) if w and not is_title(w)]
    found = name_at_start(" ".join(words), language)
    if found is not None:
        return name_of(found[0], language)
    if 2 <= len(words) <= 3 and all(_CAPITALISED.match(w) for w in words):
        return name_of(words, language)
    return None


def name_of(words: list[str], language: str, case: str = NOMINATIVE,
            gender: str | None = None) -> PersonName:
    """A speaker's name in its normal form: through the morphology for ru and uk, as written
    for the languages it has no analyser for (be, kk), where the surname comes first unless
    initials do («Лукашэвіч А.М.», «А.М. Лукашэвіч»)."""
    if language not in AS_WRITTEN:
        return normalise_name(words, language, case, gender)
    initials = [w for w in words if _INITIALS.match(w)]
    others = [w for w in words if not _INITIALS.match(w)]
    if not others:
        others = words[-1:]
    surname = others[0]
    initial = initials[0][0] if initials else (others[1][0] if len(others) > 1 else None)
    return PersonName(display=" ".join(words), surname=surname, initial=initial,
                      key=person_key(surname, initial))


def written_case(names: list[list[str]], language: str) -> str | None:
    """NOMINATIVE when a surname of a list can only be a nominative («Орлова М.В. и Никитин
    А.Ю.»: Никитин is no accusative), so the list is not in the accusative СЛУШАЛИ expects."""
    for words in names:
        surname = next((w for w in words if not _INITIALS.match(w)), None)
        morph = morph_language(language, surname) if surname else None
        if surname is None or morph is None or language in AS_WRITTEN:
            continue
        cases = {p.tag.case for p in parses(morph, surname)
                 if "Surn" in p.tag.grammemes and "sing" in p.tag.grammemes}
        if NOMINATIVE in cases and ACCUSATIVE not in cases:
            return NOMINATIVE
    return None


def settle(session: Session, language: str) -> None:
    """Fill the officers' speeches, complete surname-only speakers, and mark capacities."""
    chair = person_of(session.chair, language)
    secretary = person_of(session.secretary, language)
    officers = {"chair": chair, "secretary": secretary}
    invited = [p for p in (person_of(n, language) for n in session.invited) if p]
    people = [p for p in (chair, secretary, *invited,
                          *(person_of(n, language) for n in session.present)) if p]
    for item in session.agenda:
        for speech in item.speeches:
            if not speech.speaker and speech.capacity in officers:
                _officer(speech, officers[speech.capacity])
                continue
            _complete(speech, people)
            _capacity(speech, chair, secretary, invited)


def _officer(speech: Speech, person: PersonName | None) -> None:
    if person is None:
        speech.speaker = OFFICE_NAMES[speech.capacity or "chair"]
        return
    speech.speaker, speech.person_key = person.display, person.key


def _complete(speech: Speech, people: list[PersonName]) -> None:
    """A speaker named by surname alone takes the one person of that surname in the head."""
    if not speech.person_key or " " in speech.person_key:
        return
    same = {p.key: p for p in people if p.key.split(" ")[0] == speech.person_key}
    if not same:  # "Anna: …", "Chen asked …": notes often name people by the given name
        same = {p.key: p for p in people
                if p.display.split()[0].lower() == speech.speaker.lower()}
    if len(same) == 1:
        person = next(iter(same.values()))
        speech.speaker, speech.person_key = person.display, person.key


def _capacity(speech: Speech, chair: PersonName | None, secretary: PersonName | None,
              invited: list[PersonName]) -> None:
    if speech.capacity is not None or not speech.person_key:
        return
    if chair is not None and speech.person_key == chair.key:
        speech.capacity = "chair"
    elif secretary is not None and speech.person_key == secretary.key:
        speech.capacity = "secretary"
    elif any(speech.person_key == p.key for p in invited):
        speech.capacity = "invited"

"""Filter values as people type them, and facet values as people read them.

The archive keeps keys (`city:moscow`, `per:grishina-p`); a delegate types
«Москва», "Moscow", «Москвы» or «Київ», and a surname for a person, and reads facets as names
in the page's language. Names come from the assembly's gazetteer (corpus.reference), through
the lemma of an inflected form (index.analysis), so every language the gazetteer knows leads
to the same key. A person's key is the surname and initials folded into Latin letters (one key
for every spelling and case form), so a person is shown and matched by the name the archive
wrote most often for that key («Гришина П.А.»), and by the key itself.
"""

from __future__ import annotations

from functools import lru_cache

from corpus import reference
from corpus.languages import name_language
from index.analysis import word_reducer

PERSON = "per:"


def _lemmas(text: str) -> str:
    """The text with each word reduced to its dictionary form in the language its letters
    say (Russian or Ukrainian; Latin words are left as typed)."""
    language = name_language(text)
    if language not in ("ru", "uk"):
        return text
    reduce = word_reducer(language)
    return " ".join(reduce(word.lower()) for word in text.split())


@lru_cache(maxsize=4096)
def place_key(value: str) -> str | None:
    """The gazetteer key of a typed city, country or organisation name (any language, any
    case form: «Москвы» → `city:moscow`), or of a key typed as such; None if unknown."""
    value = value.strip()
    if reference.lookup(value.lower()) is not None:
        return value.lower()
    return reference.key_of(value) or reference.key_of(_lemmas(value))


def person_surname(key: str) -> str:
    """The surname part of a person key (`per:гришина-п-а` → «гришина»)."""
    return key.removeprefix(PERSON).split("-")[0]


def matches_person(key: str, typed: str, name: str | None = None) -> bool:
    """Whether a typed surname (or the key itself) names this person key, whose name as
    written is `name`: the typed word, or its dictionary form, is one of the name's words."""
    folded = _folded(typed)
    if not key.startswith(PERSON) or not folded:
        return False
    surname = person_surname(key)
    if folded in (key, surname) or _lemmas(folded) in (surname, _lemmas(surname)):
        return True
    words = [w for w in _folded(name or "").replace(".", " ").split() if len(w) > 1]
    return bool(words) and (folded in words or _lemmas(folded) in {_lemmas(w) for w in words})


def _folded(text: str) -> str:
    return text.strip().casefold().replace("ё", "е")


def entity_label(key: str, language: str, name: str | None = None) -> str:
    """A readable name for an entity key in `language`: the gazetteer's name of a place or
    organisation, a person's `name` as written (else the key's letters, «Grishina P.»), the
    key itself otherwise."""
    if key.startswith(PERSON) and name:
        return name
    if key.startswith(PERSON):
        surname, *initials = key.removeprefix(PERSON).split("-")
        parts = [surname[:1].upper() + surname[1:], *(i.upper() + "." for i in initials if i)]
        return " ".join(parts)
    entry = reference.lookup(key)
    if entry is None:
        return key
    return entry.names.get(language) or entry.names.get("ru") or next(iter(entry.names.values()))


def facet_label(facet: str, value: str, language: str, name: str | None = None) -> str:
    """How a city or entity facet value reads in the interface's `language` (the JSON keeps
    the value, and a person's `name` beside it); any other value as it is."""
    if facet in ("city", "entity") and (
        value.startswith(PERSON) or reference.lookup(value) is not None
    ):
        return entity_label(value, language, name)
    return value

"""The assembly's reference data: member cities, countries and organisations.

The data are plain tab-separated files in `corpus/reference/` (edit them with any editor; lines
starting with `#` are comments, and `|` separates alternative names). This module is the one
place that reads them; everything is parsed once per process and cached.

Keys are stable identifiers (`city:ryazan`, `country:russia`, `org:iaclc`): an entity found
in any language points to the same key, so the key is what the store, the index and the
glossary agree on. Names here are nominative; to find inflected forms in text (Рязани,
Рязанью) use the entities stage, which matches through lemmas.

Example:
    >>> from corpus import reference
    >>> reference.city_key("Рязань"), reference.city_key("Ryazan")
    ('city:ryazan', 'city:ryazan')
    >>> reference.lookup("city:ryazan").name("uk")
    'Рязань'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent


@dataclass(frozen=True)
class Entry:
    """A thing with a key and names: `names` maps a language code to its main name there."""

    key: str
    kind: str
    names: dict[str, str]
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    #: names that are also common words or first names (Владимир, Mary): they need context.
    ambiguous: frozenset[str] = frozenset()
    country: str | None = None
    capital: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def name(self, language: str) -> str:
        """The name in `language`, falling back to Russian, then English."""
        return self.names.get(language) or self.names.get("ru") or self.names["en"]

    def all_names(self) -> tuple[str, ...]:
        """Every written form: main names, aliases and abbreviations, without repeats."""
        found = [*self.names.values(), *self.aliases, *self.abbreviations]
        return tuple(dict.fromkeys(n for n in found if n))


def _rows(name: str) -> Iterator[list[str]]:
    """The data rows of one file (comments and blank lines skipped), as lists of columns."""
    for line in (FOLDER / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@lru_cache(maxsize=1)
def countries() -> tuple[Entry, ...]:
    """Member countries; `extra` holds `code` (ISO 3166) and `language` (its main language)."""
    entries = []
    for key, code, language, ru, en, uk, local, aliases in _rows("countries.tsv"):
        names = {"ru": ru, "en": en, "uk": uk, language: local}
        entries.append(
            Entry(
                key, "country", names, _split(aliases), extra={"code": code, "language": language}
            )
        )
    return tuple(entries)


@lru_cache(maxsize=1)
def cities() -> tuple[Entry, ...]:
    """Member capitals and large cities, with names in ru, en, uk and their country's language."""
    language_of = {c.extra["code"]: c.extra["language"] for c in countries()}
    entries = []
    for row in _rows("cities.tsv"):
        key, code, capital, ru, en, uk, local, aliases, ambiguous = (row + [""] * 9)[:9]
        names = {"ru": ru, "en": en, "uk": uk, language_of[code]: local}
        entries.append(
            Entry(
                key,
                "city",
                names,
                _split(aliases),
                (),
                frozenset(_split(ambiguous)),
                country=code,
                capital=capital == "yes",
            )
        )
    return tuple(entries)


@lru_cache(maxsize=1)
def organizations() -> tuple[Entry, ...]:
    """Organisations (the assembly, the CIS bodies, city administrations, utilities...)."""
    entries = []
    for row in _rows("organizations.tsv"):
        key, ru, en, uk, abbreviations, aliases = (row + [""] * 6)[:6]
        names = {"ru": ru, "en": en, "uk": uk}
        entries.append(Entry(key, "organization", names, _split(aliases), _split(abbreviations)))
    return tuple(entries)


def entries() -> tuple[Entry, ...]:
    """Everything the gazetteer knows: cities, countries and organisations."""
    return cities() + countries() + organizations()


def fold(name: str) -> str:
    """The comparison form of a name: lower case, ё as е, single spaces, straight quotes."""
    text = name.lower().replace("ё", "е").replace("«", '"').replace("»", '"')
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in entries():
        for name in entry.all_names():
            index.setdefault(fold(name), entry.key)
    return index


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Entry]:
    return {entry.key: entry for entry in entries()}


def key_of(name: str) -> str | None:
    """The key of any city, country or organisation by an exact (nominative) name or alias."""
    return _by_name().get(fold(name))


def city_key(name: str) -> str | None:
    """The key of a member city by one of its names in any language (`Рязань` → `city:ryazan`)."""
    key = key_of(name)
    return key if key and key.startswith("city:") else None


def organization_key(name: str) -> str | None:
    """The key of an organisation by its name or abbreviation (`МАГ` → `org:iaclc`)."""
    key = key_of(name)
    return key if key and key.startswith("org:") else None


def lookup(key: str) -> Entry | None:
    """The entry with this key, or None."""
    return _by_key().get(key)

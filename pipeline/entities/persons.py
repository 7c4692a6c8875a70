"""One key per person: the entity key of a person's name.

The key is the minutes reader's person key (`pipeline.minutes.names`: the surname's nominative
and the first initial, transliterated: «Ивана Петрова», «И.С. Петров», "Ivan Petrov" →
`per:petrov-i`), so a person mentioned in any case, with initials or a first name, in any
language, is one entry of the archive, and the same person as a speaker of the minutes. A
surname with initials only cannot tell a man in the genitive or accusative from a woman
(«Петрова И.С.»), so there the feminine ending folds to the masculine one: «Петрову И.С.»,
«Петрова И.С.» and «Петров И.С.» are all `per:petrov-i`. A first name or patronymic tells the
gender, and then «Анна Петрова» stays `per:petrova-a`. A surname of several words runs from
its particle («Жан-Мари Ле Пен» is `per:le-pen-z`, «Роберт Де Ниро» `per:de-niro-r`).

With a delegate roster (the `roster` setting, the minutes reader's `Roster`), a person the
roster knows at the document's date takes the delegate's key, the one the minutes give their
speeches: the same person in the minutes and in every other document.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from corpus.model import Block
from pipeline.minutes.names import normalise_name, person_key, transliterate
from pipeline.minutes.roster import Roster

#: a feminine surname's ending and its masculine one (Петрова, Пушкина, Петровская, Ковальська).
_FEMININE = re.compile(r"(?<=\w\w)(?:(ов|ев|ёв|ин|ын)а|(ск|цк)ая|(ськ|цьк)а)$", re.IGNORECASE)
#: words that open a surname of several words (Де Ниро, Ле Пен, фон дер Ляйен, бин Ладен).
PARTICLES = frozenset(
    "де ди да дель делла дос ван фон дер ле ла аль эль бин ибн бен of de di da van von der le la al".split()
)
_INITIAL = re.compile(r"^\w\.?$|^\w\.")


def _masculine(match: re.Match[str]) -> str:
    """Петрова → Петров, Петровская → Петровский, Ковальська → Ковальський."""
    if match.group(1):
        return match.group(1)
    return match.group(2) + "ий" if match.group(2) else match.group(3) + "ий"


def roster_key(delegate_key: str) -> str:
    """The entity key of a roster delegate: its own id when it names one (`delegate:belov`),
    else `per:` and its person key (`ivanov i` → `per:ivanov-i`)."""
    return delegate_key if ":" in delegate_key else "per:" + "-".join(delegate_key.split())


def link_roster(blocks: list[Block], roster: Roster, date: str | None) -> int:
    """Give every person the roster knows (one delegate with that person key at the date) the
    delegate's key, as the minutes give it to a speech; returns how many were linked."""
    linked = 0
    for block in blocks:
        for n, e in enumerate(block.entities):
            if e.label != "PER":
                continue
            words = re.sub(r"\.(?=\w)", ". ", e.normal).split()
            if not any(ch.isalpha() for ch in e.normal):
                continue
            name = normalise_name(words, "uk" if re.search("[іїєґ]", e.normal, re.I) else "ru")
            delegate = roster.find(name.key, date)
            if delegate is not None:
                block.entities[n] = replace(e, key=roster_key(delegate.key))
                linked += 1
    return linked


@lru_cache(maxsize=50_000)
def person_entity_key(normal: str, language: str) -> str | None:
    """`per:surname-initial` for a person's normal form; None when it holds no word."""
    words = re.sub(r"\.(?=\w)", ". ", normal).split()
    if not any(ch.isalpha() for w in words for ch in w):
        return None
    full_words = [w for w in words if not _INITIAL.match(w)]
    particle = next((i for i, w in enumerate(full_words[:-1]) if w.lower() in PARTICLES), None)
    if particle is not None:  # Де Ниро, Жан-Мари Ле Пен: the surname runs from its particle
        given = full_words[:particle] or [w for w in words if _INITIAL.match(w)]
        surname = person_key(" ".join(full_words[particle:]), None)
        initial = given[0][:1] if given else None
    else:
        name = normalise_name(words, language)
        written = name.surname if len(full_words) > 1 else _FEMININE.sub(_masculine, name.surname)
        surname, initial = person_key(written, None), name.initial
    key = surname + (f" {transliterate(initial)[:1]}" if initial else "")
    slug = "-".join(key.split())
    return f"per:{slug}" if slug else None

"""Names across languages: a query that names a member city, country or organisation also
looks for that name as the other languages write it.

A delegate who types "Chisinau" or "waste sorting in Kishinev" should find the Russian report
about «Кишинёв» even when no translation model is installed and no embeddings exist; one who
types «в Рязани» should find the English report on Ryazan. The assembly's gazetteer
(`corpus.reference`) already knows every member's names in ru, en, uk and the local language,
with their aliases; this module finds those names in the query (as typed, or through the
query language's lemmas, so «Рязани» is «Рязань») and rewrites each into a group,
`(Chisinau OR Кишинёв OR Кишинів)`, before the query is parsed. Names that are also common
words (the gazetteer's "ambiguous" column) are left alone, and so is anything inside quotes,
a prefix or wildcard, and the operators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus import reference
from index.analysis import analyzer_for, field_language

#: the longest name, in words, looked for in a query.
MAX_WORDS = 3
#: other names added for one name, at most (the gazetteer has 3-6 for most places).
MAX_NAMES = 8
_TOKEN = re.compile(r"\w+")
_PLAIN = re.compile(r"^[\w'’ʼ.-]+[,;:!?.]*$")
Lemmas = Callable[[str], tuple[str, ...]]
#: `index.query.clean` has already written И / ИЛИ / НЕ (and the Ukrainian ones) this way.
_OPERATORS = frozenset({"AND", "OR", "NOT"})


@dataclass(frozen=True)
class NameFound:
    """A gazetteer name found in the query: words `start` to `end` (exclusive) of the query."""

    start: int
    end: int
    key: str
    others: tuple[str, ...]


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(reference.fold(text)))


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, ...], str]:
    """Every unambiguous name of the gazetteer, as folded words, to its key."""
    table: dict[tuple[str, ...], str] = {}
    for entry in reference.entries():
        ambiguous = {reference.fold(n) for n in entry.ambiguous}
        for name in (*entry.names.values(), *entry.aliases):
            words = _tokens(name)
            if words and reference.fold(name) not in ambiguous and len("".join(words)) >= 3:
                table.setdefault(words, entry.key)
    return table


def _others(key: str, typed: tuple[str, ...], lemmas: Lemmas) -> tuple[str, ...]:
    """The entry's names and aliases other than the one typed, without repeats. A name the
    query's analyser reduces to the typed name's terms is left out: «Рязань» adds nothing to
    «Рязани» in the Russian field, and searching it twice would count the name twice."""
    entry = reference.lookup(key)
    if entry is None:
        return ()
    seen = {typed, lemmas(" ".join(typed))}
    found = []
    for name in (*entry.names.values(), *entry.aliases):
        words, reduced = _tokens(name), lemmas(name)
        if words and words not in seen and reduced not in seen:
            seen.update((words, reduced))
            found.append(name)
    return tuple(found[:MAX_NAMES])


@cache
def _lemmatizer(language: str) -> Lemmas:
    """The query language's analyser as a word-tuple function (lemmas for ru and uk)."""
    analyzer = analyzer_for(field_language(language))

    def lemmas(text: str) -> tuple[str, ...]:
        return tuple(token.text for token in analyzer(text))

    return lemmas


def find_names(words: list[str], language: str) -> list[NameFound]:
    """Gazetteer names among the plain words of a query, longest first, not overlapping."""
    table = _names()
    lemmas = _lemmatizer(language)
    found: list[NameFound] = []
    start = 0
    while start < len(words):
        match = None
        for end in range(min(len(words), start + MAX_WORDS), start, -1):
            span = words[start:end]
            if not all(_PLAIN.match(w) and w not in _OPERATORS for w in span):
                continue
            typed = _tokens(" ".join(span))
            reduced = lemmas(" ".join(span))
            # every word must count: «в Рязани» is not a name because «в» is a stop word
            key = table.get(typed) or (table.get(reduced) if len(reduced) == len(typed) else None)
            if key:
                match = NameFound(start, end, key, _others(key, typed, lemmas))
                break
        if match is not None and match.others:
            found.append(match)
        start = match.end if match is not None else start + 1
    return found


def expand_names(text: str, language: str) -> tuple[str, list[NameFound]]:
    """The query text with each gazetteer name grouped with its other names, and the names
    found. Quoted phrases are kept as they are; a name's trailing punctuation stays outside
    the group."""
    parts = re.split(r'("[^"]*")', text)
    found_all: list[NameFound] = []
    out = []
    for part in parts:
        if part.startswith('"') and part.endswith('"') and len(part) > 1:
            out.append(part)
            continue
        words = part.split()
        found = find_names(words, language)
        found_all.extend(found)
        out.append(_rewrite(part, words, found))
    return "".join(out), found_all


def _rewrite(part: str, words: list[str], found: list[NameFound]) -> str:
    if not found:
        return part
    pieces: list[str] = []
    position = 0
    for name in found:
        pieces.extend(words[position : name.start])
        typed = " ".join(words[name.start : name.end])
        bare = typed.rstrip(",;:!?.")
        tail = typed[len(bare) :]
        group = [_quoted(bare), *(_quoted(n) for n in name.others)]
        pieces.append("(" + " OR ".join(group) + ")" + tail)
        position = name.end
    pieces.extend(words[position:])
    lead = " " if part[:1].isspace() else ""
    trail = " " if part[-1:].isspace() else ""
    return lead + " ".join(pieces) + trail


def _quoted(name: str) -> str:
    """A name as a query term: several words (or a hyphen) become a phrase."""
    clean = name.replace('"', "")
    return f'"{clean}"' if len(_TOKEN.findall(clean)) > 1 else clean

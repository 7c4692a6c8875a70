"""Text analysis per language: what a word becomes in the index and in a query.

Russian and Ukrainian words are reduced to their dictionary form (lemma) with pymorphy3, so
"водоканал" finds "Водоканала" and "водоканалом", and "Рязань" finds "в Рязани". English and
Romanian use Whoosh's Snowball stemmers. Every other language is lower-cased and folded only.
Everywhere, ё is folded to е and typographic apostrophes to ', because both are written either
way in real documents.

Whoosh pickles the analysers into the index's schema, so the classes here must keep their names
and hold no model objects: the morphology models live in module-level caches (one per process,
and each word is analysed once per process).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from corpus.errors import ModelMissing
from index._whoosh import analysis, stemmer_for_language

#: languages with a field (and an analyser) of their own; every other language shares "xx".
FIELD_LANGUAGES = ("ru", "uk", "en", "ro")
OTHER = "xx"
#: words: letters/digits joined by apostrophes; numbers may carry decimal points or commas.
WORD_PATTERN = r"\d+(?:[.,]\d+)*|\w+(?:['’ʼ]\w+)*"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FOLD = str.maketrans({"ё": "е", "Ё": "Е", "’": "'", "ʼ": "'", "\u0301": None})
_CACHE_LIMIT = 300_000

UK_STOP_WORDS = frozenset(
    "а але б би бо в від для до є же з за и із її їх й к на над не ні по при про та те ти то "
    "у це ці чи що як які який яка яке".split()
)
RU_EXTRA_STOP_WORDS = frozenset("это также".split())


class WordTokenizer(analysis.RegexTokenizer):  # type: ignore[misc]
    """A regex tokenizer that marks a value passed whole (prefix, wildcard and range terms of a
    query), so the morphology filter leaves it alone: lemmatizing "водокан" in "водокан*" would
    turn a prefix into an unrelated word."""

    def __init__(self) -> None:
        super().__init__(expression=WORD_PATTERN)

    def __call__(self, value: str, tokenize: bool = True, **kwargs: Any) -> Iterator[Any]:
        for token in super().__call__(value, tokenize=tokenize, **kwargs):
            token.whole = not tokenize
            yield token


class FoldFilter(analysis.Filter):  # type: ignore[misc]
    """Lower-case and fold ё=е, typographic apostrophes and stress marks."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = token.text.lower().translate(_FOLD)
            yield token


class MorphFilter(analysis.Filter):  # type: ignore[misc]
    """Lemmas (ru, uk) or Snowball stems (en, ro); tokens marked whole are left as they are."""

    is_morph = True

    def __init__(self, language: str) -> None:
        self.language = language

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MorphFilter) and other.language == self.language

    def __hash__(self) -> int:
        return hash(("MorphFilter", self.language))

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        reduce = word_reducer(self.language)
        for token in tokens:
            if not getattr(token, "whole", False):
                token.text = reduce(token.text)
            yield token


_REDUCERS: dict[str, Any] = {}
_CACHES: dict[str, dict[str, str]] = {}


def word_reducer(language: str) -> Any:
    """The cached word -> lemma/stem function of a language (built once per process)."""
    if language not in _REDUCERS:
        _REDUCERS[language] = _build_reducer(language)
    return _REDUCERS[language]


def _build_reducer(language: str) -> Any:
    base = _lemmatizer(language) if language in ("ru", "uk") else stemmer_for_language(language)
    cache = _CACHES.setdefault(language, {})

    def reduce(word: str) -> str:
        found = cache.get(word)
        if found is None:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            found = cache[word] = base(word).translate(_FOLD)
        return str(found)

    return reduce


def _lemmatizer(language: str) -> Any:
    try:
        import pymorphy3

        morph = pymorphy3.MorphAnalyzer(lang=language)
    except (ImportError, ValueError, OSError) as err:
        package = f"pymorphy3 pymorphy3-dicts-{language}"
        raise ModelMissing(
            f"the {language} dictionary for search ({package})",
            f"Install it with: pip install {package}",
        ) from err

    def lemma(word: str) -> str:
        if not _CYRILLIC.search(word):
            return word
        return str(morph.parse(word)[0].normal_form)

    return lemma


def analyzer_for(language: str) -> Any:
    """The analyser of a field language (one of FIELD_LANGUAGES or OTHER)."""
    chain = WordTokenizer() | FoldFilter()
    if language == "ru":
        stops = frozenset(analysis.StopFilter(lang="ru").stops) | RU_EXTRA_STOP_WORDS
        return chain | analysis.StopFilter(stoplist=stops) | MorphFilter("ru")
    if language == "uk":
        return chain | analysis.StopFilter(stoplist=UK_STOP_WORDS) | MorphFilter("uk")
    if language == "en":
        return chain | analysis.StopFilter(lang="en") | MorphFilter("en")
    if language == "ro":
        return chain | analysis.StopFilter(stoplist=frozenset()) | MorphFilter("ro")
    return chain | analysis.StopFilter(stoplist=frozenset(), minsize=1)


class HeadFilter(analysis.Filter):  # type: ignore[misc]
    """Marks whole (so the morphology filter skips them) the words that do not begin with one
    of `heads`: highlighting wants only the words that can be the query's terms, and reducing a
    word is what costs (the first time a process meets it)."""

    def __init__(self, heads: frozenset[str]) -> None:
        self.heads = tuple(heads)

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            if not token.text.startswith(self.heads):
                token.whole = True
            yield token


def matching_spans(
    text: str, language: str, terms: set[str], prefixes: set[str]
) -> list[tuple[int, int]]:
    """(start, end) of the words of `text` that are one of `terms` or begin with a prefix, in
    a field language. Only words sharing their first letter with a term or prefix are reduced:
    a word and its lemma begin alike except in a few suppletive forms («людей» → «человек»),
    which then go unhighlighted, while fleeting vowels («дня» → «день») still match."""
    heads = frozenset(t[:1] for t in terms | prefixes if t)
    if not heads:
        return []
    chain = analyzer_for(language)
    items = list(chain.items) if hasattr(chain, "items") else [chain]
    at = next((i for i, f in enumerate(items) if getattr(f, "is_morph", False)), len(items))
    items.insert(at, HeadFilter(heads))
    found = []
    for token in analysis.CompositeAnalyzer(*items)(text, chars=True):
        if token.text in terms or token.text.startswith(tuple(prefixes)):
            found.append((token.startchar, token.endchar))
    return found


def field_language(language: str | None) -> str:
    """The field language a block or query language is analysed as."""
    return language if language in FIELD_LANGUAGES else OTHER


def terms(text: str, language: str) -> list[str]:
    """The index terms of a text in a field language (used by highlighting and tests)."""
    return [t.text for t in analyzer_for(language)(text)]

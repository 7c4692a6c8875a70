"""The `sek_gazetteer` component: the assembly's cities, countries and organisations.

Names from `corpus.reference` are matched on tokens through lemmas, so inflected forms find
their entry (Рязани, в Рязани, Рязанью → Рязань; Рязані → Рязань; Международной ассамблеи
столиц и крупных городов → the assembly). Languages without a morphological analyser match a
name's last word as a stem followed by a short case ending (Алматыда, Bakıda, Երևանում).
Abbreviations (МАГ, СНГ) match only as written. A name that is also a common word or a first
name (Владимир, Mary) counts only after a city word (г., город, місто, city) or where the NER
model also saw a place there.

A match fills the gaps the NER model left and may widen a model span of its own type; it never
retypes, cuts or swallows a model span (bank «Россия» stays ORG, «Россия 1» stays whole, LOC
«РФ» in «Правительства РФ» stays), except a model span that is the match plus city words
(«г. Москва»). It never replaces a date, sum or percentage from the rules. Where the model
found exactly the match's span with the match's type, the model's span keeps its offsets and
takes the entry's key and normal form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from corpus import reference
from pipeline.entities.morph import MORPH_LANGUAGES, fold, is_word, lemma_set, name_forms
from pipeline.entities.spans import make_span, merge, register_component, source_of

#: words that, just before an ambiguous name, make it a city.
CITY_WORDS = frozenset(
    {
        "г",
        "город",
        "города",
        "городе",
        "гор",
        "м",
        "місто",
        "міста",
        "місті",
        "горад",
        "горада",
        "city",
        "town",
        "municipality",
        "шаҳри",
        "шаары",
    }
)
_TEXT = "sekretar.text"
_LAST_WORD = re.compile(r"(\w+)\.?\s*$")
#: the longest case ending allowed after a stem in languages without an analyser.
MAX_ENDING = 6
_VOWELS = frozenset("აეიოუаеиоуыэяюіəıaeiouy")
_QUOTES = str.maketrans(
    {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "'": '"', "–": "-", "—": "-"}
)


@dataclass(frozen=True)
class Name:
    """One written name of an entry, tokenised for matching."""

    key: str
    label: str
    text: str
    tokens: tuple[str, ...]
    forms: tuple[frozenset[str], ...]
    ambiguous: bool
    #: main names (ru, en, uk, local) rank before aliases: on a tie the main one is the normal.
    rank: int


def is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _forms(word: str, language: str) -> frozenset[str]:
    if not is_word(word):
        return frozenset({word.translate(_QUOTES)})
    return name_forms(word, language)


class Index:
    """Names by the forms of their first token, for one pipeline language."""

    def __init__(self, tokenize: Callable[[str], Doc], language: str) -> None:
        self.language = language
        self.stemmed = language not in MORPH_LANGUAGES and language != "en"
        self.by_form: dict[str, list[Name]] = defaultdict(list)
        for entry in reference.entries():
            label = "ORG" if entry.kind == "organization" else "LOC"
            for rank, text in enumerate(entry.all_names()):
                self._add(
                    Name(entry.key, label, text, (), (), text in entry.ambiguous, rank), tokenize
                )

    def _add(self, name: Name, tokenize: Callable[[str], Doc]) -> None:
        words = tuple(t.text for t in tokenize(name.text) if not t.is_space)
        if not words:
            return
        forms = tuple(_forms(w, self.language) for w in words)
        name = replace(name, tokens=words, forms=forms)
        firsts = {words[0]} if is_abbreviation(words[0]) else set(forms[0])
        if self.stemmed and len(words) == 1 and words[0][-1:] in _VOWELS and len(words[0]) > 4:
            firsts.add(fold(words[0])[:-1])
        for form in firsts:
            self.by_form[form].append(name)

    def candidates(self, text: str) -> list[Name]:
        """Names that may start with this word."""
        keys = {text} | (lemma_set(text, self.language) if is_word(text) else {fold(text)})
        if self.stemmed:
            low = fold(text)
            keys |= {low[:-k] for k in range(1, MAX_ENDING + 1) if len(low) - k >= 3}
        found: list[Name] = []
        for key in keys:
            found.extend(self.by_form.get(key, ()))
        return sorted(set(found), key=lambda n: (-len(n.tokens), n.rank, n.text))


@lru_cache(maxsize=32)
def _index(language: str, tokenize: Callable[[str], Doc]) -> Index:
    return Index(tokenize, language)


@dataclass(frozen=True)
class Word:
    """A non-space token as plain data (cheaper to scan than spaCy tokens)."""

    text: str
    start: int
    end: int


class Gazetteer:
    """Adds the reference names found in a doc as LOC and ORG spans with their keys."""

    def __init__(self, nlp: Language, language: str) -> None:
        self.language = language
        self.tokenizer = nlp.tokenizer
        self._index: Index | None = None

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = _index(self.language, self.tokenizer)
        return self._index

    def __call__(self, doc: Doc) -> Doc:
        words = [Word(t.text, t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
        found = []
        i = 0
        while i < len(words):
            match = self._match_at(doc, words, i)
            if match is None:
                i += 1
                continue
            end, name = match
            span = make_span(
                doc,
                words[i].start,
                words[end - 1].end,
                name.label,
                "gazetteer",
                key=name.key,
                normal=name.text,
            )
            found.extend([span] if span is not None else [])
            i = end
        if found:
            merge(doc, found, keeps=_model_keeps)
        return doc

    def _match_at(self, doc: Doc, words: list[Word], i: int) -> tuple[int, Name] | None:
        """(end word index, name) of the longest name starting at word i."""
        text = words[i].text
        if not text[:1].isupper() and not _caseless(text):
            return None
        for name in self.index.candidates(text):
            end = i + len(name.tokens)
            if (
                end <= len(words)
                and self._matches(words[i:end], name)
                and (not name.ambiguous or _confirmed(doc, words, i, end))
            ):
                return end, name
        return None

    def _matches(self, words: list[Word], name: Name) -> bool:
        last = len(name.tokens) - 1
        return all(
            self._token_matches(w.text, word, forms, j == last)
            for j, (w, word, forms) in enumerate(zip(words, name.tokens, name.forms, strict=True))
        )

    def _token_matches(self, text: str, word: str, forms: frozenset[str], last: bool) -> bool:
        if is_abbreviation(word):
            return text == word
        if not is_word(word):
            return text.translate(_QUOTES) in forms
        if lemma_set(text, self.language) & forms:
            return True
        return self.index.stemmed and last and _stem_matches(fold(text), fold(word))


def _caseless(text: str) -> bool:
    """Scripts without capitals (Georgian) cannot be filtered by case."""
    return bool(text) and "GEORGIAN" in unicodedata.name(text[0], "")


def _stem_matches(text: str, word: str) -> bool:
    """Алматыда ~ Алматы, თბილისში ~ თბილისი (a final vowel may drop before an ending)."""
    stems = (word, word[:-1]) if len(word) > 4 and word[-1] in _VOWELS else (word,)
    for stem in stems:
        rest = text[len(stem) :]
        if text.startswith(stem) and len(rest) <= MAX_ENDING and (not rest or rest.isalpha()):
            return True
    return False


def _confirmed(doc: Doc, words: list[Word], start: int, end: int) -> bool:
    """An ambiguous name counts after a city word, or where the model saw a place."""
    if _after_city_word(doc, words[start].start):
        return True
    first, last = words[start].start, words[end - 1].end
    return any(e.label_ == "LOC" and e.start_char <= first and last <= e.end_char for e in doc.ents)


def _model_keeps(old: Span, new: Span) -> bool:
    """Whether a span already found stays against an overlapping gazetteer match.

    Rule spans always stay. A model span inside the match gives way only to a match of its own
    type (Правительства → Правительства Москвы, both ORG), or to a known organisation around a
    place where the model saw no organisation (LOC «Рязани» in «Администрация города Рязани»).
    A model span the match would cut or retype stays (bank «Россия» stays ORG, «Россия 1»
    whole), unless it is the match plus city words (a model's ORG «г. Москва») or a city word
    stands before the match (a model's PER «Владимир» in «г. Владимир»), or the model read a
    known place, not in quotes, as a person or organisation on exactly its words (Делегация
    Намангана).
    """
    if source_of(old) != "model":
        return True
    if old.start >= new.start and old.end <= new.end:
        place = new.label_ == "LOC" and (
            _after_city_word(new.doc, new.start_char) or _plain_place(old, new)
        )
        return old.label_ != new.label_ and not place and not _names_a_place(old, new)
    rest = [t for t in old if t.i < new.start or t.i >= new.end]
    inside = old.start <= new.start and new.end <= old.end
    return not (inside and all(fold(t.text).rstrip(".") in CITY_WORDS for t in rest))


def _text(doc: Doc) -> str:
    """The doc's text, built once (spaCy joins its tokens on every `doc.text`)."""
    if _TEXT not in doc.user_data:
        doc.user_data[_TEXT] = doc.text
    return str(doc.user_data[_TEXT])


def _after_city_word(doc: Doc, start: int) -> bool:
    """Whether a city word (г., город, city...) stands just before this character offset."""
    before = _LAST_WORD.search(_text(doc), max(0, start - 40), start)
    return before is not None and fold(before.group(1)) in CITY_WORDS


def _plain_place(old: Span, new: Span) -> bool:
    """A known place read by the model as a person or organisation on exactly its words, not in
    quotes (Делегация Намангана; but bank «Россия» is an organisation named after a place)."""
    if (old.start, old.end) != (new.start, new.end):
        return False
    text = _text(new.doc)
    before, after = text[: new.start_char].rstrip()[-1:], text[new.end_char :].lstrip()[:1]
    return not (before in "«\"„“" and before and after in "»\"“”" and after)


def _names_a_place(old: Span, new: Span) -> bool:
    """A known organisation's name holding a model place, with no model organisation there
    (one would mean the model read the organisation and the place apart: Правительства РФ)."""
    if new.label_ != "ORG" or old.label_ != "LOC":
        return False
    return not any(
        e.label_ == "ORG" and source_of(e) == "model" and e.start < new.end and new.start < e.end
        for e in new.doc.ents
    )


@register_component("sek_gazetteer", default_config={"language": "ru"})
def make_gazetteer(nlp: Language, name: str, language: str) -> Gazetteer:
    """The index is built on first use and shared by every pipeline of the language."""
    return Gazetteer(nlp, language)

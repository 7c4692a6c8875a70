"""The `sek_lemmas` and `sek_normalizer` components.

`sek_lemmas` fills `token.lemma_` from pymorphy3 (ru, uk). `sek_normalizer` runs last: it
gives every entity its normal form (the nominative for names: Сергея Есенина → Сергей Есенин)
and its canonical key, the same for one thing across documents and languages. A name the
gazetteer did not match but whose nominative is a known name (Республики Беларусь →
Республика Беларусь) gets the reference key; a person gets a person key (`per:esenin-s`), one
for every form of the name; any other gets `label:slug` (`org:опыт`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from corpus import reference
from pipeline.entities.morph import (
    MORPH_LANGUAGES,
    fold,
    lemma,
    person_nominative,
    phrase_nominative,
)
from pipeline.entities.persons import person_entity_key
from pipeline.entities.spans import LABELS, normal_of, register_component, set_normal

#: labels of other models (en_core_web_sm) mapped to ours; anything else is dropped.
FOREIGN_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
_KEY_KINDS = {"LOC": ("city:", "country:"), "ORG": ("org:",)}


def slug(text: str) -> str:
    """A key-safe form of a name: folded, words joined by hyphens."""
    words = re.findall(r"\w+", fold(text))
    return "-".join(words) or "_"


def key_for(label: str, normal: str, language: str = "ru") -> str:
    """The reference key when the normal form is a known name, a person's key
    (`pipeline.entities.persons`), else `label:slug`."""
    if label == "PER":
        return person_entity_key(normal, language) or f"per:{slug(normal)}"
    known = reference.key_of(normal)
    if known and known.startswith(_KEY_KINDS.get(label, ("-",))):
        return known
    return f"{label.lower()}:{slug(normal)}"


def normal_form(span: Span, language: str) -> str:
    """The nominative of a model's span (ru, uk); the text as written elsewhere."""
    words = tuple(t.text for t in span if not t.is_space)
    gaps = tuple(bool(t.whitespace_) for t in span if not t.is_space)
    return _nominative(words, gaps, span.label_, language)


@lru_cache(maxsize=50_000)
def _nominative(words: tuple[str, ...], gaps: tuple[bool, ...], label: str, language: str) -> str:
    """Cached: a document names the same people and bodies again and again."""
    forms = list(words)
    if language in MORPH_LANGUAGES and label == "PER":
        forms = person_nominative(words, language)
    elif language in MORPH_LANGUAGES and label in ("ORG", "LOC"):
        forms = phrase_nominative(words, language)
    text = "".join(w + (" " if gap else "") for w, gap in zip(forms, gaps, strict=True))
    return " ".join(text.split())


class Normalizer:
    """Sets the normal form and key of every entity; drops labels we do not keep."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for span in doc.ents:
            label = span.label_ if span.label_ in LABELS else FOREIGN_LABELS.get(span.label_)
            if label is None:
                continue
            span = Span(doc, span.start, span.end, label=label, kb_id=span.kb_id_)
            normal = normal_of(span) or normal_form(span, self.language)
            set_normal(span, normal)
            key = span.kb_id_ or key_for(label, normal, self.language)
            kept.append(Span(doc, span.start, span.end, label=label, kb_id=key))
        doc.ents = kept
        return doc


class Lemmas:
    """Fills `token.lemma_` with pymorphy3's most likely lemma."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.is_alpha:
                token.lemma_ = lemma(token.text, self.language)
        return doc


@register_component("sek_normalizer", default_config={"language": "ru"})
def make_normalizer(nlp: Language, name: str, language: str) -> Normalizer:
    return Normalizer(language)


@register_component("sek_lemmas", default_config={"language": "ru"})
def make_lemmas(nlp: Language, name: str, language: str) -> Lemmas:
    return Lemmas(language)

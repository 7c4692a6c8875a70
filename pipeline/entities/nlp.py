"""One spaCy pipeline per language, built from our registered components, once per process.

| language | tokenizer | components |
|---|---|---|
| ru | razdel (natasha's own) | natasha NER, dates, money, percent, gazetteer, normalizer |
| uk | `spacy.blank("uk")` | lemmas (pymorphy3), dates, money, percent, gazetteer, normalizer |
| en | `en_core_web_sm` if installed, else `spacy.blank("en")` | its NER, rules, gazetteer, normalizer |
| ky hy az ro | `spacy.blank(lang)` | rules, gazetteer, normalizer |
| be kk uz tg ka tk, und | `spacy.blank("xx")` | rules, gazetteer, normalizer |

A model that is not installed leaves its pipeline without it and is reported as a problem
(the rest still runs).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

# Importing the component modules registers their factories (once per process).
from pipeline.entities import gazetteer, natasha_ner, normalize, rules  # noqa: F401
from pipeline.entities.tokens import RazdelTokenizer

#: languages whose own spaCy tokenizer we use; the rest use the multilingual one.
SPACY_LANGUAGES = frozenset({"ru", "uk", "en", "ky", "hy", "az", "ro"})
RULES = ("sek_dates", "sek_money", "sek_percent")
ENGLISH_MODEL = "en_core_web_sm"


@dataclass(frozen=True)
class Pipeline:
    """A language's spaCy pipeline and what it lacks (for the document's problems)."""

    language: str
    nlp: Language
    missing: tuple[str, ...] = ()


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _base(language: str) -> Language:
    if language == "en" and _installed(ENGLISH_MODEL):
        keep = {"tok2vec", "ner"}
        nlp = spacy.load(ENGLISH_MODEL)
        for name in [n for n in nlp.pipe_names if n not in keep]:
            nlp.remove_pipe(name)
        return nlp
    return spacy.blank(language if language in SPACY_LANGUAGES else "xx")


@cache
def pipeline_for(language: str) -> Pipeline:
    """The pipeline of a language code (anything unknown gets the multilingual one)."""
    nlp = _base(language)
    missing: list[str] = []
    config = {"language": language}
    if language == "uk":  # Russian needs no token lemmas: the gazetteer asks pymorphy3 itself
        nlp.add_pipe("sek_lemmas", config=config)
    if language == "ru":
        if _installed("natasha"):
            nlp.tokenizer = RazdelTokenizer(nlp.vocab)
            nlp.add_pipe("sek_natasha_ner")
        else:
            missing.append("natasha (Russian NER) is not installed: pip install natasha")
    for name in RULES:
        nlp.add_pipe(name, config=config)
    nlp.add_pipe("sek_gazetteer", config=config)
    nlp.add_pipe("sek_normalizer", config=config)
    return Pipeline(language, nlp, tuple(missing))

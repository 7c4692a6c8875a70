"""What our spaCy components share: registration, and merging spans into `doc.ents`.

Each component adds spans from one source (the NER model, rules, the gazetteer). Where spans
overlap, a source that ranks higher wins (spaCy's `doc.ents` cannot overlap). The normal form
a component already knows (the gazetteer's nominative name, a date in ISO form) is kept in
`doc.user_data` by character offsets, and the canonical key rides on the span's `kb_id`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from corpus.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])

#: the labels we keep; anything else a model produces is dropped.
LABELS = ("PER", "LOC", "ORG", "DATE", "MONEY", "PERCENT")
_NORMALS = "sekretar.normal"
_SOURCES = "sekretar.source"


def register_component(name: str, default_config: dict[str, Any] | None = None) -> Callable[[F], F]:
    """`@Language.factory`, refusing a second registration under the same name."""
    if Language.has_factory(name):
        raise ConfigError(f"spaCy component {name!r} is registered twice")

    def decorate(factory: F) -> F:
        Language.factory(name, default_config=default_config or {}, func=factory)
        return factory

    return decorate


def normal_of(span: Span) -> str | None:
    """The normal form a component recorded for this span, if any."""
    return span.doc.user_data.get(_NORMALS, {}).get((span.start_char, span.end_char))


def set_normal(span: Span, normal: str) -> None:
    span.doc.user_data.setdefault(_NORMALS, {})[(span.start_char, span.end_char)] = normal


def source_of(span: Span) -> str:
    """The component that first found this span (the same offsets and label): a gazetteer
    match on a model span's offsets does not hide that the model found it."""
    sources = span.doc.user_data.get(_SOURCES, {})
    return str(sources.get((span.start_char, span.end_char, span.label_), "model"))


def make_span(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    source: str,
    key: str = "",
    normal: str | None = None,
) -> Span | None:
    """A span over the tokens covering characters start..end (None if nothing covers them)."""
    span = doc.char_span(start, end, label=label, kb_id=key, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    sources = doc.user_data.setdefault(_SOURCES, {})
    sources.setdefault((span.start_char, span.end_char, label), source)
    if normal is not None:
        set_normal(span, normal)
    return span


def merge(doc: Doc, new: Iterable[Span], keeps: Callable[[Span, Span], bool]) -> None:
    """Add `new` spans to `doc.ents`; an old span overlapping a new one is dropped unless
    `keeps(old, new)` says the old one stays (then the new one is dropped)."""
    kept = list(doc.ents)
    for span in filter_spans(list(new)):
        clashes = [old for old in kept if old.start < span.end and span.start < old.end]
        if any(keeps(old, span) for old in clashes):
            continue
        kept = [old for old in kept if old not in clashes]
        kept.append(span)
    doc.ents = sorted(kept, key=lambda s: s.start)


def new_wins(old: Span, new: Span) -> bool:
    """Merge rule for sources that always win: nothing old is kept."""
    return False

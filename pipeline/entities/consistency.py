"""Document-level consistency of names: one reading per name in a document.

The model reads each mention with the few words around it, so the same name may be tagged in
one paragraph and missed in the next, or read as a person here and a place there. A document
rarely uses one written name for two things, so a name tagged somewhere is tagged wherever
else it stands as written (a whole word, not inside another entity), and a name read with two
types takes the type most of its mentions have (when one type has more than the others). A
surname alone is the person of the document with that surname, when there is one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from corpus.model import Block, Entity

#: the labels a name may be spread or retyped among; dates and sums are rules' and exact.
NAME_LABELS = ("PER", "LOC", "ORG")
#: names shorter than this are not spread (initials, one-letter tokens).
MIN_CHARS = 2


def make_consistent(blocks: list[Block]) -> None:
    """A name tagged in one place is tagged wherever else it stands, with the same type."""
    readings: dict[str, Counter[str]] = defaultdict(Counter)
    models: dict[tuple[str, str], Entity] = {}
    for block in blocks:
        for e in block.entities:
            if e.label in NAME_LABELS:
                readings[e.text][e.label] += 1
                models.setdefault((e.text, e.label), e)
    chosen = {text: _majority(labels) for text, labels in readings.items()}
    for block in blocks:
        block.entities = [_retyped(e, chosen, models) for e in block.entities]
    names = [t for t in chosen if len(t) >= MIN_CHARS and t[:1].isupper()]
    if names:
        alternatives = "|".join(re.escape(t) for t in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        for block in blocks:
            _spread(block, pattern, chosen, models)
    _complete_surnames(blocks)


def _complete_surnames(blocks: list[Block]) -> None:
    """A surname alone (Путин, `per:putin`) takes the key of the one person of the document
    with that surname and an initial (Владимир Путин, `per:putin-v`)."""
    keys = {e.key for b in blocks for e in b.entities if e.label == "PER"}
    fuller: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        head, _, initial = key.rpartition("-")
        if head and len(initial) == 1:
            fuller[head].add(key)
    for block in blocks:
        block.entities = [
            replace(e, key=next(iter(fuller[e.key])))
            if e.label == "PER" and len(fuller.get(e.key, ())) == 1
            else e
            for e in block.entities
        ]


def _majority(labels: Counter[str]) -> str | None:
    """The type with more mentions than any other; None on a tie."""
    (first, n), *rest = labels.most_common()
    return None if rest and rest[0][1] == n else first


def _retyped(e: Entity, chosen: dict[str, str | None], models: dict[tuple[str, str], Entity]) -> Entity:
    label = chosen.get(e.text) if e.label in NAME_LABELS else None
    if label is None or label == e.label:
        return e
    model = models[(e.text, label)]
    return replace(e, label=label, normal=model.normal, key=model.key)


def _spread(
    block: Block,
    pattern: re.Pattern[str],
    chosen: dict[str, str | None],
    models: dict[tuple[str, str], Entity],
) -> None:
    taken = [(e.start, e.end) for e in block.entities]
    added = []
    for match in pattern.finditer(block.text):
        label = chosen.get(match[0])
        if label is None or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        model = models[(match[0], label)]
        added.append(replace(model, start=match.start(), end=match.end()))
    if added:
        block.entities = sorted(block.entities + added, key=lambda e: e.start)

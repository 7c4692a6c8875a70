"""Everything the engine must not touch, behind placeholders: glossary terms, names, references.

Glossary terms win where they overlap a name pattern (an approved name of an organisation is
more exact than a guess); the rest comes from `names.find_spans`. Every placeholder comes back
as its replacement: the approved target term, the name in the target's letters, the reference
as written.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from pipeline.translate.glossary import PLACEHOLDER, Glossary, Protected
from pipeline.translate.names import find_spans


def shield(
    text: str,
    source: str,
    target: str,
    glossary: Glossary | None,
    people: Iterable[tuple[int, int]] = (),
    first_names: Collection[str] = (),
) -> Protected:
    """The segment with terms, names and references replaced by numbered placeholders
    (`first_names`: words of the people's names the engine may translate)."""
    spans: list[tuple[int, int, str, str]] = []
    if glossary is not None:
        spans += [(s, e, c.target, c.key) for s, e, c in glossary.find(text, source, target)]
    for span in find_spans(text, source, target, people, first_names):
        if all(span.end <= s or span.start >= e for s, e, _, _ in spans):
            spans.append((span.start, span.end, span.replacement, span.kind))
    spans.sort()
    protected = Protected(text)
    pieces, last = [], 0
    for n, (start, end, replacement, key) in enumerate(spans):
        pieces += [text[last:start], PLACEHOLDER.format(n)]
        protected.replacements.append(replacement)
        protected.keys.append(key)
        last = end
    if pieces:
        protected.text = "".join(pieces) + text[last:]
    return protected

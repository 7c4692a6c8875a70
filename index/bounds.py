"""Bounds on what one query may ask of the index: no range syntax, no prefix or wildcard too
short to mean anything, and no prefix or wildcard expanded into more words than a search can
afford.

A prefix such as «в*» expands to every word of the index beginning with «в»: tens of thousands
of terms, each with its postings read, for a query that finds everything. So a prefix or a
wildcard needs `MIN_PREFIX` letters before its first `*` or `?`, and one that still expands to
more than `MAX_EXPANSIONS` words is searched as its `MAX_EXPANSIONS` most frequent words, with a
message saying so. Whoosh's range syntax (`[a TO b]`, `{a TO b}`) is not part of the query
language: it compares words alphabetically, which no delegate means, so it is refused.
"""

from __future__ import annotations

import re
from typing import Any

from corpus.messages import Message
from index._whoosh import query

#: letters a prefix or wildcard needs before its first `*` or `?`.
MIN_PREFIX = 3
#: words one prefix or wildcard may expand to; past it, only the most frequent are searched.
MAX_EXPANSIONS = 200

_RANGE = re.compile(r"[\[{][^\]}]*\bTO\b[^\]}]*[\]}]")
_PATTERN_WORD = re.compile(r"[^\s\"()]*[*?][^\s\"()]*")


def range_syntax(text: str) -> Message | None:
    """A message when the query uses range syntax, which is refused."""
    if _RANGE.search(text):
        return Message("range_syntax")
    return None


def short_pattern(text: str) -> Message | None:
    """A message when a prefix or wildcard has fewer than MIN_PREFIX letters before its
    first `*` or `?` (a word ending in a question mark is a question, not a wildcard, and is
    cleaned before this is asked)."""
    for found in _PATTERN_WORD.findall(text):
        word = found.rstrip("?!.,;:…") if not found.endswith("*") else found
        if "*" not in word and "?" not in word:
            continue  # "ну?!" ends a question
        head = re.split(r"[*?]", word, maxsplit=1)[0]
        if sum(ch.isalnum() for ch in head) < MIN_PREFIX:
            return Message("short_prefix", word=word, letters=MIN_PREFIX)
    return None


def bound_expansions(node: Any, reader: Any, limit: int = MAX_EXPANSIONS) -> tuple[Any, bool]:
    """The query with every prefix or wildcard expanding to more than `limit` words replaced by
    its `limit` most frequent words; True when one was cut."""
    cut = False

    def visit(part: Any) -> Any:
        nonlocal cut
        if isinstance(part, query.Prefix | query.Wildcard):
            field = part.fieldname
            words = [reader.schema[field].from_bytes(b) for b in part._btexts(reader)]
            if len(words) <= limit:
                return part
            cut = True
            words.sort(key=lambda w: (-reader.doc_frequency(field, w), w))
            kept = [query.Term(field, w) for w in words[:limit]]
            return query.Or(kept, boost=part.boost)
        return part if part.is_leaf() else part.apply(visit)

    bounded = visit(node)
    return bounded, cut

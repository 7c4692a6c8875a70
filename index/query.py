"""Turning what a delegate typed into a Whoosh query, safely.

Phrases in quotes, prefix*, AND / OR / NOT (and the Russian И / ИЛИ / НЕ) work as usual. Input
that would make a parser fail is repaired rather than refused, with a message: an unmatched
quote or parenthesis is dropped, a very long query is cut; field syntax ("city:...") is not
interpreted, since filters are options of their own. Ranges and too short prefixes are refused
(index.bounds). What is left is analysed with the
analyser of each field searched, so the query's words become the same lemmas as the index's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from corpus.languages import language_script
from corpus.messages import Message
from index._whoosh import QueryParserError, qparser, query
from index.analysis import FIELD_LANGUAGES, OTHER, analyzer_for, field_language
from index.bounds import range_syntax, short_pattern
from index.names import expand_names
from index.schema import text_field

MAX_QUERY_CHARS = 500
SECONDARY_BOOST = 0.5
#: queries of up to this many words need all of them (keyword search); longer ones any.
KEYWORDS_AND = 3
_OPERATORS = {"И": "AND", "ИЛИ": "OR", "НЕ": "NOT", "I": "AND", "АБО": "OR", "НІ": "NOT"}
_WORD = re.compile(r"\w", re.UNICODE)
_PLAIN_WORD = re.compile(r"\w+[,;:!.]*", re.UNICODE)
_KEPT = frozenset({"AND", "OR", "NOT", "ANDNOT"})


@dataclass
class ParsedQuery:
    """A parsed query with what highlighting and the semantic side need to know about it."""

    text: str
    whoosh: Any = None
    fields: list[str] = field(default_factory=list)
    terms: dict[str, set[str]] = field(default_factory=dict)  # field -> analysed terms
    prefixes: dict[str, set[str]] = field(default_factory=dict)  # field -> prefixes
    negated: Any = None  # the NOT parts, to exclude their blocks from semantic hits too
    semantic_text: str = ""
    message: str | None = None


def clean(text: str) -> tuple[str, str | None]:
    """The query text made parseable, with a note when something had to be changed."""
    note = None
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
        note = Message("query_cut", limit=MAX_QUERY_CHARS)
    if text.count('"') % 2:
        head, _, tail = text.rpartition('"')
        text = head + tail
        note = note or Message("unmatched_quote")
    if text.count("(") != text.count(")") or _misnested(text):
        text = text.replace("(", " ").replace(")", " ")
        note = note or Message("unmatched_quote")
    words = [_OPERATORS.get(w, w) for w in text.split()]
    return " ".join(_unquestioned(w) for w in words), note


def _unquestioned(word: str) -> str:
    """A question mark ending a word (alone or with "!" and dots: "… в Москве?!") is the end
    of a question, not Whoosh's one-letter wildcard, which would leave the word unanalysed (no
    lemma: «Москве?» would never find «Москва») and make it a slow wildcard scan; inside a
    word it stays a wildcard."""
    stripped = word.rstrip("?!.…")
    ending = word[len(stripped) :]
    return stripped if "?" in ending and _WORD.search(stripped) else word


def _misnested(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return True
    return False


def query_fields(language: str, every_script: bool = False) -> dict[str, float]:
    """Fields to search for a query in `language`, with boosts: its own field first, then the
    other fields written in the same script (a Russian query also finds Ukrainian text sharing
    the word), and the catch-all field of the other languages. A query whose names were given
    their other languages' forms (`index.names`) searches every field."""
    own = field_language(language)
    script = language_script(language)
    boosts = {text_field(own): 1.0}
    for other in (*FIELD_LANGUAGES, OTHER):
        name = text_field(other)
        same_script = other == OTHER or language_script(other) == script
        if name not in boosts and (same_script or every_script):
            boosts[name] = SECONDARY_BOOST
    return boosts


def parse(text: str, language: str, schema: Any, names: bool = True) -> ParsedQuery:
    """Parse a cleaned query for `language`; `whoosh` is None when nothing searchable is left
    (only punctuation or common words), with a message saying so. With `names`, gazetteer
    names are also searched as the other languages write them (`index.names`)."""
    cleaned, note = clean(text)
    searched = without_stop_words(cleaned, language)
    expanded, found = expand_names(searched, language) if names else (searched, [])
    boosts = query_fields(language, every_script=bool(found))
    question = text.rstrip().endswith("?")
    result = ParsedQuery(
        text=cleaned,
        fields=list(boosts),
        message=note,
        semantic_text=semantic_text(cleaned, question=question),
    )
    if not _WORD.search(cleaned):
        result.message = Message("no_words")
        return result
    refused = range_syntax(cleaned) or short_pattern(cleaned)
    if refused is not None:
        result.message = refused
        return result
    if not _has_content_words(result.semantic_text, language):
        result.message = Message("common_words")
        return result
    parser = qparser.MultifieldParser(
        list(boosts), schema, fieldboosts=boosts, group=_group(result.semantic_text)
    )
    parser.remove_plugin_class(qparser.FieldsPlugin)
    try:
        parsed = parser.parse(expanded)
    except (QueryParserError, ValueError, IndexError) as err:
        result.message = Message("unreadable_query", reason=str(err))
        return result
    if parsed is None or parsed is query.NullQuery or not list(parsed.leaves()):
        result.message = Message("common_or_punctuation")
        return result
    result.whoosh = parsed
    _collect(parsed, result, negated=False)
    return result


def without_stop_words(text: str, language: str) -> str:
    """The query without the words its own language drops (stop words), outside quotes. Each
    field drops only its own language's stop words, so «в» of «Водоканал в Рязани» would stay
    a required term of the other fields and the keywords would match nothing."""
    analyzer = analyzer_for(field_language(language))
    parts = re.split(r'("[^"]*")', text)
    kept = []
    for part in parts:
        if part.startswith('"') and part.endswith('"') and len(part) > 1:
            kept.append(part)
            continue
        words = [_unstopped(w, analyzer) for w in part.split()]
        words = [w for w in words if w]
        lead = " " if part[:1].isspace() else ""
        trail = " " if part[-1:].isspace() and words else ""
        kept.append(lead + " ".join(words) + trail)
    return " ".join("".join(kept).split(" ")).strip()


def _unstopped(word: str, analyzer: Any) -> str:
    """The word, or only its parentheses when it is a stop word of the query's language."""
    core = word.strip("()")
    if word in _KEPT or not _PLAIN_WORD.fullmatch(core) or any(True for _ in analyzer(core)):
        return word
    return word.replace(core, "", 1)


def _group(words: str) -> Any:
    """Keywords (up to KEYWORDS_AND words) must all match; a longer query is a question, whose
    words rarely all occur in the answer, so any may match and blocks with more of them rank
    first (Whoosh's OR with a coordination bonus). Explicit AND / OR / NOT still apply."""
    if len(words.split()) <= KEYWORDS_AND:
        return qparser.AndGroup
    return qparser.OrGroup.factory(0.9)


def _has_content_words(text: str, language: str) -> bool:
    """False when the query's own language drops every word (stop words only)."""
    analyzer = analyzer_for(field_language(language))
    return any(True for _ in analyzer(text.replace("*", " ").replace("?", " ")))


def _collect(node: Any, result: ParsedQuery, negated: bool) -> None:
    """Gather highlight terms (outside NOT) and the NOT parts themselves."""
    if isinstance(node, query.Not):
        result.negated = (
            node.query if result.negated is None else query.Or([result.negated, node.query])
        )
        return
    if isinstance(node, query.AndNot):
        _collect(node.a, result, negated)
        result.negated = node.b if result.negated is None else query.Or([result.negated, node.b])
        return
    if isinstance(node, query.Prefix | query.Wildcard):
        prefix = node.text.split("*")[0].split("?")[0]
        result.prefixes.setdefault(node.fieldname, set()).add(prefix)
        return
    if isinstance(node, query.Term):
        result.terms.setdefault(node.fieldname, set()).add(node.text)
        return
    if isinstance(node, query.Phrase):
        result.terms.setdefault(node.fieldname, set()).update(node.words)
        return
    for child in node.children() if node.is_leaf() is False else ():
        _collect(child, result, negated)


def semantic_text(text: str, question: bool = False) -> str:
    """The query as plain words for the embedding model: no operators, quotes, stars, NOT parts;
    a question keeps its closing question mark, which the word search drops: e5 reads questions
    with it (without it, 5 more of 271 Russian questions and 2 more English ones missed their
    answer at the top in bench/hard_retrieval.py)."""
    words = []
    skip = False
    for word in text.replace("(", " ").replace(")", " ").split():
        if word in ("NOT", "ANDNOT"):
            skip = True
            continue
        if skip:
            skip = False
            continue
        if word in ("AND", "OR"):
            continue
        words.append(word.strip('"*?'))
    plain = " ".join(w for w in words if w)
    return f"{plain}?" if question and plain else plain

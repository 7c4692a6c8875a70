"""The one place that imports Whoosh, with its import-time warnings silenced.

Whoosh 2.7.4 predates Python 3.11: compiling it emits SyntaxWarnings and DeprecationWarnings
(invalid escape sequences, `is` with a literal). Tests run with warnings as errors, so every
Whoosh module `index/` uses is imported here once, inside a filter that covers only this import.
The rest of `index/` imports Whoosh names from this module, which keeps the engine behind one
seam should another engine replace it.
"""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", SyntaxWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    from whoosh import analysis, fields, highlight, qparser, query, sorting
    from whoosh import index as whoosh_index
    from whoosh.codec import whoosh3  # noqa: F401 - compiled here, loaded lazily by Whoosh
    from whoosh.index import LockError
    from whoosh.lang import porter2, snowball, stemmer_for_language  # noqa: F401
    from whoosh.qparser import QueryParserError
    from whoosh.searching import Searcher

__all__ = [
    "LockError",
    "QueryParserError",
    "Searcher",
    "analysis",
    "fields",
    "highlight",
    "qparser",
    "query",
    "sorting",
    "stemmer_for_language",
    "whoosh_index",
]

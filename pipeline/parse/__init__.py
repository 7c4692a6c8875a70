"""Parsers, one per format, chosen by score: magic bytes, then media type, then extension.

The registry (`pipeline.parse.registry`) declares the parsers; a new format is one module and
one line there. The names below are imported lazily (like `pipeline.parse.ocr`'s), so this
package imports nothing until a name is used and no module of it waits on another.
"""

from __future__ import annotations

from pipeline.lazy import lazy_exports

_EXPORTS = {
    "PARSERS": "pipeline.parse.registry",
    "choose_parser": "pipeline.parse.registry",
    "delegate": "pipeline.parse.registry",
    "parse": "pipeline.parse.registry",
    "Parser": "pipeline.parse.base",
    "Source": "pipeline.parse.base",
    "ParseOptions": "pipeline.parse.options",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = sorted(_EXPORTS)

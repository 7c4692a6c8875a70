"""Parsers, one per format, chosen by score: magic bytes, then media type, then extension.

The registry (`pipeline.parse.registry`) declares the parsers; a new format is one module and
one line there. The names below are imported lazily (like `pipeline.parse.ocr`'s), so this
package imports nothing until a name is used and no module of it waits on another.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "PARSERS": "pipeline.parse.registry",
    "choose_parser": "pipeline.parse.registry",
    "delegate": "pipeline.parse.registry",
    "parse": "pipeline.parse.registry",
    "Parser": "pipeline.parse.base",
    "Source": "pipeline.parse.base",
    "ParseOptions": "pipeline.parse.options",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipeline.parse' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)


__all__ = sorted(_EXPORTS)

"""Words that head a part of a document and are never names: the section labels of minutes
(СЛУШАЛИ, ПОСТАНОВИЛИ, РЕШИЛИ, ВЫСТУПИЛИ...) and the names documents give themselves
(ПРОТОКОЛ, ПОВЕСТКА ДНЯ, РЕШЕНИЕ...), in every language the minutes reader and the kind stage
know. Written in capitals at the head of a paragraph they look like an organisation's name to
the model. The words are those modules' own; nothing is declared again here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.kind.words import KAZAKH_TITLE_WORDS, MINUTES_LABELS, OPERATIVE, TITLE_WORDS
from pipeline.minutes.labels import collapse_spaced, match_label

_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@lru_cache(maxsize=1)
def _heading_words() -> re.Pattern[str]:
    words = [w for group in MINUTES_LABELS.values() for w in group]
    words += [w for group in TITLE_WORDS.values() for w in group]
    words += [w for group in KAZAKH_TITLE_WORDS.values() for w in group]
    words += list(OPERATIVE)
    return re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)


def is_section_label(text: str) -> bool:
    """Whether an entity's whole text (numbers and punctuation aside) is a section label or a
    document's name for itself."""
    core = _EDGES.sub("", collapse_spaced(text.strip()))
    if not core:
        return False
    found = match_label(core)
    if found is not None and not found.rest:
        return True
    return _heading_words().fullmatch(core) is not None

"""A document as the kind classifier reads it: its lines, its head, its minutes labels.

The lines are the minutes reader's (`pipeline.minutes.lines`: running heads, footers and notes
left out, list numbers put back, table rows joined), so both stages see one text. The head is
the first `HEAD_LINES` lines outside tables: a PDF may put a table before the title, and the
title is what a document is first of all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from corpus.model import Document
from pipeline.kind import words
from pipeline.minutes.labels import match_label
from pipeline.minutes.lines import document_lines

#: lines that make a document's head (titles, addressee, salutation).
HEAD_LINES = 16
#: lines read for structure (labels, clauses); a long transcript is not read to its end.
BODY_LINES = 400
#: lines at the end read for a letter's closing.
TAIL_LINES = 30
_NUMBERED = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+(?=\S)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class TextLine:
    """One line of the document: its text and what its shape says."""

    text: str
    heading: bool = False
    table: bool = False
    numbered: bool = False
    #: the minutes label the line starts with (see `minutes_label`), if any.
    label: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def upper(self) -> bool:
        """Written in capitals («ПРОТОКОЛ № 12», "AGENDA")."""
        return any(ch.isalpha() for ch in self.text) and self.text.upper() == self.text

    @property
    def body(self) -> str:
        """The text after an item number ("3. Adoption of the agenda" → "Adoption of…")."""
        return _NUMBERED.sub("", self.text, count=1)


@dataclass
class Reading:
    """What the evidence functions read: all lines, the head, and the minutes labels found."""

    lines: list[TextLine]
    head: list[TextLine]
    labels: set[str] = field(default_factory=set)

    @property
    def body(self) -> list[TextLine]:
        return self.lines[:BODY_LINES]

    @property
    def tail(self) -> list[TextLine]:
        return self.lines[-TAIL_LINES:]


def read(document: Document) -> Reading:
    """The document's lines, head and minutes labels."""
    texts = [line for line in document_lines(document) if line.text.strip()]
    lines = [TextLine(line.text.strip(), line.heading, line.table,
                      bool(_NUMBERED.match(line.text.strip())),
                      minutes_label(line.text.strip()) if n < BODY_LINES else None)
             for n, line in enumerate(texts)]
    head = [line for line in lines if not line.table][:HEAD_LINES]
    return Reading(lines, head, {line.label for line in lines if line.label})


def minutes_label(text: str) -> str | None:
    """The minutes label a line starts with (the reader's for ru, uk, en; ours for be, kk)."""
    found = match_label(text)
    if found is not None:
        return found.label.value
    for label, pattern in _LABELS:
        match = pattern.match(text)
        if match and (match.group(0).strip().isupper() or text[match.end():].lstrip()[:1] in
                      (":", "—", "–", "-", "")):
            return label
    return None


def plain_words(text: str) -> bool:
    """Whether `text` is only words (no numbers, no punctuation)."""
    return all(_WORD.fullmatch(token) for token in text.split())


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """A pattern of `words`, compiled once, case-insensitive."""
    return re.compile(pattern, re.IGNORECASE)


def any_of(patterns: tuple[str, ...]) -> str:
    """One alternation of several patterns, as whole words."""
    return r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])"


_LABELS = [(label, re.compile(r"(?:\d{1,3}[.)]\s*)?" + any_of(patterns), re.IGNORECASE))
           for label, patterns in words.MINUTES_LABELS.items()]

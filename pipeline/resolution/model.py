"""What a draft resolution is made of: decisions with their sources, language versions of a
meeting's minutes, and the report of what was written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.model import Document, Vote

#: translate(texts, source, target) -> one result per text: a string, or an object with `.text`.
Translate = Callable[[list[str], str, str], Sequence[Any]]
ADOPTED, REJECTED, UNRECORDED = "adopted", "rejected", "unrecorded"



@dataclass
class DraftDecision:
    """A decision as the draft needs it, with where it came from."""

    item_number: str | None
    item_title: str
    text: str
    vote: Vote | None
    status: str
    source: str


@dataclass
class Version:
    """One minutes document: its language and its decisions in agenda order."""

    document: Document
    language: str
    decisions: list[DraftDecision]


@dataclass
class Draft:
    """What a resolution is compiled from: the session and its sets of minutes, each set a
    list of language versions."""

    key: str
    number: str | None
    date: str | None
    place: str | None
    city: str | None
    groups: list[list[Version]] = field(default_factory=list)


@dataclass
class ResolutionReport:
    """What was written: counts per kind and the decisions left untranslated per language."""

    path: Path
    languages: list[str]
    documents: list[str]
    adopted: int
    not_adopted: int
    untranslated: dict[str, int]
    #: the meeting key the draft is of ("2025-04-09 #12")
    meeting: str | None = None


@dataclass
class SectionText:
    """A decision as one section shows it: texts in the section's language, or None where no
    translation is available (the writer then marks the original)."""

    decision: DraftDecision
    text: str | None
    item_title: str | None

"""A document's kind from its own text: the evidence of `pipeline.kind.evidence`, added up.

The kind with the most evidence wins when it has at least `MIN_SCORE` (one clear title, or a
salutation with a closing, or two minutes labels…); below that the document stays "other". A
tie goes to the kind named first in `words.FOUND_KINDS`.

Minutes and the minutes reader: whether the minutes stage would read the document
(`looks_like_minutes`) is itself evidence for minutes, beside the labels, so a document the
reader recognises is classified minutes unless a title and structure of another kind outweigh
it (an English agenda whose items say "Presentation:" and "Discussion:" reads like minutes to
the reader, but its AGENDA title, numbered items and lack of any decision or vote make it an
agenda).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.model import Document
from pipeline.kind import evidence, words
from pipeline.kind.evidence import Evidence
from pipeline.kind.reading import read
from pipeline.minutes.stage import looks_like_minutes

MIN_SCORE = 1.0


@dataclass
class Verdict:
    """The kind found, every kind's score, and the evidence behind them."""

    kind: str
    scores: dict[str, float]
    evidence: list[Evidence] = field(default_factory=list)

    def reasons(self, kind: str | None = None) -> list[str]:
        """Why: the evidence for `kind` (the kind found by default), weightiest first."""
        wanted = kind or self.kind
        chosen = sorted((e for e in self.evidence if e.kind == wanted), key=lambda e: -e.weight)
        return [f"{e.reason} ({e.weight:.2f})" for e in chosen]


def classify(document: Document) -> Verdict:
    """The kind the document's text shows (see the module's docstring)."""
    reading = read(document)
    found = [
        *evidence.titles(reading),
        *evidence.minutes(reading, looks_like_minutes(document)),
        *evidence.resolution(reading),
        *evidence.letter(reading),
        *evidence.report(reading),
        *evidence.agenda(reading),
    ]
    scores = {kind: round(sum(e.weight for e in found if e.kind == kind), 3)
              for kind in words.FOUND_KINDS}
    best = max(words.FOUND_KINDS, key=lambda k: (scores[k], -words.FOUND_KINDS.index(k)))
    return Verdict(best if scores[best] >= MIN_SCORE else words.OTHER, scores, found)


def classify_text(text: str, language: str = "und") -> Verdict:
    """The kind of a plain text, one paragraph a line (for tests and quick looks)."""
    document = Document(id="0" * 64, source_name="text.txt", media_type="text/plain",
                        language=language)
    for line in text.splitlines():
        if line.strip():
            document.add_block("paragraph", line.strip())
    return classify(document)

"""The `kind` stage: sets a document's kind from its text (see `pipeline.kind.classify`).

It runs after `language` and before `minutes`. A kind is set only when no one has said more
than the default: a kind the user gave (`ingest --kind`, recorded as the `KIND_GIVEN`
property, "other" included) always wins, and so does minutes structure already read. On a
re-run (a new version of this stage) a kind this stage set before (`KIND_FOUND`) is found
again. The kind found and the evidence for it are kept in the document's properties.

A document classified "minutes" is read by the minutes stage that follows; one the minutes
reader recognises but the evidence calls another kind (an agenda, a report) is left as that
kind, and the minutes stage passes it by.
"""

from __future__ import annotations

from corpus.model import KIND_GIVEN, Document
from pipeline.kind.classify import classify
from pipeline.settings import Settings
from pipeline.stages import register_stage

#: bump when the kind found for the same text may change.
VERSION = "1"
#: the document properties this stage writes: the kind it found, and why.
KIND_FOUND = "kind_found"
KIND_EVIDENCE = "kind_evidence"
_REASONS_KEPT = 5


class KindStage:
    """The stage object: `name`, `version`, `run(document) -> document`."""

    name = "kind"
    version = VERSION

    def run(self, document: Document) -> Document:
        if may_classify(document):
            verdict = classify(document)
            document.kind = verdict.kind
            document.properties[KIND_FOUND] = verdict.kind
            document.properties[KIND_EVIDENCE] = verdict.reasons()[:_REASONS_KEPT]
        return document


@register_stage("kind")
def make_stage(settings: Settings) -> KindStage:
    """The stage needs no settings and no model."""
    return KindStage()


def may_classify(document: Document) -> bool:
    """Whether the kind is still ours to set: not given by the user, and the default "other"
    or what this stage found before (minutes already read stay minutes)."""
    if document.properties.get(KIND_GIVEN):
        return False
    if document.kind == "other":
        return True
    return document.kind == document.properties.get(KIND_FOUND) and document.minutes is None


__all__ = ["KIND_EVIDENCE", "KIND_FOUND", "VERSION", "KindStage", "make_stage", "may_classify"]

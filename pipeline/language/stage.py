"""The `language` stage: labels every block and the document with a language (see `detect`)."""

from __future__ import annotations

from corpus.model import Document
from pipeline.language.detect import identifier, label_blocks
from pipeline.settings import Settings
from pipeline.stages import register_stage


class LanguageStage:
    """Labels every block and the document with a language code (or `und`)."""

    name = "language"
    version = "3"

    def warm(self) -> None:
        """Load py3langid's model now (a batch worker calls this when it starts)."""
        identifier()

    def run(self, document: Document) -> Document:
        document.language = label_blocks(document.blocks)
        return document


@register_stage("language")
def language_stage(settings: Settings) -> LanguageStage:
    """The stage needs no settings; py3langid loads on first use, once per process."""
    return LanguageStage()

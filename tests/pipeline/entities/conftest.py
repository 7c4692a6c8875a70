"""Fixtures of the entity tests: the stage, loaded once per module, and a document run through
the language and entities stages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corpus.model import Document
from pipeline.entities.stage import EntitiesStage
from pipeline.language.stage import LanguageStage


@pytest.fixture(scope="module")
def stage() -> EntitiesStage:
    return EntitiesStage()


@pytest.fixture
def analyse(document: Callable[..., Document], stage: EntitiesStage) -> Callable[..., Document]:
    """Run the language and entities stages on a document made of the given blocks."""

    def run(*texts: str) -> Document:
        doc = document(*texts)
        stage.run(LanguageStage().run(doc))
        return doc

    return run

"""Every row of the correction table is proved on a real engine translation of its example."""

from __future__ import annotations

import pytest
from translate_fixtures import needs_apertium

from pipeline.translate.apertium import ApertiumEngine
from pipeline.translate.glossary import Glossary, fold
from pipeline.translate.postedit import PostEdit
from pipeline.translate.router import Router
from pipeline.translate.service import SegmentTranslator

TABLE = PostEdit.load()


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ApertiumEngine:
    needs_apertium()
    return ApertiumEngine(tmp_path_factory.mktemp("apertium"), marks=True)


@pytest.mark.parametrize(
    "row", TABLE.corrections, ids=[f"{c.source}-{c.target}:{c.wrong}" for c in TABLE.corrections]
)
def test_each_correction(engine: ApertiumEngine, row) -> None:  # type: ignore[no-untyped-def]
    raw = engine.translate([row.example], row.source, row.target)[0]
    assert fold(row.wrong) in fold(raw.replace("*", "").replace("#", "").replace("@", ""))
    [out] = SegmentTranslator(Router([engine]), Glossary.load()).translate(
        [row.example], row.source, row.target
    )
    assert fold(row.right) in fold(out.text)
    assert fold(row.wrong) not in fold(out.text)


def test_case_follows_the_sentence() -> None:
    table = PostEdit.load()
    assert table.apply("#котрий #Головувати відкрив засідання.", "ru", "uk") == (
        "Головуючий відкрив засідання."
    )
    assert table.apply("Інформацію прийняти *к зведенню.", "ru", "uk") == (
        "Інформацію прийняти до відома."
    )
    assert table.apply("Інформацію прийняти *к зведенню.", "ru", "be") == (
        "Інформацію прийняти *к зведенню."
    )

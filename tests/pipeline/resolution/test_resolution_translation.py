"""The resolution through the archive's real translation layer: Apertium for ru→uk with the
assembly's glossary enforced, and a language with no engine installed marked, never dropped."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from corpus.model import Document
from corpus.store import Store
from pipeline.resolution.compile import compile_draft
from pipeline.resolution.write import write_resolution
from pipeline.settings import load_settings
from pipeline.wiring import translator_for

GLOSSARY_DECISION = "Направить информацию в адрес Международной ассамблеи столиц и крупных городов."


def needs_apertium() -> None:
    if shutil.which("apertium") is None or not Path("/usr/share/apertium/modes").is_dir():
        pytest.skip("Apertium is not installed (apt-get install apertium apertium-rus-ukr)")


def test_ukrainian_section_through_apertium_with_the_glossary(
        minutes_set: dict[str, Path], read_file: Callable[[Path], Document],
        tmp_path: Path) -> None:
    needs_apertium()
    document = read_file(minutes_set["ru_classic.docx"])
    assert document.minutes is not None
    document.minutes.agenda[0].decisions[0].text = GLOSSARY_DECISION
    settings = load_settings(data=tmp_path / "data")
    out = tmp_path / "resolution.docx"
    with Store(settings.data) as store:
        translate = translator_for(settings, store)
        report = write_resolution(compile_draft([document], "2025-06-18 #14"),
                                  ["ru", "uk", "en"], out, translate)
    assert (report.adopted, report.not_adopted) == (5, 0)
    assert report.untranslated == {"ru": 0, "uk": 0, "en": 5}
    numbered = [p.text for p in docx.Document(str(out)).paragraphs
                if p.style is not None and p.style.name == "List Number"]
    assert len(numbered) == 15
    assert numbered[0] == GLOSSARY_DECISION
    assert "Міжнародної асамблеї столиць і великих міст" in numbered[5]
    assert all(not text.startswith("[") for text in numbered[5:10])
    assert numbered[10:] == [f"[no translation available] {text}" for text in numbered[:5]]

"""Helpers shared by the translation tests (a uniquely named module: conftest names clash)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.model import Document

#: training text for the tiny packages' sentencepiece models: both scripts, the glossary terms.
TRAINING = [
    "Международная ассамблея столиц и крупных городов провела заседание в Москве.",
    "Совет ассамблеи одобрил план сотрудничества городов на следующий год.",
    "Потери воды в городских сетях снизились на двенадцать процентов.",
    "Делегация предложила общую программу обмена специалистами.",
    "Астана және Алматы қалалары ынтымақтастық туралы келісімге қол қойды.",
    "Қалалық кеңес көлік бағдарламасын бекітті.",
    "The International Assembly of Capitals and Large Cities met in Moscow.",
    "The council approved the plan of cooperation between the cities.",
    "Water losses in the city networks fell by twelve percent.",
    "The delegation proposed a joint programme for exchanging specialists.",
] * 3

DOC_ID = "cd" * 32


def make_document(*blocks: tuple[str, str], language: str = "ru", doc_id: str = DOC_ID) -> Document:
    """A document of (kind, text) blocks in one language, as the parse and language stages
    would leave it."""
    document = Document(
        id=doc_id,
        source_name="report_ru.docx",
        media_type="application/docx",
        kind="report",
        title="Доклад",
        language=language,
        status="ok",
    )
    for n, (kind, text) in enumerate(blocks, start=1):
        document.add_block(
            kind, text, paragraph=n, language=language, level=1 if kind == "heading" else None
        )
    return document


def needs_apertium() -> None:
    """Skip a test that needs the real Apertium engine when it is not installed."""
    if shutil.which("apertium") is None or not Path("/usr/share/apertium/modes").is_dir():
        pytest.skip("Apertium is not installed (apt-get install apertium apertium-rus-ukr)")

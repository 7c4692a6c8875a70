"""An archive for the editors' desk tests: the access archive (access_fixtures.py) with a
decision translated into Ukrainian by the real Apertium engine, one segment clean and two
flagged (a word left in Russian, a repeated word), and a later document repeating one of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from access_fixtures import build_access

from corpus.model import Document
from corpus.store import Store
from index.build import add_document
from pipeline.cli import main

OPENED = "Заседание открыто."
OBLIGE = "Обязать муниципалитеты предоставить сведения."
TWICE = "Совет Совет решил."
FIXED = "Зобов'язати муніципалітети надати відомості."
DECISION = "ab" * 32
LATER = "ef" * 32
HEARD = "Заслушав и обсудив информацию, Совет постановил."
AUTUMN = "cd" * 32
#: the session of AUTUMN, a document of its own with one flagged segment.
AUTUMN_SESSION = "2024-осень"


def _document(doc_id: str, name: str, *texts: str, session: str = "2024-весна") -> Document:
    document = Document(doc_id, name, "docx", kind="resolution", title="Решение Совета",
                        language="ru", session=session, status="ok")
    for n, text in enumerate(texts, start=1):
        document.add_block("paragraph", text, language="ru", paragraph=n)
    return document


def build_desk(folder: Path) -> tuple[Path, dict[str, str]]:
    """The data folder and the ids of build_access; skips when Apertium is not installed."""
    if shutil.which("apertium") is None or not Path("/usr/share/apertium/modes").is_dir():
        pytest.skip("Apertium is not installed (apt-get install apertium apertium-rus-ukr)")
    data, ids = build_access(folder)
    with Store(data) as store:
        for document in (_document(DECISION, "decision_ru.docx", OPENED, OBLIGE, TWICE),
                         _document(LATER, "later_ru.docx", OBLIGE),
                         _document(AUTUMN, "autumn_ru.docx", OPENED, HEARD,
                                   session=AUTUMN_SESSION)):
            store.save_document(document)
            add_document(store, document)
    for doc_id in (DECISION, AUTUMN):
        assert main(["translate", doc_id, "--to", "uk", "--data", str(data)]) == 0
    return data, ids


def block_id(n: int) -> str:
    """The id of the decision's block `n` (0, 1, 2)."""
    return f"{DECISION[:16]}-0000{n}"

"""OCR blocks in the archive: stored with their mark and confidence, shown as such."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.store import Store
from pipeline.cli import main


def _scan(tmp_path: Path) -> Document:
    document = Document(id="a" * 64, source_name="scan.pdf", media_type="application/pdf",
                        pages=2, status="partial")
    document.add_block("paragraph", "Текст из текстового слоя.", page=1, paragraph=1)
    document.add_block("paragraph", "Протокол заседания Совета.", page=2, paragraph=2,
                       ocr=True, confidence=0.934)
    document.add_block("paragraph", "", page=3, needs_ocr=True)
    with Store(tmp_path) as store:
        store.save_document(document)
    return document


def test_ocr_mark_and_confidence_survive_the_store(tmp_path: Path) -> None:
    _scan(tmp_path)
    with Store(tmp_path, readonly=True) as store:
        blocks = store.load_document("a" * 64).blocks
    assert [(b.ocr, b.confidence, b.needs_ocr) for b in blocks] == [
        (False, None, False), (True, 0.934, False), (False, None, True)]


def test_show_marks_ocr_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _scan(tmp_path)
    assert main(["show", "scan.pdf", "--data", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "[p.1 paragraph und] Текст из текстового слоя." in lines
    assert "[p.2 paragraph OCR 93% und] Протокол заседания Совета." in lines
    assert "[p.3 paragraph needs OCR und] " in lines


def test_show_json_has_the_ocr_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _scan(tmp_path)
    assert main(["show", "scan.pdf", "--data", str(tmp_path), "--json"]) == 0
    blocks = json.loads(capsys.readouterr().out)["blocks"]
    assert [(b["ocr"], b["confidence"]) for b in blocks] == [
        (False, None), (True, 0.934), (False, None)]

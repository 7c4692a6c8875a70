"""`sekretar resolution` into a language no engine translates into stops and says how to fix
it; `--allow-untranslated` writes the draft with the decisions marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from corpus.store import Store
from pipeline.cli import main
from pipeline.parse import parse
from pipeline.parse.base import Source


@pytest.fixture
def archive(tmp_path: Path, minutes_set: dict[str, Path]) -> Path:
    data = tmp_path / "data"
    with Store(data) as store:
        document = parse(Source.from_path(minutes_set["ru_tables.docx"]))
        document.finish()
        store.save_document(document)
    assert main(["minutes", "ru_tables.docx", "--data", str(data)]) == 0
    return data


def test_resolution_into_english_without_an_engine(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("apertium") is None:
        pytest.skip("Apertium is not installed")
    capsys.readouterr()
    out = tmp_path / "draft.docx"
    code = main(["resolution", "2025-09-24 #15", "--to", "ru,en", "--out", str(out),
                 "--data", str(archive)])
    message = " ".join(capsys.readouterr().err.split())
    assert code == 1 and not out.exists()
    assert "decision(s) need a en translation and the translation engine for ru-en" in message
    assert "sekretar models install FILE.argosmodel" in message
    assert "--allow-untranslated" in message
    code = main(["resolution", "2025-09-24 #15", "--to", "ru,en", "--out", str(out),
                 "--allow-untranslated", "--data", str(archive)])
    assert code == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("[no translation available]") for t in texts)

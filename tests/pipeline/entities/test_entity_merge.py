"""`sekretar entity merge KEEP ALIAS`: two keys of one person become one, in the store, for
documents analysed later, and in the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.store import Store
from pipeline.cli import main
from pipeline.entities.stage import EntitiesStage
from pipeline.language.stage import LanguageStage


def stored(data: Path, doc_id: str, *texts: str) -> None:
    document = Document(id=doc_id, source_name=f"{doc_id[:4]}.txt", media_type="text/plain")
    for text in texts:
        document.add_block("paragraph", text)
    EntitiesStage().run(LanguageStage().run(document))
    document.finish()
    with Store(data) as store:
        store.save_document(document, stages={"entities": EntitiesStage.version})


def test_merged_keys_stay_merged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored(tmp_path, "12" * 32, "Доклад сделала Анна Петрова.", "Затем выступил И.С. Петров.")
    with Store(tmp_path) as store:
        before = sorted({e["key"] for e in store.entities.in_document("12" * 32)})
    assert before == ["per:petrov-i", "per:petrova-a"]
    assert main(["entity", "merge", "per:petrova-a", "per:petrov-i", "--data", str(tmp_path),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "key": "per:petrova-a", "merged": "per:petrov-i", "mentions": 1}
    stored(tmp_path, "34" * 32, "Вопрос задал Петров И.С.")
    with Store(tmp_path, readonly=True) as store:
        assert {e["key"] for e in store.entities.in_document("12" * 32)} == {"per:petrova-a"}
        assert [e["key"] for e in store.entities.in_document("34" * 32)] == ["per:petrova-a"]
        assert store.entities.resolve("per:petrov-i") == "per:petrova-a"
        assert store.entities.merges() == {"per:petrov-i": "per:petrova-a"}
        [entry] = [e for e in store.audit.entries() if e["command"] == "entity merge"]
    assert (entry["document"], entry["old"], entry["new"]) == (
        "", {"key": "per:petrov-i"}, {"key": "per:petrova-a", "mentions": 1})


def test_merging_an_unknown_key_or_a_key_into_itself_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored(tmp_path, "12" * 32, "Доклад сделала Анна Петрова.")
    assert main(["entity", "merge", "per:petrova-a", "per:nobody", "--data", str(tmp_path)]) != 0
    assert "no entity 'per:nobody'" in capsys.readouterr().err
    assert main(["entity", "merge", "per:petrova-a", "per:petrova-a", "--data",
                 str(tmp_path)]) != 0
    assert "into itself" in capsys.readouterr().err

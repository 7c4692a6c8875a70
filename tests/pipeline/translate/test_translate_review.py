"""Editors' corrections become the memory: review lists, accepts and corrects; approved text
wins in later documents and exports; the memory exports as TMX."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from translate_fixtures import make_document, needs_apertium

from corpus.memory import read_tmx
from corpus.store import Store
from pipeline.cli import main

FLAGGED = "Поручить секретариату обобщить опыт."
ALSO = "Совет слушал информацию и сделал выводы."


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    code = main([*argv, "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)  # type: ignore[no-any-return]


@pytest.fixture
def data(tmp_path: Path) -> str:
    needs_apertium()
    folder = tmp_path / "data"
    with Store(folder) as store:
        store.save_document(make_document(
            ("paragraph", "Заседание открыто."), ("paragraph", FLAGGED), ("paragraph", ALSO)))
        store.save_document(make_document(("paragraph", FLAGGED), doc_id="b" * 64))
    return str(folder)


def test_review_correct_accept_and_reuse(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = "cd" * 8
    run_json(capsys, "translate", first, "--to", "be", "--data", data)
    listed = run_json(capsys, "review", first, "--to", "be", "--data", data)
    assert [(i["source"], i["translation"], i["reason"]) for i in listed["needs_review"]] == [
        (FLAGGED, "Даручыць сакратарыяту обобщить вопыт.", "untranslated:обобщить"),
        (ALSO, "Парада слушал інфармацыю і зрабіў высновы.", "untranslated:слушал"),
    ]
    blocks = [i["block"] for i in listed["needs_review"]]
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(f"block,translation\n{blocks[0]},Даручыць сакратарыяту абагульніць вопыт.\n",
                     "utf-8")
    done = run_json(capsys, "review", first, "--to", "be", "--corrections", str(fixes),
                    "--accept", blocks[1], "--data", data)
    assert (done["approved"], done["needs_review"]) == (2, [])
    run_json(capsys, "translate", "b" * 16, "--to", "be", "--data", data)
    with Store(Path(data), readonly=True) as store:
        later = store.load_document("b" * 64).blocks[0].translation("be")
    assert later is not None
    assert (later.text, later.engine, later.needs_review) == (
        "Даручыць сакратарыяту абагульніць вопыт.", "human", False)
    out = tmp_path / "first_be.docx"
    assert main(["export", first, "--to", "be", "--out", str(out), "--data", data]) == 0
    capsys.readouterr()
    exported = docx.Document(str(out))
    assert [p.text for p in exported.paragraphs][1:] == [
        "Даручыць сакратарыяту абагульніць вопыт.",
        "Парада слушал інфармацыю і зрабіў высновы.",
    ]
    assert list(exported.comments) == []
    tmx = tmp_path / "memory.tmx"
    assert run_json(capsys, "tm", "export", str(tmx), "--approved-only", "--data", data) == {
        "file": str(tmx), "units": 2}
    assert sorted((e.source_text, e.target_text, e.approved) for e in read_tmx(tmx)) == [
        (FLAGGED, "Даручыць сакратарыяту абагульніць вопыт.", True),
        (ALSO, "Парада слушал інфармацыю і зрабіў высновы.", True),
    ]


def test_a_correction_for_an_unknown_block_changes_nothing(
    data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixes = tmp_path / "fixes.csv"
    fixes.write_text("block,translation\nnope,x\n", "utf-8")
    assert main(["review", "cd" * 8, "--to", "be", "--corrections", str(fixes),
                 "--data", data]) == 1
    assert "report_ru.docx: no block nope" in capsys.readouterr().err


def test_accept_all_approves_every_flagged_translation(
    data: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run_json(capsys, "translate", "cd" * 8, "--to", "be", "--data", data)
    done = run_json(capsys, "review", "cd" * 8, "--to", "be", "--accept", "all", "--data", data)
    assert (done["approved"], done["needs_review"]) == (2, [])
    with Store(Path(data), readonly=True) as store:
        assert store.memory.count()["approved"] == 2

"""`sekretar search`, `search --batch`, `reindex` and `check` through the real command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from corpus.store import Store
from index.build import index_path, open_index, writing
from pipeline.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_search_json(archive_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        capsys,
        "search",
        "водоканал",
        "--city",
        "Рязань",
        "--json",
        "--data",
        str(archive_store.data),
    )
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "водоканал" and data["total"] == 1 and data["mode"] == "lexical"
    assert data["hits"][0]["source_name"] == "report_ryazan_water_ru.docx"
    assert data["facets"]["city"] == [{"value": "Рязань", "count": 1}]


def test_search_text_shows_fragments(
    archive_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "search", "Рязань", "--data", str(archive_store.data))
    assert code == 0 and "в **Рязани**" in out and "2 document(s)" in out


def test_bad_filter_is_a_message_not_a_trace(
    archive_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(
        capsys, "search", "Рязань", "--city", "Атлантида", "--data", str(archive_store.data)
    )
    assert code == 0 and "no blocks with city 'Атлантида'" in out


def test_batch_jsonl_and_csv(
    archive_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("водоканал\n\nавтобус*\n", "utf-8")
    code, out = run(
        capsys, "search", "--batch", str(queries), "--json", "--data", str(archive_store.data)
    )
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [x["query"] for x in lines] == ["водоканал", "автобус*"]
    table = tmp_path / "queries.csv"
    table.write_text("query,owner\nРязань,secretariat\n", "utf-8")
    code, out = run(capsys, "search", "--batch", str(table), "--data", str(archive_store.data))
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["query", "rank", "document"]
    assert [r[0] for r in rows[1:]] == ["Рязань", "Рязань"]


@pytest.fixture
def no_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture archive was stored without analysis stages: check only the index here."""
    monkeypatch.setenv("SEKRETAR_STAGES", "")


def test_reindex_and_check(
    archive_store: Store, capsys: pytest.CaptureFixture[str], no_stages: None
) -> None:
    data = str(archive_store.data)
    assert run(capsys, "check", "--data", data)[0] == 0
    shutil.rmtree(index_path(archive_store))
    code, out = run(capsys, "check", "--data", data)
    assert code == 1 and "index is missing" in out
    code, out = run(capsys, "reindex", "--json", "--data", data)
    assert code == 0 and json.loads(out) == {"documents": 4, "blocks": 7}
    assert run(capsys, "check", "--data", data)[0] == 0


def test_check_repair(
    archive_store: Store, capsys: pytest.CaptureFixture[str], no_stages: None
) -> None:
    data = str(archive_store.data)
    with writing(open_index(index_path(archive_store))) as writer:
        writer.delete_by_term("doc_id", archive_store.resolve("report_kyiv_uk.docx"))
    code, out = run(capsys, "check", "--json", "--data", data)
    assert code == 1 and json.loads(out)["index_problems"]
    code, out = run(capsys, "check", "--repair", "--data", data)
    assert code == 0 and "repaired the index of 1 document" in out


def test_check_finds_a_changed_source_file(
    archive_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = archive_store.file_path(archive_store.resolve("report_kyiv_uk.docx"))
    kept.write_bytes(b"tampered")
    code, out = run(capsys, "check", "--data", str(archive_store.data))
    assert code == 1 and "report_kyiv_uk.docx: kept source file has changed" in out


def test_search_text_names_a_hit_s_city_in_the_query_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from corpus.model import Document
    from index.build import add_document

    store = Store(tmp_path / "data")
    doc = Document(id="e" * 64, source_name="minutes_moscow.docx", media_type="docx",
                   kind="minutes", language="ru", city="city:moscow", status="ok")
    doc.add_block("paragraph", "Водоснабжение столицы обсудили на заседании.", language="ru")
    store.save_document(doc)
    add_document(store, doc)
    store.close()
    code, out = run(capsys, "search", "водоснабжение", "--data", str(tmp_path / "data"))
    assert code == 0 and "minutes_moscow.docx · minutes · Москва" in out
    assert "city:moscow" not in out
    code, out = run(capsys, "search", "водоснабжение", "--json", "--data", str(tmp_path / "data"))
    assert json.loads(out)["hits"][0]["city"] == "city:moscow"  # JSON keeps the key

"""The kind stage in a real ingest: the samples get their kinds, `search --kind report` finds
the Ryazan report, `--kind` given by the user wins, and the stage's version is recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kinds_fixtures import SAMPLES, ingest

from corpus.store import Store
from pipeline.cli import main
from pipeline.kind.stage import KIND_FOUND, VERSION

#: the samples' kinds, as a reader of them says (the Bishkek note asks the Secretariat for the
#: delegations' lists under an outgoing number, with a contact person: a letter).
SAMPLE_KINDS = {
    "report_ryazan_water_ru.docx": "report",
    "minutes_session_ru.docx": "minutes",
    "report_kyiv_tourism_uk.docx": "report",
    "report_minsk_informatization_ru.pdf": "report",
    "report_astana_cooperation_en.pdf": "report",
    "note_bishkek_cp1251.txt": "letter",
}


def stored_kinds(data: Path) -> dict[str, str]:
    with Store(data, readonly=True) as store:
        return {name: store.load_document(store.resolve(name)).kind for name in SAMPLE_KINDS}


def test_every_sample_gets_its_kind(samples_data: Path) -> None:
    assert stored_kinds(samples_data) == SAMPLE_KINDS


def test_the_minutes_sample_is_still_read_as_minutes(samples_data: Path) -> None:
    with Store(samples_data, readonly=True) as store:
        minutes = store.load_document(store.resolve("minutes_session_ru.docx"))
        report = store.load_document(store.resolve("report_ryazan_water_ru.docx"))
    assert minutes.minutes is not None and len(minutes.minutes.agenda) == 3
    assert minutes.session == "2025-04-09 #12"
    assert report.minutes is None and report.problems == []


def test_the_stage_version_and_the_evidence_are_recorded(samples_data: Path) -> None:
    with Store(samples_data, readonly=True) as store:
        document_id = store.resolve("report_ryazan_water_ru.docx")
        versions = store.stage_versions(document_id)
        properties = store.load_document(document_id).properties
    assert versions["kind"] == VERSION
    assert properties[KIND_FOUND] == "report"
    assert properties["kind_evidence"][0].startswith("title «Доклад администрации города Рязани")


def test_search_for_reports_finds_the_ryazan_report(
        samples_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["search", "водокан*", "--kind", "report", "--data", str(samples_data),
                 "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [hit["source_name"] for hit in answer["hits"]] == ["report_ryazan_water_ru.docx"]
    assert answer["facets"]["kind"] == [{"value": "report", "count": 1}]


def test_search_takes_the_new_kinds_as_filters(
        samples_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["search", "семинар*", "--kind", "letter", "--data", str(samples_data),
                 "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [hit["source_name"] for hit in answer["hits"]] == ["note_bishkek_cp1251.txt"]
    assert main(["search", "семинар*", "--kind", "agenda", "--data", str(samples_data),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"] == []


def test_the_kind_given_on_the_command_line_wins(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ingest(data, SAMPLES / "minutes_session_ru.docx", kind="report")
    ingest(data, SAMPLES / "report_ryazan_water_ru.docx", kind="other")
    ingest(data, SAMPLES / "note_bishkek_cp1251.txt", kind="agenda")
    with Store(data, readonly=True) as store:
        found = {name: store.load_document(store.resolve(name)) for name in (
            "minutes_session_ru.docx", "report_ryazan_water_ru.docx", "note_bishkek_cp1251.txt")}
    assert {name: d.kind for name, d in found.items()} == {
        "minutes_session_ru.docx": "report", "report_ryazan_water_ru.docx": "other",
        "note_bishkek_cp1251.txt": "agenda"}
    assert found["minutes_session_ru.docx"].minutes is None
    assert all(KIND_FOUND not in d.properties for d in found.values())


def test_an_archive_made_before_the_stage_gets_its_kinds_on_the_next_ingest(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    ingest(data, SAMPLES, stages="language,minutes")
    assert set(stored_kinds(data).values()) == {"other", "minutes"}
    report = ingest(data, SAMPLES)
    assert report["counts"] == {"ok": 6, "partial": 0, "failed": 0, "unchanged": 0}
    assert stored_kinds(data) == SAMPLE_KINDS


def test_an_unknown_kind_is_refused_with_the_known_ones(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path), "--kind", "poem", "--data", str(tmp_path)]) == 2
    err = " ".join(capsys.readouterr().err.replace("│", " ").split())
    assert "--kind: must be one of report, minutes, agenda, resolution, letter, other" in err

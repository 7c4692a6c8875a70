"""`sekretar settings` reports each setting's value and source; option help comes from the
declaration."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.cli import main
from pipeline.settings import SETTINGS


@pytest.fixture(autouse=True)
def _no_settings_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for declared in SETTINGS:
        monkeypatch.delenv(declared.env, raising=False)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, object]]:
    assert main(["settings", "--json", *args]) == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_json_source_is_environment_for_a_variable_set(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SEKRETAR_WORKERS", "3")
    rows = run_json(capsys)
    assert list(rows) == [s.name for s in SETTINGS]
    assert rows["workers"] == {
        "name": "workers", "value": 3, "default": 0, "source": "environment",
        "env": "SEKRETAR_WORKERS", "help": "worker processes for a batch; 0 means one per core"}
    assert {name for name, row in rows.items() if row["source"] != "default"} == {"workers"}
    assert rows["deadline"]["value"] == 120.0


def test_json_source_is_flag_for_set_and_data(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SEKRETAR_DEADLINE", "60")
    rows = run_json(capsys, "--set", "deadline=300", "--set", "stages=language",
                    "--data", "/srv/archive")
    assert {n: (r["value"], r["source"]) for n, r in rows.items() if r["source"] != "default"} == {
        "deadline": (300.0, "flag"), "stages": (["language"], "flag"),
        "data": ("/srv/archive", "flag")}


def test_text_shows_value_source_and_help(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SEKRETAR_TARGETS", "uk,kk")
    assert main(["settings"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("targets = uk,kk  (environment; default ru,installed)")
    assert lines[at + 1] == ("    languages every block is translated into; 'installed' adds each "
                             "language an installed engine translates the block's language "
                             "into; env SEKRETAR_TARGETS")
    assert "memory_mb = 2048  (default)" in lines


@pytest.mark.parametrize(("args", "message"), [
    (["--set", "deadline"], "error: --set takes NAME=VALUE, got 'deadline'"),
    (["--set", "colour=red"], "error: unknown setting 'colour'"),
    (["--set", "workers=all"], "error: setting workers must be a int, got 'all'"),
])
def test_bad_assignment_is_a_config_error(args: list[str], message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", *args]) == 2
    assert capsys.readouterr().err.strip() == message


def test_ingest_help_shows_the_declared_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--help"]) == 0
    text = " ".join(re.sub(r"[│╭╮╰╯─]", " ", capsys.readouterr().out).split())
    assert ("--deadline <float> seconds one file may take before it is stopped and failed "
            "(env SEKRETAR_DEADLINE; default 120)") in text
    assert "memory cap of a worker process in MB (env SEKRETAR_MEMORY_MB; default 2048)" in text

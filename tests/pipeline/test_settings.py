"""Each setting is declared once, as a `Settings` field; the table, the environment names and the
conversion of strings all follow from that declaration."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from corpus.errors import ConfigError
from pipeline.embed import models
from pipeline.settings import (
    DEFAULTS,
    SETTINGS,
    Settings,
    describe_settings,
    load_settings,
    setting_sources,
    shown,
)


def test_every_field_is_declared_with_help() -> None:
    assert [f.name for f in fields(Settings) if not f.metadata.get("help")] == []
    assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)]
    assert {s.name: s.default for s in SETTINGS} == {f.name: getattr(DEFAULTS, f.name)
                                                     for f in fields(Settings)}


def test_the_table_is_derived_from_the_fields() -> None:
    deadline = next(s for s in SETTINGS if s.name == "deadline")
    assert (deadline.kind, deadline.default, deadline.env) == (float, 120.0, "SEKRETAR_DEADLINE")
    assert deadline.help == "seconds one file may take before it is stopped and failed"
    assert {s.name: s.kind for s in SETTINGS if s.kind not in (int, float, str)} == {
        "data": Path, "stages": tuple, "targets": tuple, "embedding": bool, "ocr": bool}


@pytest.mark.parametrize(("name", "text", "value"), [
    ("data", "/srv/archive", Path("/srv/archive")),
    ("workers", "4", 4),
    ("deadline", "30.5", 30.5),
    ("stages", " language, embed ,", ("language", "embed")),
    ("targets", "", ()),
    ("embedding", "no", False),
    ("ocr", " On ", True),
    ("ocr", "0", False),
    ("device", "cuda", "cuda"),
])
def test_environment_value_is_converted_to_the_declared_type(name: str, text: str,
                                                             value: Any) -> None:
    settings = load_settings(environ={f"SEKRETAR_{name.upper()}": text})
    assert getattr(settings, name) == value
    assert type(getattr(settings, name)) is type(value)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("workers", "many", "setting workers must be a int, got 'many'"),
    ("deadline", "soon", "setting deadline must be a float, got 'soon'"),
    ("ocr_dpi", "300dpi", "setting ocr_dpi must be a int, got '300dpi'"),
])
def test_invalid_value_is_a_config_error_naming_the_setting(name: str, text: str,
                                                            message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={f"SEKRETAR_{name.upper()}": text})
    assert str(caught.value) == message


def test_unknown_setting_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings().with_overrides(colour="red")
    assert str(caught.value) == "unknown setting 'colour'"


def test_flag_overrides_environment_and_none_keeps_it() -> None:
    environ = {"SEKRETAR_WORKERS": "4", "SEKRETAR_TARGETS": "uk"}
    settings = load_settings(environ=environ, workers=6, targets=None)
    assert (settings.workers, settings.targets, settings.deadline) == (6, ("uk",), 120.0)
    assert setting_sources(environ, workers=6, targets=None) == {
        s.name: {"workers": "flag", "targets": "environment"}.get(s.name, "default")
        for s in SETTINGS}


def test_describe_gives_plain_json_values() -> None:
    rows = {row["name"]: row for row in describe_settings({"SEKRETAR_TARGETS": "kk,ru"},
                                                          data=Path("/srv/a"))}
    assert rows["targets"] == {
        "name": "targets", "value": ["kk", "ru"], "default": ["ru", "installed"],
        "source": "environment", "env": "SEKRETAR_TARGETS",
        "help": "languages every block is translated into; 'installed' adds each language an "
                "installed engine translates the block's language into"}
    assert (rows["data"]["value"], rows["data"]["source"]) == ("/srv/a", "flag")
    assert (rows["ocr"]["value"], rows["ocr"]["source"]) == (True, "default")


def test_values_are_shown_as_the_environment_writes_them() -> None:
    assert [shown(v) for v in (("ru", "en"), True, 120.0, 0.5, 2048, Path("a"), "")] == [
        "ru,en", "true", "120", "0.5", "2048", "a", ""]


def test_module_constants_read_the_declaration() -> None:
    assert (models.DEFAULT_MODEL, models.DEFAULT_MAX_TOKENS) == ("e5-small", 0)
    assert (models.DEFAULT_MODEL, models.DEFAULT_MAX_TOKENS) == (
        Settings().embed_model, Settings().embed_max_tokens)

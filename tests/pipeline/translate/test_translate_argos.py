"""argos packages installed from path and used through argostranslate's own classes, offline."""

from __future__ import annotations

import json
import os
import socket
import zipfile
from pathlib import Path

import pytest

from corpus.errors import InputError, ModelMissing
from pipeline.translate.argos import (
    ArgosEngine,
    install_package,
    installed_packages,
    remove_package,
)
from pipeline.translate.sentences import RazdelSentencizer, RuleSentencizer

RU = [
    "Совет ассамблеи одобрил план. Делегация предложила программу.",
    "Потери воды снизились.\nВторой абзац блока.",
    "Город",
    "",
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: argos must never reach the index."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_install_from_path_lands_in_the_models_folder(
    models: Path, package_files: dict[str, Path]
) -> None:
    info = install_package(models, package_files["ru-en"])
    assert (info.source, info.target, info.version, info.name) == (
        "ru",
        "en",
        "1.0",
        "translate-ru_en",
    )
    assert info.path == models / "translate-ru_en"
    assert (info.path / "model" / "model.bin").is_file()
    assert os.environ["ARGOS_PACKAGES_DIR"] == str(models)
    assert installed_packages(models) == [info]


def test_translating_through_argos_objects_keeps_segments_and_paragraphs(
    models: Path, package_files: dict[str, Path]
) -> None:
    install_package(models, package_files["ru-en"])
    engine = ArgosEngine(models, threads=1, beam_size=2)
    out = engine.translate(RU, "ru", "en")
    assert len(out) == 4
    assert all(text.strip() for text in out[:3])
    assert out[3] == ""
    assert out[1].count("\n") == 1 and all(p.strip() for p in out[1].split("\n"))
    assert engine.translate(RU, "ru", "en") == out  # deterministic
    translation = engine.translation("ru", "en")
    assert type(translation).__module__ == "argostranslate.translate"
    assert isinstance(translation.sentencizer, RazdelSentencizer)


def test_our_batching_gives_what_argos_gives_text_by_text(
    models: Path, package_files: dict[str, Path]
) -> None:
    """One translate_batch for all segments must equal argos's own per-paragraph path."""
    from argostranslate import settings as argos_settings

    install_package(models, package_files["ru-en"])
    engine = ArgosEngine(models, threads=1, beam_size=4, options={"max_decoding_length": 256})
    ours = engine.translate(RU[:3], "ru", "en")
    argos_settings.beam_size = 4
    theirs = [engine.translation("ru", "en").hypotheses(text, 1)[0].value for text in RU[:3]]
    assert ours == theirs


def test_other_languages_get_the_rule_splitter(
    models: Path, package_files: dict[str, Path]
) -> None:
    install_package(models, package_files["kk-en"])
    engine = ArgosEngine(models)
    assert isinstance(engine.translation("kk", "en").sentencizer, RuleSentencizer)
    assert len(engine.translate(["Қалалық кеңес бекітті. Астана қол қойды."], "kk", "en")) == 1


def test_a_newer_package_for_the_same_pair_replaces_the_old(
    models: Path, package_files: dict[str, Path]
) -> None:
    install_package(models, package_files["kk-en"])
    info = install_package(models, package_files["kk-en-2"])
    assert info.version == "2.0"
    assert [(p.source, p.target, p.version) for p in installed_packages(models)] == [
        ("kk", "en", "2.0")
    ]
    assert ArgosEngine(models).pairs() == {("kk", "en"): "translate-kk_en 2.0"}


def test_remove_by_pair(models: Path, package_files: dict[str, Path]) -> None:
    install_package(models, package_files["kk-en"])
    install_package(models, package_files["en-ru"])
    removed = remove_package(models, ("kk", "en"))
    assert removed.name == "translate-kk_en"
    assert not (models / "translate-kk_en").exists()
    assert [(p.source, p.target) for p in installed_packages(models)] == [("en", "ru")]
    with pytest.raises(ModelMissing, match="An argos package for kk-en is not installed"):
        remove_package(models, ("kk", "en"))


def test_missing_pair_names_how_to_install(models: Path) -> None:
    with pytest.raises(ModelMissing) as caught:
        ArgosEngine(models).translate(["Сәлем"], "kk", "ru")
    assert str(caught.value) == (
        "Argos package kk-ru is not installed. Install a package "
        "for it: sekretar models install FILE.argosmodel"
    )


def test_a_file_that_is_not_a_package_is_refused(tmp_path: Path, models: Path) -> None:
    not_zip = tmp_path / "model.argosmodel"
    not_zip.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not an argos package"):
        install_package(models, not_zip)
    bad = tmp_path / "bad.argosmodel"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("pkg/metadata.json", json.dumps({"from_code": "ru"}))
        archive.writestr("pkg/model/model.bin", b"")
    with pytest.raises(InputError, match="not a translation package"):
        install_package(models, bad)
    assert installed_packages(models) == []


def test_a_half_copied_package_folder_does_not_break_the_listing(
    models: Path, package_files: dict[str, Path]
) -> None:
    install_package(models, package_files["en-ru"])
    (models / "half-copied").mkdir()
    assert [p.name for p in installed_packages(models)] == ["translate-en_ru"]


def test_rule_splitter_keeps_abbreviations_and_initials() -> None:
    text = (
        "Заседание провёл А. С. Иванов, им. Ленина ул. 5. Решение принято! "
        "Следующее заседание — в 2026 г. Ashgabat hosted it. Next came Baku?"
    )
    assert RuleSentencizer().split_sentences(text) == [
        "Заседание провёл А. С. Иванов, им. Ленина ул. 5.",
        "Решение принято!",
        "Следующее заседание — в 2026 г. Ashgabat hosted it.",
        "Next came Baku?",
    ]


def test_razdel_splits_russian() -> None:
    assert RazdelSentencizer().split_sentences("Совет одобрил план. Делегация уехала.") == [
        "Совет одобрил план.",
        "Делегация уехала.",
    ]

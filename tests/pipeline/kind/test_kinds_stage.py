"""When the kind stage may set a kind, how it meets the minutes stage, and where the kinds are
declared."""

from __future__ import annotations

from pathlib import Path

import pytest
from kinds_fixtures import text_document

from corpus.model import DOCUMENT_KINDS, KIND_GIVEN, Session
from pipeline import stages
from pipeline.kind import words
from pipeline.kind.stage import KIND_FOUND, KindStage, may_classify
from pipeline.minutes.stage import MinutesStage, applies_to
from pipeline.parse.base import Source
from pipeline.settings import Settings, load_settings
from pipeline.web.i18n import words as ui_words

MINUTES_RU = """Заседание Совета Ассамблеи
    Присутствовали: 20 членов Совета.
    ПОВЕСТКА ДНЯ
    1. О бюджете.
    СЛУШАЛИ: Петрова К.Л. — о бюджете.
    ПОСТАНОВИЛИ: Одобрить проект бюджета.
    ГОЛОСОВАЛИ: «за» — 20, единогласно."""
MINUTES_BE = """ПРАТАКОЛ № 3
    пасяджэння Пастаяннай камісіі па інфарматызацыі
    СЛУХАЛІ: Кавалевіча А.М. — аб запуску платформы.
    ПАСТАНАВІЛІ: Інфармацыю прыняць да ведама.
    ГАЛАСАВАЛІ: аднагалосна."""
AGENDA_RU = """ПОВЕСТКА ДНЯ
    1. О бюджете.
    Докладчик: Петров К.Л.
    2. Разное."""


def test_a_kind_given_to_the_parser_is_marked_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", "utf-8")
    assert Source.from_path(path, kind="other").new_document("text/plain").properties == {
        KIND_GIVEN: True}
    assert Source.from_path(path).new_document("text/plain").properties == {}


def test_the_stage_sets_only_a_kind_no_one_gave() -> None:
    given = text_document(MINUTES_RU, kind="other", properties={KIND_GIVEN: True})
    told = text_document(MINUTES_RU, kind="report", properties={KIND_GIVEN: True})
    unknown = text_document(MINUTES_RU)
    for document in (given, told, unknown):
        KindStage().run(document)
    assert (given.kind, told.kind, unknown.kind) == ("other", "report", "minutes")
    assert KIND_FOUND not in given.properties and unknown.properties[KIND_FOUND] == "minutes"


def test_a_rerun_finds_again_what_the_stage_found_but_keeps_minutes_read() -> None:
    earlier = text_document(AGENDA_RU, kind="report", properties={KIND_FOUND: "report"})
    assert may_classify(earlier)
    KindStage().run(earlier)
    assert earlier.kind == "agenda"
    read = text_document(AGENDA_RU, kind="minutes", properties={KIND_FOUND: "minutes"})
    read.minutes = Session()
    old_archive = text_document(AGENDA_RU, kind="report")  # before the stage, or given
    assert not may_classify(read) and not may_classify(old_archive)


def test_minutes_found_by_the_kind_stage_are_read_by_the_minutes_stage() -> None:
    document = text_document(MINUTES_RU)
    KindStage().run(document)
    assert document.kind == "minutes" and applies_to(document)
    MinutesStage().run(document)
    assert document.minutes is not None
    assert [d.text for item in document.minutes.agenda for d in item.decisions] == [
        "Одобрить проект бюджета."]


def test_belarusian_minutes_are_minutes_and_go_to_the_minutes_stage() -> None:
    document = text_document(MINUTES_BE, language="be")
    KindStage().run(document)
    assert document.kind == "minutes" and applies_to(document)


def test_minutes_the_user_called_other_are_not_read() -> None:
    document = text_document(MINUTES_RU, kind="other", properties={KIND_GIVEN: True})
    KindStage().run(document)
    MinutesStage().run(document)
    assert (document.kind, document.minutes) == ("other", None)


def test_the_stage_runs_after_language_and_needs_no_extra(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().stages[:3] == ("language", "kind", "minutes")
    assert stages.STAGE_EXTRAS["kind"] is None
    monkeypatch.setattr(stages, "installed", lambda extra: False)
    assert stages.available_stages() == ["kind"]
    built = stages.build_stages(load_settings(stages="kind"))
    assert [(s.name, type(s)) for s in built] == [("kind", KindStage)]


def test_the_kinds_are_declared_once_and_named_in_both_interface_languages() -> None:
    assert set(words.FOUND_KINDS) | {words.OTHER} == set(DOCUMENT_KINDS)
    assert set(words.TITLE_WORDS) == set(words.KAZAKH_TITLE_WORDS) == set(words.FOUND_KINDS)
    for language in ("ru", "en"):
        labels = ui_words(language)
        assert all(labels[f"kind_{kind}"] for kind in DOCUMENT_KINDS)
    assert ui_words("ru")["kind_agenda"] == "Повестка дня"
    assert ui_words("en")["kind_letter"] == "Letter"

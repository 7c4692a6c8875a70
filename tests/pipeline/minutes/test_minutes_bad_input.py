"""Minutes that do not follow the pattern end without errors: what was read is kept, what is
missing makes the document partial, and nothing is invented."""

from __future__ import annotations

import time
from pathlib import Path

from corpus.model import Document
from pipeline.minutes.stage import MinutesStage, applies_to, read_minutes
from pipeline.parse import parse
from pipeline.parse.base import Source


def minutes_document(lines: list[str], kind: str = "other") -> Document:
    """A document whose paragraphs are these lines, as a text parser would give them."""
    document = Document(id="f" * 64, source_name="test.txt", media_type="text/plain", kind=kind)
    for n, line in enumerate(lines, start=1):
        document.add_block("paragraph", line, paragraph=n)
    return document


HEAD = ["ПРОТОКОЛ № 5", "г. Тула 3 марта 2026 г.", "Председательствующий: Гордеев Н.С.",
        "Присутствовали: 20 человек."]


def test_minutes_without_an_agenda_are_read_and_marked_partial() -> None:
    document = minutes_document(HEAD + [
        "СЛУШАЛИ: Панову Л.С. — председателя комиссии. Доложила об итогах года.",
        "ПОСТАНОВИЛИ: Отчёт утвердить.",
        "ГОЛОСОВАЛИ: «за» — 20, «против» — 0, «воздержались» — 0."])
    MinutesStage().run(document)
    document.finish()
    session = document.minutes
    assert session is not None
    assert [(i.number, i.title) for i in session.agenda] == [(None, "")]
    assert [s.speaker for s in session.agenda[0].speeches] == ["Панова Л.С."]
    assert [d.text for d in session.agenda[0].decisions] == ["Отчёт утвердить."]
    assert (document.status, document.problems) == ("partial", ["minutes: no agenda found"])


def test_decisions_without_votes_are_kept_and_reported() -> None:
    document = minutes_document(HEAD + [
        "ПОВЕСТКА ДНЯ", "1. Об отчёте комиссии.", "2. О субботнике.",
        "1. Об отчёте комиссии", "СЛУШАЛИ: Панову Л.С.", "ПОСТАНОВИЛИ:", "1.1. Отчёт утвердить.",
        "Решение принято единогласно.",
        "2. О субботнике", "СЛУШАЛИ: Зуева Р.О.", "ПОСТАНОВИЛИ:", "2.1. Провести субботник.",
        "2.2. Обеспечить инвентарём."])
    session = read_minutes(document)
    assert [[d.number for d in item.decisions] for item in session.agenda] == [["1.1"], ["2.1", "2.2"]]
    assert [s.speaker for i in session.agenda for s in i.speeches] == ["Панова Л.С.", "Зуев Р.О."]
    assert session.agenda[0].vote is not None and session.agenda[0].vote.unanimous
    assert session.agenda[1].vote is None
    assert document.problems == ["minutes: item 2: decisions without a vote or an outcome"]


def test_a_tally_that_does_not_add_up_is_flagged_not_failed() -> None:
    document = minutes_document(HEAD + [
        "ПОВЕСТКА ДНЯ", "1. Об отчёте комиссии.", "1. Об отчёте комиссии",
        "СЛУШАЛИ: Панову Л.С.", "ПОСТАНОВИЛИ:", "1.1. Отчёт утвердить.",
        "ГОЛОСОВАЛИ: «за» — 15, «против» — 1, «воздержались» — 1.", "Решение принято."])
    session = read_minutes(document)
    document.finish()
    assert session.problems == ["item 1: the vote 15+1+1 = 17 does not add up to the 20 present"]
    assert (document.status, document.problems) == ("ok", [])


def test_a_tally_above_those_present_is_flagged_even_when_incomplete() -> None:
    document = minutes_document(HEAD + [
        "ПОВЕСТКА ДНЯ", "1. Об отчёте.", "1. Об отчёте", "ПОСТАНОВИЛИ: Утвердить.",
        "ГОЛОСОВАЛИ: за — 25, против — нет."])
    session = read_minutes(document)
    assert session.problems == ["item 1: the vote 25+0+? = 25 does not add up to the 20 present"]


def test_an_empty_minutes_document_says_what_is_missing() -> None:
    document = minutes_document([], kind="minutes")
    MinutesStage().run(document)
    document.finish()
    assert document.status == "partial"
    assert document.problems == ["minutes: no agenda found",
                                 "minutes: no agenda items or decisions found",
                                 "minutes: no session date found"]
    assert document.minutes is not None and document.minutes.agenda == []


def test_reports_pass_through_untouched() -> None:
    report = minutes_document(["Доклад о водоснабжении", "За три года заменено 65 км сетей.",
                               "Решение о модернизации принято в 2023 году."])
    MinutesStage().run(report)
    assert (report.kind, report.minutes, report.session, report.problems) == ("other", None, None, [])
    declared = minutes_document(HEAD + ["ПОВЕСТКА ДНЯ", "1. О бюджете.", "СЛУШАЛИ: Панову Л.С."],
                                kind="report")
    assert not applies_to(declared)
    MinutesStage().run(declared)
    assert declared.minutes is None


def test_a_300_page_transcript_ends_partial_in_bounded_time(tmp_path: Path) -> None:
    page = "\n\n".join(
        [f"Иванов И.И. — Уважаемые коллеги, продолжаем обсуждение, реплика {n}."
         for n in range(14)] + ["Петрова А.С. — Поддерживаю, но прошу учесть замечания."])
    text = "СТЕНОГРАММА заседания Совета 3 марта 2026 г.\n\n" + "\n\f\n".join(
        [page] * 150 + ["По первому вопросу повестки дня\n\nПОСТАНОВИЛИ: Принять к сведению."]
        + [page] * 150)
    path = tmp_path / "transcript.txt"
    path.write_text(text, "utf-8")
    document = parse(Source.from_path(path, kind="minutes"))
    started = time.perf_counter()
    MinutesStage().run(document)
    elapsed = time.perf_counter() - started
    document.finish()
    session = document.minutes
    assert session is not None
    assert len(document.blocks) > 4500
    assert [(i.number, [d.text for d in i.decisions]) for i in session.agenda] == [
        ("1", ["Принять к сведению."])]
    assert document.problems == ["minutes: no agenda found",
                                 "minutes: item 1: decisions without a vote or an outcome"]
    assert document.status == "partial"
    assert elapsed < 60

"""Labels, tallies, numbers in words and dates, read exactly."""

from __future__ import annotations

import pytest

from pipeline.minutes.dates import find_date
from pipeline.minutes.labels import Label, LabelMatch, match_label, match_question
from pipeline.minutes.numbers import words_to_int
from pipeline.minutes.votes import Tally, is_outcome_line, looks_like_tally, read_tally


@pytest.mark.parametrize(("text", "expected"), [
    ("СЛУШАЛИ:", LabelMatch(Label.HEARD, "")),
    ("С Л У Ш А Л И :", LabelMatch(Label.HEARD, "")),
    ("Слушали: Петрову А.С.", LabelMatch(Label.HEARD, "Петрову А.С.")),
    ("1. СЛУШАЛИ: Иванова И.И. — О бюджете", LabelMatch(Label.HEARD, "Иванова И.И. — О бюджете", "1")),
    ("СЛУХАЛИ: Коваленка О.П.", LabelMatch(Label.HEARD, "Коваленка О.П.")),
    ("ВЫСТУПИЛИ:", LabelMatch(Label.SPOKE, "")),
    ("ВИСТУПИЛИ:", LabelMatch(Label.SPOKE, "")),
    ("ПОСТАНОВИЛИ: 1.1. Принять к сведению.", LabelMatch(Label.DECIDED, "1.1. Принять к сведению.")),
    ("РЕШИЛИ: провести", LabelMatch(Label.DECIDED, "провести")),
    ("ВИРІШИЛИ:", LabelMatch(Label.DECIDED, "")),
    ("RESOLVED that the Council", LabelMatch(Label.DECIDED, "that the Council", taken=True)),
    ("It was agreed to set up a group.", LabelMatch(Label.DECIDED, "To set up a group.", taken=True)),
    ("Agreed to ship v24.0.0 on 22 April.", LabelMatch(Label.DECIDED, "To ship v24.0.0 on 22 April.", taken=True)),
    ("The TSC agreed to switch the jobs.", LabelMatch(Label.DECIDED, "To switch the jobs.", taken=True)),
    ("Consensus to nominate Farah Haddad.", LabelMatch(Label.DECIDED, "To nominate Farah Haddad.", taken=True)),
    ("Decision: the Code is adopted.", LabelMatch(Label.DECIDED, "the Code is adopted.", taken=True)),
    ("ГОЛОСОВАЛИ: «за» — 25", LabelMatch(Label.VOTED, "«за» — 25")),
    ("ГОЛОСУВАЛИ:", LabelMatch(Label.VOTED, "")),
    ("Vote: For 12", LabelMatch(Label.VOTED, "For 12")),
    ("ПОВЕСТКА ДНЯ", LabelMatch(Label.AGENDA, "")),
    ("ПОРЯДОК ДЕННИЙ:", LabelMatch(Label.AGENDA, "")),
    ("Agenda", LabelMatch(Label.AGENDA, "")),
    ("ПРОТОКОЛ № 12", LabelMatch(Label.TITLE, "№ 12")),
    ("Minutes of the 12th meeting", LabelMatch(Label.TITLE, "of the 12th meeting")),
    ("Председательствующий: Соколов А.В.", LabelMatch(Label.CHAIR, "Соколов А.В.")),
    ("Председательствующий\tА.В. Соколов", LabelMatch(Label.CHAIR, "А.В. Соколов")),
    ("Chair Rashad Mammadov", LabelMatch(Label.CHAIR, "Rashad Mammadov")),
    ("Протокол вёл: Иванов", LabelMatch(Label.SECRETARY, "Иванов")),
    ("Присутствовали: 27 человек", LabelMatch(Label.PRESENT, "27 человек")),
    ("Присутні: члени Ради — 18 осіб", LabelMatch(Label.PRESENT, "члени Ради — 18 осіб")),
    ("Запрошені: керівники служб", LabelMatch(Label.INVITED, "керівники служб")),
])  # fmt: skip
def test_labels(text: str, expected: LabelMatch) -> None:
    assert match_label(text) == expected


@pytest.mark.parametrize("text", [
    "Слушали доклад о бюджете", "Решили провести совещание", "Решение принято.",
    "Председатель Совета сообщил", "AGENDA ITEM 3", "Present at the meeting were the mayors",
    "Date of the next meeting", "Протокол разногласий прилагается.",
])  # fmt: skip
def test_ordinary_sentences_are_not_labels(text: str) -> None:
    assert match_label(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("По первому вопросу повестки дня СЛУШАЛИ: Иванова", ("1", "СЛУШАЛИ: Иванова")),
    ("По второму вопросу", ("2", "")),
    ("Вопрос № 3. О туризме", ("3", "О туризме")),
    ("З першого питання порядку денного", ("1", "")),
    ("Item 2: Tourism", ("2", "Tourism")),
    ("Agenda item 4 – Budget", ("4", "Budget")),
    ("Поручить Секретариату", None),
])  # fmt: skip
def test_question_markers(text: str, expected: tuple[str, str] | None) -> None:
    assert match_question(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("«за» — 25, «против» — 0, «воздержались» — 2.", Tally(25, 0, 2)),
    ("за — двадцать пять, против — нет, воздержались — два", Tally(25, 0, 2)),
    ("«за» – 18, «проти» – 2, «утрималися» – 1. Рішення прийнято.", Tally(18, 2, 1, False, "adopted")),
    ("за — дев'ять, проти — чотири, утрималися — два.", Tally(9, 4, 2)),
    ("For: 12, Against: 0, Abstain: 1", Tally(12, 0, 1)),
    ("12 for, 0 against, 1 abstention", Tally(12, 0, 1)),
    ("twelve in favour, none against, one abstention", Tally(12, 0, 1)),
    ("Motion carried 12-0-1.", Tally(12, 0, 1, False, "adopted")),
    ("Motion lost 4-9-2.", Tally(4, 9, 2, False, "rejected")),
    ("единогласно", Tally(None, None, None, True, "adopted")),
    ("за 17 проти 0 утрималися 1", Tally(17, 0, 1)),
])  # fmt: skip
def test_tallies(text: str, expected: Tally) -> None:
    assert read_tally(text) == expected


def test_a_preposition_za_is_not_a_tally() -> None:
    assert not looks_like_tally("Отчёт за 2025 год утвердить.")
    assert looks_like_tally("за 20 против 1 воздержались 0")


@pytest.mark.parametrize(("text", "expected"), [
    ("Решение принято.", True), ("Решение принято единогласно.", True),
    ("Рішення не прийнято.", True), ("Motion carried.", True), ("Carried unanimously.", True),
    ("Рішення прийнято одноголосно. Головуючий Гончаренко С.В.", True),
    ("Информацию принять к сведению.", False),
    ("Agreed to establish a working group on water losses in member cities", False),
])  # fmt: skip
def test_outcome_lines(text: str, expected: bool) -> None:
    assert is_outcome_line(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("двадцать пять", 25), ("нет", 0), ("вісімнадцять", 18), ("дев'ять", 9),
    ("twenty-five", 25), ("none", 0), ("сто два", 102), ("человек", None), ("27", 27),
])  # fmt: skip
def test_numbers_in_words(text: str, expected: int | None) -> None:
    assert words_to_int(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("г. Москва\t9 апреля 2025 г.", "2025-04-09"),
    ("«12» ноября 2025 г.", "2025-11-12"),
    ("м. Київ, 22 травня 2025 р.", "2025-05-22"),
    ("09.04.2026", "2026-04-09"),
    ("December 4, 2025", "2025-12-04"),
    ("Held in Moscow on 3 July 2025", "2025-07-03"),
    ("2025-06-18", "2025-06-18"),
    ("Решение 1.12.2 принять", None),
    ("31.02.2025", None),
])  # fmt: skip
def test_dates(text: str, expected: str | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == expected

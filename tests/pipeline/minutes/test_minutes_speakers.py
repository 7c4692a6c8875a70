"""Speaker lines and names: the nominative whatever the case, one key per person."""

from __future__ import annotations

import pytest

from pipeline.minutes.names import ACCUSATIVE, NOMINATIVE, normalise_name, person_key
from pipeline.minutes.speakers import SpeakerLine, read_name_list, read_speaker, speech_gender


@pytest.mark.parametrize(("words", "language", "case", "gender", "display", "key"), [
    (["Иванова", "И.И."], "ru", ACCUSATIVE, None, "Иванов И.И.", "ivanov i"),
    (["Петрову", "Анну", "Сергеевну"], "ru", ACCUSATIVE, None, "Петрова Анна Сергеевна", "petrova a"),
    (["Иванова", "И.И."], "ru", NOMINATIVE, None, "Иванова И.И.", "ivanova i"),
    (["Иванова", "И.И."], "ru", ACCUSATIVE, "femn", "Иванова И.И.", "ivanova i"),
    (["И.И.", "Иванова"], "ru", ACCUSATIVE, None, "И.И. Иванов", "ivanov i"),
    (["Ивана", "Иванова"], "ru", ACCUSATIVE, None, "Иван Иванов", "ivanov i"),
    (["Кузнецов", "Д.П."], "ru", ACCUSATIVE, None, "Кузнецов Д.П.", "kuznecov d"),
    (["Ковалевича", "О.Н."], "ru", ACCUSATIVE, None, "Ковалевич О.Н.", "kovalevich o"),
    (["Жумабаеву", "А.К."], "ru", ACCUSATIVE, None, "Жумабаева А.К.", "zhumabaeva a"),
    (["Островскую", "Е.В."], "ru", ACCUSATIVE, None, "Островская Е.В.", "ostrovska e"),
    (["Римского-Корсакова", "Н.А."], "ru", ACCUSATIVE, None, "Римский-Корсаков Н.А.", "rimskikorsakov n"),
    (["Русу", "В.И."], "ru", NOMINATIVE, None, "Русу В.И.", "rusu v"),
    (["Коваленка", "О.П."], "uk", ACCUSATIVE, None, "Коваленко О.П.", "kovalenko o"),
    (["Стельмаха", "Юрія", "Богдановича"], "uk", ACCUSATIVE, None, "Стельмах Юрій Богданович", "stelmah i"),
    (["Мельник", "Оксану", "Іванівну"], "uk", ACCUSATIVE, None, "Мельник Оксана Іванівна", "melnik o"),
    (["Anna", "Petrova"], "en", NOMINATIVE, None, "Anna Petrova", "petrova a"),
    (["Petrova", "A."], "en", NOMINATIVE, None, "Petrova A.", "petrova a"),
    (["Aigul", "Zhumabayeva"], "en", NOMINATIVE, None, "Aigul Zhumabayeva", "zhumabaeva a"),
])  # fmt: skip
def test_names_come_back_to_the_nominative(words: list[str], language: str, case: str,
                                           gender: str | None, display: str, key: str) -> None:
    name = normalise_name(words, language, case, gender)
    assert (name.display, name.key) == (display, key)


def test_one_person_in_every_form_has_one_key() -> None:
    forms = [(["Петрова", "А.С."], NOMINATIVE), (["Анна", "Петрова"], NOMINATIVE),
             (["А.", "Петрова"], NOMINATIVE), (["Петрову", "Анну", "Сергеевну"], ACCUSATIVE),
             (["Петровой", "А.С."], "gent")]
    keys = {normalise_name(words, "ru", case, "femn").key for words, case in forms}
    assert keys == {"petrova a"}
    assert person_key("Петрова", "А") == normalise_name(["Anna", "Petrova"], "en").key


@pytest.mark.parametrize(("text", "expected"), [
    ("Кузнецов Д.П. — заместитель главы администрации города Рязани, г. Рязань. Доложил об опыте.",
     SpeakerLine(["Кузнецов", "Д.П."], "заместитель главы администрации города Рязани", "Рязань",
                 "Доложил об опыте.")),
    ("Петрову Анну Сергеевну, заместителя мэра (г. Минск), — о проекте бюджета.",
     SpeakerLine(["Петрову", "Анну", "Сергеевну"], "заместителя мэра", "Минск", "о проекте бюджета.")),
    ("И.И. Иванова (г. Москва) — О бюджете",
     SpeakerLine(["И.И.", "Иванова"], None, "Москва", "О бюджете")),
    ("Анна Петрова — заместитель мэра г. Минска. Сообщила, что план выполнен.",
     SpeakerLine(["Анна", "Петрова"], "заместитель мэра г. Минска", "Минска", "Сообщила, что план выполнен.")),
    ("Ms Anna Petrova (Minsk): the city has adopted a plan.",
     SpeakerLine(["Anna", "Petrova"], None, "Minsk", "the city has adopted a plan.")),
    ("Rashid Aliyev, Head of Water Management (Baku), said that zoning helps.",
     SpeakerLine(["Rashid", "Aliyev"], "Head of Water Management", "Baku", "said that zoning helps.")),
    ("Mr Ivanov said that the plan is good.",
     SpeakerLine(["Ivanov"], None, None, "said that the plan is good.")),
])  # fmt: skip
def test_speaker_lines(text: str, expected: SpeakerLine) -> None:
    assert read_speaker(text, "ru") == expected


@pytest.mark.parametrize("text", [
    "The Council noted the report.", "Информацию Кузнецова Д.П. принять к сведению.",
    "Совет Ассамблеи принял решение.", "Member cities purchase electric buses jointly.",
])  # fmt: skip
def test_lines_that_do_not_start_with_a_speaker(text: str) -> None:
    assert read_speaker(text, "ru", strict=True) is None


def test_a_list_of_speakers() -> None:
    assert read_name_list("Иванов И.И., Петрова А.С. и Сидоренко О.П.", "ru") == [
        ["Иванов", "И.И."], ["Петрова", "А.С."], ["Сидоренко", "О.П."]]


def test_the_verb_tells_the_gender() -> None:
    assert speech_gender("Поддержала предложение", "ru") == "femn"
    assert speech_gender("Доповів про стан справ", "uk") == "masc"
    assert speech_gender("said that", "en") is None

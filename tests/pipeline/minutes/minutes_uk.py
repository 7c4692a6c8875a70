"""Ukrainian minutes of the quality set (names and events are invented)."""

from __future__ import annotations

from minutes_spec import Decision, Item, Minutes, Speaker, Tally

_ASSEMBLY = "МІЖНАРОДНА АСАМБЛЕЯ СТОЛИЦЬ І ВЕЛИКИХ МІСТ"


def uk_classic() -> Minutes:
    """DOCX: СЛУХАЛИ with the speaker in the accusative, ВИСТУПИЛИ, ВИРІШИЛИ, ГОЛОСУВАЛИ."""
    return Minutes(
        "uk_classic", "uk", "docx", "classic", "7", "2025-05-22", "22 травня 2025 р.",
        "м. Київ", "city:kyiv", "Бондаренко В.В.", "Литвин О.С.", 21, body="Ради",
        options={"assembly": _ASSEMBLY},
        items=[
            Item("1", "Про розвиток системи електронних послуг",
                 heard=[Speaker("Коваленка О.П.", "Коваленко О.П.", "kovalenko o", "заступника міського голови",
                                "м. Київ", "city:kyiv", "Доповів про розвиток порталу електронних послуг.")],
                 spoke=[Speaker("Шевчук І.М.", "Шевчук І.М.", "shevchuk i",
                                "директорка департаменту цифрової трансформації", "м. Львів", "city:lviv",
                                "Запропонувала створити спільну платформу даних.")],
                 decisions=[Decision("1.1", "Інформацію Коваленка О.П. взяти до відома."),
                            Decision("1.2", "Рекомендувати містам — членам Асамблеї запровадити єдиний стандарт "
                                            "електронних послуг.")],
                 vote=Tally(19, 0, 2)),
            Item("2", "Про проведення Днів міст Асамблеї",
                 heard=[Speaker("Мельник Оксану Іванівну", "Мельник Оксана Іванівна", "melnik o",
                                "начальника управління культури", "м. Одеса", "city:odesa",
                                "Повідомила про програму Днів міст.")],
                 decisions=[Decision("2.1", "Провести Дні міст Асамблеї у вересні 2025 року.")],
                 vote=Tally(21, 0, 0, unanimous=True)),
        ])  # fmt: skip


def uk_tables() -> Minutes:
    """PDF with the labels in a bordered table and the tallies in column tables."""
    return Minutes(
        "uk_tables", "uk", "pdf", "tables", "8", "2025-10-16", "16 жовтня 2025 р.",
        "м. Харків", "city:kharkiv", "Гончаренко С.В.", "Кравченко Л.А.", 18, body="Ради",
        options={"assembly": _ASSEMBLY, "labels": "table", "votes": "table_cols"},
        items=[
            Item("1", "Про відновлення житлового фонду",
                 heard=[Speaker("Савченко Д.О.", "Савченко Д.О.", "savchenko d",
                                "директор департаменту житлового господарства", "м. Харків", "city:kharkiv",
                                "Доповів про хід відновлення будинків.")],
                 spoke=[Speaker("Олійник Т.В.", "Олійник Т.В.", "olinik t", "депутатка міської ради", "м. Дніпро",
                                "city:dnipro", "Запропонувала залучити міжнародних партнерів.")],
                 decisions=[Decision("1.1", "Інформацію Савченка Д.О. взяти до відома."),
                            Decision("1.2", "Звернутися до міст — членів Асамблеї щодо обміну досвідом відновлення "
                                            "житла.")],
                 vote=Tally(17, 0, 1)),
            Item("2", "Про шкільне харчування",
                 heard=[Speaker("Руденко А.М.", "Руденко А.М.", "rudenko a", "заступниця міського голови",
                                "м. Харків", "city:kharkiv", "Повідомила про нові стандарти харчування.")],
                 decisions=[Decision("2.1", "Схвалити нові стандарти шкільного харчування.")],
                 vote=Tally(18, 0, 0, unanimous=True)),
        ])  # fmt: skip


def uk_question() -> Minutes:
    """A text file: «З першого питання порядку денного», labels run into the text, tallies in
    words, speakers in the accusative."""
    return Minutes(
        "uk_question", "uk", "txt", "question", "9", "2026-01-29", "«29» січня 2026 р.",
        "м. Львів", "city:lviv", "Костенко Р.Б.", "Гнатюк М.Я.", 15, body="Ради",
        options={"assembly": _ASSEMBLY, "marker": "question", "labels": "inline", "votes": "words",
                 "agenda": "lines"},
        items=[
            Item("1", "Про збереження історичної забудови",
                 heard=[Speaker("Стельмаха Юрія Богдановича", "Стельмах Юрій Богданович", "stelmah i",
                                "головного архітектора міста", "м. Львів", "city:lviv",
                                "Доповів про програму реставрації фасадів.")],
                 decisions=[Decision("1.1", "Інформацію Стельмаха Ю.Б. взяти до відома."),
                            Decision("1.2", "Рекомендувати містам — членам Асамблеї обмінюватися досвідом "
                                            "реставрації.")],
                 vote=Tally(14, 0, 1)),
            Item("2", "Про туристичний збір",
                 heard=[Speaker("Марченко Н.В.", "Марченко Н.В.", "marchenko n", "депутатку міської ради",
                                "м. Львів", "city:lviv",
                                "Запропонувала спрямувати туристичний збір на розвиток інфраструктури.")],
                 decisions=[Decision("2.1", "Підтримати пропозицію щодо використання туристичного збору.")],
                 vote=Tally(9, 4, 2)),
        ])  # fmt: skip


ALL = (uk_classic, uk_tables, uk_question)

"""Roll calls as minutes really write them (see `minutes_real_spec`): a table of members with
marks under За / Против / Воздержался, members one a line after ГОЛОСУВАЛИ, an English
Member | Vote table, and a roll call listing more votes than members present."""

from __future__ import annotations

from minutes_real_spec import Real, dec, item, minutes, sp, vote


def ru_rollcall() -> Real:
    """DOCX: a roll-call table with marks under the columns of the choices; the tally is
    counted from it; a second item with the tally written and a roll call that agrees."""
    elements = [
        ("title", "ПРОТОКОЛ № 21"), ("center", "заседания Бюро Ассамблеи"),
        ("tab", ("г. Рязань", "5 марта 2026 г.")),
        ("p", "Председательствующий: Белов С.Н."), ("p", "Присутствовали: 4 человека"),
        ("bold", "ПОВЕСТКА ДНЯ:"),
        ("num", "Об отчёте ревизионной комиссии."), ("num", "О размере членских взносов."),
        ("h", "1. Об отчёте ревизионной комиссии"),
        ("boldrun", ("СЛУШАЛИ:", "Кравец Н.И. — председатель ревизионной комиссии. Доложил "
                                 "об итогах проверки.")),
        ("boldrun", ("ПОСТАНОВИЛИ:", "Отчёт ревизионной комиссии утвердить.")),
        ("bold", "ГОЛОСОВАЛИ:"),
        ("table", [["№", "Ф.И.О.", "За", "Против", "Воздержался"],
                   ["1", "Белов С.Н.", "+", "", ""], ["2", "Кравец Н.И.", "+", "", ""],
                   ["3", "Орлова М.В.", "", "", "+"], ["4", "Никитин А.Ю.", "+", "", ""]]),
        ("p", "Решение принято."),
        ("h", "2. О размере членских взносов"),
        ("boldrun", ("СЛУШАЛИ:", "Орлову М.В. — о размере взносов на 2027 год.")),
        ("boldrun", ("ПОСТАНОВИЛИ:", "Сохранить размер членских взносов на 2027 год.")),
        ("boldrun", ("ГОЛОСОВАЛИ:", "«за» — 2, «против» — 2, «воздержались» — 0.")),
        ("table", [["Белов С.Н.", "за"], ["Кравец Н.И.", "против"],
                   ["Орлова М.В.", "за"], ["Никитин А.Ю.", "против"]]),
        ("p", "Решение не принято."),
        ("tab", ("Председательствующий", "С.Н. Белов")),
    ]
    roll = (("Белов С.Н.", "belov s", "for"), ("Кравец Н.И.", "kravec n", "for"),
            ("Орлова М.В.", "orlova m", "abstained"), ("Никитин А.Ю.", "nikitin a", "for"))
    expected = minutes(
        "ru_rollcall.docx", body="Бюро Ассамблеи",
        number="21", date="2026-03-05", place="г. Рязань",
        city="city:ryazan", chair="Белов С.Н.", secretary=None, present_count=4, agenda=[
            item("1", "Об отчёте ревизионной комиссии", [
                sp("Кравец Н.И.", "kravec n", "rapporteur", "председатель ревизионной комиссии"),
            ], [dec("Отчёт ревизионной комиссии утвердить.")],
                vote(3, 0, 1, "adopted", members=roll)),
            item("2", "О размере членских взносов", [
                sp("Орлова М.В.", "orlova m", "rapporteur"),
            ], [dec("Сохранить размер членских взносов на 2027 год.")],
                vote(2, 2, 0, "rejected", members=(
                    ("Белов С.Н.", "belov s", "for"), ("Кравец Н.И.", "kravec n", "against"),
                    ("Орлова М.В.", "orlova m", "for"),
                    ("Никитин А.Ю.", "nikitin a", "against")))),
        ])
    return Real("ru_rollcall", "docx", elements, expected)


def uk_rollcall() -> Real:
    """Text: members one a line after ГОЛОСУВАЛИ («Бондаренко С.П. — за»), one absent."""
    elements = [
        ("title", "ПРОТОКОЛ № 4"), ("center", "засідання постійної комісії з питань транспорту"),
        ("p", "м. Київ, 19 листопада 2024 р."), ("p", "Головуючий: Ткачук О.В."),
        ("p", "Присутні: Ткачук О.В., Бондаренко С.П., Кравчук Д.М."),
        ("bold", "ПОРЯДОК ДЕННИЙ:"), ("p", "1. Про тарифи на проїзд."),
        ("p", "СЛУХАЛИ: Кравчук Д.М. — про розрахунок тарифів."),
        ("p", "ВИРІШИЛИ: Погодити тарифи на проїзд на 2025 рік."),
        ("p", "ГОЛОСУВАЛИ:"), ("p", "Ткачук О.В. — за"), ("p", "Бондаренко С.П. — утримався"),
        ("p", "Кравчук Д.М. — за"), ("p", "Мельник Н.І. — відсутня"),
        ("p", "Рішення прийнято."),
    ]
    expected = minutes(
        "uk_rollcall.txt", body="Постійна комісія з питань транспорту",
        number="4", date="2024-11-19", place="м. Київ", city="city:kyiv",
        chair="Ткачук О.В.", secretary=None, present_count=None, agenda=[
            item("1", "Про тарифи на проїзд", [sp("Кравчук Д.М.", "kravchuk d", "rapporteur")],
                 [dec("Погодити тарифи на проїзд на 2025 рік.")], vote(2, 0, 1, members=(
                     ("Ткачук О.В.", "tkachuk o", "for"),
                     ("Бондаренко С.П.", "bondarenko s", "abstained"),
                     ("Кравчук Д.М.", "kravchuk d", "for"),
                     ("Мельник Н.І.", "melnik n", "absent")))),
        ])
    return Real("uk_rollcall", "txt", elements, expected)


def en_rollcall_over() -> Real:
    """DOCX: a Member | Vote table listing five votes where three members were present: the
    roll call is kept, and the document is marked with the problem."""
    elements = [
        ("title", "Minutes of the 40th meeting of the Bureau"),
        ("p", "Astana, 2 February 2026"), ("p", "Chair: Daniyar Seitkali"),
        ("p", "Present: 3 members of the Bureau"),
        ("bold", "Agenda"), ("num", "Venue of the autumn session"),
        ("h", "1. Venue of the autumn session"),
        ("p", "Ms Elena Kim (Astana): the city offers the Congress Hall."),
        ("p", "RESOLVED that the autumn session be held in Astana."),
        ("table", [["Member", "Vote"], ["Daniyar Seitkali", "yes"], ["Elena Kim", "yes"],
                   ["Marat Akhmetov", "no"], ["Olga Sidorenko", "yes"], ["Timur Asanov", "yes"]]),
        ("p", "Motion carried."),
    ]
    expected = minutes(
        "en_rollcall_over.docx", body="Bureau",
        number="40", date="2026-02-02", place="Astana",
        city="city:astana", chair="Daniyar Seitkali", secretary=None, present_count=3,
        problems=("item 1: the roll call lists 5 votes but 3 members were present",),
        notes=("item 1: the vote 4+1+0 = 5 does not add up to the 3 present",), agenda=[
            item("1", "Venue of the autumn session", [
                sp("Elena Kim", "kim e", city="city:astana"),
            ], [dec("The autumn session be held in Astana.")], vote(4, 1, 0, members=(
                ("Daniyar Seitkali", "seitkali d", "for"), ("Elena Kim", "kim e", "for"),
                ("Marat Akhmetov", "ahmetov m", "against"),
                ("Olga Sidorenko", "sidorenko o", "for"), ("Timur Asanov", "asanov t", "for")))),
        ])
    return Real("en_rollcall_over", "docx", elements, expected)


ALL = (ru_rollcall, uk_rollcall, en_rollcall_over)

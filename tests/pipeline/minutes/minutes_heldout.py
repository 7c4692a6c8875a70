"""Held-out minutes: written after the reader was settled and never tuned on, so the benchmark
can say how it does on layouts it was not made for (`bench/minutes.py --held-out`). They are
not in the test set: a miss here is a finding, not a failure."""

from __future__ import annotations

from minutes_real_spec import Real, dec, item, minutes, sp, vote


def ho_ru_working_group() -> Real:
    """Text: the number and date on one line, chair and secretary after a dash, speakers on the
    line under СЛУШАЛИ in the accusative with «который доложил», decisions numbered 1., 2."""
    elements = [
        ("title", "ПРОТОКОЛ"), ("center", "заседания рабочей группы по цифровизации городского "
                                          "хозяйства"),
        ("p", "№ 2\t«17» марта 2026 г."), ("p", "г. Казань"),
        ("p", "Председатель рабочей группы – Хабибуллин Р.Р."), ("p", "Секретарь – Галиева Л.М."),
        ("p", "Присутствовали: Хабибуллин Р.Р., Галиева Л.М., Сафин А.И., Захарова О.В."),
        ("p", "Приглашены: Мухаметшин Д.Ф. (ООО «Цифровой город»)"),
        ("p", "Повестка дня:"),
        ("p", "1. О результатах пилотного проекта «Умный двор»."),
        ("p", "2. О плане работы на II квартал 2026 года."),
        ("p", "1. СЛУШАЛИ:"),
        ("p", "Сафина А.И. – начальника отдела информатизации, который доложил о результатах "
              "пилотного проекта."),
        ("p", "ВЫСТУПИЛИ:"), ("p", "Захарова О.В., Мухаметшин Д.Ф."),
        ("p", "РЕШИЛИ:"), ("p", "1. Признать пилотный проект успешным."),
        ("p", "2. Рекомендовать тиражирование проекта в районах города."),
        ("p", "Голосовали: за – 4, против – нет, воздержались – нет."),
        ("p", "2. СЛУШАЛИ:"),
        ("p", "Галиеву Л.М. – секретаря рабочей группы, которая представила проект плана работы."),
        ("p", "РЕШИЛИ:"), ("p", "Утвердить план работы на II квартал 2026 года."),
        ("p", "Голосовали: единогласно."),
        ("tab", ("Председатель рабочей группы", "Р.Р. Хабибуллин")),
        ("tab", ("Секретарь", "Л.М. Галиева")),
    ]
    expected = minutes(
        "ho_ru_working_group.txt", body="Рабочая группа по цифровизации городского хозяйства",
        number="2", date="2026-03-17", place="г. Казань",
        city="city:kazan", chair="Хабибуллин Р.Р.", secretary="Галиева Л.М.",
        present_count=None, agenda=[
            item("1", "О результатах пилотного проекта «Умный двор»", [
                sp("Сафин А.И.", "safin a", "rapporteur", "начальника отдела информатизации"),
                sp("Захарова О.В.", "zaharova o"),
                sp("Мухаметшин Д.Ф.", "muhamechin d", "invited"),
            ], [dec("Признать пилотный проект успешным.", "1"),
                dec("Рекомендовать тиражирование проекта в районах города.", "2")],
                vote(4, 0, 0, None)),
            item("2", "О плане работы на II квартал 2026 года", [
                sp("Галиева Л.М.", "galieva l", "rapporteur", "секретаря рабочей группы"),
            ], [dec("Утвердить план работы на II квартал 2026 года.")], vote(unanimous=True)),
        ])
    return Real("ho_ru_working_group", "txt", elements, expected)


def ho_en_board() -> Real:
    """DOCX: a board's minutes in the British style: numbered headings, "Attendees" and
    "Apologies", the previous minutes approved, outcomes in prose, no votes."""
    elements = [
        ("title", "Minutes of the Board meeting held on 5 May 2026 at the City Hall, Bishkek"),
        ("p", "Attendees: Timur Asanov (Chair), Aida Bekova, Marat Akhmetov, Olga Sidorenko"),
        ("p", "Apologies: Rashid Aliyev"),
        ("h", "1. Welcome and apologies"),
        ("p", "The Chair welcomed members and noted the apologies of Rashid Aliyev."),
        ("h", "2. Minutes of the previous meeting"),
        ("p", "The minutes of the meeting of 3 March 2026 were approved as a true record."),
        ("h", "3. Financial report"),
        ("p", "Aida Bekova presented the financial report for the first quarter."),
        ("p", "Marat Akhmetov asked about the delayed contributions."),
        ("p", "The Board approved the financial report."),
        ("h", "4. Any other business"),
        ("p", "There was no other business. The meeting closed at 17:10."),
    ]
    expected = minutes(
        "ho_en_board.docx", body="Board",
        number=None, date="2026-05-05", place="City Hall, Bishkek",
        city="city:bishkek", chair="Timur Asanov", secretary=None, present_count=None,
        problems=("no agenda found", "item 1: no decision recorded",
                  "item 4: no decision recorded"), agenda=[
            item("1", "Welcome and apologies", [sp("Timur Asanov", "asanov t", "chair")], []),
            item("2", "Minutes of the previous meeting", [],
                 [dec("The minutes of the meeting of 3 March 2026 were approved as a true "
                      "record.")], vote()),
            item("3", "Financial report", [sp("Aida Bekova", "bekova a"),
                                          sp("Marat Akhmetov", "ahmetov m")],
                 [dec("The Board approved the financial report.")], vote()),
            item("4", "Any other business", [], []),
        ])
    return Real("ho_en_board", "docx", elements, expected)


def ho_uk_pdf() -> Real:
    """PDF: «Порядок денний» in sentence case, items «1. СЛУХАЛИ:» with the speaker's name in
    the nominative and a dash, «Голосували: одноголосно», a signature with «(підпис)»."""
    elements = [
        ("title", "ПРОТОКОЛ № 12"), ("center", "засідання виконавчого комітету ради"),
        ("p", "м. Львів\t3 квітня 2026 р."),
        ("p", "Головуючий – Садовий А.І."), ("p", "Секретар – Думанська Ю.В."),
        ("p", "Присутні: 11 членів виконавчого комітету"),
        ("p", "Порядок денний:"),
        ("p", "1. Про благоустрій площі Ринок."), ("p", "2. Про тарифи на паркування."),
        ("p", "1. СЛУХАЛИ: Бойко Н.М. – директор департаменту містобудування."),
        ("p", "ВИРІШИЛИ: Затвердити проєкт благоустрою площі Ринок."),
        ("p", "Голосували: одноголосно."),
        ("p", "2. СЛУХАЛИ: Кіт О.Р. – начальник управління транспорту."),
        ("p", "ВИСТУПИЛИ: Садовий А.І., Думанська Ю.В."),
        ("p", "ВИРІШИЛИ: Перенести розгляд питання на наступне засідання."),
        ("p", "Голосували: «за» – 9, «проти» – 1, «утримались» – 1."),
        ("p", "Головуючий (підпис) А.І. Садовий"),
    ]
    expected = minutes(
        "ho_uk_pdf.pdf", body="Виконавчий комітет ради",
        number="12", date="2026-04-03", place="м. Львів", city="city:lviv",
        chair="Садовий А.І.", secretary="Думанська Ю.В.", present_count=11, agenda=[
            item("1", "Про благоустрій площі Ринок", [
                sp("Бойко Н.М.", "boiko n", "rapporteur", "директор департаменту містобудування"),
            ], [dec("Затвердити проєкт благоустрою площі Ринок.")], vote(unanimous=True)),
            item("2", "Про тарифи на паркування", [
                sp("Кіт О.Р.", "kit o", "rapporteur", "начальник управління транспорту"),
                sp("Садовий А.І.", "sadovi a", "chair"),
                sp("Думанська Ю.В.", "dumanska i", "secretary"),
            ], [dec("Перенести розгляд питання на наступне засідання.")], vote(9, 1, 1, None)),
        ])
    return Real("ho_uk_pdf", "pdf", elements, expected)


ALL = (ho_ru_working_group, ho_en_board, ho_uk_pdf)

"""Russian minutes of the quality set (names and events are invented)."""

from __future__ import annotations

from minutes_spec import Decision, Item, Minutes, Speaker, Tally


def ru_classic() -> Minutes:
    """DOCX as the secretariat's template has it: headings, bold labels on their own lines."""
    return Minutes(
        "ru_classic", "ru", "docx", "classic", "14", "2025-06-18", "18 июня 2025 г.",
        "г. Москва", "city:moscow", "Соколов А.В.", "Миронова Е.С.", 27,
        invited="руководители служб жилищно-коммунального хозяйства городов Ассамблеи",
        items=[
            Item("1", "Об итогах отопительного сезона 2024–2025 годов в городах — членах Ассамблеи",
                 heard=[Speaker("Белов С.Н.", "Белов С.Н.", "belov s", "первый заместитель мэра Москвы",
                                "г. Москва", "city:moscow", "Доложил об итогах отопительного сезона.")],
                 spoke=[Speaker("Ахмедова Л.Р.", "Ахмедова Л.Р.", "ahmedova l", "заместитель главы города Казани",
                                "г. Казань", "city:kazan", "Сообщила о переводе котельных на газ."),
                        Speaker("Тарасенко В.П.", "Тарасенко В.П.", "tarasenko v",
                                "директор департамента жилищно-коммунального хозяйства", "г. Воронеж",
                                "city:voronezh", "Предложил обмениваться графиками ремонта сетей.")],
                 decisions=[Decision("1.1", "Информацию Белова С.Н. принять к сведению."),
                            Decision("1.2", "Рекомендовать городам — членам Ассамблеи завершить подготовку к "
                                            "отопительному сезону до 15 сентября 2025 г.")],
                 vote=Tally(25, 0, 2)),
            Item("2", "О подготовке Международного форума городов по цифровой трансформации",
                 heard=[Speaker("Ковальчук Ирина Олеговна", "Ковальчук Ирина Олеговна", "kovalchuk i",
                                "руководитель департамента информационных технологий", "г. Новосибирск",
                                "city:novosibirsk", "Представила программу форума.")],
                 decisions=[Decision("2.1", "Одобрить программу Международного форума городов по цифровой "
                                            "трансформации."),
                            Decision("2.2", "Поручить Секретариату Ассамблеи разослать приглашения до 1 августа "
                                            "2025 г.")],
                 vote=Tally(27, 0, 0, unanimous=True)),
            Item("3", "О плане работы Совета на второе полугодие 2025 года",
                 heard=[Speaker("Миронова Е.С.", "Миронова Е.С.", "mironova e", "ответственный секретарь Ассамблеи",
                                "г. Москва", "city:moscow", "Представила проект плана работы.")],
                 decisions=[Decision("3.1", "Утвердить план работы Совета на второе полугодие 2025 года.")],
                 vote=Tally(26, 0, 1)),
        ])  # fmt: skip


def ru_tables() -> Minutes:
    """DOCX with the head, the agenda, the labels and the tallies in tables; a rejected item."""
    return Minutes(
        "ru_tables", "ru", "docx", "tables", "15", "2025-09-24", "24 сентября 2025 г.",
        "г. Минск", "city:minsk", "Кухарев В.Е.", "Лазаренко О.М.", 24,
        options={"header": "table", "agenda": "table", "labels": "table", "votes": "table_rows"},
        items=[
            Item("1", "О развитии общественного транспорта в городах Ассамблеи",
                 heard=[Speaker("Гуринович П.С.", "Гуринович П.С.", "gurinovich p",
                                "заместитель председателя Мингорисполкома", "г. Минск", "city:minsk",
                                "Рассказал о запуске новых электробусных маршрутов.")],
                 spoke=[Speaker("Исмаилов Э.Ф.", "Исмаилов Э.Ф.", "ismailov e", "начальник транспортного управления",
                                "г. Баку", "city:baku", "Предложил создать единую базу данных о пассажиропотоке.")],
                 decisions=[Decision("1.1", "Информацию Гуриновича П.С. принять к сведению."),
                            Decision("1.2", "Рекомендовать городам — членам Ассамблеи рассмотреть опыт Минска по "
                                            "внедрению электробусов.")],
                 vote=Tally(22, 0, 2)),
            Item("2", "О проведении конкурса «Лучший городской двор»",
                 heard=[Speaker("Сергеева Т.А.", "Сергеева Т.А.", "sergeva t",
                                "председатель комиссии по городскому хозяйству", "г. Екатеринбург",
                                "city:yekaterinburg", "Представила положение о конкурсе.")],
                 decisions=[Decision("2.1", "Утвердить положение о конкурсе «Лучший городской двор»."),
                            Decision("2.2", "Провести конкурс в 2026 году.")],
                 vote=Tally(24, 0, 0, unanimous=True)),
            Item("3", "О создании фонда поддержки малых городских проектов",
                 heard=[Speaker("Абдрахманов Н.К.", "Абдрахманов Н.К.", "abdrahmanov n", "советник акима города Алматы",
                                "г. Алматы", "city:almaty", "Предложил создать фонд за счёт взносов городов.")],
                 decisions=[Decision("3.1", "Создать фонд поддержки малых городских проектов.")],
                 vote=Tally(8, 12, 4, "rejected")),
        ])  # fmt: skip


def ru_inline() -> Minutes:
    """PDF with «1. СЛУШАЛИ:» and speakers in the accusative, tallies in words, a decision
    running over a page break, a running head and page numbers."""
    return Minutes(
        "ru_inline", "ru", "pdf", "inline", "16", "2025-11-12", "«12» ноября 2025 г.",
        "г. Санкт-Петербург", "city:saint-petersburg", "Белоусов Г.Н.", "Орлова М.В.", 30,
        options={"marker": "numbered_label", "labels": "inline", "votes": "words",
                 "running_head": "Протокол № 16 заседания Совета", "break_before_items": (2,)},
        items=[
            Item("1", "О развитии набережных и прибрежных территорий",
                 heard=[Speaker("Иванова Игоря Петровича", "Иванов Игорь Петрович", "ivanov i",
                                "заместителя губернатора Санкт-Петербурга", "г. Санкт-Петербург",
                                "city:saint-petersburg", "Доложил о программе благоустройства набережных.")],
                 spoke=[Speaker("Кравец Н.И.", "Кравец Н.И.", "kravec n", "главный архитектор города", "г. Самара",
                                "city:samara", "Поддержала программу и предложила провести конкурс проектов.")],
                 decisions=[Decision("1.1", "Информацию Иванова И.П. принять к сведению."),
                            Decision("1.2", "Рекомендовать городам — членам Ассамблеи включить развитие "
                                            "набережных в || программы благоустройства на 2026–2028 годы.")],
                 vote=Tally(28, 0, 2)),
            Item("2", "О сотрудничестве в сфере культуры",
                 heard=[Speaker("Петрову Анну Сергеевну", "Петрова Анна Сергеевна", "petrova a",
                                "председателя комитета по культуре", "г. Ярославль", "city:yaroslavl",
                                "Сообщила о планах проведения фестиваля.")],
                 spoke=[Speaker("Гусейнов Р.А.", "Гусейнов Р.А.", "guseinov r", "заместитель мэра", "г. Махачкала",
                                "city:makhachkala", "Предложил включить в фестиваль выставку народных промыслов.")],
                 decisions=[Decision("2.1", "Провести в 2026 году фестиваль «Культурная столица Ассамблеи»."),
                            Decision("2.2", "Поручить Секретариату подготовить смету фестиваля.")],
                 vote=Tally(30, 0, 0, unanimous=True)),
            Item("3", "О дате следующего заседания Совета",
                 heard=[Speaker("Орлову М.В.", "Орлова М.В.", "orlova m", "секретаря Совета", None, None,
                                "Предложила провести следующее заседание в феврале 2026 года.")],
                 decisions=[Decision("3.1", "Провести следующее заседание Совета 18 февраля 2026 г. в г. Казани.")],
                 vote=Tally(29, 1, 0)),
        ])  # fmt: skip


def ru_spaced() -> Minutes:
    """A typewritten text file in cp1251: letter-spaced labels, hard-wrapped lines, «По первому
    вопросу» markers, unnumbered decisions."""
    return Minutes(
        "ru_spaced", "ru", "txt", "spaced", "17", "2026-02-05", "5 февраля 2026 г.",
        "г. Уфа", "city:ufa", "Галиев Ф.Ф.", "Зайцева О.Н.", 21,
        options={"marker": "question", "labels": "spaced", "agenda": "lines", "decisions": "plain",
                 "wrap": 68, "encoding": "cp1251", "title_text": "П Р О Т О К О Л  № 17"},
        items=[
            Item("1", "О мерах по снижению аварийности на городских дорогах",
                 heard=[Speaker("Никитин А.Ю.", "Никитин А.Ю.", "nikitin a", "начальник управления транспорта",
                                "г. Уфа", "city:ufa", "Доложил о результатах внедрения интеллектуальной "
                                "транспортной системы.")],
                 spoke=[Speaker("Волкова Е.Г.", "Волкова Е.Г.", "volkova e", "депутат городского совета", "г. Пермь",
                                "city:perm", "Предложила расширить сеть камер фиксации нарушений.")],
                 decisions=[Decision(None, "Информацию Никитина А.Ю. принять к сведению."),
                            Decision(None, "Рекомендовать городам — членам Ассамблеи использовать опыт Уфы при "
                                           "модернизации светофорных объектов и организации пешеходных переходов "
                                           "вблизи школ.")],
                 vote=Tally(20, 0, 1)),
            Item("2", "О ходе подготовки к зимнему сезону",
                 heard=[Speaker("Латыпов И.Р.", "Латыпов И.Р.", "latipov i", "заместитель главы администрации",
                                "г. Уфа", "city:ufa", "Сообщил о готовности снегоуборочной техники.")],
                 decisions=[Decision(None, "Информацию Латыпова И.Р. принять к сведению.")],
                 vote=Tally(21, 0, 0, unanimous=True)),
        ])  # fmt: skip


def ru_no_agenda() -> Minutes:
    """DOCX without an agenda, labels in sentence case («Слушали:»): read, marked partial."""
    return Minutes(
        "ru_no_agenda", "ru", "docx", "classic", "18", "2026-03-19", "19 марта 2026 г.",
        "г. Казань", "city:kazan", "Сабиров Д.М.", "Юсупова Г.Х.", 19, agenda=False,
        options={"labels": "sentence"}, problems=["no agenda found"],
        items=[
            Item("1", "О развитии туристической инфраструктуры",
                 heard=[Speaker("Каримова Д.Р.", "Каримова Д.Р.", "karimova d", "начальник управления туризма",
                                "г. Казань", "city:kazan", "Доложила о росте турпотока на 12 %.")],
                 decisions=[Decision("1.1", "Информацию Каримовой Д.Р. принять к сведению."),
                            Decision("1.2", "Рекомендовать разработать единый туристический маршрут городов "
                                            "Поволжья.")],
                 vote=Tally(18, 0, 1)),
            Item("2", "О взаимодействии с молодёжными организациями",
                 heard=[Speaker("Семёнов К.В.", "Семёнов К.В.", "semenov k", "председатель комитета по делам молодёжи",
                                "г. Самара", "city:samara", "Предложил провести молодёжный форум Ассамблеи.")],
                 decisions=[Decision("2.1", "Провести молодёжный форум Ассамблеи в 2026 году.")],
                 vote=Tally(19, 0, 0, unanimous=True)),
        ])  # fmt: skip


def ru_no_votes() -> Minutes:
    """A text file whose second item records decisions without a vote: marked partial."""
    return Minutes(
        "ru_no_votes", "ru", "txt", "classic", "19", "2026-04-09", "09.04.2026",
        "г. Тула", "city:tula", "Гордеев Н.С.", "Власова И.К.", 16,
        options={"agenda": "lines"},
        problems=["item 2: decisions without a vote or an outcome"],
        items=[
            Item("1", "Об утверждении отчёта о работе комиссии по экологии",
                 heard=[Speaker("Панова Л.С.", "Панова Л.С.", "panova l", "председатель комиссии по экологии",
                                "г. Тула", "city:tula", "Представила отчёт о работе комиссии за 2025 год.")],
                 decisions=[Decision("1.1", "Утвердить отчёт о работе комиссии по экологии за 2025 год.")],
                 vote=Tally(15, 0, 1)),
            Item("2", "О проведении экологического субботника",
                 heard=[Speaker("Зуев Р.О.", "Зуев Р.О.", "zuev r", "начальник управления благоустройства",
                                "г. Тула", "city:tula", "Предложил провести общегородской субботник в апреле.")],
                 decisions=[Decision("2.1", "Провести общегородской субботник 25 апреля 2026 г."),
                            Decision("2.2", "Поручить управлению благоустройства обеспечить участников "
                                            "инвентарём.")]),
        ])  # fmt: skip


def ru_mismatch() -> Minutes:
    """PDF voting decision by decision in column tables; one tally does not add up."""
    return Minutes(
        "ru_mismatch", "ru", "pdf", "classic", "20", "2026-05-14", "14 мая 2026 г.",
        "г. Ярославль", "city:yaroslavl", "Волков Д.Н.", "Смирнова А.А.", 25,
        options={"votes": "table_cols"},
        session_problems=["item 1: the vote 20+1+1 = 22 does not add up to the 25 present"],
        items=[
            Item("1", "О модернизации систем уличного освещения",
                 heard=[Speaker("Лебедев О.В.", "Лебедев О.В.", "lebedev o", "директор МКУ «Горсвет»",
                                "г. Ярославль", "city:yaroslavl", "Доложил о переходе на светодиодные светильники.")],
                 decisions=[Decision("1.1", "Информацию Лебедева О.В. принять к сведению.", Tally(20, 1, 1)),
                            Decision("1.2", "Рекомендовать городам — членам Ассамблеи перейти на светодиодное "
                                            "освещение до 2028 года.", Tally(24, 0, 1))]),
            Item("2", "О сотрудничестве с вузами",
                 heard=[Speaker("Морозова Н.П.", "Морозова Н.П.", "morozova n", "проректор университета",
                                "г. Ярославль", "city:yaroslavl", "Рассказала о программах стажировок для "
                                "студентов.")],
                 decisions=[Decision("2.1", "Одобрить программу стажировок студентов в администрациях городов.")],
                 vote=Tally(23, 1, 1)),
        ])  # fmt: skip


def ru_breaks() -> Minutes:
    """DOCX with line breaks inside agenda items and decisions, rapporteurs under the agenda
    items, a list of those present, РЕШИЛИ and a vote recorded as «единогласно»."""
    return Minutes(
        "ru_breaks", "ru", "docx", "classic", "21", "2026-06-11", "11 июня 2026 г.",
        "г. Самара", "city:samara", "Кузьмин А.А.", "Белова Т.Г.", None,
        options={"present_names": ["Кузьмин А.А.", "Белова Т.Г.", "Орехов П.Р.", "Лисина М.К."],
                 "rapporteur": True, "decided_word": "РЕШИЛИ"},
        items=[
            Item("1", "О проекте программы развития | городского транспорта на 2027–2030 годы",
                 heard=[Speaker("Орехов П.Р.", "Орехов П.Р.", "orehov p", "директор департамента транспорта",
                                "г. Самара", "city:samara", "Представил проект программы.")],
                 decisions=[Decision("1.1", "Одобрить проект программы развития городского транспорта."),
                            Decision("1.2", "Рекомендовать: | — расширить сеть выделенных полос; | — обновить "
                                            "подвижной состав.")],
                 vote=Tally(None, None, None, unanimous=True)),
            Item("2", "О плане мероприятий ко Дню города",
                 heard=[Speaker("Лисина М.К.", "Лисина М.К.", "lisina m", "начальник управления культуры",
                                "г. Самара", "city:samara", "Доложила о плане мероприятий.")],
                 decisions=[Decision("2.1", "Утвердить план мероприятий ко Дню города.")],
                 vote=Tally(4, 0, 0)),
        ])  # fmt: skip


ALL = (ru_classic, ru_tables, ru_inline, ru_spaced, ru_no_agenda, ru_no_votes, ru_mismatch,
       ru_breaks)

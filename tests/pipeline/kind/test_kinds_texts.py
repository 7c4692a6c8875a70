"""The classifier on tricky texts in each language: titles that name another kind, letters
enclosing a report, minutes without ПРОТОКОЛ, agendas that read like minutes."""

from __future__ import annotations

import pytest
from kinds_fixtures import text_document

from pipeline.kind.classify import classify, classify_text
from pipeline.minutes.stage import looks_like_minutes

CASES: dict[str, list[tuple[str, str]]] = {
    "ru": [
        ("report", """ОТЧЁТ
            о выполнении решения Совета от 9 апреля 2025 г. № 12/1
            Во исполнение решения Совета проведено обследование сетей."""),
        ("report", """ИНФОРМАЦИЯ
            о ходе выполнения Постановления Бюро Совета № 4
            Мэрия города Еревана сообщает о ходе работы над маршрутом."""),
        ("resolution", """РЕШЕНИЕ
            Об утверждении отчёта Секретариата
            Заслушав отчёт Секретариата, Совет Ассамблеи РЕШИЛ:
            1. Утвердить отчёт Секретариата.
            2. Контроль за исполнением настоящего решения возложить на Секретариат."""),
        ("letter", """Уважаемый Иван Петрович!
            Направляем доклад о водоснабжении для рассмотрения на заседании Совета.
            Приложение: доклад на 8 л. в 1 экз.
            С уважением,
            Глава администрации    И.И. Иванов"""),
        ("minutes", """Заседание Совета Ассамблеи
            Присутствовали: 20 членов Совета.
            СЛУШАЛИ: Петрова К.Л. — о бюджете.
            ПОСТАНОВИЛИ: Одобрить проект бюджета.
            ГОЛОСОВАЛИ: «за» — 20, единогласно."""),
        ("agenda", """ПОВЕСТКА ДНЯ
            заседания Совета
            1. Об отчёте Секретариата.
            Докладчик: Миронова Е.С.
            2. О проекте решения о бюджете.
            3. Разное."""),
        ("other", """ПРОТОКОЛ
            о сотрудничестве между мэрией города Бишкек и акиматом города Алматы
            1. Стороны обмениваются опытом организации транспорта."""),
    ],
    "uk": [
        ("report", """ЗВІТ
            про виконання рішення Ради Асамблеї № 12/3
            На виконання рішення Ради здійснено такі заходи."""),
        ("agenda", """ПОРЯДОК ДЕННИЙ
            засідання Бюро Ради
            1. Про звіт Секретаріату.
            2. Про проєкт рішення про бюджет.
            3. Різне."""),
        ("letter", """Шановний Петре Олександровичу!
            Надсилаємо звіт про виконання рішення Ради.
            З повагою,
            Директор департаменту    І.М. Коваль"""),
        ("resolution", """ПОСТАНОВА
            Бюро Ради Асамблеї
            Розглянувши пропозиції міст, Бюро Ради ПОСТАНОВЛЯЄ:
            1. Затвердити календар заходів."""),
        ("minutes", """Засідання Бюро Ради Асамблеї
            Головуючий: Бондаренко О.В.
            СЛУХАЛИ: Мельник Т.І. — про календар заходів.
            ВИРІШИЛИ: Схвалити календар заходів.
            ГОЛОСУВАЛИ: одноголосно."""),
    ],
    "be": [
        ("report", """СПРАВАЗДАЧА
            аб выкананні рашэння Савета № 12/2
            На выкананне рашэння праведзены семінар."""),
        ("minutes", """ПРАТАКОЛ № 3
            пасяджэння камісіі
            СЛУХАЛІ: Кавалевіча А.М.
            ПАСТАНАВІЛІ: Інфармацыю прыняць да ведама.
            ГАЛАСАВАЛІ: аднагалосна."""),
        ("resolution", """РАШЭННЕ
            Савета Асамблеі
            Заслухаўшы інфармацыю, Савет ВЫРАШЫЎ:
            1. Інфармацыю прыняць да ведама."""),
        ("letter", """Паважаная Алена Сяргееўна!
            Накіроўваем даклад для разгляду на пасяджэнні камісіі.
            З павагай,
            А.М. Кавалевіч"""),
        ("agenda", """ПАРАДАК ДНЯ
            1. Аб справаздачы Сакратарыята.
            2. Рознае."""),
    ],
    "kk": [
        ("report", """Кеңес шешімінің орындалуы туралы есеп
            Кеңес шешімін орындау мақсатында іс-шаралар өткізілді."""),
        ("minutes", """ХАТТАМА № 4
            Кеңес отырысының
            ТЫҢДАЛДЫ: Жұмабаева А.Қ.
            ҚАУЛЫ ЕТТІ: Ақпарат назарға алынсын.
            ДАУЫС БЕРДІ: бірауыздан."""),
        ("agenda", """КҮН ТӘРТІБІ
            1. Отырыстың ашылуы.
            2. Кеңес шешімдерінің орындалуы туралы есеп жөнінде.
            3. Әртүрлі."""),
        ("resolution", """ШЕШІМ
            Ассамблея Кеңесі ШЕШІМ ҚАБЫЛДАДЫ:
            1. Ақпарат назарға алынсын.
            2. Осы шешімнің орындалуын бақылау Хатшылыққа жүктелсін."""),
        ("letter", """Құрметті Елена Сергеевна!
            Баяндаманы Кеңес отырысында қарау үшін жолдаймыз.
            Құрметпен,
            Б.Т. Сәрсенов"""),
    ],
    "en": [
        ("agenda", """AGENDA
            1. Opening of the meeting
            2. Approval of the minutes of the 14th meeting
            3. Report of the Secretary-General
            4. Any other business"""),
        ("report", """Report on the implementation of Resolution 12/1
            Following Resolution 12/1, the working group met three times."""),
        ("letter", """Dear Ms Mironova,
            Please find enclosed the report of the Akimat of Astana.
            Yours sincerely,
            Nurlan Seitkali"""),
        ("resolution", """RESOLUTION 21/3
            The General Assembly,
            Recalling its resolution 20/4,
            1. Approves the budget of the Assembly for 2026;
            2. Requests the Secretariat to report on its execution."""),
        ("minutes", """Council of the Assembly
            Meeting held in Astana on 20 May 2025
            Present: Ms Zhumabayeva (Chair), Mr Aliyev
            Item 1: Water losses
            RESOLVED that a working group be set up.
            Votes: for 15, against 0, abstentions 0."""),
        ("other", """Cities agree on water losses
            Minutes after the meeting closed, the delegates visited the metering centre."""),
    ],
}


@pytest.mark.parametrize(("language", "kind", "text"), [
    (language, kind, text) for language, cases in CASES.items() for kind, text in cases])
def test_tricky_texts_get_their_kind(language: str, kind: str, text: str) -> None:
    verdict = classify_text(text, language)
    assert verdict.kind == kind, (verdict.scores, verdict.reasons())


def test_an_agenda_the_minutes_reader_would_read_is_an_agenda() -> None:
    """"Presentation:" and "Discussion:" under AGENDA make the minutes reader say minutes; the
    agenda's title, numbered items and the lack of any decision or vote outweigh that."""
    document = text_document("""Agenda
        Standing Commission on Informatization, Minsk, 14 May 2025
        1. Single platform of online public services
        Presentation: Mr Kovalevich (Minsk), 20 minutes
        Discussion: all members
        2. Open data standards for member cities
        Presentation: Mr Asanov (Bishkek)""")
    assert looks_like_minutes(document)
    verdict = classify(document)
    assert verdict.kind == "agenda"
    assert "the minutes reader recognises it (1.00)" in verdict.reasons("minutes")


def test_nothing_to_go_on_is_other() -> None:
    assert classify_text("").kind == "other"
    assert classify_text("Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.").kind == (
        "other")
    assert classify_text("Решение принято единогласно.").kind == "other"

"""Speakers, signatures, places and officers as secretaries really write them, read exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_minutes_bad_input import minutes_document

from corpus.model import Session
from pipeline.minutes.header import _read_date_place, place_city
from pipeline.minutes.labels import Label
from pipeline.minutes.signatures import Signature, read_signature
from pipeline.minutes.speaker_list import read_speakers
from pipeline.minutes.speakers import SpeakerLine
from pipeline.minutes.stage import read_minutes


def _line(words: str, role: str | None = None, city: str | None = None, text: str = "",
          capacity: str | None = None) -> SpeakerLine:
    return SpeakerLine(words.split(), role, city, text, capacity)


@pytest.mark.parametrize(("text", "expected"), [
    ("Абдуллаев Р.Т. (г. Баку), Сидоренко О.П. (г. Минск)",
     [_line("Абдуллаев Р.Т.", city="Баку"), _line("Сидоренко О.П.", city="Минск")]),
    ("Абдуллаев Р.Т. (Сидоренко О.П., Баку)",
     [_line("Абдуллаев Р.Т.", city="Баку"), _line("Сидоренко О.П.", city="Баку")]),
    ("Бондаренко С.П. (м. Київ), Коваль І.П. (КП «Київводоканал»)",
     [_line("Бондаренко С.П.", city="Київ"), _line("Коваль І.П.", role="КП «Київводоканал»")]),
    ("Гнатюк В.Б. (м. Львів) та Олійник Т.С. (м. Одеса)",
     [_line("Гнатюк В.Б.", city="Львів"), _line("Олійник Т.С.", city="Одеса")]),
    ("Ткачук Е.А., А.М. Лукашэвіч и Жук І.В.",
     [_line("Ткачук Е.А."), _line("А.М. Лукашэвіч"), _line("Жук І.В.")]),
    ("докладчик Абдуллаев Р.Т. (Сидоренко О.П., Баку)",
     [_line("Абдуллаев Р.Т.", city="Баку", capacity="rapporteur"),
      _line("Сидоренко О.П.", city="Баку", capacity="co-rapporteur")]),
    ("содокладчик Гордеев Н.С. — председатель комиссии, г. Тула. Сообщил о планах.",
     [_line("Гордеев Н.С.", "председатель комиссии", "Тула", "Сообщил о планах.",
            "co-rapporteur")]),
    ("Invited: Mr Tigran Avetisyan (Yerevan): UNDP can help.",
     [SpeakerLine(["Tigran", "Avetisyan"], None, "Yerevan", "UNDP can help.", "invited")]),
])  # fmt: skip
def test_speakers_in_one_line(text: str, expected: list[SpeakerLine]) -> None:
    assert read_speakers(text, "ru") == expected


@pytest.mark.parametrize("text", [
    "Информацию принять к сведению.", "— о проекте бюджета", "Совет Ассамблеи, Секретариат",
])  # fmt: skip
def test_lines_that_name_no_speakers(text: str) -> None:
    assert read_speakers(text, "ru") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Председательствующий В.И. Ресин", Signature(Label.CHAIR, "В.И. Ресин")),
    ("Председательствующий ____________ В.И. Ресин", Signature(Label.CHAIR, "В.И. Ресин")),
    ("Председательствующий, Мэр Москвы В.И. Ресин", Signature(Label.CHAIR, "В.И. Ресин")),
    ("Председательствующий на заседании\tРесин В.И.", Signature(Label.CHAIR, "Ресин В.И.")),
    ("Секретарь: (подпись) Е.А. Ткачук", Signature(Label.SECRETARY, "Е.А. Ткачук")),
    ("Протокол вела М.В. Орлова", Signature(Label.SECRETARY, "М.В. Орлова")),
    ("Головуючий", Signature(Label.CHAIR, None)),
    ("Chair    Anahit Harutyunyan", Signature(Label.CHAIR, "Anahit Harutyunyan")),
    ("Secretary: Ms Lusine Hakobyan", Signature(Label.SECRETARY, "Ms Lusine Hakobyan")),
])  # fmt: skip
def test_signature_lines(text: str, expected: Signature) -> None:
    assert read_signature(text) == expected


@pytest.mark.parametrize("text", [
    "Председательствующий предложил избрать секретарём Е.А. Ткачук",
    "Председательствующий отметил, что план выполнен.", "Chair of the working group",
])  # fmt: skip
def test_sentences_about_the_chair_are_no_signatures(text: str) -> None:
    assert read_signature(text) is None


@pytest.mark.parametrize(("text", "date", "place"), [
    ("Минск\t9 апреля 2009 г.", "2009-04-09", "Минск"),
    ("Yerevan, Armenia, 12 March 2025", "2025-03-12", "Yerevan"),
    ("The meeting was held in Yerevan on 12 March 2025.", "2025-03-12", "Yerevan"),
    ("Заседание состоялось в Минске 9 апреля 2009 г.", "2009-04-09", "Минск"),
    ("г. Мінск, 4 сакавіка 2025 г.", "2025-03-04", "г. Мінск"),
    ("Астана\t14.05.2025", "2025-05-14", "Астана"),
])  # fmt: skip
def test_places_written_without_a_mark(text: str, date: str, place: str) -> None:
    session = Session()
    _read_date_place(session, text)
    assert (session.date, session.place) == (date, place)


@pytest.mark.parametrize(("place", "city"), [
    ("Yerevan City Hall", "city:yerevan"), ("Дом правительства, Минск", "city:minsk"),
    ("City Hall, Minsk", "city:minsk"), ("Тверская, 13", None),
])  # fmt: skip
def test_the_city_of_a_venue(place: str, city: str | None) -> None:
    assert place_city(place, "ru") == city


def test_a_narrative_record_names_the_chair_and_completes_surnames() -> None:
    document = minutes_document([
        "MINUTES", "of the 5th meeting of the Committee", "Yerevan, 12 March 2025",
        "Chair: Ms Anahit Harutyunyan", "Present: Ms Anahit Harutyunyan, Mr Rashid Aliyev",
        "Agenda", "1. Restoration of city centres",
        "Aliyev asked whether wooden buildings were covered.",
        "The Chair noted that they would be covered later.",
        "It was agreed that the survey be published.", "Carried unanimously."])
    document.language = "en"
    session = read_minutes(document)
    assert session.number == "5"
    assert [(s.speaker, s.person_key, s.capacity, s.text) for s in session.agenda[0].speeches] == [
        ("Rashid Aliyev", "aliev r", None, "asked whether wooden buildings were covered."),
        ("Anahit Harutyunyan", "harutiunian a", "chair", "noted that they would be covered later."),
    ]


def test_a_speaker_line_without_a_name_is_reported_not_failed() -> None:
    document = minutes_document([
        "ПРОТОКОЛ № 5", "г. Тула 3 марта 2026 г.", "ПОВЕСТКА ДНЯ:", "1. О бюджете.",
        "СЛУШАЛИ: — о проекте бюджета на 2026 год.", "ПОСТАНОВИЛИ: Проект бюджета одобрить.",
        "Решение принято."])
    read_minutes(document)
    document.finish()
    assert document.minutes is not None and document.minutes.agenda[0].speeches == []
    assert (document.status, document.problems) == ("partial", [
        "minutes: item 1: a speaker line names no one («о проекте бюджета на 2026 год.»)"])


def test_a_narrative_record_without_an_agenda_is_read_and_marked() -> None:
    document = minutes_document([
        "Minutes of the meeting of the Bureau", "Minsk, 4 December 2025",
        "Ms Sidorenko reported that the budget was balanced.",
        "Mr Aliyev asked about contributions.", "It was agreed that the budget be approved."])
    document.language = "en"
    session = read_minutes(document)
    document.finish()
    assert [s.speaker for s in session.agenda[0].speeches] == ["Sidorenko", "Aliyev"]
    assert [d.text for d in session.agenda[0].decisions] == ["The budget be approved."]
    assert session.agenda[0].vote is not None and session.agenda[0].vote.outcome == "adopted"
    assert (document.status, document.problems) == ("partial", ["minutes: no agenda found"])


def _text_box(paragraph: object, lines: list[str]) -> None:
    """A VML text box holding `lines`, anchored in `paragraph` (as Word 2003 layouts write)."""
    from docx.oxml import parse_xml

    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    paragraph._p.append(parse_xml(  # type: ignore[attr-defined]
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        f"{body}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))


def test_a_head_in_a_text_box_is_read(tmp_path: Path) -> None:
    import docx

    from pipeline.parse import parse
    from pipeline.parse.base import Source

    word = docx.Document()
    word.add_paragraph("ПРОТОКОЛ № 3")
    _text_box(word.add_paragraph(), ["Минск", "9 апреля 2009 г.",
                                    "Председательствующий: Ресин В.И."])
    for line in ("ПОВЕСТКА ДНЯ:", "1. О бюджете.", "СЛУШАЛИ: Иванова И.И. — о бюджете.",
                 "ПОСТАНОВИЛИ: Бюджет утвердить.", "Решение принято."):
        word.add_paragraph(line)
    word.save(str(tmp_path / "box.docx"))
    document = parse(Source.from_path(tmp_path / "box.docx"))
    session = read_minutes(document)
    assert (session.number, session.date, session.place, session.chair) == (
        "3", "2009-04-09", "Минск", "Ресин В.И.")
    assert document.city == "city:minsk"


def test_a_roll_call_that_disagrees_with_the_tally_is_reported() -> None:
    document = minutes_document([
        "ПРОТОКОЛ № 8", "г. Тула 3 марта 2026 г.", "Присутствовали: 3 человека",
        "ПОВЕСТКА ДНЯ:", "1. О бюджете.", "СЛУШАЛИ: Панову Л.С. — о бюджете.",
        "ПОСТАНОВИЛИ: Бюджет утвердить.", "ГОЛОСОВАЛИ: «за» — 3, «против» — 0, «воздержались» — 0.",
        "Гордеев Н.С. — за", "Панова Л.С. — против", "Гордеев Н.С. — за", "Решение принято."])
    session = read_minutes(document)
    document.finish()
    vote = session.agenda[0].vote
    assert vote is not None
    assert [(m.member, m.choice) for m in vote.members] == [
        ("Гордеев Н.С.", "for"), ("Панова Л.С.", "against"), ("Гордеев Н.С.", "for")]
    assert (vote.votes_for, vote.against, vote.outcome) == (3, 0, "adopted")
    assert document.problems == [
        "minutes: item 1: a member votes twice in the roll call",
        "minutes: item 1: the roll call (2+1+0) does not match the vote 3+0+0"]

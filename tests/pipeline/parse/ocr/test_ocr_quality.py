"""Garbage text-layer detection, language packs and page replacement: no Tesseract needed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import ocr_fixtures as fx
import pytest
from PIL import Image

from corpus.errors import ModelMissing
from corpus.model import Document
from pipeline.parse.ocr import languages, quality
from pipeline.parse.ocr.engine import OcrParagraph, OcrResult, join_lines, paragraphs_from_data
from pipeline.parse.ocr.pages import (
    OUT_OF_TIME,
    PageImage,
    PageReading,
    page_problems,
    read_pages,
    with_unread,
)
from pipeline.parse.ocr.pdf_pages import pages_to_ocr, replace_pages
from pipeline.parse.ocr.quality import assess

REAL_TEXTS = {
    "ru": " ".join(fx.RUSSIAN),
    "uk": "Протокол засідання Ради Міжнародної асамблеї столиць і великих міст. Головував мер "
    "міста Києва. На засіданні були присутні представники Мінська та Астани.",
    "kk": "Астаналардың және ірі қалалардың халықаралық ассамблеясы кеңесінің отырысының "
    "хаттамасы. Отырысқа Мәскеу қаласының мэрі төрағалық етті.",
    "en": "Minutes of the meeting of the Council of the International Assembly of Capitals and "
    "Large Cities. The mayor of Moscow chaired the meeting.",
    "az": "Paytaxtların və böyük şəhərlərin Beynəlxalq Assambleyası Şurasının iclasının "
    "protokolu. İclasa Bakı şəhərinin meri sədrlik etmişdir.",
    "ro": "Procesul-verbal al ședinței Consiliului Adunării Internaționale a Capitalelor și "
    "Marilor Orașe. Ședința a fost prezidată de primarul Chișinăului.",
    "hy": "Մայրաքաղաքների և խոշոր քաղաքների միջազգային վեհաժողովի խորհրդի նիստի "
    "արձանագրություն։ Նիստը նախագահում էր Երևանի քաղաքապետը։",
    "ka": "დედაքალაქებისა და დიდი ქალაქების საერთაშორისო ასამბლეის საბჭოს სხდომის ოქმი.",
    "budget table": "Итого 1 234,5 2 345,6 3 456,7 12,5% 2024 2025 Бюджет 45 678,9 12 345 "
    "67 890 100,0 Всего 3 456 2 345",
    "names": "Иванов И.И., Петров П.П., Сидоров С.С., Ким О.Н., Абдуллаев Р.Ш., Ли В.А.",
    "page furniture": "стр. 1 из 12 № 45/2024-р от 12.03.2024 г.",
    "mixed terms": "Доклад о программе Smart City: проект «Цифровой город 2030», COVID-19, "
    "e-mail: info@mag.ru, сайт www.mag-assembly.org, тел. +7 (495) 123-45-67.",
}

MALFORMED = "the text layer's words are malformed (a font without a Unicode map or poor OCR)"
GARBAGE = {
    "brief's example": (fx.GARBAGE_EXAMPLE, MALFORMED),
    "shifted Cyrillic font": (fx.shifted(" ".join(fx.RUSSIAN)), MALFORMED),
    "Latin look-alike OCR": ("IIpoToKoJI 3acegaHus CoBeTa MeXgyHapogHoň accaM6JIeu cToJIuII u "
                             "KpyIIHbIx ropogoB. IIpegcegaTeJIbcTBoBaJI MэP ropoga MocKBbI.",
                             MALFORMED),
    "split-word OCR": ("Пр0т0к0л засе дан ия Сов ета Ме ждународ ной асс амблеи ст олиц и кр "
                       "упных го родов. Пре дседат ельств овал м эр гор ода Мо сквы.",
                       "the text layer's words are broken into fragments (poor OCR)"),
    "mojibake": (" ".join(fx.RUSSIAN).encode("cp1251").decode("latin-1"),
                 "the text layer is in the wrong encoding"),
    "symbols": ("¤¤ ©® ¶¶ ^^^ ~~~ ||| ¤¤ ©®", "the text layer is mostly symbols"),
    "Latin letters of no language": (
        "Ghbdtn rfr ltkf vjq lheu xnj ltkftim ctujlyz dtxthjv ghbtpl yf pfctlfybt ujhjlcrjq "
        "lev gj djghjcfv djljcyf,;tybz b jnjgktybz", "the text layer reads as no known language"),
}


@pytest.mark.parametrize("name", sorted(REAL_TEXTS))
def test_real_text_is_not_garbage(name: str) -> None:
    verdict = assess(REAL_TEXTS[name])
    assert (verdict.garbage, verdict.reason) == (False, None)


@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_garbage_is_detected_with_its_reason(name: str) -> None:
    text, reason = GARBAGE[name]
    verdict = assess(text)
    assert (verdict.garbage, verdict.reason) == (True, reason)


def test_too_little_text_is_not_judged() -> None:
    assert assess("N_^_j").garbage is False
    assert assess("   ").chars == 0


def test_russian_text_is_judged_without_language_id(monkeypatch: pytest.MonkeyPatch) -> None:
    """Language ID is asked only about Latin or suspicious text: a Russian page loads no model."""

    def refuse(text: str) -> tuple[str, float]:
        raise AssertionError("language ID was asked about clean Cyrillic text")

    monkeypatch.setattr(quality, "identify", refuse)
    verdict = assess(REAL_TEXTS["ru"] * 3)
    assert (verdict.garbage, verdict.language) == (False, "ru")
    assert assess(REAL_TEXTS["uk"] * 3).language == "uk"
    assert assess(REAL_TEXTS["kk"] * 3).language == "und"


@pytest.mark.parametrize(("asked", "packs"), [
    (None, ["rus", "eng"]),
    ("uk", ["ukr", "eng"]),
    (["kk", "ru"], ["kaz", "rus", "eng"]),
    ("uz", ["uzb_cyrl", "uzb", "eng"]),
    ("rus+eng", ["rus", "eng"]),
    (["en"], ["eng"]),
    (["xx"], ["rus", "eng"]),
])
def test_packs_follow_the_language_with_english(asked: object, packs: list[str]) -> None:
    assert languages.packs_for(asked) == packs  # type: ignore[arg-type]


def test_missing_pack_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(languages, "installed_packs", lambda: frozenset({"rus", "eng"}))
    with pytest.raises(ModelMissing) as caught:
        languages.require_packs(["kaz", "uzb_cyrl", "eng"])
    assert str(caught.value) == (
        "Tesseract language pack kaz, uzb_cyrl is not installed. "
        "Install it with: apt-get install -y tesseract-ocr-kaz tesseract-ocr-uzb-cyrl")


def test_language_is_detected_only_from_enough_text() -> None:
    assert languages.detected_packs(REAL_TEXTS["uk"] * 2) == ["ukr", "eng"]
    assert languages.detected_packs("Протокол заседания") is None


def test_lines_join_and_mend_hyphenated_words() -> None:
    assert join_lines(["водоснаб-", "жения и", "Москва -", "Минск"]) == (
        "водоснабжения и Москва - Минск")


def test_paragraph_confidence_is_weighted_by_word_length() -> None:
    data: dict[str, list[Any]] = {
        "level": [2, 5, 5, 5, 5],
        "block_num": [1, 1, 1, 1, 2],
        "par_num": [1, 1, 1, 1, 1],
        "line_num": [0, 1, 1, 2, 1],
        "text": ["", "Совет", "и", "города", "Минск"],
        "conf": [-1, 90, 30, 80, 50],
    }
    assert paragraphs_from_data(data) == [
        OcrParagraph("Совет и города", round((5 * 90 + 1 * 30 + 6 * 80) / 12 / 100, 4)),
        OcrParagraph("Минск", 0.5),
    ]


def _parsed_pdf() -> Document:
    """A parsed PDF as the PDF parser leaves it: a text page, a garbage page, a scan."""
    document = Document(id="f" * 64, source_name="mixed.pdf", media_type="application/pdf")
    document.add_block("paragraph", "Хороший текст первой страницы.", page=1, paragraph=1)
    document.add_block("header", fx.shifted("Заголовок совета"), page=2)
    document.add_block("paragraph", fx.shifted(" ".join(fx.RUSSIAN)), page=2, paragraph=2)
    document.add_block("paragraph", "", page=3, needs_ocr=True)
    document.add_block("paragraph", "Последний абзац.", page=4, paragraph=3)
    document.note_problem("1 page has no text layer and needs OCR")
    return document


def test_scanned_and_garbage_pages_are_planned_for_ocr() -> None:
    assert pages_to_ocr(_parsed_pdf()) == {2: MALFORMED, 3: "no text layer"}


def test_ocr_paragraphs_replace_the_pages_blocks_in_place() -> None:
    document = _parsed_pdf()
    readings = [
        PageReading(2, OcrResult("Абзац два.\n\nАбзац три.", 0.9, [
            OcrParagraph("Абзац два.", 0.91), OcrParagraph("Абзац три.", 0.89)])),
        PageReading(3, OcrResult("Скан.", 0.8, [OcrParagraph("Скан.", 0.8)])),
    ]
    replace_pages(document, readings, pages_to_ocr(document))
    got = [(b.order, b.id[-5:], b.page, b.paragraph, b.text, b.ocr, b.confidence)
           for b in document.blocks]
    assert got == [
        (0, "00000", 1, 1, "Хороший текст первой страницы.", False, None),
        (1, "00001", 2, 2, "Абзац два.", True, 0.91),
        (2, "00002", 2, 3, "Абзац три.", True, 0.89),
        (3, "00003", 3, 4, "Скан.", True, 0.8),
        (4, "00004", 4, 5, "Последний абзац.", False, None),
    ]


def test_unread_pages_keep_their_blocks_and_become_problems() -> None:
    document = _parsed_pdf()
    readings = [PageReading(2, failure="OCR timed out after 5 s on a page"),
                PageReading(3, OcrResult("", 0.0, []))]
    replace_pages(document, readings, pages_to_ocr(document))
    assert [b.needs_ocr for b in document.blocks] == [False, False, False, True, False]
    assert page_problems(readings) == [
        "OCR failed on page(s) 2: OCR timed out after 5 s on a page",
        "OCR found no text on page(s) 3",
    ]


def test_low_confidence_pages_are_listed() -> None:
    readings = [PageReading(1, OcrResult("x y", 0.42, [OcrParagraph("x y", 0.42)])),
                PageReading(2, OcrResult("ok", 0.93, [OcrParagraph("ok", 0.93)]))]
    assert page_problems(readings) == ["OCR confidence is low on page(s) 1 (0.42)"]


def test_pages_past_the_files_budget_are_not_read_and_are_listed() -> None:
    """No page is rendered or read once the budget is spent; the rest are named as unread."""
    rendered: list[int] = []

    def pages() -> Iterator[PageImage]:
        for number in range(1, 41):
            rendered.append(number)
            yield PageImage(number, Image.new("L", (10, 10), 255))

    readings = with_unread(list(read_pages(pages(), "ru", until=time.monotonic())), range(1, 41))
    assert rendered == [1]
    assert page_problems(readings) == [f"OCR failed on page(s) 1-40: {OUT_OF_TIME}"]

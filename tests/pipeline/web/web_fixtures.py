"""Archives for the web tests (the fixtures are in conftest.py; the live server is in
tests/support/live_server.py).

`small_archive`: a few documents saved through the real store and indexed by the real index
builder (languages, translations, entities and minutes set by hand; the stages that set them
are tested elsewhere), including a document whose text is an XSS attempt.

`samples_archive`: the bundled samples ingested by the real `sekretar ingest` in its own
process, once per test session, with Ukrainian as the translation target (Apertium ru->uk) and
embedding off (it is not what the web tests are about, and it takes minutes here).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.model import AgendaItem, Decision, Document, Entity, Session, Speech, Translation, Vote
from corpus.store import Store
from index.build import add_document

ROOT = Path(__file__).resolve().parents[3]
XSS_TITLE = "<script>alert('title')</script>"
XSS_TEXT = 'Водоканал "><img src=x onerror=alert(1)> <script>alert(2)</script> отчёт'


def keep(store: Store, folder: Path, name: str, body: bytes) -> str:
    path = folder / name
    path.write_bytes(body)
    sha = hashlib.sha256(body).hexdigest()
    store.keep_file(path, sha)
    return sha


def ryazan(doc_id: str) -> Document:
    doc = Document(doc_id, "report_ryazan_water_ru.docx", "docx", kind="report",
                   title="Отчёт МУП «Водоканал» г. Рязани", language="ru",
                   session="2024-весна", city="Рязань", date="2024-04-17", status="ok")
    doc.add_block("heading", "Водоснабжение города Рязани", language="ru", level=1, paragraph=1)
    block = doc.add_block(
        "paragraph",
        "Специалисты Водоканала завершили реконструкцию очистных сооружений в Рязани.",
        language="ru", paragraph=2, page=1)
    block.entities.append(Entity("LOC", 67, 73, "Рязани", "Рязань", "city:ryazan"))
    block.translations.append(Translation(
        "uk", "Фахівці Водоканалу завершили реконструкцію очисних споруд у Рязані.", "apertium"))
    block.translations.append(Translation(
        "en", "Water utility specialists rebuilt the treatment plant in Ryazan.", "test"))
    return doc


def minutes(doc_id: str) -> Document:
    doc = Document(doc_id, "minutes_2024_ru.docx", "docx", kind="minutes",
                   title="Протокол заседания Совета", language="ru", session="2024-весна",
                   city="Рязань", date="2024-04-18", status="ok")
    heard = doc.add_block("paragraph", "СЛУШАЛИ: Иванова И. И. о водоснабжении.", language="ru")
    decided = doc.add_block("paragraph", "ПОСТАНОВИЛИ: одобрить опыт Рязани.", language="ru")
    doc.minutes = Session(number="12", date="2024-04-18", place="Рязань", chair="Петров П. П.",
                          secretary="Сидорова С. С.", present=["Москва", "Рязань"])
    vote = Vote(votes_for=10, against=1, abstained=2, outcome="принято")
    doc.minutes.agenda.append(AgendaItem(
        "1", "О водоснабжении", [heard.id, decided.id],
        speeches=[Speech("Иванов И. И.", role="директор", block_ids=[heard.id])],
        decisions=[Decision("1.1", "Одобрить опыт Рязани.", [decided.id], vote)]))
    return doc


def xss(doc_id: str) -> Document:
    doc = Document(doc_id, '"><img src=x onerror=alert(3)>.txt', "text", kind="report",
                   title=XSS_TITLE, language="ru", session="<b>bold</b>", city="<i>x</i>",
                   status="ok")
    block = doc.add_block("paragraph", XSS_TEXT, language="ru")
    block.entities.append(Entity("ORG", 0, 9, "Водоканал", "Водоканал", 'org:"><script>x'))
    block.translations.append(Translation("uk", "<script>alert(4)</script>", "test"))
    return doc


def build_small(folder: Path) -> Path:
    sources = folder / "sources"
    sources.mkdir()
    data = folder / "data"
    with Store(data) as store:
        for builder in (ryazan, minutes, xss):
            doc_id = keep(store, sources, builder.__name__ + ".txt", builder.__name__.encode())
            document = builder(doc_id)
            store.save_document(document)
            add_document(store, document)
    return data



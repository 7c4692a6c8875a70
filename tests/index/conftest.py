"""A small real archive for the index tests: documents saved through `Store.save_document`,
their source files kept, and the index built incrementally as ingest builds it.

Languages, translations and entities are set by hand (the stages that set them are tested
elsewhere); the texts are real sentences with the inflected forms the search must find.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.model import Document, Entity, Translation
from corpus.store import Store
from index.build import add_document


def keep(store: Store, folder: Path, name: str, body: str) -> str:
    """Write a source file, keep it in the store and return its sha256 (the document id)."""
    path = folder / name
    path.write_text(body, "utf-8")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    store.keep_file(path, sha)
    return sha


def ryazan_report(doc_id: str) -> Document:
    doc = Document(
        id=doc_id,
        source_name="report_ryazan_water_ru.docx",
        media_type="docx",
        kind="report",
        title="Отчёт МУП «Водоканал» г. Рязани",
        language="ru",
        session="2024-весна",
        city="Рязань",
        date="2024-04-17",
        status="ok",
    )
    doc.add_block(
        "heading",
        "Отчёт о работе МУП «Водоканал» города Рязани",
        language="ru",
        level=1,
        paragraph=1,
    )
    block = doc.add_block(
        "paragraph",
        "Специалисты Водоканала завершили реконструкцию очистных сооружений "
        "в Рязани, и сброс загрязнений в Оку снизился на 40 процентов.",
        language="ru",
        paragraph=2,
        page=1,
    )
    block.entities.append(Entity("LOC", 70, 76, "Рязани", "Рязань", "city:ryazan"))
    block.translations.append(
        Translation(
            "en",
            "Water utility specialists completed the reconstruction of the sewage treatment "
            "plant in Ryazan, cutting pollution of the Oka by 40 percent.",
            "test",
        )
    )
    doc.add_block(
        "paragraph",
        "Руководство водоканалом осуществляет директор предприятия, "
        "назначаемый главой администрации.",
        language="ru",
        paragraph=3,
        page=2,
    )
    return doc


def moscow_minutes(doc_id: str) -> Document:
    doc = Document(
        id=doc_id,
        source_name="minutes_moscow_2023.docx",
        media_type="docx",
        kind="minutes",
        title="Протокол заседания",
        language="ru",
        session="2023-осень",
        city="Москва",
        date="2023-11-02",
        status="ok",
    )
    block = doc.add_block(
        "paragraph",
        "СЛУШАЛИ: о транспортной реформе в Москве и закупке "
        "новых автобусов для городских маршрутов.",
        language="ru",
        paragraph=1,
    )
    block.entities.append(Entity("LOC", 33, 39, "Москве", "Москва", "city:moscow"))
    doc.add_block(
        "paragraph",
        "ПОСТАНОВИЛИ: одобрить опыт Рязани по модернизации водоснабжения.",
        language="ru",
        paragraph=2,
    )
    return doc


def kyiv_report(doc_id: str) -> Document:
    doc = Document(
        id=doc_id,
        source_name="report_kyiv_uk.docx",
        media_type="docx",
        kind="report",
        language="uk",
        city="Київ",
        date="2022-06-01",
        status="ok",
    )
    doc.add_block(
        "paragraph",
        "Фахівці Водоканалу міста Києва замінили двадцять кілометрів водогонів.",
        language="uk",
        paragraph=1,
    )
    return doc


def chisinau_report(doc_id: str) -> Document:
    doc = Document(
        id=doc_id,
        source_name="report_chisinau_en.pdf",
        media_type="pdf",
        kind="report",
        language="en",
        city="Chisinau",
        date="2024-09-10",
        status="ok",
    )
    doc.add_block(
        "paragraph",
        "The city launched separate waste collection in three "
        "districts; recycling rose from 4 to 11 percent.",
        language="en",
        page=3,
    )
    return doc


BUILDERS = (ryazan_report, moscow_minutes, kyiv_report, chisinau_report)


def build_archive(folder: Path) -> Store:
    """A store of four documents in three languages, indexed as ingest indexes them."""
    sources = folder / "sources"
    sources.mkdir()
    store = Store(folder / "data")
    for builder in BUILDERS:
        doc_id = keep(store, sources, builder.__name__ + ".txt", builder.__name__)
        document = builder(doc_id)
        store.save_document(document)
        add_document(store, document)
    return store


@pytest.fixture
def archive_store(tmp_path: Path) -> Iterator[Store]:
    """The archive, fresh for a test that changes it."""
    store = build_archive(tmp_path)
    yield store
    store.close()


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The archive, built once per module for tests that only read it."""
    store = build_archive(tmp_path_factory.mktemp("archive"))
    yield store
    store.close()

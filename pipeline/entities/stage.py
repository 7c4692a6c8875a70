"""The `entities` stage: people, places, organisations, dates, sums and percentages per block.

Blocks are grouped by language and run through that language's spaCy pipeline
(`pipeline.entities.nlp`) in batches. Neighbouring blocks of a language are joined, one per
line, into windows of up to SEGMENT_CHARS characters, so the model reads a paragraph-initial
name or a headline with the text around it, as it would read the whole text alone; a longer
block is cut into segments at line or sentence ends, so a 100,000-character paragraph costs
what its sentences cost. A short block inherits its document's language when its letters are
all of that language's alphabet (a Russian headline is not read as Ukrainian). Finally a name
tagged somewhere in the document is tagged wherever else it stands (`consistency`). Every
entity is stored with offsets into its block's text, its normal form and its canonical key.

The pipelines (and natasha's model) load when a batch worker starts (`warm`, called by the
pool's initializer, outside any file's deadline) or else on the first document a process sees,
never when the stage is built: the batch builds stages in its parent process only to read
their versions.
A block that fails is skipped and recorded; the document then ends partial.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.errors import SekretarError
from corpus.languages import ALPHABETS, language_script, letter_script
from corpus.model import UNDETERMINED, Block, Document, Entity
from pipeline.entities.consistency import NAME_LABELS, make_consistent
from pipeline.entities.persons import link_roster
from pipeline.entities.sections import is_section_label
from pipeline.entities.windows import windows
from pipeline.minutes.roster import Roster
from pipeline.settings import Settings
from pipeline.stages import register_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.entities.nlp import Pipeline

#: blocks are cut into segments of at most this many characters.
SEGMENT_CHARS = 5000
#: segments handed to spaCy's `nlp.pipe` at once.
BATCH_SIZE = 64
#: the pipeline for blocks whose language is unknown and whose document's is too.
FALLBACK_LANGUAGE = "xx"
#: a block this short (a headline, a caption) may inherit its document's language.
SHORT_BLOCK_CHARS = 200
_BREAK = re.compile(r"\n|(?<=[.!?…;])\s")


def segments(text: str, limit: int = SEGMENT_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of at most `limit` characters, cut at a line or sentence end
    (else at a space, else anywhere), skipping pieces with nothing but spaces."""
    offset = 0
    while len(text) - offset > limit:
        window = text[offset : offset + limit]
        cut = _last_break(window)
        yield from _nonblank(offset, window[:cut])
        offset += cut
    yield from _nonblank(offset, text[offset:])


def _last_break(window: str) -> int:
    ends = [m.end() for m in _BREAK.finditer(window, len(window) // 2)]
    if ends:
        return ends[-1]
    space = window.rfind(" ", len(window) // 2)
    return space + 1 if space > 0 else len(window)


def _nonblank(offset: int, text: str) -> Iterator[tuple[int, str]]:
    if text.strip():
        yield offset, text


def entities_of(doc: Doc, offset: int) -> list[Entity]:
    """Our entities from a processed spaCy doc, with offsets moved into the block's text;
    a name that is all lower case (воды) or a section label (ПОСТАНОВИЛИ) is none."""
    from pipeline.entities.spans import normal_of

    return [
        Entity(
            label=span.label_,
            start=offset + span.start_char,
            end=offset + span.end_char,
            text=span.text,
            normal=normal_of(span) or span.text,
            key=span.kb_id_,
        )
        for span in doc.ents
        if span.label_ not in NAME_LABELS or is_name(span.text)
    ]


def is_name(text: str) -> bool:
    """A person's, place's or organisation's name written in Cyrillic or Latin letters has a
    capital or a digit (scripts without capitals aside), and no name is a section label."""
    cased = any(letter_script(ch) in ("Cyrl", "Latn") for ch in text)
    capital = any(ch.isupper() or ch.isdigit() for ch in text)
    return (capital or not cased) and not is_section_label(text)


def pipeline_language(block: Block, document: Document) -> str:
    """The block's language, else the document's, else the multilingual fallback; a short
    block written only in letters of its document's language takes the document's."""
    if _inherits(block, document.language):
        return document.language
    for language in (block.language, document.language):
        if language and language != UNDETERMINED:
            return language
    return FALLBACK_LANGUAGE


def _inherits(block: Block, language: str) -> bool:
    """A short block takes its document's language when the letters of that language's script
    are all of its alphabet and at least a third of its letters (a Russian headline with a
    Latin company name in it is still Russian; one with і or ї is not)."""
    alphabet = ALPHABETS.get(language)
    if alphabet is None or len(block.text) > SHORT_BLOCK_CHARS:
        return False
    letters = [ch for ch in block.text.lower() if ch.isalpha()]
    script = language_script(language)
    own = {ch for ch in letters if letter_script(ch) == script}
    return bool(own) and own <= alphabet and 3 * len(own) >= len(set(letters))


def block_pieces(blocks: list[Block]) -> Iterator[tuple[Block, int, str]]:
    """(block, offset, text) segments of the blocks in order."""
    for block in blocks:
        for offset, text in segments(block.text):
            yield block, offset, text


class EntitiesStage:
    """Finds and normalises the entities of every block; with a roster, links the delegates."""

    name = "entities"
    version = "2"

    def __init__(self, roster: Roster | None = None) -> None:
        self.roster = roster

    def warm(self) -> None:
        """Load the Russian pipeline's models (natasha, pymorphy3, the gazetteer index) now:
        a batch worker calls this when it starts, so loading counts against no file's
        deadline. The other languages' pipelines are cheap and load on first use."""
        from pipeline.entities.nlp import pipeline_for

        pipeline_for("ru").nlp("Заседание в Москве.")

    def run(self, document: Document) -> Document:
        groups: dict[str, list[Block]] = defaultdict(list)
        for block in document.blocks:
            block.entities = []
            groups[pipeline_language(block, document)].append(block)
        for language, blocks in groups.items():
            pipe = self._pipeline(document, language)
            if pipe is not None:
                self._run_blocks(document, pipe, blocks)
        make_consistent(document.blocks)
        if self.roster is not None:
            link_roster(document.blocks, self.roster, document.date)
        return document

    def _pipeline(self, document: Document, language: str) -> Pipeline | None:
        from pipeline.entities.nlp import pipeline_for

        try:
            pipe = pipeline_for(language)
        except SekretarError as err:
            document.note_problem(f"entities ({language}): {err}")
            return None
        for missing in pipe.missing:
            document.note_problem(f"entities ({language}): {missing}")
        return pipe

    def _run_blocks(self, document: Document, pipe: Pipeline, blocks: list[Block]) -> None:
        """All blocks of a language in batches; if a batch fails, block by block."""
        runs = list(windows(block_pieces(blocks), SEGMENT_CHARS))
        try:
            docs = pipe.nlp.pipe((run.text for run in runs), batch_size=BATCH_SIZE)
            for run, doc in zip(runs, docs, strict=True):
                run.spread(entities_of(doc, 0))
        except Exception:  # noqa: BLE001 - find the failing block below and record it
            for block in blocks:
                self._run_one(document, pipe, block)

    def _run_one(self, document: Document, pipe: Pipeline, block: Block) -> None:
        block.entities = []
        try:
            for run in windows(block_pieces([block]), SEGMENT_CHARS):
                run.spread(entities_of(pipe.nlp(run.text), 0))
        except Exception as err:  # noqa: BLE001 - one bad block must not stop the document
            block.entities = []
            document.note_problem(f"entities: block {block.id} failed: {err}")


@register_stage("entities")
def entities_stage(settings: Settings) -> EntitiesStage:
    """Cheap to build: the models load on the first document; a roster comes from the
    `roster` setting when there is one (the minutes stage reads the same file)."""
    roster_path = getattr(settings, "roster", None)
    return EntitiesStage(Roster.load(Path(roster_path)) if roster_path else None)

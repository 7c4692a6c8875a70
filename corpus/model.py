"""The document model: plain dataclasses shared by the pipeline, the store and the index.

A `Document` is identified by the sha256 of its source bytes, so the same file is the same
document wherever it comes from. Its `Block`s are kept in reading order; a block id is derived
from the document id and the block's position, so it is stable across re-runs of the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: what a document is; "other" is the default until the user (`ingest --kind`) or the `kind`
#: stage (pipeline/kind) says more. Declared once: the CLI's `--kind` check and the search
#: filter read this tuple, and each kind has its label in the web interface's words.
DOCUMENT_KINDS = ("report", "minutes", "agenda", "resolution", "letter", "other")
#: the kinds as a command's help and the API's description name them.
KINDS_HELP = ", ".join(DOCUMENT_KINDS[:-1]) + " or " + DOCUMENT_KINDS[-1]
#: the document property set when the user gave the kind (`ingest --kind`, even "other"): a
#: given kind is an override that no stage changes.
KIND_GIVEN = "kind_given"
BLOCK_KINDS = (
    "heading",
    "paragraph",
    "list_item",
    "table_cell",
    "header",
    "footer",
    "footnote",
    "endnote",
    "comment",
    "text_box",
)
#: ok: everything of the document was read and analysed; partial: something of it was lost (see
#: `problems`: pages not read, a stage that failed); failed: nothing usable. Translations that
#: wait for a model (`waiting`) are no loss: the document is ok, and they are added once one is
#: installed.
DOCUMENT_STATUSES = ("ok", "partial", "failed")
UNDETERMINED = "und"


#: bidirectional embedding, override and isolate controls: they reorder what is shown (a name
#: "report\u202excod.docx" shows as "reportdocx.exe"), and no text of the archive needs them.
#: Each becomes U+FFFD, one character for one, so offsets into the text (entities) still hold.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
                              "\ufffd")


def neutral(text: str) -> str:
    """`text` with its bidirectional override controls made visible and inert
    (see `BIDI_CONTROLS`)."""
    return text.translate(BIDI_CONTROLS)


@dataclass
class Translation:
    """A block's text in another language, with where it came from."""

    language: str
    text: str
    engine: str
    model_version: str = ""
    pivot: str | None = None
    needs_review: bool = False
    #: why it needs review, coded (`corpus.review`): `untranslated:Рекомендовать|repeated:…`.
    review_reason: str = ""


@dataclass
class Entity:
    """A named span in a block's text; `key` is the same for one thing across languages."""

    label: str
    start: int
    end: int
    text: str
    normal: str
    key: str


@dataclass
class Embedding:
    """A block's sentence embedding, packed (float16 or int8) as the embedding stage chose;
    a block read in several windows also keeps each window's vector (int8 rows, `windows`)."""

    model: str
    dim: int
    vector: bytes
    windows: bytes = b""


@dataclass
class Block:
    """One unit of text in reading order: a paragraph, a heading, a table cell, a note..."""

    id: str
    order: int
    kind: str
    text: str
    language: str = UNDETERMINED
    page: int | None = None
    paragraph: int | None = None
    level: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    list_label: str | None = None
    needs_ocr: bool = False
    ocr: bool = False
    confidence: float | None = None
    translations: list[Translation] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    #: set by the embed stage on its way to the store; not loaded back with the document.
    embedding: Embedding | None = None

    def __post_init__(self) -> None:
        self.text = neutral(self.text)

    def translation(self, language: str) -> Translation | None:
        """The stored translation into `language`, if any."""
        return next((t for t in self.translations if t.language == language), None)


@dataclass
class MemberVote:
    """One member's vote in a roll call: "for", "against", "abstained" or "absent"."""

    member: str
    choice: str
    person_key: str | None = None
    block_ids: list[str] = field(default_factory=list)


@dataclass
class Vote:
    """A vote tally as recorded in the minutes."""

    votes_for: int | None = None
    against: int | None = None
    abstained: int | None = None
    outcome: str | None = None
    unanimous: bool = False
    block_ids: list[str] = field(default_factory=list)
    #: each member's vote, where the minutes give a roll call.
    members: list[MemberVote] = field(default_factory=list)


@dataclass
class Decision:
    """A decision (ПОСТАНОВИЛИ / RESOLVED) taken under an agenda item."""

    number: str | None
    text: str
    block_ids: list[str] = field(default_factory=list)
    vote: Vote | None = None


@dataclass
class Speech:
    """A speaker heard under an agenda item (СЛУШАЛИ / ВЫСТУПИЛИ)."""

    speaker: str
    person_key: str | None = None
    role: str | None = None
    city: str | None = None
    text: str = ""
    block_ids: list[str] = field(default_factory=list)
    #: the part the speaker plays at the meeting: "chair", "secretary", "rapporteur",
    #: "co-rapporteur", "invited", or None for a member speaking in the debate.
    capacity: str | None = None


@dataclass
class AgendaItem:
    """One item of the agenda with what was said and decided under it."""

    number: str | None
    title: str
    block_ids: list[str] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    vote: Vote | None = None


@dataclass
class Session:
    """The session a set of minutes records."""

    number: str | None = None
    #: the body that met, as the header names it («Совет Международной ассамблеи …», "Board")
    body: str | None = None
    date: str | None = None
    place: str | None = None
    chair: str | None = None
    secretary: str | None = None
    present: list[str] = field(default_factory=list)
    present_count: int | None = None
    invited: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A parsed source file with everything the pipeline learned about it."""

    id: str
    source_name: str
    media_type: str
    kind: str = "other"
    title: str | None = None
    language: str = UNDETERMINED
    #: the meeting key for minutes ("2025-04-09 #12"), else the collection label given at ingest
    session: str | None = None
    #: the label the document was ingested under (`ingest --collection`), never read from it
    collection: str | None = None
    city: str | None = None
    date: str | None = None
    author: str | None = None
    created: str | None = None
    modified: str | None = None
    pages: int | None = None
    status: str = "failed"
    problems: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    minutes: Session | None = None
    #: language pairs (`ru-en`) this document's translations wait for a model to be installed
    #: in; worked out by the translate stage on each run, not stored.
    waiting: list[str] = field(default_factory=list)

    def add_block(self, kind: str, text: str, **fields: Any) -> Block:
        """Append a block in reading order, giving it a stable id."""
        if kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {kind!r}")
        order = len(self.blocks)
        block = Block(id=block_id(self.id, order), order=order, kind=kind, text=text, **fields)
        self.blocks.append(block)
        return block

    def note_problem(self, reason: str) -> None:
        """Record something missing; the document ends partial instead of ok."""
        if reason not in self.problems:
            self.problems.append(reason)

    def note_waiting(self, pair: str) -> None:
        """Record a translation pair no installed engine serves yet: not a loss of the document
        (it stays ok), but a batch says once which pairs wait and how to install one."""
        if pair not in self.waiting:
            self.waiting.append(pair)

    def finish(self) -> None:
        """Set the final status: status starts as failure and turns good only here; only a loss
        (a problem) makes it partial, never a translation waiting for a model."""
        self.status = "partial" if self.problems else "ok"
        for name in ("title", "author", "session", "collection", "city", "source_name"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                setattr(self, name, neutral(value))

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def block_id(document_id: str, order: int) -> str:
    """A block id that stays the same as long as the source bytes and parser output do."""
    return f"{document_id[:16]}-{order:05d}"

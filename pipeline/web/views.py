"""View models: what a template shows, built from the service's answers.

Templates only loop and print; every decision (which facet value is chosen, where a link goes,
which pieces of a text are marked) is made here, in Python, where it can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from corpus.model import Document
from corpus.review import describe, status
from index.labels import facet_label
from pipeline.web.i18n import UI_LANGUAGES, value_word
from pipeline.web.markup import Piece, highlighted, with_entities
from pipeline.web.service import SearchRequest

FACET_ORDER = ("kind", "language", "city", "session", "year", "entity")
#: the URL parameter of each facet (language is `lang`, as in the API and the CLI).
FACET_PARAM = {name: ("lang" if name == "language" else name) for name in FACET_ORDER}


def search_url(params: dict[str, Any], **changes: Any) -> str:
    """The search page with `params` changed (None drops one); any change resets the page."""
    merged = {**params, **changes}
    if "page" not in changes:
        merged.pop("page", None)
    kept = {k: v for k, v in merged.items() if v not in (None, "", 1) or k == "q"}
    if not kept.get("q"):
        kept.pop("q", None)
    return "/?" + urlencode(kept) if kept else "/"


def document_url(document_id: str, language: str | None = None, order: int | None = None) -> str:
    url = f"/document/{quote(document_id)}"
    if language:
        url += "?" + urlencode({"lang": language})
    return url + (f"#b{order}" if order is not None else "")


def entity_url(key: str) -> str:
    return f"/entity/{quote(key, safe='')}"


def session_url(name: str) -> str:
    return f"/session/{quote(name, safe='')}"


def place(t: dict[str, str], page: int | None, paragraph: int | None, order: int) -> str:
    """Where a block is: its page, else its paragraph, else its position."""
    if page:
        return f"{t['page']} {page}"
    if paragraph:
        return f"{t['paragraph']} {paragraph}"
    return f"{t['block']} {order + 1}"


#: facets whose values are our own words, named in the interface's language.
NAMED_FACETS = {"kind": "kind", "language": "language"}


@dataclass
class FacetValue:
    value: str
    count: int | None
    url: str
    chosen: bool
    label: str = ""


def titled(title: str | None, source_name: str) -> tuple[str, str | None]:
    """What a document is called, and its file name when that says something more: a title
    that is the file name (or its name without the extension) is not said twice."""
    text = (title or "").strip()
    if not text or text in (source_name, source_name.rsplit(".", 1)[0]):
        return source_name, None
    return text, source_name


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


def search_params(request: SearchRequest, show: str | None) -> dict[str, Any]:
    """The search as URL parameters (what every link on the page keeps)."""
    params: dict[str, Any] = {"q": request.query}
    for name, value in request.chosen().items():
        params[FACET_PARAM[name]] = value
    params["mode"] = request.mode
    params["show"] = show
    params["page"] = request.page
    return params


def facets(
    t: dict[str, str],
    answer: dict[str, Any],
    request: SearchRequest,
    params: dict[str, Any],
    ui: str = "ru",
) -> list[Facet]:
    """Each facet's values with counts, labelled in the interface's language `ui` (kinds by
    their names, cities and entities by the names their keys stand for); a chosen value links
    to dropping it, others to it."""
    chosen = request.chosen()
    found = []
    for name in FACET_ORDER:
        facet = Facet(name, t[f"facet_{name}"])
        given = answer.get("facets", {}).get(name, [])
        counts = {v["value"]: v["count"] for v in given}
        names = {v["value"]: v["name"] for v in given if v.get("name")}
        if name in chosen and chosen[name] not in counts:
            counts = {chosen[name]: 0} | counts
        for value, count in counts.items():
            selected = chosen.get(name) == value
            url = search_url(params, **{FACET_PARAM[name]: None if selected else value})
            label = (value_word(t, NAMED_FACETS[name], value) if name in NAMED_FACETS
                     else facet_label(name, value, ui, names.get(value)))
            facet.values.append(FacetValue(value, count, url, selected, label))
        if facet.values:
            found.append(facet)
    return found


@dataclass
class ShownBlock:
    place: str
    url: str
    pieces: list[Piece]
    fragment_language: str | None
    translation: str | None


@dataclass
class ShownHit:
    title: str
    url: str
    source_name: str | None
    details: list[str]
    session_url: str | None
    blocks: list[ShownBlock]

    @property
    def meta(self) -> list[str]:
        """The line under the title: the file name (when not the title) and the details."""
        return ([self.source_name] if self.source_name else []) + self.details


def hits(
    t: dict[str, str],
    answer: dict[str, Any],
    show: str | None,
    translated: dict[str, str],
    ui: str = "en",
) -> list[ShownHit]:
    """The page's documents with their best blocks, fragments cut into marked pieces; a member
    city by its name in the interface's language `ui`."""
    shown = []
    for hit in answer.get("hits", []):
        blocks = []
        for block in hit["blocks"]:
            for fragment in block["fragments"][:1]:
                translation = translated.get(block["block_id"])
                if show in (block["language"], fragment["language"]):
                    translation = None
                blocks.append(
                    ShownBlock(
                        place(t, block["page"], block["paragraph"], block["order"]),
                        document_url(hit["document_id"], show, block["order"]),
                        highlighted(fragment["text"], fragment["highlights"]),
                        fragment["language"],
                        translation,
                    )
                )
        kind = value_word(t, "kind", hit["kind"]) if hit["kind"] else None
        city = facet_label("city", hit["city"], ui) if hit["city"] else None
        details = [x for x in (kind, city, hit["session"], hit["date"]) if x]
        title, source_name = titled(hit["title"], hit["source_name"])
        shown.append(
            ShownHit(
                title,
                document_url(hit["document_id"], show),
                source_name,
                details,
                session_url(hit["session"]) if hit["session"] else None,
                blocks,
            )
        )
    return shown


@dataclass
class Row:
    """One block of the document page: the original beside its translation."""

    anchor: str
    kind: str
    level: int | None
    language: str
    pieces: list[Piece]
    translation: str | None
    #: what the translation is (corpus.review.status, `_` for spaces): `machine`,
    #: `needs_review`, `approved`, `original`; None beside no stored translation.
    status: str | None = None
    #: why it needs review, coded as stored (`review_said` words it for the reader).
    reason: str = ""


def outline(document: Document) -> list[tuple[int, str, str]]:
    """(level, text, anchor) of each heading, for the table of contents."""
    return [
        (b.level or 1, b.text, f"b{b.order}")
        for b in document.blocks
        if b.kind == "heading" and b.text.strip()
    ]


def rows(document: Document, language: str | None) -> list[Row]:
    found = []
    for block in document.blocks:
        own = block.language if block.language != "und" else document.language
        translation = block.translation(language) if language else None
        text = translation.text if translation else (block.text if own == language else None)
        found.append(
            Row(
                f"b{block.order}",
                block.kind,
                block.level,
                own,
                with_entities(block.text, block.entities),
                text,
                status(translation.engine, translation.needs_review).replace(" ", "_")
                if translation else None,
                translation.review_reason if translation and translation.needs_review else "",
            )
        )
    return found


def review_said(reason: str, ui: str) -> str:
    """Why a translation needs review, in the interface's language."""
    return describe(reason, ui)


def translation_languages(document: Document) -> list[str]:
    return sorted({t.language for b in document.blocks for t in b.translations})


def default_translation(languages: list[str], ui: str, own: str) -> str | None:
    """The translation shown beside a document unless the reader chose one: the reader's
    interface language when the document has it, else another interface language (the
    document's own language last), else the first there is."""
    for code in (ui, *UI_LANGUAGES):
        if code in languages and code != own:
            return code
    return languages[0] if languages else None


def mention_pieces(paragraph: dict[str, Any]) -> list[Piece]:
    spans = [(m["start"], m["end"]) for m in paragraph["mentions"]]
    return highlighted(paragraph["text"], spans)

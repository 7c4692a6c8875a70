"""What a paragraph's style says about it: heading level and list numbering.

Word lets a style inherit from another (`w:basedOn`), so a custom "Decision" style based on
"Heading 2" is a level-2 heading, and a style can carry numbering (`w:numPr`) that its
paragraphs show without saying so themselves. We resolve each style once, nearest definition
first, and cache the answer: a long document asks about the same few styles thousands of times.

Heading levels: "Heading 1".."Heading 9" (also the Russian "Заголовок 1".."Заголовок 9") give
levels 1..9; "Title" gives level 0, above every heading; an outline level `w:outlineLvl` n
gives level n + 1 (9 means body text, not a heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.docx.xml import Element, int_val, val, w

W_STYLE = w("style")
W_STYLE_ID = w("styleId")
W_TYPE = w("type")
W_DEFAULT = w("default")
W_NAME = w("name")
W_BASED_ON = w("basedOn")
W_PPR = w("pPr")
W_PSTYLE = w("pStyle")
W_NUMPR = w("numPr")
W_NUM_ID = w("numId")
W_ILVL = w("ilvl")
W_OUTLINE = w("outlineLvl")

TITLE_LEVEL = 0
BODY_TEXT_OUTLINE = 9
_HEADING_NAME = re.compile(r"^(?:heading|заголовок|überschrift|titre|nagłówek)\s*([1-9])$", re.I)
_TITLE_NAMES = frozenset({"title", "название", "заглавие", "назва"})


@dataclass(frozen=True)
class Numbering:
    """A paragraph's list membership: numbering instance id and level (both may be partial)."""

    num_id: str | None = None
    ilvl: int | None = None

    def over(self, inherited: Numbering) -> Numbering:
        """These values where set, the inherited ones elsewhere (direct formatting wins)."""
        return Numbering(
            self.num_id if self.num_id is not None else inherited.num_id,
            self.ilvl if self.ilvl is not None else inherited.ilvl,
        )


NO_NUMBERING = Numbering()


@dataclass(frozen=True)
class StyleFacts:
    """What a resolved paragraph style contributes: named heading level, outline, numbering."""

    named_level: int | None = None
    outline_level: int | None = None
    numbering: Numbering = NO_NUMBERING


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    numbering: Numbering


def numbering_of(ppr: Element | None) -> Numbering:
    """The `w:numPr` of a paragraph or style properties element."""
    numpr = None if ppr is None else ppr.find(W_NUMPR)
    if numpr is None:
        return NO_NUMBERING
    return Numbering(val(numpr.find(W_NUM_ID)), int_val(numpr.find(W_ILVL)))


def level_from_name(name: str) -> int | None:
    """The heading level a style name announces, or None for an ordinary style."""
    match = _HEADING_NAME.match(name.strip())
    if match:
        return int(match.group(1))
    return TITLE_LEVEL if name.strip().lower() in _TITLE_NAMES else None


class Styles:
    """The paragraph styles of one document, resolved through `basedOn` on demand."""

    def __init__(self, root: Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_id: str | None = None
        self._cache: dict[str | None, StyleFacts] = {}
        if root is not None:
            self._read(root)

    def _read(self, root: Element) -> None:
        for style in root.iter(W_STYLE):
            if style.get(W_TYPE, "paragraph") != "paragraph":
                continue
            style_id = style.get(W_STYLE_ID)
            if style_id is None:
                continue
            ppr = style.find(W_PPR)
            self._styles[style_id] = _Style(
                name=val(style.find(W_NAME), "") or "",
                based_on=val(style.find(W_BASED_ON)),
                outline=int_val(ppr.find(W_OUTLINE)) if ppr is not None else None,
                numbering=numbering_of(ppr),
            )
            if style.get(W_DEFAULT) in ("1", "true", "on") and self.default_id is None:
                self.default_id = style_id

    def facts(self, style_id: str | None) -> StyleFacts:
        """The resolved facts for a paragraph style id (None: the default paragraph style)."""
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id or self.default_id)
        return self._cache[style_id]

    def _resolve(self, style_id: str | None) -> StyleFacts:
        named = outline = None
        numbering = NO_NUMBERING
        for sid, style in self._chain(style_id):
            if named is None and outline is None:
                named = level_from_name(style.name if style else sid)
                outline = style.outline if style else None
            if style is not None:
                numbering = numbering.over(style.numbering)
        return StyleFacts(named, outline, numbering)

    def _chain(self, style_id: str | None) -> list[tuple[str, _Style | None]]:
        """The style and its ancestors, nearest first; stops at a loop or an unknown id."""
        chain: list[tuple[str, _Style | None]] = []
        seen: set[str] = set()
        while style_id is not None and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            chain.append((style_id, style))
            style_id = style.based_on if style else None
        return chain


def heading_level(facts: StyleFacts, direct_outline: int | None) -> int | None:
    """The heading level of a paragraph: style name first, then direct, then style outline.

    A named heading style wins over a direct outline level, as it does in Word; an outline
    level of 9 ("body text") means the paragraph is not a heading.
    """
    if facts.named_level is not None:
        return facts.named_level
    outline = direct_outline if direct_outline is not None else facts.outline_level
    if outline is None or not 0 <= outline < BODY_TEXT_OUTLINE:
        return None
    return outline + 1

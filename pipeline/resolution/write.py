"""Writing a resolution draft into a python-docx document, one language section at a time.

A section: Title, the assembly's name, the meeting line, the preamble, Heading 1 "Decisions"
with a Heading 2 per agenda item and the adopted decisions as a List Number list (numbered from
1 in every section) each followed by its tally, then Heading 1 "Appendix" with the decisions not
adopted and those whose outcome is not recorded. Every decision paragraph has a Word comment
with its source. A template's styles are used where it has them; a missing style falls back to
the nearest one it has.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph

from corpus.errors import ModelMissing, SekretarError
from pipeline.resolution.docx import (
    add_page_number_footer,
    comment_on,
    new_document,
    number_paragraph,
    restarted_numbering,
    start_section,
    style_name,
)
from pipeline.resolution.model import (
    ADOPTED,
    Draft,
    ResolutionReport,
    SectionText,
    Translate,
    Version,
)
from pipeline.resolution.words import (
    assembly_name,
    long_date,
    place_name,
    preamble,
    tally_line,
    words,
)

_APPENDIX_KINDS = ("rejected", "unrecorded")


class SectionWriter:
    """Builds the document section by section; `save()` writes it."""

    def __init__(self, draft: Draft, template: Path | None) -> None:
        self.draft = draft
        self.document = new_document(template)
        self.list_style = style_name(self.document, "List Number")
        heading = style_name(self.document, "Heading 1")
        self.styles = {"Title": style_name(self.document, "Title"), "Heading 1": heading,
                       "Heading 2": style_name(self.document, "Heading 2", heading)}
        add_page_number_footer(self.document)

    def save(self, out: Path) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        self.document.save(str(out))

    def section(self, language: str, texts: list[SectionText], first: bool) -> int:
        """Write one language's section; returns how many decisions lack a translation."""
        w = words(language)
        start_section(self.document, first)
        self._head(language)
        self._heading(w["decisions"], 1)
        adopted = [t for t in texts if t.decision.status == "adopted"]
        self._items(adopted, language, with_tally=True)
        self._heading(w["appendix"], 1)
        for kind in _APPENDIX_KINDS:
            chosen = [t for t in texts if t.decision.status == kind]
            self._heading(w[kind], 2)
            if chosen:
                self._decisions(chosen, language)
            else:
                self.document.add_paragraph(w["none"])
        return sum(1 for t in texts if t.text is None)

    def _head(self, language: str) -> None:
        w, draft = words(language), self.draft
        self.document.add_paragraph(w["title"], style=self.styles["Title"])
        self._centred(assembly_name(language))
        place = place_name(draft.city, draft.place, language)
        meeting = [w["meeting"].format(number=draft.number)] if draft.number else []
        meeting += [p for p in (long_date(draft.date, language), place) if p]
        if meeting:
            self._centred(", ".join(meeting))
        self.document.add_paragraph(preamble(language, draft.number, draft.date, place))

    def _centred(self, text: str) -> None:
        self.document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _heading(self, text: str, level: int) -> None:
        self.document.add_paragraph(text, style=self.styles[f"Heading {level}"])

    def _items(self, texts: list[SectionText], language: str, with_tally: bool) -> None:
        """Adopted decisions under their items' headings, numbered through the section."""
        num_id = restarted_numbering(self.document, self.list_style)
        current: tuple[Any, ...] | None = None
        for ordinal, text in enumerate(texts, start=1):
            item = (text.decision.item_number, text.decision.item_title)
            if item != current:
                current = item
                self._heading(_item_heading(text, language), 2)
            self._decision(text, language, (num_id, ordinal), with_tally)

    def _decisions(self, texts: list[SectionText], language: str) -> None:
        num_id = restarted_numbering(self.document, self.list_style)
        for ordinal, text in enumerate(texts, start=1):
            self._decision(text, language, (num_id, ordinal), with_tally=True)

    def _decision(self, text: SectionText, language: str, numbering: tuple[int | None, int],
                  with_tally: bool) -> None:
        """A numbered decision paragraph with its source comment, then its tally. Without a
        List Number style (a template lacking it) the number is written out."""
        num_id, ordinal = numbering
        paragraph = self.document.add_paragraph(style=self.list_style)
        shown = _shown(text.text, text.decision.text, language)
        if self.list_style == "List Number" and num_id is not None:
            number_paragraph(paragraph, num_id)
        else:
            shown = f"{ordinal}. {shown}"
        _add_text(paragraph, shown)
        comment_on(self.document, paragraph,
                   f"{words(language)['source']}: {text.decision.source}")
        if with_tally:
            tally = self.document.add_paragraph()
            tally.paragraph_format.left_indent = paragraph.paragraph_format.left_indent
            tally.add_run(tally_line(text.decision.vote, language)).italic = True


def _item_heading(text: SectionText, language: str) -> str:
    title = _shown(text.item_title, text.decision.item_title, language)
    number = text.decision.item_number
    return f"{number}. {title}" if number else title


def _shown(translated: str | None, original: str, language: str) -> str:
    """The translation, or the original behind the section's "no translation" mark."""
    if translated is not None:
        return translated
    return f"{words(language)['no_translation']} {original}" if original else original


def _add_text(paragraph: Paragraph, text: str) -> None:
    """Text with its line breaks kept as breaks (a decision's bulleted sub-points)."""
    first, *others = text.split("\n")
    run = paragraph.add_run(first)
    for line in others:
        run.add_break()
        run.add_text(line)


def write_resolution(draft: Draft, languages: list[str], out: Path,
                     translate: Translate | None = None,
                     template: Path | None = None,
                     allow_untranslated: bool = True) -> ResolutionReport:
    """Write the DOCX: one section per language (see the module's docstring). Without
    `allow_untranslated`, a language no engine translates into stops the draft before anything
    is written, with the missing pair and its install command (`ModelMissing`)."""
    writer = SectionWriter(draft, template)
    untranslated = {}
    for n, language in enumerate(languages):
        texts = _section_texts(draft, language, translate, allow_untranslated)
        untranslated[language] = writer.section(language, texts, first=n == 0)
    writer.save(out)
    decisions = [d for group in draft.groups for d in group[0].decisions]
    return ResolutionReport(
        path=out, languages=list(languages),
        documents=[v.document.source_name for g in draft.groups for v in g],
        adopted=sum(d.status == ADOPTED for d in decisions),
        not_adopted=sum(d.status != ADOPTED for d in decisions), untranslated=untranslated)


def _section_texts(draft: Draft, language: str, translate: Translate | None,
                   allow_untranslated: bool = True) -> list[SectionText]:
    out: list[SectionText] = []
    for group in draft.groups:
        own = next((v for v in group if v.language == language), None)
        if own is not None:
            out += [SectionText(d, d.text, d.item_title) for d in own.decisions]
        else:
            out += _translated(group[0], language, translate, allow_untranslated)
    return out


def _translated(version: Version, language: str, translate: Translate | None,
                allow_untranslated: bool = True) -> list[SectionText]:
    titles = list(dict.fromkeys(d.item_title for d in version.decisions if d.item_title))
    texts = [d.text for d in version.decisions]
    try:
        done = _run(translate, texts + titles, version.language, language)
    except ModelMissing as err:
        if not allow_untranslated:
            raise ModelMissing(
                f"{len(texts)} decision(s) need a {language} translation and the translation "
                f"engine for {version.language}-{language}",
                f"{err.how}; or write the draft anyway, untranslated decisions marked, with "
                "--allow-untranslated") from err
        done = [None] * len(texts + titles)
    by_title = dict(zip(titles, done[len(texts):], strict=True))
    return [SectionText(d, done[n], by_title.get(d.item_title))
            for n, d in enumerate(version.decisions)]


def _run(translate: Translate | None, texts: list[str], source: str,
         target: str) -> list[str | None]:
    """Translations in order; None for each text the layer could not translate (ModelMissing
    when no engine serves the pair: the caller decides whether that stops the draft)."""
    if translate is None or not texts:
        return [None] * len(texts)
    try:
        results = list(translate(texts, source, target))
    except ModelMissing:
        raise
    except SekretarError:
        return [None] * len(texts)
    if len(results) != len(texts):
        return [None] * len(texts)
    return [_text_of(r) or None for r in results]


def _text_of(result: Any) -> str:
    text = result if isinstance(result, str) else getattr(result, "text", "")
    return str(text).strip()

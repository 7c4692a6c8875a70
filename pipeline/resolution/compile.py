"""Draft resolutions: a meeting's adopted decisions compiled from its minutes into a DOCX.

`make_resolutions(store, "2025-04-09 #12", ["ru", "en", "uk"], out)` finds the minutes `ref`
names (a meeting key, a date, a collection label, or one document by id or file name), splits
them by meeting (the date and number in each minutes' header) and writes one draft per meeting:
to `out` when there is one meeting, else to `out` with the meeting key appended
(`resolution-2009-04-09-14.docx`). Each draft has one section per language: title, the
assembly's name, the meeting, a preamble, the adopted decisions in agenda order as a numbered
list with their tallies, and an appendix of decisions not adopted and of decisions whose
outcome the minutes do not record (a decision counts as adopted only when the minutes say so).
Each decision carries a Word comment naming its source file, paragraphs and pages.

Minutes of one sitting kept in several languages (the same agenda, decisions and tallies) are
one set of decisions: a section takes the version written in its language when there is one
and translates the first version otherwise. Translation goes through the `translate` function
given (the translation layer, with its glossary); without one, or when it fails, a decision is
written in its original language behind «[no translation available]» in the section's
language, and never dropped. A language no engine translates into stops the draft instead,
naming the pair and its install command, unless `allow_untranslated` (the CLI's
`--allow-untranslated`) says to go ahead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from corpus.errors import NotFound
from corpus.model import Document, Vote
from corpus.store import Store
from pipeline.minutes.stage import minutes_language, read_minutes, session_key
from pipeline.resolution.model import (
    ADOPTED,
    REJECTED,
    UNRECORDED,
    Draft,
    DraftDecision,
    ResolutionReport,
    Translate,
    Version,
)
from pipeline.resolution.write import write_resolution

#: block ids listed one by one in a source comment; a longer run shows its first and last.
MAX_LISTED_BLOCKS = 3


def make_resolutions(store: Store, ref: str, languages: list[str], out: Path,
                     translate: Translate | None = None,
                     template: Path | None = None,
                     allow_untranslated: bool = True) -> list[ResolutionReport]:
    """Find the minutes `ref` names, compile and write one draft per meeting (the library's
    entry); the reports in meeting order."""
    meetings = find_meetings(store, ref)
    reports = []
    for key, documents in meetings:
        path = out if len(meetings) == 1 else meeting_path(out, key)
        report = write_resolution(compile_draft(documents, key), languages, path, translate,
                                  template, allow_untranslated)
        report.meeting = key
        reports.append(report)
    return reports


def find_meetings(store: Store, ref: str) -> list[tuple[str, list[Document]]]:
    """The minutes `ref` names, by meeting: (meeting key, its language versions), by date and
    number. Minutes without a date are a meeting of their own, under their session or `ref`."""
    meetings: dict[str, list[Document]] = {}
    for document in find_minutes(store, ref):
        assert document.minutes is not None
        key = session_key(document.minutes) or document.session or ref
        meetings.setdefault(key, []).append(document)
    return sorted(meetings.items(), key=lambda pair: _meeting_order(pair[1][0]))


def meeting_path(out: Path, key: str) -> Path:
    """`out` with the meeting key appended: resolution.docx → resolution-2009-04-09-14.docx."""
    slug = re.sub(r"[^\w-]+", "-", key).strip("-")
    return out.with_name(f"{out.stem}-{slug}{out.suffix}")


def _meeting_order(document: Document) -> tuple[str, int]:
    session = document.minutes
    assert session is not None
    number = session.number or ""
    return (session.date or document.date or "", int(number) if number.isdigit() else 0)


def find_minutes(store: Store, ref: str) -> list[Document]:
    """The minutes of a meeting key, a date or a collection label, or the one document `ref`
    names."""
    ids = store.minutes_ids(ref) or [store.resolve(ref)]
    documents = [store.load_document(i) for i in ids]
    for document in documents:
        if document.minutes is None:
            read_minutes(document)
    found = [d for d in documents if d.minutes is not None and d.minutes.agenda]
    if not found:
        raise NotFound(f"no minutes with decisions for {ref!r}")
    return found


def compile_draft(documents: list[Document], key: str) -> Draft:
    """The draft's content: language versions grouped, decisions classified."""
    first = documents[0].minutes
    assert first is not None
    draft = Draft(key=key, number=first.number, date=first.date or documents[0].date,
                  place=first.place, city=documents[0].city)
    groups: dict[tuple[Any, ...], list[Version]] = {}
    for document in documents:
        version = Version(document, minutes_language(document), _decisions(document))
        groups.setdefault(_fingerprint(document), []).append(version)
    draft.groups = list(groups.values())
    return draft


def _fingerprint(document: Document) -> tuple[Any, ...]:
    """Minutes with the same date, number, agenda length, decision counts and tallies are
    language versions of one sitting."""
    session = document.minutes
    assert session is not None
    shape = tuple((len(i.decisions), _counts(i.vote)) for i in session.agenda)
    return (session.date, session.number, shape) if session.date else (document.id,)


def _counts(vote: Vote | None) -> tuple[Any, ...] | None:
    return (vote.votes_for, vote.against, vote.abstained, vote.outcome) if vote else None


def _decisions(document: Document) -> list[DraftDecision]:
    session = document.minutes
    assert session is not None
    blocks = {b.id: b for b in document.blocks}
    found = []
    for item in session.agenda:
        for decision in item.decisions:
            vote = decision.vote or item.vote
            found.append(DraftDecision(item.number, item.title, decision.text, vote,
                                       status_of(vote),
                                       source_note(document, decision.block_ids, blocks)))
    return found


def status_of(vote: Vote | None) -> str:
    """adopted or rejected only when the minutes say so; anything else is unrecorded."""
    if vote is not None and vote.outcome in (ADOPTED, REJECTED):
        return vote.outcome
    return UNRECORDED


def source_note(document: Document, block_ids: list[str], blocks: dict[str, Any]) -> str:
    """"ru_classic.docx | ¶ 19, 20 | p. 2 | 3f2a…-00019, 3f2a…-00020": file, paragraphs,
    pages and block ids (the first and last of a long run)."""
    chosen = [blocks[i] for i in block_ids if i in blocks]
    paragraphs = sorted({b.paragraph for b in chosen if b.paragraph is not None})
    pages = sorted({b.page for b in chosen if b.page is not None})
    parts = [document.source_name]
    if paragraphs:
        parts.append("¶ " + ", ".join(str(p) for p in paragraphs))
    if pages:
        parts.append("p. " + ", ".join(str(p) for p in pages))
    if block_ids:
        parts.append(", ".join(block_ids) if len(block_ids) <= MAX_LISTED_BLOCKS
                     else f"{block_ids[0]}…{block_ids[-1]} ({len(block_ids)} blocks)")
    return " | ".join(parts)

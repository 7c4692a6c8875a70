"""The `minutes` stage: reads session minutes into `Session`, `AgendaItem`, `Speech`,
`Decision` and `Vote`, each linked to the blocks it came from.

A document is read when its kind is "minutes" (given by `ingest --kind`, or found in its text by
the `kind` stage, which runs first), or when its kind is still "other", not given, and its text
looks like minutes (see `looks_like_minutes`); reports, agendas, resolutions and letters pass
through untouched, and so does a document the user called "other".
The stage never invents: what the minutes do not say stays empty, and what is missing is noted
on the document (`minutes: no agenda found`, …), which turns it partial.

On a document it reads, the stage also sets `kind = "minutes"`, `date` (ISO), `city` (the
reference key of the session's city, e.g. `city:moscow`, or the place's name when the city is
not a member city) and `session`: the meeting key "YYYY-MM-DD #N" (date and number of the
minutes, "2025-04-09 #12"), or the date alone when the minutes have no number. Minutes of one
sitting in several languages share it. The meeting always comes from the minutes' own header: a
collection label given at ingest (`ingest --collection`) stays the document's `collection` and
is its session only when the minutes have no date.

Modules: `labels` (label patterns ru/uk/en), `lines` (blocks to lines), `walker` (head, agenda,
body), `items` (speeches, decisions, votes of an item), `speakers` and `names` (speaker lines,
pymorphy3 normalisation, person keys), `votes` and `numbers` (tallies), `dates`, `header`,
`checks`, `roster`.
"""

from __future__ import annotations

from pathlib import Path

from corpus.languages import MARKERS
from corpus.meetings import meeting_key
from corpus.model import KIND_GIVEN, Document, Session
from pipeline.minutes.checks import check_session
from pipeline.minutes.header import place_city
from pipeline.minutes.labels import Label, match_label
from pipeline.minutes.lines import document_lines
from pipeline.minutes.people import settle
from pipeline.minutes.roster import Roster
from pipeline.minutes.walker import Walker
from pipeline.settings import Settings
from pipeline.stages import register_stage

#: bump when the structure read from the same blocks changes.
VERSION = "4"
#: lines looked at to recognise minutes by content (labels sit near the top and all through).
DETECT_LINES = 400
#: the languages the minutes are read in; be and kk names are kept as written (see `people`).
_LANGUAGES = ("ru", "uk", "be", "kk", "en")


class MinutesStage:
    """The stage object: `name`, `version`, `run(document) -> document`."""

    name = "minutes"
    version = VERSION

    def __init__(self, roster: Roster | None = None) -> None:
        self.roster = roster

    def run(self, document: Document) -> Document:
        if applies_to(document):
            read_minutes(document, self.roster)
        return document


@register_stage("minutes")
def make_stage(settings: Settings) -> MinutesStage:
    """The stage for a batch; a roster comes from the `roster` setting when there is one."""
    roster_path = getattr(settings, "roster", None)
    return MinutesStage(Roster.load(Path(roster_path)) if roster_path else None)


def applies_to(document: Document) -> bool:
    """Minutes by kind, or an unclassified document that reads like minutes ("other" given by
    the user is a classification)."""
    if document.kind == "minutes":
        return True
    return (document.kind == "other" and not document.properties.get(KIND_GIVEN)
            and looks_like_minutes(document))


def looks_like_minutes(document: Document) -> bool:
    """A title (ПРОТОКОЛ, Minutes) or an agenda together with a body label (СЛУШАЛИ,
    ПОСТАНОВИЛИ, Resolved…), or two different body labels."""
    found: set[Label] = set()
    for n, line in enumerate(document_lines(document)[:DETECT_LINES]):
        match = match_label(line.text)
        if match is None:
            continue
        if match.label is Label.TITLE and n > 15:
            continue
        found.add(match.label)
    body = found & {Label.HEARD, Label.SPOKE, Label.DECIDED, Label.VOTED}
    opening = found & {Label.TITLE, Label.AGENDA}
    return bool(body and opening) or len(body) >= 2


def read_minutes(document: Document, roster: Roster | None = None) -> Session:
    """Read the document's minutes into `document.minutes` and set its kind, session, date and
    city; note what is missing. Returns the session."""
    language = minutes_language(document)
    walker = Walker(document_lines(document), language)
    session = walker.run()
    settle(session, language)
    findings = check_session(session, walker.agenda_size)
    findings.missing.extend(walker.problems)
    session.problems = findings.missing + findings.inconsistent
    if roster is not None:
        roster.link(session, language)
    document.kind = "minutes"
    document.minutes = session
    document.date = session.date or document.date
    document.city = place_city(session.place, language) or document.city
    document.session = session_key(session) or document.session
    for problem in findings.missing:
        document.note_problem(f"minutes: {problem}")
    return session


def session_key(session: Session) -> str | None:
    """"2025-04-09 #12", or "2025-04-09" without a number; None without a date."""
    return meeting_key(session.date, session.number)


def minutes_language(document: Document) -> str:
    """ru, uk, be, kk or en: the document's language when the language stage set one of these,
    else a guess from the letters (Belarusian ў, Kazakh letters, Ukrainian letters, then any
    Cyrillic)."""
    if document.language in _LANGUAGES:
        return document.language
    sample = " ".join(b.text for b in document.blocks[:200])
    for language in ("be", "kk"):
        if any(ch in sample for ch in dict(MARKERS)[language]):
            return language
    if any(ch in sample for ch in "іїєґІЇЄҐ"):
        return "uk"
    cyrillic = sum(1 for ch in sample if "а" <= ch.lower() <= "я")
    return "ru" if cyrillic > len(sample) / 4 else "en"


__all__ = ["VERSION", "MinutesStage", "Roster", "applies_to", "looks_like_minutes",
           "make_stage", "read_minutes", "session_key"]

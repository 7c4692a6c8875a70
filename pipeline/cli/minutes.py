"""Commands over session minutes: `minutes` (the structure read) and `resolution` (drafts,
one per meeting)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from corpus.model import AgendaItem, Document
from pipeline.cli.app import (
    DataOption,
    JsonOption,
    app,
    console,
    print_json,
    setting_option,
    settings_for,
)
from pipeline.minutes.export import city_name, minutes_json, tally_text
from pipeline.minutes.sessions import minutes_of
from pipeline.resolution.compile import make_resolutions
from pipeline.resolution.properties import stamp
from pipeline.wiring import Library

RosterOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads it at run time
    setting_option("roster", exists=True, dir_okay=False),
]


@app.command("minutes")
def minutes_command(
    doc: Annotated[str, typer.Argument(help="document id, id prefix or source file name")],
    roster: RosterOption = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print the structure read from session minutes: session, agenda items, speakers,
    decisions and votes, with what is missing or does not add up.

    A document stored without a structure (or asked for with --roster) is read now and saved.
    JSON: {"document", "file", "kind", "session", "date", "city", "status", "problems",
    "minutes": {"body", "number", "date", "place", "chair", "secretary", "present", "present_count",
    "invited", "problems", "agenda": [{"number", "title", "block_ids", "speeches",
    "decisions", "vote"}]}} (see docs/minutes.md).

    Example: sekretar minutes minutes_session_ru.docx --roster delegates.tsv
    """
    settings = settings_for(data, roster=roster)
    chosen = Path(settings.roster) if settings.roster else None
    with Library.open(settings) as library:
        document, _ = minutes_of(library.store, doc, chosen, library.on_saved())
    if as_json:
        print_json(minutes_json(document))
        return
    _print_minutes(document)


def _print_minutes(document: Document) -> None:
    session = document.minutes
    console.print(f"[bold]{escape(document.source_name)}[/] — session {escape(str(document.session))}"
                  f", {document.status}")
    if session is None:
        return
    head = [("body", session.body), ("number", session.number), ("date", session.date), ("place", session.place),
            ("chair", session.chair), ("secretary", session.secretary),
            ("present", session.present_count or len(session.present) or None)]
    for name, value in head:
        if value is not None:
            console.print(f"  {name}: {escape(str(value))}")
    for problem in session.problems:
        console.print(f"  [yellow]problem:[/] {escape(problem)}")
    for item in session.agenda:
        _print_item(item)


def _print_item(item: AgendaItem) -> None:
    console.print(f"\n[bold]{escape(item.number or '–')}. {escape(item.title)}[/]")
    for speech in item.speeches:
        where = ", ".join(escape(p) for p in (speech.role, city_name(speech.city)) if p)
        console.print(f"  speaker: {escape(speech.speaker)}" + (f" ({where})" if where else "")
                      + f" [dim]{escape(speech.person_key or '')}[/]")
    for decision in item.decisions:
        console.print(f"  {escape(decision.number or '•')} {escape(decision.text)}")
        if decision.vote:
            console.print(f"     vote: {tally_text(decision.vote)}")
    if item.vote:
        console.print(f"  vote: {tally_text(item.vote)}")


@app.command("resolution")
def resolution_command(
    session: Annotated[str, typer.Argument(
        help="meeting key (\"2025-04-09 #12\"), a date, a collection label, or one minutes "
             "document")],
    out: Annotated[Path, typer.Option("--out", help="DOCX file to write", dir_okay=False)],
    to: Annotated[str, typer.Option("--to", help="comma-separated languages, one section each")]
    = "ru,en",
    template: Annotated[Optional[Path], typer.Option(  # noqa: UP045 - Typer reads it at run time
        "--template", help="DOCX whose styles and page set-up to use", exists=True,
        dir_okay=False)] = None,
    allow_untranslated: Annotated[bool, typer.Option(
        "--allow-untranslated",
        help="write the draft even into a language no installed engine translates into")] = False,
    author: Annotated[Optional[str], typer.Option(  # noqa: UP045 - Typer reads it at run time
        "--author", help="the author the file names (default: the assembly)")] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Compile a meeting's adopted decisions into a draft resolution (DOCX), one section per
    language, with tallies, an appendix of decisions not adopted and a comment on every
    decision naming its source. Decisions are translated through the archive's translation
    layer. A language no installed engine translates into stops the command with the missing
    pair and the command that installs it; with --allow-untranslated such decisions are kept
    in their language and marked.

    A meeting key finds that meeting's minutes in every language. A date or a collection label
    holding several meetings writes one draft per meeting, each numbered from 1, named after
    --out with the meeting key appended (resolution-2009-04-09-14.docx). The file's title,
    language and keywords come from the meeting; its author is --author or the assembly.

    JSON: {"resolutions": [{"path", "meeting", "languages", "documents", "adopted",
    "not_adopted", "untranslated"}]}.

    Example: sekretar resolution "2025-04-09 #12" --to ru,en,uk --out resolution.docx
    """
    languages = [p.strip().lower() for p in to.split(",") if p.strip()]
    if not languages or not all(p.isalpha() and 2 <= len(p) <= 3 for p in languages):
        raise typer.BadParameter("language codes like ru,en,uk", param_hint="--to")
    with Library.open(settings_for(data), readonly=True) as library:
        reports = make_resolutions(library.store, session, languages, out,
                                   library.translator(), template, allow_untranslated)
        for report in reports:
            stamp(report.path, library.store, report.meeting or session, languages, author)
    results: list[dict[str, Any]] = [
        {"path": str(r.path), "meeting": r.meeting, "languages": r.languages,
         "documents": r.documents, "adopted": r.adopted, "not_adopted": r.not_adopted,
         "untranslated": r.untranslated} for r in reports]
    if as_json:
        print_json({"resolutions": results})
        return
    for report in reports:
        console.print(f"{escape(str(report.path))} ({escape(str(report.meeting))}): "
                      f"{report.adopted} adopted, {report.not_adopted} in the appendix, "
                      f"from {', '.join(report.documents)}")
        for language, count in report.untranslated.items():
            if count:
                console.print(f"  [yellow]{language}:[/] {count} decision(s) without a "
                              "translation")

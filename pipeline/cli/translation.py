"""Commands for translation: translate, models list/install/remove, tm import, export."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from corpus.review import describe
from pipeline.cli.app import (
    DataOption,
    JsonOption,
    app,
    console,
    open_store,
    print_json,
    settings_for,
)
from pipeline.cli.exchange import write_meeting
from pipeline.translate.router import INSTALL_HINT

models_app = typer.Typer(
    help="Translation engines and packages.\n\nExample: sekretar models list", no_args_is_help=True
)
tm_app = typer.Typer(
    help="The translation memory.\n\nExample: sekretar tm import approved.tmx", no_args_is_help=True
)
app.add_typer(models_app, name="models")
app.add_typer(tm_app, name="tm")

NOTHING_INSTALLED = (
    "no translation engine installed: apt-get install apertium apertium-rus-ukr "
    "apertium-bel-rus, or sekretar models install FILE.argosmodel"
)
LanguageList = Annotated[str, typer.Option("--to", help="target language(s), comma-separated")]


def _languages(text: str) -> list[str]:
    languages = [t.strip().lower() for t in text.split(",") if t.strip()]
    if not languages or not all(t.isalpha() and len(t) in (2, 3) for t in languages):
        raise typer.BadParameter("language codes like uk or en,ru", param_hint="--to")
    return languages


@app.command("translate")
def translate_command(
    doc: Annotated[str, typer.Argument(help="document id, id prefix or source file name")],
    to: LanguageList,
    glossary: Annotated[
        Optional[Path],  # noqa: UP045 - Typer reads it at run time
        typer.Option(help="glossary file to use instead of the assembly's"),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Translate a stored document into one or more languages now, and save the result.

    Segments already in the translation memory are not translated again; approved memory
    entries win over machine output. A pair without an engine is no loss: it is listed as waiting
    with the command that installs a model. Translations the quality checks flagged are listed
    with the reason. JSON: {"document", "status", "problems", "needs_review": [{"block",
    "language", "text", "reason"}], "waiting", "counts": {"machine", "memory", "approved",
    "copied"}}.

    Example: sekretar translate report_ryazan_water_ru.docx --to uk,en
    """
    from pipeline.translate.glossary import Glossary
    from pipeline.translate.stage import problems_for, translate_document

    targets = _languages(to)
    chosen = Glossary.load(glossary) if glossary else None
    with open_store(data) as store:
        document, counts = translate_document(store, doc, targets, settings_for(data), chosen)
        review = _needing_review(document, targets)
    problems = problems_for(document.problems, targets)
    result = {
        "document": document.id,
        "status": document.status,
        "problems": problems,
        "needs_review": review,
        "waiting": document.waiting,
        "counts": counts.as_dict(),
    }
    if as_json:
        print_json(result)
        return
    console.print(
        f"{escape(document.source_name)}: {document.status}; segments translated "
        f"{counts.machine}, from memory {counts.memory + counts.approved} "
        f"({counts.approved} approved), copied {counts.copied}"
    )
    for problem in problems:
        console.print(f"  [yellow]problem:[/] {escape(problem)}")
    for item in review:
        console.print(f"  [yellow]needs review[/] ({item['language']}) {escape(item['text'])}: "
                      f"{escape(describe(item['reason']))}")
    if document.waiting:
        console.print(f"  waiting for a translation model: {', '.join(document.waiting)}. "
                      f"{INSTALL_HINT}")


def _needing_review(document: Any, targets: list[str]) -> list[dict[str, str]]:
    """The block translations into `targets` the checks flagged, with their coded reason."""
    return [
        {"block": block.id, "language": t.language, "text": t.text, "reason": t.review_reason}
        for block in document.blocks
        for t in block.translations
        if t.language in targets and t.needs_review
    ]


@models_app.command("list")
def models_list_command(data: DataOption = None, as_json: JsonOption = False) -> None:
    """Show every language pair this archive can translate, with its engine and model.

    A pair with a pivot goes through a third language with two engines or packages.
    JSON: [{"pair", "source", "target", "engine", "model_version", "pivot"}].

    Example: sekretar models list --json
    """
    from pipeline.translate.service import router_for

    router = router_for(settings_for(data))
    rows = [
        {
            "pair": f"{r.source}-{r.target}",
            "source": r.source,
            "target": r.target,
            "engine": r.engine,
            "model_version": r.model_version,
            "pivot": r.pivot,
        }
        for r in router.routes()
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(show_edge=False)
    for column in ("pair", "engine", "model", "pivot"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["pair"]),
            str(row["engine"]),
            escape(str(row["model_version"])),
            str(row["pivot"] or ""),
        )
    console.print(table if rows else NOTHING_INSTALLED)


@models_app.command("install")
def models_install_command(
    file: Annotated[
        Path, typer.Argument(help="an argos package (.argosmodel)", exists=True, dir_okay=False)
    ],
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Install an argos translation package into the archive's models folder.

    A package for a pair already installed is replaced. Nothing is downloaded: bring the
    .argosmodel file.

    Example: sekretar models install translate-kk_en-1_9.argosmodel
    """
    from pipeline.translate.argos import install_package

    info = install_package(settings_for(data).data / "models", file)
    _print_package("installed", info, as_json)


@models_app.command("remove")
def models_remove_command(
    pair: Annotated[str, typer.Argument(help="the pair, like kk-en")],
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Remove the argos package for a language pair (Apertium pairs come from Debian).

    Example: sekretar models remove kk-en
    """
    from pipeline.translate.argos import remove_package
    from pipeline.translate.engines import parse_pair

    info = remove_package(settings_for(data).data / "models", parse_pair(pair))
    _print_package("removed", info, as_json)


def _print_package(action: str, info: Any, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "action": action,
                "pair": f"{info.source}-{info.target}",
                "package": info.name,
                "version": info.version,
                "path": str(info.path),
            }
        )
        return
    console.print(f"{action} {info.source}-{info.target} ({escape(info.model_version)})")


@tm_app.command("import")
def tm_import_command(
    file: Annotated[
        Path, typer.Argument(help="a TMX file or a two-column CSV", exists=True, dir_okay=False)
    ],
    source: Annotated[
        Optional[str],  # noqa: UP045 - Typer reads it at run time
        typer.Option("--from", help="source language (CSV without a header row; TMX override)"),
    ] = None,
    target: Annotated[
        Optional[str],  # noqa: UP045 - Typer reads it at run time
        typer.Option("--to", help="target language (CSV without a header row; TMX: only this one)"),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import editors' approved translations into the translation memory.

    Approved entries always win over machine output for the same segment and pair. A CSV has
    two columns (source, target) and either a header row of language codes (ru,uk) or --from
    and --to. JSON: {"file", "imported", "memory": {"machine", "approved"}}.

    Example: sekretar tm import approved_ru_uk.csv
    """
    with open_store(data) as store:
        imported = store.memory.import_file(file, source, target)
        totals = store.memory.count()
    if as_json:
        print_json({"file": str(file), "imported": imported, "memory": totals})
        return
    console.print(
        f"imported {imported} approved segments; the memory holds "
        f"{totals['approved']} approved and {totals['machine']} machine entries"
    )


@tm_app.command("export")
def tm_export_command(
    file: Annotated[Path, typer.Argument(help="the TMX file to write", dir_okay=False)],
    approved_only: Annotated[
        bool, typer.Option("--approved-only", help="only editors' approved translations")
    ] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write the translation memory as a TMX file (approved units marked x-status=approved).

    JSON: {"file", "units"}.

    Example: sekretar tm export memory.tmx --approved-only
    """
    from pipeline.translate.review import write_tmx

    with open_store(data, readonly=True) as store:
        units = write_tmx(store.memory.all_entries(approved_only), file)
    if as_json:
        print_json({"file": str(file), "units": units})
        return
    console.print(f"wrote {units} translation units to {escape(str(file))}")


@app.command("export")
def export_command(
    doc: Annotated[str, typer.Argument(
        help="document id, id prefix or source file name; for akn, akn-resolution and popolo "
             "also a meeting key (\"2025-04-09 #12\"), a date or a collection label")],
    out: Annotated[Path, typer.Option("--out", help="file to write", dir_okay=False)],
    to: Annotated[
        Optional[str],  # noqa: UP045 - Typer reads it at run time
        typer.Option("--to", help="target language (docx and json)"),
    ] = None,
    fmt: Annotated[str, typer.Option(
        "--format", help="docx or json (a translation), akn, akn-resolution or popolo (the "
                         "minutes of a meeting, as `sekretar exchange` writes them)")] = "docx",
    side_by_side: Annotated[
        bool,
        typer.Option("--side-by-side", help="two-column bilingual DOCX (original | translation)"),
    ] = False,
    allow_untranslated: Annotated[
        bool,
        typer.Option("--allow-untranslated",
                     help="write the file even if some paragraphs have no translation"),
    ] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write a stored document in another language as DOCX or JSON, or a meeting's minutes in
    an exchange format.

    The DOCX keeps headings, lists and tables; --side-by-side writes a two-column table,
    original next to translation, one row per paragraph, for editors to check. A paragraph
    whose translation needs review carries a comment saying why. If some paragraphs have no
    translation, nothing is written and the message names the missing language pair and the
    command that fixes it; with --allow-untranslated they keep their original text, each with
    a comment saying it is not translated. JSON: {"path", "language", "format", "blocks",
    "translated", "untranslated"}.

    --format akn, akn-resolution or popolo writes the minutes DOC names (a meeting key, a date,
    a collection label or one minutes document) as `sekretar exchange` does: Akoma Ntoso
    debate or statement XML, or Popolo vote events JSON; --to is not needed. JSON:
    {"files": ["path", …]}.

    Example: sekretar export report_ryazan_water_ru.docx --to uk --format docx --out ryazan_uk.docx
    """
    from pipeline.exchange.meetings import FORMATS

    if fmt in FORMATS:
        write_meeting(doc, fmt, out, data, as_json)
        return
    if fmt not in ("docx", "json"):
        raise typer.BadParameter("docx, json, akn, akn-resolution or popolo",
                                 param_hint="--format")
    if to is None:
        raise typer.BadParameter(f"give the target language for {fmt}, like --to uk",
                                 param_hint="--to")
    _export_translation(doc, _languages(to)[0], fmt, out, side_by_side, allow_untranslated,
                        data, as_json)


def _export_translation(doc: str, language: str, fmt: str, out: Path, side_by_side: bool,
                        allow_untranslated: bool, data: Path | None, as_json: bool) -> None:
    """A document's translation into `language` as DOCX or JSON."""
    from pipeline.export import export_document, untranslated
    from pipeline.translate.gaps import check_translated, gap_reasons
    from pipeline.translate.service import router_for

    with open_store(data, readonly=True) as store:
        document = store.load_document(store.resolve(doc))
    gaps = untranslated(document, language)
    why: dict[str, str] = {}
    if gaps:
        router = router_for(settings_for(data))
        if not allow_untranslated:
            check_translated(gaps, language, router, document.source_name,
                             f"sekretar translate {doc} --to {language}")
        why = gap_reasons(gaps, language, router)
    report = export_document(document, language, fmt, out, side_by_side, why)
    if as_json:
        print_json(asdict(report))
        return
    console.print(
        f"wrote {escape(report.path)}: {report.blocks} blocks, "
        f"{report.untranslated} without a {language} translation"
    )

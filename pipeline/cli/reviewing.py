"""`sekretar review`: the translations the checks flagged, and the editor's approval."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from pipeline.cli.app import DataOption, JsonOption, app, console, open_store, print_json


@app.command("review")
def review_command(
    doc: Annotated[str, typer.Argument(help="document id, id prefix or source file name")],
    to: Annotated[str, typer.Option("--to", help="the translation's language")],
    accept: Annotated[
        Optional[list[str]],  # noqa: UP045 - Typer reads it at run time
        typer.Option("--accept", help="approve this block's translation as it is (repeatable; "
                     "'all' for every flagged one)"),
    ] = None,
    corrections: Annotated[
        Optional[Path],  # noqa: UP045 - Typer reads it at run time
        typer.Option("--corrections", exists=True, dir_okay=False,
                     help="CSV or TSV with the columns block and translation"),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the translations that need review, or approve them.

    Without --accept or --corrections: every flagged translation into the language, with its
    block id and the reason. An approved translation (accepted as it is, or corrected from the
    file) replaces the machine one and enters the translation memory as approved, so it wins in
    every later translation and export of the same text. JSON: {"document", "language",
    "needs_review": [{"block", "source", "translation", "reason", "said"}], "approved"}.

    Example: sekretar review minutes_ru.docx --to uk --corrections fixes.csv
    """
    from corpus.review import needing_review
    from pipeline.translate.review import approve, read_corrections

    language = to.strip().lower()
    fixes = read_corrections(corrections) if corrections else {}
    approved = 0
    with open_store(data, readonly=not (accept or fixes)) as store:
        document = store.load_document(store.resolve(doc))
        if accept or fixes:
            flagged = [item.block for item in needing_review(document, language)]
            chosen = [b for a in accept or [] for b in (flagged if a == "all" else [a])]
            approved = approve(store, document, language, fixes, chosen)
        items = needing_review(document, language)
    if as_json:
        print_json({"document": document.id, "language": language,
                    "needs_review": [asdict(i) for i in items], "approved": approved})
        return
    if approved:
        console.print(f"approved {approved} translation(s); they win in later translations")
    console.print(f"{escape(document.source_name)}: {len(items)} {language} translation(s) "
                  "need review")
    for item in items:
        console.print(f"[bold]{item.block}[/] {escape(item.source)}\n"
                      f"  → {escape(item.translation)}\n  [yellow]{escape(item.said)}[/]")

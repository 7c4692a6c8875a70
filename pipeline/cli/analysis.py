"""Commands over the analyses of stored documents: entities, entity."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from corpus.errors import NotFound
from pipeline.cli.app import DataOption, JsonOption, app, console, open_store, print_json


@app.command("entities")
def entities_command(
    doc: Annotated[str, typer.Argument(help="document id, id prefix or source file name")],
    label: Annotated[
        Optional[str],  # noqa: UP045 - Typer reads it at run time
        typer.Option(help="only this label: PER, LOC, ORG, DATE, MONEY or PERCENT"),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the people, places, organisations, dates, sums and percentages of a document.

    Each entity shows its text as written, its normal form (nominative) and its key, which is
    the same for one city or organisation in every document and language. JSON: {"document",
    "source_name", "entities": [{"label", "text", "normal", "key", "block_id", "start",
    "end"}]}, offsets counted in characters of the block's text.

    Example: sekretar entities report_ryazan_water_ru.docx --label LOC
    """
    with open_store(data, readonly=True) as store:
        document_id = store.resolve(doc)
        info = store.document_info(document_id)
        found = store.entities.in_document(document_id)
    if label:
        found = [e for e in found if e["label"] == label.upper()]
    if as_json:
        print_json({"document": document_id, "source_name": info["source_name"], "entities": found})
        return
    _print_entities(info, found)


def _print_entities(info: dict[str, Any], found: list[dict[str, Any]]) -> None:
    console.print(
        f"[bold]{escape(info['title'] or info['source_name'])}[/] ({len(found)} entities)"
    )
    if not found:
        return
    table = Table(show_edge=False)
    for column in ("block", "label", "text", "normal form", "key"):
        table.add_column(column, no_wrap=column in ("block", "label", "key"))
    for e in found:
        table.add_row(
            e["block_id"].rsplit("-", 1)[-1],
            e["label"],
            escape(e["text"]),
            escape(e["normal"]),
            escape(e["key"]),
        )
    console.print(table)


@app.command("entity")
def entity_command(
    key: Annotated[
        str,
        typer.Argument(
            help="entity key (city:ryazan, org:iaclc, per:esenin-s) or a name (Рязань); "
            "or 'merge' followed by the key to keep and the key to merge into it"
        ),
    ],
    merged: Annotated[
        Optional[list[str]],  # noqa: UP045 - Typer reads it at run time
        typer.Argument(help="with 'merge': KEEP ALIAS", show_default=False),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the documents that mention an entity, with how often and in which forms; or merge
    two keys of one entity.

    KEY is a canonical key, or a name that leads to one: a member city's or organisation's
    name in any language, or a stored normal form. JSON: {"key", "label", "normals", "names",
    "documents": [{"document", "source_name", "title", "language", "session", "mentions",
    "blocks", "forms"}]}.

    `entity merge KEEP ALIAS` makes ALIAS the same entity as KEEP (one person under two keys):
    its mentions move to KEEP, mentions stored later follow, and the change is in
    'sekretar log'. JSON: {"key", "merged", "mentions"}.

    Example: sekretar entity city:ryazan
    Example: sekretar entity merge per:petrov-i per:petrova-i
    """
    if key == "merge":
        _merge(merged or [], data, as_json)
        return
    if merged:
        raise typer.BadParameter(f"unexpected words after {key!r}: {' '.join(merged)}")
    with open_store(data, readonly=True) as store:
        resolved = store.entities.resolve(key)
        if resolved is None:
            raise NotFound(f"no entity {key!r} in the archive or the reference data")
        summary = store.entities.names(resolved)
        summary["documents"] = store.entities.mentioning(resolved)
    if as_json:
        print_json(summary)
        return
    _print_mentions(summary)


def _merge(keys: list[str], data: Path | None, as_json: bool) -> None:
    if len(keys) != 2:
        raise typer.BadParameter("merge takes two keys: the key to keep and the key to merge")
    keep, alias = keys
    with open_store(data) as store:
        moved = store.entities.merge(keep, alias)
    if as_json:
        print_json({"key": keep, "merged": alias, "mentions": moved})
        return
    console.print(f"{escape(alias)} merged into {escape(keep)}: {moved} mentions moved")


def _print_mentions(summary: dict[str, Any]) -> None:
    name = summary["names"].get("ru") or next(iter(summary["normals"]), None)
    title = summary["key"] + (f" ({escape(name)})" if name else "")
    documents = summary["documents"]
    console.print(f"[bold]{title}[/]: {len(documents)} documents")
    if not documents:
        return
    table = Table(show_edge=False)
    for column in ("document", "file", "language", "mentions", "forms"):
        table.add_column(column, no_wrap=column != "forms")
    for d in documents:
        table.add_row(
            d["document"][:12],
            escape(d["source_name"]),
            d["language"],
            str(d["mentions"]),
            escape(", ".join(d["forms"])),
        )
    console.print(table)

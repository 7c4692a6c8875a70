"""Commands over a document's life: documents, history, edit, supersede, delete, restore,
purge, log. Each is one call into `pipeline.ingest.versions` (or the store's audit log)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from corpus.model import KINDS_HELP
from pipeline.cli.app import DataOption, JsonOption, app, console, open_store, print_json
from pipeline.ingest.versions import (
    DocumentFilters,
    audit_entries,
    delete_document,
    edit_document,
    history,
    list_documents,
    purge_trash,
    restore_document,
    supersede_document,
)

#: typer reads these from the annotations; it needs `Optional` on Python 3.11.
OptionalText = Optional[str]  # noqa: UP045
DocArgument = Annotated[str, typer.Argument(help="document id, id prefix or source file name")]


def _short(row: dict[str, Any]) -> str:
    return f"{row['id'][:12]} {escape(row['source_name'])}"


@app.command("documents")
def documents_command(
    kind: Annotated[OptionalText, typer.Option(help=KINDS_HELP)] = None,
    city: Annotated[OptionalText, typer.Option(help="only documents of this city")] = None,
    session: Annotated[OptionalText, typer.Option(help="only documents of this session")] = None,
    lang: Annotated[OptionalText, typer.Option("--lang", help="only documents in this language")] = None,
    date_from: Annotated[OptionalText, typer.Option(
        "--from", help="documents dated on or after (YYYY[-MM[-DD]])")] = None,
    date_to: Annotated[OptionalText, typer.Option("--to", help="documents dated on or before")] = None,
    include_all: Annotated[bool, typer.Option(
        "--all", help="also superseded versions and the trash, with their state")] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the archive's current documents by date, with the filters search has.

    JSON: a list of {"id", "source_name", "title", "kind", "language", "session", "city",
    "date", "version", "state", ...}.

    Example: sekretar documents --kind minutes --from 2025 --all
    """
    filters = DocumentFilters(kind, city, session, lang, date_from, date_to, include_all)
    with open_store(data, readonly=True) as store:
        rows = list_documents(store, filters)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        state = "" if row["state"] == "current" else f" [yellow]{row['state']}[/]"
        where = " · ".join(escape(str(row[k])) for k in ("kind", "language", "city", "session")
                           if row[k])
        console.print(f"{row['date'] or '—':10} {_short(row)} v{row['version']} "
                      f"[dim]{where}[/]{state}")
    console.print(f"{len(rows)} document(s)")


@app.command("history")
def history_command(doc: DocArgument, data: DataOption = None, as_json: JsonOption = False) -> None:
    """List every version of a document, oldest first, with its state; `sekretar show DOC
    --version N` shows one.

    Example: sekretar history protocol_12.docx
    """
    with open_store(data, readonly=True) as store:
        rows = history(store, doc)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        console.print(f"{row['number']}. {_short(row)} ingested {row['ingested']} "
                      f"{row['state']}")


@app.command("edit")
def edit_command(
    doc: DocArgument,
    kind: Annotated[OptionalText, typer.Option(help=KINDS_HELP)] = None,
    session: Annotated[OptionalText, typer.Option(help="the session it belongs to")] = None,
    title: Annotated[OptionalText, typer.Option(help="its title")] = None,
    date: Annotated[OptionalText, typer.Option(help="its date, YYYY[-MM[-DD]]")] = None,
    city: Annotated[OptionalText, typer.Option(help="its city")] = None,
    visibility: Annotated[OptionalText, typer.Option(
        help="who reads it on the web page: published (everyone), internal or draft "
             "(editors and the secretariat)")] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Correct a document's kind, session, title, date, city or visibility; search follows at
    once and the change is written to the audit log (`sekretar log`).

    Example: sekretar edit protocol_12.docx --kind minutes --session "2025-04-09 #12"
    """
    changes = {k: v for k, v in (("kind", kind), ("session", session), ("title", title),
                                 ("date", date), ("city", city), ("visibility", visibility))
               if v is not None}
    if not changes:
        raise typer.BadParameter(
            "give at least one of --kind, --session, --title, --date, --city, --visibility")
    with open_store(data) as store:
        done = edit_document(store, doc, changes)
    if as_json:
        print_json(done)
    elif not done["new"]:
        console.print("nothing changed")
    for name, value in ({} if as_json else done["new"]).items():
        console.print(f"{name}: {escape(str(done['old'][name]))} → {escape(str(value))}")


@app.command("supersede")
def supersede_command(
    old: Annotated[str, typer.Argument(help="the older version")],
    new: Annotated[str, typer.Argument(help="the document that replaces it")],
    data: DataOption = None,
) -> None:
    """Make NEW the next version of OLD, for versions ingest cannot tell apart by path or by
    the minutes' number and date. OLD leaves search and stays readable in `history`.

    Example: sekretar supersede protocol_12.docx protocol_12_corrected.docx
    """
    with open_store(data) as store:
        replaced = supersede_document(store, old, new)
    console.print(f"superseded {len(replaced)} document(s)")


@app.command("delete")
def delete_command(doc: DocArgument, data: DataOption = None) -> None:
    """Move a document to the trash: it leaves search, listings and resolutions, and stays
    until `sekretar purge` (`sekretar restore` brings it back).

    Example: sekretar delete note_bishkek_cp1251.txt
    """
    with open_store(data) as store:
        document_id = delete_document(store, doc)
    console.print(f"moved {document_id[:12]} to the trash")


@app.command("restore")
def restore_command(
    doc: Annotated[str, typer.Argument(
        help="document id, id prefix or source file name; or a backup folder")],
    replace: Annotated[bool, typer.Option(
        "--replace", help="with a backup folder: set the archive there aside (renamed, not "
        "deleted) and restore the backup")] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Bring a document back from the trash, searchable again; or, given a backup folder
    (made by 'sekretar backup'), restore the whole archive from it and rebuild its index.

    Examples: sekretar restore note_bishkek_cp1251.txt;
    sekretar restore /media/usb/sekretar-backup --replace
    """
    from pipeline.cli.safekeeping import is_backup, restore_archive

    if is_backup(doc):
        restore_archive(Path(doc), data, replace, as_json)
        return
    with open_store(data) as store:
        document_id = restore_document(store, doc)
    console.print(f"restored {document_id[:12]}")


@app.command("purge")
def purge_command(data: DataOption = None, as_json: JsonOption = False) -> None:
    """Delete the documents in the trash for good, with their kept files and index entries.

    Example: sekretar purge
    """
    with open_store(data) as store:
        done = purge_trash(store)
    if as_json:
        print_json(done)
        return
    for row in done:
        console.print(f"purged {row['document'][:12]} {escape(row['source_name'])}")
    console.print(f"{len(done)} document(s) purged")


@app.command("log")
def log_command(
    doc: Annotated[OptionalText, typer.Argument(help="only this document's changes")] = None,
    limit: Annotated[int, typer.Option(help="entries to show, newest first")] = 50,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the audit log: when each document was changed, by which command, old and new values.

    Example: sekretar log --json
    """
    with open_store(data, readonly=True) as store:
        entries = audit_entries(store, doc, limit)
    if as_json:
        print_json(entries)
        return
    for entry in entries:
        changes = ", ".join(f"{k}: {entry['old'].get(k)} → {v}" for k, v in entry["new"].items())
        by = f" ({escape(entry['user'])})" if entry.get("user") else ""
        console.print(f"{entry['at']} {entry['document'][:12]} {entry['command']}{by} "
                      f"{escape(changes)}")

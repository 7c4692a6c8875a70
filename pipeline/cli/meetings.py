"""The `sessions` command: the meetings the stored minutes record, with their documents."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape

from pipeline.cli.app import DataOption, JsonOption, app, console, open_store, print_json


@app.command("sessions")
def sessions_command(
    name: Annotated[Optional[str], typer.Argument(  # noqa: UP045 - Typer reads it at run time
        help="only the meetings of this meeting key, date or collection label")] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the meetings (sittings) the archive's minutes record, by date: the meeting key, its
    date, number, place and city, the collection labels its files were ingested under, and its
    current documents (minutes in every language, and documents given the meeting key as their
    collection).

    JSON: [{"key", "date", "number", "place", "city", "collections", "documents": [{"id",
    "source_name", "title", "kind", "language", "collection"}]}].

    Example: sekretar sessions "Council 2025-04"
    """
    with open_store(data, readonly=True) as store:
        meetings = store.meetings.find(name) if name else store.meetings.listing()
    if as_json:
        print_json(meetings)
        return
    if not meetings:
        console.print("no meetings" + (f" for {escape(name)}" if name else ""))
        return
    for meeting in meetings:
        where = ", ".join(escape(str(p)) for p in (meeting["place"], meeting["city"]) if p)
        head = f"[bold]{escape(meeting['key'])}[/] — {meeting['date']}"
        if meeting["number"]:
            head += f", no. {escape(str(meeting['number']))}"
        if where:
            head += f", {where}"
        console.print(head)
        if meeting["collections"]:
            console.print(f"  collections: {escape(', '.join(meeting['collections']))}")
        for document in meeting["documents"]:
            console.print(f"  {escape(document['source_name'])} [dim]{document['kind']} "
                          f"{document['language']} {document['id'][:12]}[/]")

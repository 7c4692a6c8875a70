"""The `exchange` command: a meeting's minutes and resolution as Akoma Ntoso XML, its
votes as Popolo JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from pipeline.cli.app import DataOption, JsonOption, app, console, open_store, print_json


@app.command("exchange")
def exchange_command(
    session: Annotated[str, typer.Argument(
        help="meeting key (\"2025-04-09 #12\"), a date, a collection label, or one minutes "
             "document")],
    out: Annotated[Path, typer.Option("--out", help="file to write", dir_okay=False)],
    fmt: Annotated[str, typer.Option("--format", help="akn (Akoma Ntoso debate XML), "
                                     "akn-resolution (Akoma Ntoso statement of the adopted "
                                     "decisions) or popolo (vote events JSON)")] = "akn",
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write the minutes of a meeting in a format parliaments exchange: Akoma Ntoso `debate`
    XML (one file per set of minutes: agenda items as debate sections, speeches with their
    speaker and part, decisions, votes with counts and roll calls), an Akoma Ntoso `statement`
    of the adopted decisions (preamble, operative paragraphs, each with its source), or Popolo
    vote events JSON (counts by option and each member's vote where the minutes list them). Several files are
    named after --out with the meeting key and language appended.

    JSON: {"files": ["path", …]}.

    Example: sekretar exchange "2025-04-09 #12" --format popolo --out votes.json
    """
    from pipeline.exchange.meetings import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter("akn, akn-resolution or popolo", param_hint="--format")
    write_meeting(session, fmt, out, data, as_json)


def write_meeting(ref: str, fmt: str, out: Path, data: Path | None, as_json: bool) -> None:
    """Write the meetings `ref` names in an exchange format and say which files were written
    (`exchange`, and `export --format akn|akn-resolution|popolo`)."""
    from pipeline.exchange.meetings import export_meetings

    with open_store(data, readonly=True) as store:
        written = export_meetings(store, ref, fmt, out)
    if as_json:
        print_json({"files": [str(p) for p in written]})
        return
    for path in written:
        console.print(f"wrote {escape(str(path))}")

"""Backing an archive up and restoring it: `sekretar backup DEST`, and `sekretar restore
BACKUP` (the `restore` command restores a whole archive when given a backup folder, a
document from the trash otherwise)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from corpus.safekeeping import Copied, backup, restore
from corpus.store import DATABASE, Store
from index.build import rebuild
from pipeline.cli.app import DataOption, JsonOption, app, console, print_json, settings_for


def is_backup(ref: str) -> bool:
    """Does `ref` name a backup folder (a folder holding an archive database)?"""
    path = Path(ref)
    return path.is_dir() and (path / DATABASE).is_file()


@app.command("backup")
def backup_command(
    dest: Annotated[Path, typer.Argument(help="the folder to copy the archive into (an "
                                         "earlier backup there is brought up to date)")],
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Copy the archive into a folder: a consistent copy of the database (while ingests and
    searches go on) and every kept source file. The search index is rebuilt on restore.

    Example: sekretar backup /media/usb/sekretar-backup
    """
    done = backup(settings_for(data).data, dest)
    _print(done, "backed up", as_json)


def restore_archive(source: Path, data: Path | None, replace: bool, as_json: bool) -> None:
    """Restore the archive from the backup at `source`, then rebuild its search index."""
    folder = settings_for(data).data
    done = restore(source, folder, replace)
    with Store(folder) as store:
        rebuild(store)
    _print(done, "restored", as_json)


def _print(done: Copied, verb: str, as_json: bool) -> None:
    if as_json:
        print_json(done.to_json())
        return
    console.print(f"{verb} {done.documents} documents into {escape(done.folder)}: "
                  f"{done.files_copied} file(s) copied, {done.files_present} already there")
    if done.set_aside:
        console.print(f"the archive that was there is kept as {escape(done.set_aside)}")
    for name in done.files_missing:
        console.print(f"[red]missing:[/] kept file {name[:12]} was not in the archive")

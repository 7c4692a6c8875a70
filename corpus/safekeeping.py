"""Backups of an archive, and restoring one: the database through SQLite's online backup API
(a consistent copy of a live archive, while ingests and searches go on) and the kept source
files the copy names.

The search index is not copied: it is rebuilt from the store after a restore (the store is the
source of truth). A kept file is named by its sha256 and never changes, so a backup into the
folder of an earlier one copies only the files added since, and a restore copies only the
files the archive lacks. Each file is copied to a temporary name and renamed, as ingest keeps
them, so a stopped backup never leaves half a file under its final name.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from corpus.database import DATABASE, Database, now, storage_error
from corpus.errors import ConfigError, DamagedArchive
from corpus.messages import Message

MANIFEST = "sekretar-backup.json"


@dataclass
class Copied:
    """What a backup or a restore did."""

    folder: str
    documents: int = 0
    files_copied: int = 0
    files_present: int = 0
    files_missing: list[str] = field(default_factory=list)
    set_aside: str | None = None

    def to_json(self) -> dict[str, object]:
        return dict(vars(self))


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the database at `source` (live or not) into `target`, in one step
    of SQLite's online backup, checked with `quick_check` before it is renamed into place."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            problems = Database(dst, partial).integrity()
        finally:
            src.close()
            dst.close()
    except sqlite3.Error as err:
        partial.unlink(missing_ok=True)
        raise storage_error(err, source) from err
    if problems:
        partial.unlink(missing_ok=True)
        raise DamagedArchive(Message("damaged_archive", path=str(source), detail=problems[0]))
    os.replace(partial, target)


def kept_names(database: Path) -> tuple[int, list[str]]:
    """(documents, the sha256 of every kept file) that the database at `database` names."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        rows = conn.execute("SELECT id FROM documents UNION SELECT sha256 FROM renditions")
        return int(documents), sorted(r[0] for r in rows)
    except sqlite3.Error as err:
        raise storage_error(err, database) from err
    finally:
        conn.close()


def copy_files(names: list[str], source: Path, target: Path, done: Copied) -> None:
    """Copy the kept files `names` from the data folder `source` to `target`, skipping those
    already there at the same size; a file missing at the source is listed, not fatal."""
    for name in names:
        origin = source / "files" / name[:2] / name
        goal = target / "files" / name[:2] / name
        if not origin.exists():
            done.files_missing.append(name)
            continue
        if goal.exists() and goal.stat().st_size == origin.stat().st_size:
            done.files_present += 1
            continue
        goal.parent.mkdir(parents=True, exist_ok=True)
        partial = goal.with_name(goal.name + ".partial")
        try:
            shutil.copyfile(origin, partial)
            os.replace(partial, goal)
        except OSError as err:
            partial.unlink(missing_ok=True)
            raise storage_error(err) from err
        done.files_copied += 1


def backup(data: Path, dest: Path) -> Copied:
    """Copy the archive at `data` into the folder `dest` (made if needed; an earlier backup
    there is brought up to date). The database is copied first, then the files it names."""
    database = data / DATABASE
    if not database.exists():
        raise ConfigError(Message("no_archive", folder=str(data)))
    if dest.resolve() == data.resolve() or dest.resolve().is_relative_to(data.resolve()):
        raise ConfigError(f"the backup folder {dest} must be outside the archive {data}")
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise storage_error(err) from err
    copy_database(database, dest / DATABASE)
    done = Copied(folder=str(dest))
    done.documents, names = kept_names(dest / DATABASE)
    copy_files(names, data, dest, done)
    manifest = {"made": now(), "from": str(data.resolve()), **done.to_json()}
    (dest / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
    return done


def restore(source: Path, data: Path, replace: bool = False) -> Copied:
    """Make the archive at `data` the backup at `source`. An archive already there is set aside
    (renamed, never deleted) when `replace` is given, else refused. The index is left for the
    caller to rebuild."""
    if not (source / DATABASE).exists():
        raise ConfigError(f"no backup at {source} (it has no {DATABASE})")
    database = data / DATABASE
    done = Copied(folder=str(data))
    if database.exists():
        if not replace:
            raise ConfigError(f"an archive already exists at {data}; add --replace to set it "
                              "aside (it is renamed, not deleted) and restore the backup")
        aside = data / f"{DATABASE}.before-restore-{now().replace(':', '')}"
        for suffix in ("", "-wal", "-shm"):
            old = Path(f"{database}{suffix}")
            if old.exists():
                os.replace(old, Path(f"{aside}{suffix}"))
        done.set_aside = str(aside)
    try:
        (data / "files").mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise storage_error(err) from err
    copy_database(source / DATABASE, database)
    done.documents, names = kept_names(database)
    copy_files(names, source, data, done)
    return done

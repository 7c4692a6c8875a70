"""The archive's SQLite connection: how it is opened, migrated, and written in transactions.

`Database` is the one holder of the `sqlite3.Connection`; `Store` opens it and every query
group in `corpus` (documents, entities, minutes, memory, batches, embeddings) runs its SQL
through it. Nothing outside `corpus` sees the connection or `sqlite3`: errors leave as
`StoreError` (`storage_error`), rows as plain values.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus.errors import DamagedArchive, StoreError
from corpus.messages import Message
from corpus.schema import MIGRATIONS, SCHEMA_VERSION

DATABASE = "corpus.sqlite"

#: a row as the queries read it (columns by name or position); never leaves `corpus`.
Row = sqlite3.Row

#: errors that mean "no room to write": a full disk, a full quota, a file size limit.
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_SQLITE_FULL = 13
_SQLITE_IOERR_WRITE = 778
#: primary result codes of a damaged file: SQLITE_CORRUPT, SQLITE_NOTADB
_SQLITE_DAMAGED = frozenset({11, 26})
#: primary result codes of a file or folder that cannot be written: READONLY, CANTOPEN
_SQLITE_READONLY = frozenset({8, 14})


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def damaged(err: Exception, path: Path | str | None = None) -> DamagedArchive | None:
    """The damaged-archive error `err` means (a damaged page, a bad header, a text that is no
    longer UTF-8), or None."""
    code = getattr(err, "sqlite_errorcode", None)
    text = str(err)
    if isinstance(err, UnicodeDecodeError):
        text = "a stored text is no longer readable"
    elif not ((code is not None and code & 0xFF in _SQLITE_DAMAGED)
              or "malformed" in text or "not a database" in text):
        return None
    return DamagedArchive(Message("damaged_archive", path=str(path or DATABASE), detail=text))


def storage_error(err: Exception, path: Path | str | None = None) -> StoreError:
    """The project's error for a failed read or write of the archive, saying "disk full" when
    that is the cause, so the user knows what to do (and that nothing stored is lost), and
    "damaged" with what to do when the database file is."""
    if isinstance(err, StoreError):  # already said in words: never "error: error: ..."
        return err
    text = str(err)
    code = getattr(err, "sqlite_errorcode", None)
    broken = damaged(err, path)
    if broken is not None:
        return broken
    if (isinstance(err, OSError) and err.errno in _FULL_ERRNOS) or code == _SQLITE_FULL \
            or "disk is full" in text:
        return StoreError("disk full: free some space and run the command again "
                          "(what was stored before is kept)")
    if code is not None and code & 0xFF in _SQLITE_READONLY and path is not None:
        return StoreError(Message("readonly_archive", folder=str(Path(path).parent),
                                  detail=text))
    if code == _SQLITE_IOERR_WRITE:
        return StoreError("could not write the archive database (is the disk full?): free some "
                          f"space and run the command again (what was stored before is kept; "
                          f"{text})")
    return StoreError(f"archive database error: {text}")


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = _connect_readonly(path)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
    try:
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=60000")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection. On a read-only disk or folder SQLite cannot make the WAL's
    shared-memory file, so the archive is then opened as immutable (nothing can change it
    there): a read-only archive can still be searched and served."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as err:
        if (getattr(err, "sqlite_errorcode", 0) or 0) & 0xFF not in _SQLITE_READONLY:
            raise
        conn.close()
        conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    return conn


def inspect(path: Path) -> DamagedArchive | None:
    """The damage SQLite's `quick_check` finds in the database file at `path`, as the error to
    show, or None when it is sound (or missing). For the edge of a command that failed in an
    unexpected way: a damaged file explains it in words the user can act on."""
    if not path.exists():
        return None
    try:
        conn = _connect_readonly(path)
    except sqlite3.Error as err:
        return damaged(err, path)
    try:
        problems = Database(conn, path).integrity()
    finally:
        conn.close()
    if not problems:
        return None
    return DamagedArchive(Message("damaged_archive", path=str(path), detail=problems[0]))


class Database:
    """One SQLite connection with the archive's pragmas, schema and transactions."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, readonly: bool = False) -> Database:
        """Open (and, unless read-only, create or migrate) the database file at `path`."""
        try:
            conn = _connect(path, readonly)
        except sqlite3.Error as err:
            raise storage_error(err, path) from err
        database = cls(conn, path)
        try:
            if not readonly:
                database.refuse_damaged()
                database.migrate()
            elif database.schema_version() < SCHEMA_VERSION:
                conn.close()
                cls._upgrade(path)
                return cls.open(path, readonly=True)
        except BaseException as err:
            conn.close()
            if isinstance(err, sqlite3.Error | UnicodeDecodeError):
                raise storage_error(err, path) from err
            raise
        return database

    def integrity(self, full: bool = False) -> list[str]:
        """SQLite's own check of every page (`quick_check`; `integrity_check` with `full`, which
        also compares every index with its table): [] when the file is sound, else the damage
        it lists (at most 100 lines)."""
        pragma = "integrity_check" if full else "quick_check"
        try:
            lines = [str(r[0]) for r in self.conn.execute(f"PRAGMA {pragma}").fetchall()]
        except (sqlite3.Error, UnicodeDecodeError) as err:
            return [str(err)]
        return [] if lines == ["ok"] else lines

    def refuse_damaged(self) -> None:
        """Raise `DamagedArchive` when `quick_check` finds damage: a writer must not add to a
        damaged file (each write may spread the damage), so it stops before its first write."""
        problems = self.integrity()
        if problems:
            raise DamagedArchive(Message("damaged_archive", path=str(self.path or DATABASE),
                                         detail=problems[0]))

    @classmethod
    def _upgrade(cls, path: Path) -> None:
        """Migrate an archive an older version made before it is read: readers (search, the web
        page) would otherwise meet columns that are not there yet."""
        try:
            cls.open(path).close()
        except StoreError as err:
            raise StoreError(
                f"the archive at {path.parent} was made by an older version of sekretar and "
                f"could not be upgraded ({err}); run a command that writes to it, such as "
                "'sekretar check --repair', where it can be written") from err

    def migrate(self) -> None:
        """Bring the schema to `SCHEMA_VERSION`, one migration per transaction."""
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"archive schema {current} is newer than this program ({SCHEMA_VERSION})")
        for version in range(current, SCHEMA_VERSION):
            with self.transaction():
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={version + 1}")

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def journal_mode(self) -> str:
        return str(self.conn.execute("PRAGMA journal_mode").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT; anything raised rolls the whole unit back. Inside an
        open transaction it joins that one, so a write that opens its own transaction (adding
        to the memory, say) can be made part of a larger unit."""
        if self.conn.in_transaction:
            try:
                yield
            except sqlite3.Error as err:
                raise storage_error(err, self.path) from err
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise storage_error(err, self.path) from err
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as err:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise storage_error(err, self.path) from err
            raise

    # reading --------------------------------------------------------------------------------

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        """Every row of a query (read errors become `StoreError`)."""
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except (sqlite3.Error, UnicodeDecodeError) as err:
            raise storage_error(err, self.path) from err

    def one(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        """The first row of a query, or None."""
        try:
            row: Row | None = self.conn.execute(sql, tuple(params)).fetchone()
        except (sqlite3.Error, UnicodeDecodeError) as err:
            raise storage_error(err, self.path) from err
        return row

    def iterate(self, sql: str, params: Iterable[Any] = ()) -> Iterator[Row]:
        """The rows of a query one by one (for tables too large to hold as rows at once)."""
        try:
            yield from self.conn.execute(sql, tuple(params))
        except (sqlite3.Error, UnicodeDecodeError) as err:
            raise storage_error(err, self.path) from err

    def write(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        """Run one statement that changes rows; call it inside `transaction()`."""
        return self.conn.execute(sql, tuple(params))

    def write_many(self, sql: str, params: Iterable[tuple[Any, ...]]) -> None:
        """Run one statement once per parameter tuple; call it inside `transaction()`."""
        self.conn.executemany(sql, params)

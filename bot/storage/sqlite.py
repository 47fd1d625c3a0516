"""The embedded backend: one SQLite file through aiosqlite, in autocommit mode."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path

import aiosqlite

from bot.storage.database import Database, Row, Statement
from bot.storage.models import StorageError
from bot.storage.schema import MIGRATIONS

__all__ = ["SqliteDatabase"]

logger = logging.getLogger("bot.storage")


class SqliteDatabase(Database):
    """One connection; a single statement is its own transaction (no separate commit
    round trip), several that belong together use ``BEGIN ... COMMIT``."""

    errors = (aiosqlite.Error,)

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None
        self._transaction_lock = asyncio.Lock()
        self._locks: dict[tuple[str, int], asyncio.Lock] = {}
        self._file: tuple[int, int] | None = None  # (device, inode) of the file opened
        self._lost = False  # the file was deleted or replaced under the open connection

    @property
    def where(self) -> str:
        return str(self.path)

    @property
    def available(self) -> bool:
        """False once the file opened is gone from its path (deleted, or replaced): SQLite
        would go on writing to the deleted file, and everything would be lost at stop."""
        if self._db is None or self._file is None or self._lost:
            return self._db is not None and not self._lost
        try:
            now = os.stat(self.path)
            same = (now.st_dev, now.st_ino) == self._file
        except OSError:
            same = False
        if not same:
            self._lost = True
            logger.error(
                "The database file %s was deleted or replaced while the bot runs: nothing stored from now on "
                "will be kept. Answers go on; restore the file or restart the bot.",
                self.path,
            )
        return same

    @property
    def connection(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError(f"database {self.path} is not open")
        return self._db

    async def open(self) -> None:
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = await aiosqlite.connect(self.path, isolation_level=None)
            await self._db.execute("PRAGMA journal_mode=WAL")
            await self._db.execute("PRAGMA synchronous=NORMAL")
            await self._db.execute("PRAGMA foreign_keys=ON")
            await self._db.execute("PRAGMA busy_timeout=5000")
            await self._db.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left in pages
            await self._migrate()
            if str(self.path) != ":memory:":
                opened = os.stat(self.path)
                self._file, self._lost = (opened.st_dev, opened.st_ino), False
        except StorageError:
            await self.close()
            raise
        except (OSError, aiosqlite.Error) as exc:
            await self.close()
            raise StorageError(f"cannot open database {self.path}: {exc}") from exc

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def _migrate(self) -> None:
        version = await self.schema_version()
        if version > len(MIGRATIONS):
            raise StorageError(
                f"database {self.path} has schema version {version}, newer than this bot ({len(MIGRATIONS)})"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.connection.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")

    async def schema_version(self) -> int:
        return int(await self.fetch_value("PRAGMA user_version") or 0)

    async def execute(self, sql: str, *args: object) -> int:
        cursor = await self.connection.execute(sql, args)
        return max(cursor.rowcount, 0)

    async def execute_then(self, first: Statement, then: Statement) -> int:
        # One trip to aiosqlite's thread and one commit instead of two of each (every update
        # claims its id and records its chat so: docs/benchmarks.md, "the third speed work").
        # aiosqlite's own way to run a call on its thread (not public: without it, two statements).
        connection = self.connection
        if not (hasattr(type(connection), "_execute") and hasattr(type(connection), "_conn")):
            return await super().execute_then(first, then)
        run: Callable[..., Awaitable[int]] = connection._execute
        return await run(_execute_then, connection._conn, first, then)

    async def execute_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        await self.connection.executemany(sql, rows)

    async def execute_many_at_once(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        # BEGIN, the rows and COMMIT in one trip to aiosqlite's thread instead of three (each
        # batch of questions is written so), one transaction at a time as with transaction().
        connection = self.connection
        if not (hasattr(type(connection), "_execute") and hasattr(type(connection), "_conn")):
            await super().execute_many_at_once(sql, rows)
            return
        run: Callable[..., Awaitable[None]] = connection._execute
        async with self._transaction_lock:
            await run(_execute_many_at_once, connection._conn, sql, rows)

    async def fetch_all(self, sql: str, *args: object) -> list[Row]:
        async with self.connection.execute(sql, args) as cursor:
            return [tuple(row) for row in await cursor.fetchall()]

    @contextlib.asynccontextmanager
    async def transaction(self, *, write: bool = False) -> AsyncIterator[None]:
        # One at a time: updates are handled concurrently, and SQLite does not nest them.
        async with self._transaction_lock:
            await self.connection.execute("BEGIN IMMEDIATE" if write else "BEGIN DEFERRED")
            try:
                yield
            except BaseException:
                await self.connection.rollback()
                raise
            await self.connection.commit()

    @contextlib.asynccontextmanager
    async def exclusive(self, name: str, key: int) -> AsyncIterator[bool]:
        # One process per SQLite file: a lock in this process is enough.
        lock = self._locks.setdefault((name, key), asyncio.Lock())
        if lock.locked():
            yield False
            return
        async with lock:
            yield True

    async def scrub(self) -> None:
        # The WAL still holds the pages as they were before the deletion: copy it into the
        # file (whose deleted cells secure_delete zeroed) and truncate it.
        try:
            row = await self.fetch_one("PRAGMA wal_checkpoint(TRUNCATE)")
        except aiosqlite.Error as exc:
            logger.warning("Could not checkpoint %s after a deletion: %s", self.path, exc)
            return
        if row is not None and row[0]:
            logger.warning("Could not checkpoint %s after a deletion: another connection is reading it", self.path)

    async def check_writable(self) -> None:
        try:
            async with self._transaction_lock:
                await self.connection.execute("BEGIN IMMEDIATE")
                await self.connection.rollback()
        except aiosqlite.Error as exc:
            raise StorageError(f"database {self.path} cannot be written: {exc}") from exc


def _execute_then(connection: sqlite3.Connection, first: Statement, then: Statement) -> int:
    """:meth:`SqliteDatabase.execute_then` on aiosqlite's thread: both statements in one
    transaction (inside one already open, when another step has begun it). ``first``
    stays done when ``then`` fails, as with two statements; its error is raised after."""
    own = not connection.in_transaction
    if own:
        connection.execute("BEGIN IMMEDIATE")
    failed: sqlite3.Error | None = None
    try:
        changed = max(connection.execute(first[0], first[1]).rowcount, 0)
        if changed:
            try:
                connection.execute(then[0], then[1])
            except sqlite3.Error as exc:
                failed = exc
        if own:
            connection.commit()
    except BaseException:
        if own and connection.in_transaction:
            connection.rollback()
        raise
    if failed is not None:
        raise failed
    return changed


def _execute_many_at_once(connection: sqlite3.Connection, sql: str, rows: Sequence[Sequence[object]]) -> None:
    """:meth:`SqliteDatabase.execute_many_at_once` on aiosqlite's thread: as
    :meth:`SqliteDatabase.transaction` runs it (``BEGIN DEFERRED``, the rows, ``COMMIT``;
    rolled back on an error, which is raised)."""
    connection.execute("BEGIN DEFERRED")
    try:
        connection.executemany(sql, rows)
        connection.commit()
    except BaseException:
        if connection.in_transaction:
            connection.rollback()
        raise

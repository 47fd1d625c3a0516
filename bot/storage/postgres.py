"""The hosted backend: PostgreSQL through asyncpg (``pip install '.[postgres]'``).

Chosen by a ``DATABASE_URL`` of the form ``postgres://user:password@host:port/database``.
Several processes may share the database (two webhook instances during a redeploy): the
update claim is a primary key, announcements are started with a conditional update in a
transaction, and one announcement is delivered by one process at a time, under an advisory
lock held by that process's session (released by the server when the process dies).

While the server cannot be reached, statements fail at once with :class:`StorageError`
(no waiting on a dead host in every handler), one warning names the host, a background
task reconnects with backoff, and :attr:`PostgresDatabase.available` is False (so the
health check says 503). The password is never part of a message.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import re
import zlib
from collections.abc import AsyncIterator, Sequence
from typing import Any
from urllib.parse import urlsplit

from bot.storage.database import Database, Row
from bot.storage.models import DatabaseUnavailable, StorageError
from bot.storage.schema import POSTGRES_MIGRATIONS

try:
    import asyncpg
except ImportError:  # the extra is not installed
    asyncpg = None  # type: ignore[assignment]

__all__ = ["PostgresDatabase", "describe_url"]

logger = logging.getLogger("bot.storage")

HEARTBEAT_SECONDS = 5.0  # how often an idle bot checks that the server is still there
_MIGRATION_LOCK = 0x4C43_4231  # the advisory lock key that serialises migrations ("LCB1")
_PLACEHOLDER = re.compile(r"'[^']*'|\?")
_COUNT = re.compile(r"(\d+)$")


def describe_url(url: str) -> str:
    """``host:port/database`` of a PostgreSQL URL: what a message may show of it."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "localhost"
        port = parts.port or 5432
    except ValueError:
        return "PostgreSQL (an unreadable DATABASE_URL)"
    name = parts.path.lstrip("/") or parts.username or "postgres"
    return f"{host}:{port}/{name}"


def _numbered(sql: str) -> str:
    """``?`` placeholders as PostgreSQL's ``$1, $2 ...`` (quoted literals left alone)."""
    counter = 0

    def number(match: re.Match[str]) -> str:
        nonlocal counter
        if match.group(0) != "?":
            return match.group(0)
        counter += 1
        return f"${counter}"

    return _PLACEHOLDER.sub(number, sql)


def _connection_errors() -> tuple[type[BaseException], ...]:
    if asyncpg is None:
        return (OSError,)
    return (
        OSError,
        TimeoutError,
        asyncpg.PostgresConnectionError,
        asyncpg.InterfaceError,
        asyncpg.CannotConnectNowError,
        asyncpg.AdminShutdownError,
        asyncpg.CrashShutdownError,
        asyncpg.TooManyConnectionsError,
    )


class PostgresDatabase(Database):
    """A pool of connections; statements of one transaction share one connection."""

    shared = True

    def __init__(
        self,
        url: str,
        *,
        connect_wait: float = 30.0,
        connect_timeout: float = 5.0,
        first_backoff: float = 0.5,
        max_backoff: float = 10.0,
        heartbeat: float | None = None,
        pool_size: int = 10,
    ) -> None:
        self.url = url
        self.connect_wait = connect_wait  # how long open() keeps trying at start-up
        self.connect_timeout = connect_timeout
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self.heartbeat = HEARTBEAT_SECONDS if heartbeat is None else heartbeat
        self.pool_size = pool_size
        self.errors = (StorageError, *(() if asyncpg is None else (asyncpg.PostgresError,)), *_connection_errors())
        self._lost = _connection_errors()
        self._pool: Any = None  # asyncpg.Pool
        self._available = False
        self._reconnect: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Task[None] | None = None
        self._in_transaction: contextvars.ContextVar[Any] = contextvars.ContextVar("transaction", default=None)
        self._sql: dict[str, str] = {}

    @property
    def where(self) -> str:
        return f"PostgreSQL {describe_url(self.url)}"

    @property
    def available(self) -> bool:
        return self._pool is not None and self._available

    # ------------------------------------------------------------------ connecting
    async def open(self) -> None:
        if asyncpg is None:
            raise StorageError(
                "DATABASE_URL names PostgreSQL, but its driver is not installed: pip install '.[postgres]'"
            )
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.connect_wait
        backoff = self.first_backoff
        warned = False
        while True:
            try:
                if self._pool is None:
                    # No floor of idle connections (min_size=0): a pool restoring one
                    # logs a traceback of its own every time the server is away.
                    self._pool = await asyncpg.create_pool(
                        self.url, min_size=0, max_size=self.pool_size, timeout=self.connect_timeout
                    )
                async with self._pool.acquire(timeout=self.connect_timeout) as connection:
                    await connection.fetchval("SELECT 1")
                break
            except self._lost as exc:
                left = deadline - loop.time()
                if left <= 0:
                    await self.close()
                    raise StorageError(f"cannot reach {self.where}: {_reason(exc)}") from None
                if not warned:
                    logger.warning("Cannot reach %s (%s); retrying with backoff", self.where, _reason(exc))
                    warned = True
                await asyncio.sleep(min(backoff, left))
                backoff = min(backoff * 2, self.max_backoff)
            except (asyncpg.PostgresError, ValueError) as exc:  # wrong password, no such database, bad URL
                await self.close()
                raise StorageError(f"cannot open {self.where}: {_reason(exc)}") from None
        if warned:
            logger.info("Reached %s", self.where)
        self._available = True
        self._heartbeat = asyncio.ensure_future(self._heartbeat_loop())
        try:
            await self._migrate()
        except StorageError:
            await self.close()
            raise
        except self.errors as exc:
            await self.close()
            raise StorageError(f"cannot open {self.where}: {_reason(exc)}") from None

    async def close(self) -> None:
        for task in (self._reconnect, self._heartbeat):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._reconnect = self._heartbeat = None
        if self._pool is not None:
            pool, self._pool = self._pool, None
            try:
                await asyncio.wait_for(pool.close(), timeout=5)
            except self._lost:  # (TimeoutError is one of them)
                pool.terminate()
        self._available = False

    def _lose(self, exc: BaseException) -> None:
        """The server went away: say so once, and reconnect in the background."""
        if self._available:
            logger.warning("Lost %s (%s); reconnecting with backoff", self.where, _reason(exc))
        self._available = False
        if self._reconnect is None or self._reconnect.done():
            self._reconnect = asyncio.ensure_future(self._reconnect_loop())

    async def _heartbeat_loop(self) -> None:
        """Notice a server that went away while nothing asked it anything (the health check)."""
        while True:
            await asyncio.sleep(self.heartbeat)
            if not self._available or self._pool is None:
                continue
            try:
                async with self._pool.acquire(timeout=self.connect_timeout) as connection:
                    await connection.fetchval("SELECT 1", timeout=self.connect_timeout)
            except self._lost as exc:
                self._lose(exc)
            except self.errors:
                pass

    async def _reconnect_loop(self) -> None:
        backoff = self.first_backoff
        while self._pool is not None:
            await asyncio.sleep(backoff)
            try:
                async with self._pool.acquire(timeout=self.connect_timeout) as connection:
                    await connection.fetchval("SELECT 1")
            except self.errors:
                backoff = min(backoff * 2, self.max_backoff)
                continue
            await self._pool.expire_connections()  # the others were cut too: new ones from now on
            self._available = True
            logger.info("Reached %s again", self.where)
            return

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[Any]:
        """The transaction's connection, or one from the pool; failing at once while
        the server is known to be unreachable."""
        current = self._in_transaction.get()
        if current is not None:
            yield current
            return
        if self._pool is None:
            raise StorageError(f"{self.where} is not open")
        if not self._available:
            raise DatabaseUnavailable(f"{self.where} is unreachable")
        try:
            async with self._pool.acquire(timeout=self.connect_timeout) as connection:
                yield connection
        except self._lost as exc:
            self._lose(exc)
            raise DatabaseUnavailable(f"{self.where} is unreachable: {_reason(exc)}") from exc

    def _prepare(self, sql: str) -> str:
        converted = self._sql.get(sql)
        if converted is None:
            converted = self._sql[sql] = _numbered(sql)
        return converted

    # ------------------------------------------------------------------ schema
    async def _migrate(self) -> None:
        async with self.transaction(), self._connection() as connection:
            # Two processes starting together: one migrates, the other waits and finds it done.
            await connection.execute("SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK)
            await connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            version = await connection.fetchval("SELECT MAX(version) FROM schema_version") or 0
            if version > len(POSTGRES_MIGRATIONS):
                raise StorageError(
                    f"database {self.where} has schema version {version}, "
                    f"newer than this bot ({len(POSTGRES_MIGRATIONS)})"
                )
            for number, script in enumerate(POSTGRES_MIGRATIONS[version:], start=version + 1):
                await connection.execute(script)
                await connection.execute("DELETE FROM schema_version")
                await connection.execute("INSERT INTO schema_version (version) VALUES ($1)", number)

    async def schema_version(self) -> int:
        return int(await self.fetch_value("SELECT MAX(version) FROM schema_version") or 0)

    # ------------------------------------------------------------------ statements
    async def execute(self, sql: str, *args: object) -> int:
        async with self._connection() as connection:
            status = await connection.execute(self._prepare(sql), *args)
        found = _COUNT.search(status or "")
        return int(found.group(1)) if found and not status.startswith("SELECT") else 0

    async def execute_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        async with self._connection() as connection:
            await connection.executemany(self._prepare(sql), rows)

    async def fetch_all(self, sql: str, *args: object) -> list[Row]:
        async with self._connection() as connection:
            records = await connection.fetch(self._prepare(sql), *args)
        return [tuple(record) for record in records]

    @contextlib.asynccontextmanager
    async def transaction(self, *, write: bool = False) -> AsyncIterator[None]:
        if self._in_transaction.get() is not None:  # already inside one: part of it
            yield
            return
        async with self._connection() as connection, connection.transaction():
            token = self._in_transaction.set(connection)
            try:
                yield
            finally:
                self._in_transaction.reset(token)

    @contextlib.asynccontextmanager
    async def exclusive(self, name: str, key: int) -> AsyncIterator[bool]:
        # A session-level advisory lock on a connection of its own, held while the body
        # runs; the server releases it if this process dies.
        group = zlib.crc32(name.encode()) & 0x7FFFFFFF
        async with self._connection() as connection:
            got = bool(await connection.fetchval("SELECT pg_try_advisory_lock($1, $2)", group, key))
            try:
                yield got
            finally:
                if got:
                    with contextlib.suppress(*self.errors):
                        await connection.execute("SELECT pg_advisory_unlock($1, $2)", group, key)

    async def check_writable(self) -> None:
        try:
            async with self._connection() as connection:
                if await connection.fetchval("SELECT pg_is_in_recovery()"):
                    raise StorageError(f"database {self.where} cannot be written: it is a read-only replica")
                await connection.execute("CREATE TEMPORARY TABLE write_check (x INTEGER); DROP TABLE write_check")
        except StorageError:
            raise
        except self.errors as exc:
            raise StorageError(f"database {self.where} cannot be written: {_reason(exc)}") from None


def _reason(exc: BaseException) -> str:
    """An exception as one line, without anything from the URL's password."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

"""The one interface the repositories speak to, whichever database is behind it.

The repositories write their SQL once, in the subset both SQLite and PostgreSQL accept
(``?`` placeholders, ``INSERT ... ON CONFLICT``, ``RETURNING``); a backend adapts the
placeholders and reports the number of rows a statement changed. What truly differs
between the two (connecting, the schema's types, the version record, locks that hold
across processes) lives in the backend modules, :mod:`bot.storage.sqlite` and
:mod:`bot.storage.postgres`.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

__all__ = ["Database", "Row", "Statement", "is_postgres_url", "open_database"]

Row = tuple[Any, ...]
Statement = tuple[str, Sequence[object]]  # SQL and its arguments

_POSTGRES_URL = re.compile(r"^postgres(ql)?://", re.IGNORECASE)


def is_postgres_url(target: str | Path) -> bool:
    """Whether ``target`` is a PostgreSQL address (``postgres://`` or ``postgresql://``)."""
    return isinstance(target, str) and _POSTGRES_URL.match(target) is not None


class Database(ABC):
    """A connection (SQLite) or a pool of them (PostgreSQL) with a schema kept up to date."""

    #: Several processes may share this database (so in-process caches are not enough).
    shared: bool = False
    #: The exceptions the driver raises for a failed statement or a lost connection.
    errors: tuple[type[BaseException], ...] = ()

    @property
    @abstractmethod
    def where(self) -> str:
        """The path, or ``host:port/database``, for messages: never a password."""

    @property
    def available(self) -> bool:
        """False while the database cannot be reached (for the health check)."""
        return True

    @abstractmethod
    async def open(self) -> None:
        """Connect and bring the schema up to date; raises StorageError naming :attr:`where`."""

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def schema_version(self) -> int: ...

    @abstractmethod
    async def execute(self, sql: str, *args: object) -> int:
        """Run one statement; the number of rows it inserted, updated or deleted."""

    async def execute_then(self, first: Statement, then: Statement) -> int:
        """Run ``first`` and, when it changed a row, ``then``; the number of rows ``first``
        changed. Here two statements; a backend may run them as one step."""
        changed = await self.execute(first[0], *first[1])
        if changed:
            await self.execute(then[0], *then[1])
        return changed

    @abstractmethod
    async def execute_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None: ...

    async def execute_many_at_once(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """:meth:`execute_many` in one transaction of its own: every row written, or none.
        Here a :meth:`transaction`; a backend may make it one step."""
        async with self.transaction():
            await self.execute_many(sql, rows)

    @abstractmethod
    async def fetch_all(self, sql: str, *args: object) -> list[Row]: ...

    async def fetch_one(self, sql: str, *args: object) -> Row | None:
        rows = await self.fetch_all(sql, *args)
        return rows[0] if rows else None

    async def fetch_value(self, sql: str, *args: object) -> Any:
        """The first column of the first row, or None."""
        row = await self.fetch_one(sql, *args)
        return row[0] if row else None

    @abstractmethod
    def transaction(self, *, write: bool = False) -> AbstractAsyncContextManager[None]:
        """Statements that belong together: committed together, or rolled back on error.
        ``write`` takes the write lock at the start (SQLite's ``BEGIN IMMEDIATE``)."""

    @abstractmethod
    def exclusive(self, name: str, key: int) -> AbstractAsyncContextManager[bool]:
        """Held by one holder at a time, in this process and (where the database is shared)
        in every other one; yields False (without waiting) when someone else holds it."""

    async def scrub(self) -> None:
        """After a deletion someone asked for (/forgetme): leave the deleted rows readable
        in no file of this database (SQLite: a WAL checkpoint; deleted cells are zeroed
        by ``secure_delete``). A server database has nothing of the kind to do here."""
        return

    @abstractmethod
    async def check_writable(self) -> None:
        """Raise StorageError (naming :attr:`where`) if nothing can be written now."""


def open_database(target: str | Path) -> Database:
    """The backend for a PostgreSQL URL or an SQLite path (not opened yet)."""
    if is_postgres_url(target):
        from bot.storage.postgres import PostgresDatabase

        return PostgresDatabase(str(target))
    from bot.storage.sqlite import SqliteDatabase

    return SqliteDatabase(Path(target))

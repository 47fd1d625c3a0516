"""The bot's SQLite database (aiosqlite): versioned schema, parameterised SQL only.

The schema is upgraded in place at start-up: each entry of :data:`MIGRATIONS` runs once,
in order, and ``PRAGMA user_version`` records how far a file has come.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType

import aiosqlite

__all__ = ["MIGRATIONS", "Storage", "StorageError"]

MIGRATIONS: tuple[str, ...] = (
    # 1: people's language choice
    """
    CREATE TABLE users (
        user_id    INTEGER PRIMARY KEY,
        lang       TEXT,
        first_seen REAL NOT NULL,
        last_seen  REAL NOT NULL
    );
    """,
)


class StorageError(RuntimeError):
    """The database cannot be opened or used; the message names the path."""


class Storage:
    """One open database connection; use ``async with Storage(path) as db``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db: aiosqlite.Connection | None = None

    async def __aenter__(self) -> Storage:
        await self.open()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError(f"database {self.path} is not open")
        return self._db

    async def open(self) -> None:
        """Open (creating the folder and file if needed) and migrate the database."""
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = await aiosqlite.connect(self.path)
            await self._db.execute("PRAGMA journal_mode=WAL")
            await self._db.execute("PRAGMA foreign_keys=ON")
            await self._db.execute("PRAGMA busy_timeout=5000")
            await self._migrate()
        except (OSError, aiosqlite.Error) as exc:
            await self.close()
            raise StorageError(f"cannot open database {self.path}: {exc}") from exc

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def _migrate(self) -> None:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version > len(MIGRATIONS):
            raise StorageError(f"database {self.path} has schema version {version}, newer than this bot "
                               f"({len(MIGRATIONS)})")
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.db.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")

    async def schema_version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def get_lang(self, user_id: int) -> str | None:
        """The language a user chose with /lang, if any."""
        async with self.db.execute("SELECT lang FROM users WHERE user_id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def set_lang(self, user_id: int, lang: str) -> None:
        now = time.time()
        await self.db.execute(
            "INSERT INTO users (user_id, lang, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(user_id) DO UPDATE SET lang = excluded.lang, last_seen = excluded.last_seen",
            (user_id, lang, now, now),
        )
        await self.db.commit()

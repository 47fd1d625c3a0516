"""The databases tests run against: an SQLite file, or a fresh PostgreSQL database.

PostgreSQL tests need a server: ``TEST_DATABASE_URL`` names one where the user may create
databases (``.ci/run`` starts a throwaway one on loopback). Without it they are skipped
with that reason; with it but no server answering, they fail.
"""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = ["POSTGRES_SKIP", "create_postgres", "drop_postgres", "reset_postgres", "rows"]

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()


def _skip_reason() -> str | None:
    if not TEST_DATABASE_URL:
        return "PostgreSQL tests need TEST_DATABASE_URL (a server on loopback; .ci/run starts one)"
    try:
        import asyncpg  # noqa: F401
    except ImportError:
        return "PostgreSQL tests need asyncpg: pip install -e '.[dev]'"
    return None


POSTGRES_SKIP = _skip_reason()


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def create_postgres() -> str:
    """A new, empty database on the test server; its URL."""
    import asyncpg

    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = await asyncpg.connect(TEST_DATABASE_URL)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return _with_database(TEST_DATABASE_URL, name)


async def drop_postgres(url: str) -> None:
    import asyncpg

    name = urlsplit(url).path.lstrip("/")
    admin = await asyncpg.connect(TEST_DATABASE_URL)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def reset_postgres(url: str) -> None:
    """Empty a test database (much faster than creating one per test)."""
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        await connection.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
    finally:
        await connection.close()


async def rows(target: str | Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    """Read the database directly (not through the bot's storage), with ``?`` placeholders."""
    if isinstance(target, Path):
        with sqlite3.connect(target) as raw:
            return [tuple(r) for r in raw.execute(sql, args).fetchall()]
    import asyncpg

    counter = iter(range(1, 1000))
    numbered = re.sub(r"\?", lambda _: f"${next(counter)}", sql)
    connection = await asyncpg.connect(target)
    try:
        return [tuple(r) for r in await connection.fetch(numbered, *args)]
    finally:
        await connection.close()

"""The SQLite store, against a real file in a temporary folder."""

import sqlite3
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, Storage, StorageError


async def test_creates_folder_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "bot.sqlite3"
    async with Storage(path) as db:
        assert await db.schema_version() == len(MIGRATIONS)
    assert path.is_file()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_language_choice_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Storage(path) as db:
        assert await db.get_lang(42) is None
        await db.set_lang(42, "en")
        await db.set_lang(42, "tr")
        await db.set_lang(7, "en")
    async with Storage(path) as db:
        assert await db.get_lang(42) == "tr"
        assert await db.get_lang(7) == "en"


async def test_newer_schema_is_refused_with_the_path(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(StorageError) as info:
        await Storage(path).open()
    assert str(path) in str(info.value)


async def test_unopenable_path_names_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as info:
        await Storage(blocker / "sub" / "bot.sqlite3").open()
    assert str(blocker) in str(info.value)


async def test_user_text_is_a_parameter_not_sql(tmp_path: Path) -> None:
    async with Storage(tmp_path / "bot.sqlite3") as db:
        await db.set_lang(1, "en'); DROP TABLE users; --")
        assert await db.get_lang(1) == "en'); DROP TABLE users; --"

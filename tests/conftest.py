"""Shared fixtures: the shipped content, a loaded assistant, a writable copy of the content."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import pytest_asyncio

from bot.assistant import Assistant
from bot.config import default_content_dir
from bot.services import load_assistant

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def own_cache_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The bots started by the tests (in process or not) keep their content cache in a
    folder of the test session (XDG_CACHE_HOME, which the bot processes inherit), not in
    the developer's ~/.cache."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(scope="session")
def content_dir() -> Path:
    return default_content_dir()


@pytest.fixture(scope="session")
def assistant(content_dir: Path) -> Assistant:
    return load_assistant(content_dir)


@pytest.fixture
def content_copy(tmp_path: Path, content_dir: Path) -> Path:
    """A writable copy of the shipped content, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(content_dir, target)
    return target


# --------------------------------------------------------------------------- databases


@pytest.fixture(scope="session")
def postgres_url():  # type: ignore[no-untyped-def]
    """A database of this test session on the PostgreSQL server of TEST_DATABASE_URL
    (skipped, with the reason, when none is configured; see tests/databases.py)."""
    import asyncio

    from databases import POSTGRES_SKIP, create_postgres, drop_postgres

    if POSTGRES_SKIP:
        pytest.skip(POSTGRES_SKIP)
    url = asyncio.run(create_postgres())
    yield url
    asyncio.run(drop_postgres(url))


@pytest.fixture
def postgres(postgres_url: str) -> str:
    """The session's PostgreSQL database, emptied for this test."""
    import asyncio

    from databases import reset_postgres

    asyncio.run(reset_postgres(postgres_url))
    return postgres_url


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a test's storage lives: an SQLite file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "bot.sqlite3"
    url: str = request.getfixturevalue("postgres")
    return url


# --------------------------------------------------------------------------- Telegram layer


@pytest.fixture
def fake():  # type: ignore[no-untyped-def]
    """A strict fake Bot API server on 127.0.0.1 (see tests/fakebotapi.py)."""
    from fakebotapi import FakeBotAPI

    with FakeBotAPI() as server:
        yield server


@pytest_asyncio.fixture
async def make_app(fake, assistant: Assistant, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build, initialise and post-init the real Application against the fake; shut down after.

    ``await make_app(admin_ids=..., store_questions=..., announce_chat_ids=...)``.
    """
    from bot.config import Config
    from handlers.app import build_application

    apps = []

    async def build(**overrides):  # type: ignore[no-untyped-def]
        settings = {
            "token": fake.token,
            "api_base_url": fake.base_url,
            "database": tmp_path / "bot.sqlite3",
            **overrides,
        }
        application = build_application(Config(**settings), assistant)
        await application.initialize()
        await application.post_init(application)
        apps.append(application)
        return application

    yield build
    for application in apps:
        await application.post_shutdown(application)
        await application.shutdown()


async def feed(app, update: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    """Process one update (as the fake queued it) through the Application."""
    from telegram import Update

    await app.process_update(Update.de_json(update, app.bot))
    # The bot writes questions in batches (a quarter of a second later); tests look at once.
    await app.bot_data.storage.flush_pending()

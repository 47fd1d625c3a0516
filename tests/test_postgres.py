"""PostgreSQL: configuration, several processes on one database, and a server that is
down or goes away. Needs TEST_DATABASE_URL (see tests/databases.py); skipped without it,
except the configuration tests, which need no server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bot.announcements import Announcer, Broadcaster, SendOutcome
from bot.config import Config, ConfigError
from bot.content import ScheduledAnnouncement
from bot.storage import POSTGRES_MIGRATIONS, SeenChat, Storage, StorageError
from bot.storage.postgres import PostgresDatabase, describe_url
from databases import rows

PASSWORD = "s3cret-Pa55"


# --------------------------------------------------------------------------- configuration


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "POSTGRESQL"])
def test_database_url_selects_postgresql(scheme: str, tmp_path: Path) -> None:
    url = f"{scheme}://bot:{PASSWORD}@db.example.org:6543/learning"
    config = Config.from_env({"DATABASE_URL": url}, dotenv=None)
    assert config.database_url == url and config.storage_target == url
    assert config.database_password == PASSWORD
    assert PASSWORD not in repr(config)
    assert isinstance(Storage(config.storage_target).database, PostgresDatabase)
    assert Storage(config.storage_target).where == "PostgreSQL db.example.org:6543/learning"


def test_without_database_url_the_sqlite_file_is_used(tmp_path: Path) -> None:
    config = Config.from_env({"BOT_DATABASE": str(tmp_path / "x.sqlite3")}, dotenv=None)
    assert config.database_url is None and config.storage_target == tmp_path / "x.sqlite3"


@pytest.mark.parametrize(
    "url",
    [
        f"mysql://bot:{PASSWORD}@db.example.org/learning",
        f"sqlite:///{PASSWORD}/bot.sqlite3",
        f"postgresql://bot:{PASSWORD}@db.example.org:99999/learning",
        f"postgresql://bot:{PASSWORD}@/learning",
    ],
)
def test_bad_database_url_is_refused_without_showing_the_password(url: str) -> None:
    with pytest.raises(ConfigError) as info:
        Config.from_env({"DATABASE_URL": url}, dotenv=None)
    assert "DATABASE_URL" in str(info.value)
    assert PASSWORD not in str(info.value)


def test_describe_url_shows_host_port_and_database_only() -> None:
    assert describe_url(f"postgres://u:{PASSWORD}@h.example:5433/bot") == "h.example:5433/bot"
    assert describe_url("postgresql://u@h.example/bot") == "h.example:5432/bot"


# --------------------------------------------------------------------------- a real server


def _as_stranger(url: str, password: str) -> str:
    """The URL with a user the server does not know (refused also where it trusts loopback)."""
    parts = urlsplit(url)
    host = f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)
    return urlunsplit(parts._replace(netloc=f"stranger:{password}@{host}"))


async def test_schema_version_and_a_newer_schema_is_refused(postgres: str) -> None:
    async with Storage(postgres) as db:
        assert await db.schema_version() == len(POSTGRES_MIGRATIONS)
    await rows(postgres, "UPDATE schema_version SET version = 99")
    with pytest.raises(StorageError) as info:
        await Storage(postgres).open()
    assert "newer than this bot" in str(info.value) and "127.0.0.1" in str(info.value)


async def test_an_older_database_is_upgraded_in_place(postgres: str) -> None:
    import asyncpg

    raw = await asyncpg.connect(postgres)
    try:
        await raw.execute(POSTGRES_MIGRATIONS[0])
        await raw.execute(
            "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1)"
        )
        await raw.execute("INSERT INTO users VALUES (5, 'en', 1, 1)")
    finally:
        await raw.close()
    async with Storage(postgres) as db:
        assert await db.schema_version() == len(POSTGRES_MIGRATIONS)
        assert await db.get_lang(5) == "en"
        await db.touch_chat(5, "private", "Ali")
        assert (await db.get_chat(5)) is not None


async def test_refused_login_names_the_host_never_the_password(postgres: str) -> None:
    url = _as_stranger(postgres, PASSWORD)
    with pytest.raises(StorageError) as info:
        await Storage(url).open()
    message = str(info.value)
    assert "127.0.0.1" in message and PASSWORD not in message


async def test_unreachable_server_is_retried_then_named(caplog: pytest.LogCaptureFixture) -> None:
    with contextlib.closing(__import__("socket").socket()) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once it is closed
    storage = Storage(f"postgresql://bot:{PASSWORD}@127.0.0.1:{port}/bot")
    assert isinstance(storage.database, PostgresDatabase)
    storage.database.connect_wait = 1.5
    with caplog.at_level(logging.INFO), pytest.raises(StorageError) as info:
        await storage.open()
    assert f"127.0.0.1:{port}/bot" in str(info.value) and PASSWORD not in str(info.value)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and f"127.0.0.1:{port}/bot" in warnings[0] and "retrying" in warnings[0]
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- two processes, one database


@contextlib.asynccontextmanager
async def _two(url: str) -> AsyncIterator[tuple[Storage, Storage]]:
    async with Storage(url) as first, Storage(url) as second:
        yield first, second


async def test_two_processes_starting_together_migrate_once(postgres: str) -> None:
    storages = [Storage(postgres) for _ in range(4)]
    await asyncio.gather(*(s.open() for s in storages))
    try:
        assert [await s.schema_version() for s in storages] == [len(POSTGRES_MIGRATIONS)] * 4
        assert await rows(postgres, "SELECT COUNT(*) FROM schema_version") == [(1,)]
    finally:
        await asyncio.gather(*(s.close() for s in storages))


async def test_each_update_is_claimed_by_one_process(postgres: str) -> None:
    async with _two(postgres) as (a, b):
        ids = range(1000, 1300)
        results = await asyncio.gather(
            *(s.claim_update(i, SeenChat(i, "private", None, "tr")) for i in ids for s in (a, b))
        )
        claimed = Counter(i for i, first in zip((i for i in ids for _ in (a, b)), results, strict=True) if first)
        assert claimed == Counter({i: 1 for i in ids})
        assert await rows(postgres, "SELECT COUNT(*) FROM chats") == [(300,)]


async def test_language_choice_made_in_one_process_is_seen_by_the_other(postgres: str) -> None:
    async with _two(postgres) as (a, b):
        assert await b.get_lang(9) is None
        await a.set_lang(9, "en")
        assert await b.get_lang(9) == "en"
        await a.forget_user(9)
        assert await b.get_lang(9) is None


class Recorder:
    def __init__(self, delay: float = 0.002) -> None:
        self.calls: list[str] = []
        self.delay = delay

    async def __call__(self, target: str, text: str) -> SendOutcome:
        self.calls.append(target)
        await asyncio.sleep(self.delay)
        return SendOutcome("sent", message_id=len(self.calls))


async def test_an_announcement_is_sent_once_by_two_processes(postgres: str) -> None:
    async with _two(postgres) as (a, b):
        for chat in range(1, 121):
            await a.set_subscribed(chat, "private", None, "tr", True)
        senders = [Recorder(), Recorder()]
        announcers = [
            Announcer(s, Broadcaster(s, sender, workers=4), (), 6 * 3600)
            for s, sender in zip((a, b), senders, strict=True)
        ]
        draft = await announcers[0].draft(1, "duyuru")
        confirmed = await asyncio.gather(*(x.confirm(draft) for x in announcers))
        assert sorted(confirmed) == [False, True]
        counts = await asyncio.gather(*(x.start_and_deliver(draft) for x in announcers))
        assert all(c.sent == 120 and c.pending == 0 for c in counts)
        sent = Counter(senders[0].calls + senders[1].calls)
        assert sent == Counter({str(c): 1 for c in range(1, 121)})


async def test_a_scheduled_announcement_is_posted_once_by_two_processes(postgres: str) -> None:
    now = datetime.now(UTC)
    item = ScheduledAnnouncement(
        id="both", at=now - timedelta(minutes=1), to="all", text={"tr": "planlı", "en": "planned"}
    )
    async with _two(postgres) as (a, b):
        for chat in range(1, 31):
            await a.set_subscribed(chat, "private", None, "en", True)
        senders = [Recorder(), Recorder()]
        announcers = [
            Announcer(s, Broadcaster(s, sender), ("@kanal",), 6 * 3600)
            for s, sender in zip((a, b), senders, strict=True)
        ]
        plans = await asyncio.gather(*(x.plan([item], now) for x in announcers))
        assert [p[0].action for p in plans] == ["post", "post"]
        await asyncio.gather(*(x.post_scheduled(item) for x in announcers))
        sent = Counter(senders[0].calls + senders[1].calls)
        assert sent == Counter({**{str(c): 1 for c in range(1, 31)}, "@kanal": 1})
        assert await rows(postgres, "SELECT key, status FROM announcements") == [("scheduled:both", "done")]


# --------------------------------------------------------------------------- the server goes away


def _through(url: str, port: int) -> str:
    """The same database (user, password) reached through 127.0.0.1:``port``."""
    parts = urlsplit(url)
    login = parts.netloc.rpartition("@")[0]
    return urlunsplit(parts._replace(netloc=f"{login}@127.0.0.1:{port}" if login else f"127.0.0.1:{port}"))


class Proxy:
    """A TCP relay on 127.0.0.1 to the test server that can be cut and restored."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.up = True
        self.links: set[asyncio.StreamWriter] = set()
        self.server: asyncio.Server | None = None
        self.port = 0

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._link, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _link(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.close()
            return
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        self.links.update((writer, up_writer))

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, ConnectionError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def cut(self) -> None:
        self.up = False
        for writer in self.links:
            writer.close()
        self.links.clear()

    async def stop(self) -> None:
        self.cut()
        if self.server is not None:
            self.server.close()


async def test_a_server_that_goes_away_is_reconnected(postgres: str, caplog: pytest.LogCaptureFixture) -> None:
    from bot.storage import DatabaseUnavailable
    from test_storage import _question

    parts = urlsplit(postgres)
    proxy = Proxy(int(parts.port or 5432))
    await proxy.start()
    url = _through(postgres, proxy.port)
    try:
        async with Storage(url) as db:
            assert isinstance(db.database, PostgresDatabase)
            db.database.first_backoff = 0.05
            await db.set_lang(3, "en")
            assert db.available
            with caplog.at_level(logging.INFO, logger="bot.storage"):
                proxy.cut()
                with pytest.raises(DatabaseUnavailable):
                    await db.subscribers()
                assert not db.available
                started = asyncio.get_running_loop().time()
                with pytest.raises(DatabaseUnavailable):  # at once, not after a time-out
                    await db.touch_chat(3, "private", "A")
                assert asyncio.get_running_loop().time() - started < 0.5
                assert await db.get_lang(3) == "en"  # from memory
                for i in range(3):  # kept, not lost
                    await db.log_question(_question(f"soru {i}", answered=False, at=1_800_000_000.0 + i))
                await db.flush_pending()
                await asyncio.sleep(0.3)
                assert not db.available
                proxy.up = True
                for _ in range(100):
                    if db.available:
                        break
                    await asyncio.sleep(0.05)
                assert db.available
                assert await db.unanswered_texts() == ["soru 0", "soru 1", "soru 2"]
            lost = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
            assert len(lost) == 1 and f"127.0.0.1:{proxy.port}" in lost[0]
            assert any("again" in r.getMessage() for r in caplog.records if r.levelno == logging.INFO)
    finally:
        await proxy.stop()


async def test_health_check_follows_the_database(postgres: str, assistant, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Services.is_open, which /healthz answers from: False within moments of the server
    going away, with nothing asked of it, and True again once it is back."""
    from bot.services import Services
    from bot.storage import postgres as postgres_module

    monkeypatch.setattr(postgres_module, "HEARTBEAT_SECONDS", 0.1)

    async def sender(target: str, text: str) -> SendOutcome:
        return SendOutcome("sent", message_id=1)

    parts = urlsplit(postgres)
    proxy = Proxy(int(parts.port or 5432))
    await proxy.start()
    services = Services()
    services.setup(Config(database_url=_through(postgres, proxy.port)), assistant)
    try:
        await services.open(sender)
        database = services.storage.database
        assert isinstance(database, PostgresDatabase)
        database.first_backoff = 0.05
        assert services.is_open
        proxy.cut()
        for _ in range(100):
            if not services.is_open:
                break
            await asyncio.sleep(0.05)
        assert not services.is_open
        proxy.up = True
        for _ in range(100):
            if services.is_open:
                break
            await asyncio.sleep(0.05)
        assert services.is_open
        assert await services.storage.subscribers() == []
    finally:
        await services.close()
        await proxy.stop()

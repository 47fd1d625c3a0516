"""The facade: one :class:`Storage` over the backend and the repositories.

``async with Storage(target) as db`` opens an SQLite file (a path) or PostgreSQL (a
``postgres://`` or ``postgresql://`` URL), brings its schema up to date and closes it
(writing what is still pending) at the end. The methods are those of the repositories
(:mod:`~bot.storage.chats`, :mod:`~bot.storage.questions`,
:mod:`~bot.storage.announcements`, :mod:`~bot.storage.stats`) under one name.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType

import aiosqlite

from bot.storage.announcements import AnnouncementRepository
from bot.storage.chats import ChatRepository, SeenChat
from bot.storage.database import Database, open_database
from bot.storage.models import (
    Announcement,
    AnnouncementStatus,
    ChatRow,
    ChatStatus,
    Delivery,
    DeliveryCounts,
    DeliveryStatus,
    QuestionRecord,
    Stats,
    StorageError,
)
from bot.storage.questions import QuestionRepository
from bot.storage.sqlite import SqliteDatabase
from bot.storage.stats import StatsRepository

__all__ = ["Storage"]

logger = logging.getLogger("bot.storage")


class Storage:
    """The bot's database; use ``async with Storage(path_or_url) as db``."""

    def __init__(self, target: str | Path) -> None:
        self.database: Database = open_database(target)
        self.chats = ChatRepository(self.database)
        self.questions = QuestionRepository(self.database)
        self.announcement_store = AnnouncementRepository(self.database)
        self.reports = StatsRepository(self.database, self.questions)

    async def __aenter__(self) -> Storage:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    # ------------------------------------------------------------------ the database
    @property
    def where(self) -> str:
        """The path or ``host:port/database`` (never a password), for messages."""
        return self.database.where

    @property
    def available(self) -> bool:
        """False while the database cannot be reached (the health check says 503)."""
        return self.database.available

    @property
    def db(self) -> aiosqlite.Connection:
        """The SQLite connection itself (for tests that bend SQLite, e.g. a full disk)."""
        if not isinstance(self.database, SqliteDatabase):
            raise StorageError(f"database {self.where} is not SQLite")
        return self.database.connection

    async def open(self) -> None:
        """Open (creating an SQLite file and its folder if needed) and migrate the database."""
        await self.database.open()
        try:
            await self.chats.load()
        except self.database.errors as exc:
            await self.database.close()
            raise StorageError(f"cannot open database {self.where}: {exc}") from exc

    async def close(self) -> None:
        """Write what is still pending, then close."""
        await self.questions.close()
        await self.database.close()

    async def schema_version(self) -> int:
        return await self.database.schema_version()

    async def check_writable(self) -> None:
        """Fail now (naming the database) if it cannot be written: read-only or locked."""
        await self.database.check_writable()

    # ------------------------------------------------------------------ chats and people
    async def get_lang(self, user_id: int) -> str | None:
        return await self.chats.get_lang(user_id)

    async def set_lang(self, user_id: int, lang: str) -> None:
        await self.chats.set_lang(user_id, lang)

    async def claim_update(self, update_id: int, chat: SeenChat | None = None, keep_seconds: float = 2 * 86400) -> bool:
        return await self.chats.claim_update(update_id, chat, keep_seconds)

    async def touch_chat(self, chat_id: int, chat_type: str, title: str | None, lang: str | None = None) -> None:
        await self.chats.touch_chat(chat_id, chat_type, title, lang)

    async def get_chat(self, chat_id: int) -> ChatRow | None:
        return await self.chats.get_chat(chat_id)

    async def set_chat_status(self, chat_id: int, status: ChatStatus | str) -> None:
        await self.chats.set_chat_status(chat_id, status)

    async def set_subscribed(
        self, chat_id: int, chat_type: str, title: str | None, lang: str | None, subscribed: bool
    ) -> bool:
        return await self.chats.set_subscribed(chat_id, chat_type, title, lang, subscribed)

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        await self.chats.migrate_chat(old_id, new_id)

    async def subscribers(self) -> list[tuple[int, str]]:
        return await self.chats.subscribers()

    async def forget_user(self, user_id: int) -> int:
        """Delete everything stored about a person; returns the number of rows removed."""
        db = self.database
        # Their questions not written yet are dropped (never written), and a batch being
        # written is finished first, so none of theirs can land after the deletion.
        async with self.questions.paused():
            removed = self.questions.drop_pending(user_id)
            async with db.transaction():
                removed += await db.execute("DELETE FROM users WHERE user_id = ?", user_id)
                removed += await db.execute("DELETE FROM questions WHERE user_id = ? OR chat_id = ?", user_id, user_id)
                removed += await db.execute("DELETE FROM feedback WHERE user_id = ?", user_id)
                removed += await db.execute("DELETE FROM chats WHERE chat_id = ?", user_id)
                removed += await self.announcement_store.forget_target(str(user_id))
            self.chats.forget(user_id)
        await db.scrub()  # the deleted texts must not stay readable in the files
        return removed

    # ------------------------------------------------------------------ questions and feedback
    async def log_question(self, record: QuestionRecord) -> None:
        await self.questions.log_question(record)

    async def flush_pending(self) -> None:
        await self.questions.flush_pending()

    async def flush_questions(self) -> None:
        await self.questions.flush_questions()

    async def add_feedback(self, user_id: int, chat_id: int | None, entry: str, vote: int) -> None:
        await self.questions.add_feedback(user_id, chat_id, entry, vote)

    # ------------------------------------------------------------------ announcements
    async def create_announcement(
        self,
        *,
        key: str | None,
        author: int | None,
        text: dict[str, str],
        audience: str,
        status: AnnouncementStatus | str,
        due: float | None = None,
        source_chat_id: int | None = None,
        sources: Mapping[str, Sequence[int]] | None = None,
    ) -> int | None:
        return await self.announcement_store.create_announcement(
            key=key,
            author=author,
            text=text,
            audience=audience,
            status=status,
            due=due,
            source_chat_id=source_chat_id,
            sources=sources,
        )

    async def set_version(
        self, announcement_id: int, lang: str, *, text: str, source_chat_id: int, message_ids: Sequence[int]
    ) -> bool:
        return await self.announcement_store.set_version(
            announcement_id, lang, text=text, source_chat_id=source_chat_id, message_ids=message_ids
        )

    async def change_status(
        self, announcement_id: int, before: AnnouncementStatus, after: AnnouncementStatus, *, due: float | None = None
    ) -> bool:
        return await self.announcement_store.change_status(announcement_id, before, after, due=due)

    async def get_announcement(self, announcement_id: int) -> Announcement | None:
        return await self.announcement_store.get_announcement(announcement_id)

    async def announcement_by_key(self, key: str) -> Announcement | None:
        return await self.announcement_store.announcement_by_key(key)

    async def announcements(
        self, *, status: AnnouncementStatus | str | None = None, limit: int = 10
    ) -> list[Announcement]:
        return await self.announcement_store.announcements(status=status, limit=limit)

    async def set_announcement_status(self, announcement_id: int, status: AnnouncementStatus | str) -> None:
        await self.announcement_store.set_announcement_status(announcement_id, status)

    async def cancel_draft(self, announcement_id: int) -> bool:
        return await self.announcement_store.cancel_draft(announcement_id)

    async def set_progress_message(self, announcement_id: int, chat_id: int, message_id: int, lang: str) -> None:
        await self.announcement_store.set_progress_message(announcement_id, chat_id, message_id, lang)

    async def start_sending(self, announcement_id: int, recipients: list[tuple[str, str]]) -> bool:
        return await self.announcement_store.start_sending(announcement_id, recipients)

    async def pending_deliveries(self, announcement_id: int, limit: int = 500) -> list[Delivery]:
        return await self.announcement_store.pending_deliveries(announcement_id, limit)

    async def mark_attempt(self, announcement_id: int, target: str) -> None:
        await self.announcement_store.mark_attempt(announcement_id, target)

    async def mark_resend(self, announcement_id: int, target: str) -> None:
        await self.announcement_store.mark_resend(announcement_id, target)

    async def finish_delivery(
        self,
        announcement_id: int,
        target: str,
        *,
        sent: bool,
        message_id: int | None = None,
        reason: str | None = None,
        status: DeliveryStatus | None = None,
    ) -> None:
        await self.announcement_store.finish_delivery(
            announcement_id, target, sent=sent, message_id=message_id, reason=reason, status=status
        )

    async def delivery_counts(self, announcement_id: int) -> DeliveryCounts:
        return await self.announcement_store.delivery_counts(announcement_id)

    @contextlib.asynccontextmanager
    async def delivering(self, announcement_id: int, poll: float = 1.0) -> AsyncIterator[None]:
        """Held while this process delivers an announcement: by one process at a time
        (an advisory lock on PostgreSQL); waits while another process delivers it."""
        waiting = False
        while True:
            async with self.database.exclusive("deliver", announcement_id) as mine:
                if mine:
                    yield
                    return
            if not waiting:
                logger.info("Announcement %d is being delivered by another process; waiting", announcement_id)
                waiting = True
            await asyncio.sleep(poll)

    # ------------------------------------------------------------------ operators' view
    async def stats(self, now: float | None = None) -> Stats:
        return await self.reports.stats(now)

    async def unanswered(self, limit: int = 10, since: float | None = None) -> list[tuple[str, int]]:
        return await self.reports.unanswered(limit, since)

    async def daily_questions(self, since: float, days: int) -> list[tuple[int, int, int]]:
        return await self.reports.daily_questions(since, days)

    async def votes_since(self, since: float) -> tuple[int, int]:
        return await self.reports.votes_since(since)

    async def unanswered_texts(self, since: float | None = None) -> list[str]:
        return await self.reports.unanswered_texts(since)

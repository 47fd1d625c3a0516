"""Chats, people's language choices, and the updates already answered."""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.storage.database import Database
from bot.storage.models import ChatRow, ChatStatus, StorageError, storable_text

__all__ = ["ChatRepository", "SeenChat"]


@dataclass(frozen=True, slots=True)
class SeenChat:
    """A chat an update came from, recorded as seen when the update is claimed."""

    chat_id: int
    type: str
    title: str | None
    lang: str | None = None  # the client's language (private chats)


_TOUCH = (
    "INSERT INTO chats (chat_id, type, title, lang, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (chat_id) DO UPDATE SET type = excluded.type, title = COALESCE(excluded.title, chats.title), "
    "lang = COALESCE(chats.lang, excluded.lang), last_seen = excluded.last_seen, "
    f"status = CASE WHEN chats.status = '{ChatStatus.MIGRATED}' THEN chats.status ELSE '{ChatStatus.ACTIVE}' END"
)


class ChatRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._langs: dict[int, str] = {}  # every /lang choice, read once at open (a small table)

    async def load(self) -> None:
        """Read the language choices into memory (they are asked for on every message)."""
        rows = await self.db.fetch_all("SELECT user_id, lang FROM users WHERE lang IS NOT NULL")
        self._langs = {int(r[0]): str(r[1]) for r in rows}

    async def get_lang(self, user_id: int) -> str | None:
        """The language a user chose with /lang, if any.

        From memory; where other processes share the database (and may have changed
        it) from the database, with the memory as the answer while it is unreachable.
        """
        if self.db.shared and self.db.available:
            try:
                lang = await self.db.fetch_value("SELECT lang FROM users WHERE user_id = ?", user_id)
            except self.db.errors:
                return self._langs.get(user_id)
            if lang is None:
                self._langs.pop(user_id, None)
                return None
            self._langs[user_id] = str(lang)
        return self._langs.get(user_id)

    async def set_lang(self, user_id: int, lang: str) -> None:
        """Store a /lang choice; StorageError (naming the database) if it cannot be written."""
        now = time.time()
        await self._write(
            "the language choice",
            "INSERT INTO users (user_id, lang, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, last_seen = excluded.last_seen",
            user_id,
            lang,
            now,
            now,
        )
        self._langs[user_id] = lang

    async def _write(self, what: str, sql: str, *args: object) -> None:
        """A setting a person asked for: a database that takes no writes (read-only, a
        full disk) is a StorageError the handlers answer with "could not be saved"."""
        try:
            await self.db.execute(sql, *args)
        except self.db.errors as exc:
            raise StorageError(f"could not save {what} in {self.db.where}: {exc}") from exc

    def forget(self, user_id: int) -> None:
        self._langs.pop(user_id, None)

    async def claim_update(self, update_id: int, chat: SeenChat | None = None, keep_seconds: float = 2 * 86400) -> bool:
        """True the first time an update id is seen (by any process); False for a redelivered one.

        ``chat`` is recorded as seen in the same step (SQLite: one transaction), so that the
        start of every update costs one step.
        """
        now = time.time()
        claim = "INSERT INTO processed_updates (update_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING", (update_id, now)
        if chat is None:
            first = await self.db.execute(claim[0], *claim[1]) == 1
        else:
            touch = _TOUCH, (chat.chat_id, chat.type, storable_text(chat.title), chat.lang, now, now)
            first = await self.db.execute_then(claim, touch) == 1
        if update_id % 500 == 0:
            await self.db.execute("DELETE FROM processed_updates WHERE at < ?", now - keep_seconds)
        return first

    async def touch_chat(self, chat_id: int, chat_type: str, title: str | None, lang: str | None = None) -> None:
        """Record that a chat is in use: created on first sight, reactivated when it
        speaks to the bot again."""
        await self._touch(chat_id, chat_type, title, lang, now=time.time())

    async def _touch(self, chat_id: int, chat_type: str, title: str | None, lang: str | None, *, now: float) -> None:
        await self.db.execute(_TOUCH, chat_id, chat_type, storable_text(title), lang, now, now)

    async def get_chat(self, chat_id: int) -> ChatRow | None:
        row = await self.db.fetch_one(
            "SELECT chat_id, type, title, lang, subscribed, status, migrated_to FROM chats WHERE chat_id = ?", chat_id
        )
        if row is None:
            return None
        return ChatRow(int(row[0]), row[1], row[2], row[3], int(row[4]), ChatStatus(row[5]), row[6])

    async def set_chat_status(self, chat_id: int, status: ChatStatus | str) -> None:
        """Mark a chat active, blocked or left; only active chats are sent announcements."""
        await self.db.execute(
            "UPDATE chats SET status = ?, last_seen = ? WHERE chat_id = ?",
            str(ChatStatus(status)),
            time.time(),
            chat_id,
        )

    async def set_subscribed(
        self, chat_id: int, chat_type: str, title: str | None, lang: str | None, subscribed: bool
    ) -> bool:
        """Subscribe or unsubscribe a chat; returns whether it was subscribed before.
        StorageError (naming the database) if it cannot be written."""
        try:
            before = await self.get_chat(chat_id)
        except self.db.errors as exc:
            raise StorageError(f"could not save the subscription in {self.db.where}: {exc}") from exc
        now = time.time()
        await self._write(
            "the subscription",
            "INSERT INTO chats (chat_id, type, title, lang, first_seen, last_seen, subscribed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET subscribed = excluded.subscribed, lang = excluded.lang, "
            f"title = COALESCE(excluded.title, chats.title), last_seen = excluded.last_seen, "
            f"status = '{ChatStatus.ACTIVE}'",
            chat_id,
            chat_type,
            storable_text(title),
            lang,
            now,
            now,
            int(subscribed),
        )
        return bool(before and before.subscribed)

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its record and subscription move to the new id."""
        now = time.time()
        async with self.db.transaction():
            await self.db.execute(
                "INSERT INTO chats (chat_id, type, title, lang, first_seen, last_seen, subscribed, status) "
                "SELECT CAST(? AS BIGINT), 'supergroup', title, lang, first_seen, CAST(? AS DOUBLE PRECISION), "
                f"subscribed, '{ChatStatus.ACTIVE}' FROM chats WHERE chat_id = ? "
                "ON CONFLICT (chat_id) DO UPDATE SET "
                "subscribed = CASE WHEN excluded.subscribed > chats.subscribed THEN excluded.subscribed "
                "ELSE chats.subscribed END, "
                f"lang = COALESCE(chats.lang, excluded.lang), status = '{ChatStatus.ACTIVE}'",
                new_id,
                now,
                old_id,
            )
            await self.db.execute(
                "UPDATE chats SET status = ?, subscribed = 0, migrated_to = ? WHERE chat_id = ?",
                str(ChatStatus.MIGRATED),
                new_id,
                old_id,
            )

    async def subscribers(self) -> list[tuple[int, str]]:
        """(chat id, language) of every active subscribed chat; a person's /lang choice wins."""
        rows = await self.db.fetch_all(
            "SELECT c.chat_id, COALESCE(u.lang, c.lang, 'tr') FROM chats c LEFT JOIN users u ON u.user_id = c.chat_id "
            "WHERE c.subscribed = 1 AND c.status = ? ORDER BY c.chat_id",
            str(ChatStatus.ACTIVE),
        )
        return [(int(r[0]), str(r[1])) for r in rows]

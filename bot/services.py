"""Building the services the bot runs on, once, from the configuration."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from bot.announcements import Announcer, Broadcaster, Sender
from bot.assistant import Assistant
from bot.config import Config
from bot.content import ContentError, load_content
from bot.contentcache import ContentCache, pack
from bot.replies import Reply
from bot.storage import QuestionRecord, Storage, StorageError
from bot.textnorm import question_key
from bot.throttle import Throttle

__all__ = ["Services", "load_assistant"]

logger = logging.getLogger(__name__)


def load_assistant(content_dir: str | Path, cache: ContentCache | None = None, *, from_cache: bool = True) -> Assistant:
    """Load and fully check the content, and index it; raises :class:`ContentError`.

    With a ``cache``, content that was checked before with the same files and code comes
    from it (unless ``from_cache`` is False: ``check`` and ``/reload`` always check in
    full), and content that passes the full check is written to it for the next start.
    """
    cached = cache.load(content_dir) if cache is not None and from_cache else None
    if cached is not None and cached.content is not None:
        return Assistant(cached.content, prepared=cached.prepared)
    key = cached.key if cached is not None else None
    if cache is not None and cached is None:
        key = cache.key(content_dir)
    assistant = Assistant(load_content(content_dir))
    # Packed as built: before the self-check asks anything (what answering remembers stays out).
    packed = pack(assistant.content, assistant.prepared) if cache is not None else None
    problems = assistant.self_check()
    if problems:
        raise ContentError(problems)
    if cache is not None:
        cache.save(content_dir, key, packed)
    return assistant


class Services:
    """The shared services of a running bot (python-telegram-bot's ``bot_data``)."""

    def __init__(self) -> None:
        self._assistant: Assistant | None = None
        self._config: Config | None = None
        self._storage: Storage | None = None
        self._announcer: Announcer | None = None
        self.throttle = Throttle()

    def setup(self, config: Config, assistant: Assistant) -> None:
        self._config = config
        self._assistant = assistant

    @property
    def config(self) -> Config:
        if self._config is None:
            raise RuntimeError("bot data is not set up")
        return self._config

    @property
    def assistant(self) -> Assistant:
        if self._assistant is None:
            raise RuntimeError("bot data is not set up")
        return self._assistant

    @property
    def storage(self) -> Storage:
        if self._storage is None:
            raise RuntimeError("the database is not open")
        return self._storage

    @property
    def announcer(self) -> Announcer:
        if self._announcer is None:
            raise RuntimeError("the database is not open")
        return self._announcer

    @property
    def is_open(self) -> bool:
        """Whether the database is open and usable (for the health check): False also
        when it cannot be reached or its file was deleted under the bot."""
        return self._storage is not None and self._storage.available

    def is_admin(self, user_id: int | None) -> bool:
        """Whether a user is one of the operators (BOT_ADMIN_IDS); checked on every call."""
        return user_id is not None and user_id in self.config.admin_ids

    async def open(self, sender: Sender) -> None:
        """Open the resources (called from the Application's post_init)."""
        storage = Storage(self.config.storage_target)
        await storage.open()
        self._storage = storage
        self._announcer = Announcer(
            storage,
            Broadcaster(storage, sender),
            self.config.announce_chat_ids,
            self.config.announce_grace,
            chat_langs=dict(self.config.announce_chat_langs),
        )

    async def close(self) -> None:
        """Close the resources (called from the Application's post_shutdown)."""
        self._announcer = None
        if self._storage is not None:
            storage, self._storage = self._storage, None
            await storage.close()

    def reload(self) -> Assistant:
        """Re-read the content; on errors raise ContentError and keep the current one."""
        assistant = load_assistant(self.config.content_dir, ContentCache.of(self.config.cache_dir), from_cache=False)
        assistant.warm()
        self._assistant = assistant
        return assistant

    async def record_question(self, *, chat_id: int | None, user_id: int | None, text: str, reply: Reply) -> None:
        """Store a question and what the bot did (the text only with BOT_STORE_QUESTIONS)."""
        stored = self.config.store_questions
        try:
            await self.storage.log_question(
                QuestionRecord(
                    at=time.time(),
                    chat_id=chat_id,
                    user_id=user_id,
                    lang=reply.lang,
                    text=text[:2000] if stored else None,
                    folded=question_key(text)[:500] if stored else None,
                    entry=reply.entry_id if reply.matched else None,
                    score=reply.score,
                    answered=reply.matched,
                    kind=reply.kind,
                )
            )
        except (StorageError, OSError) as exc:  # e.g. a full disk: keep answering
            logger.error("Could not record a question in %s: %s", self.storage.where, exc)

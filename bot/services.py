"""Building the services the bot runs on, once, from the configuration."""

from __future__ import annotations

from pathlib import Path

from bot.assistant import Assistant
from bot.config import Config
from bot.content import ContentError, load_content
from bot.storage import Storage

__all__ = ["BotData", "load_assistant"]


def load_assistant(content_dir: str | Path) -> Assistant:
    """Load and fully check the content, and index it; raises :class:`ContentError`."""
    assistant = Assistant(load_content(content_dir))
    problems = assistant.self_check()
    if problems:
        raise ContentError(problems)
    return assistant


class BotData:
    """The shared services of a running bot (python-telegram-bot's ``bot_data``)."""

    def __init__(self) -> None:
        self._assistant: Assistant | None = None
        self._config: Config | None = None
        self._storage: Storage | None = None

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

    async def open(self) -> None:
        """Open the resources (called from the Application's post_init)."""
        storage = Storage(self.config.database)
        await storage.open()
        self._storage = storage

    async def close(self) -> None:
        """Close the resources (called from the Application's post_shutdown)."""
        if self._storage is not None:
            storage, self._storage = self._storage, None
            await storage.close()

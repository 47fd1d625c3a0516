"""Configuration: one frozen dataclass, built from the environment (and ``.env``).

This is the only place that reads environment variables. A bad value raises
:class:`ConfigError` with a one-line message naming the variable; the token itself is
never part of a message.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from bot.content import valid_url

__all__ = ["Config", "ConfigError", "default_content_dir"]

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
_TOKEN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$")
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(ValueError):
    """A configuration value is missing or malformed."""


def default_content_dir() -> Path:
    """The shipped ``content/``: next to the package in a checkout, inside it when installed."""
    checkout = Path(__file__).resolve().parent.parent / "content"
    if (checkout / "messages.yaml").is_file():
        return checkout
    return Path(__file__).resolve().parent / "_content"


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the bot can be configured with."""

    token: str | None = None
    api_base_url: str = DEFAULT_API_BASE_URL
    content_dir: Path = field(default_factory=default_content_dir)
    database: Path = Path("data/bot.sqlite3")
    admin_ids: frozenset[int] = frozenset()
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: str | Path | None = ".env") -> Config:
        """Read the configuration; variables set in the environment win over ``.env``."""
        values: dict[str, str] = {}
        if dotenv is not None and Path(dotenv).is_file():
            values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
        values.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            value = values.get(name)
            return value.strip() if value is not None and value.strip() else None

        token = get("TELEGRAM_BOT_TOKEN")
        if token is not None and not _TOKEN.match(token):
            raise ConfigError("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, ':', then letters); "
                              "get one from @BotFather")
        base_url = get("BOT_API_BASE_URL") or DEFAULT_API_BASE_URL
        if not valid_url(base_url) and not re.match(r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/", base_url):
            raise ConfigError(f"BOT_API_BASE_URL must be an http(s) URL such as {DEFAULT_API_BASE_URL}, "
                              f"not {base_url!r}")
        content_dir = Path(get("BOT_CONTENT_DIR") or default_content_dir())
        if not content_dir.is_dir():
            raise ConfigError(f"BOT_CONTENT_DIR: {str(content_dir)!r} is not a directory")
        admins: set[int] = set()
        for part in (get("BOT_ADMIN_IDS") or "").split(","):
            part = part.strip()
            if not part:
                continue
            if not re.fullmatch(r"-?[0-9]{1,20}", part):
                raise ConfigError(f"BOT_ADMIN_IDS must be comma-separated numeric user ids; {part!r} is not one")
            admins.add(int(part))
        level = (get("BOT_LOG_LEVEL") or "INFO").upper()
        if level not in _LEVELS:
            raise ConfigError(f"BOT_LOG_LEVEL must be one of {', '.join(_LEVELS)}, not {level!r}")
        return cls(
            token=token,
            api_base_url=base_url,
            content_dir=content_dir,
            database=Path(get("BOT_DATABASE") or "data/bot.sqlite3"),
            admin_ids=frozenset(admins),
            log_level=level,
        )

    @property
    def logging_level(self) -> int:
        return logging.getLevelName(self.log_level)  # type: ignore[no-any-return]

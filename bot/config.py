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
from urllib.parse import urlsplit

from bot.urls import valid_url

__all__ = ["Config", "ConfigError", "default_cache_dir", "default_content_dir"]

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


def default_cache_dir(environ: Mapping[str, str]) -> Path | None:
    """Where the content cache goes unless BOT_CACHE_DIR says: ``$XDG_CACHE_HOME/learning-cities-bot``,
    else ``~/.cache/learning-cities-bot``; None when there is no home folder."""
    base = (environ.get("XDG_CACHE_HOME") or "").strip()
    if base and os.path.isabs(base):
        return Path(base) / "learning-cities-bot"
    home = (environ.get("HOME") or "").strip()
    if home and os.path.isabs(home):
        return Path(home) / ".cache" / "learning-cities-bot"
    try:
        return Path.home() / ".cache" / "learning-cities-bot"
    except (RuntimeError, KeyError):  # no HOME and no password entry
        return None


def _duration(text: str, name: str) -> float:
    """Seconds from "90", "90s", "30m", "6h" or "1d"."""
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([smhd]?)\s*", text.lower())
    if not m:
        raise ConfigError(f"{name} must be a duration such as 6h, 30m or 3600 (seconds), not {text!r}")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


def _database_url(url: str | None) -> str | None:
    """DATABASE_URL: ``postgres://`` or ``postgresql://`` (messages never repeat it: it holds a password)."""
    if url is None:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError:
        raise ConfigError(
            "DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/name)"
        ) from None
    if parts.scheme.lower() not in ("postgres", "postgresql"):
        shown = parts.scheme or "no scheme"
        raise ConfigError(
            f"DATABASE_URL must be a PostgreSQL URL (postgresql://user:password@host:5432/name), not {shown}; "
            "for SQLite set BOT_DATABASE to a file path"
        )
    if not parts.hostname and "host=" not in parts.query:
        raise ConfigError("DATABASE_URL names no host (expected postgresql://user:password@host:5432/name)")
    return url


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the bot can be configured with."""

    token: str | None = None
    api_base_url: str = DEFAULT_API_BASE_URL
    content_dir: Path = field(default_factory=default_content_dir)
    database: Path = Path("data/bot.sqlite3")  # SQLite, unless database_url is set
    database_url: str | None = field(default=None, repr=False)  # PostgreSQL; holds a password
    admin_ids: frozenset[int] = frozenset()
    log_level: str = "INFO"
    store_questions: bool = True
    announce_chat_ids: tuple[str, ...] = ()  # numeric ids or @channel usernames
    # Channels and groups get Turkish announcements unless set here: (chat, language).
    announce_chat_langs: tuple[tuple[str, str], ...] = ()
    announce_grace: float = 6 * 3600.0  # seconds
    webhook_url: str | None = None  # set: webhook mode; unset: long polling
    webhook_listen: str = "0.0.0.0"
    port: int = 8443
    webhook_secret: str | None = None  # generated per run when unset
    # The checked content of the last start (bot/contentcache.py); None: no cache. From the
    # environment it defaults to default_cache_dir(); a Config made in code has none.
    cache_dir: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: str | Path | None = ".env") -> Config:
        """Read the configuration; variables set in the environment win over ``.env``."""
        values: dict[str, str] = {}
        if dotenv is not None and Path(dotenv).is_file():
            from dotenv import dotenv_values  # only when there is a file to read (~10 ms to import)

            values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
        values.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            value = values.get(name)
            return value.strip() if value is not None and value.strip() else None

        token = get("TELEGRAM_BOT_TOKEN")
        if token is not None and not _TOKEN.match(token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, ':', then letters); get one from @BotFather"
            )
        base_url = get("BOT_API_BASE_URL") or DEFAULT_API_BASE_URL
        if not valid_url(base_url) and not re.match(r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/", base_url):
            raise ConfigError(
                f"BOT_API_BASE_URL must be an http(s) URL such as {DEFAULT_API_BASE_URL}, not {base_url!r}"
            )
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
        store = (get("BOT_STORE_QUESTIONS") or "1").lower()
        if store not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
            raise ConfigError(f"BOT_STORE_QUESTIONS must be 1 or 0, not {store!r}")
        announce: list[str] = []
        announce_langs: dict[str, str] = {}
        for part in (get("BOT_ANNOUNCE_CHAT_IDS") or "").split(","):
            part = part.strip()
            if not part:
                continue
            m = re.fullmatch(r"(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})(?::(tr|en))?", part)
            if not m:
                raise ConfigError(
                    "BOT_ANNOUNCE_CHAT_IDS must be comma-separated chat ids or @usernames, each optionally "
                    f"with its language (-1001234567890:en); {part!r} is not one"
                )
            announce.append(m.group(1))
            if m.group(2):
                announce_langs[m.group(1)] = m.group(2)
        grace = _duration(get("BOT_ANNOUNCE_GRACE") or "6h", "BOT_ANNOUNCE_GRACE")
        webhook_url = get("BOT_WEBHOOK_URL")
        if (
            webhook_url is not None
            and not valid_url(webhook_url)
            and not re.match(r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/", webhook_url)
        ):
            raise ConfigError(
                f"BOT_WEBHOOK_URL must be the public https URL Telegram posts to, such as "
                f"https://bot.example.org/telegram, not {webhook_url!r}"
            )
        port_text = get("PORT") or "8443"
        if not (port_text.isascii() and port_text.isdigit() and 1 <= int(port_text) <= 65535):
            raise ConfigError(f"PORT must be a TCP port number (1-65535), not {port_text!r}")
        secret = get("BOT_WEBHOOK_SECRET")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise ConfigError("BOT_WEBHOOK_SECRET may only contain letters, digits, '_' and '-' (1-256 characters)")
        if secret is not None and token is not None and secret == token:
            raise ConfigError("BOT_WEBHOOK_SECRET must not be the bot token")
        cache_text = get("BOT_CACHE_DIR")
        if cache_text is not None and cache_text.lower() in ("off", "none", "0", "no", "false"):
            cache_dir = None
        else:
            cache_dir = Path(cache_text) if cache_text is not None else default_cache_dir(values)
        return cls(
            token=token,
            api_base_url=base_url,
            content_dir=content_dir,
            database=Path(get("BOT_DATABASE") or "data/bot.sqlite3"),
            database_url=_database_url(get("DATABASE_URL")),
            admin_ids=frozenset(admins),
            log_level=level,
            store_questions=store in ("1", "true", "yes", "on"),
            announce_chat_ids=tuple(dict.fromkeys(announce)),
            announce_chat_langs=tuple(sorted(announce_langs.items())),
            announce_grace=grace,
            webhook_url=webhook_url,
            webhook_listen=get("BOT_WEBHOOK_LISTEN") or "0.0.0.0",
            port=int(port_text),
            webhook_secret=secret,
            cache_dir=cache_dir,
        )

    @property
    def storage_target(self) -> str | Path:
        """What the storage opens: the PostgreSQL URL when set, else the SQLite file."""
        return self.database_url or self.database

    @property
    def database_password(self) -> str | None:
        """The password inside DATABASE_URL, to keep it out of the logs."""
        if self.database_url is None:
            return None
        try:
            return urlsplit(self.database_url).password or None
        except ValueError:
            return None

    @property
    def logging_level(self) -> int:
        return logging.getLevelName(self.log_level)  # type: ignore[no-any-return]

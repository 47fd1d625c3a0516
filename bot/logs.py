"""Logging set-up that keeps secrets (the bot token) out of every log line, and, when
the operator stores no questions (``BOT_STORE_QUESTIONS=0``), what people wrote and
their names out of python-telegram-bot's DEBUG lines (each update, each request)."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping

__all__ = ["RedactContent", "RedactSecrets", "setup_logging"]


class RedactSecrets(logging.Filter):
    """Replaces each secret in a record's final message with ``[REDACTED]``."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        text = message
        for secret in self.secrets:
            text = text.replace(secret, "[REDACTED]")
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            for secret in self.secrets:
                record.exc_text = record.exc_text.replace(secret, "[REDACTED]")
        if text != message:
            record.msg, record.args = text, None
        return True


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")  # an endpoint: no one's words
_KEPT_TEXT = frozenset({"parse_mode", "type", "status"})  # fields whose values are no one's words


def _summary(value: object, depth: int = 0) -> object:
    """``value`` with every text in it replaced by its length: numbers (ids), booleans,
    field names and endpoints stay, so a DEBUG line still tells what happened."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):  # an endpoint as a whole argument stays; any text inside, not
        return value if depth == 0 and _NAME.match(value) else f"<{len(value)} chars>"
    if isinstance(value, BaseException):  # Telegram's refusals and network errors: no one's words
        return value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):  # a telegram object (an Update, a Message): its fields, summarised
        try:
            value = to_dict()
        except Exception:  # pragma: no cover - a repr is never worth a crash
            return f"<{type(value).__name__}>"
    if isinstance(value, functools.partial):  # aiosqlite's "executing": the call, not its parameters
        return f"<{getattr(value.func, '__qualname__', 'call')}>"
    if depth > 4:
        return "<...>"
    if isinstance(value, Mapping):
        return {
            str(k): (v if str(k) in _KEPT_TEXT and isinstance(v, str) and _NAME.match(v) else _summary(v, depth + 1))
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_summary(v, depth + 1) for v in value[:20]] + ([f"<{len(value) - 20} more>"] if len(value) > 20 else [])
    return f"<{type(value).__name__}>"


_TALKATIVE = ("telegram", "aiosqlite", "asyncpg")  # libraries that log what they carry at DEBUG


class RedactContent(logging.Filter):
    """python-telegram-bot logs every update and every request with its parameters at
    DEBUG (and aiosqlite each statement with its values): in their records, each
    argument keeps its ids, field names and numbers, and each text (a question, an
    answer, a name, a title) becomes ``<N chars>``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith(_TALKATIVE) and record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_summary(arg) for arg in args)
        return True


def setup_logging(level: int, secrets: Iterable[str | None] = (), *, store_questions: bool = True) -> None:
    """Log to stderr at ``level``; httpx (whose URLs carry the token) only from WARNING;
    without ``store_questions``, no question text or name in python-telegram-bot's lines."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not store_questions:
        handler.addFilter(RedactContent())
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)

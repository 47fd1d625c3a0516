"""Logging set-up that keeps secrets (the bot token) out of every log line."""

from __future__ import annotations

import logging
from collections.abc import Iterable

__all__ = ["RedactSecrets", "setup_logging"]


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


def setup_logging(level: int, secrets: Iterable[str | None] = ()) -> None:
    """Log to stderr at ``level``; httpx (whose URLs carry the token) only from WARNING."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)

"""The one error handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from handlers.common import Context

__all__ = ["on_error"]

logger = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    """Log Telegram's refusals briefly and anything else with its traceback."""
    error = context.error
    where = f"update {update.update_id}" if isinstance(update, Update) else "a job or the network"
    if isinstance(error, Forbidden):
        logger.warning("Telegram refused (%s) while handling %s: %s", "forbidden", where, error)
    elif isinstance(error, RetryAfter):
        logger.warning("Flood control while handling %s: retry after %s s", where, error.retry_after)
    elif isinstance(error, BadRequest):
        logger.warning("Telegram rejected a request while handling %s: %s", where, error)
    elif isinstance(error, (NetworkError, TelegramError)):
        logger.warning("Telegram network error while handling %s: %s", where, error)
    else:
        logger.error("Unexpected error while handling %s", where, exc_info=error)

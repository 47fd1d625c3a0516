"""The one error handler."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.constants import ChatType
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TelegramError

from handlers.context import Context
from handlers.language import language_of

__all__ = ["on_error"]

logger = logging.getLogger(__name__)


_CONFLICTS_TO_STOP = 3  # 409s within a minute before this instance gives way
_conflicts: list[float] = []


async def on_error(update: object, context: Context) -> None:
    """Log Telegram's refusals briefly and anything else with its traceback."""
    error = context.error
    where = f"update {update.update_id}" if isinstance(update, Update) else "a job or the network"
    if isinstance(error, Conflict):
        _on_conflict(context)
    elif isinstance(error, Forbidden):
        logger.warning("Telegram refused (%s) while handling %s: %s", "forbidden", where, error)
    elif isinstance(error, RetryAfter):
        logger.warning("Flood control while handling %s: retry after %s s", where, error.retry_after)
    elif isinstance(error, BadRequest):
        logger.warning("Telegram rejected a request while handling %s: %s", where, error)
    elif isinstance(error, (NetworkError, TelegramError)):
        logger.warning("Telegram network error while handling %s: %s", where, error)
    else:
        logger.error("Unexpected error while handling %s", where, exc_info=error)
        await _apologise(update, context)


def _on_conflict(context: Context) -> None:
    """Another process polls with the same token: after a few 409s, stop cleanly."""
    now = time.monotonic()
    _conflicts[:] = [t for t in _conflicts if t > now - 60] + [now]
    if len(_conflicts) >= _CONFLICTS_TO_STOP:
        logger.error(
            "Another instance of this bot is polling Telegram with the same token (409 Conflict); "
            "stopping this one. Run exactly one polling instance, or use webhook mode."
        )
        _skip_last_poll(context)
        context.application.stop_running()
    else:
        logger.warning("409 Conflict from Telegram: another instance may be polling with the same token")


def _skip_last_poll(context: Context) -> None:
    """PTB's Updater sends one more getUpdates when it stops (to confirm the last batch, which
    the polls since then have confirmed already). That call would cut the other instance's
    long poll with a 409 of its own, which then gives way too and leaves no bot running."""
    updater = context.application.updater
    if updater is not None and hasattr(updater, "_Updater__polling_cleanup_cb"):
        updater._Updater__polling_cleanup_cb = None


async def _apologise(update: object, context: Context) -> None:
    """Tell a private chat that its message could not be handled (best effort)."""
    if not isinstance(update, Update) or update.effective_message is None:
        return
    if update.effective_chat is None or update.effective_chat.type != ChatType.PRIVATE:
        return
    reply = context.bot_data.assistant.error_reply(pref=await language_of(update, context))
    try:
        await update.effective_message.reply_text(reply.messages[0])
    except TelegramError as exc:
        logger.warning("Could not send the apology: %s", exc)

"""Answering callback queries: first, and best effort; which presses count at all."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot import callbacks
from bot.callbacks import Callback

__all__ = ["answer_query", "pressed", "pressed_in_private"]

logger = logging.getLogger(__name__)


async def answer_query(query: CallbackQuery, text: str | None = None, *, show_alert: bool = False) -> None:
    """Answer a button press (stops the client's spinner). Best effort: a query that is
    too old, or a Telegram that fails, must not stop the action the press asked for."""
    try:
        await query.answer(text, show_alert=show_alert)
    except TelegramError as exc:
        logger.info("Could not answer a button press (%s); going on", exc)


def pressed(query: CallbackQuery) -> Callback | None:
    """The press's callback if the bot put that very button on the message pressed
    (the rule in :mod:`bot.callbacks`); None for forged or stale data."""
    message = query.message
    markup = getattr(message, "reply_markup", None)  # absent on a message too old to see
    keyboard: list[str | None] = []
    if isinstance(markup, InlineKeyboardMarkup):
        keyboard = [b.callback_data for row in markup.inline_keyboard for b in row if isinstance(b.callback_data, str)]
    found = callbacks.offered(query.data if isinstance(query.data, str) else None, keyboard)
    if found is None:
        logger.info("Ignored a button press whose data is not on the message pressed")
    return found


def pressed_in_private(query: CallbackQuery) -> Callback | None:
    """:func:`pressed`, and only in the private chat of the person pressing."""
    found = pressed(query)
    message = query.message
    if (
        found is None
        or message is None
        or message.chat.type != ChatType.PRIVATE
        or message.chat.id != query.from_user.id
    ):
        return None
    return found

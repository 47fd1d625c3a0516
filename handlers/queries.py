"""Answering callback queries: first, and best effort."""

from __future__ import annotations

import logging

from telegram import CallbackQuery
from telegram.error import TelegramError

__all__ = ["answer_query"]

logger = logging.getLogger(__name__)


async def answer_query(query: CallbackQuery, text: str | None = None, *, show_alert: bool = False) -> None:
    """Answer a button press (stops the client's spinner). Best effort: a query that is
    too old, or a Telegram that fails, must not stop the action the press asked for."""
    try:
        await query.answer(text, show_alert=show_alert)
    except TelegramError as exc:
        logger.info("Could not answer a button press (%s); going on", exc)

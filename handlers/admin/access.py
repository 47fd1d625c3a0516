"""Who may use the operators' commands (BOT_ADMIN_IDS), and replies longer than one message."""

from __future__ import annotations

import logging

from telegram import Update

from bot.lang import Lang
from bot.tghtml import split
from handlers.context import Context, render
from handlers.language import language_of
from handlers.queries import answer_query

__all__ = ["admin_lang", "send_long"]

logger = logging.getLogger(__name__)


async def admin_lang(update: Update, context: Context) -> Lang | None:
    """The operator's language, or None after a polite refusal for anyone else.
    Every operators' command and every press of an operators' button calls this."""
    user = update.effective_user
    lang = await language_of(update, context)
    if context.bot_data.is_admin(user.id if user else None):
        return lang
    logger.info("Refused an operators' command from user %s", user.id if user else None)
    if update.callback_query is not None:
        await answer_query(update.callback_query, render(context, "admin_only", lang), show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(render(context, "admin_only", lang))
    return None


async def send_long(update: Update, html: str) -> None:
    """Reply with ``html``, split into messages of at most 4096 characters."""
    message = update.effective_message
    if message is not None:
        for part in split(html):
            await message.reply_text(part)

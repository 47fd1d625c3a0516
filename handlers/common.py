"""What every handler shares: the typed context, the user's language, sending replies."""

from __future__ import annotations

import logging
from typing import Any, TypeAlias

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.error import BadRequest
from telegram.ext import CallbackContext, ExtBot

from bot.assistant import Assistant, Reply
from bot.services import BotData
from bot.tghtml import to_plain

__all__ = ["Context", "keyboard", "language_of", "send_reply", "remember_lang", "assistant_of"]

Context: TypeAlias = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]

logger = logging.getLogger(__name__)


def assistant_of(context: Context) -> Assistant:
    """The assistant serving this update."""
    return context.bot_data.assistant


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard (None without buttons)."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.text, url=b.url) if b.url else InlineKeyboardButton(b.text, callback_data=b.data)
             for b in row]
            for row in reply.buttons
        ]
    )


async def language_of(user: User | None, context: Context) -> tuple[str | None, str | None]:
    """(the language chosen with /lang, the Telegram client's language) of a user."""
    if user is None:
        return None, None
    pref = await context.bot_data.storage.get_lang(user.id)
    return pref, user.language_code


async def remember_lang(update: Update, context: Context, reply: Reply) -> None:
    """Store the language a /lang reply chose."""
    if reply.set_lang and update.effective_user is not None:
        await context.bot_data.storage.set_lang(update.effective_user.id, reply.set_lang)


async def send_reply(message: Message, reply: Reply, *, quote: bool = False) -> None:
    """Send every message of ``reply`` to ``message``'s chat, buttons on the last one.

    If Telegram refuses a message as HTML, the reason is logged and the same text is
    sent once more as plain text, so the user still gets an answer.
    """
    markup = keyboard(reply)
    last = len(reply.messages) - 1
    for index, text in enumerate(reply.messages):
        buttons = markup if index == last else None
        try:
            await message.reply_text(text, reply_markup=buttons, do_quote=quote and index == 0)
        except BadRequest as exc:
            if "parse" not in str(exc).lower() and "entit" not in str(exc).lower():
                raise
            logger.warning("Telegram refused a reply as HTML (%s); sending it as plain text", exc)
            await message.reply_text(to_plain(text), reply_markup=buttons, parse_mode=None,
                                     do_quote=quote and index == 0)

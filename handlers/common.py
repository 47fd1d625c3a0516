"""What every handler shares: the typed context, the user's language, sending replies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import replace
from typing import Any, TypeAlias

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import CallbackContext, ExtBot

from bot.assistant import Assistant
from bot.replies import Button, Reply
from bot.services import BotData
from bot.tghtml import MAX_MESSAGE, to_plain, truncate_text

__all__ = [
    "Context",
    "assistant_of",
    "is_private",
    "keyboard",
    "language_of",
    "remember_lang",
    "render",
    "send_reply",
    "with_feedback",
]

Context: TypeAlias = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]

logger = logging.getLogger(__name__)
_ATTEMPTS = 3  # tries per message on flood control and network errors
_BACKOFF = 0.5  # seconds before the second try; doubled for each further one


def assistant_of(context: Context) -> Assistant:
    """The assistant serving this update (replaced as a whole by /reload)."""
    return context.bot_data.assistant


def render(context: Context, key: str, lang: str, /, **values: object) -> str:
    """A message from the content, in ``lang``."""
    return context.bot_data.assistant.content.messages.render(key, lang, **values)


def is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard (None without buttons)."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.text, url=b.url) if b.url else InlineKeyboardButton(b.text, callback_data=b.data)
                for b in row
            ]
            for row in reply.buttons
        ]
    )


def with_feedback(reply: Reply, context: Context) -> Reply:
    """An answer with 👍 / 👎 buttons above its other buttons (private chats)."""
    if not reply.matched or reply.entry_id is None:
        return reply
    row = (
        Button(render(context, "button_helpful", reply.lang), data=f"fb:1:{reply.entry_id}"),
        Button(render(context, "button_not_helpful", reply.lang), data=f"fb:-1:{reply.entry_id}"),
    )
    return replace(reply, buttons=(row, *reply.buttons))


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


async def _reply_once(message: Message, text: str, buttons: InlineKeyboardMarkup | None, quote: bool) -> Message:
    """One reply, retried on flood control and on network errors (a bounded number of times)."""
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            return await message.reply_text(text, reply_markup=buttons, do_quote=quote)
        except RetryAfter as exc:
            if attempt == _ATTEMPTS:
                raise
            wait = exc.retry_after if isinstance(exc.retry_after, (int, float)) else exc.retry_after.total_seconds()
            await asyncio.sleep(min(float(wait), 30.0))
        except BadRequest:
            raise
        except NetworkError as exc:  # timeouts, connection errors, 5xx
            if attempt == _ATTEMPTS:
                raise
            logger.info("Sending a reply failed (%s); retrying", exc)
            await asyncio.sleep(_BACKOFF * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


async def send_reply(
    message: Message, reply: Reply, *, quote: bool = False, context: Context | None = None
) -> Message | None:
    """Send every message of ``reply`` to ``message``'s chat, buttons on the last one;
    returns the last message sent (None when Telegram would not take it).

    Flood control and network errors are retried; a message Telegram refuses (BadRequest)
    is logged with the reason and sent once more as plain text; a chat that blocked the
    bot (Forbidden) is marked and left alone. None of these reach the error handler.
    """
    markup = keyboard(reply)
    last = len(reply.messages) - 1
    sent: Message | None = None
    for index, text in enumerate(reply.messages):
        buttons = markup if index == last else None
        first = quote and index == 0
        try:
            try:
                sent = await _reply_once(message, text, buttons, first)
            except BadRequest as exc:
                logger.warning("Telegram refused a reply (%s); sending it as plain text", exc)
                plain = truncate_text(to_plain(text), MAX_MESSAGE) or "…"
                sent = await message.reply_text(plain, reply_markup=buttons, parse_mode=None, do_quote=first)
        except Forbidden as exc:
            logger.info("Chat %s does not take messages from the bot (%s); marking it", message.chat_id, exc)
            if context is not None:
                with contextlib.suppress(Exception):
                    await context.bot_data.storage.set_chat_status(message.chat_id, "blocked")
            return None
        except (BadRequest, NetworkError, RetryAfter) as exc:
            logger.warning("Could not send a reply to chat %s: %s", message.chat_id, exc)
            return None
    return sent

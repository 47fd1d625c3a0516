"""Sending replies to Telegram: keyboards, feedback buttons, retries and fallbacks."""

from __future__ import annotations

import contextlib
import functools
import logging
from dataclasses import replace
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot import callbacks
from bot.replies import Button, Reply
from bot.storage import ChatStatus
from bot.tghtml import MAX_MESSAGE, to_plain, truncate_text
from handlers.context import Context, render
from handlers.jsonrequest import sent_messages_unread
from handlers.retry import may_have_arrived, with_network_retries

__all__ = ["keyboard", "send_reply", "with_feedback"]

logger = logging.getLogger(__name__)


class _Keyboard(InlineKeyboardMarkup):
    """An inline keyboard that remembers its JSON form (what python-telegram-bot sends of
    it, made again for every message otherwise): its objects cannot change once made."""

    __slots__ = ("_sent_as",)

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        if not recursive:
            return super().to_dict(recursive)
        found: dict[str, Any] | None = getattr(self, "_sent_as", None)
        if found is None:
            found = self._sent_as = super().to_dict()
        return dict(found)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard (None without buttons)."""
    return _keyboard(reply.buttons) if reply.buttons else None


@functools.lru_cache(maxsize=1024)
def _keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup:
    """Made once per set of buttons: the same ones come back with many answers (the feedback
    row of an entry, the topics), and making one costs about as much as sending it."""
    return _Keyboard(
        [
            [
                InlineKeyboardButton(b.text, url=b.url) if b.url else InlineKeyboardButton(b.text, callback_data=b.data)
                for b in row
            ]
            for row in rows
        ]
    )


def with_feedback(reply: Reply, context: Context) -> Reply:
    """An answer with 👍 / 👎 buttons above its other buttons (private chats)."""
    if not reply.matched or reply.entry_id is None:
        return reply
    row = (
        Button(render(context, "button_helpful", reply.lang), data=callbacks.feedback(1, reply.entry_id)),
        Button(render(context, "button_not_helpful", reply.lang), data=callbacks.feedback(-1, reply.entry_id)),
    )
    return replace(reply, buttons=(row, *reply.buttons))


async def _reply_once(message: Message, text: str, buttons: InlineKeyboardMarkup | None, quote: bool) -> None:
    """One reply, with the retry policy of :mod:`handlers.retry`; the quote is dropped
    when the question was deleted meanwhile (the answer still goes to the group)."""
    await with_network_retries(
        lambda: message.reply_text(text, reply_markup=buttons, do_quote=quote, allow_sending_without_reply=True),
        what=f"a reply to {message.chat_id}",
    )


async def send_reply(message: Message, reply: Reply, *, quote: bool = False, context: Context | None = None) -> bool:
    """Send every message of ``reply`` to ``message``'s chat, buttons on the last one;
    True when they went, False when Telegram would not take one (the rest are not sent).
    Flood control and network errors are retried; a message Telegram refuses (BadRequest)
    is logged with the reason and sent once more as plain text; a chat that blocked the
    bot (Forbidden) is marked and left alone. None of these reach the error handler.
    What Telegram answers (the message sent) is not read: see :func:`sent_messages_unread`.
    """
    markup = keyboard(reply)
    last = len(reply.messages) - 1
    for index, text in enumerate(reply.messages):
        buttons = markup if index == last else None
        first = quote and index == 0
        try:
            with sent_messages_unread():
                try:
                    await _reply_once(message, text, buttons, first)
                except BadRequest as exc:
                    logger.warning("Telegram refused a reply (%s); sending it as plain text", exc)
                    plain = truncate_text(to_plain(text), MAX_MESSAGE) or "…"
                    await message.reply_text(
                        plain, reply_markup=buttons, parse_mode=None, do_quote=first, allow_sending_without_reply=True
                    )
        except Forbidden as exc:
            logger.info("Chat %s does not take messages from the bot (%s); marking it", message.chat_id, exc)
            if context is not None:
                with contextlib.suppress(Exception):
                    await context.bot_data.storage.set_chat_status(message.chat_id, ChatStatus.BLOCKED)
            return False
        except (BadRequest, RetryAfter) as exc:
            logger.warning("Could not send a reply to chat %s: %s", message.chat_id, exc)
            return False
        except NetworkError as exc:
            if may_have_arrived(exc):
                logger.warning(
                    "Telegram did not answer a reply to chat %s in time (%s); it may have been delivered, "
                    "so it is not sent again",
                    message.chat_id,
                    exc,
                )
            else:
                logger.warning("Could not send a reply to chat %s: %s", message.chat_id, exc)
            return False
    return True

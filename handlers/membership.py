"""The bot's own membership in chats: joined, left or blocked; groups that migrate."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.lang import choose_lang
from bot.storage import ChatStatus
from handlers.context import Context, render

__all__ = ["on_migrate", "on_my_chat_member"]

logger = logging.getLogger(__name__)

_GONE = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


async def on_my_chat_member(update: Update, context: Context) -> None:
    """Register a group the bot joins (with a welcome) and stop sending where it is gone."""
    change = update.my_chat_member
    if change is None:
        return
    chat = change.chat
    old, new = change.old_chat_member.status, change.new_chat_member.status
    storage = context.bot_data.storage
    if new in _GONE:
        await storage.touch_chat(chat.id, chat.type, chat.title or chat.full_name)
        await storage.set_chat_status(chat.id, ChatStatus.BLOCKED if chat.type == ChatType.PRIVATE else ChatStatus.LEFT)
        logger.info("Removed from or blocked in chat %s (%s)", chat.id, new)
        return
    await storage.touch_chat(chat.id, chat.type, chat.title or chat.full_name)
    if old in _GONE and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP):
        lang = choose_lang(None, change.from_user.language_code if change.from_user else None)
        try:
            await context.bot.send_message(chat.id, render(context, "group_welcome", lang))
        except TelegramError as exc:
            logger.warning("Could not greet chat %s: %s", chat.id, exc)


async def on_migrate(update: Update, context: Context) -> None:
    """A group became a supergroup: keep its record and subscription under the new id."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        await context.bot_data.storage.migrate_chat(message.chat_id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        await context.bot_data.storage.migrate_chat(message.migrate_from_chat_id, message.chat_id)

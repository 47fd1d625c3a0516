"""Subscribing a chat to announcements, and stopping them (in groups: admins only)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus

from bot.storage import StorageError
from handlers.context import Context, is_private, render
from handlers.language import language_of

__all__ = ["on_subscribe", "on_unsubscribe"]

logger = logging.getLogger(__name__)

_ADMINS = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


async def _may_manage(update: Update, context: Context) -> bool:
    """In groups only admins may change the subscription (anonymous admins included)."""
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    if chat is None or is_private(update):
        return chat is not None
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in _ADMINS


async def _set_subscription(update: Update, context: Context, subscribed: bool) -> None:
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    lang = await language_of(update, context)
    if not await _may_manage(update, context):
        await message.reply_text(render(context, "subscribe_group_admins", lang))
        return
    try:
        before = await context.bot_data.storage.set_subscribed(
            chat.id, chat.type, chat.title or chat.full_name, lang, subscribed
        )
    except StorageError as exc:  # read-only, a full disk: say so, it is no crash
        logger.error("Could not save a subscription: %s", exc)
        await message.reply_text(render(context, "setting_not_saved", lang))
        return
    if subscribed:
        key = "subscribe_already" if before else "subscribe_done"
    else:
        key = "unsubscribe_done" if before else "unsubscribe_not"
    await message.reply_text(render(context, key, lang))


async def on_subscribe(update: Update, context: Context) -> None:
    """Subscribe this chat to announcements (in groups: admins only)."""
    await _set_subscription(update, context, True)


async def on_unsubscribe(update: Update, context: Context) -> None:
    """Stop announcements to this chat (in groups: admins only)."""
    await _set_subscription(update, context, False)

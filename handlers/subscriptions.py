"""Subscriptions, privacy and the bot's own membership in chats."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.lang import choose_lang
from handlers.common import Context, is_private, language_of, render

__all__ = [
    "on_feedback",
    "on_forget_button",
    "on_forgetme",
    "on_migrate",
    "on_my_chat_member",
    "on_subscribe",
    "on_unsubscribe",
]

logger = logging.getLogger(__name__)
_ADMINS = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)
_GONE = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


async def _lang(update: Update, context: Context) -> str:
    pref, user_lang = await language_of(update.effective_user, context)
    return choose_lang(pref, user_lang)


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
    lang = await _lang(update, context)
    if not await _may_manage(update, context):
        await message.reply_text(render(context, "subscribe_group_admins", lang))
        return
    before = await context.bot_data.storage.set_subscribed(
        chat.id, chat.type, chat.title or chat.full_name, lang, subscribed
    )
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


async def on_forgetme(update: Update, context: Context) -> None:
    """Ask for confirmation before deleting everything stored about the user."""
    message = update.effective_message
    if message is None or update.effective_user is None:
        return
    lang = await _lang(update, context)
    user_id = update.effective_user.id
    buttons = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(render(context, "button_forget", lang), callback_data=f"forget:yes:{user_id}"),
                InlineKeyboardButton(render(context, "button_cancel", lang), callback_data=f"forget:no:{user_id}"),
            ]
        ]
    )
    await message.reply_text(render(context, "forget_confirm", lang), reply_markup=buttons)


async def on_forget_button(update: Update, context: Context) -> None:
    """Delete the user's data on confirmation; only the user who asked can confirm."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    await query.answer()
    _, choice, owner = ([*query.data.split(":"), "", ""])[:3]
    if update.effective_user is None or owner != str(update.effective_user.id):
        return
    lang = await _lang(update, context)
    if choice == "yes":
        removed = await context.bot_data.storage.forget_user(update.effective_user.id)
        logger.info("Deleted %d stored rows at a user's request", removed)
        await query.edit_message_text(render(context, "forget_done", lang))
    else:
        await query.edit_message_text(render(context, "forget_cancelled", lang))


async def on_feedback(update: Update, context: Context) -> None:
    """Store a 👍 / 👎 vote on an answer and thank the user."""
    query = update.callback_query
    if query is None or query.data is None or update.effective_user is None:
        return
    parts = query.data.split(":", 2)
    if len(parts) != 3 or parts[1] not in ("1", "-1"):
        await query.answer()
        return
    lang = await _lang(update, context)
    await query.answer(render(context, "feedback_thanks", lang))
    await context.bot_data.storage.add_feedback(
        update.effective_user.id, update.effective_chat.id if update.effective_chat else None, parts[2], int(parts[1])
    )


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
        await storage.set_chat_status(chat.id, "blocked" if chat.type == ChatType.PRIVATE else "left")
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

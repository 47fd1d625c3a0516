"""/announce: a preview of an announcement, then Send / Cancel."""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, Update
from telegram.error import BadRequest

from bot import callbacks
from bot.callbacks import AnnounceAction, CallbackKind
from bot.tghtml import MAX_MESSAGE, validate
from handlers.admin.access import admin_lang
from handlers.context import Context, render
from handlers.delivery import deliver_in_background, progress_reporter
from handlers.queries import answer_query, pressed

__all__ = ["on_announce", "on_announce_button"]

logger = logging.getLogger(__name__)
_COMMAND_PREFIX = re.compile(r"^/\w+(@\w+)?[ \t]*\n?")


def _announcement_text(update: Update) -> str:
    """The text after /announce: formatting made in the Telegram client is kept as HTML;
    plain text is taken as the HTML the operator typed."""
    message = update.effective_message
    if message is None or message.text is None:
        return ""
    formatted = any(
        e.type not in (MessageEntity.BOT_COMMAND, MessageEntity.MENTION, MessageEntity.URL, MessageEntity.HASHTAG)
        for e in message.entities
    )
    source = message.text_html if formatted else message.text
    return _COMMAND_PREFIX.sub("", source, count=1).strip()


async def on_announce(update: Update, context: Context) -> None:
    """Show a preview of an announcement with Send / Cancel buttons."""
    lang = await admin_lang(update, context)
    message = update.effective_message
    if lang is None or message is None or update.effective_user is None:
        return
    text = _announcement_text(update)
    if not text:
        await message.reply_text(render(context, "announce_usage", lang))
        return
    # Telegram's own rules: what it refuses, what it would show otherwise, 4096 characters.
    problems = validate(text, strict=False, max_len=MAX_MESSAGE)
    if problems:
        await message.reply_text(render(context, "announce_invalid", lang, problems="; ".join(problems)))
        return
    try:
        await message.reply_text(text)  # the preview: what Telegram refuses is never drafted
    except BadRequest as exc:
        logger.info("Telegram refused an announcement preview: %s", exc.message)
        await message.reply_text(render(context, "announce_invalid", lang, problems=exc.message))
        return
    announcer = context.bot_data.announcer
    announcement_id = await announcer.draft(update.effective_user.id, text)
    count = len(await announcer.recipients("all"))
    buttons = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    render(context, "button_announce_send", lang),
                    callback_data=callbacks.announce(AnnounceAction.SEND, announcement_id),
                ),
                InlineKeyboardButton(
                    render(context, "button_cancel", lang),
                    callback_data=callbacks.announce(AnnounceAction.CANCEL, announcement_id),
                ),
            ]
        ]
    )
    await message.reply_text(render(context, "announce_preview", lang, count=count), reply_markup=buttons)


async def on_announce_button(update: Update, context: Context) -> None:
    """Send or cancel a previewed announcement (operators only, once)."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    lang = await admin_lang(update, context)
    if lang is None:
        return
    parsed = pressed(query)
    if parsed is None or parsed.kind != CallbackKind.ANNOUNCE or query.message is None:
        await answer_query(query)
        return
    announcement_id = parsed.number
    announcer = context.bot_data.announcer
    # Send and Cancel are decided atomically in the database; the press that lost leaves
    # the preview to the one that won (a "cancelled" there would be false after a send).
    if parsed.choice == AnnounceAction.CANCEL:
        done = await announcer.cancel(announcement_id)
    else:
        done = await announcer.confirm(announcement_id)
    await answer_query(query, None if done else render(context, "announce_stale", lang))
    if not done:
        return
    if parsed.choice == AnnounceAction.CANCEL:
        await query.edit_message_text(render(context, "announce_cancelled", lang))
        return
    counts = await context.bot_data.storage.delivery_counts(announcement_id)
    chat_id, message_id = query.message.chat.id, query.message.message_id
    await query.edit_message_text(
        render(context, "announce_progress", lang, sent=0, total=f"{counts.total:,}", failed=0)
    )
    await context.bot_data.storage.set_progress_message(announcement_id, chat_id, message_id, lang)
    progress = progress_reporter(context.bot, chat_id, message_id, context.bot_data.assistant.content.messages, lang)
    deliver_in_background(context.application, announcement_id, progress)

"""/announce: an announcement from the message it replies to, from the next message, or
from its own text; with a time it is scheduled. The preview comes first (see .preview)."""

from __future__ import annotations

import logging
import re

from telegram import MessageEntity, Update
from telegram.error import BadRequest

from bot.announcements import now_utc
from bot.tghtml import MAX_MESSAGE, validate
from bot.when import BadTime, split_when
from handlers.admin.access import admin_lang
from handlers.admin.compose import Waiting, album_ids, expect_message, preview_text, take_messages
from handlers.admin.preview import show_preview
from handlers.context import Context, render

__all__ = ["on_announce"]

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
    """Reply /announce [time] to a message, or /announce [time] then the message, or
    /announce [time] text: a preview with Send (or Schedule) / Cancel."""
    lang = await admin_lang(update, context)
    message = update.effective_message
    user = update.effective_user
    if lang is None or message is None or user is None:
        return
    try:
        due, text = split_when(_announcement_text(update))
    except BadTime:
        await message.reply_text(render(context, "announce_bad_time", lang))
        return
    if due is not None and due <= now_utc():
        await message.reply_text(render(context, "announce_bad_time", lang))
        return
    source = message.reply_to_message
    if source is not None and not (source.from_user and source.from_user.is_bot):
        ids = album_ids(context, source)
        await take_messages(context, message.chat.id, user.id, ids, preview_text(source), Waiting(due=due), lang)
        return
    if not text:
        if message.chat.type != "private":
            await message.reply_text(render(context, "announce_usage", lang))
            return
        expect_message(context, Waiting(due=due))
        await message.reply_text(render(context, "announce_waiting", lang))
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
    announcement_id = await context.bot_data.announcer.draft(user.id, text, due=due)
    await show_preview(context, message.chat.id, announcement_id, lang, shown=True)

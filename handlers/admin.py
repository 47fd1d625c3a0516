"""Operators' commands (BOT_ADMIN_IDS): announcements, statistics, unanswered questions,
reloading the content. Every call and every button press checks the admin list."""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, Update
from telegram.error import BadRequest

from bot import callbacks
from bot.announcements import now_utc
from bot.callbacks import AnnounceAction, CallbackKind
from bot.content import ContentError
from bot.lang import Lang
from bot.reports import announcements_report, stats_report, unanswered_report
from bot.tghtml import MAX_MESSAGE, Html, escape, split, validate
from handlers.context import Context, render
from handlers.delivery import deliver_in_background, progress_reporter, schedule_content_announcements
from handlers.language import language_of
from handlers.queries import answer_query, pressed

__all__ = ["on_announce", "on_announce_button", "on_announcements", "on_reload", "on_stats", "on_unanswered"]

logger = logging.getLogger(__name__)
_COMMAND_PREFIX = re.compile(r"^/\w+(@\w+)?[ \t]*\n?")


async def _admin_lang(update: Update, context: Context) -> Lang | None:
    """The operator's language, or None after a polite refusal for anyone else."""
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


async def _send_long(update: Update, html: str) -> None:
    message = update.effective_message
    if message is not None:
        for part in split(html):
            await message.reply_text(part)


async def on_stats(update: Update, context: Context) -> None:
    """Users, groups, subscribers, questions, match rate, top lists and feedback."""
    lang = await _admin_lang(update, context)
    if lang is None:
        return
    data = context.bot_data
    stats = await data.storage.stats()
    await _send_long(
        update, stats_report(stats, data.assistant.content.messages, lang, texts_stored=data.config.store_questions)
    )


async def on_unanswered(update: Update, context: Context) -> None:
    """The most frequent unanswered questions: /unanswered [N]."""
    lang = await _admin_lang(update, context)
    if lang is None or update.effective_message is None:
        return
    args = context.args or []
    if len(args) > 1 or (args and not (args[0].isascii() and args[0].isdigit() and 1 <= int(args[0]) <= 100)):
        await update.effective_message.reply_text(render(context, "unanswered_usage", lang))
        return
    data = context.bot_data
    rows = await data.storage.unanswered(int(args[0]) if args else 10)
    await _send_long(
        update, unanswered_report(rows, data.assistant.content.messages, lang, texts_stored=data.config.store_questions)
    )


async def on_reload(update: Update, context: Context) -> None:
    """Re-read and check the content; on errors keep serving the old one."""
    lang = await _admin_lang(update, context)
    if lang is None or update.effective_message is None:
        return
    data = context.bot_data
    try:
        assistant = await asyncio.to_thread(data.reload)
    except ContentError as exc:
        problems = Html("\n".join(f"• {escape(str(p))}" for p in exc.problems[:30]))
        logger.warning("Reload refused: %d content problem(s)", len(exc.problems))
        await _send_long(update, render(context, "reload_failed", lang, count=len(exc.problems), problems=problems))
        return
    logger.info("Content reloaded by user %s", update.effective_user.id if update.effective_user else None)
    await update.effective_message.reply_text(
        render(context, "reload_ok", lang, entries=len(assistant.content.faq), cities=len(assistant.content.cities))
    )
    schedule_content_announcements(
        context.application, await data.announcer.plan(assistant.content.announcements, now_utc())
    )


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
    lang = await _admin_lang(update, context)
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
    lang = await _admin_lang(update, context)
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


async def on_announcements(update: Update, context: Context) -> None:
    """Recent announcements with their delivery counts."""
    lang = await _admin_lang(update, context)
    if lang is None:
        return
    storage = context.bot_data.storage
    items = [(a, await storage.delivery_counts(a.id)) for a in await storage.announcements(limit=10)]
    await _send_long(update, announcements_report(items, context.bot_data.assistant.content.messages, lang))

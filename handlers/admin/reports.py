"""/stats and /unanswered: what the operators look at."""

from __future__ import annotations

from telegram import Update

from bot.reports import stats_report, unanswered_report
from handlers.admin.access import admin_lang, send_long
from handlers.context import Context, render

__all__ = ["on_stats", "on_unanswered"]


async def on_stats(update: Update, context: Context) -> None:
    """Users, groups, subscribers, questions, match rate, top lists and feedback."""
    lang = await admin_lang(update, context)
    if lang is None:
        return
    data = context.bot_data
    stats = await data.storage.stats()
    await send_long(
        update, stats_report(stats, data.assistant.content.messages, lang, texts_stored=data.config.store_questions)
    )


async def on_unanswered(update: Update, context: Context) -> None:
    """The most frequent unanswered questions: /unanswered [N]."""
    lang = await admin_lang(update, context)
    if lang is None or update.effective_message is None:
        return
    args = context.args or []
    if len(args) > 1 or (args and not (args[0].isascii() and args[0].isdigit() and 1 <= int(args[0]) <= 100)):
        await update.effective_message.reply_text(render(context, "unanswered_usage", lang))
        return
    data = context.bot_data
    rows = await data.storage.unanswered(int(args[0]) if args else 10)
    await send_long(
        update, unanswered_report(rows, data.assistant.content.messages, lang, texts_stored=data.config.store_questions)
    )

"""/stats and /unanswered: what the operators look at."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import InputFile, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.lang import Lang
from bot.reports import stats_report, suggestions_report
from handlers.admin.access import admin_lang, send_long
from handlers.context import Context, render

__all__ = ["on_stats", "on_unanswered"]

logger = logging.getLogger(__name__)


async def on_stats(update: Update, context: Context) -> None:
    """The chart of the last 30 days as a photo, then users, groups, subscribers,
    questions, match rate, top lists and feedback."""
    lang = await admin_lang(update, context)
    if lang is None or update.effective_message is None:
        return
    data = context.bot_data
    messages = data.assistant.content.messages
    await _send_chart(update, context, lang)
    stats = await data.storage.stats()
    await send_long(update, stats_report(stats, messages, lang, texts_stored=data.config.store_questions))


async def _send_chart(update: Update, context: Context, lang: Lang) -> None:
    """The chart of the last 30 days as a photo (best effort: the figures follow anyway)."""
    from bot.charts import ChartError, chart_data, render_chart_apart  # imported when first used, not at start-up

    data = context.bot_data
    message = update.effective_message
    assert message is not None
    with contextlib.suppress(TelegramError):  # "sending a photo…" while the chart is drawn
        await message.reply_chat_action(ChatAction.UPLOAD_PHOTO)
    try:
        png = await render_chart_apart(await chart_data(data.storage), data.assistant.content.messages, lang)
    except ChartError as exc:  # e.g. installed without matplotlib: the figures are enough
        logger.warning("No /stats chart: %s", exc)
        return
    try:
        await message.reply_photo(
            InputFile(png, filename="stats.png"), caption=render(context, "stats_chart_caption", lang)
        )
    except TelegramError as exc:
        logger.warning("Could not send the /stats chart: %s", exc)


async def on_unanswered(update: Update, context: Context) -> None:
    """The most frequent unanswered questions in groups, each with the closest entry:
    /unanswered [N]."""
    lang = await admin_lang(update, context)
    if lang is None or update.effective_message is None:
        return
    args = context.args or []
    if len(args) > 1 or (args and not (args[0].isascii() and args[0].isdigit() and 1 <= int(args[0]) <= 100)):
        await update.effective_message.reply_text(render(context, "unanswered_usage", lang))
        return
    from bot.suggest import suggest_groups  # imported when first used, not at start-up

    data = context.bot_data
    assistant = data.assistant
    texts = await data.storage.unanswered_texts()
    # Grouped as `unanswered --suggest` does, each group with the closest entry (CPU work: a thread).
    groups = await asyncio.to_thread(suggest_groups, assistant, texts)
    limit = int(args[0]) if args else 10
    report = suggestions_report(
        groups[:limit], assistant.content.messages, lang, texts_stored=data.config.store_questions
    )
    await send_long(update, report)

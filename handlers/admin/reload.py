"""/reload: re-read and check the content; on errors keep serving the old one."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update

from bot.announcements import now_utc
from bot.content import ContentError
from bot.tghtml import Html, escape
from handlers.admin.access import admin_lang, send_long
from handlers.context import Context, render
from handlers.delivery import schedule_content_announcements

__all__ = ["on_reload"]

logger = logging.getLogger(__name__)


async def on_reload(update: Update, context: Context) -> None:
    """Re-read and check the content; on errors keep serving the old one."""
    lang = await admin_lang(update, context)
    if lang is None or update.effective_message is None:
        return
    data = context.bot_data
    try:
        assistant = await asyncio.to_thread(data.reload)
    except ContentError as exc:
        problems = Html("\n".join(f"• {escape(str(p))}" for p in exc.problems[:30]))
        logger.warning("Reload refused: %d content problem(s)", len(exc.problems))
        await send_long(update, render(context, "reload_failed", lang, count=len(exc.problems), problems=problems))
        return
    logger.info("Content reloaded by user %s", update.effective_user.id if update.effective_user else None)
    await update.effective_message.reply_text(
        render(context, "reload_ok", lang, entries=len(assistant.content.faq), cities=len(assistant.content.cities))
    )
    schedule_content_announcements(
        context.application, await data.announcer.plan(assistant.content.announcements, now_utc())
    )

"""/announcements: the recent announcements with their delivery counts."""

from __future__ import annotations

from telegram import Update

from bot.reports import announcements_report
from handlers.admin.access import admin_lang, send_long
from handlers.context import Context

__all__ = ["on_announcements"]


async def on_announcements(update: Update, context: Context) -> None:
    """Recent announcements with their delivery counts."""
    lang = await admin_lang(update, context)
    if lang is None:
        return
    storage = context.bot_data.storage
    items = [(a, await storage.delivery_counts(a.id)) for a in await storage.announcements(limit=10)]
    await send_long(update, announcements_report(items, context.bot_data.assistant.content.messages, lang))

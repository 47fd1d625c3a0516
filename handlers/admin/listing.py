"""/announcements: the recent announcements with their delivery counts."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot import callbacks
from bot.callbacks import AnnounceAction
from bot.reports import announcements_report, scheduled_report
from handlers.admin.access import admin_lang, send_long
from handlers.context import Context, render

__all__ = ["on_announcements"]

_CANCEL_BUTTONS = 20  # scheduled announcements listed with a Cancel button each


async def on_announcements(update: Update, context: Context) -> None:
    """Recent announcements with their delivery counts, then the scheduled ones (from
    Telegram) with a Cancel button each."""
    lang = await admin_lang(update, context)
    if lang is None or update.effective_message is None:
        return
    data = context.bot_data
    messages = data.assistant.content.messages
    storage = data.storage
    items = [(a, await storage.delivery_counts(a.id)) for a in await storage.announcements(limit=10)]
    await send_long(update, announcements_report(items, messages, lang))
    scheduled = (await data.announcer.scheduled())[:_CANCEL_BUTTONS]
    if not scheduled:
        return
    keyboard = [
        [
            InlineKeyboardButton(
                render(context, "button_unschedule", lang, id=a.id),
                callback_data=callbacks.announce(AnnounceAction.CANCEL, a.id),
            )
        ]
        for a in scheduled
    ]
    await update.effective_message.reply_text(
        scheduled_report(scheduled, messages, lang), reply_markup=InlineKeyboardMarkup(keyboard)
    )

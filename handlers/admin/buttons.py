"""The operators' announcement buttons: Send (or Schedule), Cancel, Add an English
version, Stop. Each press checks the admin list and the announcement's state, so a
replayed or stale button does nothing twice."""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import Update

from bot.announcements import now_utc
from bot.callbacks import AnnounceAction, CallbackKind
from bot.lang import Lang
from bot.storage import Announcement, AnnouncementStatus
from bot.when import format_when
from handlers.admin.access import admin_lang
from handlers.admin.compose import Waiting, expect_message
from handlers.context import Context, render
from handlers.delivery import (
    announcement_progress,
    deliver_in_background,
    schedule_stored_announcement,
    unschedule_stored_announcement,
)
from handlers.queries import answer_query, pressed

__all__ = ["on_announce_button"]

logger = logging.getLogger(__name__)


async def on_announce_button(update: Update, context: Context) -> None:
    """Send, schedule, cancel, extend or stop an announcement (operators only)."""
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
    announcement = await context.bot_data.storage.get_announcement(parsed.number)
    if announcement is None:
        await answer_query(query)
        return
    if parsed.choice == AnnounceAction.STOP:
        stopped = await context.bot_data.announcer.stop(announcement.id)
        await answer_query(query, None if stopped else render(context, "announce_stop_late", lang))
        return
    if parsed.choice == AnnounceAction.CANCEL:
        await _cancel(update, context, announcement, lang)
    elif parsed.choice == AnnounceAction.ENGLISH:
        if announcement.status != AnnouncementStatus.DRAFT:
            await answer_query(query, render(context, "announce_stale", lang))
            return
        await answer_query(query)
        expect_message(context, Waiting(draft_id=announcement.id))
        await context.bot.send_message(query.message.chat.id, render(context, "announce_waiting_english", lang))
    elif announcement.due is not None and announcement.status == AnnouncementStatus.DRAFT:
        await _schedule(update, context, announcement, lang)
    else:
        await _send(update, context, announcement, lang)


async def _cancel(update: Update, context: Context, announcement: Announcement, lang: Lang) -> None:
    query = update.callback_query
    assert query is not None
    was_scheduled = announcement.status == AnnouncementStatus.SCHEDULED
    # Send and Cancel are decided atomically in the database; the press that lost leaves
    # the preview to the one that won (a "cancelled" there would be false after a send).
    if not await context.bot_data.announcer.cancel(announcement.id):
        await answer_query(query, render(context, "announce_stale", lang))
        return
    await answer_query(query)
    if was_scheduled:
        unschedule_stored_announcement(context.application, announcement.id)
        logger.info("Scheduled announcement %d cancelled", announcement.id)
        await query.edit_message_text(render(context, "announcement_unscheduled", lang, id=announcement.id))
    else:
        await query.edit_message_text(render(context, "announce_cancelled", lang))


async def _schedule(update: Update, context: Context, announcement: Announcement, lang: Lang) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None and announcement.due is not None
    due = datetime.fromtimestamp(announcement.due).astimezone()
    if due <= now_utc():
        await answer_query(query)
        await query.edit_message_text(render(context, "announce_bad_time", lang))
        return
    data = context.bot_data
    if not await data.announcer.schedule(announcement.id, due):
        await answer_query(query, render(context, "announce_stale", lang))
        return
    await answer_query(query)
    chat_id, message_id = query.message.chat.id, query.message.message_id
    await data.storage.set_progress_message(announcement.id, chat_id, message_id, lang)
    count = len(await data.announcer.recipients(announcement.audience))
    await query.edit_message_text(
        render(context, "announce_scheduled", lang, id=announcement.id, when=format_when(due), count=count)
    )
    stored = await data.storage.get_announcement(announcement.id)
    if stored is not None:
        schedule_stored_announcement(context.application, stored)
    logger.info("Announcement %d scheduled for %s", announcement.id, due.isoformat())


async def _send(update: Update, context: Context, announcement: Announcement, lang: Lang) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    data = context.bot_data
    if not await data.announcer.confirm(announcement.id):
        await answer_query(query, render(context, "announce_stale", lang))
        return
    await answer_query(query)
    chat_id, message_id = query.message.chat.id, query.message.message_id
    await data.storage.set_progress_message(announcement.id, chat_id, message_id, lang)
    stored = await data.storage.get_announcement(announcement.id)
    progress = announcement_progress(context.application, stored) if stored is not None else None
    if progress is not None:  # "0 / N" with the Stop button, at once
        await progress(await data.storage.delivery_counts(announcement.id))
    deliver_in_background(context.application, announcement.id, progress)

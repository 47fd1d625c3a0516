"""The preview of a draft announcement: each version as recipients will see it, then
how many chats it goes to, and the buttons (Send or Schedule, Cancel, the English version)."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from bot import callbacks
from bot.announcements import Copy, payload_for
from bot.callbacks import AnnounceAction
from bot.lang import Lang
from bot.storage import Announcement
from bot.when import format_when
from handlers.context import Context, render

__all__ = ["show_preview"]

logger = logging.getLogger(__name__)


async def _show_version(context: Context, chat_id: int, announcement: Announcement, version: str) -> bool:
    payload = payload_for(announcement, version)
    try:
        if not isinstance(payload, Copy):
            await context.bot.send_message(chat_id, payload)
        elif len(payload.message_ids) == 1:
            await context.bot.copy_message(chat_id, payload.chat_id, payload.message_ids[0])
        else:
            await context.bot.copy_messages(chat_id, payload.chat_id, payload.message_ids)
    except BadRequest as exc:
        logger.info("Could not preview announcement %d: %s", announcement.id, exc)
        return False
    return True


def _buttons(context: Context, announcement: Announcement, lang: Lang) -> InlineKeyboardMarkup:
    send = "button_announce_schedule" if announcement.due is not None else "button_announce_send"
    rows = [
        [
            InlineKeyboardButton(
                render(context, send, lang), callback_data=callbacks.announce(AnnounceAction.SEND, announcement.id)
            ),
            InlineKeyboardButton(
                render(context, "button_cancel", lang),
                callback_data=callbacks.announce(AnnounceAction.CANCEL, announcement.id),
            ),
        ]
    ]
    if announcement.source_chat_id is not None and "en" not in announcement.sources:
        rows.append(
            [
                InlineKeyboardButton(
                    render(context, "button_announce_english", lang),
                    callback_data=callbacks.announce(AnnounceAction.ENGLISH, announcement.id),
                )
            ]
        )
    return InlineKeyboardMarkup(rows)


async def show_preview(
    context: Context, chat_id: int, announcement_id: int, lang: Lang, *, shown: bool = False
) -> None:
    """Send the preview of a draft to the operator's chat (``shown``: its text was sent
    already, only the prompt follows)."""
    data = context.bot_data
    announcement = await data.storage.get_announcement(announcement_id)
    if announcement is None:
        return
    if announcement.source_chat_id is not None:
        versions = ("tr", "en") if "en" in announcement.sources else ("tr",)
        for version in versions:
            if len(versions) == 1:
                label = render(context, "announce_version_all", lang)
            else:
                name = data.assistant.content.messages.texts["language_name"][version]
                label = render(context, "announce_version", lang, language=name)
            await context.bot.send_message(chat_id, label)
            if not await _show_version(context, chat_id, announcement, version):
                await data.announcer.cancel(announcement_id)
                await context.bot.send_message(chat_id, render(context, "announce_not_copyable", lang))
                return
    elif not shown:
        await _show_version(context, chat_id, announcement, "tr")
    count = len(await data.announcer.recipients(announcement.audience))
    if announcement.due is not None:
        text = render(context, "announce_preview_scheduled", lang, count=count, when=format_when(announcement.due))
    else:
        text = render(context, "announce_preview", lang, count=count)
    await context.bot.send_message(chat_id, text, reply_markup=_buttons(context, announcement, lang))

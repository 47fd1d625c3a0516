"""Taking the operator's own messages as announcements: the message replied to with
/announce, or the next one after /announce (or after "Add an English version").

Telegram sends an album as one message per item with the same ``media_group_id``, so
the operator's recent messages are remembered (in memory, per operator) and an album
that follows /announce is taken a moment after its first item arrives."""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

from telegram import Message, Update

from bot.lang import Lang
from handlers.admin.preview import show_preview
from handlers.context import Context, render
from handlers.language import language_of
from handlers.messages import on_private_text

__all__ = [
    "Waiting",
    "album_ids",
    "expect_message",
    "on_operator_message",
    "preview_text",
    "take_messages",
    "waiting_notice",
]

logger = logging.getLogger(__name__)

ALBUM_WAIT = 1.5  # seconds after an album's first item, for the rest to arrive
WAITING_FOR = 15 * 60.0  # seconds an operator has to send the message after /announce
_RECENT = 200  # messages remembered per operator
_KEY = "operator_inbox"


@dataclass(frozen=True, slots=True)
class Waiting:
    """What the operator's next message is: a new announcement (``draft_id`` None, perhaps
    with a time) or the English version of a draft."""

    draft_id: int | None = None
    due: datetime | None = None
    until: float = 0.0


@dataclass(slots=True)
class _Seen:
    message_id: int
    media_group_id: str | None
    preview: str


@dataclass(slots=True)
class _Inbox:
    recent: deque[_Seen] = field(default_factory=lambda: deque(maxlen=_RECENT))
    waiting: Waiting | None = None
    albums: set[str] = field(default_factory=set)  # albums being collected


def _inbox(context: Context) -> _Inbox:
    data = context.user_data
    if data is None:
        raise RuntimeError("operators' messages need user data")
    inbox = data.get(_KEY)
    if not isinstance(inbox, _Inbox):
        inbox = data[_KEY] = _Inbox()
    return inbox


def preview_text(message: Message) -> str:
    """What the lists show of a message: its text or caption, else what it is."""
    if message.text or message.caption:
        return str(message.text or message.caption)
    for kind in ("photo", "video", "document", "animation", "audio", "voice", "sticker"):
        if getattr(message, kind, None):
            return f"[{kind}]"
    return "[message]"


def album_ids(context: Context, message: Message) -> list[int]:
    """The ids of the album ``message`` belongs to, as far as the bot has seen them
    (just ``message`` for a single message)."""
    if message.media_group_id is None:
        return [message.message_id]
    ids = {s.message_id for s in _inbox(context).recent if s.media_group_id == message.media_group_id}
    return sorted(ids | {message.message_id})


def _album_preview(context: Context, media_group_id: str, fallback: str) -> str:
    for seen in sorted(_inbox(context).recent, key=lambda s: s.message_id):
        if seen.media_group_id == media_group_id and not seen.preview.startswith("["):
            return seen.preview
    return fallback


def expect_message(context: Context, waiting: Waiting) -> None:
    """Take the operator's next message as an announcement (or a version of one)."""
    _inbox(context).waiting = Waiting(waiting.draft_id, waiting.due, time.monotonic() + WAITING_FOR)


async def take_messages(
    context: Context, chat_id: int, user_id: int, ids: list[int], preview: str, waiting: Waiting, lang: Lang
) -> None:
    """Make the messages a draft (or the English version of one) and show the preview."""
    announcer = context.bot_data.announcer
    if waiting.draft_id is None:
        announcement_id = await announcer.draft_copy(user_id, chat_id, ids, preview, due=waiting.due)
    else:
        announcement_id = waiting.draft_id
        if not await announcer.add_version(announcement_id, "en", chat_id, ids, preview):
            await context.bot.send_message(chat_id, render(context, "announce_stale", lang))
            return
    await show_preview(context, chat_id, announcement_id, lang)


async def on_operator_message(update: Update, context: Context) -> None:
    """Every message an operator sends the bot in private (not commands): remembered for
    albums; taken as an announcement when one is expected; otherwise a question."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None:
        return
    inbox = _inbox(context)
    inbox.recent.append(_Seen(message.message_id, message.media_group_id, preview_text(message)))
    waiting = inbox.waiting
    if waiting is not None and waiting.until < time.monotonic():
        waiting = inbox.waiting = None
    group = message.media_group_id
    if group is not None and group in inbox.albums:
        return  # another item of an album being collected
    if waiting is None:
        if message.text:
            await on_private_text(update, context)
        return
    inbox.waiting = None
    lang = await language_of(update, context)
    chat_id = message.chat.id
    if group is None:
        await take_messages(context, chat_id, user.id, [message.message_id], preview_text(message), waiting, lang)
        return
    inbox.albums.add(group)
    job_queue = context.job_queue
    if job_queue is None:  # no JobQueue: take what has arrived
        await _finish_album(context, chat_id, user.id, group, waiting, lang)
        return

    async def finish(job_context: Context) -> None:
        await _finish_album(job_context, chat_id, user.id, group, waiting, lang)

    job_queue.run_once(finish, when=ALBUM_WAIT, chat_id=chat_id, user_id=user.id, name=f"album:{group}")


async def _finish_album(context: Context, chat_id: int, user_id: int, group: str, waiting: Waiting, lang: Lang) -> None:
    inbox = _inbox(context)
    inbox.albums.discard(group)
    ids = sorted({s.message_id for s in inbox.recent if s.media_group_id == group})
    if not ids:
        return
    await take_messages(context, chat_id, user_id, ids, _album_preview(context, group, "[album]"), waiting, lang)


async def waiting_notice(update: Update, context: Context, key: str) -> None:
    """Tell the operator to send the message now."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(render(context, key, await language_of(update, context)))
